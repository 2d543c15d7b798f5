using Xous.Crypto;

namespace Xous.Differential.Programs;

/// <summary>libs/Xous.Crypto's bcrypt: raw output at cost 4 and 5, the $2b$ string and its verification.</summary>
public static class CryptoBcrypt
{
    public static int Main()
    {
        byte[] salt = CryptoOutput.Bytes(16, 0xD000);
        byte[] raw = new byte[Bcrypt.OutputSizeInBytes];
        foreach (int length in new[] { 1, 16, 72 })
        {
            Bcrypt.HashRaw(CryptoOutput.Bytes(length, 0xD100u + (uint)length), salt, 4, raw);
            CryptoOutput.Line("bcrypt raw " + length, raw);
        }

        Bcrypt.HashRaw(CryptoOutput.Bytes(9, 0xD200), salt, 5, raw);
        CryptoOutput.Line("bcrypt raw cost 5", raw);
        byte[] password = CryptoOutput.Bytes(12, 0xD300);
        string hash = Bcrypt.HashPassword(password, salt, 4);
        Xous.Diagnostics.Transcript.WriteLine("bcrypt string: " + hash);
        CryptoOutput.Line("bcrypt verify", Bcrypt.Verify(password, hash));
        password[0] ^= 1;
        CryptoOutput.Line("bcrypt verify wrong password", Bcrypt.Verify(password, hash));
        CryptoOutput.Line("bcrypt verify malformed", Bcrypt.Verify(password, "$2b$04$tooshort"));
        return 0;
    }
}

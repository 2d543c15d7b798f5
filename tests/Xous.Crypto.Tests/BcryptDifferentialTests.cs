using System.Diagnostics;
using System.Text;
using CsCheck;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// bcrypt against BouncyCastle: generated cases at cost 4 for the raw output, the <c>$2b$</c> string, verification of
/// BouncyCastle's strings and of altered strings; one case at cost 7 (what the device uses) and one at cost 10.
/// </summary>
/// <remarks>
/// The primitive (the raw hash) runs the 10,000 cases of every differential test (<see cref="Deterministic.Cases"/>).
/// The string-format tests each hash twice or more per case at cost 4, several milliseconds each in BouncyCastle on
/// the CI machine, so they run <see cref="s_cases"/> cases (default 1,000); <c>XOUS_BCRYPT_CASES=10000</c> runs more.
/// </remarks>
public class BcryptDifferentialTests(ITestOutputHelper output)
{
    private const int Cost = 4;

    /// <summary>Cases per test: 1,000, or <c>XOUS_BCRYPT_CASES</c> when that is set.</summary>
    private static readonly int s_cases =
        int.TryParse(Environment.GetEnvironmentVariable("XOUS_BCRYPT_CASES"), out int requested) && requested > 0 ? requested : 1_000;

    /// <summary>Characters of every UTF-8 length (1 to 3 bytes, and 4 through surrogate pairs), including NUL.</summary>
    private static readonly Gen<string> s_passwords = Gen.OneOf(
        Gen.Char['\0', '\x7f'].Array[0, 80].Select(chars => new string(chars)),
        Gen.Char['\0', '\u00ff'].Array[0, 60].Select(chars => new string(chars)),
        Gen.Char['\u0100', '\ud7ff'].Array[0, 30].Select(chars => new string(chars)),
        Gen.Int[0x10000, 0x10FFFF].Array[0, 20].Select(points =>
        {
            var text = new StringBuilder();
            foreach (int point in points)
            {
                text.Append(char.ConvertFromUtf32(point));
            }

            return text.ToString();
        }));

    private static readonly Gen<byte[]> s_salts = Gen.Byte.Array[16];

    [Fact]
    public void HashRaw_equals_BouncyCastle_BCrypt_Generate()
    {
        Gen<(byte[] Key, byte[] Salt)> cases = Gen.Select(
            Gen.OneOf(Gen.Int[1, 72], Gen.Int[68, 72], Gen.Const(1)).SelectMany(n => Gen.Byte.Array[n]), s_salts);
        byte[] actual = new byte[Bcrypt.OutputSizeInBytes];
        Deterministic.Run(cases, 1999, c =>
        {
            Bcrypt.HashRaw(c.Key, c.Salt, Cost, actual);
            Assert.Equal(BCrypt.Generate(c.Key, c.Salt, Cost, addTerminator: false), actual);
        }, output);
    }

    [Fact]
    public void HashPassword_equals_OpenBsdBCrypt_and_verifies_its_strings()
    {
        Gen<(string Password, byte[] Salt)> cases = Gen.Select(s_passwords, s_salts);
        Deterministic.Run(cases, 2014, c =>
        {
            string expected = OpenBsdBCrypt.Generate("2b", c.Password.ToCharArray(), c.Salt, Cost);
            byte[] utf8 = Encoding.UTF8.GetBytes(c.Password);
            Assert.Equal(expected, Bcrypt.HashPassword(utf8, c.Salt, Cost));
            Assert.True(Bcrypt.Verify(utf8, "$2y$" + expected[4..]));
        }, output, cases: s_cases);
    }

    [Fact]
    public void Verify_agrees_with_OpenBsdBCrypt_CheckPassword_on_altered_strings()
    {
        const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        const string Strangers = "$+=-_ \0~é€";

        // One alteration each: a character anywhere (alphabet or not; the cost digits only to values that stay
        // cheap or become invalid), the version letter, the length; or the wrong password.
        Gen<Func<string, string>> alterations = Gen.OneOf(
            Gen.Select(Gen.Int[7, 59], Gen.OneOf(Gen.Int[0, 63].Select(i => Alphabet[i]), Gen.Int[0, Strangers.Length - 1].Select(i => Strangers[i])),
                (position, c) => (Func<string, string>)(s => s[..position] + c + s[(position + 1)..])),
            Gen.Int[0, 6].Select(i => (Func<string, string>)(s => s[..4] + "0x/4 0x"[i] + s[5..])),
            Gen.Int[0, 4].Select(i => (Func<string, string>)(s => s[..5] + "345x$"[i] + s[6..])),
            Gen.Int[0, 5].Select(i => (Func<string, string>)(s => s[..2] + "abyxcB"[i] + s[3..])),
            Gen.Int[0, 3].Select(i => (Func<string, string>)(s => s[..i] + "!" + s[(i + 1)..])),
            Gen.Int[0, 59].Select(n => (Func<string, string>)(s => s[..n])),
            Gen.Const((Func<string, string>)(s => s + "a")),
            Gen.Const((Func<string, string>)(s => s)));
        Gen<(string Password, byte[] Salt, Func<string, string> Alter, bool WrongPassword)> cases =
            Gen.Select(s_passwords, s_salts, alterations, Gen.Bool);
        int accepted = 0;
        Deterministic.Run(cases, 2024, c =>
        {
            string hash = c.Alter(OpenBsdBCrypt.Generate("2b", c.Password.ToCharArray(), c.Salt, Cost));
            string password = c.WrongPassword ? c.Password + "!" : c.Password;
            bool expected = CheckWithBouncyCastle(hash, password);
            Assert.Equal(expected, Bcrypt.Verify(Encoding.UTF8.GetBytes(password), hash));
            accepted += expected ? 1 : 0;
        }, output, cases: s_cases);

        // Roughly: unaltered or harmlessly altered (same character, other accepted version) with the right password.
        Assert.InRange(accepted, s_cases / 20, s_cases / 2);
    }

    [Fact]
    public void Cost_7_as_on_the_device_equals_BouncyCastle()
    {
        byte[] key = [.. "boot PIN 123456"u8, 0];
        byte[] salt = Convert.FromHexString("0123456789abcdef0123456789abcdef");
        byte[] actual = new byte[Bcrypt.OutputSizeInBytes];
        Bcrypt.HashRaw(key, salt, 7, actual);
        Assert.Equal(BCrypt.Generate(key, salt, 7, addTerminator: false), actual);
        Assert.Equal(OpenBsdBCrypt.Generate("2b", "boot PIN 123456".ToCharArray(), salt, 7), Bcrypt.HashPassword("boot PIN 123456"u8, salt, 7));
    }

    [Fact]
    public void Cost_10_equals_BouncyCastle()
    {
        byte[] salt = Convert.FromHexString("fedcba9876543210fedcba9876543210");
        var timer = Stopwatch.StartNew();
        string ours = Bcrypt.HashPassword("a longer passphrase, as a user would choose"u8, salt, 10);
        output.WriteLine($"cost 10 took {timer.ElapsedMilliseconds} ms");
        Assert.Equal(OpenBsdBCrypt.Generate("2b", "a longer passphrase, as a user would choose".ToCharArray(), salt, 10), ours);
    }

    private static bool CheckWithBouncyCastle(string hash, string password)
    {
        try
        {
            return OpenBsdBCrypt.CheckPassword(hash, password.ToCharArray());
        }
        catch (Exception malformed) when (malformed is ArgumentException or DataLengthException or FormatException)
        {
            // BouncyCastle throws for malformed strings; Bcrypt.Verify answers false.
            return false;
        }
    }
}

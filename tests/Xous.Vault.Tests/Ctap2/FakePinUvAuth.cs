using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Xous.Crypto;
using Xous.Vault.Pin;

namespace Xous.Vault.Tests.Ctap2;

/// <summary>
/// A PIN/UV stand-in: a fixed token (pinUvAuthParam = HMAC-SHA-256(token, message), 16 bytes for protocol 1, 32 for 2),
/// a permission set and RP binding; hmac-secret key agreement replaced by a fixed shared secret (the COSE key bytes are
/// only recorded), protocol 1/2 encryption with AES-256-CBC as in CTAP 2.1.
/// </summary>
public sealed class FakePinUvAuth : IPinUvAuth
{
    public byte[] Token { get; } = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public byte[] SharedSecret { get; } = Convert.FromHexString(
        "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf");

    public bool IsPinSet { get; set; }

    public bool AlwaysUv { get; set; }

    public bool ForcePinChange { get; set; }

    public int MinPinLength { get; set; } = 4;

    public bool EnterpriseAttestationEnabled => false;

    public PinUvAuthPermissions Permissions { get; set; } = PinUvAuthPermissions.MakeCredential | PinUvAuthPermissions.GetAssertion | PinUvAuthPermissions.CredentialManagement;

    public string? BoundRpId { get; set; }

    public bool TokenUserPresent { get; set; }

    public int Resets { get; private set; }

    public string? MinPinLengthRpId { get; set; }

    public byte[]? LastPlatformKey { get; private set; }

    public bool IsProtocolSupported(ulong protocol) => protocol is 1 or 2;

    public byte[] Authenticate(ulong protocol, ReadOnlySpan<byte> message) => Mac(Token, protocol, message);

    public static byte[] Mac(ReadOnlySpan<byte> key, ulong protocol, ReadOnlySpan<byte> message)
    {
        byte[] mac = new byte[32];
        HmacSha256.Compute(key, message, mac);
        return protocol == 1 ? mac[..16] : mac;
    }

    public CtapStatus VerifyPinUvAuthParam(ulong protocol, ReadOnlySpan<byte> message, ReadOnlySpan<byte> pinUvAuthParam, PinUvAuthPermissions permission, string? rpId)
    {
        if (!IsProtocolSupported(protocol))
        {
            return CtapStatus.InvalidParameter;
        }

        if (!FixedTime.Equals(Mac(Token, protocol, message), pinUvAuthParam) || (Permissions & permission) == 0)
        {
            return CtapStatus.PinAuthInvalid;
        }

        if (rpId is not null)
        {
            if (BoundRpId is not null && BoundRpId != rpId)
            {
                return CtapStatus.PinAuthInvalid;
            }

            BoundRpId = rpId;
        }

        return CtapStatus.Ok;
    }

    public bool TakeTokenUserPresence()
    {
        bool present = TokenUserPresent;
        TokenUserPresent = false;
        return present;
    }

    public CtapStatus DeriveSharedSecret(ulong protocol, ReadOnlySpan<byte> platformCoseKey, Span<byte> sharedSecret, out int length)
    {
        LastPlatformKey = platformCoseKey.ToArray();
        length = protocol == 1 ? 32 : 64;
        SharedSecret.AsSpan(0, length).CopyTo(sharedSecret);
        return CtapStatus.Ok;
    }

    public bool VerifyWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> message, ReadOnlySpan<byte> param) =>
        FixedTime.Equals(Mac(sharedSecret[..32], protocol, message), param);

    public int EncryptWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        byte[] encrypted = Encrypt(protocol, sharedSecret, plaintext, new byte[16]);
        encrypted.CopyTo(output);
        return encrypted.Length;
    }

    public bool DecryptWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> ciphertext, Span<byte> output, out int length)
    {
        byte[]? plain = Decrypt(protocol, sharedSecret, ciphertext);
        length = plain?.Length ?? 0;
        plain?.CopyTo(output);
        return plain is not null;
    }

    /// <summary>Protocol 1: AES-256-CBC zero IV under the 32-byte secret; 2: IV ‖ AES-256-CBC under secret[32..].</summary>
    public static byte[] Encrypt(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> plaintext, byte[] iv)
    {
        byte[] key = protocol == 1 ? sharedSecret[..32].ToArray() : sharedSecret[32..64].ToArray();
        CbcBlockCipher cipher = new(new AesEngine());
        cipher.Init(true, new ParametersWithIV(new KeyParameter(key), protocol == 1 ? new byte[16] : iv));
        byte[] body = new byte[plaintext.Length];
        for (int i = 0; i < plaintext.Length; i += 16)
        {
            cipher.ProcessBlock(plaintext.ToArray(), i, body, i);
        }

        return protocol == 1 ? body : [.. iv, .. body];
    }

    public static byte[]? Decrypt(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> ciphertext)
    {
        byte[] iv = protocol == 1 ? new byte[16] : ciphertext[..Math.Min(16, ciphertext.Length)].ToArray();
        byte[] body = protocol == 1 ? ciphertext.ToArray() : ciphertext[Math.Min(16, ciphertext.Length)..].ToArray();
        if (body.Length == 0 || body.Length % 16 != 0 || iv.Length != 16)
        {
            return null;
        }

        byte[] key = protocol == 1 ? sharedSecret[..32].ToArray() : sharedSecret[32..64].ToArray();
        CbcBlockCipher cipher = new(new AesEngine());
        cipher.Init(false, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] plain = new byte[body.Length];
        for (int i = 0; i < body.Length; i += 16)
        {
            cipher.ProcessBlock(body, i, plain, i);
        }

        return plain;
    }

    public int PermissionClears { get; private set; }

    // Counted only: these tests reuse one fake token; the real clearing is tested with the real PinSubsystem.
    public void ClearTokenPermissionsExceptLargeBlobWrite() => PermissionClears++;

    public bool IsMinPinLengthRpId(string rpId) => rpId == MinPinLengthRpId;

    public void Reset()
    {
        Resets++;
        IsPinSet = false;
        AlwaysUv = false;
    }
}

/// <summary>A clientPIN/largeBlobs/config stand-in that records calls and answers a fixed status.</summary>
public sealed class RecordingCommand : ICtapCommand
{
    public int Calls { get; private set; }

    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        Calls++;
        responseLength = 0;
        return CtapStatus.Ok;
    }
}

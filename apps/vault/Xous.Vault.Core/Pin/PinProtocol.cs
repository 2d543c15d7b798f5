using System;
using Xous.Crypto;

namespace Xous.Vault.Pin;

/// <summary>
/// The two PIN/UV auth protocols (CTAP 2.1 §6.5.6 protocol one, §6.5.7 protocol two): the KDF from the ECDH
/// x coordinate, encrypt/decrypt under the shared secret, and authenticate/verify under a shared secret or a
/// pinUvAuthToken. Stateless; every key is the caller's span.
/// </summary>
internal static class PinProtocol
{
    /// <summary>Protocol one.</summary>
    public const ulong One = 1;

    /// <summary>Protocol two.</summary>
    public const ulong Two = 2;

    /// <summary>The largest shared secret (protocol two: HMAC key ‖ AES key).</summary>
    public const int MaxSharedSecretLength = 64;

    private static ReadOnlySpan<byte> HmacKeyInfo => "CTAP2 HMAC key"u8;

    private static ReadOnlySpan<byte> AesKeyInfo => "CTAP2 AES key"u8;

    /// <summary>Whether the protocol is one this authenticator speaks.</summary>
    public static bool IsSupported(ulong protocol) => protocol == One || protocol == Two;

    /// <summary>The shared secret's length: 32 (one) or 64 (two).</summary>
    public static int SharedSecretLength(ulong protocol) => protocol == One ? 32 : 64;

    /// <summary>The length of authenticate()'s output: 16 (one) or 32 (two).</summary>
    public static int SignatureLength(ulong protocol) => protocol == One ? 16 : 32;

    /// <summary>The bytes encrypt() adds in front of the ciphertext: 0 (one) or a 16-byte IV (two).</summary>
    public static int IvLength(ulong protocol) => protocol == One ? 0 : AesCbc.BlockSize;

    /// <summary>kdf(Z): SHA-256(Z) (one) or HKDF-SHA-256(salt 32×0, "CTAP2 HMAC key") ‖ HKDF(…, "CTAP2 AES key") (two).</summary>
    public static void Kdf(ulong protocol, ReadOnlySpan<byte> sharedX, Span<byte> sharedSecret)
    {
        if (protocol == One)
        {
            Sha256.Hash(sharedX, sharedSecret[..32]);
            return;
        }

        Span<byte> salt = stackalloc byte[32];
        salt.Clear();
        HkdfSha256.DeriveKey(sharedX, salt, HmacKeyInfo, sharedSecret[..32]);
        HkdfSha256.DeriveKey(sharedX, salt, AesKeyInfo, sharedSecret.Slice(32, 32));
    }

    /// <summary>The ciphertext length encrypt() gives for <paramref name="plaintextLength"/> (whole blocks).</summary>
    public static int EncryptedLength(ulong protocol, int plaintextLength) => IvLength(protocol) + plaintextLength;

    /// <summary>
    /// encrypt(sharedSecret, plaintext): AES-256-CBC with a zero IV under the whole 32-byte secret (one), or a fresh
    /// random IV ‖ AES-256-CBC under the AES half (two). The plaintext must be whole blocks.
    /// </summary>
    /// <returns>The bytes written.</returns>
    public static int Encrypt(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> plaintext, Span<byte> output, IEntropySource entropy)
    {
        int length = EncryptedLength(protocol, plaintext.Length);
        if (output.Length < length)
        {
            throw new ArgumentException("The output is too short for the ciphertext.", nameof(output));
        }

        Span<byte> iv = stackalloc byte[AesCbc.BlockSize];
        if (protocol == One)
        {
            iv.Clear();
            AesCbc.Encrypt(sharedSecret[..32], iv, plaintext, output[..plaintext.Length]);
            return length;
        }

        entropy.Fill(iv);
        iv.CopyTo(output);
        AesCbc.Encrypt(sharedSecret.Slice(32, 32), iv, plaintext, output.Slice(AesCbc.BlockSize, plaintext.Length));
        return length;
    }

    /// <summary>decrypt(sharedSecret, ciphertext); false for a length that is not whole blocks (after the IV for two) or empty.</summary>
    public static bool Decrypt(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> ciphertext, Span<byte> output, out int length)
    {
        length = 0;
        int ivLength = IvLength(protocol);
        int bodyLength = ciphertext.Length - ivLength;
        if (bodyLength <= 0 || bodyLength % AesCbc.BlockSize != 0 || output.Length < bodyLength)
        {
            return false;
        }

        if (protocol == One)
        {
            Span<byte> zero = stackalloc byte[AesCbc.BlockSize];
            zero.Clear();
            AesCbc.Decrypt(sharedSecret[..32], zero, ciphertext, output[..bodyLength]);
        }
        else
        {
            AesCbc.Decrypt(sharedSecret.Slice(32, 32), ciphertext[..ivLength], ciphertext[ivLength..], output[..bodyLength]);
        }

        length = bodyLength;
        return true;
    }

    /// <summary>authenticate(sharedSecret, message): HMAC-SHA-256 truncated to 16 bytes (one), or the full HMAC under the HMAC half (two).</summary>
    public static void AuthenticateWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> message, Span<byte> signature) =>
        Authenticate(protocol, sharedSecret[..32], message, signature);

    /// <summary>authenticate(key, message) with a 32-byte key (a pinUvAuthToken or a shared secret's HMAC part).</summary>
    public static void Authenticate(ulong protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Span<byte> mac = stackalloc byte[HmacSha256.HashSizeInBytes];
        HmacSha256.Compute(key, message, mac);
        mac[..SignatureLength(protocol)].CopyTo(signature);
        mac.Clear();
    }

    /// <summary>verify(key, message, signature): the right length for the protocol and a constant-time match.</summary>
    public static bool Verify(ulong protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        int expectedLength = SignatureLength(protocol);
        if (signature.Length != expectedLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        Authenticate(protocol, key, message, expected);
        bool equal = FixedTime.Equals(expected[..expectedLength], signature);
        expected.Clear();
        return equal;
    }
}

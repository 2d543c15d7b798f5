using System;
using Xous.Crypto;

namespace Xous.Vault.Credentials;

/// <summary>
/// The one credential ID format (CTAP2 non-resident, resident and U2F key handles): version 0x01 ‖ nonce (12) ‖
/// AES-256-GCM ciphertext ‖ tag (16), under the credential wrapping key, with associated data version ‖ SHA-256(rpId)
/// (for U2F the application parameter). Plaintext: algorithm (1) ‖ flags (1: 0x01 resident, 0x02 hmac-secret) ‖
/// credProtect (1) ‖ credBlob length (1) ‖ seed (32) ‖ credBlob (0–32). 65 to 97 bytes. Layout in docs/vault-storage.md.
/// </summary>
internal static class CredentialId
{
    /// <summary>The format version byte.</summary>
    public const byte Version = 1;

    /// <summary>Nonce bytes.</summary>
    public const int NonceLength = 12;

    /// <summary>Tag bytes.</summary>
    public const int TagLength = 16;

    /// <summary>Plaintext bytes before the credBlob.</summary>
    public const int FixedPlaintextLength = 4 + CredentialSecrets.SeedLength;

    /// <summary>The shortest credential ID.</summary>
    public const int MinLength = 1 + NonceLength + FixedPlaintextLength + TagLength;

    /// <summary>The longest credential ID.</summary>
    public const int MaxLength = MinLength + AuthenticatorLimits.MaxCredBlobLength;

    private const byte FlagResident = 0x01;
    private const byte FlagHmacSecret = 0x02;

    /// <summary>Seals <paramref name="secrets"/> into a new credential ID bound to <paramref name="rpIdHash"/>.</summary>
    /// <returns>The ID length.</returns>
    public static int Seal(ReadOnlySpan<byte> wrappingKey, ReadOnlySpan<byte> rpIdHash, CredentialSecrets secrets, IEntropySource entropy, Span<byte> id)
    {
        int plaintextLength = FixedPlaintextLength + secrets.CredBlobLength;
        int length = 1 + NonceLength + plaintextLength + TagLength;
        if (id.Length < length)
        {
            throw new ArgumentException("The credential ID buffer is too small.", nameof(id));
        }

        Span<byte> plaintext = stackalloc byte[FixedPlaintextLength + AuthenticatorLimits.MaxCredBlobLength];
        plaintext[0] = (byte)secrets.Algorithm;
        plaintext[1] = (byte)((secrets.Resident ? FlagResident : 0) | (secrets.HmacSecret ? FlagHmacSecret : 0));
        plaintext[2] = secrets.CredProtect;
        plaintext[3] = (byte)secrets.CredBlobLength;
        secrets.Seed.AsSpan().CopyTo(plaintext[4..]);
        secrets.CredBlob.CopyTo(plaintext[FixedPlaintextLength..]);

        Span<byte> associated = stackalloc byte[33];
        associated[0] = Version;
        rpIdHash.CopyTo(associated[1..]);

        id[0] = Version;
        entropy.Fill(id.Slice(1, NonceLength));
        AesGcm.Encrypt(
            wrappingKey, id.Slice(1, NonceLength), plaintext[..plaintextLength], associated,
            id.Slice(1 + NonceLength, plaintextLength), id.Slice(1 + NonceLength + plaintextLength, TagLength));
        plaintext.Clear();
        return length;
    }

    /// <summary>Opens a credential ID for <paramref name="rpIdHash"/>; null when it is not one of ours for that RP.</summary>
    public static CredentialSecrets? Open(ReadOnlySpan<byte> wrappingKey, ReadOnlySpan<byte> rpIdHash, ReadOnlySpan<byte> id)
    {
        if (id.Length < MinLength || id.Length > MaxLength || id[0] != Version || rpIdHash.Length != 32)
        {
            return null;
        }

        int plaintextLength = id.Length - 1 - NonceLength - TagLength;
        Span<byte> plaintext = stackalloc byte[FixedPlaintextLength + AuthenticatorLimits.MaxCredBlobLength];
        Span<byte> associated = stackalloc byte[33];
        associated[0] = Version;
        rpIdHash.CopyTo(associated[1..]);
        bool authentic = AesGcm.Decrypt(
            wrappingKey, id.Slice(1, NonceLength), id.Slice(1 + NonceLength, plaintextLength),
            id.Slice(1 + NonceLength + plaintextLength, TagLength), associated, plaintext[..plaintextLength]);
        CredentialSecrets? result = null;
        if (authentic && plaintext[3] == plaintextLength - FixedPlaintextLength
            && (plaintext[0] == (byte)CredentialAlgorithm.Es256 || plaintext[0] == (byte)CredentialAlgorithm.EdDsa)
            && plaintext[2] >= 1 && plaintext[2] <= 3)
        {
            result = new CredentialSecrets
            {
                Algorithm = (CredentialAlgorithm)plaintext[0],
                Resident = (plaintext[1] & FlagResident) != 0,
                HmacSecret = (plaintext[1] & FlagHmacSecret) != 0,
                CredProtect = plaintext[2],
            };
            plaintext.Slice(4, CredentialSecrets.SeedLength).CopyTo(result.Seed);
            result.SetCredBlob(plaintext.Slice(FixedPlaintextLength, plaintext[3]));
        }

        plaintext.Clear();
        return result;
    }
}

using System;
using Xous.Cbor;
using Xous.Crypto;

namespace Xous.Vault.Credentials;

/// <summary>
/// The keys of a credential, derived from its seed: the signing key (ES256: HMAC-SHA-256(seed, "Xous.Vault.ES256" ‖ i)
/// for the first i giving a valid scalar; EdDSA: HMAC-SHA-256(seed, "Xous.Vault.Ed25519") as the Ed25519 seed) and
/// CredRandom for hmac-secret (HMAC-SHA-256(seed, "Xous.Vault.hmac-secret" ‖ uv), so it differs with and without UV).
/// Every derived private key is wiped after use.
/// </summary>
internal static class CredentialKeys
{
    /// <summary>The longest COSE public key written.</summary>
    public const int MaxCoseKeyLength = 80;

    /// <summary>The longest signature (DER ECDSA; Ed25519 is 64).</summary>
    public const int MaxSignatureLength = P256.MaxDerSignatureSizeInBytes;

    /// <summary>Derives the private key: 32 bytes for either algorithm.</summary>
    public static void DerivePrivateKey(CredentialSecrets secrets, Span<byte> privateKey)
    {
        Span<byte> label = stackalloc byte[24];
        if (secrets.Algorithm == CredentialAlgorithm.EdDsa)
        {
            ReadOnlySpan<byte> text = "Xous.Vault.Ed25519"u8;
            text.CopyTo(label);
            HmacSha256.Compute(secrets.Seed, label[..text.Length], privateKey);
            return;
        }

        ReadOnlySpan<byte> es256 = "Xous.Vault.ES256"u8;
        es256.CopyTo(label);
        for (byte attempt = 0; attempt < 255; attempt++)
        {
            label[es256.Length] = attempt;
            HmacSha256.Compute(secrets.Seed, label[..(es256.Length + 1)], privateKey);
            if (P256.IsValidPrivateKey(privateKey))
            {
                return;
            }
        }

        throw new InvalidOperationException("No valid P-256 scalar could be derived.");
    }

    /// <summary>Writes the uncompressed P-256 public key (65 bytes) of an ES256 credential.</summary>
    public static void GetEs256PublicKey(CredentialSecrets secrets, Span<byte> publicKey)
    {
        Span<byte> privateKey = stackalloc byte[32];
        DerivePrivateKey(secrets, privateKey);
        P256.GeneratePublicKey(privateKey, publicKey);
        privateKey.Clear();
    }

    /// <summary>Writes the COSE_Key of the credential's public key (canonical CBOR); returns its length.</summary>
    public static int WriteCosePublicKey(CredentialSecrets secrets, Span<byte> destination)
    {
        CborWriter writer = new(destination);
        WriteCosePublicKey(secrets, ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes the COSE_Key of the credential's public key into an open writer.</summary>
    public static void WriteCosePublicKey(CredentialSecrets secrets, ref CborWriter writer)
    {
        Span<byte> privateKey = stackalloc byte[32];
        DerivePrivateKey(secrets, privateKey);
        if (secrets.Algorithm == CredentialAlgorithm.EdDsa)
        {
            byte[] publicKey = new byte[32];
            Ed25519.GetPublicKey(privateKey, publicKey);
            privateKey.Clear();
            writer.WriteStartMap(4);
            writer.WriteInt64(1);
            writer.WriteInt64(1);
            writer.WriteInt64(3);
            writer.WriteInt64(CredentialSecrets.CoseEdDsa);
            writer.WriteInt64(-1);
            writer.WriteInt64(6);
            writer.WriteInt64(-2);
            writer.WriteByteString(publicKey);
            writer.WriteEndMap();
            return;
        }

        byte[] point = new byte[65];
        P256.GeneratePublicKey(privateKey, point);
        privateKey.Clear();
        WriteEs256CoseKey(point, ref writer);
    }

    /// <summary>Writes {1:2, 3:-7, -1:1, -2:x, -3:y} for an uncompressed P-256 point.</summary>
    public static void WriteEs256CoseKey(ReadOnlySpan<byte> point, ref CborWriter writer)
    {
        writer.WriteStartMap(5);
        writer.WriteInt64(1);
        writer.WriteInt64(2);
        writer.WriteInt64(3);
        writer.WriteInt64(CredentialSecrets.CoseEs256);
        writer.WriteInt64(-1);
        writer.WriteInt64(1);
        writer.WriteInt64(-2);
        writer.WriteByteString(point.Slice(1, 32));
        writer.WriteInt64(-3);
        writer.WriteByteString(point.Slice(33, 32));
        writer.WriteEndMap();
    }

    /// <summary>Signs <paramref name="message"/> (ES256: DER ECDSA over SHA-256; EdDSA: Ed25519); returns the signature length.</summary>
    public static int Sign(CredentialSecrets secrets, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Span<byte> privateKey = stackalloc byte[32];
        DerivePrivateKey(secrets, privateKey);
        try
        {
            if (secrets.Algorithm == CredentialAlgorithm.EdDsa)
            {
                Ed25519.Sign(privateKey, message, signature[..Ed25519.SignatureSizeInBytes]);
                return Ed25519.SignatureSizeInBytes;
            }

            return SignEs256(privateKey, message, signature);
        }
        finally
        {
            privateKey.Clear();
        }
    }

    /// <summary>ECDSA P-256 over SHA-256(message), DER-encoded; returns the length.</summary>
    public static int SignEs256(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Span<byte> raw = stackalloc byte[P256.SignatureSizeInBytes];
        P256.SignData(privateKey, message, raw);
        return P256.EncodeDerSignature(raw, signature);
    }

    /// <summary>CredRandom for hmac-secret, 32 bytes; different with and without UV.</summary>
    public static void DeriveCredRandom(CredentialSecrets secrets, bool userVerified, Span<byte> credRandom)
    {
        ReadOnlySpan<byte> text = "Xous.Vault.hmac-secret"u8;
        Span<byte> label = stackalloc byte[32];
        text.CopyTo(label);
        label[text.Length] = userVerified ? (byte)1 : (byte)0;
        HmacSha256.Compute(secrets.Seed, label[..(text.Length + 1)], credRandom);
    }
}

using System;

namespace Xous.Crypto;

/// <summary>
/// Ed25519 signatures (RFC 8032 §5.1, "pure" EdDSA over edwards25519 with SHA-512). Key generation and signing are
/// constant-time in the private key and nonce; verification is variable-time (all its inputs are public).
/// Allocation-free; every secret intermediate (the expanded key, the nonce r, scalar digits, point state) is wiped.
/// </summary>
/// <remarks>
/// Verification rules: the signature must be exactly 64 bytes, S must be below the group order L (no malleable
/// S + L), the public key must decode strictly (y &lt; p, x = 0 only with a clear sign bit) and must not be one of
/// the eight small-order points, and the cofactorless equation [S]B = R + [k]A must hold with R compared as a
/// byte string against the canonical encoding of [S]B − [k]A (so R with y ≥ p, or with x = 0 and the sign bit
/// set, never verifies). These are the rules BouncyCastle applies, and they pass every Wycheproof ed25519 case.
/// </remarks>
public static class Ed25519
{
    /// <summary>The private key (seed) size in bytes.</summary>
    public const int PrivateKeySizeInBytes = 32;

    /// <summary>The public key size in bytes.</summary>
    public const int PublicKeySizeInBytes = 32;

    /// <summary>The signature size in bytes (R || S).</summary>
    public const int SignatureSizeInBytes = 64;

    /// <summary>Derives the public key of a private key (RFC 8032 §5.1.5).</summary>
    /// <param name="privateKey">The 32-byte seed: random bytes kept secret by the caller.</param>
    /// <param name="publicKey">Exactly <see cref="PublicKeySizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static void GetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        Check.Length(privateKey.Length, PrivateKeySizeInBytes, nameof(privateKey));
        Check.Length(publicKey.Length, PublicKeySizeInBytes, nameof(publicKey));
        Ed25519Core.GetPublicKey(privateKey, publicKey);
    }

    /// <summary>Signs a message (RFC 8032 §5.1.6); deterministic, so the same inputs give the same signature.</summary>
    /// <param name="privateKey">The 32-byte seed.</param>
    /// <param name="message">The message, of any length.</param>
    /// <param name="signature">Exactly <see cref="SignatureSizeInBytes"/> bytes; written last, so it may overlap <paramref name="message"/>.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static void Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Check.Length(privateKey.Length, PrivateKeySizeInBytes, nameof(privateKey));
        Check.Length(signature.Length, SignatureSizeInBytes, nameof(signature));
        Ed25519Core.Sign(privateKey, message, signature, -1, default);
    }

    /// <summary>Verifies a signature (RFC 8032 §5.1.7 with the rules in the remarks of <see cref="Ed25519"/>).</summary>
    /// <param name="publicKey">Exactly <see cref="PublicKeySizeInBytes"/> bytes.</param>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The signature; any length other than <see cref="SignatureSizeInBytes"/> is simply invalid (false).</param>
    /// <returns>Whether the signature is valid for this key and message.</returns>
    /// <exception cref="ArgumentException"><paramref name="publicKey"/> is not 32 bytes long.</exception>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Check.Length(publicKey.Length, PublicKeySizeInBytes, nameof(publicKey));
        return Ed25519Core.Verify(publicKey, message, signature, -1, default);
    }
}

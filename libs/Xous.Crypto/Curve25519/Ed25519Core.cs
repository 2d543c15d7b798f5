using System;

namespace Xous.Crypto;

/// <summary>
/// Signing and verification shared by <see cref="Ed25519"/> and <see cref="Ed25519ph"/> (RFC 8032 §5.1.5–5.1.7).
/// Lengths are checked by the callers. <c>prehashFlag</c> −1 means pure Ed25519 (no dom2 prefix); 0 or 1 is the
/// phflag octet of dom2(phflag, context).
/// </summary>
internal static class Ed25519Core
{
    /// <summary>"SigEd25519 no Ed25519 collisions", the dom2 prefix.</summary>
    private static ReadOnlySpan<byte> DomainPrefix => "SigEd25519 no Ed25519 collisions"u8;

    /// <summary>Derives the public key A = [s]B from the 32-byte seed (s = clamped first half of SHA-512(seed)).</summary>
    public static void GetPublicKey(ReadOnlySpan<byte> seed, Span<byte> publicKey)
    {
        Span<byte> expanded = stackalloc byte[64];
        Expand(seed, expanded);
        ExtendedPoint a = default;
        EdwardsScalarMultiplication.MultiplyBase(ref a, expanded[..32]);
        Edwards25519.Encode(publicKey, a);
        a.Wipe();
        expanded.Clear();
    }

    /// <summary>Signs <paramref name="message"/> (the message itself, or the 64-byte prehash for Ed25519ph).</summary>
    public static void Sign(
        ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message, Span<byte> signature, int prehashFlag, ReadOnlySpan<byte> context)
    {
        Span<byte> expanded = stackalloc byte[64];
        Span<byte> publicKey = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[64];
        Span<byte> nonce = stackalloc byte[32];
        Span<byte> challenge = stackalloc byte[32];
        Span<byte> result = stackalloc byte[64];
        Expand(seed, expanded);
        ReadOnlySpan<byte> secretScalar = expanded[..32];
        ReadOnlySpan<byte> prefix = expanded[32..];

        ExtendedPoint point = default;
        EdwardsScalarMultiplication.MultiplyBase(ref point, secretScalar);
        Edwards25519.Encode(publicKey, point);

        // r = SHA-512(dom2 || prefix || M) mod L; R = [r]B.
        Sha512Engine hash = default;
        hash.Initialize();
        AppendDomain(ref hash, prehashFlag, context);
        hash.Append(prefix);
        hash.Append(message);
        hash.Finish(digest);
        Scalar25519.Reduce(digest, nonce);
        EdwardsScalarMultiplication.MultiplyBase(ref point, nonce);
        Edwards25519.Encode(result[..32], point);

        // k = SHA-512(dom2 || R || A || M) mod L; S = (r + k·s) mod L.
        Challenge(ref hash, prehashFlag, context, result[..32], publicKey, message, digest, challenge);
        Scalar25519.MultiplyAdd(result[32..], challenge, secretScalar, nonce);
        result.CopyTo(signature);

        hash.Clear();
        point.Wipe();
        expanded.Clear();
        digest.Clear();
        nonce.Clear();
        challenge.Clear();
        result.Clear();
    }

    /// <summary>
    /// Checks [S]B = R + [k]A with R compared as an encoding (cofactorless). Rejects a signature whose length is not
    /// 64, S ≥ L, a public key that does not decode strictly (y ≥ p, no square root, x = 0 with the sign bit set) or
    /// that has small order. R need not be decoded: it must equal the canonical encoding of [S]B − [k]A, which no
    /// non-canonical or undecodable string does. Variable-time: every input is public.
    /// </summary>
    public static bool Verify(
        ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, int prehashFlag, ReadOnlySpan<byte> context)
    {
        if (signature.Length != Ed25519.SignatureSizeInBytes)
        {
            return false;
        }

        ReadOnlySpan<byte> r = signature[..32];
        ReadOnlySpan<byte> s = signature[32..];
        if (!Scalar25519.IsCanonicalVartime(s))
        {
            return false;
        }

        ExtendedPoint a = default;
        if (!Edwards25519.TryDecode(ref a, publicKey) || Edwards25519.IsSmallOrderVartime(a))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[64];
        Span<byte> challenge = stackalloc byte[32];
        Sha512Engine hash = default;
        hash.Initialize();
        Challenge(ref hash, prehashFlag, context, r, publicKey, message, digest, challenge);

        // [S]B − [k]A, computed as [k](−A) + [S]B.
        Field25519.Negate(ref a.X, a.X);
        Field25519.Negate(ref a.T, a.T);
        ExtendedPoint check = default;
        EdwardsScalarMultiplication.MultiplyDoubleVartime(ref check, challenge, a, s);
        Span<byte> encoded = stackalloc byte[32];
        Edwards25519.Encode(encoded, check);
        return FixedTime.Equals(encoded, r);
    }

    private static void Expand(ReadOnlySpan<byte> seed, Span<byte> expanded)
    {
        Sha512.Hash(seed, expanded);
        expanded[0] &= 248;
        expanded[31] &= 127;
        expanded[31] |= 64;
    }

    private static void Challenge(
        ref Sha512Engine hash,
        int prehashFlag,
        ReadOnlySpan<byte> context,
        ReadOnlySpan<byte> r,
        ReadOnlySpan<byte> publicKey,
        ReadOnlySpan<byte> message,
        Span<byte> digest,
        Span<byte> challenge)
    {
        AppendDomain(ref hash, prehashFlag, context);
        hash.Append(r);
        hash.Append(publicKey);
        hash.Append(message);
        hash.Finish(digest);
        Scalar25519.Reduce(digest, challenge);
    }

    private static void AppendDomain(ref Sha512Engine hash, int prehashFlag, ReadOnlySpan<byte> context)
    {
        if (prehashFlag < 0)
        {
            return;
        }

        Span<byte> octets = stackalloc byte[2];
        octets[0] = (byte)prehashFlag;
        octets[1] = (byte)context.Length;
        hash.Append(DomainPrefix);
        hash.Append(octets);
        hash.Append(context);
    }
}

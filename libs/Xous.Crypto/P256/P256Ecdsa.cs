using System;

namespace Xous.Crypto;

/// <summary>ECDSA with SHA-256 (FIPS 186-4 §6) and deterministic nonces (RFC 6979 §3.2, HMAC-SHA-256).</summary>
public static partial class P256
{
    /// <summary>
    /// Signs a SHA-256 hash with the deterministic nonce of RFC 6979 (HMAC-SHA-256), so the same key and hash always
    /// give the same signature (byte for byte that of BouncyCastle's <c>ECDsaSigner</c> with
    /// <c>HMacDsaKCalculator(Sha256Digest)</c>). s is not normalised to the lower half. Constant time in the private
    /// key and the nonce; the nonce, its inverse and the intermediate point are wiped.
    /// </summary>
    /// <param name="privateKey">32 bytes, 1 ≤ d &lt; n.</param>
    /// <param name="hash">Exactly <see cref="HashSizeInBytes"/> bytes: the SHA-256 hash of the message.</param>
    /// <param name="signature">Exactly <see cref="SignatureSizeInBytes"/> bytes: receives r ‖ s, each 32 bytes big-endian.</param>
    /// <exception cref="ArgumentException">A length is wrong, or the private key is 0 or not below n.</exception>
    public static void Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> hash, Span<byte> signature)
    {
        Check.Length(hash.Length, HashSizeInBytes, nameof(hash));
        Check.Length(signature.Length, SignatureSizeInBytes, nameof(signature));
        Span<byte> dBytes = stackalloc byte[PrivateKeySizeInBytes];
        LoadPrivateKey(privateKey, dBytes);

        // Secret working state lives in spans so that it can be wiped: the scalars in Montgomery form, the nonce,
        // the nonce point.
        Span<U256> scalars = stackalloc U256[5];
        ref U256 dMontgomery = ref scalars[0];
        ref U256 k = ref scalars[1];
        ref U256 kInverse = ref scalars[2];
        ref U256 sum = ref scalars[3];
        ref U256 s = ref scalars[4];
        Span<ProjectivePoint> noncePoint = stackalloc ProjectivePoint[1];
        Span<AffinePoint> nonceAffine = stackalloc AffinePoint[1];
        Span<byte> kBytes = stackalloc byte[32];
        Span<byte> eBytes = stackalloc byte[32];

        Limbs.Load(dBytes, out U256 d);
        P256Scalar.ToMontgomery(d, out dMontgomery);
        Limbs.Wipe(ref d);

        // e = bits2int(hash) mod n (qlen = hlen = 256, so no shift); also RFC 6979's bits2octets(h1).
        Limbs.Load(hash, out U256 e);
        P256Scalar.ReduceOnce(e, out e);
        Limbs.Store(e, eBytes);

        Rfc6979 nonces = default;
        nonces.Initialize(dBytes, eBytes);
        U256 r;
        while (true)
        {
            nonces.Next(kBytes);
            Limbs.Load(kBytes, out k);

            // Out-of-range candidates (probability about 2^-32) are skipped as RFC 6979 says; this reveals only that
            // a candidate was rejected.
            if (P256Scalar.IsValid(k) == 0)
            {
                nonces.Reject();
                continue;
            }

            P256Multiply.MultiplyBase(kBytes, out noncePoint[0]);
            P256Point.ToAffine(noncePoint[0], out nonceAffine[0]);
            P256Scalar.ReduceOnce(nonceAffine[0].X, out r);

            // s = k^-1 (e + r·d) mod n, computed in Montgomery form.
            P256Scalar.ToMontgomery(k, out kInverse);
            P256Scalar.InvertMontgomery(kInverse, out kInverse);
            P256Scalar.MontgomeryMul(r, dMontgomery, out sum);
            P256Scalar.Add(sum, e, out sum);
            P256Scalar.MontgomeryMul(sum, kInverse, out s);

            // r and s are published, so testing them for zero reveals nothing (each has probability 2^-256).
            if ((Limbs.IsZero(r) | Limbs.IsZero(s)) == 0)
            {
                break;
            }

            nonces.Reject();
        }

        Limbs.Store(r, signature[..32]);
        Limbs.Store(s, signature[32..]);
        nonces.Clear();
        scalars.Clear();
        noncePoint.Clear();
        nonceAffine.Clear();
        kBytes.Clear();
        dBytes.Clear();
        eBytes.Clear();
        Limbs.Wipe(ref e);
        Limbs.Wipe(ref r);
    }

    /// <summary>Hashes <paramref name="message"/> with SHA-256 and signs the hash (see <see cref="Sign"/>).</summary>
    /// <param name="privateKey">32 bytes, 1 ≤ d &lt; n.</param>
    /// <param name="message">The message, any length.</param>
    /// <param name="signature">Exactly <see cref="SignatureSizeInBytes"/> bytes: receives r ‖ s.</param>
    /// <exception cref="ArgumentException">A length is wrong, or the private key is 0 or not below n.</exception>
    public static void SignData(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Span<byte> hash = stackalloc byte[HashSizeInBytes];
        Sha256.Hash(message, hash);
        Sign(privateKey, hash, signature);
    }

    /// <summary>
    /// Verifies a raw r ‖ s signature over a SHA-256 hash. Rejects r or s outside 1..n − 1, invalid public keys
    /// (bad encoding, coordinates not below p, off the curve) and malformed lengths of the key or signature.
    /// Variable time: everything it handles is public.
    /// </summary>
    /// <param name="publicKey">SEC 1 public key, uncompressed (65 bytes) or compressed (33 bytes).</param>
    /// <param name="hash">Exactly <see cref="HashSizeInBytes"/> bytes: the SHA-256 hash of the message.</param>
    /// <param name="signature">r ‖ s; any length other than <see cref="SignatureSizeInBytes"/> is rejected.
    /// Decode DER first with <see cref="TryDecodeDerSignature"/>.</param>
    /// <returns>Whether the signature is valid.</returns>
    /// <exception cref="ArgumentException"><paramref name="hash"/> is not 32 bytes.</exception>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        Check.Length(hash.Length, HashSizeInBytes, nameof(hash));
        if (signature.Length != SignatureSizeInBytes)
        {
            return false;
        }

        Limbs.Load(signature[..32], out U256 r);
        Limbs.Load(signature[32..], out U256 s);
        if ((P256Scalar.IsValid(r) & P256Scalar.IsValid(s)) == 0 || !TryDecodePoint(publicKey, out AffinePoint q))
        {
            return false;
        }

        Limbs.Load(hash, out U256 e);
        P256Scalar.ReduceOnce(e, out e);

        // w = s^-1 in Montgomery form; u1 = e·w, u2 = r·w (MontgomeryMul(x, w·R) = x·w).
        P256Scalar.ToMontgomery(s, out U256 w);
        P256Scalar.InvertMontgomery(w, out w);
        P256Scalar.MontgomeryMul(e, w, out U256 u1);
        P256Scalar.MontgomeryMul(r, w, out U256 u2);
        Span<byte> scalar = stackalloc byte[32];
        Limbs.Store(u1, scalar);
        P256Multiply.MultiplyBasePublic(scalar, out ProjectivePoint sum);
        Limbs.Store(u2, scalar);
        P256Multiply.MultiplyPublic(q, scalar, out ProjectivePoint other);
        P256Point.Add(sum, other, out sum);
        if (Limbs.IsZero(sum.Z) != 0)
        {
            return false;
        }

        // x mod n = r without an inversion: x = X/Z, and x < p < 2n, so x is r or r + n (the latter only when
        // r + n < p, i.e. r < p − n). Compare X with r·Z and (r + n)·Z.
        P256Field.Mul(r, sum.Z, out U256 candidate);
        if (Limbs.Equal(candidate, sum.X) != 0)
        {
            return true;
        }

        U256 primeMinusOrder = new(0x039CDAAE, 0x0C46353D, 0x58E8617B, 0x43190553, 0, 0, 0, 0);
        if (Limbs.LessThan(r, primeMinusOrder) == 0)
        {
            return false;
        }

        Limbs.AddMod(r, P256Scalar.Order, P256Field.Prime, out U256 rPlusOrder);
        P256Field.Mul(rPlusOrder, sum.Z, out candidate);
        return Limbs.Equal(candidate, sum.X) != 0;
    }

    /// <summary>Hashes <paramref name="message"/> with SHA-256 and verifies the signature (see <see cref="Verify"/>).</summary>
    /// <param name="publicKey">SEC 1 public key, uncompressed or compressed.</param>
    /// <param name="message">The message, any length.</param>
    /// <param name="signature">r ‖ s (64 bytes).</param>
    /// <returns>Whether the signature is valid.</returns>
    public static bool VerifyData(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Span<byte> hash = stackalloc byte[HashSizeInBytes];
        Sha256.Hash(message, hash);
        return Verify(publicKey, hash, signature);
    }
}

/// <summary>
/// The RFC 6979 §3.2 nonce generator for qlen = hlen = 256 with HMAC-SHA-256: K and V are kept inline and wiped by
/// <see cref="Clear"/>.
/// </summary>
internal struct Rfc6979
{
    private Bytes64 _keyAndValue;

    /// <summary>Steps b–f: V = 0x01…, K = 0x00…, then two rounds keyed with x and h1 (already int2octets/bits2octets).</summary>
    public void Initialize(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> reducedHash)
    {
        Span<byte> state = _keyAndValue;
        Span<byte> key = state[..32];
        Span<byte> value = state[32..];
        key.Clear();
        value.Fill(0x01);
        Span<byte> input = stackalloc byte[97];
        for (byte separator = 0; separator < 2; separator++)
        {
            value.CopyTo(input);
            input[32] = separator;
            privateKey.CopyTo(input[33..]);
            reducedHash.CopyTo(input[65..]);
            Mac(key, input, key);
            Mac(key, value, value);
        }

        input.Clear();
    }

    /// <summary>Step h.1–h.2: V = HMAC_K(V), candidate = V (qlen = hlen, one block).</summary>
    public void Next(Span<byte> candidate)
    {
        Span<byte> state = _keyAndValue;
        Mac(state[..32], state[32..], state[32..]);
        state[32..].CopyTo(candidate);
    }

    /// <summary>Step h.3: K = HMAC_K(V ‖ 0x00), V = HMAC_K(V).</summary>
    public void Reject()
    {
        Span<byte> state = _keyAndValue;
        Span<byte> input = stackalloc byte[33];
        state[32..].CopyTo(input);
        input[32] = 0x00;
        Mac(state[..32], input, state[..32]);
        Mac(state[..32], state[32..], state[32..]);
        input.Clear();
    }

    /// <summary>Wipes K and V.</summary>
    public void Clear() => ((Span<byte>)_keyAndValue).Clear();

    private static void Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        // The engine keys itself before the message is read, so key and destination may be the same memory; the
        // message is fully absorbed before the destination is written.
        HmacEngine<Sha256Engine> mac = default;
        mac.Initialize(key);
        mac.Append(message);
        mac.Finish(destination);
        mac.Clear();
    }
}

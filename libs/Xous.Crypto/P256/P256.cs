using System;

namespace Xous.Crypto;

/// <summary>
/// ECDSA and ECDH on NIST P-256 (secp256r1, FIPS 186-4, SEC 1). Keys and signatures are byte strings: private keys
/// are 32 big-endian bytes (1 ≤ d &lt; n); public keys are SEC 1 points, uncompressed (65 bytes, 0x04 ‖ x ‖ y) or, where
/// accepted, compressed (33 bytes, 0x02/0x03 ‖ x); signatures are r ‖ s (64 bytes) or DER
/// (<see cref="EncodeDerSignature"/>). Operations on private keys and nonces run in constant time; verification is
/// variable-time over public data. Allocation-free after the base-point table is built on first use; not dependent
/// on a random source (nonces follow RFC 6979).
/// </summary>
public static partial class P256
{
    /// <summary>Bytes in a private key (a big-endian scalar).</summary>
    public const int PrivateKeySizeInBytes = 32;

    /// <summary>Bytes in an uncompressed SEC 1 public key (0x04 ‖ x ‖ y).</summary>
    public const int PublicKeySizeInBytes = 65;

    /// <summary>Bytes in a compressed SEC 1 public key (0x02 or 0x03 ‖ x).</summary>
    public const int CompressedPublicKeySizeInBytes = 33;

    /// <summary>Bytes in a raw signature r ‖ s (IEEE P1363).</summary>
    public const int SignatureSizeInBytes = 64;

    /// <summary>Bytes in a message hash (SHA-256) and in an ECDH shared secret (the x coordinate).</summary>
    public const int HashSizeInBytes = 32;

    /// <summary>
    /// True when <paramref name="privateKey"/> is 32 bytes holding a number from 1 to n − 1. The comparison runs
    /// in constant time; only the answer is revealed.
    /// </summary>
    /// <param name="privateKey">The candidate private key.</param>
    /// <returns>Whether it is a valid private key.</returns>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySizeInBytes)
        {
            return false;
        }

        Limbs.Load(privateKey, out U256 d);
        uint valid = P256Scalar.IsValid(d);
        Limbs.Wipe(ref d);
        return valid != 0;
    }

    /// <summary>
    /// True when <paramref name="publicKey"/> is an uncompressed (65-byte) or compressed (33-byte) SEC 1 encoding of
    /// a point on the curve with coordinates below p (the point at infinity has no such encoding).
    /// </summary>
    /// <param name="publicKey">The candidate public key.</param>
    /// <returns>Whether it is a valid public key.</returns>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => TryDecodePoint(publicKey, out _);

    /// <summary>Computes the public key d·G of a private key, in constant time.</summary>
    /// <param name="privateKey">32 bytes, 1 ≤ d &lt; n.</param>
    /// <param name="publicKey">Exactly <see cref="PublicKeySizeInBytes"/> bytes: receives 0x04 ‖ x ‖ y.</param>
    /// <exception cref="ArgumentException">A length is wrong, or the private key is 0 or not below n.</exception>
    public static void GeneratePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        Check.Length(publicKey.Length, PublicKeySizeInBytes, nameof(publicKey));
        Span<byte> d = stackalloc byte[PrivateKeySizeInBytes];
        LoadPrivateKey(privateKey, d);
        Span<ProjectivePoint> product = stackalloc ProjectivePoint[1];
        Span<AffinePoint> affine = stackalloc AffinePoint[1];
        P256Multiply.MultiplyBase(d, out product[0]);
        P256Point.ToAffine(product[0], out affine[0]);
        publicKey[0] = 0x04;
        Limbs.Store(affine[0].X, publicKey.Slice(1, 32));
        Limbs.Store(affine[0].Y, publicKey.Slice(33, 32));
        d.Clear();
        product.Clear();
        affine.Clear();
    }

    /// <summary>
    /// ECDH (SEC 1 §3.3.1): the x coordinate of d·Q. Constant time in the private key. The peer's key is validated
    /// (encoding, coordinates below p, on the curve); P-256 has cofactor 1, so every valid point has order n.
    /// </summary>
    /// <param name="privateKey">32 bytes, 1 ≤ d &lt; n.</param>
    /// <param name="peerPublicKey">The peer's SEC 1 public key, uncompressed (65 bytes) or compressed (33 bytes).</param>
    /// <param name="sharedX">Exactly <see cref="HashSizeInBytes"/> bytes: the shared x coordinate, or zeros on failure.
    /// Feed it to a KDF; do not use it as a key directly.</param>
    /// <returns>False (and zeros written) when the peer's key is not a valid point.</returns>
    /// <exception cref="ArgumentException">A length is wrong, or the private key is 0 or not below n.</exception>
    public static bool SharedSecret(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedX)
    {
        Check.Length(sharedX.Length, HashSizeInBytes, nameof(sharedX));
        Span<byte> d = stackalloc byte[PrivateKeySizeInBytes];
        LoadPrivateKey(privateKey, d);
        sharedX.Clear();
        if (!TryDecodePoint(peerPublicKey, out AffinePoint peer))
        {
            d.Clear();
            return false;
        }

        Span<ProjectivePoint> product = stackalloc ProjectivePoint[1];
        Span<AffinePoint> affine = stackalloc AffinePoint[1];
        P256Multiply.Multiply(peer, d, out product[0]);
        uint infinity = P256Point.ToAffine(product[0], out affine[0]);
        Limbs.Store(affine[0].X, sharedX);
        d.Clear();
        product.Clear();
        affine.Clear();

        // Unreachable for a valid peer point and 1 ≤ d < n (prime order); kept as a guard.
        if (infinity != 0)
        {
            sharedX.Clear();
            return false;
        }

        return true;
    }

    /// <summary>
    /// Decodes an uncompressed or compressed SEC 1 point and checks it: coordinates below p, on the curve. Public data,
    /// but the checks are constant-time anyway.
    /// </summary>
    internal static bool TryDecodePoint(ReadOnlySpan<byte> encoded, out AffinePoint point)
    {
        point = default;
        if (encoded.Length == PublicKeySizeInBytes && encoded[0] == 0x04)
        {
            Limbs.Load(encoded.Slice(1, 32), out point.X);
            Limbs.Load(encoded.Slice(33, 32), out point.Y);
            return P256Point.IsOnCurve(point) != 0;
        }

        if (encoded.Length == CompressedPublicKeySizeInBytes && (encoded[0] == 0x02 || encoded[0] == 0x03))
        {
            Limbs.Load(encoded.Slice(1, 32), out point.X);
            if (Limbs.LessThan(point.X, P256Field.Prime) == 0)
            {
                return false;
            }

            P256Point.RightHandSide(point.X, out U256 rhs);
            P256Field.SqrtCandidate(rhs, out point.Y);
            P256Field.Square(point.Y, out U256 check);
            if (Limbs.Equal(check, rhs) == 0)
            {
                return false;
            }

            // Choose the root whose parity matches the prefix (y = 0 is not on P-256: its order is prime).
            uint wrongParity = (point.Y.L0 ^ encoded[0]) & 1;
            P256Field.Negate(point.Y, out U256 negated);
            Limbs.Select(point.Y, negated, 0U - wrongParity, out point.Y);
            return P256Point.IsOnCurve(point) != 0;
        }

        return false;
    }

    /// <summary>Copies a private key into <paramref name="destination"/> after checking its length and range.</summary>
    private static void LoadPrivateKey(ReadOnlySpan<byte> privateKey, Span<byte> destination)
    {
        Check.Length(privateKey.Length, PrivateKeySizeInBytes, nameof(privateKey));
        if (!IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("A P-256 private key must be a number from 1 to n - 1.", nameof(privateKey));
        }

        privateKey.CopyTo(destination);
    }
}

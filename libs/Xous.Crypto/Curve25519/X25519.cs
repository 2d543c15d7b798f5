using System;

namespace Xous.Crypto;

/// <summary>
/// X25519 Diffie–Hellman (RFC 7748 §5–6). Private keys are 32 random bytes used as they are (clamping happens inside
/// the function, as the RFC defines it); public keys and shared secrets are 32-byte u-coordinates. The arithmetic
/// runs on an <see cref="ICurve25519Engine"/>: the constant-time software ladder by default, or the one passed in.
/// </summary>
/// <remarks>
/// Peer public keys are taken as RFC 7748 says: bit 255 is ignored and non-canonical values (p … 2^255 − 1) are
/// reduced, so every 32-byte string is accepted. Low-order peer keys give the all-zero shared secret, which
/// <see cref="ScalarMultiply(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> reports by returning false
/// (RFC 7748 §6.1 lets implementations check for it; doing so stops a peer from forcing a known secret). The check
/// looks at every byte, with no early exit.
/// </remarks>
public static class X25519
{
    /// <summary>The size in bytes of private keys, public keys and shared secrets.</summary>
    public const int KeySizeInBytes = 32;

    /// <summary>The u-coordinate 9 of the base point, little-endian.</summary>
    private static ReadOnlySpan<byte> BasePoint =>
    [
        9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>
    /// Computes the public key X25519(privateKey, 9) in software, by a constant-time fixed-base multiplication on
    /// the equivalent Edwards curve (the result is the same as the ladder's).
    /// </summary>
    /// <param name="privateKey">32 random bytes, kept secret by the caller.</param>
    /// <param name="publicKey">Exactly 32 bytes.</param>
    /// <exception cref="ArgumentException">A span is not 32 bytes long.</exception>
    public static void GetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        CheckLengths(privateKey, publicKey);

        // X25519(k, 9) is the u-coordinate of [k]B on the birationally equivalent Edwards curve, and the
        // constant-time fixed-base table makes that about three times faster than the ladder.
        Span<byte> clamped = stackalloc byte[KeySizeInBytes];
        privateKey.CopyTo(clamped);
        clamped[0] &= 248;
        clamped[31] &= 127;
        clamped[31] |= 64;
        ExtendedPoint point = default;
        EdwardsScalarMultiplication.MultiplyBase(ref point, clamped);
        Edwards25519.EncodeMontgomeryU(publicKey, point);
        point.Wipe();
        clamped.Clear();
    }

    /// <summary>Computes the public key X25519(privateKey, 9) on <paramref name="engine"/>.</summary>
    /// <param name="engine">The Curve25519 engine to run the ladder.</param>
    /// <param name="privateKey">32 random bytes, kept secret by the caller.</param>
    /// <param name="publicKey">Exactly 32 bytes.</param>
    /// <exception cref="ArgumentException">A span is not 32 bytes long.</exception>
    public static void GetPublicKey(ICurve25519Engine engine, ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(engine);
        CheckLengths(privateKey, publicKey);
        engine.ScalarMultiply(privateKey, BasePoint, publicKey);
    }

    /// <summary>Computes the shared secret X25519(privateKey, peerPublicKey) with the software engine.</summary>
    /// <param name="privateKey">Our 32-byte private key.</param>
    /// <param name="peerPublicKey">The peer's 32-byte public key (any value; see the remarks on <see cref="X25519"/>).</param>
    /// <param name="sharedSecret">Exactly 32 bytes; receives the shared secret (all zero when false is returned).</param>
    /// <returns>False when the shared secret is all zero (the peer key has low order), else true.</returns>
    /// <exception cref="ArgumentException">A span is not 32 bytes long.</exception>
    public static bool ScalarMultiply(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        CheckLengths(privateKey, peerPublicKey, sharedSecret);
        Span<byte> result = stackalloc byte[KeySizeInBytes];
        Curve25519SoftwareEngine.Ladder(privateKey, peerPublicKey, result);
        return Deliver(result, sharedSecret);
    }

    /// <summary>Computes the shared secret X25519(privateKey, peerPublicKey) on <paramref name="engine"/>.</summary>
    /// <param name="engine">The Curve25519 engine to run the ladder.</param>
    /// <param name="privateKey">Our 32-byte private key.</param>
    /// <param name="peerPublicKey">The peer's 32-byte public key.</param>
    /// <param name="sharedSecret">Exactly 32 bytes; receives the shared secret (all zero when false is returned).</param>
    /// <returns>False when the shared secret is all zero, else true.</returns>
    /// <exception cref="ArgumentException">A span is not 32 bytes long.</exception>
    public static bool ScalarMultiply(
        ICurve25519Engine engine, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        ArgumentNullException.ThrowIfNull(engine);
        CheckLengths(privateKey, peerPublicKey, sharedSecret);
        Span<byte> result = stackalloc byte[KeySizeInBytes];
        engine.ScalarMultiply(privateKey, peerPublicKey, result);
        return Deliver(result, sharedSecret);
    }

    /// <summary>Copies the result out (written last, so the destination may overlap the inputs) and checks for zero.</summary>
    private static bool Deliver(Span<byte> result, Span<byte> sharedSecret)
    {
        int any = 0;
        for (int i = 0; i < KeySizeInBytes; i++)
        {
            any |= result[i];
        }

        result.CopyTo(sharedSecret);
        result.Clear();
        return any != 0;
    }

    private static void CheckLengths(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        Check.Length(privateKey.Length, KeySizeInBytes, nameof(privateKey));
        Check.Length(publicKey.Length, KeySizeInBytes, nameof(publicKey));
    }

    private static void CheckLengths(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        Check.Length(privateKey.Length, KeySizeInBytes, nameof(privateKey));
        Check.Length(peerPublicKey.Length, KeySizeInBytes, nameof(peerPublicKey));
        Check.Length(sharedSecret.Length, KeySizeInBytes, nameof(sharedSecret));
    }
}

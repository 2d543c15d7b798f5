using System;

namespace Xous.Crypto;

/// <summary>
/// The seam for a Curve25519 engine: the raw X25519 function of RFC 7748 §5. The software
/// <see cref="Curve25519SoftwareEngine"/> is the default; the Precursor's microcoded Curve25519 engine (which runs
/// the Montgomery ladder in hardware) implements the same interface and is composed in where wanted.
/// </summary>
/// <remarks>
/// Contract every implementation keeps:
/// <list type="bullet">
/// <item><description><see cref="ScalarMultiply"/> computes X25519(k, u) exactly as RFC 7748 §5 defines it, including
/// decodeScalar25519 — the engine clamps the scalar (clears bits 0–2 and 255, sets bit 254) itself, so callers pass
/// the private key unchanged — and decodeUCoordinate — bit 255 of u is ignored, and values from p to 2^255 − 1
/// (non-canonical) are accepted and reduced.</description></item>
/// <item><description>The result is the canonical encoding (below p) of the u-coordinate. An all-zero result (a
/// small-order or twist point) is returned as is; rejecting it is the caller's decision (<see cref="X25519"/> does).</description></item>
/// <item><description>The time taken and the memory touched do not depend on the scalar; the engine wipes its copy
/// of the scalar and its ladder state before returning. It does not wipe or keep the caller's spans.</description></item>
/// <item><description>Spans are exactly 32 bytes (checked by <see cref="X25519"/>); the result span may
/// overlap neither input.</description></item>
/// </list>
/// </remarks>
public interface ICurve25519Engine
{
    /// <summary>Computes X25519(<paramref name="scalar"/>, <paramref name="u"/>) (RFC 7748 §5) into <paramref name="result"/>.</summary>
    /// <param name="scalar">32 bytes, unclamped (the engine clamps).</param>
    /// <param name="u">32 bytes, little-endian u-coordinate; bit 255 is ignored.</param>
    /// <param name="result">32 bytes receiving the canonical u-coordinate of the product.</param>
    void ScalarMultiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> u, Span<byte> result);
}

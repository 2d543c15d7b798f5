using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// POLYVAL (RFC 8452 §3) as a stack-allocatable engine, and GHASH (NIST SP 800-38D) through the same core using
/// GHASH(H, X) = ByteReverse(POLYVAL(mulX_POLYVAL(ByteReverse(H)), ByteReverse(X))) (RFC 8452 Appendix A).
/// Field elements are two 64-bit words (little-endian: bit 0 of byte 0 is the coefficient of x^0). The carry-less
/// products use ordinary integer multiplications of operands with "holes" (every fourth bit kept) so that carries
/// never reach a kept bit: no tables, no branches on data, constant time wherever the multiplier is (RV32IMAC's
/// <c>mul</c>/<c>mulhu</c> are). <see cref="Clear"/> wipes the hash key and the accumulator.
/// </summary>
internal struct PolyvalEngine
{
    private ulong _keyLow;
    private ulong _keyHigh;
    private ulong _accumulatorLow;
    private ulong _accumulatorHigh;
    private bool _ghash;

    /// <summary>Starts POLYVAL with the 16-byte hash key <paramref name="key"/>.</summary>
    public void InitializePolyval(ReadOnlySpan<byte> key)
    {
        _keyLow = BinaryPrimitives.ReadUInt64LittleEndian(key);
        _keyHigh = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
        _accumulatorLow = 0;
        _accumulatorHigh = 0;
        _ghash = false;
    }

    /// <summary>Starts GHASH with the 16-byte hash subkey <paramref name="h"/> (the encrypted zero block).</summary>
    public void InitializeGhash(ReadOnlySpan<byte> h)
    {
        // mulX_POLYVAL(ByteReverse(H)): a left shift by one bit, reducing by x^128 = x^127 + x^126 + x^121 + 1.
        ulong low = BinaryPrimitives.ReadUInt64BigEndian(h[8..]);
        ulong high = BinaryPrimitives.ReadUInt64BigEndian(h);
        ulong carry = 0UL - (high >> 63);
        _keyHigh = ((high << 1) | (low >> 63)) ^ (carry & 0xC200000000000000UL);
        _keyLow = (low << 1) ^ (carry & 1UL);
        _accumulatorLow = 0;
        _accumulatorHigh = 0;
        _ghash = true;
    }

    /// <summary>Absorbs <paramref name="data"/>, zero-padding its last partial block to 16 bytes.</summary>
    public void AppendPadded(ReadOnlySpan<byte> data)
    {
        int whole = data.Length & ~15;
        for (int offset = 0; offset < whole; offset += 16)
        {
            AppendBlock(data.Slice(offset, 16));
        }

        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[16];
            last.Clear();
            data[whole..].CopyTo(last);
            AppendBlock(last);
            last.Clear();
        }
    }

    /// <summary>Absorbs one 16-byte block.</summary>
    public void AppendBlock(ReadOnlySpan<byte> block)
    {
        ulong low, high;
        if (_ghash)
        {
            low = BinaryPrimitives.ReadUInt64BigEndian(block[8..]);
            high = BinaryPrimitives.ReadUInt64BigEndian(block);
        }
        else
        {
            low = BinaryPrimitives.ReadUInt64LittleEndian(block);
            high = BinaryPrimitives.ReadUInt64LittleEndian(block[8..]);
        }

        Dot(_accumulatorLow ^ low, _accumulatorHigh ^ high, _keyLow, _keyHigh, out _accumulatorLow, out _accumulatorHigh);
    }

    /// <summary>Writes the 16-byte result (POLYVAL or GHASH) and leaves the accumulator as it is.</summary>
    public readonly void Finish(Span<byte> destination)
    {
        if (_ghash)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination, _accumulatorHigh);
            BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _accumulatorLow);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, _accumulatorLow);
            BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _accumulatorHigh);
        }
    }

    /// <summary>Wipes the key and the accumulator.</summary>
    public void Clear() => this = default;

    /// <summary>
    /// dot(a, b) = a·b·x^−128 in GF(2^128) modulo x^128 + x^127 + x^126 + x^121 + 1 (RFC 8452 §3), by a 256-bit
    /// carry-less product and two Montgomery steps of 64 bits each.
    /// </summary>
    public static void Dot(ulong aLow, ulong aHigh, ulong bLow, ulong bHigh, out ulong low, out ulong high)
    {
        // Karatsuba: a·b = L + (M − L − H)·x^64 + H·x^128.
        CarrylessMultiply64(aLow, bLow, out ulong l0, out ulong l1);
        CarrylessMultiply64(aHigh, bHigh, out ulong h0, out ulong h1);
        CarrylessMultiply64(aLow ^ aHigh, bLow ^ bHigh, out ulong m0, out ulong m1);
        m0 ^= l0 ^ h0;
        m1 ^= l1 ^ h1;
        ulong p0 = l0, p1 = l1 ^ m0, p2 = h0 ^ m1, p3 = h1;

        // The polynomial is 1 modulo x^64, so adding p0·g clears word 0; p0·(x^121 + x^126 + x^127 + x^128) lands in
        // words 1 and 2. The same with the new word 1 clears it; the result is words 2 and 3 (degree below 128).
        p1 ^= (p0 << 57) ^ (p0 << 62) ^ (p0 << 63);
        p2 ^= p0 ^ (p0 >> 7) ^ (p0 >> 2) ^ (p0 >> 1);
        p2 ^= (p1 << 57) ^ (p1 << 62) ^ (p1 << 63);
        p3 ^= p1 ^ (p1 >> 7) ^ (p1 >> 2) ^ (p1 >> 1);
        low = p2;
        high = p3;
    }

    /// <summary>The 128-bit carry-less product of two 64-bit polynomials (Karatsuba over 32-bit halves).</summary>
    private static void CarrylessMultiply64(ulong a, ulong b, out ulong low, out ulong high)
    {
        uint a0 = (uint)a, a1 = (uint)(a >> 32), b0 = (uint)b, b1 = (uint)(b >> 32);
        ulong l = CarrylessMultiply32(a0, b0);
        ulong h = CarrylessMultiply32(a1, b1);
        ulong m = CarrylessMultiply32(a0 ^ a1, b0 ^ b1) ^ l ^ h;
        low = l ^ (m << 32);
        high = h ^ (m >> 32);
    }

    /// <summary>
    /// The 64-bit carry-less product of two 32-bit polynomials. Each operand is split into four parts holding every
    /// fourth bit; a product of two parts has at most 8 terms per bit position, so the integer sum of a position
    /// fits in the 4-bit gap before the next kept position and its lowest bit is the XOR of the terms.
    /// </summary>
    private static ulong CarrylessMultiply32(uint x, uint y)
    {
        ulong x0 = x & 0x11111111U, x1 = x & 0x22222222U, x2 = x & 0x44444444U, x3 = x & 0x88888888U;
        ulong y0 = y & 0x11111111U, y1 = y & 0x22222222U, y2 = y & 0x44444444U, y3 = y & 0x88888888U;
        ulong z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
        ulong z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
        ulong z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
        ulong z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);
        return (z0 & 0x1111111111111111UL) | (z1 & 0x2222222222222222UL) | (z2 & 0x4444444444444444UL)
            | (z3 & 0x8888888888888888UL);
    }
}

using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Xous.Crypto;

/// <summary>
/// A 256-bit number as eight 32-bit limbs, least significant first (<see cref="L0"/>). Plain fields rather than an
/// array so that field arithmetic is straight-line code on locals: fast without optimisation, and a direct C struct
/// for the device compiler. Used for field elements mod p and scalars mod n.
/// </summary>
internal struct U256
{
    public uint L0, L1, L2, L3, L4, L5, L6, L7;

    public U256(uint l0, uint l1, uint l2, uint l3, uint l4, uint l5, uint l6, uint l7)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
        L5 = l5;
        L6 = l6;
        L7 = l7;
    }
}

/// <summary>A 512-bit value (the input of a Montgomery reduction), least significant limb first.</summary>
internal struct U512
{
    public uint L0, L1, L2, L3, L4, L5, L6, L7, L8, L9, L10, L11, L12, L13, L14, L15;
}

/// <summary>
/// Constant-time operations on <see cref="U256"/> shared by the field (mod p) and the scalars (mod n): every
/// function runs the same instructions whatever the values, and choices are made with all-ones/all-zero masks.
/// All functions read their inputs into locals before writing, so a result may alias an input.
/// </summary>
internal static class Limbs
{
    /// <summary>
    /// w = a·b, the full 512-bit schoolbook product: one 32×32→64-bit multiply per limb pair (RV32 mul + mulhu), carries
    /// by shifts, no branches. Straight-line and inlined, because field and scalar multiplication spend their time here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply(in U256 a, in U256 b, out U512 w)
    {
        uint a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5, a6 = a.L6, a7 = a.L7;
        uint b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4, b5 = b.L5, b6 = b.L6, b7 = b.L7;
        ulong t = (ulong)a0 * b0;
        uint c0 = (uint)t;
        t = ((ulong)a0 * b1) + (t >> 32);
        uint c1 = (uint)t;
        t = ((ulong)a0 * b2) + (t >> 32);
        uint c2 = (uint)t;
        t = ((ulong)a0 * b3) + (t >> 32);
        uint c3 = (uint)t;
        t = ((ulong)a0 * b4) + (t >> 32);
        uint c4 = (uint)t;
        t = ((ulong)a0 * b5) + (t >> 32);
        uint c5 = (uint)t;
        t = ((ulong)a0 * b6) + (t >> 32);
        uint c6 = (uint)t;
        t = ((ulong)a0 * b7) + (t >> 32);
        uint c7 = (uint)t;
        uint c8 = (uint)(t >> 32);
        t = ((ulong)a1 * b0) + c1;
        c1 = (uint)t;
        t = ((ulong)a1 * b1) + c2 + (t >> 32);
        c2 = (uint)t;
        t = ((ulong)a1 * b2) + c3 + (t >> 32);
        c3 = (uint)t;
        t = ((ulong)a1 * b3) + c4 + (t >> 32);
        c4 = (uint)t;
        t = ((ulong)a1 * b4) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)a1 * b5) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)a1 * b6) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)a1 * b7) + c8 + (t >> 32);
        c8 = (uint)t;
        uint c9 = (uint)(t >> 32);
        t = ((ulong)a2 * b0) + c2;
        c2 = (uint)t;
        t = ((ulong)a2 * b1) + c3 + (t >> 32);
        c3 = (uint)t;
        t = ((ulong)a2 * b2) + c4 + (t >> 32);
        c4 = (uint)t;
        t = ((ulong)a2 * b3) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)a2 * b4) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)a2 * b5) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)a2 * b6) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)a2 * b7) + c9 + (t >> 32);
        c9 = (uint)t;
        uint c10 = (uint)(t >> 32);
        t = ((ulong)a3 * b0) + c3;
        c3 = (uint)t;
        t = ((ulong)a3 * b1) + c4 + (t >> 32);
        c4 = (uint)t;
        t = ((ulong)a3 * b2) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)a3 * b3) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)a3 * b4) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)a3 * b5) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)a3 * b6) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)a3 * b7) + c10 + (t >> 32);
        c10 = (uint)t;
        uint c11 = (uint)(t >> 32);
        t = ((ulong)a4 * b0) + c4;
        c4 = (uint)t;
        t = ((ulong)a4 * b1) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)a4 * b2) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)a4 * b3) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)a4 * b4) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)a4 * b5) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)a4 * b6) + c10 + (t >> 32);
        c10 = (uint)t;
        t = ((ulong)a4 * b7) + c11 + (t >> 32);
        c11 = (uint)t;
        uint c12 = (uint)(t >> 32);
        t = ((ulong)a5 * b0) + c5;
        c5 = (uint)t;
        t = ((ulong)a5 * b1) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)a5 * b2) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)a5 * b3) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)a5 * b4) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)a5 * b5) + c10 + (t >> 32);
        c10 = (uint)t;
        t = ((ulong)a5 * b6) + c11 + (t >> 32);
        c11 = (uint)t;
        t = ((ulong)a5 * b7) + c12 + (t >> 32);
        c12 = (uint)t;
        uint c13 = (uint)(t >> 32);
        t = ((ulong)a6 * b0) + c6;
        c6 = (uint)t;
        t = ((ulong)a6 * b1) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)a6 * b2) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)a6 * b3) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)a6 * b4) + c10 + (t >> 32);
        c10 = (uint)t;
        t = ((ulong)a6 * b5) + c11 + (t >> 32);
        c11 = (uint)t;
        t = ((ulong)a6 * b6) + c12 + (t >> 32);
        c12 = (uint)t;
        t = ((ulong)a6 * b7) + c13 + (t >> 32);
        c13 = (uint)t;
        uint c14 = (uint)(t >> 32);
        t = ((ulong)a7 * b0) + c7;
        c7 = (uint)t;
        t = ((ulong)a7 * b1) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)a7 * b2) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)a7 * b3) + c10 + (t >> 32);
        c10 = (uint)t;
        t = ((ulong)a7 * b4) + c11 + (t >> 32);
        c11 = (uint)t;
        t = ((ulong)a7 * b5) + c12 + (t >> 32);
        c12 = (uint)t;
        t = ((ulong)a7 * b6) + c13 + (t >> 32);
        c13 = (uint)t;
        t = ((ulong)a7 * b7) + c14 + (t >> 32);
        c14 = (uint)t;
        uint c15 = (uint)(t >> 32);
        w.L0 = c0;
        w.L1 = c1;
        w.L2 = c2;
        w.L3 = c3;
        w.L4 = c4;
        w.L5 = c5;
        w.L6 = c6;
        w.L7 = c7;
        w.L8 = c8;
        w.L9 = c9;
        w.L10 = c10;
        w.L11 = c11;
        w.L12 = c12;
        w.L13 = c13;
        w.L14 = c14;
        w.L15 = c15;
    }

    /// <summary>Reads 32 big-endian bytes (length checked by the caller).</summary>
    public static void Load(ReadOnlySpan<byte> source, out U256 r)
    {
        r.L7 = BinaryPrimitives.ReadUInt32BigEndian(source);
        r.L6 = BinaryPrimitives.ReadUInt32BigEndian(source[4..]);
        r.L5 = BinaryPrimitives.ReadUInt32BigEndian(source[8..]);
        r.L4 = BinaryPrimitives.ReadUInt32BigEndian(source[12..]);
        r.L3 = BinaryPrimitives.ReadUInt32BigEndian(source[16..]);
        r.L2 = BinaryPrimitives.ReadUInt32BigEndian(source[20..]);
        r.L1 = BinaryPrimitives.ReadUInt32BigEndian(source[24..]);
        r.L0 = BinaryPrimitives.ReadUInt32BigEndian(source[28..]);
    }

    /// <summary>Writes 32 big-endian bytes (length checked by the caller).</summary>
    public static void Store(in U256 a, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, a.L7);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], a.L6);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], a.L5);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], a.L4);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], a.L3);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], a.L2);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], a.L1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[28..], a.L0);
    }

    /// <summary>All ones when <paramref name="a"/> is zero, else zero.</summary>
    public static uint IsZero(in U256 a)
    {
        uint any = a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5 | a.L6 | a.L7;
        return (uint)(((ulong)any - 1) >> 32);
    }

    /// <summary>All ones when <paramref name="a"/> equals <paramref name="b"/>, else zero.</summary>
    public static uint Equal(in U256 a, in U256 b)
    {
        uint any = (a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3) |
            (a.L4 ^ b.L4) | (a.L5 ^ b.L5) | (a.L6 ^ b.L6) | (a.L7 ^ b.L7);
        return (uint)(((ulong)any - 1) >> 32);
    }

    /// <summary>All ones when <paramref name="a"/> &lt; <paramref name="b"/> (the borrow of a − b), else zero.</summary>
    public static uint LessThan(in U256 a, in U256 b)
    {
        ulong t = (ulong)a.L0 - b.L0;
        t = (ulong)a.L1 - b.L1 - (t >> 63);
        t = (ulong)a.L2 - b.L2 - (t >> 63);
        t = (ulong)a.L3 - b.L3 - (t >> 63);
        t = (ulong)a.L4 - b.L4 - (t >> 63);
        t = (ulong)a.L5 - b.L5 - (t >> 63);
        t = (ulong)a.L6 - b.L6 - (t >> 63);
        t = (ulong)a.L7 - b.L7 - (t >> 63);
        return 0U - (uint)(t >> 63);
    }

    /// <summary>r = mask ? b : a, for mask all ones or all zero.</summary>
    public static void Select(in U256 a, in U256 b, uint mask, out U256 r)
    {
        uint keep = ~mask;
        r.L0 = (a.L0 & keep) | (b.L0 & mask);
        r.L1 = (a.L1 & keep) | (b.L1 & mask);
        r.L2 = (a.L2 & keep) | (b.L2 & mask);
        r.L3 = (a.L3 & keep) | (b.L3 & mask);
        r.L4 = (a.L4 & keep) | (b.L4 & mask);
        r.L5 = (a.L5 & keep) | (b.L5 & mask);
        r.L6 = (a.L6 & keep) | (b.L6 & mask);
        r.L7 = (a.L7 & keep) | (b.L7 & mask);
    }

    /// <summary>r |= a &amp; mask: accumulates the one table entry whose mask is all ones.</summary>
    public static void OrMasked(ref U256 r, in U256 a, uint mask)
    {
        r.L0 |= a.L0 & mask;
        r.L1 |= a.L1 & mask;
        r.L2 |= a.L2 & mask;
        r.L3 |= a.L3 & mask;
        r.L4 |= a.L4 & mask;
        r.L5 |= a.L5 & mask;
        r.L6 |= a.L6 & mask;
        r.L7 |= a.L7 & mask;
    }

    /// <summary>
    /// Given the 257-bit value carry·2^256 + a with a value below 2·m, returns it reduced below m: subtracts m and
    /// keeps the difference unless that borrowed.
    /// </summary>
    public static void ReduceOnce(uint carry, in U256 a, in U256 m, out U256 r)
    {
        uint a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5, a6 = a.L6, a7 = a.L7;
        ulong t = (ulong)a0 - m.L0;
        uint d0 = (uint)t;
        t = (ulong)a1 - m.L1 - (t >> 63);
        uint d1 = (uint)t;
        t = (ulong)a2 - m.L2 - (t >> 63);
        uint d2 = (uint)t;
        t = (ulong)a3 - m.L3 - (t >> 63);
        uint d3 = (uint)t;
        t = (ulong)a4 - m.L4 - (t >> 63);
        uint d4 = (uint)t;
        t = (ulong)a5 - m.L5 - (t >> 63);
        uint d5 = (uint)t;
        t = (ulong)a6 - m.L6 - (t >> 63);
        uint d6 = (uint)t;
        t = (ulong)a7 - m.L7 - (t >> 63);
        uint d7 = (uint)t;
        t = (ulong)carry - (t >> 63);

        // Borrow out of the 257-bit subtraction: keep a; otherwise take the difference.
        uint keep = 0U - (uint)(t >> 63);
        uint take = ~keep;
        r.L0 = (a0 & keep) | (d0 & take);
        r.L1 = (a1 & keep) | (d1 & take);
        r.L2 = (a2 & keep) | (d2 & take);
        r.L3 = (a3 & keep) | (d3 & take);
        r.L4 = (a4 & keep) | (d4 & take);
        r.L5 = (a5 & keep) | (d5 & take);
        r.L6 = (a6 & keep) | (d6 & take);
        r.L7 = (a7 & keep) | (d7 & take);
    }

    /// <summary>r = (a + b) mod m for a, b &lt; m.</summary>
    public static void AddMod(in U256 a, in U256 b, in U256 m, out U256 r)
    {
        ulong t = (ulong)a.L0 + b.L0;
        uint s0 = (uint)t;
        t = (ulong)a.L1 + b.L1 + (t >> 32);
        uint s1 = (uint)t;
        t = (ulong)a.L2 + b.L2 + (t >> 32);
        uint s2 = (uint)t;
        t = (ulong)a.L3 + b.L3 + (t >> 32);
        uint s3 = (uint)t;
        t = (ulong)a.L4 + b.L4 + (t >> 32);
        uint s4 = (uint)t;
        t = (ulong)a.L5 + b.L5 + (t >> 32);
        uint s5 = (uint)t;
        t = (ulong)a.L6 + b.L6 + (t >> 32);
        uint s6 = (uint)t;
        t = (ulong)a.L7 + b.L7 + (t >> 32);
        uint s7 = (uint)t;
        ReduceOnce((uint)(t >> 32), new U256(s0, s1, s2, s3, s4, s5, s6, s7), m, out r);
    }

    /// <summary>Bit <paramref name="index"/> (0 = least significant) of a public value, for fixed exponents.</summary>
    public static uint Bit(in U256 a, int index)
    {
        uint word = (index >> 5) switch
        {
            0 => a.L0,
            1 => a.L1,
            2 => a.L2,
            3 => a.L3,
            4 => a.L4,
            5 => a.L5,
            6 => a.L6,
            _ => a.L7,
        };
        return (word >> (index & 31)) & 1;
    }

    /// <summary>Wipes a value held in a local or field.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Wipe(ref U256 a) => a = default;
}

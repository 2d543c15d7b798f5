using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// Two AES states in bitsliced form over 32-bit words: <c>Q0</c>…<c>Q7</c> hold bit 0…7 of each of the 32 state
/// bytes; the byte in row <c>r</c>, column <c>c</c> of block <c>b</c> sits at bit position <c>8·r + 2·c + b</c>.
/// </summary>
internal struct BitslicedState32
{
    public uint Q0;
    public uint Q1;
    public uint Q2;
    public uint Q3;
    public uint Q4;
    public uint Q5;
    public uint Q6;
    public uint Q7;

    /// <summary>Sets every word to zero.</summary>
    public void Clear() => this = default;
}

/// <summary>
/// The AES round functions on <see cref="BitslicedState32"/>: the same circuit as <see cref="AesBitslice"/> on 32-bit
/// words, two blocks at a time. It serves one- and two-block calls (single-block ECB, the GCM and KWP block steps):
/// on the 32-bit VexRiscv a 64-bit word costs two registers and two or more instructions per operation, so a
/// single block is several times cheaper here than in the four-block form. Constant-time in the same way: logic,
/// fixed shifts and fixed masks only.
/// </summary>
internal static class AesBitslice32
{
    /// <summary>Blocks held side by side in one <see cref="BitslicedState32"/>.</summary>
    public const int ParallelBlocks = 2;

    /// <summary>Loads one or two blocks; a missing second block is zero.</summary>
    public static void Load(ReadOnlySpan<byte> source, int blocks, ref BitslicedState32 state)
    {
        // Word 2·c + b is column c of block b (byte r = row r); the 8×8 transpose puts bit i of that byte into Q_i at
        // position 8·r + 2·c + b.
        state.Q0 = BinaryPrimitives.ReadUInt32LittleEndian(source);
        state.Q2 = BinaryPrimitives.ReadUInt32LittleEndian(source[4..]);
        state.Q4 = BinaryPrimitives.ReadUInt32LittleEndian(source[8..]);
        state.Q6 = BinaryPrimitives.ReadUInt32LittleEndian(source[12..]);
        if (blocks > 1)
        {
            state.Q1 = BinaryPrimitives.ReadUInt32LittleEndian(source[16..]);
            state.Q3 = BinaryPrimitives.ReadUInt32LittleEndian(source[20..]);
            state.Q5 = BinaryPrimitives.ReadUInt32LittleEndian(source[24..]);
            state.Q7 = BinaryPrimitives.ReadUInt32LittleEndian(source[28..]);
        }
        else
        {
            state.Q1 = 0;
            state.Q3 = 0;
            state.Q5 = 0;
            state.Q7 = 0;
        }

        Orthogonalize(ref state);
    }

    /// <summary>Writes the first <paramref name="blocks"/> (1–2) blocks of <paramref name="state"/>, which is consumed.</summary>
    public static void Store(ref BitslicedState32 state, int blocks, Span<byte> destination)
    {
        Orthogonalize(ref state);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, state.Q0);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], state.Q2);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], state.Q4);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], state.Q6);
        if (blocks > 1)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], state.Q1);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], state.Q3);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], state.Q5);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], state.Q7);
        }

        state.Clear();
    }

    /// <summary>
    /// Copies block <paramref name="block"/> of <paramref name="source"/> (positions ≡ block mod 2) to both block
    /// positions of <paramref name="destination"/>: one round key, ready to be added to two states.
    /// </summary>
    public static void Replicate(in BitslicedState32 source, int block, ref BitslicedState32 destination)
    {
        destination.Q0 = Replicate(source.Q0 >> block);
        destination.Q1 = Replicate(source.Q1 >> block);
        destination.Q2 = Replicate(source.Q2 >> block);
        destination.Q3 = Replicate(source.Q3 >> block);
        destination.Q4 = Replicate(source.Q4 >> block);
        destination.Q5 = Replicate(source.Q5 >> block);
        destination.Q6 = Replicate(source.Q6 >> block);
        destination.Q7 = Replicate(source.Q7 >> block);
    }

    /// <summary>XORs a bitsliced round key into the state.</summary>
    public static void AddRoundKey(ref BitslicedState32 s, in BitslicedState32 k)
    {
        s.Q0 ^= k.Q0;
        s.Q1 ^= k.Q1;
        s.Q2 ^= k.Q2;
        s.Q3 ^= k.Q3;
        s.Q4 ^= k.Q4;
        s.Q5 ^= k.Q5;
        s.Q6 ^= k.Q6;
        s.Q7 ^= k.Q7;
    }

    /// <summary>ShiftRows: row r of each block rotates left by r columns (its 8-bit lane rotates right by 2·r bits).</summary>
    public static void ShiftRows(ref BitslicedState32 s)
    {
        s.Q0 = (s.Q0 & 0x000000FFU)
            | ((s.Q0 & 0x0000FC00U) >> 2) | ((s.Q0 & 0x00000300U) << 6)
            | ((s.Q0 & 0x00F00000U) >> 4) | ((s.Q0 & 0x000F0000U) << 4)
            | ((s.Q0 & 0xC0000000U) >> 6) | ((s.Q0 & 0x3F000000U) << 2);
        s.Q1 = (s.Q1 & 0x000000FFU)
            | ((s.Q1 & 0x0000FC00U) >> 2) | ((s.Q1 & 0x00000300U) << 6)
            | ((s.Q1 & 0x00F00000U) >> 4) | ((s.Q1 & 0x000F0000U) << 4)
            | ((s.Q1 & 0xC0000000U) >> 6) | ((s.Q1 & 0x3F000000U) << 2);
        s.Q2 = (s.Q2 & 0x000000FFU)
            | ((s.Q2 & 0x0000FC00U) >> 2) | ((s.Q2 & 0x00000300U) << 6)
            | ((s.Q2 & 0x00F00000U) >> 4) | ((s.Q2 & 0x000F0000U) << 4)
            | ((s.Q2 & 0xC0000000U) >> 6) | ((s.Q2 & 0x3F000000U) << 2);
        s.Q3 = (s.Q3 & 0x000000FFU)
            | ((s.Q3 & 0x0000FC00U) >> 2) | ((s.Q3 & 0x00000300U) << 6)
            | ((s.Q3 & 0x00F00000U) >> 4) | ((s.Q3 & 0x000F0000U) << 4)
            | ((s.Q3 & 0xC0000000U) >> 6) | ((s.Q3 & 0x3F000000U) << 2);
        s.Q4 = (s.Q4 & 0x000000FFU)
            | ((s.Q4 & 0x0000FC00U) >> 2) | ((s.Q4 & 0x00000300U) << 6)
            | ((s.Q4 & 0x00F00000U) >> 4) | ((s.Q4 & 0x000F0000U) << 4)
            | ((s.Q4 & 0xC0000000U) >> 6) | ((s.Q4 & 0x3F000000U) << 2);
        s.Q5 = (s.Q5 & 0x000000FFU)
            | ((s.Q5 & 0x0000FC00U) >> 2) | ((s.Q5 & 0x00000300U) << 6)
            | ((s.Q5 & 0x00F00000U) >> 4) | ((s.Q5 & 0x000F0000U) << 4)
            | ((s.Q5 & 0xC0000000U) >> 6) | ((s.Q5 & 0x3F000000U) << 2);
        s.Q6 = (s.Q6 & 0x000000FFU)
            | ((s.Q6 & 0x0000FC00U) >> 2) | ((s.Q6 & 0x00000300U) << 6)
            | ((s.Q6 & 0x00F00000U) >> 4) | ((s.Q6 & 0x000F0000U) << 4)
            | ((s.Q6 & 0xC0000000U) >> 6) | ((s.Q6 & 0x3F000000U) << 2);
        s.Q7 = (s.Q7 & 0x000000FFU)
            | ((s.Q7 & 0x0000FC00U) >> 2) | ((s.Q7 & 0x00000300U) << 6)
            | ((s.Q7 & 0x00F00000U) >> 4) | ((s.Q7 & 0x000F0000U) << 4)
            | ((s.Q7 & 0xC0000000U) >> 6) | ((s.Q7 & 0x3F000000U) << 2);
    }

    /// <summary>InvShiftRows: row r rotates right by r columns.</summary>
    public static void InvShiftRows(ref BitslicedState32 s)
    {
        s.Q0 = (s.Q0 & 0x000000FFU)
            | ((s.Q0 & 0x00003F00U) << 2) | ((s.Q0 & 0x0000C000U) >> 6)
            | ((s.Q0 & 0x00F00000U) >> 4) | ((s.Q0 & 0x000F0000U) << 4)
            | ((s.Q0 & 0x03000000U) << 6) | ((s.Q0 & 0xFC000000U) >> 2);
        s.Q1 = (s.Q1 & 0x000000FFU)
            | ((s.Q1 & 0x00003F00U) << 2) | ((s.Q1 & 0x0000C000U) >> 6)
            | ((s.Q1 & 0x00F00000U) >> 4) | ((s.Q1 & 0x000F0000U) << 4)
            | ((s.Q1 & 0x03000000U) << 6) | ((s.Q1 & 0xFC000000U) >> 2);
        s.Q2 = (s.Q2 & 0x000000FFU)
            | ((s.Q2 & 0x00003F00U) << 2) | ((s.Q2 & 0x0000C000U) >> 6)
            | ((s.Q2 & 0x00F00000U) >> 4) | ((s.Q2 & 0x000F0000U) << 4)
            | ((s.Q2 & 0x03000000U) << 6) | ((s.Q2 & 0xFC000000U) >> 2);
        s.Q3 = (s.Q3 & 0x000000FFU)
            | ((s.Q3 & 0x00003F00U) << 2) | ((s.Q3 & 0x0000C000U) >> 6)
            | ((s.Q3 & 0x00F00000U) >> 4) | ((s.Q3 & 0x000F0000U) << 4)
            | ((s.Q3 & 0x03000000U) << 6) | ((s.Q3 & 0xFC000000U) >> 2);
        s.Q4 = (s.Q4 & 0x000000FFU)
            | ((s.Q4 & 0x00003F00U) << 2) | ((s.Q4 & 0x0000C000U) >> 6)
            | ((s.Q4 & 0x00F00000U) >> 4) | ((s.Q4 & 0x000F0000U) << 4)
            | ((s.Q4 & 0x03000000U) << 6) | ((s.Q4 & 0xFC000000U) >> 2);
        s.Q5 = (s.Q5 & 0x000000FFU)
            | ((s.Q5 & 0x00003F00U) << 2) | ((s.Q5 & 0x0000C000U) >> 6)
            | ((s.Q5 & 0x00F00000U) >> 4) | ((s.Q5 & 0x000F0000U) << 4)
            | ((s.Q5 & 0x03000000U) << 6) | ((s.Q5 & 0xFC000000U) >> 2);
        s.Q6 = (s.Q6 & 0x000000FFU)
            | ((s.Q6 & 0x00003F00U) << 2) | ((s.Q6 & 0x0000C000U) >> 6)
            | ((s.Q6 & 0x00F00000U) >> 4) | ((s.Q6 & 0x000F0000U) << 4)
            | ((s.Q6 & 0x03000000U) << 6) | ((s.Q6 & 0xFC000000U) >> 2);
        s.Q7 = (s.Q7 & 0x000000FFU)
            | ((s.Q7 & 0x00003F00U) << 2) | ((s.Q7 & 0x0000C000U) >> 6)
            | ((s.Q7 & 0x00F00000U) >> 4) | ((s.Q7 & 0x000F0000U) << 4)
            | ((s.Q7 & 0x03000000U) << 6) | ((s.Q7 & 0xFC000000U) >> 2);
    }

    /// <summary>MixColumns as in <see cref="AesBitslice.MixColumns"/>; row r+1 is the word rotated right by 8 bits.</summary>
    public static void MixColumns(ref BitslicedState32 s)
    {
        uint a0 = s.Q0, a1 = s.Q1, a2 = s.Q2, a3 = s.Q3, a4 = s.Q4, a5 = s.Q5, a6 = s.Q6, a7 = s.Q7;
        uint r0 = (a0 >> 8) | (a0 << 24), r1 = (a1 >> 8) | (a1 << 24), r2 = (a2 >> 8) | (a2 << 24), r3 = (a3 >> 8) | (a3 << 24);
        uint r4 = (a4 >> 8) | (a4 << 24), r5 = (a5 >> 8) | (a5 << 24), r6 = (a6 >> 8) | (a6 << 24), r7 = (a7 >> 8) | (a7 << 24);
        uint t0 = a0 ^ r0, t1 = a1 ^ r1, t2 = a2 ^ r2, t3 = a3 ^ r3;
        uint t4 = a4 ^ r4, t5 = a5 ^ r5, t6 = a6 ^ r6, t7 = a7 ^ r7;
        s.Q0 = t7 ^ r0 ^ ((t0 >> 16) | (t0 << 16));
        s.Q1 = t0 ^ t7 ^ r1 ^ ((t1 >> 16) | (t1 << 16));
        s.Q2 = t1 ^ r2 ^ ((t2 >> 16) | (t2 << 16));
        s.Q3 = t2 ^ t7 ^ r3 ^ ((t3 >> 16) | (t3 << 16));
        s.Q4 = t3 ^ t7 ^ r4 ^ ((t4 >> 16) | (t4 << 16));
        s.Q5 = t4 ^ r5 ^ ((t5 >> 16) | (t5 << 16));
        s.Q6 = t5 ^ r6 ^ ((t6 >> 16) | (t6 << 16));
        s.Q7 = t6 ^ r7 ^ ((t7 >> 16) | (t7 << 16));
    }

    /// <summary>InvMixColumns as in <see cref="AesBitslice.InvMixColumns"/>: a[r] ^= 4·(a[r] ⊕ a[r+2]), then MixColumns.</summary>
    public static void InvMixColumns(ref BitslicedState32 s)
    {
        uint u0 = s.Q0 ^ ((s.Q0 >> 16) | (s.Q0 << 16)), u1 = s.Q1 ^ ((s.Q1 >> 16) | (s.Q1 << 16));
        uint u2 = s.Q2 ^ ((s.Q2 >> 16) | (s.Q2 << 16)), u3 = s.Q3 ^ ((s.Q3 >> 16) | (s.Q3 << 16));
        uint u4 = s.Q4 ^ ((s.Q4 >> 16) | (s.Q4 << 16)), u5 = s.Q5 ^ ((s.Q5 >> 16) | (s.Q5 << 16));
        uint u6 = s.Q6 ^ ((s.Q6 >> 16) | (s.Q6 << 16)), u7 = s.Q7 ^ ((s.Q7 >> 16) | (s.Q7 << 16));
        s.Q0 ^= u6;
        s.Q1 ^= u6 ^ u7;
        s.Q2 ^= u0 ^ u7;
        s.Q3 ^= u1 ^ u6;
        s.Q4 ^= u2 ^ u6 ^ u7;
        s.Q5 ^= u3 ^ u7;
        s.Q6 ^= u4;
        s.Q7 ^= u5;
        MixColumns(ref s);
    }

    /// <summary>InvSubBytes: the inverse affine map, the forward S-box circuit, the inverse affine map again.</summary>
    public static void InvSubBytes(ref BitslicedState32 s)
    {
        InverseAffine(ref s);
        SubBytes(ref s);
        InverseAffine(ref s);
    }

    /// <summary>SubBytes: the Boyar–Peralta S-box circuit (top linear layer, GF(2^4) inversion, bottom linear layer).</summary>
    public static void SubBytes(ref BitslicedState32 s)
    {
        // The circuit numbers bits from the most significant: x0 is bit 7.
        uint x0 = s.Q7, x1 = s.Q6, x2 = s.Q5, x3 = s.Q4, x4 = s.Q3, x5 = s.Q2, x6 = s.Q1, x7 = s.Q0;

        uint y14 = x3 ^ x5;
        uint y13 = x0 ^ x6;
        uint y9 = x0 ^ x3;
        uint y8 = x0 ^ x5;
        uint t0 = x1 ^ x2;
        uint y1 = t0 ^ x7;
        uint y4 = y1 ^ x3;
        uint y12 = y13 ^ y14;
        uint y2 = y1 ^ x0;
        uint y5 = y1 ^ x6;
        uint y3 = y5 ^ y8;
        uint t1 = x4 ^ y12;
        uint y15 = t1 ^ x5;
        uint y20 = t1 ^ x1;
        uint y6 = y15 ^ x7;
        uint y10 = y15 ^ t0;
        uint y11 = y20 ^ y9;
        uint y7 = x7 ^ y11;
        uint y17 = y10 ^ y11;
        uint y19 = y10 ^ y8;
        uint y16 = t0 ^ y11;
        uint y21 = y13 ^ y16;
        uint y18 = x0 ^ y16;

        uint t2 = y12 & y15;
        uint t3 = y3 & y6;
        uint t4 = t3 ^ t2;
        uint t5 = y4 & x7;
        uint t6 = t5 ^ t2;
        uint t7 = y13 & y16;
        uint t8 = y5 & y1;
        uint t9 = t8 ^ t7;
        uint t10 = y2 & y7;
        uint t11 = t10 ^ t7;
        uint t12 = y9 & y11;
        uint t13 = y14 & y17;
        uint t14 = t13 ^ t12;
        uint t15 = y8 & y10;
        uint t16 = t15 ^ t12;
        uint t17 = t4 ^ t14;
        uint t18 = t6 ^ t16;
        uint t19 = t9 ^ t14;
        uint t20 = t11 ^ t16;
        uint t21 = t17 ^ y20;
        uint t22 = t18 ^ y19;
        uint t23 = t19 ^ y21;
        uint t24 = t20 ^ y18;

        uint t25 = t21 ^ t22;
        uint t26 = t21 & t23;
        uint t27 = t24 ^ t26;
        uint t28 = t25 & t27;
        uint t29 = t28 ^ t22;
        uint t30 = t23 ^ t24;
        uint t31 = t22 ^ t26;
        uint t32 = t31 & t30;
        uint t33 = t32 ^ t24;
        uint t34 = t23 ^ t33;
        uint t35 = t27 ^ t33;
        uint t36 = t24 & t35;
        uint t37 = t36 ^ t34;
        uint t38 = t27 ^ t36;
        uint t39 = t29 & t38;
        uint t40 = t25 ^ t39;

        uint t41 = t40 ^ t37;
        uint t42 = t29 ^ t33;
        uint t43 = t29 ^ t40;
        uint t44 = t33 ^ t37;
        uint t45 = t42 ^ t41;
        uint z0 = t44 & y15;
        uint z1 = t37 & y6;
        uint z2 = t33 & x7;
        uint z3 = t43 & y16;
        uint z4 = t40 & y1;
        uint z5 = t29 & y7;
        uint z6 = t42 & y11;
        uint z7 = t45 & y17;
        uint z8 = t41 & y10;
        uint z9 = t44 & y12;
        uint z10 = t37 & y3;
        uint z11 = t33 & y4;
        uint z12 = t43 & y13;
        uint z13 = t40 & y5;
        uint z14 = t29 & y2;
        uint z15 = t42 & y9;
        uint z16 = t45 & y14;
        uint z17 = t41 & y8;

        uint t46 = z15 ^ z16;
        uint t47 = z10 ^ z11;
        uint t48 = z5 ^ z13;
        uint t49 = z9 ^ z10;
        uint t50 = z2 ^ z12;
        uint t51 = z2 ^ z5;
        uint t52 = z7 ^ z8;
        uint t53 = z0 ^ z3;
        uint t54 = z6 ^ z7;
        uint t55 = z16 ^ z17;
        uint t56 = z12 ^ t48;
        uint t57 = t50 ^ t53;
        uint t58 = z4 ^ t46;
        uint t59 = z3 ^ t54;
        uint t60 = t46 ^ t57;
        uint t61 = z14 ^ t57;
        uint t62 = t52 ^ t58;
        uint t63 = t49 ^ t58;
        uint t64 = z4 ^ t59;
        uint t65 = t61 ^ t62;
        uint t66 = z1 ^ t63;
        uint s0 = t59 ^ t63;
        uint s6 = t56 ^ ~t62;
        uint s7 = t48 ^ ~t60;
        uint t67 = t64 ^ t65;
        uint s3 = t53 ^ t66;
        uint s4 = t51 ^ t66;
        uint s5 = t47 ^ t65;
        uint s1 = t64 ^ ~s3;
        uint s2 = t55 ^ ~t67;

        s.Q7 = s0;
        s.Q6 = s1;
        s.Q5 = s2;
        s.Q4 = s3;
        s.Q3 = s4;
        s.Q2 = s5;
        s.Q1 = s6;
        s.Q0 = s7;
    }

    /// <summary>The 8×8 bit transpose inside every byte position of the eight words (its own inverse).</summary>
    private static void Orthogonalize(ref BitslicedState32 s)
    {
        uint q0 = s.Q0, q1 = s.Q1, q2 = s.Q2, q3 = s.Q3, q4 = s.Q4, q5 = s.Q5, q6 = s.Q6, q7 = s.Q7, t;
        t = ((q0 >> 1) ^ q1) & 0x55555555U;
        q1 ^= t;
        q0 ^= t << 1;
        t = ((q2 >> 1) ^ q3) & 0x55555555U;
        q3 ^= t;
        q2 ^= t << 1;
        t = ((q4 >> 1) ^ q5) & 0x55555555U;
        q5 ^= t;
        q4 ^= t << 1;
        t = ((q6 >> 1) ^ q7) & 0x55555555U;
        q7 ^= t;
        q6 ^= t << 1;
        t = ((q0 >> 2) ^ q2) & 0x33333333U;
        q2 ^= t;
        q0 ^= t << 2;
        t = ((q1 >> 2) ^ q3) & 0x33333333U;
        q3 ^= t;
        q1 ^= t << 2;
        t = ((q4 >> 2) ^ q6) & 0x33333333U;
        q6 ^= t;
        q4 ^= t << 2;
        t = ((q5 >> 2) ^ q7) & 0x33333333U;
        q7 ^= t;
        q5 ^= t << 2;
        t = ((q0 >> 4) ^ q4) & 0x0F0F0F0FU;
        q4 ^= t;
        q0 ^= t << 4;
        t = ((q1 >> 4) ^ q5) & 0x0F0F0F0FU;
        q5 ^= t;
        q1 ^= t << 4;
        t = ((q2 >> 4) ^ q6) & 0x0F0F0F0FU;
        q6 ^= t;
        q2 ^= t << 4;
        t = ((q3 >> 4) ^ q7) & 0x0F0F0F0FU;
        q7 ^= t;
        q3 ^= t << 4;
        s.Q0 = q0;
        s.Q1 = q1;
        s.Q2 = q2;
        s.Q3 = q3;
        s.Q4 = q4;
        s.Q5 = q5;
        s.Q6 = q6;
        s.Q7 = q7;
    }

    /// <summary>Copies the bits at even positions (block 0) to the odd positions above them (block 1).</summary>
    private static uint Replicate(uint value)
    {
        uint x = value & 0x55555555U;
        return x | (x << 1);
    }

    /// <summary>A⁻¹(y): bit i = y[i+2] ⊕ y[i+5] ⊕ y[i+7] (indices mod 8) ⊕ bit i of 0x05.</summary>
    private static void InverseAffine(ref BitslicedState32 s)
    {
        uint y0 = s.Q0, y1 = s.Q1, y2 = s.Q2, y3 = s.Q3, y4 = s.Q4, y5 = s.Q5, y6 = s.Q6, y7 = s.Q7;
        s.Q0 = ~(y2 ^ y5 ^ y7);
        s.Q1 = y3 ^ y6 ^ y0;
        s.Q2 = ~(y4 ^ y7 ^ y1);
        s.Q3 = y5 ^ y0 ^ y2;
        s.Q4 = y6 ^ y1 ^ y3;
        s.Q5 = y7 ^ y2 ^ y4;
        s.Q6 = y0 ^ y3 ^ y5;
        s.Q7 = y1 ^ y4 ^ y6;
    }
}

using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// Four AES states in bitsliced form: <c>Q0</c>…<c>Q7</c> hold bit 0…7 of each of the 64 state bytes. The byte in row
/// <c>r</c>, column <c>c</c> of block <c>b</c> sits at bit position <c>16·r + 4·c + b</c>, so a row is a 16-bit lane,
/// ShiftRows rotates within lanes and MixColumns rotates whole words by multiples of 16.
/// </summary>
internal struct BitslicedState
{
    public ulong Q0;
    public ulong Q1;
    public ulong Q2;
    public ulong Q3;
    public ulong Q4;
    public ulong Q5;
    public ulong Q6;
    public ulong Q7;

    /// <summary>Sets every word to zero.</summary>
    public void Clear() => this = default;
}

/// <summary>
/// The AES round functions on <see cref="BitslicedState"/>, written with logic operations, fixed shifts and fixed
/// masks only: no table is indexed and no branch taken by a secret value. The S-box is the 113-gate circuit of
/// Boyar and Peralta; the inverse S-box wraps it in the inverse affine map (InvSubBytes = A⁻¹ ∘ SubBytes ∘ A⁻¹).
/// </summary>
internal static class AesBitslice
{
    /// <summary>Blocks held side by side in one <see cref="BitslicedState"/>.</summary>
    public const int ParallelBlocks = 4;

    private const ulong EvenBytes = 0x00FF00FF00FF00FFUL;
    private const ulong EvenHalves = 0x0000FFFF0000FFFFUL;

    /// <summary>
    /// Loads <paramref name="blocks"/> (1–4) blocks from <paramref name="source"/> into <paramref name="state"/>;
    /// missing blocks are zero.
    /// </summary>
    public static void Load(ReadOnlySpan<byte> source, int blocks, ref BitslicedState state)
    {
        // Word j = 4·(c mod 2) + b holds, in byte 2·r + c/2, the state byte (r, c) of block b; the 8×8 bit transpose
        // (Orthogonalize) then puts bit i of that byte into Q_i at position 8·(2·r + c/2) + j = 16·r + 4·c + b.
        ulong w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0;
        for (int b = 0; b < blocks; b++)
        {
            ReadOnlySpan<byte> block = source.Slice(16 * b, 16);
            ulong even = Interleave(BinaryPrimitives.ReadUInt32LittleEndian(block), BinaryPrimitives.ReadUInt32LittleEndian(block[8..]));
            ulong odd = Interleave(BinaryPrimitives.ReadUInt32LittleEndian(block[4..]), BinaryPrimitives.ReadUInt32LittleEndian(block[12..]));
            switch (b)
            {
                case 0:
                    w0 = even;
                    w4 = odd;
                    break;
                case 1:
                    w1 = even;
                    w5 = odd;
                    break;
                case 2:
                    w2 = even;
                    w6 = odd;
                    break;
                default:
                    w3 = even;
                    w7 = odd;
                    break;
            }
        }

        state.Q0 = w0;
        state.Q1 = w1;
        state.Q2 = w2;
        state.Q3 = w3;
        state.Q4 = w4;
        state.Q5 = w5;
        state.Q6 = w6;
        state.Q7 = w7;
        Orthogonalize(ref state);
    }

    /// <summary>Writes the first <paramref name="blocks"/> (1–4) blocks of <paramref name="state"/>, which is consumed.</summary>
    public static void Store(ref BitslicedState state, int blocks, Span<byte> destination)
    {
        Orthogonalize(ref state);
        for (int b = 0; b < blocks; b++)
        {
            ulong even, odd;
            switch (b)
            {
                case 0:
                    even = state.Q0;
                    odd = state.Q4;
                    break;
                case 1:
                    even = state.Q1;
                    odd = state.Q5;
                    break;
                case 2:
                    even = state.Q2;
                    odd = state.Q6;
                    break;
                default:
                    even = state.Q3;
                    odd = state.Q7;
                    break;
            }

            Span<byte> block = destination.Slice(16 * b, 16);
            BinaryPrimitives.WriteUInt32LittleEndian(block, Deinterleave(even));
            BinaryPrimitives.WriteUInt32LittleEndian(block[8..], Deinterleave(even >> 8));
            BinaryPrimitives.WriteUInt32LittleEndian(block[4..], Deinterleave(odd));
            BinaryPrimitives.WriteUInt32LittleEndian(block[12..], Deinterleave(odd >> 8));
        }

        state.Clear();
    }

    /// <summary>
    /// Copies block <paramref name="block"/> of <paramref name="source"/> (positions ≡ block mod 4) to all four block
    /// positions of <paramref name="destination"/>: one round key, ready to be added to four states.
    /// </summary>
    public static void Replicate(in BitslicedState source, int block, ref BitslicedState destination)
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

    /// <summary>SubWord of the key schedule: the S-box applied to each byte of a little-endian word.</summary>
    public static uint SubWord(uint word)
    {
        BitslicedState state = default;
        state.Q0 = Interleave(word, 0);
        Orthogonalize(ref state);
        SubBytes(ref state);
        Orthogonalize(ref state);
        uint result = Deinterleave(state.Q0);
        state.Clear();
        return result;
    }

    /// <summary>XORs a bitsliced round key into the state.</summary>
    public static void AddRoundKey(ref BitslicedState s, in BitslicedState k)
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

    /// <summary>ShiftRows: row r of every block rotates left by r columns (its lane rotates right by 4·r bits).</summary>
    public static void ShiftRows(ref BitslicedState s)
    {
        s.Q0 = (s.Q0 & 0x000000000000FFFFUL)
            | ((s.Q0 & 0x00000000FFF00000UL) >> 4) | ((s.Q0 & 0x00000000000F0000UL) << 12)
            | ((s.Q0 & 0x0000FF0000000000UL) >> 8) | ((s.Q0 & 0x000000FF00000000UL) << 8)
            | ((s.Q0 & 0xF000000000000000UL) >> 12) | ((s.Q0 & 0x0FFF000000000000UL) << 4);
        s.Q1 = (s.Q1 & 0x000000000000FFFFUL)
            | ((s.Q1 & 0x00000000FFF00000UL) >> 4) | ((s.Q1 & 0x00000000000F0000UL) << 12)
            | ((s.Q1 & 0x0000FF0000000000UL) >> 8) | ((s.Q1 & 0x000000FF00000000UL) << 8)
            | ((s.Q1 & 0xF000000000000000UL) >> 12) | ((s.Q1 & 0x0FFF000000000000UL) << 4);
        s.Q2 = (s.Q2 & 0x000000000000FFFFUL)
            | ((s.Q2 & 0x00000000FFF00000UL) >> 4) | ((s.Q2 & 0x00000000000F0000UL) << 12)
            | ((s.Q2 & 0x0000FF0000000000UL) >> 8) | ((s.Q2 & 0x000000FF00000000UL) << 8)
            | ((s.Q2 & 0xF000000000000000UL) >> 12) | ((s.Q2 & 0x0FFF000000000000UL) << 4);
        s.Q3 = (s.Q3 & 0x000000000000FFFFUL)
            | ((s.Q3 & 0x00000000FFF00000UL) >> 4) | ((s.Q3 & 0x00000000000F0000UL) << 12)
            | ((s.Q3 & 0x0000FF0000000000UL) >> 8) | ((s.Q3 & 0x000000FF00000000UL) << 8)
            | ((s.Q3 & 0xF000000000000000UL) >> 12) | ((s.Q3 & 0x0FFF000000000000UL) << 4);
        s.Q4 = (s.Q4 & 0x000000000000FFFFUL)
            | ((s.Q4 & 0x00000000FFF00000UL) >> 4) | ((s.Q4 & 0x00000000000F0000UL) << 12)
            | ((s.Q4 & 0x0000FF0000000000UL) >> 8) | ((s.Q4 & 0x000000FF00000000UL) << 8)
            | ((s.Q4 & 0xF000000000000000UL) >> 12) | ((s.Q4 & 0x0FFF000000000000UL) << 4);
        s.Q5 = (s.Q5 & 0x000000000000FFFFUL)
            | ((s.Q5 & 0x00000000FFF00000UL) >> 4) | ((s.Q5 & 0x00000000000F0000UL) << 12)
            | ((s.Q5 & 0x0000FF0000000000UL) >> 8) | ((s.Q5 & 0x000000FF00000000UL) << 8)
            | ((s.Q5 & 0xF000000000000000UL) >> 12) | ((s.Q5 & 0x0FFF000000000000UL) << 4);
        s.Q6 = (s.Q6 & 0x000000000000FFFFUL)
            | ((s.Q6 & 0x00000000FFF00000UL) >> 4) | ((s.Q6 & 0x00000000000F0000UL) << 12)
            | ((s.Q6 & 0x0000FF0000000000UL) >> 8) | ((s.Q6 & 0x000000FF00000000UL) << 8)
            | ((s.Q6 & 0xF000000000000000UL) >> 12) | ((s.Q6 & 0x0FFF000000000000UL) << 4);
        s.Q7 = (s.Q7 & 0x000000000000FFFFUL)
            | ((s.Q7 & 0x00000000FFF00000UL) >> 4) | ((s.Q7 & 0x00000000000F0000UL) << 12)
            | ((s.Q7 & 0x0000FF0000000000UL) >> 8) | ((s.Q7 & 0x000000FF00000000UL) << 8)
            | ((s.Q7 & 0xF000000000000000UL) >> 12) | ((s.Q7 & 0x0FFF000000000000UL) << 4);
    }

    /// <summary>InvShiftRows: row r rotates right by r columns.</summary>
    public static void InvShiftRows(ref BitslicedState s)
    {
        s.Q0 = (s.Q0 & 0x000000000000FFFFUL)
            | ((s.Q0 & 0x000000000FFF0000UL) << 4) | ((s.Q0 & 0x00000000F0000000UL) >> 12)
            | ((s.Q0 & 0x0000FF0000000000UL) >> 8) | ((s.Q0 & 0x000000FF00000000UL) << 8)
            | ((s.Q0 & 0x000F000000000000UL) << 12) | ((s.Q0 & 0xFFF0000000000000UL) >> 4);
        s.Q1 = (s.Q1 & 0x000000000000FFFFUL)
            | ((s.Q1 & 0x000000000FFF0000UL) << 4) | ((s.Q1 & 0x00000000F0000000UL) >> 12)
            | ((s.Q1 & 0x0000FF0000000000UL) >> 8) | ((s.Q1 & 0x000000FF00000000UL) << 8)
            | ((s.Q1 & 0x000F000000000000UL) << 12) | ((s.Q1 & 0xFFF0000000000000UL) >> 4);
        s.Q2 = (s.Q2 & 0x000000000000FFFFUL)
            | ((s.Q2 & 0x000000000FFF0000UL) << 4) | ((s.Q2 & 0x00000000F0000000UL) >> 12)
            | ((s.Q2 & 0x0000FF0000000000UL) >> 8) | ((s.Q2 & 0x000000FF00000000UL) << 8)
            | ((s.Q2 & 0x000F000000000000UL) << 12) | ((s.Q2 & 0xFFF0000000000000UL) >> 4);
        s.Q3 = (s.Q3 & 0x000000000000FFFFUL)
            | ((s.Q3 & 0x000000000FFF0000UL) << 4) | ((s.Q3 & 0x00000000F0000000UL) >> 12)
            | ((s.Q3 & 0x0000FF0000000000UL) >> 8) | ((s.Q3 & 0x000000FF00000000UL) << 8)
            | ((s.Q3 & 0x000F000000000000UL) << 12) | ((s.Q3 & 0xFFF0000000000000UL) >> 4);
        s.Q4 = (s.Q4 & 0x000000000000FFFFUL)
            | ((s.Q4 & 0x000000000FFF0000UL) << 4) | ((s.Q4 & 0x00000000F0000000UL) >> 12)
            | ((s.Q4 & 0x0000FF0000000000UL) >> 8) | ((s.Q4 & 0x000000FF00000000UL) << 8)
            | ((s.Q4 & 0x000F000000000000UL) << 12) | ((s.Q4 & 0xFFF0000000000000UL) >> 4);
        s.Q5 = (s.Q5 & 0x000000000000FFFFUL)
            | ((s.Q5 & 0x000000000FFF0000UL) << 4) | ((s.Q5 & 0x00000000F0000000UL) >> 12)
            | ((s.Q5 & 0x0000FF0000000000UL) >> 8) | ((s.Q5 & 0x000000FF00000000UL) << 8)
            | ((s.Q5 & 0x000F000000000000UL) << 12) | ((s.Q5 & 0xFFF0000000000000UL) >> 4);
        s.Q6 = (s.Q6 & 0x000000000000FFFFUL)
            | ((s.Q6 & 0x000000000FFF0000UL) << 4) | ((s.Q6 & 0x00000000F0000000UL) >> 12)
            | ((s.Q6 & 0x0000FF0000000000UL) >> 8) | ((s.Q6 & 0x000000FF00000000UL) << 8)
            | ((s.Q6 & 0x000F000000000000UL) << 12) | ((s.Q6 & 0xFFF0000000000000UL) >> 4);
        s.Q7 = (s.Q7 & 0x000000000000FFFFUL)
            | ((s.Q7 & 0x000000000FFF0000UL) << 4) | ((s.Q7 & 0x00000000F0000000UL) >> 12)
            | ((s.Q7 & 0x0000FF0000000000UL) >> 8) | ((s.Q7 & 0x000000FF00000000UL) << 8)
            | ((s.Q7 & 0x000F000000000000UL) << 12) | ((s.Q7 & 0xFFF0000000000000UL) >> 4);
    }

    /// <summary>
    /// MixColumns: out[r] = 2·a[r] ⊕ 3·a[r+1] ⊕ a[r+2] ⊕ a[r+3] = 2·t[r] ⊕ a[r+1] ⊕ t[r+2] with t[r] = a[r] ⊕ a[r+1];
    /// row r+1 is the word rotated right by 16 bits.
    /// </summary>
    public static void MixColumns(ref BitslicedState s)
    {
        ulong a0 = s.Q0, a1 = s.Q1, a2 = s.Q2, a3 = s.Q3, a4 = s.Q4, a5 = s.Q5, a6 = s.Q6, a7 = s.Q7;
        ulong r0 = ((a0 >> 16) | (a0 << 48)), r1 = ((a1 >> 16) | (a1 << 48));
        ulong r2 = ((a2 >> 16) | (a2 << 48)), r3 = ((a3 >> 16) | (a3 << 48));
        ulong r4 = ((a4 >> 16) | (a4 << 48)), r5 = ((a5 >> 16) | (a5 << 48));
        ulong r6 = ((a6 >> 16) | (a6 << 48)), r7 = ((a7 >> 16) | (a7 << 48));
        ulong t0 = a0 ^ r0, t1 = a1 ^ r1, t2 = a2 ^ r2, t3 = a3 ^ r3;
        ulong t4 = a4 ^ r4, t5 = a5 ^ r5, t6 = a6 ^ r6, t7 = a7 ^ r7;

        // 2·t (xtime): a left shift of the bit index, reducing x^8 = x^4 + x^3 + x + 1.
        s.Q0 = t7 ^ r0 ^ ((t0 >> 32) | (t0 << 32));
        s.Q1 = t0 ^ t7 ^ r1 ^ ((t1 >> 32) | (t1 << 32));
        s.Q2 = t1 ^ r2 ^ ((t2 >> 32) | (t2 << 32));
        s.Q3 = t2 ^ t7 ^ r3 ^ ((t3 >> 32) | (t3 << 32));
        s.Q4 = t3 ^ t7 ^ r4 ^ ((t4 >> 32) | (t4 << 32));
        s.Q5 = t4 ^ r5 ^ ((t5 >> 32) | (t5 << 32));
        s.Q6 = t5 ^ r6 ^ ((t6 >> 32) | (t6 << 32));
        s.Q7 = t6 ^ r7 ^ ((t7 >> 32) | (t7 << 32));
    }

    /// <summary>
    /// InvMixColumns, using d(x) = c(x)·(4x² + 5): first a[r] ^= 4·(a[r] ⊕ a[r+2]), then MixColumns.
    /// </summary>
    public static void InvMixColumns(ref BitslicedState s)
    {
        ulong u0 = s.Q0 ^ ((s.Q0 >> 32) | (s.Q0 << 32)), u1 = s.Q1 ^ ((s.Q1 >> 32) | (s.Q1 << 32));
        ulong u2 = s.Q2 ^ ((s.Q2 >> 32) | (s.Q2 << 32)), u3 = s.Q3 ^ ((s.Q3 >> 32) | (s.Q3 << 32));
        ulong u4 = s.Q4 ^ ((s.Q4 >> 32) | (s.Q4 << 32)), u5 = s.Q5 ^ ((s.Q5 >> 32) | (s.Q5 << 32));
        ulong u6 = s.Q6 ^ ((s.Q6 >> 32) | (s.Q6 << 32)), u7 = s.Q7 ^ ((s.Q7 >> 32) | (s.Q7 << 32));

        // 4·u: bit i moves to i + 2; the two top bits fold back through x^8 = x^4 + x^3 + x + 1 and x^9 = x^5 + x^4 + x^2 + x.
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
    public static void InvSubBytes(ref BitslicedState s)
    {
        InverseAffine(ref s);
        SubBytes(ref s);
        InverseAffine(ref s);
    }

    /// <summary>SubBytes: the Boyar–Peralta S-box circuit (top linear layer, GF(2^4) inversion, bottom linear layer).</summary>
    public static void SubBytes(ref BitslicedState s)
    {
        // The circuit numbers bits from the most significant: x0 is bit 7.
        ulong x0 = s.Q7, x1 = s.Q6, x2 = s.Q5, x3 = s.Q4, x4 = s.Q3, x5 = s.Q2, x6 = s.Q1, x7 = s.Q0;

        ulong y14 = x3 ^ x5;
        ulong y13 = x0 ^ x6;
        ulong y9 = x0 ^ x3;
        ulong y8 = x0 ^ x5;
        ulong t0 = x1 ^ x2;
        ulong y1 = t0 ^ x7;
        ulong y4 = y1 ^ x3;
        ulong y12 = y13 ^ y14;
        ulong y2 = y1 ^ x0;
        ulong y5 = y1 ^ x6;
        ulong y3 = y5 ^ y8;
        ulong t1 = x4 ^ y12;
        ulong y15 = t1 ^ x5;
        ulong y20 = t1 ^ x1;
        ulong y6 = y15 ^ x7;
        ulong y10 = y15 ^ t0;
        ulong y11 = y20 ^ y9;
        ulong y7 = x7 ^ y11;
        ulong y17 = y10 ^ y11;
        ulong y19 = y10 ^ y8;
        ulong y16 = t0 ^ y11;
        ulong y21 = y13 ^ y16;
        ulong y18 = x0 ^ y16;

        ulong t2 = y12 & y15;
        ulong t3 = y3 & y6;
        ulong t4 = t3 ^ t2;
        ulong t5 = y4 & x7;
        ulong t6 = t5 ^ t2;
        ulong t7 = y13 & y16;
        ulong t8 = y5 & y1;
        ulong t9 = t8 ^ t7;
        ulong t10 = y2 & y7;
        ulong t11 = t10 ^ t7;
        ulong t12 = y9 & y11;
        ulong t13 = y14 & y17;
        ulong t14 = t13 ^ t12;
        ulong t15 = y8 & y10;
        ulong t16 = t15 ^ t12;
        ulong t17 = t4 ^ t14;
        ulong t18 = t6 ^ t16;
        ulong t19 = t9 ^ t14;
        ulong t20 = t11 ^ t16;
        ulong t21 = t17 ^ y20;
        ulong t22 = t18 ^ y19;
        ulong t23 = t19 ^ y21;
        ulong t24 = t20 ^ y18;

        ulong t25 = t21 ^ t22;
        ulong t26 = t21 & t23;
        ulong t27 = t24 ^ t26;
        ulong t28 = t25 & t27;
        ulong t29 = t28 ^ t22;
        ulong t30 = t23 ^ t24;
        ulong t31 = t22 ^ t26;
        ulong t32 = t31 & t30;
        ulong t33 = t32 ^ t24;
        ulong t34 = t23 ^ t33;
        ulong t35 = t27 ^ t33;
        ulong t36 = t24 & t35;
        ulong t37 = t36 ^ t34;
        ulong t38 = t27 ^ t36;
        ulong t39 = t29 & t38;
        ulong t40 = t25 ^ t39;

        ulong t41 = t40 ^ t37;
        ulong t42 = t29 ^ t33;
        ulong t43 = t29 ^ t40;
        ulong t44 = t33 ^ t37;
        ulong t45 = t42 ^ t41;
        ulong z0 = t44 & y15;
        ulong z1 = t37 & y6;
        ulong z2 = t33 & x7;
        ulong z3 = t43 & y16;
        ulong z4 = t40 & y1;
        ulong z5 = t29 & y7;
        ulong z6 = t42 & y11;
        ulong z7 = t45 & y17;
        ulong z8 = t41 & y10;
        ulong z9 = t44 & y12;
        ulong z10 = t37 & y3;
        ulong z11 = t33 & y4;
        ulong z12 = t43 & y13;
        ulong z13 = t40 & y5;
        ulong z14 = t29 & y2;
        ulong z15 = t42 & y9;
        ulong z16 = t45 & y14;
        ulong z17 = t41 & y8;

        ulong t46 = z15 ^ z16;
        ulong t47 = z10 ^ z11;
        ulong t48 = z5 ^ z13;
        ulong t49 = z9 ^ z10;
        ulong t50 = z2 ^ z12;
        ulong t51 = z2 ^ z5;
        ulong t52 = z7 ^ z8;
        ulong t53 = z0 ^ z3;
        ulong t54 = z6 ^ z7;
        ulong t55 = z16 ^ z17;
        ulong t56 = z12 ^ t48;
        ulong t57 = t50 ^ t53;
        ulong t58 = z4 ^ t46;
        ulong t59 = z3 ^ t54;
        ulong t60 = t46 ^ t57;
        ulong t61 = z14 ^ t57;
        ulong t62 = t52 ^ t58;
        ulong t63 = t49 ^ t58;
        ulong t64 = z4 ^ t59;
        ulong t65 = t61 ^ t62;
        ulong t66 = z1 ^ t63;
        ulong s0 = t59 ^ t63;
        ulong s6 = t56 ^ ~t62;
        ulong s7 = t48 ^ ~t60;
        ulong t67 = t64 ^ t65;
        ulong s3 = t53 ^ t66;
        ulong s4 = t51 ^ t66;
        ulong s5 = t47 ^ t65;
        ulong s1 = t64 ^ ~s3;
        ulong s2 = t55 ^ ~t67;

        s.Q7 = s0;
        s.Q6 = s1;
        s.Q5 = s2;
        s.Q4 = s3;
        s.Q3 = s4;
        s.Q2 = s5;
        s.Q1 = s6;
        s.Q0 = s7;
    }

    /// <summary>
    /// The 8×8 bit transpose inside every byte position of the eight words (three rounds of swap-moves): afterwards
    /// bit i of byte k of word j has become bit j of byte k of word i. It is its own inverse.
    /// </summary>
    private static void Orthogonalize(ref BitslicedState s)
    {
        // Swap-moves: for each pair (low, high), the bits of low selected by ~mask trade places with the bits of high
        // selected by mask, shifted by the pair's distance.
        ulong q0 = s.Q0, q1 = s.Q1, q2 = s.Q2, q3 = s.Q3, q4 = s.Q4, q5 = s.Q5, q6 = s.Q6, q7 = s.Q7, t;
        t = ((q0 >> 1) ^ q1) & 0x5555555555555555UL;
        q1 ^= t;
        q0 ^= t << 1;
        t = ((q2 >> 1) ^ q3) & 0x5555555555555555UL;
        q3 ^= t;
        q2 ^= t << 1;
        t = ((q4 >> 1) ^ q5) & 0x5555555555555555UL;
        q5 ^= t;
        q4 ^= t << 1;
        t = ((q6 >> 1) ^ q7) & 0x5555555555555555UL;
        q7 ^= t;
        q6 ^= t << 1;
        t = ((q0 >> 2) ^ q2) & 0x3333333333333333UL;
        q2 ^= t;
        q0 ^= t << 2;
        t = ((q1 >> 2) ^ q3) & 0x3333333333333333UL;
        q3 ^= t;
        q1 ^= t << 2;
        t = ((q4 >> 2) ^ q6) & 0x3333333333333333UL;
        q6 ^= t;
        q4 ^= t << 2;
        t = ((q5 >> 2) ^ q7) & 0x3333333333333333UL;
        q7 ^= t;
        q5 ^= t << 2;
        t = ((q0 >> 4) ^ q4) & 0x0F0F0F0F0F0F0F0FUL;
        q4 ^= t;
        q0 ^= t << 4;
        t = ((q1 >> 4) ^ q5) & 0x0F0F0F0F0F0F0F0FUL;
        q5 ^= t;
        q1 ^= t << 4;
        t = ((q2 >> 4) ^ q6) & 0x0F0F0F0F0F0F0F0FUL;
        q6 ^= t;
        q2 ^= t << 4;
        t = ((q3 >> 4) ^ q7) & 0x0F0F0F0F0F0F0F0FUL;
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

    /// <summary>Spreads the bytes of <paramref name="even"/> to the even bytes and those of <paramref name="odd"/> to the odd bytes.</summary>
    private static ulong Interleave(uint even, uint odd) => Spread(even) | (Spread(odd) << 8);

    private static ulong Spread(uint value)
    {
        ulong x = value;
        x = (x | (x << 16)) & EvenHalves;
        return (x | (x << 8)) & EvenBytes;
    }

    /// <summary>Gathers the even bytes of <paramref name="value"/> into a word.</summary>
    private static uint Deinterleave(ulong value)
    {
        ulong x = value & EvenBytes;
        x = (x | (x >> 8)) & EvenHalves;
        return (uint)(x | (x >> 16));
    }

    /// <summary>Copies the bits at positions ≡ 0 mod 4 (block 0) to the three positions above each (blocks 1–3).</summary>
    private static ulong Replicate(ulong value)
    {
        ulong x = value & 0x1111111111111111UL;
        return x | (x << 1) | (x << 2) | (x << 3);
    }

    /// <summary>A⁻¹(y): bit i = y[i+2] ⊕ y[i+5] ⊕ y[i+7] (indices mod 8) ⊕ bit i of 0x05.</summary>
    private static void InverseAffine(ref BitslicedState s)
    {
        ulong y0 = s.Q0, y1 = s.Q1, y2 = s.Q2, y3 = s.Q3, y4 = s.Q4, y5 = s.Q5, y6 = s.Q6, y7 = s.Q7;
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

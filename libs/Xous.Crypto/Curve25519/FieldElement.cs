using System;
using System.Runtime.InteropServices;

namespace Xous.Crypto;

/// <summary>
/// An element of GF(2^255 − 19) as ten signed limbs in radix 2^25.5: limb i has weight 2^⌈25.5·i⌉, so even limbs
/// hold 26 bits and odd limbs 25 bits. After <see cref="Field25519.Multiply"/>, <see cref="Field25519.Square"/> and
/// the other carrying operations every limb lies in [−2^25, 2^25) (even) or about [−2^24, 2^24] (odd); sums and
/// differences of up to three such elements may be fed to a multiplication (its 32-bit pre-products stay in range).
/// The limbs are named fields rather than an inline array so that the arithmetic compiles to plain loads and stores
/// (also without JIT optimisation, and in the C the IL compiler emits); they are contiguous, which
/// <see cref="Field25519.Wipe"/> relies on.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FieldElement
{
    public int L0;
    public int L1;
    public int L2;
    public int L3;
    public int L4;
    public int L5;
    public int L6;
    public int L7;
    public int L8;
    public int L9;
}

/// <summary>
/// Constant-time arithmetic modulo p = 2^255 − 19: no branch and no memory index depends on the values; conditional
/// operations use masks; inversion and square roots use fixed exponentiation chains. Every operation reads all its
/// inputs before writing its output, so the output may be one of the inputs.
/// </summary>
internal static class Field25519
{
    /// <summary>d = −121665/121666, the Edwards curve constant.</summary>
    public static ReadOnlySpan<int> EdwardsD => [-10913610, 13857413, -15372611, 6949391, 114729, -8787816, -6275908, -3247719, -18696448, -12055116];

    /// <summary>2·d.</summary>
    public static ReadOnlySpan<int> EdwardsD2 => [-21827239, -5839606, -30745221, 13898782, 229458, 15978800, -12551817, -6495438, 29715968, 9444199];

    /// <summary>A square root of −1 (2^((p−1)/4)).</summary>
    public static ReadOnlySpan<int> SqrtMinusOne => [-32595792, -7943725, 9377950, 3500415, 12389472, -272473, -25146209, -2005654, 326686, 11406482];

    /// <summary>Loads ten limbs (a constant or a table entry).</summary>
    public static void Load(ref FieldElement h, ReadOnlySpan<int> limbs)
    {
        h.L0 = limbs[0];
        h.L1 = limbs[1];
        h.L2 = limbs[2];
        h.L3 = limbs[3];
        h.L4 = limbs[4];
        h.L5 = limbs[5];
        h.L6 = limbs[6];
        h.L7 = limbs[7];
        h.L8 = limbs[8];
        h.L9 = limbs[9];
    }

    /// <summary>h = 0.</summary>
    public static void Zero(ref FieldElement h) => Wipe(ref h);

    /// <summary>h = 1.</summary>
    public static void One(ref FieldElement h)
    {
        Wipe(ref h);
        h.L0 = 1;
    }

    /// <summary>Overwrites the limbs with zeros (wiping).</summary>
    public static void Wipe(ref FieldElement h) => MemoryMarshal.CreateSpan(ref h.L0, 10).Clear();

    /// <summary>h = f + g (no carry).</summary>
    public static void Add(ref FieldElement h, in FieldElement f, in FieldElement g)
    {
        h.L0 = f.L0 + g.L0;
        h.L1 = f.L1 + g.L1;
        h.L2 = f.L2 + g.L2;
        h.L3 = f.L3 + g.L3;
        h.L4 = f.L4 + g.L4;
        h.L5 = f.L5 + g.L5;
        h.L6 = f.L6 + g.L6;
        h.L7 = f.L7 + g.L7;
        h.L8 = f.L8 + g.L8;
        h.L9 = f.L9 + g.L9;
    }

    /// <summary>h = f − g (no carry).</summary>
    public static void Subtract(ref FieldElement h, in FieldElement f, in FieldElement g)
    {
        h.L0 = f.L0 - g.L0;
        h.L1 = f.L1 - g.L1;
        h.L2 = f.L2 - g.L2;
        h.L3 = f.L3 - g.L3;
        h.L4 = f.L4 - g.L4;
        h.L5 = f.L5 - g.L5;
        h.L6 = f.L6 - g.L6;
        h.L7 = f.L7 - g.L7;
        h.L8 = f.L8 - g.L8;
        h.L9 = f.L9 - g.L9;
    }

    /// <summary>h = −f.</summary>
    public static void Negate(ref FieldElement h, in FieldElement f)
    {
        h.L0 = -f.L0;
        h.L1 = -f.L1;
        h.L2 = -f.L2;
        h.L3 = -f.L3;
        h.L4 = -f.L4;
        h.L5 = -f.L5;
        h.L6 = -f.L6;
        h.L7 = -f.L7;
        h.L8 = -f.L8;
        h.L9 = -f.L9;
    }

    /// <summary>h = f·g, carried.</summary>
    public static void Multiply(ref FieldElement h, in FieldElement f, in FieldElement g)
    {
        int f0 = f.L0, f1 = f.L1, f2 = f.L2, f3 = f.L3, f4 = f.L4, f5 = f.L5, f6 = f.L6, f7 = f.L7, f8 = f.L8, f9 = f.L9;
        int g0 = g.L0, g1 = g.L1, g2 = g.L2, g3 = g.L3, g4 = g.L4, g5 = g.L5, g6 = g.L6, g7 = g.L7, g8 = g.L8, g9 = g.L9;

        // Limb products whose weights add past 2^255 wrap around times 19; two odd limbs meet half a bit higher
        // than their index sum says, hence the factor 2.
        int f1_2 = 2 * f1, f3_2 = 2 * f3, f5_2 = 2 * f5, f7_2 = 2 * f7, f9_2 = 2 * f9;
        int g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4, g5_19 = 19 * g5;
        int g6_19 = 19 * g6, g7_19 = 19 * g7, g8_19 = 19 * g8, g9_19 = 19 * g9;
        long h0 = ((long)f0 * g0) + ((long)f1_2 * g9_19) + ((long)f2 * g8_19) + ((long)f3_2 * g7_19) + ((long)f4 * g6_19) + ((long)f5_2 * g5_19) + ((long)f6 * g4_19) + ((long)f7_2 * g3_19) + ((long)f8 * g2_19) + ((long)f9_2 * g1_19);
        long h1 = ((long)f0 * g1) + ((long)f1 * g0) + ((long)f2 * g9_19) + ((long)f3 * g8_19) + ((long)f4 * g7_19) + ((long)f5 * g6_19) + ((long)f6 * g5_19) + ((long)f7 * g4_19) + ((long)f8 * g3_19) + ((long)f9 * g2_19);
        long h2 = ((long)f0 * g2) + ((long)f1_2 * g1) + ((long)f2 * g0) + ((long)f3_2 * g9_19) + ((long)f4 * g8_19) + ((long)f5_2 * g7_19) + ((long)f6 * g6_19) + ((long)f7_2 * g5_19) + ((long)f8 * g4_19) + ((long)f9_2 * g3_19);
        long h3 = ((long)f0 * g3) + ((long)f1 * g2) + ((long)f2 * g1) + ((long)f3 * g0) + ((long)f4 * g9_19) + ((long)f5 * g8_19) + ((long)f6 * g7_19) + ((long)f7 * g6_19) + ((long)f8 * g5_19) + ((long)f9 * g4_19);
        long h4 = ((long)f0 * g4) + ((long)f1_2 * g3) + ((long)f2 * g2) + ((long)f3_2 * g1) + ((long)f4 * g0) + ((long)f5_2 * g9_19) + ((long)f6 * g8_19) + ((long)f7_2 * g7_19) + ((long)f8 * g6_19) + ((long)f9_2 * g5_19);
        long h5 = ((long)f0 * g5) + ((long)f1 * g4) + ((long)f2 * g3) + ((long)f3 * g2) + ((long)f4 * g1) + ((long)f5 * g0) + ((long)f6 * g9_19) + ((long)f7 * g8_19) + ((long)f8 * g7_19) + ((long)f9 * g6_19);
        long h6 = ((long)f0 * g6) + ((long)f1_2 * g5) + ((long)f2 * g4) + ((long)f3_2 * g3) + ((long)f4 * g2) + ((long)f5_2 * g1) + ((long)f6 * g0) + ((long)f7_2 * g9_19) + ((long)f8 * g8_19) + ((long)f9_2 * g7_19);
        long h7 = ((long)f0 * g7) + ((long)f1 * g6) + ((long)f2 * g5) + ((long)f3 * g4) + ((long)f4 * g3) + ((long)f5 * g2) + ((long)f6 * g1) + ((long)f7 * g0) + ((long)f8 * g9_19) + ((long)f9 * g8_19);
        long h8 = ((long)f0 * g8) + ((long)f1_2 * g7) + ((long)f2 * g6) + ((long)f3_2 * g5) + ((long)f4 * g4) + ((long)f5_2 * g3) + ((long)f6 * g2) + ((long)f7_2 * g1) + ((long)f8 * g0) + ((long)f9_2 * g9_19);
        long h9 = ((long)f0 * g9) + ((long)f1 * g8) + ((long)f2 * g7) + ((long)f3 * g6) + ((long)f4 * g5) + ((long)f5 * g4) + ((long)f6 * g3) + ((long)f7 * g2) + ((long)f8 * g1) + ((long)f9 * g0);
        Carry(ref h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /// <summary>h = f², carried.</summary>
    public static void Square(ref FieldElement h, in FieldElement f)
    {
        SquareCore(ref h, f, 1);
    }

    /// <summary>h = 2·f², carried.</summary>
    public static void SquareDouble(ref FieldElement h, in FieldElement f)
    {
        SquareCore(ref h, f, 2);
    }

    /// <summary>h = f^(2^count): <paramref name="count"/> squarings (count ≥ 1).</summary>
    public static void SquareTimes(ref FieldElement h, in FieldElement f, int count)
    {
        SquareCore(ref h, f, 1);
        for (int i = 1; i < count; i++)
        {
            SquareCore(ref h, h, 1);
        }
    }

    /// <summary>h = f·k for a small constant k (|k| &lt; 2^20), carried.</summary>
    public static void MultiplySmall(ref FieldElement h, in FieldElement f, int k)
    {
        Carry(
            ref h,
            (long)f.L0 * k, (long)f.L1 * k, (long)f.L2 * k, (long)f.L3 * k, (long)f.L4 * k,
            (long)f.L5 * k, (long)f.L6 * k, (long)f.L7 * k, (long)f.L8 * k, (long)f.L9 * k);
    }

    /// <summary>h = 1/f = f^(p−2) (0 maps to 0). A fixed chain of 254 squarings and 11 multiplications.</summary>
    public static void Invert(ref FieldElement h, in FieldElement f)
    {
        FieldElement z11 = default, z2_250_1 = default;
        PowerChain(ref z11, ref z2_250_1, f);
        SquareTimes(ref z2_250_1, z2_250_1, 5);
        Multiply(ref h, z2_250_1, z11);
        Wipe(ref z11);
        Wipe(ref z2_250_1);
    }

    /// <summary>h = f^((p−5)/8) = f^(2^252 − 3), the core of the square root.</summary>
    public static void PowerP58(ref FieldElement h, in FieldElement f)
    {
        FieldElement z11 = default, z2_250_1 = default;
        PowerChain(ref z11, ref z2_250_1, f);
        SquareTimes(ref z2_250_1, z2_250_1, 2);
        Multiply(ref h, z2_250_1, f);
        Wipe(ref z11);
        Wipe(ref z2_250_1);
    }

    /// <summary>Swaps f and g when <paramref name="swap"/> is 1, leaves them when it is 0, in constant time.</summary>
    public static void ConditionalSwap(ref FieldElement f, ref FieldElement g, int swap)
    {
        int mask = -swap;
        int x;
        x = (f.L0 ^ g.L0) & mask;
        f.L0 ^= x;
        g.L0 ^= x;
        x = (f.L1 ^ g.L1) & mask;
        f.L1 ^= x;
        g.L1 ^= x;
        x = (f.L2 ^ g.L2) & mask;
        f.L2 ^= x;
        g.L2 ^= x;
        x = (f.L3 ^ g.L3) & mask;
        f.L3 ^= x;
        g.L3 ^= x;
        x = (f.L4 ^ g.L4) & mask;
        f.L4 ^= x;
        g.L4 ^= x;
        x = (f.L5 ^ g.L5) & mask;
        f.L5 ^= x;
        g.L5 ^= x;
        x = (f.L6 ^ g.L6) & mask;
        f.L6 ^= x;
        g.L6 ^= x;
        x = (f.L7 ^ g.L7) & mask;
        f.L7 ^= x;
        g.L7 ^= x;
        x = (f.L8 ^ g.L8) & mask;
        f.L8 ^= x;
        g.L8 ^= x;
        x = (f.L9 ^ g.L9) & mask;
        f.L9 ^= x;
        g.L9 ^= x;
    }

    /// <summary>h = g when <paramref name="move"/> is 1, unchanged when it is 0, in constant time.</summary>
    public static void ConditionalMove(ref FieldElement h, in FieldElement g, int move)
    {
        int mask = -move;
        h.L0 ^= (h.L0 ^ g.L0) & mask;
        h.L1 ^= (h.L1 ^ g.L1) & mask;
        h.L2 ^= (h.L2 ^ g.L2) & mask;
        h.L3 ^= (h.L3 ^ g.L3) & mask;
        h.L4 ^= (h.L4 ^ g.L4) & mask;
        h.L5 ^= (h.L5 ^ g.L5) & mask;
        h.L6 ^= (h.L6 ^ g.L6) & mask;
        h.L7 ^= (h.L7 ^ g.L7) & mask;
        h.L8 ^= (h.L8 ^ g.L8) & mask;
        h.L9 ^= (h.L9 ^ g.L9) & mask;
    }

    /// <summary>h = <paramref name="limbs"/> when <paramref name="move"/> is 1, in constant time (table entries).</summary>
    public static void ConditionalLoad(ref FieldElement h, ReadOnlySpan<int> limbs, int move)
    {
        int mask = -move;
        h.L0 ^= (h.L0 ^ limbs[0]) & mask;
        h.L1 ^= (h.L1 ^ limbs[1]) & mask;
        h.L2 ^= (h.L2 ^ limbs[2]) & mask;
        h.L3 ^= (h.L3 ^ limbs[3]) & mask;
        h.L4 ^= (h.L4 ^ limbs[4]) & mask;
        h.L5 ^= (h.L5 ^ limbs[5]) & mask;
        h.L6 ^= (h.L6 ^ limbs[6]) & mask;
        h.L7 ^= (h.L7 ^ limbs[7]) & mask;
        h.L8 ^= (h.L8 ^ limbs[8]) & mask;
        h.L9 ^= (h.L9 ^ limbs[9]) & mask;
    }

    /// <summary>
    /// Loads 32 little-endian bytes, ignoring bit 255. Values from p to 2^255 − 1 (non-canonical) are accepted and
    /// act as their residue; callers that must refuse them check <see cref="IsCanonical"/>.
    /// </summary>
    public static void FromBytes(ref FieldElement h, ReadOnlySpan<byte> s)
    {
        long h0 = Bits(s, 0, 26), h1 = Bits(s, 26, 25), h2 = Bits(s, 51, 26), h3 = Bits(s, 77, 25), h4 = Bits(s, 102, 26);
        long h5 = Bits(s, 128, 25), h6 = Bits(s, 153, 26), h7 = Bits(s, 179, 25), h8 = Bits(s, 204, 26), h9 = Bits(s, 230, 25);
        Carry(ref h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /// <summary>True when the 255-bit value in <paramref name="s"/> (bit 255 ignored) is below p. Not secret data.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> s)
    {
        // p = 2^255 − 19 is 0xED, then thirty 0xFF, then 0x7F (little-endian); values ≥ p are p … p + 18.
        if ((s[31] & 0x7F) != 0x7F)
        {
            return true;
        }

        for (int i = 30; i > 0; i--)
        {
            if (s[i] != 0xFF)
            {
                return true;
            }
        }

        return s[0] < 0xED;
    }

    /// <summary>Writes the canonical 32-byte little-endian encoding (value in [0, p), bit 255 clear).</summary>
    public static void ToBytes(Span<byte> s, in FieldElement f)
    {
        Span<int> h = stackalloc int[10];
        Span<int> t = stackalloc int[10];
        h[0] = f.L0;
        h[1] = f.L1;
        h[2] = f.L2;
        h[3] = f.L3;
        h[4] = f.L4;
        h[5] = f.L5;
        h[6] = f.L6;
        h[7] = f.L7;
        h[8] = f.L8;
        h[9] = f.L9;

        // Two floor-carry passes leave every limb in [0, 2^width): the value is then in [0, 2^255).
        CarryFloor(h);
        CarryFloor(h);

        // The value is at least p exactly when value + 19 reaches 2^255; then keep value + 19 − 2^255 instead.
        h.CopyTo(t);
        t[0] += 19;
        int q = CarryFloor(t);
        SelectInto(h, t, q);

        ulong accumulator = 0;
        int bits = 0, position = 0;
        for (int i = 0; i < 10; i++)
        {
            accumulator |= (ulong)(uint)h[i] << bits;
            bits += Width(i);
            while (bits >= 8)
            {
                s[position++] = (byte)accumulator;
                accumulator >>= 8;
                bits -= 8;
            }
        }

        s[31] = (byte)accumulator;
        h.Clear();
        t.Clear();
    }

    /// <summary>1 when f mod p is odd (the "negative" x of RFC 8032), else 0.</summary>
    public static int IsNegative(in FieldElement f)
    {
        Span<byte> s = stackalloc byte[32];
        ToBytes(s, f);
        int bit = s[0] & 1;
        s.Clear();
        return bit;
    }

    /// <summary>1 when f ≡ 0 (mod p), else 0, in constant time.</summary>
    public static int IsZero(in FieldElement f)
    {
        Span<byte> s = stackalloc byte[32];
        ToBytes(s, f);
        int any = 0;
        for (int i = 0; i < 32; i++)
        {
            any |= s[i];
        }

        s.Clear();
        return ((any - 1) >> 8) & 1;
    }

    /// <summary>True when f ≡ g (mod p). Compares encodings; used on public values only.</summary>
    public static bool EqualsVartime(in FieldElement f, in FieldElement g)
    {
        FieldElement difference = default;
        Subtract(ref difference, f, g);
        return IsZero(difference) == 1;
    }

    private static void SquareCore(ref FieldElement h, in FieldElement f, int factor)
    {
        int f0 = f.L0, f1 = f.L1, f2 = f.L2, f3 = f.L3, f4 = f.L4, f5 = f.L5, f6 = f.L6, f7 = f.L7, f8 = f.L8, f9 = f.L9;
        int f0_2 = 2 * f0, f1_2 = 2 * f1, f2_2 = 2 * f2, f3_2 = 2 * f3, f4_2 = 2 * f4;
        int f5_2 = 2 * f5, f6_2 = 2 * f6, f7_2 = 2 * f7, f8_2 = 2 * f8, f9_2 = 2 * f9;
        int f1_4 = 4 * f1, f3_4 = 4 * f3, f5_4 = 4 * f5, f7_4 = 4 * f7;
        int f5_19 = 19 * f5, f6_19 = 19 * f6, f7_19 = 19 * f7, f8_19 = 19 * f8, f9_19 = 19 * f9;
        long h0 = ((long)f0 * f0) + ((long)f1_4 * f9_19) + ((long)f2_2 * f8_19) + ((long)f3_4 * f7_19) + ((long)f4_2 * f6_19) + ((long)f5_2 * f5_19);
        long h1 = ((long)f0_2 * f1) + ((long)f2_2 * f9_19) + ((long)f3_2 * f8_19) + ((long)f4_2 * f7_19) + ((long)f5_2 * f6_19);
        long h2 = ((long)f0_2 * f2) + ((long)f1_2 * f1) + ((long)f3_4 * f9_19) + ((long)f4_2 * f8_19) + ((long)f5_4 * f7_19) + ((long)f6 * f6_19);
        long h3 = ((long)f0_2 * f3) + ((long)f1_2 * f2) + ((long)f4_2 * f9_19) + ((long)f5_2 * f8_19) + ((long)f6_2 * f7_19);
        long h4 = ((long)f0_2 * f4) + ((long)f1_4 * f3) + ((long)f2 * f2) + ((long)f5_4 * f9_19) + ((long)f6_2 * f8_19) + ((long)f7_2 * f7_19);
        long h5 = ((long)f0_2 * f5) + ((long)f1_2 * f4) + ((long)f2_2 * f3) + ((long)f6_2 * f9_19) + ((long)f7_2 * f8_19);
        long h6 = ((long)f0_2 * f6) + ((long)f1_4 * f5) + ((long)f2_2 * f4) + ((long)f3_2 * f3) + ((long)f7_4 * f9_19) + ((long)f8 * f8_19);
        long h7 = ((long)f0_2 * f7) + ((long)f1_2 * f6) + ((long)f2_2 * f5) + ((long)f3_2 * f4) + ((long)f8_2 * f9_19);
        long h8 = ((long)f0_2 * f8) + ((long)f1_4 * f7) + ((long)f2_2 * f6) + ((long)f3_4 * f5) + ((long)f4 * f4) + ((long)f9_2 * f9_19);
        long h9 = ((long)f0_2 * f9) + ((long)f1_2 * f8) + ((long)f2_2 * f7) + ((long)f3_2 * f6) + ((long)f4_2 * f5);
        Carry(
            ref h,
            h0 * factor, h1 * factor, h2 * factor, h3 * factor, h4 * factor,
            h5 * factor, h6 * factor, h7 * factor, h8 * factor, h9 * factor);
    }

    /// <summary>Computes f^11 and f^(2^250 − 1), shared by inversion and the square-root power.</summary>
    private static void PowerChain(ref FieldElement z11, ref FieldElement z2_250_1, in FieldElement f)
    {
        FieldElement t0 = default, t1 = default, t2 = default, t3 = default;
        Square(ref t0, f); // f^2
        SquareTimes(ref t1, t0, 2); // f^8
        Multiply(ref t1, t1, f); // f^9
        Multiply(ref z11, t0, t1); // f^11
        Square(ref t2, z11); // f^22
        Multiply(ref t1, t1, t2); // f^31 = f^(2^5 − 1)
        SquareTimes(ref t2, t1, 5);
        Multiply(ref t1, t2, t1); // f^(2^10 − 1)
        SquareTimes(ref t2, t1, 10);
        Multiply(ref t2, t2, t1); // f^(2^20 − 1)
        SquareTimes(ref t3, t2, 20);
        Multiply(ref t2, t3, t2); // f^(2^40 − 1)
        SquareTimes(ref t2, t2, 10);
        Multiply(ref t1, t2, t1); // f^(2^50 − 1)
        SquareTimes(ref t2, t1, 50);
        Multiply(ref t2, t2, t1); // f^(2^100 − 1)
        SquareTimes(ref t3, t2, 100);
        Multiply(ref t2, t3, t2); // f^(2^200 − 1)
        SquareTimes(ref t2, t2, 50);
        Multiply(ref z2_250_1, t2, t1); // f^(2^250 − 1)
        Wipe(ref t0);
        Wipe(ref t1);
        Wipe(ref t2);
        Wipe(ref t3);
    }

    /// <summary>
    /// Rounded carries from 64-bit limb sums back to the signed 26/25-bit form; the carry out of limb 9 re-enters
    /// limb 0 times 19 (2^255 ≡ 19).
    /// </summary>
    private static void Carry(
        ref FieldElement h, long h0, long h1, long h2, long h3, long h4, long h5, long h6, long h7, long h8, long h9)
    {
        long c;
        c = (h0 + (1L << 25)) >> 26;
        h0 -= c << 26;
        h1 += c;
        c = (h1 + (1L << 24)) >> 25;
        h1 -= c << 25;
        h2 += c;
        c = (h2 + (1L << 25)) >> 26;
        h2 -= c << 26;
        h3 += c;
        c = (h3 + (1L << 24)) >> 25;
        h3 -= c << 25;
        h4 += c;
        c = (h4 + (1L << 25)) >> 26;
        h4 -= c << 26;
        h5 += c;
        c = (h5 + (1L << 24)) >> 25;
        h5 -= c << 25;
        h6 += c;
        c = (h6 + (1L << 25)) >> 26;
        h6 -= c << 26;
        h7 += c;
        c = (h7 + (1L << 24)) >> 25;
        h7 -= c << 25;
        h8 += c;
        c = (h8 + (1L << 25)) >> 26;
        h8 -= c << 26;
        h9 += c;
        c = (h9 + (1L << 24)) >> 25;
        h9 -= c << 25;
        h0 += 19 * c;
        c = (h0 + (1L << 25)) >> 26;
        h0 -= c << 26;
        h1 += c;
        h.L0 = (int)h0;
        h.L1 = (int)h1;
        h.L2 = (int)h2;
        h.L3 = (int)h3;
        h.L4 = (int)h4;
        h.L5 = (int)h5;
        h.L6 = (int)h6;
        h.L7 = (int)h7;
        h.L8 = (int)h8;
        h.L9 = (int)h9;
    }

    /// <summary>One pass of floor carries (limbs become non-negative); returns the carry out of bit 255 (dropped).</summary>
    private static int CarryFloor(Span<int> h)
    {
        for (int i = 0; i < 9; i++)
        {
            int c = h[i] >> Width(i);
            h[i] -= c << Width(i);
            h[i + 1] += c;
        }

        int top = h[9] >> 25;
        h[9] -= top << 25;
        h[0] += 19 * top;
        return top;
    }

    /// <summary>h = t where <paramref name="select"/> is 1 (t already had its 2^255 carry folded as +19, undone here).</summary>
    private static void SelectInto(Span<int> h, Span<int> t, int select)
    {
        // CarryFloor added 19·select back into t[0]; remove it, which cannot borrow because t[0] ≥ 19 then.
        t[0] -= 19 * select;
        int mask = -select;
        for (int i = 0; i < 10; i++)
        {
            h[i] ^= (h[i] ^ t[i]) & mask;
        }
    }

    private static int Width(int limb) => 26 - (limb & 1);

    /// <summary>Reads <paramref name="width"/> bits starting at bit <paramref name="offset"/> (width + offset mod 8 ≤ 32).</summary>
    private static long Bits(ReadOnlySpan<byte> s, int offset, int width)
    {
        int start = offset >> 3;
        uint word = s[start] | ((uint)s[start + 1] << 8) | ((uint)s[start + 2] << 16) | ((uint)s[start + 3] << 24);
        return (word >> (offset & 7)) & ((1u << width) - 1);
    }
}

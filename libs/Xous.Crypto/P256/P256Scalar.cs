namespace Xous.Crypto;

/// <summary>
/// Arithmetic modulo the group order n of P-256, in constant time (straight-line code and masks). Products use
/// Montgomery form (R = 2^256): <see cref="MontgomeryMul"/> returns a·b·R^−1 mod n.
/// </summary>
internal static class P256Scalar
{
    /// <summary>n.</summary>
    public static U256 Order => new(0xFC632551, 0xF3B9CAC2, 0xA7179E84, 0xBCE6FAAD, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0xFFFFFFFF);

    /// <summary>R^2 mod n, to enter Montgomery form.</summary>
    private static U256 RSquared => new(0xBE79EEA2, 0x83244C95, 0x49BD6FA6, 0x4699799C, 0x2B6BEC59, 0x2845B239, 0xF3D95620, 0x66E12D94);

    /// <summary>−n^−1 mod 2^32.</summary>
    private const uint MontgomeryFactor = 0xEE00BC4F;

    /// <summary>All ones when 1 ≤ a &lt; n, else zero.</summary>
    public static uint IsValid(in U256 a) => ~Limbs.IsZero(a) & Limbs.LessThan(a, Order);

    /// <summary>Reduces a value below 2n (any 256-bit number, since 2^256 &lt; 2n) below n.</summary>
    public static void ReduceOnce(in U256 a, out U256 r) => Limbs.ReduceOnce(0, a, Order, out r);

    public static void Add(in U256 a, in U256 b, out U256 r) => Limbs.AddMod(a, b, Order, out r);

    /// <summary>a·b·R^−1 mod n for a, b &lt; n.</summary>
    public static void MontgomeryMul(in U256 a, in U256 b, out U256 r)
    {
        Limbs.Multiply(a, b, out U512 w);
        MontgomeryReduce(w, out r);
    }

    /// <summary>a·R mod n.</summary>
    public static void ToMontgomery(in U256 a, out U256 r) => MontgomeryMul(a, RSquared, out r);

    /// <summary>a·R^−1 mod n.</summary>
    public static void FromMontgomery(in U256 a, out U256 r)
    {
        U512 w = default;
        w.L0 = a.L0;
        w.L1 = a.L1;
        w.L2 = a.L2;
        w.L3 = a.L3;
        w.L4 = a.L4;
        w.L5 = a.L5;
        w.L6 = a.L6;
        w.L7 = a.L7;
        MontgomeryReduce(w, out r);
    }

    /// <summary>
    /// The inverse in Montgomery form: given a·R, returns a^−1·R, as (aR)^(n−2) with a fixed 4-bit window over the
    /// public exponent n − 2 (the multiplications depend only on the exponent; the table is indexed by it too).
    /// </summary>
    public static void InvertMontgomery(in U256 aMontgomery, out U256 r)
    {
        // table[i] = (aR)^i in Montgomery form, i = 0..15; table[0] = R mod n (one).
        System.Span<U256> table = stackalloc U256[16];
        ToMontgomery(new U256(1, 0, 0, 0, 0, 0, 0, 0), out table[0]);
        table[1] = aMontgomery;
        for (int i = 2; i < 16; i++)
        {
            MontgomeryMul(table[i - 1], aMontgomery, out table[i]);
        }

        // n − 2.
        U256 exponent = new(0xFC63254F, 0xF3B9CAC2, 0xA7179E84, 0xBCE6FAAD, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0xFFFFFFFF);
        U256 t = table[0];
        for (int window = 63; window >= 0; window--)
        {
            for (int s = 0; s < 4; s++)
            {
                MontgomeryMul(t, t, out t);
            }

            int digit = (int)((Limbs.Bit(exponent, (4 * window) + 3) << 3) | (Limbs.Bit(exponent, (4 * window) + 2) << 2) |
                (Limbs.Bit(exponent, (4 * window) + 1) << 1) | Limbs.Bit(exponent, 4 * window));
            MontgomeryMul(t, table[digit], out t);
        }

        r = t;
        Limbs.Wipe(ref t);
        table.Clear();
    }

    /// <summary>Montgomery reduction of a product of two values below n: w·R^−1 mod n.</summary>
    private static void MontgomeryReduce(in U512 w, out U256 r)
    {
        uint c0 = w.L0, c1 = w.L1, c2 = w.L2, c3 = w.L3, c4 = w.L4, c5 = w.L5, c6 = w.L6, c7 = w.L7;
        uint c8 = w.L8, c9 = w.L9, c10 = w.L10, c11 = w.L11, c12 = w.L12, c13 = w.L13, c14 = w.L14, c15 = w.L15;
        ulong extra = 0, t;
        uint m;
        m = c0 * MontgomeryFactor;
        t = ((ulong)m * 0xFC632551U) + c0;
        t = ((ulong)m * 0xF3B9CAC2U) + c1 + (t >> 32);
        c1 = (uint)t;
        t = ((ulong)m * 0xA7179E84U) + c2 + (t >> 32);
        c2 = (uint)t;
        t = ((ulong)m * 0xBCE6FAADU) + c3 + (t >> 32);
        c3 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c4 + (t >> 32);
        c4 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)m * 0x00000000U) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c7 + (t >> 32);
        c7 = (uint)t;
        t = (ulong)c8 + (t >> 32) + extra;
        c8 = (uint)t;
        extra = t >> 32;
        m = c1 * MontgomeryFactor;
        t = ((ulong)m * 0xFC632551U) + c1;
        t = ((ulong)m * 0xF3B9CAC2U) + c2 + (t >> 32);
        c2 = (uint)t;
        t = ((ulong)m * 0xA7179E84U) + c3 + (t >> 32);
        c3 = (uint)t;
        t = ((ulong)m * 0xBCE6FAADU) + c4 + (t >> 32);
        c4 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)m * 0x00000000U) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c8 + (t >> 32);
        c8 = (uint)t;
        t = (ulong)c9 + (t >> 32) + extra;
        c9 = (uint)t;
        extra = t >> 32;
        m = c2 * MontgomeryFactor;
        t = ((ulong)m * 0xFC632551U) + c2;
        t = ((ulong)m * 0xF3B9CAC2U) + c3 + (t >> 32);
        c3 = (uint)t;
        t = ((ulong)m * 0xA7179E84U) + c4 + (t >> 32);
        c4 = (uint)t;
        t = ((ulong)m * 0xBCE6FAADU) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)m * 0x00000000U) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c9 + (t >> 32);
        c9 = (uint)t;
        t = (ulong)c10 + (t >> 32) + extra;
        c10 = (uint)t;
        extra = t >> 32;
        m = c3 * MontgomeryFactor;
        t = ((ulong)m * 0xFC632551U) + c3;
        t = ((ulong)m * 0xF3B9CAC2U) + c4 + (t >> 32);
        c4 = (uint)t;
        t = ((ulong)m * 0xA7179E84U) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)m * 0xBCE6FAADU) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)m * 0x00000000U) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c10 + (t >> 32);
        c10 = (uint)t;
        t = (ulong)c11 + (t >> 32) + extra;
        c11 = (uint)t;
        extra = t >> 32;
        m = c4 * MontgomeryFactor;
        t = ((ulong)m * 0xFC632551U) + c4;
        t = ((ulong)m * 0xF3B9CAC2U) + c5 + (t >> 32);
        c5 = (uint)t;
        t = ((ulong)m * 0xA7179E84U) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)m * 0xBCE6FAADU) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)m * 0x00000000U) + c10 + (t >> 32);
        c10 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c11 + (t >> 32);
        c11 = (uint)t;
        t = (ulong)c12 + (t >> 32) + extra;
        c12 = (uint)t;
        extra = t >> 32;
        m = c5 * MontgomeryFactor;
        t = ((ulong)m * 0xFC632551U) + c5;
        t = ((ulong)m * 0xF3B9CAC2U) + c6 + (t >> 32);
        c6 = (uint)t;
        t = ((ulong)m * 0xA7179E84U) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)m * 0xBCE6FAADU) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c10 + (t >> 32);
        c10 = (uint)t;
        t = ((ulong)m * 0x00000000U) + c11 + (t >> 32);
        c11 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c12 + (t >> 32);
        c12 = (uint)t;
        t = (ulong)c13 + (t >> 32) + extra;
        c13 = (uint)t;
        extra = t >> 32;
        m = c6 * MontgomeryFactor;
        t = ((ulong)m * 0xFC632551U) + c6;
        t = ((ulong)m * 0xF3B9CAC2U) + c7 + (t >> 32);
        c7 = (uint)t;
        t = ((ulong)m * 0xA7179E84U) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)m * 0xBCE6FAADU) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c10 + (t >> 32);
        c10 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c11 + (t >> 32);
        c11 = (uint)t;
        t = ((ulong)m * 0x00000000U) + c12 + (t >> 32);
        c12 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c13 + (t >> 32);
        c13 = (uint)t;
        t = (ulong)c14 + (t >> 32) + extra;
        c14 = (uint)t;
        extra = t >> 32;
        m = c7 * MontgomeryFactor;
        t = ((ulong)m * 0xFC632551U) + c7;
        t = ((ulong)m * 0xF3B9CAC2U) + c8 + (t >> 32);
        c8 = (uint)t;
        t = ((ulong)m * 0xA7179E84U) + c9 + (t >> 32);
        c9 = (uint)t;
        t = ((ulong)m * 0xBCE6FAADU) + c10 + (t >> 32);
        c10 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c11 + (t >> 32);
        c11 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c12 + (t >> 32);
        c12 = (uint)t;
        t = ((ulong)m * 0x00000000U) + c13 + (t >> 32);
        c13 = (uint)t;
        t = ((ulong)m * 0xFFFFFFFFU) + c14 + (t >> 32);
        c14 = (uint)t;
        t = (ulong)c15 + (t >> 32) + extra;
        c15 = (uint)t;
        extra = t >> 32;
        Limbs.ReduceOnce((uint)extra, new U256(c8, c9, c10, c11, c12, c13, c14, c15), Order, out r);
    }
}

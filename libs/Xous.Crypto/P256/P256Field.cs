namespace Xous.Crypto;

/// <summary>
/// Arithmetic modulo the P-256 prime p = 2^256 − 2^224 + 2^192 + 2^96 − 1 on fully reduced <see cref="U256"/>
/// values, in constant time: straight-line code, no branches or memory indices that depend on the values.
/// Multiplication reduces with the special form of p (FIPS 186-4 D.2.3, signed 32-bit words).
/// </summary>
internal static class P256Field
{
    /// <summary>p (a property, not a static field: passing a static readonly struct by reference is slow in unoptimised builds).</summary>
    public static U256 Prime => new(0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0, 0, 1, 0xFFFFFFFF);

    /// <summary>The curve coefficient b.</summary>
    public static U256 B => new(0x27D2604B, 0x3BCE3C3E, 0xCC53B0F6, 0x651D06B0, 0x769886BC, 0xB3EBBD55, 0xAA3A93E7, 0x5AC635D8);

    /// <summary>1.</summary>
    public static U256 One => new(1, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>r = (a + b) mod p for a, b &lt; p.</summary>
    public static void Add(in U256 a, in U256 b, out U256 r) => Limbs.AddMod(a, b, Prime, out r);

    /// <summary>r = (a − b) mod p for a, b &lt; p: subtracts, then adds p under the borrow mask.</summary>
    public static void Sub(in U256 a, in U256 b, out U256 r)
    {
        ulong t = (ulong)a.L0 - b.L0;
        uint d0 = (uint)t;
        t = (ulong)a.L1 - b.L1 - (t >> 63);
        uint d1 = (uint)t;
        t = (ulong)a.L2 - b.L2 - (t >> 63);
        uint d2 = (uint)t;
        t = (ulong)a.L3 - b.L3 - (t >> 63);
        uint d3 = (uint)t;
        t = (ulong)a.L4 - b.L4 - (t >> 63);
        uint d4 = (uint)t;
        t = (ulong)a.L5 - b.L5 - (t >> 63);
        uint d5 = (uint)t;
        t = (ulong)a.L6 - b.L6 - (t >> 63);
        uint d6 = (uint)t;
        t = (ulong)a.L7 - b.L7 - (t >> 63);
        uint d7 = (uint)t;
        uint mask = 0U - (uint)(t >> 63);
        t = (ulong)d0 + mask;
        r.L0 = (uint)t;
        t = (ulong)d1 + mask + (t >> 32);
        r.L1 = (uint)t;
        t = (ulong)d2 + mask + (t >> 32);
        r.L2 = (uint)t;
        t = (ulong)d3 + (t >> 32);
        r.L3 = (uint)t;
        t = (ulong)d4 + (t >> 32);
        r.L4 = (uint)t;
        t = (ulong)d5 + (t >> 32);
        r.L5 = (uint)t;
        t = (ulong)d6 + (mask & 1) + (t >> 32);
        r.L6 = (uint)t;
        t = (ulong)d7 + mask + (t >> 32);
        r.L7 = (uint)t;
    }

    public static void Negate(in U256 a, out U256 r) => Sub(default, a, out r);

    public static void Square(in U256 a, out U256 r) => Mul(a, a, out r);

    /// <summary>
    /// r = a·b mod p: the schoolbook product (<see cref="Limbs.Multiply"/>, inlined) and the special-form reduction,
    /// straight-line code, because this is where nearly all the time goes.
    /// </summary>
    public static void Mul(in U256 a, in U256 b, out U256 r)
    {
        Limbs.Multiply(a, b, out U512 w);
        uint c0 = w.L0, c1 = w.L1, c2 = w.L2, c3 = w.L3, c4 = w.L4, c5 = w.L5, c6 = w.L6, c7 = w.L7;
        uint c8 = w.L8, c9 = w.L9, c10 = w.L10, c11 = w.L11, c12 = w.L12, c13 = w.L13, c14 = w.L14, c15 = w.L15;
        ulong t;

        // FIPS 186-4 D.2.3: T + 2·S1 + 2·S2 + S3 + S4 − D1 − D2 − D3 − D4, summed per 32-bit word with a signed carry.
        long acc = (long)c0 + c8 + c9 - c11 - c12 - c13 - c14;
        uint r0 = (uint)acc;
        acc = (acc >> 32) + c1 + c9 + c10 - c12 - c13 - c14 - c15;
        uint r1 = (uint)acc;
        acc = (acc >> 32) + c2 + c10 + c11 - c13 - c14 - c15;
        uint r2 = (uint)acc;
        acc = (acc >> 32) + c3 + (2L * c11) + (2L * c12) + c13 - c15 - c8 - c9;
        uint r3 = (uint)acc;
        acc = (acc >> 32) + c4 + (2L * c12) + (2L * c13) + c14 - c9 - c10;
        uint r4 = (uint)acc;
        acc = (acc >> 32) + c5 + (2L * c13) + (2L * c14) + c15 - c10 - c11;
        uint r5 = (uint)acc;
        acc = (acc >> 32) + c6 + (3L * c14) + (2L * c15) + c13 - c8 - c9;
        uint r6 = (uint)acc;
        acc = (acc >> 32) + c7 + (3L * c15) + c8 - c10 - c11 - c12 - c13;
        uint r7 = (uint)acc;
        long carry = acc >> 32;

        // carry·2^256 ≡ carry·(2^224 − 2^192 − 2^96 + 1). Two folds leave a value in [0, 2^256): the first leaves a
        // carry of at most ±1, and only when the low part is near the other end of the range, so the second cannot carry.
        for (int fold = 0; fold < 2; fold++)
        {
            acc = (long)r0 + carry;
            r0 = (uint)acc;
            acc = (acc >> 32) + r1;
            r1 = (uint)acc;
            acc = (acc >> 32) + r2;
            r2 = (uint)acc;
            acc = (acc >> 32) + r3 - carry;
            r3 = (uint)acc;
            acc = (acc >> 32) + r4;
            r4 = (uint)acc;
            acc = (acc >> 32) + r5;
            r5 = (uint)acc;
            acc = (acc >> 32) + r6 - carry;
            r6 = (uint)acc;
            acc = (acc >> 32) + r7 + carry;
            r7 = (uint)acc;
            carry = acc >> 32;
        }

        // Subtract p once unless that borrows (p = ffffffff 00000001 0 0 0 ffffffff ffffffff ffffffff).
        t = (ulong)r0 - 0xFFFFFFFF;
        uint d0 = (uint)t;
        t = (ulong)r1 - 0xFFFFFFFF - (t >> 63);
        uint d1 = (uint)t;
        t = (ulong)r2 - 0xFFFFFFFF - (t >> 63);
        uint d2 = (uint)t;
        t = (ulong)r3 - (t >> 63);
        uint d3 = (uint)t;
        t = (ulong)r4 - (t >> 63);
        uint d4 = (uint)t;
        t = (ulong)r5 - (t >> 63);
        uint d5 = (uint)t;
        t = (ulong)r6 - 1 - (t >> 63);
        uint d6 = (uint)t;
        t = (ulong)r7 - 0xFFFFFFFF - (t >> 63);
        uint d7 = (uint)t;
        uint keep = 0U - (uint)(t >> 63);
        uint take = ~keep;
        r.L0 = (r0 & keep) | (d0 & take);
        r.L1 = (r1 & keep) | (d1 & take);
        r.L2 = (r2 & keep) | (d2 & take);
        r.L3 = (r3 & keep) | (d3 & take);
        r.L4 = (r4 & keep) | (d4 & take);
        r.L5 = (r5 & keep) | (d5 & take);
        r.L6 = (r6 & keep) | (d6 & take);
        r.L7 = (r7 & keep) | (d7 & take);
    }

    /// <summary>r = a^(2^count) (count public).</summary>
    public static void SquareTimes(in U256 a, int count, out U256 r)
    {
        r = a;
        for (int i = 0; i < count; i++)
        {
            Mul(r, r, out r);
        }
    }

    /// <summary>
    /// r = a^(p−2) = a^−1 (0 for 0) by a fixed addition chain: p − 2 = ffffffff 00000001 0^96 ffffffff ffffffff
    /// fffffffd (hex words), built from x_k = a^(2^k − 1).
    /// </summary>
    public static void Invert(in U256 a, out U256 r)
    {
        Chain(a, out U256 x2, out U256 x30, out U256 x32);
        SquareTimes(x32, 32, out U256 t);
        Mul(t, a, out t);
        SquareTimes(t, 128, out t);
        Mul(t, x32, out t);
        SquareTimes(t, 32, out t);
        Mul(t, x32, out t);
        SquareTimes(t, 30, out t);
        Mul(t, x30, out t);
        SquareTimes(t, 2, out t);
        Mul(t, a, out r);
        Limbs.Wipe(ref x2);
        Limbs.Wipe(ref x30);
        Limbs.Wipe(ref x32);
        Limbs.Wipe(ref t);
    }

    /// <summary>
    /// A square root candidate a^((p+1)/4) (p ≡ 3 mod 4); the caller checks that its square is a. Only used on public
    /// data (decompressing public keys).
    /// </summary>
    public static void SqrtCandidate(in U256 a, out U256 r)
    {
        // (p + 1)/4 = 3fffffff c0000000 40000000 0^64 40000000 0^64: 32 ones, 31 zeros, a one, 95 zeros, a one, 94 zeros.
        Chain(a, out _, out _, out U256 x32);
        SquareTimes(x32, 32, out U256 t);
        Mul(t, a, out t);
        SquareTimes(t, 96, out t);
        Mul(t, a, out t);
        SquareTimes(t, 94, out r);
    }

    /// <summary>x_k = a^(2^k − 1) for k = 2, 30, 32.</summary>
    private static void Chain(in U256 a, out U256 x2, out U256 x30, out U256 x32)
    {
        Square(a, out x2);
        Mul(x2, a, out x2);
        Square(x2, out U256 x3);
        Mul(x3, a, out x3);
        SquareTimes(x3, 3, out U256 x6);
        Mul(x6, x3, out x6);
        SquareTimes(x6, 6, out U256 x12);
        Mul(x12, x6, out x12);
        SquareTimes(x12, 3, out U256 x15);
        Mul(x15, x3, out x15);
        SquareTimes(x15, 15, out x30);
        Mul(x30, x15, out x30);
        SquareTimes(x30, 2, out x32);
        Mul(x32, x2, out x32);
        Limbs.Wipe(ref x3);
        Limbs.Wipe(ref x6);
        Limbs.Wipe(ref x12);
        Limbs.Wipe(ref x15);
    }
}

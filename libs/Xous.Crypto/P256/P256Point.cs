using System;

namespace Xous.Crypto;

/// <summary>A point in projective coordinates (X : Y : Z), x = X/Z, y = Y/Z; the point at infinity is (0 : 1 : 0).</summary>
internal struct ProjectivePoint
{
    public U256 X, Y, Z;
}

/// <summary>A point in affine coordinates (never the point at infinity).</summary>
internal struct AffinePoint
{
    public U256 X, Y;
}

/// <summary>
/// Group operations on P-256 with the complete formulas of Renes, Costello and Batina (2015, algorithms 4–6 for
/// a = −3): one formula for every input, including doubling, the point at infinity and inverse points, so there is
/// no branch on the values. Constant-time table selection reads every entry and keeps one by mask.
/// </summary>
internal static class P256Point
{
    /// <summary>The base point G.</summary>
    public static AffinePoint Generator => new()
    {
        X = new(0xD898C296, 0xF4A13945, 0x2DEB33A0, 0x77037D81, 0x63A440F2, 0xF8BCE6E5, 0xE12C4247, 0x6B17D1F2),
        Y = new(0x37BF51F5, 0xCBB64068, 0x6B315ECE, 0x2BCE3357, 0x7C0F9E16, 0x8EE7EB4A, 0xFE1A7F9B, 0x4FE342E2),
    };

    /// <summary>The point at infinity (0 : 1 : 0).</summary>
    public static void Infinity(out ProjectivePoint r)
    {
        r.X = default;
        r.Y = P256Field.One;
        r.Z = default;
    }

    /// <summary>(x : y : 1).</summary>
    public static void FromAffine(in AffinePoint a, out ProjectivePoint r)
    {
        r.X = a.X;
        r.Y = a.Y;
        r.Z = P256Field.One;
    }

    /// <summary>r = p + q (RCB algorithm 4; 12M + 2 multiplications by b). r may alias p or q.</summary>
    public static void Add(in ProjectivePoint p, in ProjectivePoint q, out ProjectivePoint r)
    {
        P256Field.Mul(p.X, q.X, out U256 t0);
        P256Field.Mul(p.Y, q.Y, out U256 t1);
        P256Field.Mul(p.Z, q.Z, out U256 t2);
        P256Field.Add(p.X, p.Y, out U256 t3);
        P256Field.Add(q.X, q.Y, out U256 t4);
        P256Field.Mul(t3, t4, out t3);
        P256Field.Add(t0, t1, out t4);
        P256Field.Sub(t3, t4, out t3);
        P256Field.Add(p.Y, p.Z, out t4);
        P256Field.Add(q.Y, q.Z, out U256 x3);
        P256Field.Mul(t4, x3, out t4);
        P256Field.Add(t1, t2, out x3);
        P256Field.Sub(t4, x3, out t4);
        P256Field.Add(p.X, p.Z, out x3);
        P256Field.Add(q.X, q.Z, out U256 y3);
        P256Field.Mul(x3, y3, out x3);
        P256Field.Add(t0, t2, out y3);
        P256Field.Sub(x3, y3, out y3);
        P256Field.Mul(P256Field.B, t2, out U256 z3);
        P256Field.Sub(y3, z3, out x3);
        P256Field.Add(x3, x3, out z3);
        P256Field.Add(x3, z3, out x3);
        P256Field.Sub(t1, x3, out z3);
        P256Field.Add(t1, x3, out x3);
        P256Field.Mul(P256Field.B, y3, out y3);
        P256Field.Add(t2, t2, out t1);
        P256Field.Add(t1, t2, out t2);
        P256Field.Sub(y3, t2, out y3);
        P256Field.Sub(y3, t0, out y3);
        P256Field.Add(y3, y3, out t1);
        P256Field.Add(t1, y3, out y3);
        P256Field.Add(t0, t0, out t1);
        P256Field.Add(t1, t0, out t0);
        P256Field.Sub(t0, t2, out t0);
        P256Field.Mul(t4, y3, out t1);
        P256Field.Mul(t0, y3, out t2);
        P256Field.Mul(x3, z3, out y3);
        P256Field.Add(y3, t2, out y3);
        P256Field.Mul(x3, t3, out x3);
        P256Field.Sub(x3, t1, out x3);
        P256Field.Mul(t4, z3, out z3);
        P256Field.Mul(t3, t0, out t1);
        P256Field.Add(z3, t1, out z3);
        r.X = x3;
        r.Y = y3;
        r.Z = z3;
    }

    /// <summary>
    /// r = p + q for affine q (RCB algorithm 5; 11M + 2 multiplications by b). Complete for every p, including the
    /// point at infinity; q cannot be the point at infinity. r may alias p.
    /// </summary>
    public static void AddMixed(in ProjectivePoint p, in AffinePoint q, out ProjectivePoint r)
    {
        P256Field.Mul(p.X, q.X, out U256 t0);
        P256Field.Mul(p.Y, q.Y, out U256 t1);
        P256Field.Add(q.X, q.Y, out U256 t3);
        P256Field.Add(p.X, p.Y, out U256 t4);
        P256Field.Mul(t3, t4, out t3);
        P256Field.Add(t0, t1, out t4);
        P256Field.Sub(t3, t4, out t3);
        P256Field.Mul(q.Y, p.Z, out t4);
        P256Field.Add(t4, p.Y, out t4);
        P256Field.Mul(q.X, p.Z, out U256 y3);
        P256Field.Add(y3, p.X, out y3);
        P256Field.Mul(P256Field.B, p.Z, out U256 z3);
        P256Field.Sub(y3, z3, out U256 x3);
        P256Field.Add(x3, x3, out z3);
        P256Field.Add(x3, z3, out x3);
        P256Field.Sub(t1, x3, out z3);
        P256Field.Add(t1, x3, out x3);
        P256Field.Mul(P256Field.B, y3, out y3);
        P256Field.Add(p.Z, p.Z, out t1);
        P256Field.Add(t1, p.Z, out U256 t2);
        P256Field.Sub(y3, t2, out y3);
        P256Field.Sub(y3, t0, out y3);
        P256Field.Add(y3, y3, out t1);
        P256Field.Add(t1, y3, out y3);
        P256Field.Add(t0, t0, out t1);
        P256Field.Add(t1, t0, out t0);
        P256Field.Sub(t0, t2, out t0);
        P256Field.Mul(t4, y3, out t1);
        P256Field.Mul(t0, y3, out t2);
        P256Field.Mul(x3, z3, out y3);
        P256Field.Add(y3, t2, out y3);
        P256Field.Mul(x3, t3, out x3);
        P256Field.Sub(x3, t1, out x3);
        P256Field.Mul(t4, z3, out z3);
        P256Field.Mul(t3, t0, out t1);
        P256Field.Add(z3, t1, out z3);
        r.X = x3;
        r.Y = y3;
        r.Z = z3;
    }

    /// <summary>r = 2p (RCB algorithm 6; 8M + 3S + 2 multiplications by b). r may alias p.</summary>
    public static void Double(in ProjectivePoint p, out ProjectivePoint r)
    {
        P256Field.Square(p.X, out U256 t0);
        P256Field.Square(p.Y, out U256 t1);
        P256Field.Square(p.Z, out U256 t2);
        P256Field.Mul(p.X, p.Y, out U256 t3);
        P256Field.Add(t3, t3, out t3);
        P256Field.Mul(p.X, p.Z, out U256 z3);
        P256Field.Add(z3, z3, out z3);
        P256Field.Mul(P256Field.B, t2, out U256 y3);
        P256Field.Sub(y3, z3, out y3);
        P256Field.Add(y3, y3, out U256 x3);
        P256Field.Add(x3, y3, out y3);
        P256Field.Sub(t1, y3, out x3);
        P256Field.Add(t1, y3, out y3);
        P256Field.Mul(x3, y3, out y3);
        P256Field.Mul(x3, t3, out x3);
        P256Field.Add(t2, t2, out t3);
        P256Field.Add(t2, t3, out t2);
        P256Field.Mul(P256Field.B, z3, out z3);
        P256Field.Sub(z3, t2, out z3);
        P256Field.Sub(z3, t0, out z3);
        P256Field.Add(z3, z3, out t3);
        P256Field.Add(z3, t3, out z3);
        P256Field.Add(t0, t0, out t3);
        P256Field.Add(t3, t0, out t0);
        P256Field.Sub(t0, t2, out t0);
        P256Field.Mul(t0, z3, out t0);
        P256Field.Add(y3, t0, out y3);
        P256Field.Mul(p.Y, p.Z, out t0);
        P256Field.Add(t0, t0, out t0);
        P256Field.Mul(t0, z3, out z3);
        P256Field.Sub(x3, z3, out x3);
        P256Field.Mul(t0, t1, out z3);
        P256Field.Add(z3, z3, out z3);
        P256Field.Add(z3, z3, out z3);
        r.X = x3;
        r.Y = y3;
        r.Z = z3;
    }

    /// <summary>r = −p.</summary>
    public static void Negate(in AffinePoint p, out AffinePoint r)
    {
        r.X = p.X;
        P256Field.Negate(p.Y, out r.Y);
    }

    /// <summary>
    /// Affine coordinates of p, and all ones when p is the point at infinity (then r is (0, 0)). One inversion;
    /// constant time.
    /// </summary>
    public static uint ToAffine(in ProjectivePoint p, out AffinePoint r)
    {
        uint infinity = Limbs.IsZero(p.Z);
        P256Field.Invert(p.Z, out U256 zInverse);
        P256Field.Mul(p.X, zInverse, out r.X);
        P256Field.Mul(p.Y, zInverse, out r.Y);
        Limbs.Wipe(ref zInverse);
        return infinity;
    }

    /// <summary>All ones when both coordinates are below p and y² = x³ − 3x + b, else zero.</summary>
    public static uint IsOnCurve(in AffinePoint a)
    {
        uint reduced = Limbs.LessThan(a.X, P256Field.Prime) & Limbs.LessThan(a.Y, P256Field.Prime);
        RightHandSide(a.X, out U256 rhs);
        P256Field.Square(a.Y, out U256 lhs);
        return reduced & Limbs.Equal(lhs, rhs);
    }

    /// <summary>x³ − 3x + b.</summary>
    public static void RightHandSide(in U256 x, out U256 r)
    {
        P256Field.Square(x, out U256 t);
        P256Field.Mul(t, x, out t);
        P256Field.Add(x, x, out U256 threeX);
        P256Field.Add(threeX, x, out threeX);
        P256Field.Sub(t, threeX, out t);
        P256Field.Add(t, P256Field.B, out r);
    }

    /// <summary>r = mask ? b : a for whole points.</summary>
    public static void Select(in ProjectivePoint a, in ProjectivePoint b, uint mask, out ProjectivePoint r)
    {
        Limbs.Select(a.X, b.X, mask, out r.X);
        Limbs.Select(a.Y, b.Y, mask, out r.Y);
        Limbs.Select(a.Z, b.Z, mask, out r.Z);
    }

    /// <summary>All ones when <paramref name="a"/> equals <paramref name="b"/> (small non-negative ints), else zero.</summary>
    public static uint EqualMask(int a, int b) => (uint)(((ulong)(uint)(a ^ b) - 1) >> 32);

    /// <summary>r = table[index] in constant time: every entry is read and combined under a mask.</summary>
    public static void SelectConstantTime(ReadOnlySpan<ProjectivePoint> table, int index, out ProjectivePoint r)
    {
        r = default;
        for (int i = 0; i < table.Length; i++)
        {
            uint mask = EqualMask(i, index);
            Limbs.OrMasked(ref r.X, table[i].X, mask);
            Limbs.OrMasked(ref r.Y, table[i].Y, mask);
            Limbs.OrMasked(ref r.Z, table[i].Z, mask);
        }
    }

    /// <summary>r = table[index] in constant time; r is (0, 0) when no entry matches.</summary>
    public static void SelectConstantTime(ReadOnlySpan<AffinePoint> table, int index, out AffinePoint r)
    {
        r = default;
        for (int i = 0; i < table.Length; i++)
        {
            uint mask = EqualMask(i, index);
            Limbs.OrMasked(ref r.X, table[i].X, mask);
            Limbs.OrMasked(ref r.Y, table[i].Y, mask);
        }
    }

    /// <summary>Nibble <paramref name="index"/> (0 = least significant) of a 32-byte big-endian scalar.</summary>
    public static int Nibble(ReadOnlySpan<byte> scalar, int index) => (scalar[31 - (index >> 1)] >> ((index & 1) << 2)) & 15;
}

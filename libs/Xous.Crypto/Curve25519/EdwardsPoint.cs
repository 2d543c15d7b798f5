using System;

namespace Xous.Crypto;

/// <summary>A point of edwards25519 in extended coordinates: x = X/Z, y = Y/Z, x·y = T/Z.</summary>
internal struct ExtendedPoint
{
    public FieldElement X;
    public FieldElement Y;
    public FieldElement Z;
    public FieldElement T;

    /// <summary>Overwrites all coordinates with zeros.</summary>
    public void Wipe()
    {
        Field25519.Wipe(ref X);
        Field25519.Wipe(ref Y);
        Field25519.Wipe(ref Z);
        Field25519.Wipe(ref T);
    }
}

/// <summary>A point prepared as an addend: (Y + X, Y − X, Z, 2d·T).</summary>
internal struct CachedPoint
{
    public FieldElement YPlusX;
    public FieldElement YMinusX;
    public FieldElement Z;
    public FieldElement T2d;
}

/// <summary>An affine point prepared as an addend (Z = 1): (y + x, y − x, 2d·x·y). The fixed-base table holds these.</summary>
internal struct NielsPoint
{
    public FieldElement YPlusX;
    public FieldElement YMinusX;
    public FieldElement XY2d;

    /// <summary>Overwrites all coordinates with zeros.</summary>
    public void Wipe()
    {
        Field25519.Wipe(ref YPlusX);
        Field25519.Wipe(ref YMinusX);
        Field25519.Wipe(ref XY2d);
    }
}

/// <summary>
/// The group law of the twisted Edwards curve −x² + y² = 1 + d·x²·y² (RFC 8032 §5.1.4) with the complete
/// formulas of Hisil–Wong–Carter–Dawson for a = −1 (they have no exceptional cases, so no branches), encoding and
/// decoding (§5.1.2–5.1.3). The output may be one of the inputs.
/// </summary>
internal static class Edwards25519
{
    /// <summary>The neutral element (0, 1).</summary>
    public static void SetIdentity(ref ExtendedPoint p)
    {
        Field25519.Zero(ref p.X);
        Field25519.One(ref p.Y);
        Field25519.One(ref p.Z);
        Field25519.Zero(ref p.T);
    }

    /// <summary>
    /// r = 2·p (dbl-2008-hwcd: 4 squarings, 4 multiplications; 3 when <paramref name="computeT"/> is false, for a
    /// result that is only doubled again, since doubling does not read T).
    /// </summary>
    public static void Double(ref ExtendedPoint r, in ExtendedPoint p, bool computeT = true)
    {
        FieldElement a = default, b = default, c = default, e = default, f = default, g = default, h = default;
        Field25519.Square(ref a, p.X);
        Field25519.Square(ref b, p.Y);
        Field25519.SquareDouble(ref c, p.Z);
        Field25519.Add(ref e, p.X, p.Y);
        Field25519.Square(ref e, e);
        Field25519.Add(ref h, a, b); // −H of the formulas: A + B
        Field25519.Subtract(ref e, h, e); // −E = A + B − (X + Y)²
        Field25519.Subtract(ref g, a, b); // −G = A − B
        Field25519.Add(ref f, g, c); // −F = A − B + C
        // X3 = E·F, Y3 = G·H, T3 = E·H, Z3 = F·G; the signs cancel in every product.
        Field25519.Multiply(ref r.X, e, f);
        Field25519.Multiply(ref r.Y, g, h);
        if (computeT)
        {
            Field25519.Multiply(ref r.T, e, h);
        }

        Field25519.Multiply(ref r.Z, f, g);
        Field25519.Wipe(ref a);
        Field25519.Wipe(ref b);
        Field25519.Wipe(ref c);
        Field25519.Wipe(ref e);
        Field25519.Wipe(ref f);
        Field25519.Wipe(ref g);
        Field25519.Wipe(ref h);
    }

    /// <summary>Prepares <paramref name="p"/> as an addend.</summary>
    public static void ToCached(ref CachedPoint c, in ExtendedPoint p)
    {
        FieldElement d2 = default;
        Field25519.Load(ref d2, Field25519.EdwardsD2);
        Field25519.Add(ref c.YPlusX, p.Y, p.X);
        Field25519.Subtract(ref c.YMinusX, p.Y, p.X);
        c.Z = p.Z;
        Field25519.Multiply(ref c.T2d, p.T, d2);
    }

    /// <summary>r = p + q, or p − q when <paramref name="subtract"/> is set (add-2008-hwcd-3: 8 multiplications).</summary>
    public static void Add(ref ExtendedPoint r, in ExtendedPoint p, in CachedPoint q, bool subtract = false)
    {
        FieldElement a = default, b = default, c = default, d = default;
        Field25519.Subtract(ref a, p.Y, p.X);
        Field25519.Add(ref b, p.Y, p.X);
        Field25519.Multiply(ref a, a, subtract ? q.YPlusX : q.YMinusX);
        Field25519.Multiply(ref b, b, subtract ? q.YMinusX : q.YPlusX);
        Field25519.Multiply(ref c, p.T, q.T2d);
        Field25519.Multiply(ref d, p.Z, q.Z);
        Field25519.Add(ref d, d, d);
        Finish(ref r, ref a, ref b, ref c, ref d, subtract);
    }

    /// <summary>r = p + q for an affine addend (7 multiplications), or p − q when <paramref name="subtract"/> is set.</summary>
    public static void AddNiels(ref ExtendedPoint r, in ExtendedPoint p, in NielsPoint q, bool subtract = false)
    {
        FieldElement a = default, b = default, c = default, d = default;
        Field25519.Subtract(ref a, p.Y, p.X);
        Field25519.Add(ref b, p.Y, p.X);
        Field25519.Multiply(ref a, a, subtract ? q.YPlusX : q.YMinusX);
        Field25519.Multiply(ref b, b, subtract ? q.YMinusX : q.YPlusX);
        Field25519.Multiply(ref c, p.T, q.XY2d);
        Field25519.Add(ref d, p.Z, p.Z);
        Finish(ref r, ref a, ref b, ref c, ref d, subtract);
    }

    /// <summary>
    /// Writes the X25519 (Montgomery) u-coordinate of p: u = (1 + y)/(1 − y) = (Z + Y)/(Z − Y) (RFC 7748 §4.1).
    /// The identity maps to 0. Constant-time.
    /// </summary>
    public static void EncodeMontgomeryU(Span<byte> s, in ExtendedPoint p)
    {
        FieldElement numerator = default, denominator = default;
        Field25519.Add(ref numerator, p.Z, p.Y);
        Field25519.Subtract(ref denominator, p.Z, p.Y);
        Field25519.Invert(ref denominator, denominator);
        Field25519.Multiply(ref numerator, numerator, denominator);
        Field25519.ToBytes(s, numerator);
        Field25519.Wipe(ref numerator);
        Field25519.Wipe(ref denominator);
    }

    /// <summary>Writes the 32-byte encoding: y with the low bit of x in bit 255.</summary>
    public static void Encode(Span<byte> s, in ExtendedPoint p)
    {
        FieldElement zInverse = default, x = default, y = default;
        Field25519.Invert(ref zInverse, p.Z);
        Field25519.Multiply(ref x, p.X, zInverse);
        Field25519.Multiply(ref y, p.Y, zInverse);
        Field25519.ToBytes(s, y);
        s[31] |= (byte)(Field25519.IsNegative(x) << 7);
        Field25519.Wipe(ref zInverse);
        Field25519.Wipe(ref x);
        Field25519.Wipe(ref y);
    }

    /// <summary>
    /// Decodes a point (RFC 8032 §5.1.3) strictly: fails when y ≥ p (non-canonical), when x² has no root, and when
    /// x = 0 but the sign bit is set. Variable-time: only for public values (keys, signatures).
    /// </summary>
    public static bool TryDecode(ref ExtendedPoint p, ReadOnlySpan<byte> s)
    {
        if (!Field25519.IsCanonical(s))
        {
            return false;
        }

        int sign = s[31] >> 7;
        FieldElement one = default, d = default, u = default, v = default, v3 = default, x = default, check = default;
        Field25519.One(ref one);
        Field25519.Load(ref d, Field25519.EdwardsD);
        Field25519.FromBytes(ref p.Y, s);
        Field25519.Square(ref u, p.Y);
        Field25519.Multiply(ref v, u, d);
        Field25519.Subtract(ref u, u, one); // u = y² − 1
        Field25519.Add(ref v, v, one); // v = d·y² + 1

        // x = u·v³·(u·v⁷)^((p−5)/8), a root of u/v if one exists (up to a factor √−1).
        Field25519.Square(ref v3, v);
        Field25519.Multiply(ref v3, v3, v); // v³
        Field25519.Square(ref x, v3);
        Field25519.Multiply(ref x, x, v); // v⁷
        Field25519.Multiply(ref x, x, u); // u·v⁷
        Field25519.PowerP58(ref x, x);
        Field25519.Multiply(ref x, x, v3);
        Field25519.Multiply(ref x, x, u);

        Field25519.Square(ref check, x);
        Field25519.Multiply(ref check, check, v); // v·x²
        if (!Field25519.EqualsVartime(check, u))
        {
            Field25519.Negate(ref u, u);
            if (!Field25519.EqualsVartime(check, u))
            {
                return false;
            }

            Field25519.Load(ref d, Field25519.SqrtMinusOne);
            Field25519.Multiply(ref x, x, d);
        }

        if (Field25519.IsZero(x) == 1 && sign == 1)
        {
            return false;
        }

        if (Field25519.IsNegative(x) != sign)
        {
            Field25519.Negate(ref x, x);
        }

        p.X = x;
        Field25519.One(ref p.Z);
        Field25519.Multiply(ref p.T, x, p.Y);
        return true;
    }

    /// <summary>True when 8·p is the identity (p is one of the eight points of small order). Variable-time.</summary>
    public static bool IsSmallOrderVartime(in ExtendedPoint p)
    {
        ExtendedPoint q = p;
        Double(ref q, q, computeT: false);
        Double(ref q, q, computeT: false);
        Double(ref q, q, computeT: false);
        return Field25519.IsZero(q.X) == 1 && Field25519.EqualsVartime(q.Y, q.Z);
    }

    private static void Finish(
        ref ExtendedPoint r, ref FieldElement a, ref FieldElement b, ref FieldElement c, ref FieldElement d, bool subtract)
    {
        // E = B − A, F = D − C, G = D + C, H = B + A (F and G trade places for a subtraction, since −q has −T).
        FieldElement e = default, f = default, g = default, h = default;
        Field25519.Subtract(ref e, b, a);
        Field25519.Add(ref h, b, a);
        if (subtract)
        {
            Field25519.Add(ref f, d, c);
            Field25519.Subtract(ref g, d, c);
        }
        else
        {
            Field25519.Subtract(ref f, d, c);
            Field25519.Add(ref g, d, c);
        }

        Field25519.Multiply(ref r.X, e, f);
        Field25519.Multiply(ref r.Y, g, h);
        Field25519.Multiply(ref r.T, e, h);
        Field25519.Multiply(ref r.Z, f, g);
        Field25519.Wipe(ref a);
        Field25519.Wipe(ref b);
        Field25519.Wipe(ref c);
        Field25519.Wipe(ref d);
        Field25519.Wipe(ref e);
        Field25519.Wipe(ref f);
        Field25519.Wipe(ref g);
        Field25519.Wipe(ref h);
    }
}

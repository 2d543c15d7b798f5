using System;

namespace Xous.Crypto;

/// <summary>
/// Scalar multiplication on P-256. Scalars are 32 big-endian bytes read in 4-bit windows.
/// <list type="bullet">
/// <item><see cref="MultiplyBase"/> and <see cref="Multiply"/> take secret scalars: fixed windows, one complete
/// addition per window whatever the digit, every table entry read and selected by mask.</item>
/// <item><see cref="MultiplyBasePublic"/> and <see cref="MultiplyPublic"/> skip zero digits and index tables
/// directly; they are for public scalars only (signature verification).</item>
/// </list>
/// </summary>
internal static class P256Multiply
{
    /// <summary>Points per window in the base-point table: d·16^w·G for d = 1..15.</summary>
    private const int EntriesPerWindow = 15;

    /// <summary>Windows of four bits in a 256-bit scalar.</summary>
    private const int Windows = 64;

    /// <summary>
    /// The base-point table, 64 windows × 15 affine points (61,440 bytes), built on first use in about 1,000 point
    /// additions and one field inversion. Public data.
    /// </summary>
    private static readonly AffinePoint[] s_baseTable = BuildBaseTable();

    /// <summary>r = k·G for a secret k, in constant time (64 mixed additions, no doublings).</summary>
    public static void MultiplyBase(ReadOnlySpan<byte> scalar, out ProjectivePoint r)
    {
        Span<ProjectivePoint> work = stackalloc ProjectivePoint[2];
        Span<AffinePoint> selected = stackalloc AffinePoint[1];
        ReadOnlySpan<AffinePoint> table = s_baseTable;
        P256Point.Infinity(out work[0]);
        for (int window = 0; window < Windows; window++)
        {
            int digit = P256Point.Nibble(scalar, window);

            // Digit 0 selects nothing ((0, 0)); the sum is computed anyway and discarded by mask.
            P256Point.SelectConstantTime(table.Slice(window * EntriesPerWindow, EntriesPerWindow), digit - 1, out selected[0]);
            P256Point.AddMixed(work[0], selected[0], out work[1]);
            P256Point.Select(work[1], work[0], P256Point.EqualMask(digit, 0), out work[0]);
        }

        r = work[0];
        work.Clear();
        selected.Clear();
    }

    /// <summary>r = k·P for a secret k, in constant time: 16-entry table, 4 doublings and one addition per window.</summary>
    public static void Multiply(in AffinePoint point, ReadOnlySpan<byte> scalar, out ProjectivePoint r)
    {
        Span<ProjectivePoint> table = stackalloc ProjectivePoint[16];
        Span<ProjectivePoint> work = stackalloc ProjectivePoint[2];
        BuildTable(point, table);
        P256Point.SelectConstantTime(table, P256Point.Nibble(scalar, Windows - 1), out work[0]);
        for (int window = Windows - 2; window >= 0; window--)
        {
            P256Point.Double(work[0], out work[0]);
            P256Point.Double(work[0], out work[0]);
            P256Point.Double(work[0], out work[0]);
            P256Point.Double(work[0], out work[0]);
            P256Point.SelectConstantTime(table, P256Point.Nibble(scalar, window), out work[1]);
            P256Point.Add(work[0], work[1], out work[0]);
        }

        r = work[0];
        work.Clear();
        table.Clear();
    }

    /// <summary>r = k·G for a public k (variable time: zero digits are skipped).</summary>
    public static void MultiplyBasePublic(ReadOnlySpan<byte> scalar, out ProjectivePoint r)
    {
        AffinePoint[] table = s_baseTable;
        P256Point.Infinity(out r);
        for (int window = 0; window < Windows; window++)
        {
            int digit = P256Point.Nibble(scalar, window);
            if (digit != 0)
            {
                P256Point.AddMixed(r, table[(window * EntriesPerWindow) + digit - 1], out r);
            }
        }
    }

    /// <summary>r = k·P for a public k and P (variable time).</summary>
    public static void MultiplyPublic(in AffinePoint point, ReadOnlySpan<byte> scalar, out ProjectivePoint r)
    {
        Span<ProjectivePoint> table = stackalloc ProjectivePoint[16];
        BuildTable(point, table);
        P256Point.Infinity(out r);
        bool started = false;
        for (int window = Windows - 1; window >= 0; window--)
        {
            if (started)
            {
                P256Point.Double(r, out r);
                P256Point.Double(r, out r);
                P256Point.Double(r, out r);
                P256Point.Double(r, out r);
            }

            int digit = P256Point.Nibble(scalar, window);
            if (digit != 0)
            {
                P256Point.Add(r, table[digit], out r);
                started = true;
            }
        }
    }

    /// <summary>table[i] = i·P for i = 0..15 (table[0] is the point at infinity).</summary>
    private static void BuildTable(in AffinePoint point, Span<ProjectivePoint> table)
    {
        P256Point.Infinity(out table[0]);
        P256Point.FromAffine(point, out table[1]);
        for (int i = 2; i < 16; i++)
        {
            if ((i & 1) == 0)
            {
                P256Point.Double(table[i >> 1], out table[i]);
            }
            else
            {
                P256Point.AddMixed(table[i - 1], point, out table[i]);
            }
        }
    }

    private static AffinePoint[] BuildBaseTable()
    {
        // Projective d·16^w·G, then one shared inversion of all Z (Montgomery's trick) to make them affine.
        var points = new ProjectivePoint[Windows * EntriesPerWindow];
        AffinePoint windowBase = P256Point.Generator;
        for (int window = 0; window < Windows; window++)
        {
            int first = window * EntriesPerWindow;
            P256Point.FromAffine(windowBase, out points[first]);
            for (int d = 1; d < EntriesPerWindow; d++)
            {
                P256Point.AddMixed(points[first + d - 1], windowBase, out points[first + d]);
            }

            P256Point.AddMixed(points[first + EntriesPerWindow - 1], windowBase, out ProjectivePoint next);
            P256Point.ToAffine(next, out windowBase);
        }

        var products = new U256[points.Length];
        products[0] = points[0].Z;
        for (int i = 1; i < points.Length; i++)
        {
            P256Field.Mul(products[i - 1], points[i].Z, out products[i]);
        }

        P256Field.Invert(products[points.Length - 1], out U256 inverse);
        var table = new AffinePoint[points.Length];
        for (int i = points.Length - 1; i >= 0; i--)
        {
            U256 zInverse = inverse;
            if (i > 0)
            {
                P256Field.Mul(inverse, products[i - 1], out zInverse);
                P256Field.Mul(inverse, points[i].Z, out inverse);
            }

            P256Field.Mul(points[i].X, zInverse, out table[i].X);
            P256Field.Mul(points[i].Y, zInverse, out table[i].Y);
        }

        return table;
    }
}

using System;
using System.Runtime.CompilerServices;

namespace Xous.Crypto;

/// <summary>Eight cached points kept inline (odd multiples A, 3A, …, 15A for verification).</summary>
[InlineArray(8)]
internal struct CachedPoints8
{
    private CachedPoint _element;
}

/// <content>The scalar multiplications; the base-point table is in EdwardsBaseTable.cs.</content>
internal static partial class EdwardsScalarMultiplication
{
    private const int TableEntryLimbs = 30;

    /// <summary>
    /// r = a·B for a secret 32-byte little-endian scalar a &lt; 2^255, in constant time. The scalar is split into 64
    /// signed radix-16 digits in [−8, 8]; a = Σ e_i·16^i = Σ_k (e_2k + 16·e_2k+1)·256^k, so the odd digits are added
    /// first, the sum is multiplied by 16 (four doublings), and the even digits are added. Each addend is chosen by
    /// reading all eight table entries of its row with masks, then negated with masks: the memory access pattern and
    /// the instruction sequence are the same for every scalar.
    /// </summary>
    public static void MultiplyBase(ref ExtendedPoint r, ReadOnlySpan<byte> scalar)
    {
        Span<sbyte> digits = stackalloc sbyte[64];
        for (int i = 0; i < 32; i++)
        {
            digits[2 * i] = (sbyte)(scalar[i] & 15);
            digits[(2 * i) + 1] = (sbyte)(scalar[i] >> 4);
        }

        // Recentre every digit into [−8, 8): borrow 16 from a digit ≥ 8 and carry one into the next.
        int carry = 0;
        for (int i = 0; i < 63; i++)
        {
            int digit = digits[i] + carry;
            carry = (digit + 8) >> 4;
            digits[i] = (sbyte)(digit - (carry << 4));
        }

        digits[63] = (sbyte)(digits[63] + carry);

        NielsPoint addend = default;
        Edwards25519.SetIdentity(ref r);
        for (int i = 1; i < 64; i += 2)
        {
            SelectBaseMultiple(ref addend, i >> 1, digits[i]);
            Edwards25519.AddNiels(ref r, r, addend);
        }

        Edwards25519.Double(ref r, r, computeT: false);
        Edwards25519.Double(ref r, r, computeT: false);
        Edwards25519.Double(ref r, r, computeT: false);
        Edwards25519.Double(ref r, r);
        for (int i = 0; i < 64; i += 2)
        {
            SelectBaseMultiple(ref addend, i >> 1, digits[i]);
            Edwards25519.AddNiels(ref r, r, addend);
        }

        addend.Wipe();
        digits.Clear();
    }

    /// <summary>
    /// r = a·A + b·B for public scalars a, b &lt; 2^253 (variable-time: only for verification, where every input is
    /// public). Straus' method over width-5 NAF digits of a (odd multiples up to 15A) and width-4 NAF digits of b
    /// (odd multiples up to 7B from the first table row), sharing one chain of doublings.
    /// </summary>
    public static void MultiplyDoubleVartime(ref ExtendedPoint r, ReadOnlySpan<byte> a, in ExtendedPoint pointA, ReadOnlySpan<byte> b)
    {
        Span<sbyte> nafA = stackalloc sbyte[256];
        Span<sbyte> nafB = stackalloc sbyte[256];
        NonAdjacentForm(nafA, a, 5);
        NonAdjacentForm(nafB, b, 4);

        CachedPoints8 multiplesA = default;
        ExtendedPoint twiceA = default, current = pointA;
        Edwards25519.Double(ref twiceA, pointA);
        CachedPoint twiceACached = default;
        Edwards25519.ToCached(ref twiceACached, twiceA);
        Edwards25519.ToCached(ref multiplesA[0], current);
        for (int i = 1; i < 8; i++)
        {
            Edwards25519.Add(ref current, current, twiceACached);
            Edwards25519.ToCached(ref multiplesA[i], current);
        }

        int top = 255;
        while (top >= 0 && nafA[top] == 0 && nafB[top] == 0)
        {
            top--;
        }

        NielsPoint multipleB = default;
        Edwards25519.SetIdentity(ref r);
        for (int i = top; i >= 0; i--)
        {
            int digitA = nafA[i];
            int digitB = nafB[i];
            Edwards25519.Double(ref r, r, computeT: digitA != 0 || digitB != 0);
            if (digitA > 0)
            {
                Edwards25519.Add(ref r, r, multiplesA[digitA >> 1]);
            }
            else if (digitA < 0)
            {
                Edwards25519.Add(ref r, r, multiplesA[(-digitA) >> 1], subtract: true);
            }

            if (digitB != 0)
            {
                int magnitude = digitB > 0 ? digitB : -digitB;
                LoadBaseMultiple(ref multipleB, 0, magnitude - 1);
                Edwards25519.AddNiels(ref r, r, multipleB, subtract: digitB < 0);
            }
        }
    }

    /// <summary>
    /// Width-w NAF of a 256-bit little-endian scalar: every non-zero digit is odd and below 2^(w−1) in magnitude,
    /// and any w consecutive digits hold at most one non-zero digit. Σ naf_i·2^i equals the scalar (&lt; 2^255).
    /// </summary>
    internal static void NonAdjacentForm(Span<sbyte> naf, ReadOnlySpan<byte> scalar, int width)
    {
        naf.Clear();
        int carry = 0;
        int i = 0;
        while (i < 256)
        {
            int bit = (scalar[i >> 3] >> (i & 7)) & 1;
            if (bit == carry)
            {
                // bit + carry is 0 or 2: this digit is zero and the carry passes on unchanged.
                i++;
                continue;
            }

            int window = carry + ReadBits(scalar, i, width);
            if (window >= 1 << (width - 1))
            {
                naf[i] = (sbyte)(window - (1 << width));
                carry = 1;
            }
            else
            {
                naf[i] = (sbyte)window;
                carry = 0;
            }

            i += width;
        }
    }

    private static int ReadBits(ReadOnlySpan<byte> scalar, int offset, int count)
    {
        int value = 0;
        for (int k = 0; k < count && offset + k < 256; k++)
        {
            int position = offset + k;
            value |= ((scalar[position >> 3] >> (position & 7)) & 1) << k;
        }

        return value;
    }

    /// <summary>
    /// t = digit·256^row·B for digit in [−8, 8], in constant time: every entry of the row is read and masked in,
    /// and the negation (swap y + x with y − x, negate 2d·x·y) is applied by mask.
    /// </summary>
    private static void SelectBaseMultiple(ref NielsPoint t, int row, int digit)
    {
        int negative = (digit >> 31) & 1;
        int magnitude = digit - ((-negative & digit) << 1);
        Field25519.One(ref t.YPlusX);
        Field25519.One(ref t.YMinusX);
        Field25519.Zero(ref t.XY2d);
        ReadOnlySpan<int> table = BaseTable.Slice(row * 8 * TableEntryLimbs, 8 * TableEntryLimbs);
        for (int j = 0; j < 8; j++)
        {
            int move = EqualMask(magnitude, j + 1);
            ReadOnlySpan<int> entry = table.Slice(j * TableEntryLimbs, TableEntryLimbs);
            Field25519.ConditionalLoad(ref t.YPlusX, entry[..10], move);
            Field25519.ConditionalLoad(ref t.YMinusX, entry.Slice(10, 10), move);
            Field25519.ConditionalLoad(ref t.XY2d, entry.Slice(20, 10), move);
        }

        FieldElement negatedXY2d = default;
        Field25519.Negate(ref negatedXY2d, t.XY2d);
        Field25519.ConditionalSwap(ref t.YPlusX, ref t.YMinusX, negative);
        Field25519.ConditionalMove(ref t.XY2d, negatedXY2d, negative);
        Field25519.Wipe(ref negatedXY2d);
    }

    /// <summary>Loads table entry (row, column) = (column + 1)·256^row·B (public index).</summary>
    internal static void LoadBaseMultiple(ref NielsPoint t, int row, int column)
    {
        ReadOnlySpan<int> entry = BaseTable.Slice(((row * 8) + column) * TableEntryLimbs, TableEntryLimbs);
        Field25519.Load(ref t.YPlusX, entry[..10]);
        Field25519.Load(ref t.YMinusX, entry.Slice(10, 10));
        Field25519.Load(ref t.XY2d, entry.Slice(20, 10));
    }

    /// <summary>1 when a = b, else 0, without a branch (0 ≤ a, b &lt; 2^30).</summary>
    private static int EqualMask(int a, int b) => (((a ^ b) - 1) >> 31) & 1;
}

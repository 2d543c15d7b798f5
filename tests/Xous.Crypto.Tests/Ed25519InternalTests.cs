using System.Numerics;
using CsCheck;

namespace Xous.Crypto.Tests;

/// <summary>
/// The internal arithmetic against System.Numerics.BigInteger: the field modulo 2^255 − 19, scalars modulo L,
/// NAF recoding, the base-point table, point decoding and the wiping helpers.
/// </summary>
public class Ed25519InternalTests
{
    private static readonly BigInteger s_p = (BigInteger.One << 255) - 19;
    private static readonly BigInteger s_order = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493");

    /// <summary>Field inputs: random 32 bytes (non-canonical ones included) or values next to 0, p and 2^255.</summary>
    private static readonly Gen<byte[]> s_fieldBytes = Gen.OneOf(
        Gen.Byte.Array[32],
        Gen.Int[-20, 20].Select(delta => ToBytes32(((delta < 0 ? (BigInteger.One << 255) : delta < 10 ? s_p : BigInteger.Zero) + delta) & ((BigInteger.One << 255) - 1))));

    [Fact]
    public void Field_arithmetic_equals_BigInteger()
    {
        Sample(Gen.Select(s_fieldBytes, s_fieldBytes), 25519, 2_000, c =>
        {
            BigInteger a = FromBytes(c.Item1) & ((BigInteger.One << 255) - 1), b = FromBytes(c.Item2) & ((BigInteger.One << 255) - 1);
            FieldElement f = default, g = default, h = default;
            Field25519.FromBytes(ref f, c.Item1);
            Field25519.FromBytes(ref g, c.Item2);

            Assert.Equal(Mod(a), Encode(f));
            Field25519.Multiply(ref h, f, g);
            Assert.Equal(Mod(a * b), Encode(h));
            Field25519.Square(ref h, f);
            Assert.Equal(Mod(a * a), Encode(h));
            Field25519.SquareDouble(ref h, f);
            Assert.Equal(Mod(2 * a * a), Encode(h));

            // Sums and differences of up to three carried elements may enter a multiplication.
            FieldElement s = default;
            Field25519.Add(ref s, f, g);
            Field25519.Subtract(ref s, s, g);
            Field25519.Subtract(ref s, s, g);
            Field25519.Multiply(ref h, s, s);
            Assert.Equal(Mod((a - b) * (a - b)), Encode(h));
            Field25519.MultiplySmall(ref h, s, 121665);
            Assert.Equal(Mod((a - b) * 121665), Encode(h));

            Field25519.Invert(ref h, f);
            Assert.Equal(Mod(a) == 0 ? 0 : BigInteger.ModPow(a, s_p - 2, s_p), Encode(h));
            Assert.Equal(Mod(a) == 0 ? 1 : 0, Field25519.IsZero(f));
            Assert.Equal((int)(Mod(a) & 1), Field25519.IsNegative(f));
            Assert.Equal(a < s_p, Field25519.IsCanonical(c.Item1));

            Field25519.ConditionalSwap(ref f, ref g, 1);
            Assert.Equal(Mod(b), Encode(f));
            Field25519.ConditionalMove(ref f, g, 0);
            Assert.Equal(Mod(b), Encode(f));
            Field25519.ConditionalMove(ref f, g, 1);
            Assert.Equal(Mod(a), Encode(f));
        });
    }

    [Fact]
    public void Scalar_reduction_and_multiply_add_equal_BigInteger()
    {
        Gen<byte[]> wide = Gen.OneOf(Gen.Byte.Array[64], Gen.Const(Enumerable.Repeat((byte)0xFF, 64).ToArray()), Gen.Const(new byte[64]));
        Gen<byte[]> scalar = Gen.OneOf(
            Gen.Byte.Array[32],
            Gen.Const(Enumerable.Repeat((byte)0xFF, 32).ToArray()),
            Gen.Int[-3, 3].Select(delta => ToBytes32(s_order + delta)));
        Deterministic.Run(Gen.Select(wide, scalar, scalar, scalar), 252, c =>
        {
            byte[] result = new byte[32];
            Scalar25519.Reduce(c.Item1, result);
            Assert.Equal(FromBytes(c.Item1) % s_order, FromBytes(result));

            Scalar25519.MultiplyAdd(result, c.Item2, c.Item3, c.Item4);
            Assert.Equal(((FromBytes(c.Item2) * FromBytes(c.Item3)) + FromBytes(c.Item4)) % s_order, FromBytes(result));

            Assert.Equal(FromBytes(c.Item2) < s_order, Scalar25519.IsCanonicalVartime(c.Item2));
        });
    }

    [Fact]
    public void Non_adjacent_forms_add_up_to_the_scalar()
    {
        Gen<byte[]> scalars = Gen.OneOf(
            Gen.Byte.Array[32].Select(s =>
            {
                s[31] &= 0x1F; // below 2^253, like every scalar verification sees
                return s;
            }),
            Gen.Const(ToBytes32(s_order - 1)));
        Deterministic.Run(Gen.Select(scalars, Gen.Int[4, 5]), 5, c =>
        {
            sbyte[] naf = new sbyte[256];
            EdwardsScalarMultiplication.NonAdjacentForm(naf, c.Item1, c.Item2);
            BigInteger sum = 0;
            int lastNonZero = 1000;
            for (int i = 255; i >= 0; i--)
            {
                sum = (sum << 1) + naf[i];
                if (naf[i] != 0)
                {
                    Assert.True((naf[i] & 1) == 1 && Math.Abs(naf[i]) < (1 << (c.Item2 - 1)), $"digit {naf[i]} at {i}");
                    Assert.True(lastNonZero - i >= c.Item2, "two non-zero digits within one window");
                    lastNonZero = i;
                }
            }

            Assert.Equal(FromBytes(c.Item1), sum);
        });
    }

    [Fact]
    public void Base_table_holds_the_multiples_of_B()
    {
        ExtendedPoint rowBase = default;
        Assert.True(Edwards25519.TryDecode(ref rowBase, Convert.FromHexString("5866666666666666666666666666666666666666666666666666666666666666")));
        FieldElement d2 = default;
        Field25519.Load(ref d2, Field25519.EdwardsD2);
        for (int row = 0; row < 32; row++)
        {
            CachedPoint rowBaseCached = default;
            Edwards25519.ToCached(ref rowBaseCached, rowBase);
            ExtendedPoint multiple = rowBase;
            for (int column = 0; column < 8; column++)
            {
                if (column > 0)
                {
                    Edwards25519.Add(ref multiple, multiple, rowBaseCached);
                }

                NielsPoint entry = default;
                EdwardsScalarMultiplication.LoadBaseMultiple(ref entry, row, column);

                // The entry as a point with Z = 2: X = (y + x) − (y − x), Y = (y + x) + (y − x).
                ExtendedPoint fromTable = default;
                Field25519.Subtract(ref fromTable.X, entry.YPlusX, entry.YMinusX);
                Field25519.Add(ref fromTable.Y, entry.YPlusX, entry.YMinusX);
                Field25519.One(ref fromTable.Z);
                Field25519.Add(ref fromTable.Z, fromTable.Z, fromTable.Z);
                Assert.Equal(EncodePoint(multiple), EncodePoint(fromTable));

                // 2d·x·y, checked as 2d·X·Y = (2d·x·y)·4 with Z = 2.
                FieldElement left = default, right = default;
                Field25519.Multiply(ref left, fromTable.X, fromTable.Y);
                Field25519.Multiply(ref left, left, d2);
                Field25519.MultiplySmall(ref right, entry.XY2d, 4);
                Assert.Equal(Encode(left), Encode(right));
            }

            for (int i = 0; i < 8; i++)
            {
                Edwards25519.Double(ref rowBase, rowBase);
            }
        }
    }

    [Fact]
    public void Decoding_is_strict_and_round_trips()
    {
        byte[] three = ToBytes32(3);
        ExtendedPoint point = default;
        Assert.True(Edwards25519.TryDecode(ref point, three));
        Assert.Equal(three, EncodePoint(point));
        Assert.False(Edwards25519.IsSmallOrderVartime(point));

        // y = p + 3 encodes the same point non-canonically.
        Assert.False(Edwards25519.TryDecode(ref point, ToBytes32(s_p + 3)));

        // Random public keys round-trip.
        Sample(Gen.Byte.Array[32], 3, 500, seed =>
        {
            byte[] publicKey = new byte[32];
            Ed25519.GetPublicKey(seed, publicKey);
            ExtendedPoint decoded = default;
            Assert.True(Edwards25519.TryDecode(ref decoded, publicKey));
            Assert.Equal(publicKey, EncodePoint(decoded));
        });
    }

    [Fact]
    public void Wipe_helpers_zero_every_limb()
    {
        ExtendedPoint point = default;
        Assert.True(Edwards25519.TryDecode(ref point, ToBytes32(3)));
        point.Wipe();
        foreach (FieldElement coordinate in new[] { point.X, point.Y, point.Z, point.T })
        {
            Assert.Equal(BigInteger.Zero, Encode(coordinate));
            Assert.Equal(0, coordinate.L0 | coordinate.L1 | coordinate.L2 | coordinate.L3 | coordinate.L4 |
                coordinate.L5 | coordinate.L6 | coordinate.L7 | coordinate.L8 | coordinate.L9);
        }

        NielsPoint niels = default;
        EdwardsScalarMultiplication.LoadBaseMultiple(ref niels, 3, 5);
        niels.Wipe();
        Assert.Equal(default, niels.YPlusX);
        Assert.Equal(default, niels.YMinusX);
        Assert.Equal(default, niels.XY2d);
    }

    /// <summary>A fixed number of generated cases from a fixed seed (fewer than the differential tests: these are slower).</summary>
    private static void Sample<T>(Gen<T> gen, ulong seed, int count, Action<T> assert)
    {
        var pcg = new PCG(1, seed);
        for (int i = 0; i < count; i++)
        {
            assert(gen.Generate(pcg, null, out _));
        }
    }

    private static BigInteger Mod(BigInteger value) => ((value % s_p) + s_p) % s_p;

    private static BigInteger FromBytes(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    private static byte[] ToBytes32(BigInteger value)
    {
        byte[] bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }

    private static BigInteger Encode(in FieldElement f)
    {
        byte[] bytes = new byte[32];
        Field25519.ToBytes(bytes, f);
        BigInteger value = FromBytes(bytes);
        Assert.True(value < s_p, "ToBytes must write the canonical value");
        return value;
    }

    private static byte[] EncodePoint(in ExtendedPoint p)
    {
        byte[] bytes = new byte[32];
        Edwards25519.Encode(bytes, p);
        return bytes;
    }
}

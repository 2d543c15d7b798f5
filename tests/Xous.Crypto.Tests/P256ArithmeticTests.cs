using CsCheck;
using Xunit.Abstractions;
using BigInteger = System.Numerics.BigInteger;

namespace Xous.Crypto.Tests;

/// <summary>
/// The internal field (mod p) and scalar (mod n) arithmetic against System.Numerics.BigInteger, with operands
/// weighted to the edges (0, 1, p − 1, values just below the modulus, single set bits, all ones).
/// </summary>
public class P256ArithmeticTests(ITestOutputHelper output)
{
    private static readonly BigInteger s_p = BigInteger.Parse("0FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger s_n = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger s_r = BigInteger.One << 256;

    [Fact]
    public void Field_operations_equal_BigInteger() =>
        Deterministic.Run(Gen.Select(Operand(s_p), Operand(s_p)), 25601, c =>
        {
            U256 a = ToLimbs(c.Item1), b = ToLimbs(c.Item2);
            P256Field.Mul(a, b, out U256 product);
            Assert.Equal(c.Item1 * c.Item2 % s_p, FromLimbs(product));
            P256Field.Add(a, b, out U256 sum);
            Assert.Equal((c.Item1 + c.Item2) % s_p, FromLimbs(sum));
            P256Field.Sub(a, b, out U256 difference);
            Assert.Equal(((c.Item1 - c.Item2) % s_p + s_p) % s_p, FromLimbs(difference));
            P256Field.Negate(a, out U256 negated);
            Assert.Equal((s_p - c.Item1) % s_p, FromLimbs(negated));

            // Aliasing: the result may be an input.
            U256 alias = a;
            P256Field.Mul(alias, alias, out alias);
            Assert.Equal(c.Item1 * c.Item1 % s_p, FromLimbs(alias));
        }, output);

    [Fact]
    public void Field_inversion_and_square_root()
    {
        Deterministic.Run(Operand(s_p), 25602, a =>
        {
            P256Field.Invert(ToLimbs(a), out U256 inverse);
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.One, a * FromLimbs(inverse) % s_p);

            // p ≡ 3 (mod 4): the candidate squares to a when a is a square and to −a otherwise.
            P256Field.SqrtCandidate(ToLimbs(a), out U256 root);
            BigInteger square = FromLimbs(root) * FromLimbs(root) % s_p;
            Assert.True(square == a || square == (s_p - a) % s_p);
        }, output);
    }

    [Fact]
    public void Scalar_operations_equal_BigInteger() =>
        Deterministic.Run(Gen.Select(Operand(s_n), Operand(s_n)), 25603, c =>
        {
            U256 a = ToLimbs(c.Item1), b = ToLimbs(c.Item2);
            BigInteger rInverse = BigInteger.ModPow(s_r, s_n - 2, s_n);
            P256Scalar.MontgomeryMul(a, b, out U256 product);
            Assert.Equal(c.Item1 * c.Item2 * rInverse % s_n, FromLimbs(product));
            P256Scalar.ToMontgomery(a, out U256 montgomery);
            Assert.Equal(c.Item1 * s_r % s_n, FromLimbs(montgomery));
            P256Scalar.FromMontgomery(montgomery, out U256 back);
            Assert.Equal(c.Item1, FromLimbs(back));
            P256Scalar.Add(a, b, out U256 sum);
            Assert.Equal((c.Item1 + c.Item2) % s_n, FromLimbs(sum));
            if (!c.Item1.IsZero)
            {
                P256Scalar.InvertMontgomery(montgomery, out U256 inverse);
                P256Scalar.FromMontgomery(inverse, out inverse);
                Assert.Equal(BigInteger.One, c.Item1 * FromLimbs(inverse) % s_n);
            }

            Assert.Equal(c.Item1 >= 1 && c.Item1 < s_n, P256Scalar.IsValid(a) != 0);
        }, output);

    [Fact]
    public void Reduce_once_and_comparisons_cover_the_full_256_bit_range() =>
        Deterministic.Run(Gen.Select(Operand(s_r), Operand(s_r)), 25604, c =>
        {
            U256 a = ToLimbs(c.Item1), b = ToLimbs(c.Item2);
            P256Scalar.ReduceOnce(a, out U256 reduced);
            Assert.Equal(c.Item1 % s_n, FromLimbs(reduced));
            Assert.Equal(c.Item1 < c.Item2, Limbs.LessThan(a, b) != 0);
            Assert.Equal(c.Item1 == c.Item2, Limbs.Equal(a, b) != 0);
            Assert.Equal(c.Item1.IsZero, Limbs.IsZero(a) != 0);
        }, output);

    /// <summary>Operands below <paramref name="modulus"/>: uniform, edges, and small or near-modulus values.</summary>
    internal static Gen<BigInteger> Operand(BigInteger modulus) =>
        Gen.OneOf(
            Gen.Byte.Array[32].Select(bytes => new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % modulus),
            Gen.Int[0, 1000].Select(small => (BigInteger)small % modulus),
            Gen.Int[1, 1000].Select(small => modulus - small),
            Gen.Int[0, 255].Select(bit => (BigInteger.One << bit) % modulus),
            Gen.Int[1, 256].Select(bits => ((BigInteger.One << bits) - 1) % modulus),
            Gen.Const(modulus - 1));

    internal static U256 ToLimbs(BigInteger value)
    {
        byte[] bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        Limbs.Load(bytes, out U256 limbs);
        return limbs;
    }

    internal static BigInteger FromLimbs(in U256 limbs)
    {
        byte[] bytes = new byte[32];
        Limbs.Store(limbs, bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}

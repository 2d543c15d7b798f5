extern alias corlib;

using CsCheck;
using XMath = corlib::System.Math;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>The integer <c>Math</c> members against the BCL's, including their exceptions, on edge and random values.</summary>
public class MathTests
{
    private static readonly long[] s_edges =
    {
        0, 1, -1, 2, -2, 7, -7, sbyte.MinValue, sbyte.MaxValue, byte.MaxValue, short.MinValue, short.MaxValue,
        ushort.MaxValue, int.MinValue, int.MaxValue, uint.MaxValue, long.MinValue, long.MaxValue, long.MinValue + 1,
    };

    [Fact]
    public void Edge_values_match_the_BCL()
    {
        foreach (long a in s_edges)
        {
            foreach (long b in s_edges)
            {
                AssertTwoArgumentsLikeBcl(a, b);
                foreach (long c in new[] { 0L, -1L, 5L, long.MaxValue })
                {
                    AssertClampLikeBcl(a, b, c);
                }
            }
        }
    }

    [Fact]
    public void Random_values_match_the_BCL()
    {
        Gen.Select(Gen.Long, Gen.Long, Gen.Long).Sample(sample =>
        {
            (long a, long b, long c) = sample;
            AssertTwoArgumentsLikeBcl(a, b);
            AssertClampLikeBcl(a, b, c);
            AssertClampLikeBcl(a, Math.Min(b, c), Math.Max(b, c));
        });
    }

    [Fact]
    public void Abs_of_the_minimum_value_throws_OverflowException()
    {
        Assert.Throws<OverflowException>(() => XMath.Abs(int.MinValue));
        Assert.Throws<OverflowException>(() => XMath.Abs(long.MinValue));
        Assert.Throws<OverflowException>(() => XMath.Abs(short.MinValue));
        Assert.Throws<OverflowException>(() => XMath.Abs(sbyte.MinValue));
        Assert.Throws<OverflowException>(() => XMath.Abs(nint.MinValue));
        Assert.Equal(int.MaxValue, XMath.Abs(-int.MaxValue));
    }

    [Fact]
    public void DivRem_throws_like_the_BCL()
    {
        Assert.Throws<DivideByZeroException>(() => XMath.DivRem(1, 0));
        Assert.Throws<OverflowException>(() => XMath.DivRem(int.MinValue, -1));
        Assert.Throws<OverflowException>(() => XMath.DivRem(long.MinValue, -1L, out _));
        Assert.Equal(Math.DivRem((sbyte)-128, (sbyte)-1), XMath.DivRem((sbyte)-128, (sbyte)-1));
    }

    private static void AssertTwoArgumentsLikeBcl(long a, long b)
    {
        Same(() => XMath.Abs((int)a), () => Math.Abs((int)a));
        Same(() => XMath.Abs(a), () => Math.Abs(a));
        Same(() => XMath.Abs((short)a), () => Math.Abs((short)a));
        Same(() => XMath.Abs((sbyte)a), () => Math.Abs((sbyte)a));
        Same(() => XMath.Abs((nint)a), () => Math.Abs((nint)a));
        Same(() => XMath.Sign((int)a), () => Math.Sign((int)a));
        Same(() => XMath.Sign(a), () => Math.Sign(a));
        Same(() => XMath.Sign((short)a), () => Math.Sign((short)a));
        Same(() => XMath.Sign((sbyte)a), () => Math.Sign((sbyte)a));
        Same(() => XMath.Sign((nint)a), () => Math.Sign((nint)a));

        Same(() => (XMath.Max((byte)a, (byte)b), XMath.Min((byte)a, (byte)b)), () => (Math.Max((byte)a, (byte)b), Math.Min((byte)a, (byte)b)));
        Same(() => (XMath.Max((sbyte)a, (sbyte)b), XMath.Min((sbyte)a, (sbyte)b)), () => (Math.Max((sbyte)a, (sbyte)b), Math.Min((sbyte)a, (sbyte)b)));
        Same(() => (XMath.Max((short)a, (short)b), XMath.Min((short)a, (short)b)), () => (Math.Max((short)a, (short)b), Math.Min((short)a, (short)b)));
        Same(() => (XMath.Max((ushort)a, (ushort)b), XMath.Min((ushort)a, (ushort)b)), () => (Math.Max((ushort)a, (ushort)b), Math.Min((ushort)a, (ushort)b)));
        Same(() => (XMath.Max((int)a, (int)b), XMath.Min((int)a, (int)b)), () => (Math.Max((int)a, (int)b), Math.Min((int)a, (int)b)));
        Same(() => (XMath.Max((uint)a, (uint)b), XMath.Min((uint)a, (uint)b)), () => (Math.Max((uint)a, (uint)b), Math.Min((uint)a, (uint)b)));
        Same(() => (XMath.Max(a, b), XMath.Min(a, b)), () => (Math.Max(a, b), Math.Min(a, b)));
        Same(() => (XMath.Max((ulong)a, (ulong)b), XMath.Min((ulong)a, (ulong)b)), () => (Math.Max((ulong)a, (ulong)b), Math.Min((ulong)a, (ulong)b)));
        Same(() => (XMath.Max((nint)a, (nint)b), XMath.Min((nint)a, (nint)b)), () => (Math.Max((nint)a, (nint)b), Math.Min((nint)a, (nint)b)));
        Same(() => (XMath.Max((nuint)a, (nuint)b), XMath.Min((nuint)a, (nuint)b)), () => (Math.Max((nuint)a, (nuint)b), Math.Min((nuint)a, (nuint)b)));

        Same(() => XMath.DivRem((sbyte)a, (sbyte)b), () => Math.DivRem((sbyte)a, (sbyte)b));
        Same(() => XMath.DivRem((byte)a, (byte)b), () => Math.DivRem((byte)a, (byte)b));
        Same(() => XMath.DivRem((short)a, (short)b), () => Math.DivRem((short)a, (short)b));
        Same(() => XMath.DivRem((ushort)a, (ushort)b), () => Math.DivRem((ushort)a, (ushort)b));
        Same(() => XMath.DivRem((int)a, (int)b), () => Math.DivRem((int)a, (int)b));
        Same(() => XMath.DivRem((uint)a, (uint)b), () => Math.DivRem((uint)a, (uint)b));
        Same(() => XMath.DivRem(a, b), () => Math.DivRem(a, b));
        Same(() => XMath.DivRem((ulong)a, (ulong)b), () => Math.DivRem((ulong)a, (ulong)b));
        Same(() => XMath.DivRem((nint)a, (nint)b), () => Math.DivRem((nint)a, (nint)b));
        Same(() => XMath.DivRem((nuint)a, (nuint)b), () => Math.DivRem((nuint)a, (nuint)b));
        Same(() => (XMath.DivRem((int)a, (int)b, out int r), r), () => (Math.DivRem((int)a, (int)b, out int r), r));
        Same(() => (XMath.DivRem(a, b, out long r), r), () => (Math.DivRem(a, b, out long r), r));

        Same(() => XMath.BigMul((int)a, (int)b), () => Math.BigMul((int)a, (int)b));
        Same(() => XMath.BigMul((uint)a, (uint)b), () => Math.BigMul((uint)a, (uint)b));
        Same(() => (XMath.BigMul((ulong)a, (ulong)b, out ulong low), low), () => (Math.BigMul((ulong)a, (ulong)b, out ulong low), low));
        Same(() => (XMath.BigMul(a, b, out long low), low), () => (Math.BigMul(a, b, out long low), low));
    }

    private static void AssertClampLikeBcl(long value, long min, long max)
    {
        Same(() => XMath.Clamp((byte)value, (byte)min, (byte)max), () => Math.Clamp((byte)value, (byte)min, (byte)max));
        Same(() => XMath.Clamp((sbyte)value, (sbyte)min, (sbyte)max), () => Math.Clamp((sbyte)value, (sbyte)min, (sbyte)max));
        Same(() => XMath.Clamp((short)value, (short)min, (short)max), () => Math.Clamp((short)value, (short)min, (short)max));
        Same(() => XMath.Clamp((ushort)value, (ushort)min, (ushort)max), () => Math.Clamp((ushort)value, (ushort)min, (ushort)max));
        Same(() => XMath.Clamp((int)value, (int)min, (int)max), () => Math.Clamp((int)value, (int)min, (int)max));
        Same(() => XMath.Clamp((uint)value, (uint)min, (uint)max), () => Math.Clamp((uint)value, (uint)min, (uint)max));
        Same(() => XMath.Clamp(value, min, max), () => Math.Clamp(value, min, max));
        Same(() => XMath.Clamp((ulong)value, (ulong)min, (ulong)max), () => Math.Clamp((ulong)value, (ulong)min, (ulong)max));
        Same(() => XMath.Clamp((nint)value, (nint)min, (nint)max), () => Math.Clamp((nint)value, (nint)min, (nint)max));
        Same(() => XMath.Clamp((nuint)value, (nuint)min, (nuint)max), () => Math.Clamp((nuint)value, (nuint)min, (nuint)max));
    }

    private static void Same<T>(Func<T> ours, Func<T> theirs) => Assert.Equal(Outcome.Of(theirs), Outcome.Of(ours));
}

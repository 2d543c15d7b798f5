extern alias corlib;

using System.Numerics;
using CsCheck;
using XBits = corlib::System.Numerics.BitOperations;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>Every <c>BitOperations</c> overload against the BCL's, on edge values (0, 1, powers of two and their neighbours, extremes) and random ones.</summary>
public class BitOperationsTests
{
    public static IEnumerable<ulong> EdgeValues()
    {
        yield return 0;
        yield return ulong.MaxValue;
        yield return long.MaxValue;
        yield return unchecked((ulong)long.MinValue);
        yield return uint.MaxValue;
        yield return int.MaxValue;
        yield return unchecked((uint)int.MinValue);
        for (int bit = 0; bit < 64; bit++)
        {
            ulong power = 1UL << bit;
            yield return power;
            yield return power - 1;
            yield return power + 1;
            yield return ~power;
        }
    }

    [Fact]
    public void Edge_values_match_the_BCL()
    {
        foreach (ulong value in EdgeValues())
        {
            AssertSameAsBcl(value, (int)(value % 80) - 8);
        }
    }

    [Fact]
    public void Random_values_match_the_BCL()
    {
        Gen.Select(Gen.ULong, Gen.Int[-100, 100]).Sample(sample => AssertSameAsBcl(sample.Item1, sample.Item2));
    }

    [Fact]
    public void Crc32C_matches_the_BCL_and_the_standard_check_value()
    {
        Gen.Select(Gen.UInt, Gen.ULong).Sample(sample =>
        {
            (uint crc, ulong data) = sample;
            Assert.Equal(BitOperations.Crc32C(crc, (byte)data), XBits.Crc32C(crc, (byte)data));
            Assert.Equal(BitOperations.Crc32C(crc, (ushort)data), XBits.Crc32C(crc, (ushort)data));
            Assert.Equal(BitOperations.Crc32C(crc, (uint)data), XBits.Crc32C(crc, (uint)data));
            Assert.Equal(BitOperations.Crc32C(crc, data), XBits.Crc32C(crc, data));
        });

        // The CRC-32C check value: "123456789" with initial value and final XOR 0xFFFFFFFF gives 0xE3069283.
        uint check = uint.MaxValue;
        foreach (char c in "123456789")
        {
            check = XBits.Crc32C(check, (byte)c);
        }

        Assert.Equal(0xE3069283u, ~check);
    }

    private static void AssertSameAsBcl(ulong value, int offset)
    {
        uint value32 = (uint)value;
        Assert.Equal(BitOperations.IsPow2((int)value32), XBits.IsPow2((int)value32));
        Assert.Equal(BitOperations.IsPow2(value32), XBits.IsPow2(value32));
        Assert.Equal(BitOperations.IsPow2((long)value), XBits.IsPow2((long)value));
        Assert.Equal(BitOperations.IsPow2(value), XBits.IsPow2(value));
        Assert.Equal(BitOperations.IsPow2((nint)value), XBits.IsPow2((nint)value));
        Assert.Equal(BitOperations.IsPow2((nuint)value), XBits.IsPow2((nuint)value));
        Assert.Equal(BitOperations.RoundUpToPowerOf2(value32), XBits.RoundUpToPowerOf2(value32));
        Assert.Equal(BitOperations.RoundUpToPowerOf2(value), XBits.RoundUpToPowerOf2(value));
        Assert.Equal(BitOperations.RoundUpToPowerOf2((nuint)value), XBits.RoundUpToPowerOf2((nuint)value));
        Assert.Equal(BitOperations.LeadingZeroCount(value32), XBits.LeadingZeroCount(value32));
        Assert.Equal(BitOperations.LeadingZeroCount(value), XBits.LeadingZeroCount(value));
        Assert.Equal(BitOperations.LeadingZeroCount((nuint)value), XBits.LeadingZeroCount((nuint)value));
        Assert.Equal(BitOperations.Log2(value32), XBits.Log2(value32));
        Assert.Equal(BitOperations.Log2(value), XBits.Log2(value));
        Assert.Equal(BitOperations.Log2((nuint)value), XBits.Log2((nuint)value));
        Assert.Equal(BitOperations.PopCount(value32), XBits.PopCount(value32));
        Assert.Equal(BitOperations.PopCount(value), XBits.PopCount(value));
        Assert.Equal(BitOperations.PopCount((nuint)value), XBits.PopCount((nuint)value));
        Assert.Equal(BitOperations.TrailingZeroCount((int)value32), XBits.TrailingZeroCount((int)value32));
        Assert.Equal(BitOperations.TrailingZeroCount(value32), XBits.TrailingZeroCount(value32));
        Assert.Equal(BitOperations.TrailingZeroCount((long)value), XBits.TrailingZeroCount((long)value));
        Assert.Equal(BitOperations.TrailingZeroCount(value), XBits.TrailingZeroCount(value));
        Assert.Equal(BitOperations.TrailingZeroCount((nint)value), XBits.TrailingZeroCount((nint)value));
        Assert.Equal(BitOperations.TrailingZeroCount((nuint)value), XBits.TrailingZeroCount((nuint)value));
        Assert.Equal(BitOperations.RotateLeft(value32, offset), XBits.RotateLeft(value32, offset));
        Assert.Equal(BitOperations.RotateLeft(value, offset), XBits.RotateLeft(value, offset));
        Assert.Equal(BitOperations.RotateLeft((nuint)value, offset), XBits.RotateLeft((nuint)value, offset));
        Assert.Equal(BitOperations.RotateRight(value32, offset), XBits.RotateRight(value32, offset));
        Assert.Equal(BitOperations.RotateRight(value, offset), XBits.RotateRight(value, offset));
        Assert.Equal(BitOperations.RotateRight((nuint)value, offset), XBits.RotateRight((nuint)value, offset));
    }
}

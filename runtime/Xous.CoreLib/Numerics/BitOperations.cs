using System.Runtime.CompilerServices;

namespace System.Numerics;

/// <summary>Utility methods for intrinsic bit-twiddling operations, in portable software form.</summary>
/// <remarks>
/// <para>
/// RV32IMAC has no bit-manipulation extension (no <c>clz</c>, <c>ctz</c>, <c>cpop</c>, <c>rol</c>), so every method is
/// plain shifts and masks: binary search for the zero counts, the SWAR sum for the population count, and a bit-serial
/// loop for CRC-32C. No lookup tables, so nothing here touches memory besides the arguments.
/// </para>
/// <para>
/// The <see cref="nuint"/> overloads use the 32-bit code on the device and the 64-bit code on a 64-bit host.
/// The class has more than 30 members because it mirrors .NET's API (every overload .NET 10 has).
/// </para>
/// </remarks>
public static class BitOperations
{
    /// <summary>The reflected Castagnoli polynomial of CRC-32C.</summary>
    private const uint Crc32CPolynomial = 0x82F63B78u;

    /// <summary>Evaluates whether the specified <see cref="int"/> value is a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if <paramref name="value"/> is a power of two; otherwise <see langword="false"/>.</returns>
    public static bool IsPow2(int value) => (value & (value - 1)) == 0 && value > 0;

    /// <summary>Evaluates whether the specified <see cref="uint"/> value is a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if <paramref name="value"/> is a power of two; otherwise <see langword="false"/>.</returns>
    public static bool IsPow2(uint value) => (value & (value - 1)) == 0 && value != 0;

    /// <summary>Evaluates whether the specified <see cref="long"/> value is a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if <paramref name="value"/> is a power of two; otherwise <see langword="false"/>.</returns>
    public static bool IsPow2(long value) => (value & (value - 1)) == 0 && value > 0;

    /// <summary>Evaluates whether the specified <see cref="ulong"/> value is a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if <paramref name="value"/> is a power of two; otherwise <see langword="false"/>.</returns>
    public static bool IsPow2(ulong value) => (value & (value - 1)) == 0 && value != 0;

    /// <summary>Evaluates whether the specified <see cref="nint"/> value is a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if <paramref name="value"/> is a power of two; otherwise <see langword="false"/>.</returns>
    public static bool IsPow2(nint value) => (value & (value - 1)) == 0 && value > 0;

    /// <summary>Evaluates whether the specified <see cref="nuint"/> value is a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if <paramref name="value"/> is a power of two; otherwise <see langword="false"/>.</returns>
    public static bool IsPow2(nuint value) => (value & (value - 1)) == 0 && value != 0;

    /// <summary>Rounds the specified <see cref="uint"/> value up to a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The smallest power of two greater than or equal to <paramref name="value"/>; 0 for 0 and for values above 2^31.</returns>
    public static uint RoundUpToPowerOf2(uint value)
    {
        // Based on https://graphics.stanford.edu/~seander/bithacks.html#RoundUpPowerOf2
        --value;
        value |= value >> 1;
        value |= value >> 2;
        value |= value >> 4;
        value |= value >> 8;
        value |= value >> 16;
        return value + 1;
    }

    /// <summary>Rounds the specified <see cref="ulong"/> value up to a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The smallest power of two greater than or equal to <paramref name="value"/>; 0 for 0 and for values above 2^63.</returns>
    public static ulong RoundUpToPowerOf2(ulong value)
    {
        --value;
        value |= value >> 1;
        value |= value >> 2;
        value |= value >> 4;
        value |= value >> 8;
        value |= value >> 16;
        value |= value >> 32;
        return value + 1;
    }

    /// <summary>Rounds the specified <see cref="nuint"/> value up to a power of two.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The smallest power of two greater than or equal to <paramref name="value"/>; 0 for 0 and on overflow.</returns>
    public static nuint RoundUpToPowerOf2(nuint value) =>
        NativeWord.Is64Bit ? (nuint)RoundUpToPowerOf2((ulong)value) : RoundUpToPowerOf2(unchecked((uint)value));

    /// <summary>Counts the number of leading zero bits in an unsigned 32-bit integer mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of leading zero bits; 32 for 0.</returns>
    public static int LeadingZeroCount(uint value)
    {
        if (value == 0)
        {
            return 32;
        }

        int count = 0;
        if (value <= 0x0000FFFFu)
        {
            count += 16;
            value <<= 16;
        }

        if (value <= 0x00FFFFFFu)
        {
            count += 8;
            value <<= 8;
        }

        if (value <= 0x0FFFFFFFu)
        {
            count += 4;
            value <<= 4;
        }

        if (value <= 0x3FFFFFFFu)
        {
            count += 2;
            value <<= 2;
        }

        if (value <= 0x7FFFFFFFu)
        {
            count += 1;
        }

        return count;
    }

    /// <summary>Counts the number of leading zero bits in an unsigned 64-bit integer mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of leading zero bits; 64 for 0.</returns>
    public static int LeadingZeroCount(ulong value)
    {
        uint high = (uint)(value >> 32);
        return high == 0 ? 32 + LeadingZeroCount((uint)value) : LeadingZeroCount(high);
    }

    /// <summary>Counts the number of leading zero bits in a native-width unsigned integer mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of leading zero bits; the width in bits for 0.</returns>
    public static int LeadingZeroCount(nuint value) =>
        NativeWord.Is64Bit ? LeadingZeroCount((ulong)value) : LeadingZeroCount(unchecked((uint)value));

    /// <summary>Returns the integer (floor) log of the specified value, base 2.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The floor of the base-2 logarithm; by convention 0 for 0.</returns>
    public static int Log2(uint value) => 31 ^ LeadingZeroCount(value | 1);

    /// <summary>Returns the integer (floor) log of the specified value, base 2.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The floor of the base-2 logarithm; by convention 0 for 0.</returns>
    public static int Log2(ulong value) => 63 ^ LeadingZeroCount(value | 1);

    /// <summary>Returns the integer (floor) log of the specified value, base 2.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The floor of the base-2 logarithm; by convention 0 for 0.</returns>
    public static int Log2(nuint value) =>
        NativeWord.Is64Bit ? Log2((ulong)value) : Log2(unchecked((uint)value));

    /// <summary>Returns the population count (number of bits set) of a mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of bits set.</returns>
    public static int PopCount(uint value)
    {
        const uint C1 = 0x55555555u;
        const uint C2 = 0x33333333u;
        const uint C3 = 0x0F0F0F0Fu;
        const uint C4 = 0x01010101u;

        value -= (value >> 1) & C1;
        value = (value & C2) + ((value >> 2) & C2);
        value = unchecked(((value + (value >> 4)) & C3) * C4) >> 24;
        return (int)value;
    }

    /// <summary>Returns the population count (number of bits set) of a mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of bits set.</returns>
    public static int PopCount(ulong value) => PopCount((uint)value) + PopCount((uint)(value >> 32));

    /// <summary>Returns the population count (number of bits set) of a mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of bits set.</returns>
    public static int PopCount(nuint value) =>
        NativeWord.Is64Bit ? PopCount((ulong)value) : PopCount(unchecked((uint)value));

    /// <summary>Counts the number of trailing zero bits in an integer value mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of trailing zero bits; 32 for 0.</returns>
    public static int TrailingZeroCount(int value) => TrailingZeroCount((uint)value);

    /// <summary>Counts the number of trailing zero bits in an integer value mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of trailing zero bits; 32 for 0.</returns>
    public static int TrailingZeroCount(uint value)
    {
        if (value == 0)
        {
            return 32;
        }

        // The lowest set bit, minus one, is a mask of exactly the trailing zeros.
        return PopCount((value & unchecked(0u - value)) - 1);
    }

    /// <summary>Counts the number of trailing zero bits in an integer value mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of trailing zero bits; 64 for 0.</returns>
    public static int TrailingZeroCount(long value) => TrailingZeroCount((ulong)value);

    /// <summary>Counts the number of trailing zero bits in an integer value mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of trailing zero bits; 64 for 0.</returns>
    public static int TrailingZeroCount(ulong value)
    {
        uint low = (uint)value;
        return low == 0 ? 32 + TrailingZeroCount((uint)(value >> 32)) : TrailingZeroCount(low);
    }

    /// <summary>Counts the number of trailing zero bits in an integer value mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of trailing zero bits; the width in bits for 0.</returns>
    public static int TrailingZeroCount(nint value) => TrailingZeroCount((nuint)value);

    /// <summary>Counts the number of trailing zero bits in an integer value mask.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of trailing zero bits; the width in bits for 0.</returns>
    public static int TrailingZeroCount(nuint value) =>
        NativeWord.Is64Bit ? TrailingZeroCount((ulong)value) : TrailingZeroCount(unchecked((uint)value));

    /// <summary>Rotates the specified value left by the specified number of bits.</summary>
    /// <param name="value">The value to rotate.</param>
    /// <param name="offset">The number of bits to rotate by; only the low 5 bits are used.</param>
    /// <returns>The rotated value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));

    /// <summary>Rotates the specified value left by the specified number of bits.</summary>
    /// <param name="value">The value to rotate.</param>
    /// <param name="offset">The number of bits to rotate by; only the low 6 bits are used.</param>
    /// <returns>The rotated value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong RotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));

    /// <summary>Rotates the specified value left by the specified number of bits.</summary>
    /// <param name="value">The value to rotate.</param>
    /// <param name="offset">The number of bits to rotate by, modulo the width.</param>
    /// <returns>The rotated value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nuint RotateLeft(nuint value, int offset) =>
        NativeWord.Is64Bit ? (nuint)RotateLeft((ulong)value, offset) : RotateLeft(unchecked((uint)value), offset);

    /// <summary>Rotates the specified value right by the specified number of bits.</summary>
    /// <param name="value">The value to rotate.</param>
    /// <param name="offset">The number of bits to rotate by; only the low 5 bits are used.</param>
    /// <returns>The rotated value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint RotateRight(uint value, int offset) => (value >> offset) | (value << (32 - offset));

    /// <summary>Rotates the specified value right by the specified number of bits.</summary>
    /// <param name="value">The value to rotate.</param>
    /// <param name="offset">The number of bits to rotate by; only the low 6 bits are used.</param>
    /// <returns>The rotated value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong RotateRight(ulong value, int offset) => (value >> offset) | (value << (64 - offset));

    /// <summary>Rotates the specified value right by the specified number of bits.</summary>
    /// <param name="value">The value to rotate.</param>
    /// <param name="offset">The number of bits to rotate by, modulo the width.</param>
    /// <returns>The rotated value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nuint RotateRight(nuint value, int offset) =>
        NativeWord.Is64Bit ? (nuint)RotateRight((ulong)value, offset) : RotateRight(unchecked((uint)value), offset);

    /// <summary>Accumulates the CRC (Cyclic redundancy check) checksum (CRC-32C, Castagnoli) of one byte.</summary>
    /// <param name="crc">The base value to calculate checksum on.</param>
    /// <param name="data">The data for which to compute the checksum.</param>
    /// <returns>The CRC-checksum value.</returns>
    public static uint Crc32C(uint crc, byte data) => Crc32CBits(crc ^ data, 8);

    /// <summary>Accumulates the CRC-32C checksum of a 16-bit value, least significant byte first.</summary>
    /// <param name="crc">The base value to calculate checksum on.</param>
    /// <param name="data">The data for which to compute the checksum.</param>
    /// <returns>The CRC-checksum value.</returns>
    public static uint Crc32C(uint crc, ushort data) => Crc32CBits(crc ^ data, 16);

    /// <summary>Accumulates the CRC-32C checksum of a 32-bit value, least significant byte first.</summary>
    /// <param name="crc">The base value to calculate checksum on.</param>
    /// <param name="data">The data for which to compute the checksum.</param>
    /// <returns>The CRC-checksum value.</returns>
    public static uint Crc32C(uint crc, uint data) => Crc32CBits(crc ^ data, 32);

    /// <summary>Accumulates the CRC-32C checksum of a 64-bit value, least significant byte first.</summary>
    /// <param name="crc">The base value to calculate checksum on.</param>
    /// <param name="data">The data for which to compute the checksum.</param>
    /// <returns>The CRC-checksum value.</returns>
    public static uint Crc32C(uint crc, ulong data) =>
        Crc32C(Crc32C(crc, (uint)data), (uint)(data >> 32));

    /// <summary>Shifts <paramref name="bits"/> bits out of a reflected CRC register (the data is already XORed in).</summary>
    private static uint Crc32CBits(uint crc, int bits)
    {
        for (int i = 0; i < bits; i++)
        {
            crc = (crc >> 1) ^ (Crc32CPolynomial & unchecked(0u - (crc & 1)));
        }

        return crc;
    }
}

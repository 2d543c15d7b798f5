namespace System;

/// <summary>Provides constants and static methods for common mathematical functions (the integer subset).</summary>
/// <remarks>
/// <para>
/// The device profile has no floating point, so only the integer overloads of .NET's <c>Math</c> are here, each
/// with .NET's semantics: <c>Abs</c> of the minimum value throws <see cref="OverflowException"/>, <c>Clamp</c> with
/// <c>min &gt; max</c> throws <see cref="ArgumentException"/>, and <c>DivRem</c> divides with the <c>/</c> operator, so
/// division by zero and <c>MinValue / -1</c> throw as the language defines (on RV32, where <c>div</c> does not trap,
/// <c>tools/ilcompiler</c> emits those checks). Omitted: the floating-point and <c>decimal</c> members, the 128-bit
/// <c>BigMul</c> overloads and the constants <c>E</c>, <c>PI</c> and <c>Tau</c>.
/// </para>
/// <para>The class has more than 30 members because it mirrors .NET's API; it is split over partial files.</para>
/// </remarks>
public static partial class Math
{
    private const string NegateMinValueMessage = "Negating the minimum value of a twos complement number is invalid.";

    /// <summary>Returns the absolute value of a <see cref="short"/>.</summary>
    /// <param name="value">A number that is greater than the minimum value of the type.</param>
    /// <returns>The absolute value of <paramref name="value"/>.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is the minimum value of the type.</exception>
    public static short Abs(short value)
    {
        if (value < 0)
        {
            value = unchecked((short)(-value));
            if (value < 0)
            {
                throw new OverflowException(NegateMinValueMessage);
            }
        }

        return value;
    }

    /// <summary>Returns the absolute value of a <see cref="int"/>.</summary>
    /// <param name="value">A number that is greater than the minimum value of the type.</param>
    /// <returns>The absolute value of <paramref name="value"/>.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is the minimum value of the type.</exception>
    public static int Abs(int value)
    {
        if (value < 0)
        {
            value = unchecked((-value));
            if (value < 0)
            {
                throw new OverflowException(NegateMinValueMessage);
            }
        }

        return value;
    }

    /// <summary>Returns the absolute value of a <see cref="long"/>.</summary>
    /// <param name="value">A number that is greater than the minimum value of the type.</param>
    /// <returns>The absolute value of <paramref name="value"/>.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is the minimum value of the type.</exception>
    public static long Abs(long value)
    {
        if (value < 0)
        {
            value = unchecked((-value));
            if (value < 0)
            {
                throw new OverflowException(NegateMinValueMessage);
            }
        }

        return value;
    }

    /// <summary>Returns the absolute value of a <see cref="nint"/>.</summary>
    /// <param name="value">A number that is greater than the minimum value of the type.</param>
    /// <returns>The absolute value of <paramref name="value"/>.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is the minimum value of the type.</exception>
    public static nint Abs(nint value)
    {
        if (value < 0)
        {
            value = unchecked((-value));
            if (value < 0)
            {
                throw new OverflowException(NegateMinValueMessage);
            }
        }

        return value;
    }

    /// <summary>Returns the absolute value of a <see cref="sbyte"/>.</summary>
    /// <param name="value">A number that is greater than the minimum value of the type.</param>
    /// <returns>The absolute value of <paramref name="value"/>.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is the minimum value of the type.</exception>
    public static sbyte Abs(sbyte value)
    {
        if (value < 0)
        {
            value = unchecked((sbyte)(-value));
            if (value < 0)
            {
                throw new OverflowException(NegateMinValueMessage);
            }
        }

        return value;
    }

    /// <summary>Returns the larger of two <see cref="byte"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static byte Max(byte val1, byte val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="short"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static short Max(short val1, short val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="int"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static int Max(int val1, int val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="long"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static long Max(long val1, long val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="nint"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static nint Max(nint val1, nint val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="sbyte"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static sbyte Max(sbyte val1, sbyte val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="ushort"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static ushort Max(ushort val1, ushort val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="uint"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static uint Max(uint val1, uint val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="ulong"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static ulong Max(ulong val1, ulong val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the larger of two <see cref="nuint"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The larger of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static nuint Max(nuint val1, nuint val2) => (val1 >= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="byte"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static byte Min(byte val1, byte val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="short"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static short Min(short val1, short val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="int"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static int Min(int val1, int val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="long"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static long Min(long val1, long val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="nint"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static nint Min(nint val1, nint val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="sbyte"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static sbyte Min(sbyte val1, sbyte val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="ushort"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static ushort Min(ushort val1, ushort val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="uint"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static uint Min(uint val1, uint val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="ulong"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static ulong Min(ulong val1, ulong val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns the smaller of two <see cref="nuint"/> values.</summary>
    /// <param name="val1">The first of two values to compare.</param>
    /// <param name="val2">The second of two values to compare.</param>
    /// <returns>The smaller of <paramref name="val1"/> and <paramref name="val2"/>.</returns>
    public static nuint Min(nuint val1, nuint val2) => (val1 <= val2) ? val1 : val2;

    /// <summary>Returns an integer that indicates the sign of a <see cref="short"/>.</summary>
    /// <param name="value">A signed number.</param>
    /// <returns>-1 if <paramref name="value"/> is negative, 0 if it is zero, 1 if it is positive.</returns>
    public static int Sign(short value) => value < 0 ? -1 : (value > 0 ? 1 : 0);

    /// <summary>Returns an integer that indicates the sign of a <see cref="int"/>.</summary>
    /// <param name="value">A signed number.</param>
    /// <returns>-1 if <paramref name="value"/> is negative, 0 if it is zero, 1 if it is positive.</returns>
    public static int Sign(int value) => value < 0 ? -1 : (value > 0 ? 1 : 0);

    /// <summary>Returns an integer that indicates the sign of a <see cref="long"/>.</summary>
    /// <param name="value">A signed number.</param>
    /// <returns>-1 if <paramref name="value"/> is negative, 0 if it is zero, 1 if it is positive.</returns>
    public static int Sign(long value) => value < 0 ? -1 : (value > 0 ? 1 : 0);

    /// <summary>Returns an integer that indicates the sign of a <see cref="nint"/>.</summary>
    /// <param name="value">A signed number.</param>
    /// <returns>-1 if <paramref name="value"/> is negative, 0 if it is zero, 1 if it is positive.</returns>
    public static int Sign(nint value) => value < 0 ? -1 : (value > 0 ? 1 : 0);

    /// <summary>Returns an integer that indicates the sign of a <see cref="sbyte"/>.</summary>
    /// <param name="value">A signed number.</param>
    /// <returns>-1 if <paramref name="value"/> is negative, 0 if it is zero, 1 if it is positive.</returns>
    public static int Sign(sbyte value) => value < 0 ? -1 : (value > 0 ? 1 : 0);
}

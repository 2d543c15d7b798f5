namespace System;

/// <summary>
/// Integer formatting and parsing with .NET's invariant-culture rules: the default ("G") decimal form with a
/// leading '-', and NumberStyles.Integer parsing (optional white space 0x09-0x0D/0x20 around an optional '+' or
/// '-' and ASCII digits, trailing NULs allowed; a format error wins over an overflow). Format strings are in
/// Number.Formatting.cs and Number.CustomFormatting.cs. Pure code on spans: tests/Xous.CoreLib.Tests compiles
/// these files against .NET and checks them against the BCL.
/// </summary>
/// <remarks>
/// About 32 members across three files, past house rule 12's ~30: they are one algorithm (.NET's integer formatting,
/// standard and custom) whose helpers share the digit buffer conventions; splitting it into classes would only add
/// parameters between steps that .NET keeps together, and each file stays well under 800 lines.
/// </remarks>
internal static partial class Number
{
    /// <summary>The outcome of parsing.</summary>
    internal enum ParsingStatus
    {
        OK,
        Failed,
        Overflow,
    }

    /// <summary>The longest decimal form of a 64-bit integer: "-9223372036854775808".</summary>
    internal const int MaxInt64Chars = 20;

    /// <summary>Number of decimal digits of <paramref name="value"/> (1 for 0).</summary>
    internal static int CountDigits(ulong value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>Writes <paramref name="value"/> in decimal; false (nothing written) when the span is too short.</summary>
    internal static bool TryFormatUInt64(ulong value, Span<char> destination, out int charsWritten)
    {
        int digits = CountDigits(value);
        if (digits > destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        WriteDigits(value, destination.Slice(0, digits));
        charsWritten = digits;
        return true;
    }

    /// <summary>Writes <paramref name="value"/> in decimal with a leading '-' when negative.</summary>
    internal static bool TryFormatInt64(long value, Span<char> destination, out int charsWritten)
    {
        if (value >= 0)
        {
            return TryFormatUInt64((ulong)value, destination, out charsWritten);
        }

        ulong magnitude = Magnitude(value);
        int digits = CountDigits(magnitude);
        if (digits + 1 > destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        destination[0] = '-';
        WriteDigits(magnitude, destination.Slice(1, digits));
        charsWritten = digits + 1;
        return true;
    }

    /// <summary>The decimal form of <paramref name="value"/>.</summary>
    internal static string UInt64ToDecString(ulong value)
    {
        Span<char> buffer = stackalloc char[MaxInt64Chars];
        TryFormatUInt64(value, buffer, out int written);
        return new string(buffer.Slice(0, written));
    }

    /// <summary>The decimal form of <paramref name="value"/>, with '-' when negative.</summary>
    internal static string Int64ToDecString(long value)
    {
        Span<char> buffer = stackalloc char[MaxInt64Chars];
        TryFormatInt64(value, buffer, out int written);
        return new string(buffer.Slice(0, written));
    }

    /// <summary>|<paramref name="value"/>| as unsigned; exact for long.MinValue.</summary>
    private static ulong Magnitude(long value) => value >= 0 ? (ulong)value : (ulong)(-(value + 1)) + 1;

    private static void WriteDigits(ulong value, Span<char> destination)
    {
        // 32-bit division is much cheaper than 64-bit division on RV32, so switch as soon as the value fits.
        int i = destination.Length - 1;
        while (value > uint.MaxValue)
        {
            ulong quotient = value / 10;
            destination[i--] = (char)('0' + (int)(value - (quotient * 10)));
            value = quotient;
        }

        uint small = (uint)value;
        do
        {
            uint quotient = small / 10;
            destination[i--] = (char)('0' + (int)(small - (quotient * 10)));
            small = quotient;
        }
        while (small != 0);
    }

    /// <summary>
    /// Parses NumberStyles.Integer text into a sign and a magnitude. Overflow means the magnitude does not fit
    /// in 64 bits; the caller checks its own range (an unsigned type accepts "-0" but no other negative value).
    /// </summary>
    internal static ParsingStatus TryParseInteger(ReadOnlySpan<char> value, out bool isNegative, out ulong magnitude)
    {
        isNegative = false;
        magnitude = 0;
        int index = 0;
        int length = value.Length;

        while (index < length && IsWhite(value[index]))
        {
            index++;
        }

        if (index < length && (value[index] == '-' || value[index] == '+'))
        {
            isNegative = value[index] == '-';
            index++;
        }

        if (index >= length || !IsDigit(value[index]))
        {
            isNegative = false;
            return ParsingStatus.Failed;
        }

        bool overflow = false;
        while (index < length && IsDigit(value[index]))
        {
            uint digit = (uint)(value[index] - '0');
            if (magnitude > (ulong.MaxValue - digit) / 10)
            {
                overflow = true;
            }
            else
            {
                magnitude = (magnitude * 10) + digit;
            }

            index++;
        }

        while (index < length && IsWhite(value[index]))
        {
            index++;
        }

        while (index < length && value[index] == '\0')
        {
            index++;
        }

        if (index < length)
        {
            isNegative = false;
            magnitude = 0;
            return ParsingStatus.Failed;
        }

        return overflow ? ParsingStatus.Overflow : ParsingStatus.OK;
    }

    /// <summary>Parses a signed integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>].</summary>
    internal static ParsingStatus TryParseSigned(ReadOnlySpan<char> value, long minValue, long maxValue, out long result)
    {
        result = 0;
        ParsingStatus status = TryParseInteger(value, out bool isNegative, out ulong magnitude);
        if (status != ParsingStatus.OK)
        {
            return status;
        }

        if (isNegative)
        {
            if (magnitude > (ulong)(-(minValue + 1)) + 1)
            {
                return ParsingStatus.Overflow;
            }

            result = (long)(0 - magnitude);
        }
        else
        {
            if (magnitude > (ulong)maxValue)
            {
                return ParsingStatus.Overflow;
            }

            result = (long)magnitude;
        }

        return ParsingStatus.OK;
    }

    /// <summary>Parses an unsigned integer in [0, <paramref name="maxValue"/>]; "-0" is zero.</summary>
    internal static ParsingStatus TryParseUnsigned(ReadOnlySpan<char> value, ulong maxValue, out ulong result)
    {
        result = 0;
        ParsingStatus status = TryParseInteger(value, out bool isNegative, out ulong magnitude);
        if (status != ParsingStatus.OK)
        {
            return status;
        }

        if ((isNegative && magnitude != 0) || magnitude > maxValue)
        {
            return ParsingStatus.Overflow;
        }

        result = magnitude;
        return ParsingStatus.OK;
    }

    private static bool IsWhite(char ch) => ch == 0x20 || (uint)(ch - 0x09) <= (0x0D - 0x09);

    private static bool IsDigit(char ch) => (uint)(ch - '0') <= 9;
}

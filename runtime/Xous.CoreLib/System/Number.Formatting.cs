using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// Integer formatting with a format string, exactly as .NET 10's <c>ToString(format, CultureInfo.InvariantCulture)</c>
/// does it: the standard formats D, X, B, G, R, N, F, E, P and C (either case, optional precision 0..999,999,999) and
/// custom formats (Number.CustomFormatting.cs), with the symbols of NumberFormatInfo.InvariantInfo. A null or empty
/// format is "G". An unknown format letter or a precision above 999,999,999 throws .NET's FormatException.
/// <para>
/// Signed values come as a sign-extended <see cref="long"/> and the size of their type, because X and B show the
/// type's two's-complement bits ((sbyte)-1 is "FF"); unsigned values come zero-extended in a <see cref="ulong"/>.
/// The digits of a value live in a <see cref="NumberBuffer"/> (ASCII digits ended by a NUL, as in .NET), the text in
/// a <see cref="FormattingBuffer"/> that starts on the stack and moves to the heap only for long results.
/// </para>
/// </summary>
internal static partial class Number
{
    /// <summary>Chars formatted on the stack; a longer result (a large precision) moves to a heap array.</summary>
    private const int StackBufferLength = 128;

    /// <summary>The 20 digits of ulong.MaxValue and the NUL that ends them.</summary>
    private const int DigitBufferLength = 21;

    /// <summary>.NET's limit for the precision of a standard format.</summary>
    private const int MaxPrecision = 999_999_999;

    // NumberFormatInfo.InvariantInfo.
    private const char NegativeSign = '-';
    private const char PositiveSign = '+';
    private const char DecimalSeparator = '.';
    private const char GroupSeparator = ',';
    private const int GroupSize = 3;
    private const char PercentSymbol = '%';
    private const char PerMilleSymbol = '\u2030';
    private const char CurrencySymbol = '\u00A4';
    private const int DefaultDecimalDigits = 2;
    private const int DefaultExponentialPrecision = 6;

    /// <summary><paramref name="value"/> formatted by <paramref name="format"/>; X and B show its low <paramref name="sizeInBytes"/> bytes.</summary>
    internal static string FormatSigned(long value, string? format, int sizeInBytes)
    {
        if (string.IsNullOrEmpty(format))
        {
            return Int64ToDecString(value);
        }

        var result = new FormattingBuffer(stackalloc char[StackBufferLength]);
        var number = new NumberBuffer(stackalloc byte[DigitBufferLength]);
        FormatInteger(ref result, ref number, value < 0, Magnitude(value), TypeBits(value, sizeInBytes), format);
        return new string(result.Text);
    }

    /// <summary><paramref name="value"/> formatted by <paramref name="format"/>.</summary>
    internal static string FormatUnsigned(ulong value, string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return UInt64ToDecString(value);
        }

        var result = new FormattingBuffer(stackalloc char[StackBufferLength]);
        var number = new NumberBuffer(stackalloc byte[DigitBufferLength]);
        FormatInteger(ref result, ref number, false, value, value, format);
        return new string(result.Text);
    }

    /// <summary>Writes what <see cref="FormatSigned"/> returns; false (nothing written) when it does not fit.</summary>
    internal static bool TryFormatSigned(long value, ReadOnlySpan<char> format, int sizeInBytes, Span<char> destination, out int charsWritten)
    {
        if (format.Length == 0)
        {
            return TryFormatInt64(value, destination, out charsWritten);
        }

        var result = new FormattingBuffer(stackalloc char[StackBufferLength]);
        var number = new NumberBuffer(stackalloc byte[DigitBufferLength]);
        FormatInteger(ref result, ref number, value < 0, Magnitude(value), TypeBits(value, sizeInBytes), format);
        return result.TryCopyTo(destination, out charsWritten);
    }

    /// <summary>Writes what <see cref="FormatUnsigned"/> returns; false (nothing written) when it does not fit.</summary>
    internal static bool TryFormatUnsigned(ulong value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
    {
        if (format.Length == 0)
        {
            return TryFormatUInt64(value, destination, out charsWritten);
        }

        var result = new FormattingBuffer(stackalloc char[StackBufferLength]);
        var number = new NumberBuffer(stackalloc byte[DigitBufferLength]);
        FormatInteger(ref result, ref number, false, value, value, format);
        return result.TryCopyTo(destination, out charsWritten);
    }


    private static ulong TypeBits(long value, int sizeInBytes) =>
        sizeInBytes >= sizeof(long) ? (ulong)value : (ulong)value & ((1UL << (sizeInBytes * 8)) - 1);

    /// <summary>
    /// .NET's FormatInt32/FormatInt64/FormatUInt64 after the empty-format fast path. The caller provides both
    /// buffers from its own stack so that the compiler sees they live equally long.
    /// </summary>
    private static void FormatInteger(ref FormattingBuffer result, ref NumberBuffer number, bool isNegative, ulong magnitude, ulong bits, ReadOnlySpan<char> format)
    {
        char specifier = ParseFormatSpecifier(format, out int precision);
        char upper = (char)(specifier & 0xFFDF);
        if (upper == 'G' ? precision < 1 : upper == 'D')
        {
            AppendDecimal(ref result, isNegative, magnitude, precision);
        }
        else if (upper == 'X')
        {
            AppendPowerOfTwoDigits(ref result, bits, 4, specifier == 'x' ? "0123456789abcdef" : "0123456789ABCDEF", precision);
        }
        else if (upper == 'B')
        {
            AppendPowerOfTwoDigits(ref result, bits, 1, "01", precision);
        }
        else
        {
            number.SetInteger(magnitude, isNegative);
            if (specifier != '\0')
            {
                NumberToString(ref result, ref number, specifier, precision);
            }
            else
            {
                NumberToStringFormat(ref result, ref number, format);
            }
        }
    }

    /// <summary>
    /// The standard format letter and its precision (-1 when absent), 'G' for an empty format or one starting with
    /// NUL, or '\0' for a custom format. A letter followed by digits up to a NUL is standard; the digits may have
    /// leading zeros but their value must not pass 999,999,999.
    /// </summary>
    internal static char ParseFormatSpecifier(ReadOnlySpan<char> format, out int precision)
    {
        char first = '\0';
        if (format.Length > 0)
        {
            first = format[0];
            if ((uint)((first | 0x20) - 'a') <= 'z' - 'a')
            {
                int value = 0;
                int i = 1;
                while (i < format.Length && (uint)(format[i] - '0') <= 9)
                {
                    if (value > MaxPrecision / 10)
                    {
                        ThrowBadFormatSpecifier();
                    }

                    value = (value * 10) + (format[i++] - '0');
                }

                if (i >= format.Length || format[i] == '\0')
                {
                    precision = format.Length == 1 ? -1 : value;
                    return first;
                }
            }
        }

        precision = -1;
        return format.Length == 0 || first == '\0' ? 'G' : '\0';
    }

    [DoesNotReturn]
    private static void ThrowBadFormatSpecifier() => throw new FormatException(SR.Argument_BadFormatSpecifier);

    /// <summary>D (and G without precision): '-' and at least <paramref name="precision"/> digits.</summary>
    private static void AppendDecimal(ref FormattingBuffer result, bool isNegative, ulong magnitude, int precision)
    {
        int digits = CountDigits(magnitude);
        int width = precision > digits ? precision : digits;
        if (isNegative)
        {
            result.Append(NegativeSign);
        }

        Span<char> text = result.AppendSpan(width);
        text.Slice(0, width - digits).Fill('0');
        WriteDigits(magnitude, text.Slice(width - digits));
    }

    /// <summary>X and B: the bits in base 2^<paramref name="bitsPerDigit"/>, at least <paramref name="precision"/> digits.</summary>
    private static void AppendPowerOfTwoDigits(ref FormattingBuffer result, ulong bits, int bitsPerDigit, string symbols, int precision)
    {
        int digits = 1;
        while (digits * bitsPerDigit < 64 && (bits >> (digits * bitsPerDigit)) != 0)
        {
            digits++;
        }

        int width = precision > digits ? precision : digits;
        Span<char> text = result.AppendSpan(width);
        text.Slice(0, width - digits).Fill('0');
        ulong mask = (1UL << bitsPerDigit) - 1;
        for (int i = width - 1; i >= width - digits; i--)
        {
            text[i] = symbols[(int)(bits & mask)];
            bits >>= bitsPerDigit;
        }
    }

    /// <summary>.NET's NumberToString for an integer: C, F, N, E, G, P and R (which is G).</summary>
    private static void NumberToString(ref FormattingBuffer result, ref NumberBuffer number, char format, int precision)
    {
        switch (format)
        {
            case 'C':
            case 'c':
                precision = precision < 0 ? DefaultDecimalDigits : precision;
                RoundNumber(ref number, number.Scale + precision);
                if (number.IsNegative)
                {
                    // CurrencyNegativePattern 0: "($n)"; CurrencyPositivePattern 0: "$n".
                    result.Append('(');
                }

                result.Append(CurrencySymbol);
                FormatFixed(ref result, ref number, precision, grouped: true);
                if (number.IsNegative)
                {
                    result.Append(')');
                }

                break;

            case 'F':
            case 'f':
            case 'N':
            case 'n':
                precision = precision < 0 ? DefaultDecimalDigits : precision;
                RoundNumber(ref number, number.Scale + precision);
                if (number.IsNegative)
                {
                    // NumberNegativePattern 1: "-n".
                    result.Append(NegativeSign);
                }

                FormatFixed(ref result, ref number, precision, grouped: (format | 0x20) == 'n');
                break;

            case 'E':
            case 'e':
                precision = (precision < 0 ? DefaultExponentialPrecision : precision) + 1;
                RoundNumber(ref number, precision);
                if (number.IsNegative)
                {
                    result.Append(NegativeSign);
                }

                FormatScientific(ref result, ref number, precision, format);
                break;

            case 'G':
            case 'g':
            case 'R':
            case 'r':
                if (precision < 1)
                {
                    precision = number.DigitsCount;
                }

                RoundNumber(ref number, precision);
                if (number.IsNegative)
                {
                    result.Append(NegativeSign);
                }

                FormatGeneral(ref result, ref number, precision, (format | 0x20) == format ? 'e' : 'E');
                break;

            case 'P':
            case 'p':
                precision = precision < 0 ? DefaultDecimalDigits : precision;
                number.Scale += 2;
                RoundNumber(ref number, number.Scale + precision);

                // PercentNegativePattern 0: "-n %"; PercentPositivePattern 0: "n %".
                if (number.IsNegative)
                {
                    result.Append(NegativeSign);
                }

                FormatFixed(ref result, ref number, precision, grouped: true);
                result.Append(' ');
                result.Append(PercentSymbol);
                break;

            default:
                ThrowBadFormatSpecifier();
                break;
        }
    }

    /// <summary>The integer digits (grouped by three when asked), then the decimal separator and <paramref name="decimals"/> digits.</summary>
    private static void FormatFixed(ref FormattingBuffer result, ref NumberBuffer number, int decimals, bool grouped)
    {
        int digitPosition = number.Scale;
        int next = 0;
        if (digitPosition > 0)
        {
            for (int i = 0; i < digitPosition; i++)
            {
                result.Append(number.NextDigitOrZero(ref next));
                int remaining = digitPosition - 1 - i;
                if (grouped && remaining > 0 && remaining % GroupSize == 0)
                {
                    result.Append(GroupSeparator);
                }
            }
        }
        else
        {
            result.Append('0');
        }

        if (decimals > 0)
        {
            result.Append(DecimalSeparator);
            if (digitPosition < 0)
            {
                int zeroes = -digitPosition < decimals ? -digitPosition : decimals;
                result.Append('0', zeroes);
                decimals -= zeroes;
            }

            while (decimals > 0)
            {
                result.Append(number.NextDigitOrZero(ref next));
                decimals--;
            }
        }
    }

    /// <summary>E: one digit, the separator unless E0, the rest of the significant digits, then E+ddd.</summary>
    private static void FormatScientific(ref FormattingBuffer result, ref NumberBuffer number, int significantDigits, char exponentChar)
    {
        int next = 0;
        result.Append(number.NextDigitOrZero(ref next));
        if (significantDigits != 1)
        {
            result.Append(DecimalSeparator);
        }

        while (--significantDigits > 0)
        {
            result.Append(number.NextDigitOrZero(ref next));
        }

        int exponent = number.Digits[0] == 0 ? 0 : number.Scale - 1;
        FormatExponent(ref result, exponent, exponentChar, 3, positiveSign: true);
    }

    private static void FormatExponent(ref FormattingBuffer result, int exponent, char exponentChar, int minDigits, bool positiveSign)
    {
        result.Append(exponentChar);
        if (exponent < 0)
        {
            result.Append(NegativeSign);
            exponent = -exponent;
        }
        else if (positiveSign)
        {
            result.Append(PositiveSign);
        }

        AppendDecimal(ref result, false, (ulong)exponent, minDigits);
    }

    /// <summary>G with a precision: fixed notation unless the exponent reaches the precision, then d.dddE+dd.</summary>
    private static void FormatGeneral(ref FormattingBuffer result, ref NumberBuffer number, int precision, char exponentChar)
    {
        int digitPosition = number.Scale;
        bool scientific = false;
        if (digitPosition > precision || digitPosition < -3)
        {
            digitPosition = 1;
            scientific = true;
        }

        int next = 0;
        if (digitPosition > 0)
        {
            do
            {
                result.Append(number.NextDigitOrZero(ref next));
            }
            while (--digitPosition > 0);
        }
        else
        {
            result.Append('0');
        }

        if (number.Digits[next] != 0 || digitPosition < 0)
        {
            result.Append(DecimalSeparator);
            while (digitPosition < 0)
            {
                result.Append('0');
                digitPosition++;
            }

            while (number.Digits[next] != 0)
            {
                result.Append((char)number.Digits[next++]);
            }
        }

        if (scientific)
        {
            FormatExponent(ref result, number.Scale - 1, exponentChar, 2, positiveSign: true);
        }
    }

    /// <summary>
    /// Keeps the first <paramref name="position"/> digits, rounding half away from zero; drops trailing zeros. A
    /// result of zero loses its sign and its scale (integers have no -0).
    /// </summary>
    private static void RoundNumber(ref NumberBuffer number, int position)
    {
        Span<byte> digits = number.Digits;
        int i = 0;
        while (i < position && digits[i] != 0)
        {
            i++;
        }

        if (i == position && digits[i] >= '5')
        {
            while (i > 0 && digits[i - 1] == '9')
            {
                i--;
            }

            if (i > 0)
            {
                digits[i - 1]++;
            }
            else
            {
                number.Scale++;
                digits[0] = (byte)'1';
                i = 1;
            }
        }
        else
        {
            while (i > 0 && digits[i - 1] == '0')
            {
                i--;
            }
        }

        if (i == 0)
        {
            number.IsNegative = false;
            number.Scale = 0;
        }

        digits[i] = 0;
        number.DigitsCount = i;
    }

    /// <summary>
    /// The decimal digits of an integer's magnitude as ASCII bytes ended by a NUL (zero has no digits), their count,
    /// the scale (digits before the decimal point) and the sign: .NET's NumberBuffer of kind Integer.
    /// </summary>
    private ref struct NumberBuffer
    {
        public Span<byte> Digits;
        public int DigitsCount;
        public int Scale;
        public bool IsNegative;

        public NumberBuffer(Span<byte> digits)
        {
            Digits = digits;
            digits[0] = 0;
            DigitsCount = 0;
            Scale = 0;
            IsNegative = false;
        }

        /// <summary>Holds the digits of <paramref name="magnitude"/> (.NET's Int32ToNumber/UInt64ToNumber).</summary>
        public void SetInteger(ulong magnitude, bool isNegative)
        {
            int count = magnitude == 0 ? 0 : CountDigits(magnitude);
            for (int i = count - 1; i >= 0; i--)
            {
                ulong quotient = magnitude / 10;
                Digits[i] = (byte)('0' + (int)(magnitude - (quotient * 10)));
                magnitude = quotient;
            }

            Digits[count] = 0;
            DigitsCount = count;
            Scale = count;
            IsNegative = isNegative;
        }

        /// <summary>The digit at <paramref name="index"/> (then advances it), or '0' past the last digit.</summary>
        public readonly char NextDigitOrZero(ref int index) => Digits[index] != 0 ? (char)Digits[index++] : '0';
    }

    /// <summary>The text being formatted: a caller's stack buffer, replaced by a larger heap array when it fills up.</summary>
    private ref struct FormattingBuffer
    {
        private Span<char> _chars;
        private int _length;

        public FormattingBuffer(Span<char> initial)
        {
            _chars = initial;
            _length = 0;
        }

        public readonly int Length => _length;

        public readonly ReadOnlySpan<char> Text => _chars.Slice(0, _length);

        public void Append(char value)
        {
            if (_length == _chars.Length)
            {
                Grow(1);
            }

            _chars[_length++] = value;
        }

        public void Append(char value, int count) => AppendSpan(count).Fill(value);

        /// <summary>Reserves <paramref name="count"/> chars at the end and returns them to be written.</summary>
        public Span<char> AppendSpan(int count)
        {
            if (count > _chars.Length - _length)
            {
                Grow(count);
            }

            Span<char> span = _chars.Slice(_length, count);
            _length += count;
            return span;
        }

        public void InsertAtStart(char value)
        {
            Append(value);
            _chars.Slice(0, _length - 1).CopyTo(_chars.Slice(1));
            _chars[0] = value;
        }

        public readonly bool TryCopyTo(Span<char> destination, out int charsWritten)
        {
            if (_length > destination.Length)
            {
                charsWritten = 0;
                return false;
            }

            Text.CopyTo(destination);
            charsWritten = _length;
            return true;
        }

        private void Grow(int additional)
        {
            long required = (long)_length + additional;
            long doubled = (long)_chars.Length * 2;
            char[] larger = new char[checked((int)(required > doubled ? required : doubled))];
            Text.CopyTo(larger);
            _chars = larger;
        }
    }
}

namespace System;

/// <summary>
/// Custom numeric format strings for integers, exactly as .NET 10's NumberToStringFormat handles them with the
/// invariant culture: '0' and '#' digit placeholders, the first '.' as decimal point, ',' for groups of three or
/// (right before the decimal point) scaling by 1000, '%' (x100) and '\u2030' (x1000), E0/E+0/E-0 exponents (at most ten
/// exponent digits), '\' escapes, '...' and "..." literals, up to three ';'-separated sections (positive, negative,
/// zero; an empty negative section uses the first, a value that rounds to zero uses the zero section) and a NUL that
/// ends the format. Every other char is copied.
/// </summary>
internal static partial class Number
{
    private static void NumberToStringFormat(ref FormattingBuffer result, ref NumberBuffer number, ReadOnlySpan<char> format)
    {
        Span<byte> digits = number.Digits;
        int section = FindSection(format, digits[0] == 0 ? 2 : number.IsNegative ? 1 : 0);

        // First pass over the section: where the placeholders, the decimal point and the scaling are.
        int digitCount;
        int decimalPosition;
        int firstZero;
        int lastZero;
        bool scientific;
        int thousandPosition;
        int thousandCount = 0;
        bool thousandSeparators;
        int scaleAdjust;
        int source;
        char ch;
        while (true)
        {
            digitCount = 0;
            decimalPosition = -1;
            firstZero = int.MaxValue;
            lastZero = 0;
            scientific = false;
            thousandPosition = -1;
            thousandSeparators = false;
            scaleAdjust = 0;
            source = section;

            while (source < format.Length && (ch = format[source++]) != '\0' && ch != ';')
            {
                switch (ch)
                {
                    case '#':
                        digitCount++;
                        break;
                    case '0':
                        if (firstZero == int.MaxValue)
                        {
                            firstZero = digitCount;
                        }

                        digitCount++;
                        lastZero = digitCount;
                        break;
                    case '.':
                        if (decimalPosition < 0)
                        {
                            decimalPosition = digitCount;
                        }

                        break;
                    case ',':
                        if (digitCount > 0 && decimalPosition < 0)
                        {
                            if (thousandPosition >= 0)
                            {
                                if (thousandPosition == digitCount)
                                {
                                    thousandCount++;
                                    break;
                                }

                                thousandSeparators = true;
                            }

                            thousandPosition = digitCount;
                            thousandCount = 1;
                        }

                        break;
                    case '%':
                        scaleAdjust += 2;
                        break;
                    case PerMilleSymbol:
                        scaleAdjust += 3;
                        break;
                    case '\'':
                    case '"':
                    case '\\':
                        source = SkipLiteral(format, source, ch);
                        break;
                    case 'E':
                    case 'e':
                        if ((source < format.Length && format[source] == '0') ||
                            (source + 1 < format.Length && (format[source] == '+' || format[source] == '-') && format[source + 1] == '0'))
                        {
                            while (++source < format.Length && format[source] == '0')
                            {
                            }

                            scientific = true;
                        }

                        break;
                }
            }

            if (decimalPosition < 0)
            {
                decimalPosition = digitCount;
            }

            if (thousandPosition >= 0)
            {
                if (thousandPosition == decimalPosition)
                {
                    scaleAdjust -= thousandCount * 3;
                }
                else
                {
                    thousandSeparators = true;
                }
            }

            if (digits[0] != 0)
            {
                number.Scale += scaleAdjust;
                RoundNumber(ref number, scientific ? digitCount : number.Scale + digitCount - decimalPosition);
                if (digits[0] == 0)
                {
                    // Rounded to zero: format with the zero section, if there is one.
                    source = FindSection(format, 2);
                    if (source != section)
                    {
                        section = source;
                        continue;
                    }
                }
            }
            else
            {
                number.IsNegative = false;
                number.Scale = 0;
            }

            break;
        }

        firstZero = firstZero < decimalPosition ? decimalPosition - firstZero : 0;
        lastZero = lastZero > decimalPosition ? decimalPosition - lastZero : 0;
        int digitPosition;
        int adjust;
        if (scientific)
        {
            digitPosition = decimalPosition;
            adjust = 0;
        }
        else
        {
            digitPosition = number.Scale > decimalPosition ? number.Scale : decimalPosition;
            adjust = number.Scale - decimalPosition;
        }

        // Where the group separators go, counted in digits from the decimal point (the output is written forwards).
        Span<int> separatorPositions = stackalloc int[4];
        int separatorIndex = -1;
        if (thousandSeparators)
        {
            int totalDigits = digitPosition + (adjust < 0 ? adjust : 0);
            int outputDigits = firstZero > totalDigits ? firstZero : totalDigits;
            for (int groupEnd = GroupSize; outputDigits > groupEnd; groupEnd += GroupSize)
            {
                if (++separatorIndex >= separatorPositions.Length)
                {
                    int[] larger = new int[separatorPositions.Length * 2];
                    separatorPositions.CopyTo(larger);
                    separatorPositions = larger;
                }

                separatorPositions[separatorIndex] = groupEnd;
            }
        }

        if (number.IsNegative && section == 0 && number.Scale != 0)
        {
            result.Append(NegativeSign);
        }

        // Second pass: write the section.
        bool decimalWritten = false;
        int next = 0;
        source = section;
        while (source < format.Length && (ch = format[source++]) != '\0' && ch != ';')
        {
            if (adjust > 0 && (ch == '#' || ch == '0' || ch == '.'))
            {
                // More integer digits than placeholders: the extra ones go before the first placeholder.
                while (adjust > 0)
                {
                    result.Append(number.NextDigitOrZero(ref next));
                    if (thousandSeparators && digitPosition > 1 && separatorIndex >= 0 && digitPosition == separatorPositions[separatorIndex] + 1)
                    {
                        result.Append(GroupSeparator);
                        separatorIndex--;
                    }

                    digitPosition--;
                    adjust--;
                }
            }

            switch (ch)
            {
                case '#':
                case '0':
                    char digit;
                    if (adjust < 0)
                    {
                        adjust++;
                        digit = digitPosition <= firstZero ? '0' : '\0';
                    }
                    else
                    {
                        digit = digits[next] != 0 ? (char)digits[next++] : digitPosition > lastZero ? '0' : '\0';
                    }

                    if (digit != '\0')
                    {
                        result.Append(digit);
                        if (thousandSeparators && digitPosition > 1 && separatorIndex >= 0 && digitPosition == separatorPositions[separatorIndex] + 1)
                        {
                            result.Append(GroupSeparator);
                            separatorIndex--;
                        }
                    }

                    digitPosition--;
                    break;
                case '.':
                    // Only the first '.' counts, and only when a digit or a '0' placeholder follows it.
                    if (digitPosition == 0 && !decimalWritten && (lastZero < 0 || (decimalPosition < digitCount && digits[next] != 0)))
                    {
                        result.Append(DecimalSeparator);
                        decimalWritten = true;
                    }

                    break;
                case PerMilleSymbol:
                    result.Append(PerMilleSymbol);
                    break;
                case '%':
                    result.Append(PercentSymbol);
                    break;
                case ',':
                    break;
                case '\'':
                case '"':
                    while (source < format.Length && format[source] != '\0' && format[source] != ch)
                    {
                        result.Append(format[source++]);
                    }

                    if (source < format.Length && format[source] != '\0')
                    {
                        source++;
                    }

                    break;
                case '\\':
                    if (source < format.Length && format[source] != '\0')
                    {
                        result.Append(format[source++]);
                    }

                    break;
                case 'E':
                case 'e':
                    source = AppendExponentPart(ref result, ref number, format, source, ch, ref scientific, decimalPosition);
                    break;
                default:
                    result.Append(ch);
                    break;
            }
        }

        if (number.IsNegative && section == 0 && number.Scale == 0 && result.Length > 0)
        {
            result.InsertAtStart(NegativeSign);
        }
    }

    /// <summary>
    /// An 'E' or 'e' at <paramref name="source"/> - 1: the exponent if it is the section's (first) scientific
    /// marker, otherwise the text itself (with a sign and zeros that follow it). Returns where the format goes on.
    /// </summary>
    private static int AppendExponentPart(
        ref FormattingBuffer result, ref NumberBuffer number, ReadOnlySpan<char> format, int source, char exponentChar, ref bool scientific, int decimalPosition)
    {
        if (!scientific)
        {
            result.Append(exponentChar);
            if (source < format.Length)
            {
                if (format[source] == '+' || format[source] == '-')
                {
                    result.Append(format[source++]);
                }

                while (source < format.Length && format[source] == '0')
                {
                    result.Append(format[source++]);
                }
            }

            return source;
        }

        bool positiveSign = false;
        int minDigits = 0;
        if (source < format.Length && format[source] == '0')
        {
            // E0 formats as E-0.
            minDigits++;
        }
        else if (source + 1 < format.Length && format[source] == '+' && format[source + 1] == '0')
        {
            positiveSign = true;
        }
        else if (!(source + 1 < format.Length && format[source] == '-' && format[source + 1] == '0'))
        {
            result.Append(exponentChar);
            return source;
        }

        while (++source < format.Length && format[source] == '0')
        {
            minDigits++;
        }

        if (minDigits > 10)
        {
            minDigits = 10;
        }

        int exponent = number.Digits[0] == 0 ? 0 : number.Scale - decimalPosition;
        FormatExponent(ref result, exponent, exponentChar, minDigits, positiveSign);
        scientific = false;
        return source;
    }

    /// <summary>
    /// Skips what follows a quote (up to and including the closing quote) or a backslash (the escaped character),
    /// stopping at the end of the format or a NUL; returns the index after it.
    /// </summary>
    private static int SkipLiteral(ReadOnlySpan<char> format, int source, char opener)
    {
        if (opener == '\\')
        {
            return source < format.Length && format[source] != '\0' ? source + 1 : source;
        }

        while (source < format.Length && format[source] != '\0' && format[source++] != opener)
        {
        }

        return source;
    }

    /// <summary>
    /// Where section <paramref name="section"/> (0 positive, 1 negative, 2 zero) starts; 0 (the first section) when
    /// the format has no such section or it is empty.
    /// </summary>
    private static int FindSection(ReadOnlySpan<char> format, int section)
    {
        if (section == 0)
        {
            return 0;
        }

        int source = 0;
        while (true)
        {
            if (source >= format.Length)
            {
                return 0;
            }

            char ch = format[source++];
            switch (ch)
            {
                case '\'':
                case '"':
                case '\\':
                    source = SkipLiteral(format, source, ch);
                    break;
                case ';':
                    if (--section != 0)
                    {
                        break;
                    }

                    if (source < format.Length && format[source] != '\0' && format[source] != ';')
                    {
                        return source;
                    }

                    return 0;
                case '\0':
                    return 0;
            }
        }
    }
}

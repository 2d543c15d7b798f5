namespace System;

/// <summary>
/// Enum.ToString and Enum.ToString(format) as .NET 10 writes them. "G" (also null or empty): the name of a defined
/// value; for a [Flags] enum, the names whose bits make up the value, highest value first in the search and written
/// lowest first, joined by ", "; otherwise the number. "F": the flags names whether or not the enum has [Flags].
/// "D": the number (signed when the underlying type is). "X": the raw bits in upper-case hex, two digits per byte
/// of the underlying type. Case is ignored; any other format throws FormatException. Pure code over the sorted
/// (unsigned) value table: tests/Xous.CoreLib.Tests runs it against the BCL's Enum.ToString.
/// </summary>
internal static class EnumFormatter
{
    /// <summary>The text of an enum value whose raw bits (zero-extended) are <paramref name="bits"/>.</summary>
    internal static string Format(EnumInfo info, ulong bits, string? format)
    {
        char specifier = 'G';
        if (!string.IsNullOrEmpty(format))
        {
            if (format.Length != 1)
            {
                throw new FormatException(SR.Format_InvalidEnumFormatSpecification);
            }

            specifier = format[0];
        }

        string? name;
        switch (specifier | 0x20)
        {
            case 'g':
                name = info.HasFlagsAttribute
                    ? FormatFlagNames(info.Names, info.Values, bits)
                    : GetName(info.Names, info.Values, bits);
                return name ?? FormatDecimal(info, bits);
            case 'd':
                return FormatDecimal(info, bits);
            case 'x':
                return FormatHex(info, bits);
            case 'f':
                return FormatFlagNames(info.Names, info.Values, bits) ?? FormatDecimal(info, bits);
            default:
                throw new FormatException(SR.Format_InvalidEnumFormatSpecification);
        }
    }

    private static string FormatDecimal(EnumInfo info, ulong bits)
    {
        if (!info.UnderlyingIsSigned)
        {
            return Number.UInt64ToDecString(bits);
        }

        long value = info.UnderlyingSize switch
        {
            1 => (sbyte)bits,
            2 => (short)bits,
            4 => (int)bits,
            _ => (long)bits,
        };
        return Number.Int64ToDecString(value);
    }

    private static string FormatHex(EnumInfo info, ulong bits)
    {
        const string HexDigits = "0123456789ABCDEF";
        Span<char> text = stackalloc char[16];
        int length = info.UnderlyingSize * 2;
        for (int i = length - 1; i >= 0; i--)
        {
            text[i] = HexDigits[(int)(bits & 0xF)];
            bits >>= 4;
        }

        return new string(text.Slice(0, length));
    }

    internal static string? GetName(string[] names, ulong[] values, ulong value)
    {
        // The first of equal values wins, as .NET's linear search over the sorted table does.
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] == value)
            {
                return names[i];
            }
        }

        return null;
    }

    internal static string? FormatFlagNames(string[] names, ulong[] values, ulong resultValue)
    {
        string? single = GetSingleFlagsEnumNameForValue(resultValue, names, values, out int index);
        if (single is not null)
        {
            return single;
        }

        // A value has at most 64 bits, and every found name switches at least one of them off.
        Span<int> foundItems = stackalloc int[64];
        int foundItemsCount = 0;
        int resultLength = 0;
        while ((uint)index < (uint)values.Length)
        {
            ulong currentValue = values[index];
            if (index == 0 && currentValue == 0)
            {
                break;
            }

            if ((resultValue & currentValue) == currentValue)
            {
                resultValue &= ~currentValue;
                foundItems[foundItemsCount++] = index;
                resultLength = checked(resultLength + names[index].Length);
                if (resultValue == 0)
                {
                    break;
                }
            }

            index--;
        }

        if (resultValue != 0)
        {
            return null;
        }

        const string Separator = ", ";
        int length = checked(resultLength + (Separator.Length * (foundItemsCount - 1)));
        Span<char> buffer = length <= 256 ? stackalloc char[256] : new char[length];
        Span<char> remaining = buffer;
        for (int i = foundItemsCount - 1; i != 0; i--)
        {
            string name = names[foundItems[i]];
            name.AsSpan().CopyTo(remaining);
            remaining = remaining.Slice(name.Length);
            Separator.AsSpan().CopyTo(remaining);
            remaining = remaining.Slice(Separator.Length);
        }

        names[foundItems[0]].AsSpan().CopyTo(remaining);
        return new string(buffer.Slice(0, length));
    }

    private static string? GetSingleFlagsEnumNameForValue(ulong resultValue, string[] names, ulong[] values, out int index)
    {
        // Values are sorted: a zero value has a name only if the first entry is zero; otherwise it is "0".
        if (resultValue == 0)
        {
            index = 0;
            return values.Length > 0 && values[0] == 0 ? names[0] : "0";
        }

        // Find the highest index whose value is <= the value.
        int i;
        for (i = values.Length - 1; (uint)i < (uint)values.Length; i--)
        {
            if (values[i] <= resultValue)
            {
                if (values[i] == resultValue)
                {
                    index = i;
                    return names[i];
                }

                break;
            }
        }

        index = i;
        return null;
    }
}

namespace System;

/// <summary>
/// Ordinal (code-unit by code-unit) comparison of UTF-16 text, with the exact results .NET returns.
/// Pure code on spans: tests/Xous.CoreLib.Tests compiles this file against .NET and compares it with the BCL.
/// </summary>
internal static class Ordinal
{
    /// <summary>True when both runs of code units are identical.</summary>
    internal static bool EqualsOrdinal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// string.CompareOrdinal(string, string) for two non-null strings: .NET compares code units in pairs and
    /// reads each string's NUL terminator, so the result is the difference of the first differing code unit among
    /// positions 0 .. m-1, where m is the shorter length rounded up to even (at least 1) and the position just past
    /// a string's end reads as '\0'; when they all agree, the difference of the lengths.
    /// </summary>
    internal static int CompareStrings(ReadOnlySpan<char> strA, ReadOnlySpan<char> strB)
    {
        int shorter = strA.Length < strB.Length ? strA.Length : strB.Length;
        int compared = shorter == 0 ? 1 : (shorter + 1) & ~1;
        for (int i = 0; i < compared; i++)
        {
            int a = i < strA.Length ? strA[i] : 0;
            int b = i < strB.Length ? strB[i] : 0;
            if (a != b)
            {
                return a - b;
            }
        }

        return strA.Length - strB.Length;
    }

    /// <summary>
    /// The ordinal comparison of two spans (.NET's SequenceCompareTo for char): the difference of the first
    /// differing code unit, else the difference of the lengths.
    /// </summary>
    internal static int CompareSpans(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int shorter = a.Length < b.Length ? a.Length : b.Length;
        for (int i = 0; i < shorter; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] - b[i];
            }
        }

        return a.Length - b.Length;
    }

    /// <summary>Index of the first occurrence of <paramref name="value"/> in <paramref name="source"/>, or -1; 0 for an empty value.</summary>
    internal static int IndexOf(ReadOnlySpan<char> source, ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        char first = value[0];
        int last = source.Length - value.Length;
        for (int i = 0; i <= last; i++)
        {
            if (source[i] == first && EqualsOrdinal(source.Slice(i, value.Length), value))
            {
                return i;
            }
        }

        return -1;
    }
}

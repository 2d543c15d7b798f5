using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A UTF-16 code unit. Only the classifications that need no Unicode table are here (ASCII tests, surrogates,
/// control characters, white space); IsLetter, IsDigit, ToUpper and the other table-driven ones are left out.
/// </summary>
public readonly struct Char : IComparable, IComparable<char>, IEquatable<char>, IDefaultSpanFormattable
{
    public const char MaxValue = (char)0xFFFF;
    public const char MinValue = (char)0x00;

    private readonly char _value;

    public override int GetHashCode() => _value | (_value << 16);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is char other && _value == other;

    public bool Equals(char obj) => _value == obj;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is not char other)
        {
            throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "Char"));
        }

        return _value - other;
    }

    /// <summary>The difference of the two code units, as in .NET.</summary>
    public int CompareTo(char value) => _value - value;

    public override string ToString() => ToString(_value);

    public static string ToString(char c) => new string(c, 1);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) => TryWrite(destination, out charsWritten);

    /// <summary>As .NET's ISpanFormattable.TryFormat on a char: the format is ignored.</summary>
    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        TryWrite(destination, out charsWritten);

    private bool TryWrite(Span<char> destination, out int charsWritten)
    {
        if (destination.Length == 0)
        {
            charsWritten = 0;
            return false;
        }

        destination[0] = _value;
        charsWritten = 1;
        return true;
    }

    public static char Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        if (s.Length != 1)
        {
            ThrowHelper.ThrowFormatException(SR.Format_NeedSingleChar);
        }

        return s[0];
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out char result)
    {
        result = '\0';
        if (s == null || s.Length != 1)
        {
            return false;
        }

        result = s[0];
        return true;
    }

    public static bool IsAscii(char c) => (uint)c <= '\x007f';

    public static bool IsBetween(char c, char minInclusive, char maxInclusive) =>
        (uint)(c - minInclusive) <= (uint)(maxInclusive - minInclusive);

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAsciiLetterLower(char c) => IsBetween(c, 'a', 'z');

    public static bool IsAsciiLetterUpper(char c) => IsBetween(c, 'A', 'Z');

    public static bool IsAsciiDigit(char c) => IsBetween(c, '0', '9');

    public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) | IsBetween(c, '0', '9');

    public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || IsBetween((char)(c | 0x20), 'a', 'f');

    public static bool IsAsciiHexDigitUpper(char c) => IsAsciiDigit(c) || IsBetween(c, 'A', 'F');

    public static bool IsAsciiHexDigitLower(char c) => IsAsciiDigit(c) || IsBetween(c, 'a', 'f');

    /// <summary>True for the Unicode control characters U+0000-U+001F and U+007F-U+009F.</summary>
    public static bool IsControl(char c) => (((uint)c + 1) & ~0x80u) <= 0x20u;

    public static bool IsControl(string s, int index) => IsControl(CharAt(s, index));

    public static bool IsWhiteSpace(char c) => UnicodeWhiteSpace.IsWhiteSpace(c);

    public static bool IsWhiteSpace(string s, int index) => IsWhiteSpace(CharAt(s, index));

    public static bool IsHighSurrogate(char c) => IsBetween(c, '\uD800', '\uDBFF');

    public static bool IsHighSurrogate(string s, int index) => IsHighSurrogate(CharAt(s, index));

    public static bool IsLowSurrogate(char c) => IsBetween(c, '\uDC00', '\uDFFF');

    public static bool IsLowSurrogate(string s, int index) => IsLowSurrogate(CharAt(s, index));

    public static bool IsSurrogate(char c) => IsBetween(c, '\uD800', '\uDFFF');

    public static bool IsSurrogate(string s, int index) => IsSurrogate(CharAt(s, index));

    public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate) =>
        IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate);

    public static bool IsSurrogatePair(string s, int index)
    {
        ArgumentNullException.ThrowIfNull(s);
        if ((uint)index >= (uint)s.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return index + 1 < s.Length && IsSurrogatePair(s[index], s[index + 1]);
    }

    public static int ConvertToUtf32(char highSurrogate, char lowSurrogate)
    {
        if (!IsHighSurrogate(highSurrogate))
        {
            throw new ArgumentOutOfRangeException(nameof(highSurrogate), SR.ArgumentOutOfRange_InvalidHighSurrogate);
        }

        if (!IsLowSurrogate(lowSurrogate))
        {
            throw new ArgumentOutOfRangeException(nameof(lowSurrogate), SR.ArgumentOutOfRange_InvalidLowSurrogate);
        }

        return ((highSurrogate - 0xD800) << 10) + (lowSurrogate - 0xDC00) + 0x10000;
    }

    public static string ConvertFromUtf32(int utf32)
    {
        if ((uint)utf32 > 0x10FFFF || IsBetween((char)utf32, '\uD800', '\uDFFF') && utf32 <= 0xFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(utf32), SR.ArgumentOutOfRange_InvalidUTF32);
        }

        if (utf32 < 0x10000)
        {
            return ToString((char)utf32);
        }

        Span<char> pair = stackalloc char[2];
        pair[0] = (char)(((utf32 - 0x10000) >> 10) + 0xD800);
        pair[1] = (char)(((utf32 - 0x10000) & 0x3FF) + 0xDC00);
        return new string(pair);
    }

    private static char CharAt(string s, int index)
    {
        ArgumentNullException.ThrowIfNull(s);
        if ((uint)index >= (uint)s.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return s[index];
    }
}

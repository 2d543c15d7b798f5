using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A 32-bit signed integer. Formats with ToString() and ToString(format) (every standard and custom
/// numeric format, invariant culture); providers and NumberStyles are left out (docs/device-profile.md).
/// </summary>
public readonly struct Int32 : IComparable, IComparable<int>, IEquatable<int>, IDefaultSpanFormattable
{
    public const int MaxValue = 0x7fffffff;
    public const int MinValue = unchecked((int)0x80000000);

    private readonly int _value;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is int other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "Int32"));
    }

    public int CompareTo(int value)
    {
        if (_value < value)
        {
            return -1;
        }

        if (_value > value)
        {
            return 1;
        }

        return 0;
    }

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is int other && _value == other;

    public bool Equals(int obj) => _value == obj;

    public override int GetHashCode() => _value;

    /// <summary>The decimal form, with '-' when negative.</summary>
    public override string ToString() => Number.Int64ToDecString(_value);

    /// <summary>The value formatted by a standard or custom numeric format string, with the invariant culture.</summary>
    public string ToString(string? format) => Number.FormatSigned(_value, format, sizeof(int));

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) => Number.TryFormatInt64(_value, destination, out charsWritten);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        Number.TryFormatSigned(_value, format, sizeof(int), destination, out charsWritten);

    public static int Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        Number.ParsingStatus status = TryParseCore(s, out int result);
        if (status != Number.ParsingStatus.OK)
        {
            ParseErrors.Throw(status, s, SR.Overflow_Int32);
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out int result)
    {
        if (s == null)
        {
            result = 0;
            return false;
        }

        return TryParseCore(s, out result) == Number.ParsingStatus.OK;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParseCore(s, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParseCore(ReadOnlySpan<char> s, out int result)
    {
        Number.ParsingStatus status = Number.TryParseSigned(s, MinValue, MaxValue, out long value);
        result = (int)value;
        return status;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A 64-bit signed integer. Formats with ToString() and ToString(format) (every standard and custom
/// numeric format, invariant culture); providers and NumberStyles are left out (docs/device-profile.md).
/// </summary>
public readonly struct Int64 : IComparable, IComparable<long>, IEquatable<long>, IDefaultSpanFormattable
{
    public const long MaxValue = 0x7fffffffffffffffL;
    public const long MinValue = unchecked((long)0x8000000000000000L);

    private readonly long _value;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is long other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "Int64"));
    }

    public int CompareTo(long value)
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

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is long other && _value == other;

    public bool Equals(long obj) => _value == obj;

    public override int GetHashCode() => (int)_value ^ (int)(_value >> 32);

    /// <summary>The decimal form, with '-' when negative.</summary>
    public override string ToString() => Number.Int64ToDecString(_value);

    /// <summary>The value formatted by a standard or custom numeric format string, with the invariant culture.</summary>
    public string ToString(string? format) => Number.FormatSigned(_value, format, sizeof(long));

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) => Number.TryFormatInt64(_value, destination, out charsWritten);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        Number.TryFormatSigned(_value, format, sizeof(long), destination, out charsWritten);

    public static long Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        Number.ParsingStatus status = TryParseCore(s, out long result);
        if (status != Number.ParsingStatus.OK)
        {
            ParseErrors.Throw(status, s, SR.Overflow_Int64);
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out long result)
    {
        if (s == null)
        {
            result = 0;
            return false;
        }

        return TryParseCore(s, out result) == Number.ParsingStatus.OK;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out long result) => TryParseCore(s, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParseCore(ReadOnlySpan<char> s, out long result)
    {
        Number.ParsingStatus status = Number.TryParseSigned(s, MinValue, MaxValue, out long value);
        result = (long)value;
        return status;
    }
}

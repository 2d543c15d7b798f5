using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A 64-bit unsigned integer. Formats with ToString() and ToString(format) (every standard and custom
/// numeric format, invariant culture); providers and NumberStyles are left out (docs/device-profile.md).
/// </summary>
public readonly struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>, IDefaultSpanFormattable
{
    public const ulong MaxValue = 0xffffffffffffffffUL;
    public const ulong MinValue = 0UL;

    private readonly ulong _value;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is ulong other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "UInt64"));
    }

    public int CompareTo(ulong value)
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

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ulong other && _value == other;

    public bool Equals(ulong obj) => _value == obj;

    public override int GetHashCode() => (int)_value ^ (int)(_value >> 32);

    /// <summary>The decimal form, with '-' when negative.</summary>
    public override string ToString() => Number.UInt64ToDecString(_value);

    /// <summary>The value formatted by a standard or custom numeric format string, with the invariant culture.</summary>
    public string ToString(string? format) => Number.FormatUnsigned(_value, format);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) => Number.TryFormatUInt64(_value, destination, out charsWritten);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        Number.TryFormatUnsigned(_value, format, destination, out charsWritten);

    public static ulong Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        Number.ParsingStatus status = TryParseCore(s, out ulong result);
        if (status != Number.ParsingStatus.OK)
        {
            ParseErrors.Throw(status, s, SR.Overflow_UInt64);
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out ulong result)
    {
        if (s == null)
        {
            result = 0;
            return false;
        }

        return TryParseCore(s, out result) == Number.ParsingStatus.OK;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out ulong result) => TryParseCore(s, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParseCore(ReadOnlySpan<char> s, out ulong result)
    {
        Number.ParsingStatus status = Number.TryParseUnsigned(s, MaxValue, out ulong value);
        result = (ulong)value;
        return status;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A 32-bit unsigned integer. Formats with ToString() and ToString(format) (every standard and custom
/// numeric format, invariant culture); providers and NumberStyles are left out (docs/device-profile.md).
/// </summary>
public readonly struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>, IDefaultSpanFormattable
{
    public const uint MaxValue = 0xffffffffU;
    public const uint MinValue = 0U;

    private readonly uint _value;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is uint other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "UInt32"));
    }

    public int CompareTo(uint value)
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

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is uint other && _value == other;

    public bool Equals(uint obj) => _value == obj;

    public override int GetHashCode() => (int)_value;

    /// <summary>The decimal form, with '-' when negative.</summary>
    public override string ToString() => Number.UInt64ToDecString(_value);

    /// <summary>The value formatted by a standard or custom numeric format string, with the invariant culture.</summary>
    public string ToString(string? format) => Number.FormatUnsigned(_value, format);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) => Number.TryFormatUInt64(_value, destination, out charsWritten);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        Number.TryFormatUnsigned(_value, format, destination, out charsWritten);

    public static uint Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        Number.ParsingStatus status = TryParseCore(s, out uint result);
        if (status != Number.ParsingStatus.OK)
        {
            ParseErrors.Throw(status, s, SR.Overflow_UInt32);
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out uint result)
    {
        if (s == null)
        {
            result = 0;
            return false;
        }

        return TryParseCore(s, out result) == Number.ParsingStatus.OK;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out uint result) => TryParseCore(s, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParseCore(ReadOnlySpan<char> s, out uint result)
    {
        Number.ParsingStatus status = Number.TryParseUnsigned(s, MaxValue, out ulong value);
        result = (uint)value;
        return status;
    }
}

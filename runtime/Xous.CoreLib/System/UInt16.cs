using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A 16-bit unsigned integer. Formats with ToString() and ToString(format) (every standard and custom
/// numeric format, invariant culture); providers and NumberStyles are left out (docs/device-profile.md).
/// </summary>
public readonly struct UInt16 : IComparable, IComparable<ushort>, IEquatable<ushort>, IDefaultSpanFormattable
{
    public const ushort MaxValue = 65535;
    public const ushort MinValue = 0;

    private readonly ushort _value;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is ushort other)
        {
            return _value - other;
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "UInt16"));
    }

    /// <summary>The difference of the two values (as .NET returns for types narrower than int).</summary>
    public int CompareTo(ushort value) => _value - value;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ushort other && _value == other;

    public bool Equals(ushort obj) => _value == obj;

    public override int GetHashCode() => _value;

    /// <summary>The decimal form, with '-' when negative.</summary>
    public override string ToString() => Number.UInt64ToDecString(_value);

    /// <summary>The value formatted by a standard or custom numeric format string, with the invariant culture.</summary>
    public string ToString(string? format) => Number.FormatUnsigned(_value, format);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) => Number.TryFormatUInt64(_value, destination, out charsWritten);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        Number.TryFormatUnsigned(_value, format, destination, out charsWritten);

    public static ushort Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        Number.ParsingStatus status = TryParseCore(s, out ushort result);
        if (status != Number.ParsingStatus.OK)
        {
            ParseErrors.Throw(status, s, SR.Overflow_UInt16);
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out ushort result)
    {
        if (s == null)
        {
            result = 0;
            return false;
        }

        return TryParseCore(s, out result) == Number.ParsingStatus.OK;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out ushort result) => TryParseCore(s, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParseCore(ReadOnlySpan<char> s, out ushort result)
    {
        Number.ParsingStatus status = Number.TryParseUnsigned(s, MaxValue, out ulong value);
        result = (ushort)value;
        return status;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A signed byte. Formats with ToString() and ToString(format) (every standard and custom
/// numeric format, invariant culture); providers and NumberStyles are left out (docs/device-profile.md).
/// </summary>
public readonly struct SByte : IComparable, IComparable<sbyte>, IEquatable<sbyte>, IDefaultSpanFormattable
{
    public const sbyte MaxValue = 127;
    public const sbyte MinValue = -128;

    private readonly sbyte _value;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is sbyte other)
        {
            return _value - other;
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "SByte"));
    }

    /// <summary>The difference of the two values (as .NET returns for types narrower than int).</summary>
    public int CompareTo(sbyte value) => _value - value;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is sbyte other && _value == other;

    public bool Equals(sbyte obj) => _value == obj;

    public override int GetHashCode() => _value;

    /// <summary>The decimal form, with '-' when negative.</summary>
    public override string ToString() => Number.Int64ToDecString(_value);

    /// <summary>The value formatted by a standard or custom numeric format string, with the invariant culture.</summary>
    public string ToString(string? format) => Number.FormatSigned(_value, format, sizeof(sbyte));

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) => Number.TryFormatInt64(_value, destination, out charsWritten);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        Number.TryFormatSigned(_value, format, sizeof(sbyte), destination, out charsWritten);

    public static sbyte Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        Number.ParsingStatus status = TryParseCore(s, out sbyte result);
        if (status != Number.ParsingStatus.OK)
        {
            ParseErrors.Throw(status, s, SR.Overflow_SByte);
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out sbyte result)
    {
        if (s == null)
        {
            result = 0;
            return false;
        }

        return TryParseCore(s, out result) == Number.ParsingStatus.OK;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out sbyte result) => TryParseCore(s, out result) == Number.ParsingStatus.OK;

    private static Number.ParsingStatus TryParseCore(ReadOnlySpan<char> s, out sbyte result)
    {
        Number.ParsingStatus status = Number.TryParseSigned(s, MinValue, MaxValue, out long value);
        result = (sbyte)value;
        return status;
    }
}

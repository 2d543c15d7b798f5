using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A pointer-sized signed integer (nint): 32 bits on the device. Formats with ToString() and
/// ToString(format) as .NET does on a target of the same bitness (X of -1 is 8 digits on the device).
/// </summary>
public readonly unsafe struct IntPtr : IComparable, IComparable<nint>, IEquatable<nint>, IDefaultSpanFormattable
{
    public static readonly nint Zero;

    private readonly void* _value;

    public IntPtr(int value)
    {
        _value = (void*)value;
    }

    public IntPtr(long value)
    {
        _value = sizeof(nint) == sizeof(int) ? (void*)checked((int)value) : (void*)value;
    }

    public IntPtr(void* value)
    {
        _value = value;
    }

    /// <summary>The smallest value: int.MinValue on a 32-bit target, long.MinValue on a 64-bit one.</summary>
    public static nint MinValue => sizeof(nint) == sizeof(int) ? int.MinValue : unchecked((nint)long.MinValue);

    /// <summary>The largest value: int.MaxValue on a 32-bit target, long.MaxValue on a 64-bit one.</summary>
    public static nint MaxValue => sizeof(nint) == sizeof(int) ? int.MaxValue : unchecked((nint)long.MaxValue);

    public int ToInt32() => checked((int)(nint)_value);

    public long ToInt64() => (nint)_value;

    public override int GetHashCode()
    {
        long value = (nint)_value;
        return sizeof(nint) == sizeof(int) ? (int)value : unchecked((int)value ^ (int)(value >> 32));
    }

    public override string ToString() => Number.Int64ToDecString((nint)_value);

    /// <summary>The value formatted by a standard or custom numeric format string, with the invariant culture.</summary>
    public string ToString(string? format) => Number.FormatSigned((nint)_value, format, sizeof(nint));

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) =>
        Number.TryFormatInt64((nint)_value, destination, out charsWritten);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        Number.TryFormatSigned((nint)_value, format, sizeof(nint), destination, out charsWritten);

    public static nint Add(nint pointer, int offset) => pointer + offset;

    public static nint Subtract(nint pointer, int offset) => pointer - offset;

    private static Number.ParsingStatus TryParseCore(ReadOnlySpan<char> s, out nint result)
    {
        Number.ParsingStatus status = Number.TryParseSigned(s, MinValue, MaxValue, out long value);
        result = (nint)value;
        return status;
    }

    public static int Size => sizeof(nint);

    public void* ToPointer() => _value;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is nint other && (nint)_value == other;

    public bool Equals(nint other) => (nint)_value == other;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is nint other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "IntPtr"));
    }

    public int CompareTo(nint value)
    {
        nint self = (nint)_value;
        if (self < value)
        {
            return -1;
        }

        if (self > value)
        {
            return 1;
        }

        return 0;
    }

    public static nint Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        Number.ParsingStatus status = TryParseCore(s, out nint result);
        if (status != Number.ParsingStatus.OK)
        {
            ParseErrors.Throw(status, s, SR.Overflow_IntPtr);
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out nint result)
    {
        if (s == null)
        {
            result = 0;
            return false;
        }

        return TryParseCore(s, out result) == Number.ParsingStatus.OK;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out nint result) => TryParseCore(s, out result) == Number.ParsingStatus.OK;
}

using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>
/// A pointer-sized unsigned integer (nuint): 32 bits on the device. Formats with ToString() and
/// ToString(format) as .NET does on a target of the same bitness (X of -1 is 8 digits on the device).
/// </summary>
public readonly unsafe struct UIntPtr : IComparable, IComparable<nuint>, IEquatable<nuint>, IDefaultSpanFormattable
{
    public static readonly nuint Zero;

    private readonly void* _value;

    public UIntPtr(uint value)
    {
        _value = (void*)value;
    }

    public UIntPtr(ulong value)
    {
        _value = sizeof(nuint) == sizeof(uint) ? (void*)checked((uint)value) : (void*)value;
    }

    public UIntPtr(void* value)
    {
        _value = value;
    }

    public static nuint MinValue => 0;

    /// <summary>The largest value: uint.MaxValue on a 32-bit target, ulong.MaxValue on a 64-bit one.</summary>
    public static nuint MaxValue => sizeof(nuint) == sizeof(uint) ? uint.MaxValue : unchecked((nuint)ulong.MaxValue);

    public uint ToUInt32() => checked((uint)(nuint)_value);

    public ulong ToUInt64() => (nuint)_value;

    public override int GetHashCode()
    {
        ulong value = (nuint)_value;
        return sizeof(nuint) == sizeof(uint) ? (int)value : unchecked((int)value ^ (int)(value >> 32));
    }

    public override string ToString() => Number.UInt64ToDecString((nuint)_value);

    /// <summary>The value formatted by a standard or custom numeric format string, with the invariant culture.</summary>
    public string ToString(string? format) => Number.FormatUnsigned((nuint)_value, format);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten) =>
        Number.TryFormatUInt64((nuint)_value, destination, out charsWritten);

    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        Number.TryFormatUnsigned((nuint)_value, format, destination, out charsWritten);

    public static nuint Add(nuint pointer, int offset) => (nuint)((nint)pointer + offset);

    public static nuint Subtract(nuint pointer, int offset) => (nuint)((nint)pointer - offset);

    private static Number.ParsingStatus TryParseCore(ReadOnlySpan<char> s, out nuint result)
    {
        Number.ParsingStatus status = Number.TryParseUnsigned(s, MaxValue, out ulong value);
        result = (nuint)value;
        return status;
    }

    public static int Size => sizeof(nuint);

    public void* ToPointer() => _value;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is nuint other && (nuint)_value == other;

    public bool Equals(nuint other) => (nuint)_value == other;

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is nuint other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "UIntPtr"));
    }

    public int CompareTo(nuint value)
    {
        nuint self = (nuint)_value;
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

    public static nuint Parse(string s)
    {
        if (s == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(s));
        }

        Number.ParsingStatus status = TryParseCore(s, out nuint result);
        if (status != Number.ParsingStatus.OK)
        {
            ParseErrors.Throw(status, s, SR.Overflow_UIntPtr);
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out nuint result)
    {
        if (s == null)
        {
            result = 0;
            return false;
        }

        return TryParseCore(s, out result) == Number.ParsingStatus.OK;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out nuint result) => TryParseCore(s, out result) == Number.ParsingStatus.OK;
}

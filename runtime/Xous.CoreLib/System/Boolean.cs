using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>true or false. Parse is left out (it trims with Unicode white space and compares ignoring case).</summary>
public readonly struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>, IDefaultSpanFormattable
{
    public static readonly string TrueString = "True";
    public static readonly string FalseString = "False";

    private readonly bool _value;

    public override int GetHashCode() => _value ? 1 : 0;

    public override string ToString() => _value ? "True" : "False";

    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        string text = _value ? "True" : "False";
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>bool is not IFormattable in .NET: a format is ignored and the text is ToString()'s.</summary>
    bool IDefaultSpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        TryFormat(destination, out charsWritten);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is bool other && _value == other;

    public bool Equals(bool obj) => _value == obj;

    public int CompareTo(object? obj)
    {
        if (obj == null)
        {
            return 1;
        }

        if (obj is not bool other)
        {
            throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "Boolean"));
        }

        return CompareTo(other);
    }

    public int CompareTo(bool value)
    {
        if (_value == value)
        {
            return 0;
        }

        return _value ? 1 : -1;
    }
}

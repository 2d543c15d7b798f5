using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// An IEEE 754 binary64 number. Comparison, equality, hashing and classification only: formatting and parsing
/// are left out. ToString() throws NotSupportedException (it cannot be removed from an override of
/// object.ToString), so a double in an interpolated string fails at run time; docs/device-profile.md.
/// </summary>
public readonly struct Double : IComparable, IComparable<double>, IEquatable<double>
{
    public const double MinValue = -1.7976931348623157E+308;

    public const double MaxValue = 1.7976931348623157E+308;

    public const double Epsilon = 4.9406564584124654E-324;

    public const double PositiveInfinity = (double)1.0 / (double)0.0;

    public const double NegativeInfinity = (double)-1.0 / (double)0.0;

    public const double NaN = (double)0.0 / (double)0.0;

    public const double NegativeZero = -0.0;

    public const double E = 2.7182818284590452354;

    public const double Pi = 3.14159265358979323846;

    public const double Tau = 6.283185307179586476925;

    private readonly double _value;

    private static long ToBits(double value) => Unsafe.As<double, long>(ref value);

    public static bool IsNaN(double f) => (ToBits(f) & ~((long)1 << 63)) > 0x7FF0000000000000L;

    public static bool IsFinite(double f) => (ToBits(f) & 0x7FF0000000000000L) != 0x7FF0000000000000L;

    public static bool IsInfinity(double f) => (ToBits(f) & ~((long)1 << 63)) == 0x7FF0000000000000L;

    public static bool IsPositiveInfinity(double f) => f == PositiveInfinity;

    public static bool IsNegativeInfinity(double f) => f == NegativeInfinity;

    public static bool IsNegative(double f) => ToBits(f) < 0;

    public static bool IsNormal(double f)
    {
        long exponent = ToBits(f) & 0x7FF0000000000000L;
        return exponent != 0 && exponent != 0x7FF0000000000000L;
    }

    public static bool IsSubnormal(double f)
    {
        long bits = ToBits(f);
        return (bits & 0x7FF0000000000000L) == 0 && (bits & 0x000FFFFFFFFFFFFFL) != 0;
    }

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is double other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "Double"));
    }

    /// <summary>Orders NaN before every other value and equal to itself, as .NET does.</summary>
    public int CompareTo(double value)
    {
        if (_value < value)
        {
            return -1;
        }

        if (_value > value)
        {
            return 1;
        }

        if (_value == value)
        {
            return 0;
        }

        if (IsNaN(_value))
        {
            return IsNaN(value) ? 0 : -1;
        }

        return 1;
    }

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is double other && Equals(other);

    /// <summary>Equal values, or both NaN (so NaN equals NaN and 0.0 equals -0.0), as in .NET.</summary>
    public bool Equals(double obj) => _value == obj || (IsNaN(obj) && IsNaN(_value));

    /// <summary>The bits, with every NaN and both zeros mapped to one value each, as in .NET.</summary>
    public override int GetHashCode()
    {
        long bits = ToBits(_value);
        if (IsNaN(_value) || _value == 0)
        {
            bits &= 0x7FF0000000000000L;
        }

        return unchecked((int)bits ^ (int)(bits >> 32));
    }

    /// <summary>Not supported on the device: formatting floating-point numbers is left out.</summary>
    public override string ToString() => throw new NotSupportedException("Formatting floating-point numbers is not supported on the device.");
}

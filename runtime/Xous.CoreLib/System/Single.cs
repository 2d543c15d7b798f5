using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// An IEEE 754 binary32 number. Comparison, equality, hashing and classification only: formatting and parsing
/// are left out. ToString() throws NotSupportedException (it cannot be removed from an override of
/// object.ToString), so a float in an interpolated string fails at run time; docs/device-profile.md.
/// </summary>
public readonly struct Single : IComparable, IComparable<float>, IEquatable<float>
{
    public const float MinValue = (float)-3.40282346638528859e+38;

    public const float MaxValue = (float)3.40282346638528859e+38;

    public const float Epsilon = (float)1.4e-45;

    public const float PositiveInfinity = (float)1.0 / (float)0.0;

    public const float NegativeInfinity = (float)-1.0 / (float)0.0;

    public const float NaN = (float)0.0 / (float)0.0;

    public const float NegativeZero = -0.0f;

    public const float E = 2.71828183f;

    public const float Pi = 3.14159265f;

    public const float Tau = 6.28318531f;

    private readonly float _value;

    private static int ToBits(float value) => Unsafe.As<float, int>(ref value);

    public static bool IsNaN(float f) => (ToBits(f) & ~((int)1 << 31)) > 0x7F800000;

    public static bool IsFinite(float f) => (ToBits(f) & 0x7F800000) != 0x7F800000;

    public static bool IsInfinity(float f) => (ToBits(f) & ~((int)1 << 31)) == 0x7F800000;

    public static bool IsPositiveInfinity(float f) => f == PositiveInfinity;

    public static bool IsNegativeInfinity(float f) => f == NegativeInfinity;

    public static bool IsNegative(float f) => ToBits(f) < 0;

    public static bool IsNormal(float f)
    {
        int exponent = ToBits(f) & 0x7F800000;
        return exponent != 0 && exponent != 0x7F800000;
    }

    public static bool IsSubnormal(float f)
    {
        int bits = ToBits(f);
        return (bits & 0x7F800000) == 0 && (bits & 0x007FFFFF) != 0;
    }

    public int CompareTo(object? value)
    {
        if (value == null)
        {
            return 1;
        }

        if (value is float other)
        {
            return CompareTo(other);
        }

        throw new ArgumentException(SR.Format(SR.Arg_MustBeType, "Single"));
    }

    /// <summary>Orders NaN before every other value and equal to itself, as .NET does.</summary>
    public int CompareTo(float value)
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

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is float other && Equals(other);

    /// <summary>Equal values, or both NaN (so NaN equals NaN and 0.0 equals -0.0), as in .NET.</summary>
    public bool Equals(float obj) => _value == obj || (IsNaN(obj) && IsNaN(_value));

    /// <summary>The bits, with every NaN and both zeros mapped to one value each, as in .NET.</summary>
    public override int GetHashCode()
    {
        int bits = ToBits(_value);
        if (IsNaN(_value) || _value == 0)
        {
            bits &= 0x7F800000;
        }

        return bits;
    }

    /// <summary>Not supported on the device: formatting floating-point numbers is left out.</summary>
    public override string ToString() => throw new NotSupportedException("Formatting floating-point numbers is not supported on the device.");
}

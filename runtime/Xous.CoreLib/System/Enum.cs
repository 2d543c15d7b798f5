using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// The base class of enums. Names come from a table tools/ilcompiler builds per enum type
/// (<c>DeviceRuntime.GetEnumInfo</c>, docs/device-profile.md); the value is read from the boxed enum's raw data.
/// Parsing and GetNames/GetValues are left out (they need reflection or the Type system).
/// </summary>
public abstract class Enum : ValueType, IComparable
{
    protected Enum()
    {
    }

    /// <summary>The raw bits of the value, zero-extended.</summary>
    private ulong GetRawBits(EnumInfo info)
    {
        ref byte data = ref Unsafe.As<RawData>(this).Data;
        return info.UnderlyingSize switch
        {
            1 => data,
            2 => Unsafe.ReadUnaligned<ushort>(ref data),
            4 => Unsafe.ReadUnaligned<uint>(ref data),
            _ => Unsafe.ReadUnaligned<ulong>(ref data),
        };
    }

    /// <summary>The value as a signed 64-bit number when the underlying type is signed (sign-extended).</summary>
    private static long SignExtend(ulong bits, EnumInfo info) => info.UnderlyingSize switch
    {
        1 => (sbyte)bits,
        2 => (short)bits,
        4 => (int)bits,
        _ => (long)bits,
    };

    public override bool Equals(object? obj)
    {
        if (ReferenceEquals(this, obj))
        {
            return true;
        }

        if (obj is null || !DeviceRuntime.HaveSameType(this, obj))
        {
            return false;
        }

        EnumInfo info = DeviceRuntime.GetEnumInfo(this);
        return GetRawBits(info) == ((Enum)obj).GetRawBits(info);
    }

    /// <summary>The hash code of the underlying integer value, as in .NET.</summary>
    public override int GetHashCode()
    {
        EnumInfo info = DeviceRuntime.GetEnumInfo(this);
        ulong bits = GetRawBits(info);
        if (info.UnderlyingSize == 8)
        {
            return (int)bits ^ (int)(bits >> 32);
        }

        return info.UnderlyingIsSigned ? (int)SignExtend(bits, info) : (int)bits;
    }

    public int CompareTo(object? target)
    {
        if (ReferenceEquals(this, target))
        {
            return 0;
        }

        if (target == null)
        {
            return 1;
        }

        if (!DeviceRuntime.HaveSameType(this, target))
        {
            throw new ArgumentException(SR.Format(
                SR.Arg_EnumAndObjectMustBeSameType, DeviceRuntime.GetTypeName(target), DeviceRuntime.GetTypeName(this)));
        }

        EnumInfo info = DeviceRuntime.GetEnumInfo(this);
        ulong left = GetRawBits(info);
        ulong right = ((Enum)target).GetRawBits(info);
        if (info.UnderlyingIsSigned)
        {
            long l = SignExtend(left, info);
            long r = SignExtend(right, info);
            return l < r ? -1 : l > r ? 1 : 0;
        }

        return left < right ? -1 : left > right ? 1 : 0;
    }

    public bool HasFlag(Enum flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (!DeviceRuntime.HaveSameType(this, flag))
        {
            throw new ArgumentException(SR.Format(
                SR.Argument_EnumTypeDoesNotMatch, DeviceRuntime.GetTypeName(flag), DeviceRuntime.GetTypeName(this)));
        }

        EnumInfo info = DeviceRuntime.GetEnumInfo(this);
        ulong flagBits = flag.GetRawBits(info);
        return (GetRawBits(info) & flagBits) == flagBits;
    }

    /// <summary>The name of the value, the [Flags] combination of names, or else the number (as .NET writes them).</summary>
    public override string ToString()
    {
        EnumInfo info = DeviceRuntime.GetEnumInfo(this);
        return EnumFormatter.Format(info, GetRawBits(info), null);
    }

    /// <summary>
    /// .NET's enum formats: "G" (or null/empty) as ToString(), "F" the flag names even without [Flags], "D" the
    /// number, "X" the raw bits in upper-case hex (two digits per byte of the underlying type); case is ignored.
    /// Any other format throws FormatException.
    /// </summary>
    public string ToString(string? format)
    {
        EnumInfo info = DeviceRuntime.GetEnumInfo(this);
        return EnumFormatter.Format(info, GetRawBits(info), format);
    }
}

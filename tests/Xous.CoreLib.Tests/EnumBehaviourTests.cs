using System.Reflection;
using EnumFormatter = System.EnumFormatter;
using EnumInfo = System.EnumInfo;

namespace Xous.CoreLib.Tests;

/// <summary>The corlib's enum names and enum formats (System/EnumFormatter.cs, compiled here) agree with Enum.ToString.</summary>
public sealed class EnumBehaviourTests
{
    [Flags]
    private enum Access : byte
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
        Execute = 4,
        All = 7,
    }

    [Flags]
    private enum NoZero
    {
        A = 1,
        B = 2,
        C = 8,
    }

    [Flags]
    private enum Wide : long
    {
        Low = 1,
        High = long.MinValue,
    }

    private enum Plain : short
    {
        Minus = -1,
        Zero = 0,
        One = 1,
        Alias = 1,
        Big = 300,
    }

    public static IEnumerable<object[]> Cases()
    {
        foreach (Type type in new[] { typeof(Access), typeof(NoZero), typeof(Wide), typeof(Plain), typeof(AttributeTargets), typeof(DayOfWeek), typeof(FileAttributes), typeof(ConsoleModifiers) })
        {
            foreach (long raw in new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 300, -1, 0x7FFF, 1L << 40, long.MinValue, long.MinValue + 1, 0x4000, 0x7FFF_FFFF })
            {
                yield return [type, raw];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_values_as_Enum_ToString_does(Type enumType, long raw)
    {
        object value = Enum.ToObject(enumType, raw);
        string expected = value.ToString()!;

        (string[] names, ulong[] values) = Table(enumType);
        ulong bits = ToBits(value);
        string? name = enumType.IsDefined(typeof(FlagsAttribute), inherit: false)
            ? EnumFormatter.FormatFlagNames(names, values, bits)
            : EnumFormatter.GetName(names, values, bits);
        string ours = name ?? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Type.GetTypeCode(Enum.GetUnderlyingType(enumType)) is TypeCode.UInt64 && name is null)
        {
            ours = bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(expected, ours);
    }

    public static IEnumerable<object?[]> FormatCases()
    {
        string?[] formats = [null, "", "G", "g", "D", "d", "X", "x", "F", "f", "Q", "N", "GG", "X2", " ", "\0", "Gx"];
        foreach (object[] c in Cases())
        {
            foreach (string? format in formats)
            {
                yield return [c[0], c[1], format];
            }
        }
    }

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Formats_values_as_Enum_ToString_format_does(Type enumType, long raw, string? format)
    {
        var value = (Enum)Enum.ToObject(enumType, raw);
        string expected = Outcome(() => value.ToString(format));

        (string[] names, ulong[] values) = Table(enumType);
        Type underlying = Enum.GetUnderlyingType(enumType);
        var info = new EnumInfo(
            names,
            values,
            enumType.IsDefined(typeof(FlagsAttribute), inherit: false),
            System.Runtime.InteropServices.Marshal.SizeOf(underlying),
            Type.GetTypeCode(underlying) is TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64);
        string ours = Outcome(() => EnumFormatter.Format(info, ToBits(value), format));

        Assert.Equal(expected, ours);
    }

    private static string Outcome(Func<string> format)
    {
        try
        {
            return format();
        }
        catch (FormatException exception)
        {
            return "FormatException: " + exception.Message;
        }
    }

    /// <summary>The table tools/ilcompiler emits: declaration order, stably sorted by the unsigned raw bits.</summary>
    private static (string[] Names, ulong[] Values) Table(Type enumType)
    {
        var fields = enumType.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.MetadataToken).ToArray();
        var entries = fields.Select(f => (Name: f.Name, Bits: ToBits(f.GetValue(null)!))).OrderBy(e => e.Bits).ToArray();
        return (entries.Select(e => e.Name).ToArray(), entries.Select(e => e.Bits).ToArray());
    }

    private static ulong ToBits(object value) => Type.GetTypeCode(Enum.GetUnderlyingType(value.GetType())) switch
    {
        TypeCode.SByte => (byte)Convert.ToSByte(value, null),
        TypeCode.Byte => Convert.ToByte(value, null),
        TypeCode.Int16 => (ushort)Convert.ToInt16(value, null),
        TypeCode.UInt16 => Convert.ToUInt16(value, null),
        TypeCode.Int32 => (uint)Convert.ToInt32(value, null),
        TypeCode.UInt32 => Convert.ToUInt32(value, null),
        TypeCode.Int64 => (ulong)Convert.ToInt64(value, null),
        _ => Convert.ToUInt64(value, null),
    };
}

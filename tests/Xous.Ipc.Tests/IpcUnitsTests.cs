using System.Runtime.CompilerServices;
using Xous.Ipc.TestContracts;

namespace Xous.Ipc.Tests;

/// <summary>The 32-bit unit encoding: exact round trips, and only the exact encoding decodes.</summary>
public sealed class IpcUnitsTests
{
    [Theory]
    [InlineData(sbyte.MinValue, 0xFFFF_FF80u)]
    [InlineData((sbyte)-1, 0xFFFF_FFFFu)]
    [InlineData((sbyte)5, 5u)]
    public void Sbyte_is_sign_extended(sbyte value, uint unit)
    {
        Assert.Equal(unit, IpcUnits.FromSByte(value));
        Assert.True(IpcUnits.TryToSByte(unit, out sbyte decoded));
        Assert.Equal(value, decoded);
    }

    [Theory]
    [InlineData(0x80u)]
    [InlineData(0xFFFF_FF7Fu)]
    [InlineData(0x100u)]
    public void Sbyte_rejects_units_that_are_not_sign_extensions(uint unit) => Assert.False(IpcUnits.TryToSByte(unit, out _));

    [Theory]
    [InlineData(short.MinValue, 0xFFFF_8000u)]
    [InlineData((short)300, 300u)]
    public void Short_is_sign_extended(short value, uint unit)
    {
        Assert.Equal(unit, IpcUnits.FromInt16(value));
        Assert.True(IpcUnits.TryToInt16(unit, out short decoded));
        Assert.Equal(value, decoded);
        Assert.False(IpcUnits.TryToInt16(0x8000u, out _));
    }

    [Fact]
    public void Unsigned_small_types_reject_high_bits()
    {
        Assert.True(IpcUnits.TryToByte(255, out byte b));
        Assert.Equal(255, b);
        Assert.False(IpcUnits.TryToByte(256, out _));
        Assert.True(IpcUnits.TryToUInt16(65535, out ushort u));
        Assert.Equal(65535, u);
        Assert.False(IpcUnits.TryToUInt16(65536, out _));
        Assert.True(IpcUnits.TryToChar('é', out char c));
        Assert.Equal('é', c);
        Assert.False(IpcUnits.TryToChar(0x1_0000, out _));
    }

    [Fact]
    public void Bool_is_zero_or_one_only()
    {
        Assert.Equal(1u, IpcUnits.FromBoolean(true));
        Assert.Equal(0u, IpcUnits.FromBoolean(false));
        Assert.True(IpcUnits.TryToBoolean(1, out bool yes) && yes);
        Assert.True(IpcUnits.TryToBoolean(0, out bool no) && !no);
        Assert.False(IpcUnits.TryToBoolean(2, out _));
    }

    [Fact]
    public void Words_above_32_bits_never_decode()
    {
        Assert.Equal(8, nuint.Size); // A 64-bit host is the only place such words exist.
        nuint wide = unchecked((nuint)(1UL << 32));
        Assert.False(IpcUnits.TryToInt32(wide, out _));
        Assert.False(IpcUnits.TryToUInt32(wide | 5, out _));
        Assert.False(IpcUnits.TryToInt64(wide, 0, out _));
        Assert.False(IpcUnits.TryToUInt64(0, wide, out _));
        Assert.False(IpcUnits.TryToBoolean(wide | 1, out _));
        Assert.False(IpcUnits.TryToStruct<Point>(0, 0, 0, wide, default, out _));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(0x1234_5678_9ABC_DEF0L)]
    public void Long_is_low_then_high(long value)
    {
        uint low = IpcUnits.Low(unchecked((ulong)value));
        uint high = IpcUnits.High(unchecked((ulong)value));

        Assert.Equal(unchecked((uint)value), low);
        Assert.Equal(unchecked((uint)(value >> 32)), high);
        Assert.True(IpcUnits.TryToInt64(low, high, out long decoded));
        Assert.Equal(value, decoded);
    }

    [Fact]
    public void Struct_is_its_little_endian_bytes_zero_padded()
    {
        var value = new Switch { Id = 0x0102, Enabled = true, Locked = false };

        IpcUnits.FromStruct(in value, out uint unit0, out uint unit1, out uint unit2, out uint unit3);

        Assert.Equal(0x0000_0102u | (1u << 16), unit0);
        Assert.Equal((0u, 0u, 0u), (unit1, unit2, unit3));
        Assert.True(IpcUnits.TryToStruct(unit0, 0, 0, 0, new[] { 2, 3 }, out Switch decoded));
        Assert.Equal(value, decoded);
    }

    [Fact]
    public void Struct_decode_rejects_nonzero_bytes_past_its_size_and_bad_bools()
    {
        Assert.False(IpcUnits.TryToStruct<Switch>(0, 1, 0, 0, default, out _)); // byte 4 is past a 4-byte struct
        Assert.False(IpcUnits.TryToStruct<Switch>(2u << 16, 0, 0, 0, new[] { 2, 3 }, out _)); // Enabled = 2
        Assert.True(IpcUnits.TryToStruct<Switch>(2u << 16, 0, 0, 0, default, out _)); // unchecked without offsets
    }

    [Fact]
    public void Struct_larger_than_four_units_is_refused()
    {
        var big = new Big();

        Assert.Throws<ArgumentException>(() => IpcUnits.FromStruct(in big, out _, out _, out _, out _));
        Assert.Throws<ArgumentException>(() => IpcUnits.TryToStruct<Big>(0, 0, 0, 0, default, out _));
    }

    [Fact]
    public void Generator_layout_of_the_sample_structs_matches_the_runtime()
    {
        // The dispatcher's snapshot declares bool offsets { 2, 3 } for Switch and sizes 8, 16 and 4 for Point, Rect and
        // Switch; the CLR must lay the structs out the same way.
        var item = new Switch();
        Assert.Equal(4, Unsafe.SizeOf<Switch>());
        Assert.Equal(2, (int)Unsafe.ByteOffset(ref Unsafe.As<Switch, byte>(ref item), ref Unsafe.As<bool, byte>(ref item.Enabled)));
        Assert.Equal(3, (int)Unsafe.ByteOffset(ref Unsafe.As<Switch, byte>(ref item), ref Unsafe.As<bool, byte>(ref item.Locked)));
        Assert.Equal(8, Unsafe.SizeOf<Point>());
        Assert.Equal(16, Unsafe.SizeOf<Rect>());
        string dispatcher = File.ReadAllText(Snapshots.PathOf("Xous.Ipc.TestContracts.SampleDispatcher.g.cs"));
        Assert.Contains("__booleans0 = new int[] { 2, 3 };", dispatcher, StringComparison.Ordinal);
        Assert.Contains("MemoryRequest.TryRead(in message, 16, 1, 1,", dispatcher, StringComparison.Ordinal);
    }

    private struct Big
    {
#pragma warning disable CS0649 // Only its size matters.
        public long A;
        public long B;
        public long C;
#pragma warning restore CS0649
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System.Threading;

/// <summary>
/// Reads with acquire and writes with release semantics. Written in C# over <c>volatile</c> fields, so the IL
/// carries the <c>volatile.</c> prefix and tools/ilcompiler emits the fences (RISC-V: a load followed by
/// <c>fence r,rw</c>; <c>fence rw,w</c> followed by a store). 64-bit values go through <see cref="Interlocked"/>
/// because RV32 has no atomic 64-bit load or store.
/// </summary>
public static class Volatile
{
    public static bool Read(ref readonly bool location) => Unsafe.As<bool, VolatileBoolean>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref bool location, bool value) => Unsafe.As<bool, VolatileBoolean>(ref location).Value = value;

    public static byte Read(ref readonly byte location) => Unsafe.As<byte, VolatileByte>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref byte location, byte value) => Unsafe.As<byte, VolatileByte>(ref location).Value = value;

    public static sbyte Read(ref readonly sbyte location) => Unsafe.As<sbyte, VolatileSByte>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref sbyte location, sbyte value) => Unsafe.As<sbyte, VolatileSByte>(ref location).Value = value;

    public static short Read(ref readonly short location) => Unsafe.As<short, VolatileInt16>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref short location, short value) => Unsafe.As<short, VolatileInt16>(ref location).Value = value;

    public static ushort Read(ref readonly ushort location) => Unsafe.As<ushort, VolatileUInt16>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref ushort location, ushort value) => Unsafe.As<ushort, VolatileUInt16>(ref location).Value = value;

    public static int Read(ref readonly int location) => Unsafe.As<int, VolatileInt32>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref int location, int value) => Unsafe.As<int, VolatileInt32>(ref location).Value = value;

    public static uint Read(ref readonly uint location) => Unsafe.As<uint, VolatileUInt32>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref uint location, uint value) => Unsafe.As<uint, VolatileUInt32>(ref location).Value = value;

    public static nint Read(ref readonly nint location) => Unsafe.As<nint, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref nint location, nint value) => Unsafe.As<nint, VolatileIntPtr>(ref location).Value = value;

    public static nuint Read(ref readonly nuint location) => Unsafe.As<nuint, VolatileUIntPtr>(ref Unsafe.AsRef(in location)).Value;

    public static void Write(ref nuint location, nuint value) => Unsafe.As<nuint, VolatileUIntPtr>(ref location).Value = value;

    public static long Read(ref readonly long location) => Interlocked.Read(in location);

    public static void Write(ref long location, long value) => Interlocked.Exchange(ref location, value);

    public static ulong Read(ref readonly ulong location) => Interlocked.Read(in location);

    public static void Write(ref ulong location, ulong value) => Interlocked.Exchange(ref location, value);

    [return: NotNullIfNotNull(nameof(location))]
    public static T Read<T>([NotNullIfNotNull(nameof(location))] ref readonly T location)
        where T : class? =>
        Unsafe.As<T>(Unsafe.As<T, VolatileObject>(ref Unsafe.AsRef(in location)).Value)!;

    public static void Write<T>([NotNullIfNotNull(nameof(value))] ref T location, T value)
        where T : class? =>
        Unsafe.As<T, VolatileObject>(ref location).Value = value;

    private struct VolatileBoolean
    {
        public volatile bool Value;
    }

    private struct VolatileByte
    {
        public volatile byte Value;
    }

    private struct VolatileSByte
    {
        public volatile sbyte Value;
    }

    private struct VolatileInt16
    {
        public volatile short Value;
    }

    private struct VolatileUInt16
    {
        public volatile ushort Value;
    }

    private struct VolatileInt32
    {
        public volatile int Value;
    }

    private struct VolatileUInt32
    {
        public volatile uint Value;
    }

    private struct VolatileIntPtr
    {
        public volatile nint Value;
    }

    private struct VolatileUIntPtr
    {
        public volatile nuint Value;
    }

    private struct VolatileObject
    {
        public volatile object? Value;
    }
}

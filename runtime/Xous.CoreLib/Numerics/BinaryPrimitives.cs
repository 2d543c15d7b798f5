using System.Runtime.CompilerServices;

namespace System.Buffers.Binary;

/// <summary>Reads bytes as primitives with specific endianness.</summary>
/// <remarks>
/// <para>
/// Every value is assembled from, or split into, single bytes with shifts, so the code does not depend on the
/// machine's byte order or on unaligned loads (RV32 may trap or be slow on them); gcc combines the byte accesses
/// where that is safe. Too short a span throws <see cref="ArgumentOutOfRangeException"/> (Read/Write) or returns
/// <see langword="false"/> without writing (TryRead/TryWrite), as in .NET.
/// </para>
/// <para>
/// Omitted from .NET's API: the 128-bit and floating-point overloads (no <c>Int128</c>, no floating point in the
/// profile) and the span overloads of <c>ReverseEndianness</c>. The class has more than 30 members because it
/// mirrors .NET's API; it is split over partial files by operation and byte order.
/// </para>
/// </remarks>
public static partial class BinaryPrimitives
{
    /// <summary>Reverses a primitive value by performing an endianness swap (a no-op for a single byte).</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static sbyte ReverseEndianness(sbyte value) => value;

    /// <summary>Reverses a primitive value by performing an endianness swap (a no-op for a single byte).</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static byte ReverseEndianness(byte value) => value;

    /// <summary>Reverses a primitive value by performing an endianness swap of the specified <see cref="short"/> value.</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns>The reversed value.</returns>
    public static short ReverseEndianness(short value) => (short)ReverseEndianness((ushort)value);

    /// <summary>Reverses a primitive value by performing an endianness swap of the specified <see cref="ushort"/> value.</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns>The reversed value.</returns>
    public static ushort ReverseEndianness(ushort value) => (ushort)((value >> 8) + (value << 8));

    /// <summary>Reverses a primitive value by performing an endianness swap of the specified <see cref="int"/> value.</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns>The reversed value.</returns>
    public static int ReverseEndianness(int value) => (int)ReverseEndianness((uint)value);

    /// <summary>Reverses a primitive value by performing an endianness swap of the specified <see cref="uint"/> value.</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns>The reversed value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ReverseEndianness(uint value)
    {
        // Swap the two 16-bit halves' bytes with two rotations: 0xAABBCCDD -> 0xDDCCBBAA.
        uint evenBytes = value & 0x00FF00FFu;
        uint oddBytes = value & 0xFF00FF00u;
        return ((evenBytes >> 8) | (evenBytes << 24)) + ((oddBytes << 8) | (oddBytes >> 24));
    }

    /// <summary>Reverses a primitive value by performing an endianness swap of the specified <see cref="long"/> value.</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns>The reversed value.</returns>
    public static long ReverseEndianness(long value) => (long)ReverseEndianness((ulong)value);

    /// <summary>Reverses a primitive value by performing an endianness swap of the specified <see cref="ulong"/> value.</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns>The reversed value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReverseEndianness(ulong value) =>
        ((ulong)ReverseEndianness((uint)value) << 32) + ReverseEndianness((uint)(value >> 32));

    /// <summary>Reverses a primitive value by performing an endianness swap of the specified <see cref="nint"/> value (4 or 8 bytes).</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns>The reversed value.</returns>
    public static nint ReverseEndianness(nint value) =>
        NativeWord.Is64Bit ? (nint)ReverseEndianness((long)value) : ReverseEndianness(unchecked((int)value));

    /// <summary>Reverses a primitive value by performing an endianness swap of the specified <see cref="nuint"/> value (4 or 8 bytes).</summary>
    /// <param name="value">The value to reverse.</param>
    /// <returns>The reversed value.</returns>
    public static nuint ReverseEndianness(nuint value) =>
        NativeWord.Is64Bit ? (nuint)ReverseEndianness((ulong)value) : ReverseEndianness(unchecked((uint)value));

    private static Exception SpanTooShort() => new ArgumentOutOfRangeException("length");

    private static ushort ReadUInt16LE(ReadOnlySpan<byte> source) => (ushort)(source[0] | (source[1] << 8));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32LE(ReadOnlySpan<byte> source) =>
        source[0] | ((uint)source[1] << 8) | ((uint)source[2] << 16) | ((uint)source[3] << 24);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64LE(ReadOnlySpan<byte> source) =>
        ReadUInt32LE(source) | ((ulong)ReadUInt32LE(source.Slice(4)) << 32);

    private static ushort ReadUInt16BE(ReadOnlySpan<byte> source) => (ushort)((source[0] << 8) | source[1]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32BE(ReadOnlySpan<byte> source) =>
        ((uint)source[0] << 24) | ((uint)source[1] << 16) | ((uint)source[2] << 8) | source[3];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64BE(ReadOnlySpan<byte> source) =>
        ((ulong)ReadUInt32BE(source) << 32) | ReadUInt32BE(source.Slice(4));

    private static void WriteUInt16LE(Span<byte> destination, ushort value)
    {
        destination[0] = (byte)value;
        destination[1] = (byte)(value >> 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt32LE(Span<byte> destination, uint value)
    {
        destination[0] = (byte)value;
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)(value >> 16);
        destination[3] = (byte)(value >> 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt64LE(Span<byte> destination, ulong value)
    {
        WriteUInt32LE(destination, (uint)value);
        WriteUInt32LE(destination.Slice(4), (uint)(value >> 32));
    }

    private static void WriteUInt16BE(Span<byte> destination, ushort value)
    {
        destination[0] = (byte)(value >> 8);
        destination[1] = (byte)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt32BE(Span<byte> destination, uint value)
    {
        destination[0] = (byte)(value >> 24);
        destination[1] = (byte)(value >> 16);
        destination[2] = (byte)(value >> 8);
        destination[3] = (byte)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUInt64BE(Span<byte> destination, ulong value)
    {
        WriteUInt32BE(destination, (uint)(value >> 32));
        WriteUInt32BE(destination.Slice(4), (uint)value);
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xous.Log.Api;
using Xous.Names.Api;

namespace Xous.Runtime;

/// <summary>
/// Spans over the fixed buffers of contract structs. The device corlib has no <c>FixedBufferAttribute</c>, so a fixed
/// buffer read from another assembly's metadata cannot be indexed there; the spans are found from the neighbouring
/// ordinary fields instead, which is exact because contract structs have no padding (docs/ipc.md, "Fixed-layout
/// structs").
/// </summary>
internal static class FixedBuffers
{
    /// <summary><see cref="LogRecord.Source"/>: the bytes right after <see cref="LogRecord.TextLength"/>.</summary>
    public static Span<byte> LogSource(ref LogRecord record) =>
        BytesOf(ref record).Slice(OffsetAfter(ref record, ref record.TextLength), LogRecord.SourceCapacity);

    /// <summary><see cref="LogRecord.Text"/>: the bytes right after the source.</summary>
    public static Span<byte> LogText(ref LogRecord record) =>
        BytesOf(ref record).Slice(OffsetAfter(ref record, ref record.TextLength) + LogRecord.SourceCapacity, LogRecord.TextCapacity);

    /// <summary><see cref="ServerName.Bytes"/>: the bytes before <see cref="ServerName.Length"/>.</summary>
    public static Span<byte> NameBytes(ref ServerName name) =>
        BytesOf(ref name).Slice(OffsetAfter(ref name, ref name.Length) - sizeof(uint) - INames.MaxNameBytes, INames.MaxNameBytes);

    private static Span<byte> BytesOf<T>(ref T value)
        where T : struct => MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1));

    // The offset just past a uint field of value.
    private static int OffsetAfter<T>(ref T value, ref uint field)
        where T : struct =>
        (int)Unsafe.ByteOffset(ref Unsafe.As<T, byte>(ref value), ref Unsafe.As<uint, byte>(ref field)) + sizeof(uint);
}

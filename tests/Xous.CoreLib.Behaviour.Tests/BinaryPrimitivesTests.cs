extern alias corlib;

using System.Buffers.Binary;
using CsCheck;
using XBinary = corlib::System.Buffers.Binary.BinaryPrimitives;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>Every read, write and byte swap of our <c>BinaryPrimitives</c> against the BCL's, on random values and random span lengths.</summary>
public class BinaryPrimitivesTests
{
    private static readonly Gen<(byte[] Bytes, ulong Value)> s_input = Gen.Select(Gen.Byte.Array[0, 10], Gen.ULong);

    [Fact]
    public void Reads_match_the_BCL()
    {
        s_input.Sample(input =>
        {
            byte[] b = input.Bytes;
            Same(() => XBinary.ReadInt16LittleEndian(b), () => BinaryPrimitives.ReadInt16LittleEndian(b));
            Same(() => XBinary.ReadInt16BigEndian(b), () => BinaryPrimitives.ReadInt16BigEndian(b));
            Same(() => XBinary.ReadUInt16LittleEndian(b), () => BinaryPrimitives.ReadUInt16LittleEndian(b));
            Same(() => XBinary.ReadUInt16BigEndian(b), () => BinaryPrimitives.ReadUInt16BigEndian(b));
            Same(() => XBinary.ReadInt32LittleEndian(b), () => BinaryPrimitives.ReadInt32LittleEndian(b));
            Same(() => XBinary.ReadInt32BigEndian(b), () => BinaryPrimitives.ReadInt32BigEndian(b));
            Same(() => XBinary.ReadUInt32LittleEndian(b), () => BinaryPrimitives.ReadUInt32LittleEndian(b));
            Same(() => XBinary.ReadUInt32BigEndian(b), () => BinaryPrimitives.ReadUInt32BigEndian(b));
            Same(() => XBinary.ReadInt64LittleEndian(b), () => BinaryPrimitives.ReadInt64LittleEndian(b));
            Same(() => XBinary.ReadInt64BigEndian(b), () => BinaryPrimitives.ReadInt64BigEndian(b));
            Same(() => XBinary.ReadUInt64LittleEndian(b), () => BinaryPrimitives.ReadUInt64LittleEndian(b));
            Same(() => XBinary.ReadUInt64BigEndian(b), () => BinaryPrimitives.ReadUInt64BigEndian(b));
            Same(() => XBinary.ReadIntPtrLittleEndian(b), () => BinaryPrimitives.ReadIntPtrLittleEndian(b));
            Same(() => XBinary.ReadIntPtrBigEndian(b), () => BinaryPrimitives.ReadIntPtrBigEndian(b));
            Same(() => XBinary.ReadUIntPtrLittleEndian(b), () => BinaryPrimitives.ReadUIntPtrLittleEndian(b));
            Same(() => XBinary.ReadUIntPtrBigEndian(b), () => BinaryPrimitives.ReadUIntPtrBigEndian(b));
        });
    }

    [Fact]
    public void Try_reads_match_the_BCL()
    {
        s_input.Sample(input =>
        {
            byte[] b = input.Bytes;
            Same(() => (XBinary.TryReadInt16LittleEndian(b, out short v), v), () => (BinaryPrimitives.TryReadInt16LittleEndian(b, out short v), v));
            Same(() => (XBinary.TryReadInt16BigEndian(b, out short v), v), () => (BinaryPrimitives.TryReadInt16BigEndian(b, out short v), v));
            Same(() => (XBinary.TryReadUInt16LittleEndian(b, out ushort v), v), () => (BinaryPrimitives.TryReadUInt16LittleEndian(b, out ushort v), v));
            Same(() => (XBinary.TryReadUInt16BigEndian(b, out ushort v), v), () => (BinaryPrimitives.TryReadUInt16BigEndian(b, out ushort v), v));
            Same(() => (XBinary.TryReadInt32LittleEndian(b, out int v), v), () => (BinaryPrimitives.TryReadInt32LittleEndian(b, out int v), v));
            Same(() => (XBinary.TryReadInt32BigEndian(b, out int v), v), () => (BinaryPrimitives.TryReadInt32BigEndian(b, out int v), v));
            Same(() => (XBinary.TryReadUInt32LittleEndian(b, out uint v), v), () => (BinaryPrimitives.TryReadUInt32LittleEndian(b, out uint v), v));
            Same(() => (XBinary.TryReadUInt32BigEndian(b, out uint v), v), () => (BinaryPrimitives.TryReadUInt32BigEndian(b, out uint v), v));
            Same(() => (XBinary.TryReadInt64LittleEndian(b, out long v), v), () => (BinaryPrimitives.TryReadInt64LittleEndian(b, out long v), v));
            Same(() => (XBinary.TryReadInt64BigEndian(b, out long v), v), () => (BinaryPrimitives.TryReadInt64BigEndian(b, out long v), v));
            Same(() => (XBinary.TryReadUInt64LittleEndian(b, out ulong v), v), () => (BinaryPrimitives.TryReadUInt64LittleEndian(b, out ulong v), v));
            Same(() => (XBinary.TryReadUInt64BigEndian(b, out ulong v), v), () => (BinaryPrimitives.TryReadUInt64BigEndian(b, out ulong v), v));
            Same(() => (XBinary.TryReadIntPtrLittleEndian(b, out nint v), v), () => (BinaryPrimitives.TryReadIntPtrLittleEndian(b, out nint v), v));
            Same(() => (XBinary.TryReadIntPtrBigEndian(b, out nint v), v), () => (BinaryPrimitives.TryReadIntPtrBigEndian(b, out nint v), v));
            Same(() => (XBinary.TryReadUIntPtrLittleEndian(b, out nuint v), v), () => (BinaryPrimitives.TryReadUIntPtrLittleEndian(b, out nuint v), v));
            Same(() => (XBinary.TryReadUIntPtrBigEndian(b, out nuint v), v), () => (BinaryPrimitives.TryReadUIntPtrBigEndian(b, out nuint v), v));
        });
    }

    [Fact]
    public void Writes_match_the_BCL()
    {
        s_input.Sample(input =>
        {
            int n = input.Bytes.Length;
            ulong v = input.Value;
            SameWrite(n, d => XBinary.WriteInt16LittleEndian(d, (short)v), d => BinaryPrimitives.WriteInt16LittleEndian(d, (short)v));
            SameWrite(n, d => XBinary.WriteInt16BigEndian(d, (short)v), d => BinaryPrimitives.WriteInt16BigEndian(d, (short)v));
            SameWrite(n, d => XBinary.WriteUInt16LittleEndian(d, (ushort)v), d => BinaryPrimitives.WriteUInt16LittleEndian(d, (ushort)v));
            SameWrite(n, d => XBinary.WriteUInt16BigEndian(d, (ushort)v), d => BinaryPrimitives.WriteUInt16BigEndian(d, (ushort)v));
            SameWrite(n, d => XBinary.WriteInt32LittleEndian(d, (int)v), d => BinaryPrimitives.WriteInt32LittleEndian(d, (int)v));
            SameWrite(n, d => XBinary.WriteInt32BigEndian(d, (int)v), d => BinaryPrimitives.WriteInt32BigEndian(d, (int)v));
            SameWrite(n, d => XBinary.WriteUInt32LittleEndian(d, (uint)v), d => BinaryPrimitives.WriteUInt32LittleEndian(d, (uint)v));
            SameWrite(n, d => XBinary.WriteUInt32BigEndian(d, (uint)v), d => BinaryPrimitives.WriteUInt32BigEndian(d, (uint)v));
            SameWrite(n, d => XBinary.WriteInt64LittleEndian(d, (long)v), d => BinaryPrimitives.WriteInt64LittleEndian(d, (long)v));
            SameWrite(n, d => XBinary.WriteInt64BigEndian(d, (long)v), d => BinaryPrimitives.WriteInt64BigEndian(d, (long)v));
            SameWrite(n, d => XBinary.WriteUInt64LittleEndian(d, v), d => BinaryPrimitives.WriteUInt64LittleEndian(d, v));
            SameWrite(n, d => XBinary.WriteUInt64BigEndian(d, v), d => BinaryPrimitives.WriteUInt64BigEndian(d, v));
            SameWrite(n, d => XBinary.WriteIntPtrLittleEndian(d, (nint)v), d => BinaryPrimitives.WriteIntPtrLittleEndian(d, (nint)v));
            SameWrite(n, d => XBinary.WriteIntPtrBigEndian(d, (nint)v), d => BinaryPrimitives.WriteIntPtrBigEndian(d, (nint)v));
            SameWrite(n, d => XBinary.WriteUIntPtrLittleEndian(d, (nuint)v), d => BinaryPrimitives.WriteUIntPtrLittleEndian(d, (nuint)v));
            SameWrite(n, d => XBinary.WriteUIntPtrBigEndian(d, (nuint)v), d => BinaryPrimitives.WriteUIntPtrBigEndian(d, (nuint)v));
        });
    }

    [Fact]
    public void Try_writes_match_the_BCL()
    {
        s_input.Sample(input =>
        {
            int n = input.Bytes.Length;
            ulong v = input.Value;
            SameTryWrite(n, d => XBinary.TryWriteInt16LittleEndian(d, (short)v), d => BinaryPrimitives.TryWriteInt16LittleEndian(d, (short)v));
            SameTryWrite(n, d => XBinary.TryWriteInt16BigEndian(d, (short)v), d => BinaryPrimitives.TryWriteInt16BigEndian(d, (short)v));
            SameTryWrite(n, d => XBinary.TryWriteUInt16LittleEndian(d, (ushort)v), d => BinaryPrimitives.TryWriteUInt16LittleEndian(d, (ushort)v));
            SameTryWrite(n, d => XBinary.TryWriteUInt16BigEndian(d, (ushort)v), d => BinaryPrimitives.TryWriteUInt16BigEndian(d, (ushort)v));
            SameTryWrite(n, d => XBinary.TryWriteInt32LittleEndian(d, (int)v), d => BinaryPrimitives.TryWriteInt32LittleEndian(d, (int)v));
            SameTryWrite(n, d => XBinary.TryWriteInt32BigEndian(d, (int)v), d => BinaryPrimitives.TryWriteInt32BigEndian(d, (int)v));
            SameTryWrite(n, d => XBinary.TryWriteUInt32LittleEndian(d, (uint)v), d => BinaryPrimitives.TryWriteUInt32LittleEndian(d, (uint)v));
            SameTryWrite(n, d => XBinary.TryWriteUInt32BigEndian(d, (uint)v), d => BinaryPrimitives.TryWriteUInt32BigEndian(d, (uint)v));
            SameTryWrite(n, d => XBinary.TryWriteInt64LittleEndian(d, (long)v), d => BinaryPrimitives.TryWriteInt64LittleEndian(d, (long)v));
            SameTryWrite(n, d => XBinary.TryWriteInt64BigEndian(d, (long)v), d => BinaryPrimitives.TryWriteInt64BigEndian(d, (long)v));
            SameTryWrite(n, d => XBinary.TryWriteUInt64LittleEndian(d, v), d => BinaryPrimitives.TryWriteUInt64LittleEndian(d, v));
            SameTryWrite(n, d => XBinary.TryWriteUInt64BigEndian(d, v), d => BinaryPrimitives.TryWriteUInt64BigEndian(d, v));
            SameTryWrite(n, d => XBinary.TryWriteIntPtrLittleEndian(d, (nint)v), d => BinaryPrimitives.TryWriteIntPtrLittleEndian(d, (nint)v));
            SameTryWrite(n, d => XBinary.TryWriteIntPtrBigEndian(d, (nint)v), d => BinaryPrimitives.TryWriteIntPtrBigEndian(d, (nint)v));
            SameTryWrite(n, d => XBinary.TryWriteUIntPtrLittleEndian(d, (nuint)v), d => BinaryPrimitives.TryWriteUIntPtrLittleEndian(d, (nuint)v));
            SameTryWrite(n, d => XBinary.TryWriteUIntPtrBigEndian(d, (nuint)v), d => BinaryPrimitives.TryWriteUIntPtrBigEndian(d, (nuint)v));
        });
    }

    [Fact]
    public void Byte_swaps_match_the_BCL()
    {
        Gen.ULong.Sample(v =>
        {
            Assert.Equal(BinaryPrimitives.ReverseEndianness((byte)v), XBinary.ReverseEndianness((byte)v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness((sbyte)v), XBinary.ReverseEndianness((sbyte)v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness((short)v), XBinary.ReverseEndianness((short)v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness((ushort)v), XBinary.ReverseEndianness((ushort)v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness((int)v), XBinary.ReverseEndianness((int)v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness((uint)v), XBinary.ReverseEndianness((uint)v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness((long)v), XBinary.ReverseEndianness((long)v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness(v), XBinary.ReverseEndianness(v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness((nint)v), XBinary.ReverseEndianness((nint)v));
            Assert.Equal(BinaryPrimitives.ReverseEndianness((nuint)v), XBinary.ReverseEndianness((nuint)v));
        });
        Assert.Equal(0xDDCCBBAAu, XBinary.ReverseEndianness(0xAABBCCDDu));
    }

    private static void Same<T>(Func<T> ours, Func<T> theirs) => Assert.Equal(Outcome.Of(theirs), Outcome.Of(ours));

    private delegate void SpanWriter(Span<byte> destination);

    private delegate bool SpanTryWriter(Span<byte> destination);

    private static void SameWrite(int length, SpanWriter ours, SpanWriter theirs)
    {
        byte[] ourBytes = Enumerable.Repeat((byte)0xEE, length).ToArray();
        byte[] theirBytes = Enumerable.Repeat((byte)0xEE, length).ToArray();
        Assert.Equal(Outcome.Of(() => theirs(theirBytes)), Outcome.Of(() => ours(ourBytes)));
        Assert.Equal(theirBytes, ourBytes);
    }

    private static void SameTryWrite(int length, SpanTryWriter ours, SpanTryWriter theirs)
    {
        byte[] ourBytes = Enumerable.Repeat((byte)0xEE, length).ToArray();
        byte[] theirBytes = Enumerable.Repeat((byte)0xEE, length).ToArray();
        Assert.Equal(theirs(theirBytes), ours(ourBytes));
        Assert.Equal(theirBytes, ourBytes);
    }
}

using System;
using System.Buffers.Binary;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>BinaryPrimitives: big- and little-endian reads and writes of 16/32/64-bit values, Try forms, ReverseEndianness, a packet header.</summary>
public static class StructBinaryPrimitives
{
    public static int Main()
    {
        Span<byte> buf = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(buf, 0xDEADBEEF);
        BinaryPrimitives.WriteUInt32LittleEndian(buf.Slice(4), 0xDEADBEEF);
        BinaryPrimitives.WriteInt64BigEndian(buf.Slice(8), -2);
        Print(buf);
        Transcript.WriteLine(BinaryPrimitives.ReadUInt16BigEndian(buf).ToString("X4") + " " + BinaryPrimitives.ReadUInt16LittleEndian(buf).ToString("X4"));
        Transcript.WriteLine(BinaryPrimitives.ReadInt32LittleEndian(buf).ToString("X8") + " " + BinaryPrimitives.ReadInt32BigEndian(buf.Slice(4)).ToString("X8"));
        Transcript.WriteLine(BinaryPrimitives.ReadInt64BigEndian(buf.Slice(8)) + " " + BinaryPrimitives.ReadUInt64LittleEndian(buf.Slice(8)).ToString("X16"));
        Transcript.WriteLine(BinaryPrimitives.ReverseEndianness((ushort)0x1234).ToString("X4") + " " + BinaryPrimitives.ReverseEndianness(0x12345678u).ToString("X8") + " " + BinaryPrimitives.ReverseEndianness(0x0102030405060708L).ToString("X16"));
        Transcript.WriteLine(BinaryPrimitives.ReverseEndianness((short)-2) + " " + BinaryPrimitives.ReverseEndianness(1));
        Transcript.WriteLine(BinaryPrimitives.TryWriteUInt32BigEndian(buf.Slice(14), 1) + " " + BinaryPrimitives.TryReadInt16BigEndian(buf.Slice(15), out short s) + " " + s);
        try
        {
            BinaryPrimitives.ReadInt64LittleEndian(buf.Slice(10));
        }
        catch (ArgumentOutOfRangeException)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException");
        }

        byte[] packet = new byte[12];
        WriteHeader(packet, version: 2, flags: 0x8001, length: 70000, sequence: 0x1_0000_0002);
        Print(packet);
        ReadHeader(packet);
        return 0;
    }

    private static void WriteHeader(Span<byte> p, byte version, ushort flags, int length, long sequence)
    {
        p[0] = version;
        p[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(p.Slice(2), flags);
        BinaryPrimitives.WriteInt32BigEndian(p.Slice(4), length);
        BinaryPrimitives.WriteUInt32LittleEndian(p.Slice(8), (uint)sequence);
    }

    private static void ReadHeader(ReadOnlySpan<byte> p)
    {
        Transcript.WriteLine("v" + p[0] + " flags=" + BinaryPrimitives.ReadUInt16BigEndian(p.Slice(2)).ToString("X4") + " len=" + BinaryPrimitives.ReadInt32BigEndian(p.Slice(4)) + " seq=" + BinaryPrimitives.ReadUInt32LittleEndian(p.Slice(8)));
    }

    private static void Print(ReadOnlySpan<byte> b)
    {
        string s = "";
        foreach (byte x in b)
        {
            s += x.ToString("x2");
        }

        Transcript.WriteLine(s);
    }
}

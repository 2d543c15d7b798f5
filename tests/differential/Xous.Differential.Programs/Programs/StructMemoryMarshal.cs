using System;
using System.Runtime.InteropServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>MemoryMarshal: Cast between byte and int spans, AsBytes, Read/Write/TryRead of primitive-only structs, GetReference and CreateSpan.</summary>
public static class StructMemoryMarshal
{
    private struct Rgba
    {
        public byte R;
        public byte G;
        public byte B;
        public byte A;
    }

    public static int Main()
    {
        int[] ints = { 0x04030201, -1, 0x7F000080 };
        Span<byte> bytes = MemoryMarshal.AsBytes(ints.AsSpan());
        Transcript.WriteLine(bytes.Length);
        string s = "";
        foreach (byte b in bytes)
        {
            s += b.ToString("X2");
        }

        Transcript.WriteLine(s);
        bytes[0] = 0xFF;
        Transcript.WriteLine(ints[0].ToString("X8"));
        byte[] raw = { 1, 0, 0, 0, 2, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF };
        Span<int> asInts = MemoryMarshal.Cast<byte, int>(raw.AsSpan());
        Transcript.WriteLine(asInts.Length + " " + asInts[0] + " " + asInts[1] + " " + asInts[2]);
        asInts[1] = 0x01020304;
        Transcript.WriteLine(raw[4] + " " + raw[7]);
        Span<ushort> shorts = MemoryMarshal.Cast<byte, ushort>(raw.AsSpan(0, 5));
        Transcript.WriteLine(shorts.Length);
        Rgba px = MemoryMarshal.Read<Rgba>(new byte[] { 10, 20, 30, 40 });
        Transcript.WriteLine(px.R + " " + px.G + " " + px.B + " " + px.A);
        byte[] outBuf = new byte[6];
        MemoryMarshal.Write(outBuf.AsSpan(1), in px);
        Transcript.WriteLine(string.Join(",", outBuf[0].ToString(), outBuf[1].ToString(), outBuf[4].ToString(), outBuf[5].ToString()));
        var probe = new Rgba { R = 1, G = 2, B = 3, A = 4 };
        Transcript.WriteLine(BitConverterLike(probe).ToString("X8"));
        Transcript.WriteLine(MemoryMarshal.TryRead(new byte[3], out Rgba none) + " " + none.R);
        ref int first = ref MemoryMarshal.GetReference(ints.AsSpan());
        first = 77;
        Transcript.WriteLine(ints[0]);
        int local = 5;
        Span<int> single = MemoryMarshal.CreateSpan(ref local, 1);
        single[0] = 6;
        Transcript.WriteLine(local);
        ref int arrayRef = ref MemoryMarshal.GetArrayDataReference(ints);
        arrayRef += 1;
        Transcript.WriteLine(ints[0]);
        return 0;
    }

    private static uint BitConverterLike(Rgba value)
    {
        Span<byte> b = stackalloc byte[4];
        MemoryMarshal.Write(b, in value);
        return MemoryMarshal.Read<uint>(b);
    }
}

using System.Runtime.InteropServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>[StructLayout(LayoutKind.Explicit)] unions: overlapping uint/ushort/byte views (little-endian on both targets), and a tagged union.</summary>
public static class StructExplicitLayout
{
    [StructLayout(LayoutKind.Explicit)]
    private struct Word
    {
        [FieldOffset(0)]
        public uint Value;

        [FieldOffset(0)]
        public ushort Low;

        [FieldOffset(2)]
        public ushort High;

        [FieldOffset(0)]
        public byte B0;

        [FieldOffset(1)]
        public byte B1;

        [FieldOffset(3)]
        public byte B3;

        [FieldOffset(0)]
        public int Signed;
    }

    [StructLayout(LayoutKind.Explicit)]
    private struct Wide
    {
        [FieldOffset(0)]
        public ulong All;

        [FieldOffset(0)]
        public uint Lo;

        [FieldOffset(4)]
        public uint Hi;
    }

    [StructLayout(LayoutKind.Explicit)]
    private struct Tagged
    {
        [FieldOffset(0)]
        public int Tag;

        [FieldOffset(4)]
        public int AsInt;

        [FieldOffset(4)]
        public uint AsUInt;

        [FieldOffset(4)]
        public short AsShort;
    }

    public static int Main()
    {
        var w = new Word { Value = 0xCAFEBABE };
        Transcript.WriteLine(w.Low.ToString("X4") + " " + w.High.ToString("X4") + " " + w.B0.ToString("X2") + " " + w.B1.ToString("X2") + " " + w.B3.ToString("X2") + " " + w.Signed);
        w.B3 = 0x01;
        w.Low = 0xFFFF;
        Transcript.WriteLine(w.Value.ToString("X8"));
        var x = new Wide { All = 0x0123456789ABCDEF };
        Transcript.WriteLine(x.Lo.ToString("X8") + " " + x.Hi.ToString("X8"));
        x.Hi = 0xFFFFFFFF;
        Transcript.WriteLine(x.All.ToString("X16") + " " + (long)x.All);
        Tagged[] values = new Tagged[3];
        values[0].Tag = 0;
        values[0].AsInt = -5;
        values[1].Tag = 1;
        values[1].AsUInt = 0x80000001;
        values[2].Tag = 2;
        values[2].AsInt = 0x12348000;
        foreach (Tagged t in values)
        {
            string text = t.Tag switch
            {
                0 => "int " + t.AsInt,
                1 => "uint " + t.AsUInt,
                _ => "short " + t.AsShort,
            };
            Transcript.WriteLine(text + " (raw " + t.AsUInt.ToString("X8") + ")");
        }

        return 0;
    }
}

using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>1-D arrays of every primitive type: zero initialisation, element stores with truncation and sign extension on loads, Length.</summary>
public static class ArrayPrimitives
{
    public static int Main()
    {
        var bools = new bool[3];
        var bytes = new byte[4];
        var sbytes = new sbyte[4];
        var shorts = new short[4];
        var ushorts = new ushort[4];
        var chars = new char[4];
        var ints = new int[4];
        var uints = new uint[4];
        var longs = new long[4];
        var ulongs = new ulong[4];
        Transcript.WriteLine(bools[2] + " " + bytes[3] + " " + sbytes[0] + " " + shorts[1] + " " + ushorts[2] + " " + (int)chars[3]);
        Transcript.WriteLine(ints[0] + " " + uints[1] + " " + longs[2] + " " + ulongs[3]);
        for (int i = 0; i < 4; i++)
        {
            int v = (i * 0x5F3759DF) ^ -i;
            bytes[i] = (byte)v;
            sbytes[i] = (sbyte)v;
            shorts[i] = (short)v;
            ushorts[i] = (ushort)v;
            chars[i] = (char)('A' + ((v >> 5) & 15));
            ints[i] = v;
            uints[i] = (uint)v;
            longs[i] = (long)v * v;
            ulongs[i] = (ulong)(uint)v * 0x1_0000_0001UL;
        }

        bools[1] = true;
        for (int i = 0; i < 4; i++)
        {
            Transcript.WriteLine(bytes[i] + " " + sbytes[i] + " " + shorts[i] + " " + ushorts[i] + " " + chars[i] + " " + ints[i] + " " + uints[i] + " " + longs[i] + " " + ulongs[i]);
        }

        bytes[0] += 200;
        bytes[0] += 200;
        sbytes[1]++;
        shorts[2] -= short.MaxValue;
        ushorts[3] = (ushort)(ushorts[3] << 3);
        longs[0] = long.MaxValue;
        longs[0]++;
        Transcript.WriteLine(bytes[0] + " " + sbytes[1] + " " + shorts[2] + " " + ushorts[3] + " " + longs[0]);
        Transcript.WriteLine(bools.Length + bytes.Length + sbytes.Length + shorts.Length + ushorts.Length + chars.Length + ints.Length + uints.Length + longs.Length + ulongs.Length);
        Transcript.WriteLine(bools[0] + " " + bools[1]);
        var empty = new long[0];
        Transcript.WriteLine(empty.Length);
        return 0;
    }
}

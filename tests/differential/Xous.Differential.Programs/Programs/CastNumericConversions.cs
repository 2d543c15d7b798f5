using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Explicit conversions between integer types through generic helpers and object: truncation, sign extension, char conversions.</summary>
public static class CastNumericConversions
{
    public static int Main()
    {
        long[] values = { 0, 1, -1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, int.MaxValue, (long)int.MaxValue + 1, -2147483649, long.MaxValue };
        foreach (long v in values)
        {
            Transcript.WriteLine(v + ": " + (sbyte)v + " " + (byte)v + " " + (short)v + " " + (ushort)v + " " + (int)v + " " + (uint)v + " " + (ulong)v + " " + (int)(char)v);
        }

        object boxed = (byte)200;
        int fromByte = (byte)boxed;
        sbyte reinterpret = unchecked((sbyte)(byte)boxed);
        Transcript.WriteLine(fromByte + " " + reinterpret);
        char c = (char)65;
        int code = c;
        Transcript.WriteLine(c.ToString() + code);
        ulong big = ulong.MaxValue;
        Transcript.WriteLine((long)big + " " + (int)big + " " + (uint)(big >> 1));
        return 0;
    }
}

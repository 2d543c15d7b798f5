using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>checked conversions in range succeed; the first out-of-range one (300 to byte) throws.</summary>
public static class CheckedConversions
{
    private static readonly int s_value = 255;

    public static int Main()
    {
        int v = s_value;
        Transcript.WriteLine(checked((byte)v));
        Transcript.WriteLine(checked((sbyte)(v - 383)));
        Transcript.WriteLine(checked((short)(v * -128)));
        Transcript.WriteLine(checked((ushort)(v * 257)));
        Transcript.WriteLine(checked((uint)v));
        Transcript.WriteLine(checked((ulong)v));
        Transcript.WriteLine(checked((int)(uint)v));
        Transcript.WriteLine(checked((long)((ulong)v << 40)));
        Transcript.WriteLine(checked((int)(long)int.MinValue));
        Transcript.WriteLine(checked((char)v));
        Transcript.WriteLine(checked((byte)(v + 45)));
        return 0;
    }
}

using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Unchecked conversions truncate, sign-extend or zero-extend exactly as the CLI says.</summary>
public static class Conversions
{
    private static readonly int s_big = 0x12345678;
    private static readonly long s_huge = -0x123456789ABCDEFL;

    public static int Main()
    {
        int i = s_big;
        long l = s_huge;
        Transcript.WriteLine((sbyte)i);
        Transcript.WriteLine((byte)i);
        Transcript.WriteLine((short)i);
        Transcript.WriteLine((ushort)i);
        Transcript.WriteLine(unchecked((sbyte)200) + 0);
        Transcript.WriteLine((ushort)-i);
        Transcript.WriteLine((int)l);
        Transcript.WriteLine((uint)l);
        Transcript.WriteLine((ulong)l);
        Transcript.WriteLine((long)(uint)-i);
        Transcript.WriteLine((ulong)(-i));
        Transcript.WriteLine((long)(-i));
        Transcript.WriteLine((char)(i >> 4));
        Transcript.WriteLine((int)'é');
        Transcript.WriteLine(unchecked((byte)(sbyte)-1));
        Transcript.WriteLine(unchecked((short)(ushort)65535));
        return 0;
    }
}

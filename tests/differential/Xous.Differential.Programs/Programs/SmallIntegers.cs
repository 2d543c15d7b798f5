using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>byte, sbyte, short, ushort and char widen to int on the stack and truncate when stored.</summary>
public static class SmallIntegers
{
    public static int Main()
    {
        byte b = 250;
        b += 10;
        Transcript.WriteLine(b);
        sbyte sb = 127;
        sb++;
        Transcript.WriteLine(sb);
        short s = short.MinValue;
        s--;
        Transcript.WriteLine(s);
        ushort us = 0;
        us--;
        Transcript.WriteLine(us);
        char c = 'A';
        c += (char)2;
        Transcript.Write(c);
        Transcript.WriteLine();
        Transcript.WriteLine(b * sb);
        Transcript.WriteLine((byte)(b << 5));
        Transcript.WriteLine(sb >> 1);
        Transcript.WriteLine(us >> 15);
        bool flag = b > 3;
        Transcript.WriteLine(flag);
        Transcript.WriteLine(!flag);
        return 0;
    }
}

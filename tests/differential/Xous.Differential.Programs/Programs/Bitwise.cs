using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>and, or, xor and not on 32- and 64-bit values; bit counting and reversal loops.</summary>
public static class Bitwise
{
    public static int Main()
    {
        uint x = 0xDEADBEEF;
        Transcript.WriteLine(x & 0xFFFF);
        Transcript.WriteLine(x | 0x0F0F0F0F);
        Transcript.WriteLine(x ^ 0xFFFFFFFF);
        Transcript.WriteLine(~x);
        Transcript.WriteLine(~0);
        Transcript.WriteLine(PopCount(x));
        Transcript.WriteLine(Reverse(x));
        ulong y = 0xFEDCBA9876543210;
        Transcript.WriteLine(y & 0xFFFFFFFF00000000);
        Transcript.WriteLine(y ^ (y >> 32));
        Transcript.WriteLine(~y);
        Transcript.WriteLine(~(long)y);
        Transcript.WriteLine(PopCount64(y));
        Transcript.WriteLine(Rotate(x, 8));
        return 0;
    }

    private static int PopCount(uint v)
    {
        int count = 0;
        while (v != 0)
        {
            v &= v - 1;
            count++;
        }

        return count;
    }

    private static int PopCount64(ulong v)
    {
        int count = 0;
        for (; v != 0; v >>= 1)
        {
            count += (int)(v & 1);
        }

        return count;
    }

    private static uint Reverse(uint v)
    {
        uint r = 0;
        for (int i = 0; i < 32; i++)
        {
            r = (r << 1) | (v & 1);
            v >>= 1;
        }

        return r;
    }

    private static uint Rotate(uint v, int n) => (v << n) | (v >> (32 - n));
}

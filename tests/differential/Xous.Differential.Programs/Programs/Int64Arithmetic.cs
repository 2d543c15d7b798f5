using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>64-bit multiply, add and divide on RV32 (libgcc helpers), with wrap-around.</summary>
public static class Int64Arithmetic
{
    private static readonly long s_seed = 0x123456789ABCDEFL;

    public static int Main()
    {
        long x = s_seed;
        for (int i = 0; i < 10; i++)
        {
            x = x * 6364136223846793005L + 1442695040888963407L;
            Transcript.Write(x);
            Transcript.Write(" ");
            Transcript.Write(x / 1000003);
            Transcript.Write(" ");
            Transcript.Write(x % 1000003);
            Transcript.Write(" ");
            Transcript.WriteLine((ulong)x / 3);
        }

        long max = long.MaxValue;
        Transcript.WriteLine(max + 1);
        Transcript.WriteLine(-(max + 1));
        Transcript.WriteLine(max * max);
        Transcript.WriteLine(Divide(long.MinValue, 2));
        Transcript.WriteLine(Divide(-7, 2));
        Transcript.WriteLine(Remainder(-7, 2));
        Transcript.WriteLine((long)int.MaxValue * int.MaxValue);
        Transcript.WriteLine((ulong)uint.MaxValue * uint.MaxValue);
        return 0;
    }

    private static long Divide(long a, long b) => a / b;

    private static long Remainder(long a, long b) => a % b;
}

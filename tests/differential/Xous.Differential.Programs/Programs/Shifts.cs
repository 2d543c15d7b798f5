using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Shift counts are masked (to 5 bits for int, 6 for long); >> is arithmetic on signed, logical on unsigned.</summary>
public static class Shifts
{
    public static int Main()
    {
        for (int n = -2; n <= 66; n += 4)
        {
            Transcript.Write(n);
            Transcript.Write(": ");
            Transcript.Write(1 << n);
            Transcript.Write(" ");
            Transcript.Write(-1000 >> n);
            Transcript.Write(" ");
            Transcript.Write(0x80000000u >> n);
            Transcript.Write(" ");
            Transcript.Write(1L << n);
            Transcript.Write(" ");
            Transcript.Write(long.MinValue >> n);
            Transcript.Write(" ");
            Transcript.WriteLine(ulong.MaxValue >> n);
        }

        int x = -1;
        Transcript.WriteLine(x >>> 28);
        Transcript.WriteLine((uint)x << 31);
        return 0;
    }
}

using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>checked 64-bit multiplication that overflows throws (the multiplication is a libgcc-free builtin on RV32).</summary>
public static class CheckedLongOverflow
{
    public static int Main()
    {
        long x = 3;
        for (int i = 0; i < 50; i++)
        {
            x = Multiply(x, 3);
            Transcript.WriteLine(x);
        }

        return 0;
    }

    private static long Multiply(long a, long b) => checked(a * b);
}

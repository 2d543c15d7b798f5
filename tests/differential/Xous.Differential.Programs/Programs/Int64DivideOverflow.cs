using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>long.MinValue / -1 throws OverflowException.</summary>
public static class Int64DivideOverflow
{
    public static int Main()
    {
        Transcript.WriteLine(Divide(long.MinValue, 1));
        Transcript.WriteLine(Divide(long.MinValue, -1));
        return 0;
    }

    private static long Divide(long a, long b) => a / b;
}

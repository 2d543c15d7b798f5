using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Integer division by zero throws DivideByZeroException.</summary>
public static class DivideByZero
{
    public static int Main()
    {
        Transcript.WriteLine(Divide(10, 3));
        Transcript.WriteLine(Divide(10, 0));
        return 0;
    }

    private static uint Divide(uint a, uint b) => a / b;
}

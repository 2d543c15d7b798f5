using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>int.MinValue % -1 throws OverflowException on .NET, as the division does.</summary>
public static class RemainderMinValueByMinusOne
{
    public static int Main()
    {
        Transcript.WriteLine(Remainder(int.MinValue, 1));
        Transcript.WriteLine(Remainder(int.MinValue + 1, -1));
        Transcript.WriteLine(Remainder(int.MinValue, -1));
        return 0;
    }

    private static int Remainder(int a, int b) => a % b;
}

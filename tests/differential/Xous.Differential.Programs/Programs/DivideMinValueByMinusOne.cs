using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>int.MinValue / -1 throws OverflowException (the CLI rule; RV32's div would return MinValue).</summary>
public static class DivideMinValueByMinusOne
{
    public static int Main()
    {
        Transcript.WriteLine("before");
        Transcript.WriteLine(Divide(int.MinValue, -1));
        Transcript.WriteLine("not reached");
        return 0;
    }

    private static int Divide(int a, int b) => a / b;
}

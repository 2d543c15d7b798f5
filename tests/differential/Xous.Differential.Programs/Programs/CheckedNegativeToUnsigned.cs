using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>conv.ovf.u8 of a negative long, and checked ulong subtraction below zero, throw.</summary>
public static class CheckedNegativeToUnsigned
{
    private static readonly long s_minusOne = -1;

    public static int Main()
    {
        ulong a = 5;
        Transcript.WriteLine(checked(a - 5));
        Transcript.WriteLine(checked((ulong)(s_minusOne + 1)));
        Transcript.WriteLine(checked((ulong)s_minusOne));
        return 0;
    }
}

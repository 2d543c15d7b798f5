using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>div.un and rem.un on uint and ulong, including dividends with the top bit set.</summary>
public static class UnsignedDivision
{
    public static int Main()
    {
        Show(uint.MaxValue, 2);
        Show(uint.MaxValue, uint.MaxValue);
        Show(0x80000000u, 3);
        Show(7, 0x80000000u);
        Show64(ulong.MaxValue, 10);
        Show64(ulong.MaxValue, 0xFFFFFFFFul);
        Show64(0x8000000000000000ul, 7);
        Show64(12345678901234567890ul, 1000000007ul);
        Show64(5, ulong.MaxValue);
        return 0;
    }

    private static void Show(uint a, uint b)
    {
        Transcript.Write(a / b);
        Transcript.Write(" ");
        Transcript.WriteLine(a % b);
    }

    private static void Show64(ulong a, ulong b)
    {
        Transcript.Write(a / b);
        Transcript.Write(" ");
        Transcript.WriteLine(a % b);
    }
}

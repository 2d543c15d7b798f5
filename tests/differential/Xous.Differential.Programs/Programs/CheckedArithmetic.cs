using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>checked arithmetic that stays in range gives the ordinary results, signed and unsigned, 32 and 64 bits.</summary>
public static class CheckedArithmetic
{
    public static int Main()
    {
        int a = int.MaxValue - 1;
        int b = int.MinValue + 1;
        Transcript.WriteLine(checked(a + 1));
        Transcript.WriteLine(checked(b - 1));
        Transcript.WriteLine(checked(46340 * 46340));
        Transcript.WriteLine(checked(-46340 * 46341));
        uint u = uint.MaxValue - 1;
        Transcript.WriteLine(checked(u + 1));
        Transcript.WriteLine(checked(u - uint.MaxValue + 1));
        Transcript.WriteLine(checked(65535u * 65537u));
        long l = long.MaxValue - 1;
        Transcript.WriteLine(checked(l + 1));
        Transcript.WriteLine(checked(3037000499L * 3037000499L));
        ulong ul = ulong.MaxValue / 3;
        Transcript.WriteLine(checked(ul * 3));
        Transcript.WriteLine(Overflows(int.MaxValue, 2) ? "mul overflows" : "mul fits");
        return 0;
    }

    private static bool Overflows(int x, int y) => (long)x * y > int.MaxValue;
}

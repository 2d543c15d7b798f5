using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>nint/nuint arithmetic and conversions on values that fit in 32 bits (native int is 32 bits on RV32).</summary>
public static class NativeIntegers
{
    public static int Main()
    {
        nint a = 100000;
        nint b = -7;
        Transcript.WriteLine((long)(a * b));
        Transcript.WriteLine((long)(a / b));
        Transcript.WriteLine((long)(a % b));
        nuint u = 0xFFFF;
        Transcript.WriteLine((ulong)(u * 3 + 1));
        Transcript.WriteLine((int)(a + 5) >> 1);
        Transcript.WriteLine(a > b);
        Transcript.WriteLine((nuint)(uint)a > u);
        Transcript.WriteLine(checked((int)(a * 2)));
        return 0;
    }
}

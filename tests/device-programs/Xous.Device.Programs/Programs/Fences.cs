using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>Barrier.Fence, FenceI and CompilerBarrier run (the test finds fence and fence.i in the image).</summary>
public static class Fences
{
    private static uint s_value;

    public static int Main()
    {
        s_value = 1;
        Barrier.Fence();
        s_value = 2;
        Barrier.FenceI();
        s_value = 3;
        Barrier.CompilerBarrier();
        Transcript.Write("fences ran, value=");
        Transcript.WriteLine(s_value);
        return 0;
    }
}

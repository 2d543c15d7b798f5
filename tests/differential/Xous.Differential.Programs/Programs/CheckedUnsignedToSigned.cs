using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>conv.ovf.i4.un: uint.MaxValue does not fit in int.</summary>
public static class CheckedUnsignedToSigned
{
    private static readonly uint s_big = uint.MaxValue;

    public static int Main()
    {
        uint x = 0x7FFFFFFF;
        Transcript.WriteLine(checked((int)x));
        ulong y = 0x7FFFFFFFFFFFFFFF;
        Transcript.WriteLine(checked((long)y));
        Transcript.WriteLine(checked((int)s_big));
        return 0;
    }
}

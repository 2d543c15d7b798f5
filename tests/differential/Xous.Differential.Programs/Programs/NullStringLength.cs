using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A call on a null reference throws NullReferenceException in the caller.</summary>
public static class NullStringLength
{
    public static int Main()
    {
        Transcript.WriteLine(Length("four"));
        Transcript.WriteLine(Length(null));
        return 0;
    }

    private static int Length(string? text) => text!.Length;
}

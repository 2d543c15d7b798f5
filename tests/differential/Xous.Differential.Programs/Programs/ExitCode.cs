using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Main's return value is the process exit status.</summary>
public static class ExitCode
{
    public static int Main()
    {
        Transcript.WriteLine("exiting with 42");
        return 40 + Two();
    }

    private static int Two() => 2;
}

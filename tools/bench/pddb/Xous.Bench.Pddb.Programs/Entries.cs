namespace Xous.Bench.Pddb.Programs;

// The entry points tools/ilcompiler compiles, one per kernel; Main returns the kernel's checksum, which the measuring
// driver (tools/bench/compiler/driver/csharp_main.c) prints after reading instret around the call.

/// <summary>Entry of <see cref="MountScanSetup"/>.</summary>
public static class MountScanSetupProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)MountScanSetup.Run();
}

/// <summary>Entry of <see cref="MountScan"/>.</summary>
public static class MountScanProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)MountScan.Run();
}

/// <summary>Entry of <see cref="PrepareImage"/>.</summary>
public static class PrepareImageProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)PrepareImage.Run();
}

/// <summary>Entry of <see cref="MountImage"/>.</summary>
public static class MountImageProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)MountImage.Run();
}

/// <summary>Entry of <see cref="BulkReadImage"/>.</summary>
public static class BulkReadImageProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)BulkReadImage.Run();
}

/// <summary>Entry of <see cref="ReadEachImage"/>.</summary>
public static class ReadEachImageProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)ReadEachImage.Run();
}

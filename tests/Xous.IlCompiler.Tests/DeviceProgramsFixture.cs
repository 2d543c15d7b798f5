namespace Xous.IlCompiler.Tests;

/// <summary>
/// Builds the device flavour of tests/device-programs once per test run and says where its assemblies are. The build
/// gets a tree of its own under this build's artifacts (<c>$XousArtifacts/device-programs/</c>): the differential
/// fixture builds the device corlib at the same time, and two builds must not share obj/ folders. A device build in a
/// fresh tree first needs the analyzers in the host flavour, so they are built first.
/// </summary>
public sealed class DeviceProgramsFixture
{
    public DeviceProgramsFixture()
    {
        string artifacts = Path.Combine(BuildInfo.Artifacts, "device-programs") + Path.DirectorySeparatorChar;
        string analyzers = Path.Combine(BuildInfo.Root, "runtime", "Xous.DeviceProfile.Analyzers", "Xous.DeviceProfile.Analyzers.csproj");
        string programs = Path.Combine(BuildInfo.Root, "tests", "device-programs", "Xous.Device.Programs", "Xous.Device.Programs.csproj");
        var output = new System.Text.StringBuilder();
        BuildSucceeded = Build(analyzers, [], artifacts, output) && Build(programs, ["-p:XousFlavour=device"], artifacts, output);
        BuildOutput = output.ToString();
        OutputDirectory = Path.Combine(artifacts, "bin", "device", "Xous.Device.Programs", BuildInfo.Configuration, "net10.0");
    }

    public bool BuildSucceeded { get; }

    public string BuildOutput { get; }

    /// <summary>The device-flavour output folder (the programs, Xous.Hardware, the transcript library and the corlib).</summary>
    public string OutputDirectory { get; }

    public string ProgramsAssembly => Path.Combine(OutputDirectory, "Xous.Device.Programs.dll");

    public IReadOnlyList<string> References =>
    [
        Path.Combine(OutputDirectory, "Xous.CoreLib.dll"),
        Path.Combine(OutputDirectory, "Xous.Hardware.dll"),
        Path.Combine(OutputDirectory, "Xous.Diagnostics.Transcript.dll"),
    ];

    private static bool Build(string project, string[] properties, string artifacts, System.Text.StringBuilder log)
    {
        (int exitCode, string output, string error) = ProcessRunner.Run(
            "dotnet",
            ["build", project, .. properties, "-p:XousArtifacts=" + artifacts, "-c", BuildInfo.Configuration, "-nodeReuse:false", "-nologo", "-v", "q"],
            TimeSpan.FromMinutes(5),
            BuildInfo.Root,
            DifferentialFixture.CleanEnvironment());
        log.Append(output).Append(error);
        return exitCode == 0;
    }
}

using System.Diagnostics;

namespace Xous.IlCompiler.Tests;

/// <summary>
/// Builds the device flavour of tests/differential once per test run (the host flavour is a project reference of
/// this assembly) and says where its assemblies are.
/// </summary>
public sealed class DifferentialFixture
{
    private static readonly Lazy<DifferentialFixture> s_shared = new(() => new DifferentialFixture(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The one build of the test run, shared by the parallel parts of the suite.</summary>
    public static DifferentialFixture Shared => s_shared.Value;

    private DifferentialFixture()
    {
        string project = Path.Combine(BuildInfo.Root, "tests", "differential", "Xous.Differential.Programs", "Xous.Differential.Programs.csproj");
        (int exitCode, string output, string error) = ProcessRunner.Run(
            "dotnet",
            ["build", project, "-p:XousFlavour=device", "-p:XousArtifacts=" + BuildInfo.Artifacts, "-c", BuildInfo.Configuration, "-nodeReuse:false", "-nologo", "-v", "q"],
            TimeSpan.FromMinutes(5),
            BuildInfo.Root,
            CleanEnvironment());
        BuildOutput = output + error;
        BuildSucceeded = exitCode == 0;
        OutputDirectory = Path.Combine(BuildInfo.Artifacts, "bin", "device", "Xous.Differential.Programs", BuildInfo.Configuration, "net10.0");
    }

    public bool BuildSucceeded { get; }

    public string BuildOutput { get; }

    /// <summary>The device-flavour output folder (the programs, the transcript library, libs/Xous.Crypto and the corlib).</summary>
    public string OutputDirectory { get; }

    public string ProgramsAssembly => Path.Combine(OutputDirectory, "Xous.Differential.Programs.dll");

    public IReadOnlyList<string> References =>
    [
        Path.Combine(OutputDirectory, "Xous.CoreLib.dll"),
        Path.Combine(OutputDirectory, "Xous.Diagnostics.Transcript.dll"),
        Path.Combine(OutputDirectory, "Xous.Crypto.dll"),
    ];

    /// <summary>The test host runs inside MSBuild/VSTest; a nested build must not inherit its settings.</summary>
    internal static Dictionary<string, string?> CleanEnvironment()
    {
        var environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        foreach (string name in new ProcessStartInfo().Environment.Keys)
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        return environment;
    }
}

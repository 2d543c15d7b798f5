using System.Diagnostics;

namespace Xous.Tool;

/// <summary>The verbs of the xous command.</summary>
internal static class Commands
{
    /// <summary>Builds the host flavour of the whole solution, or the device flavour of the device-profile projects.</summary>
    public static int Build(RepositoryLayout layout, bool device, string configuration) =>
        device ? BuildDevice(layout, configuration) : BuildHost(layout, configuration);

    /// <summary>
    /// The differential conformance suite alone (issue 4): every program of tests/differential on the host CLR and,
    /// compiled by tools/ilcompiler, on RV32 in QEMU. Builds what it needs, installs the Debian toolchain when it is
    /// missing and the user is root, and prints a closing "N passed, N failed, N skipped" line.
    /// </summary>
    public static int TestDifferential(RepositoryLayout layout, string configuration)
    {
        var clock = Stopwatch.StartNew();
        string project = layout.Under(Path.Combine("tests", "Xous.IlCompiler.Tests", "Xous.IlCompiler.Tests.csproj"));
        Step("build tests/Xous.IlCompiler.Tests");
        if (ProcessRunner.Dotnet(layout, "build", project, "-c", configuration, "-nologo", "-v", "q") != 0)
        {
            return Fail("build failed");
        }

        Step("Debian packages: " + string.Join(", ", Prerequisites.DeviceToolchain.Select(t => t.Package)));
        string? toolchainMissing = Prerequisites.Ensure(Prerequisites.DeviceToolchain);
        if (toolchainMissing is not null)
        {
            Console.WriteLine("  " + toolchainMissing);
        }

        Step("differential suite (host CLR vs RV32 in QEMU)");
        string results = Path.Combine(layout.Artifacts, "test-results-differential");
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        int testExit = ProcessRunner.Dotnet(
            layout, "test", project, "--no-build", "-c", configuration, "-nologo",
            "--filter", "FullyQualifiedName~Xous.IlCompiler.Tests.Differential",
            "--logger", "trx", "--logger", "console;verbosity=minimal", "--results-directory", results);
        SuiteCounts[] suites = [.. SuiteCounts.ReadAll(results)];
        int passed = suites.Sum(s => s.Passed);
        int failed = suites.Sum(s => s.Failed);
        int skipped = suites.Sum(s => s.Skipped);
        Console.WriteLine($"differential suite in {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
        bool ok = testExit == 0 && failed == 0 && passed > 0 && (skipped == 0 || !IsCi());
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Restores, builds both flavours, checks formatting and runs every test project, then the script suites (the native
    /// runtime in QEMU, the Vault interop suites with python-fido2 and libfido2, the fuzz smoke run under AFL++), each
    /// after installing its Debian packages when missing; prints per-suite counts and a closing
    /// "N passed, N failed, N skipped" line. Returns 0 only when everything passed.
    /// </summary>
    public static int Test(RepositoryLayout layout, string configuration)
    {
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();

        Step("restore");
        if (ProcessRunner.Dotnet(layout, "restore", layout.Solution, "-nologo") != 0)
        {
            return Fail("restore failed");
        }

        if (BuildHost(layout, configuration, restore: false) != 0)
        {
            return Fail("host build failed");
        }

        if (BuildDevice(layout, configuration) != 0)
        {
            return Fail("device build failed");
        }

        Step("format (dotnet format --verify-no-changes)");
        if (ProcessRunner.Dotnet(layout, "format", layout.Solution, "--verify-no-changes", "--no-restore") != 0)
        {
            problems.Add("formatting differs from .editorconfig: run `dotnet format Xous.sln`");
        }

        // The device suites (the compiler's differential tests, the native runtime) need the RISC-V toolchain and QEMU.
        Step("Debian packages for the device suites: " + string.Join(", ", Prerequisites.DeviceToolchain.Select(t => t.Package)));
        string? toolchainMissing = Prerequisites.Ensure(Prerequisites.DeviceToolchain);
        if (toolchainMissing is not null)
        {
            // Not a problem by itself: each device suite reports it (the native suite as a skip, which CI=true refuses).
            Console.WriteLine("  " + toolchainMissing + " (the device suites will fail or report skips; CI=true refuses skips)");
        }

        Step("tests");
        string results = Path.Combine(layout.Artifacts, "test-results");
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        int testExit = ProcessRunner.Dotnet(
            layout, "test", layout.Solution, "--no-build", "-c", configuration, "-nologo",
            "--logger", "trx", "--logger", "console;verbosity=minimal", "--results-directory", results,
            "--blame-hang-timeout", "15m");

        var suites = new List<SuiteCounts>(SuiteCounts.ReadAll(results));
        Step("native runtime on RV32 in QEMU (tests/native/run.sh)");
        SuiteCounts? native = ScriptSuite.Run(layout, "native runtime (QEMU)", Path.Combine("tests", "native", "run.sh"), toolchainMissing, problems, IsCi());
        var scriptSuites = new List<string> { "native runtime (QEMU)" };
        if (native is not null)
        {
            suites.Add(native);
        }

        // Vault against real clients (python-fido2, the libfido2 CLIs) and the fuzz targets under AFL++: both run the
        // programs this build produced, so they are told where (XOUS_VAULT_DLL, XousArtifacts, XOUS_ROOT).
        Dictionary<string, string> vaultEnvironment = VaultScriptEnvironment(layout, configuration);
        foreach ((string name, string script, (string Command, string Package)[] needs) in new[]
        {
            ("interop (python-fido2, libfido2)", Path.Combine("tests", "interop", "run.sh"), Prerequisites.InteropTools),
            ("fuzz smoke (SharpFuzz + AFL++)", Path.Combine("tests", "fuzz", "run.sh"), Prerequisites.FuzzTools),
        })
        {
            Step($"{name} ({script})");
            Console.WriteLine("  Debian packages: " + string.Join(", ", needs.Select(n => n.Package).Distinct()));
            string? missing = Prerequisites.Ensure(needs);
            SuiteCounts? counts = ScriptSuite.Run(layout, name, script, missing, problems, IsCi(), vaultEnvironment);
            scriptSuites.Add(name);
            if (counts is not null)
            {
                suites.Add(counts);
            }
        }

        IReadOnlyList<string> reported = SuiteCounts.ReportedCounts(results);
        if (reported.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Counts reported by tests:");
            foreach (string line in reported)
            {
                Console.WriteLine("  " + line);
            }
        }

        Console.WriteLine();
        Console.WriteLine("Test suites:");
        foreach (SuiteCounts suite in suites)
        {
            Console.WriteLine($"  {suite.Suite,-40} {suite.Passed,6} passed {suite.Failed,4} failed {suite.Skipped,4} skipped");
        }

        int passed = suites.Sum(s => s.Passed);
        int failed = suites.Sum(s => s.Failed);
        int skipped = suites.Sum(s => s.Skipped);
        if (testExit != 0 && suites.Where(s => !scriptSuites.Contains(s.Suite)).Sum(s => s.Failed) == 0)
        {
            problems.Add($"dotnet test exited with {testExit} without a failed test in the TRX files (a test host crashed?)");
        }

        if (skipped > 0 && IsCi())
        {
            problems.Add($"{skipped} tests were skipped; CI=true does not allow skipping");
        }

        foreach (string problem in problems)
        {
            Console.WriteLine($"problem: {problem}");
        }

        Console.WriteLine($"{suites.Count} suites in {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
        return failed == 0 && problems.Count == 0 && suites.Count > 0 ? 0 : 1;
    }

    private static int BuildHost(RepositoryLayout layout, string configuration, bool restore = true)
    {
        Step($"build host flavour ({configuration})");
        var arguments = new List<string> { "build", layout.Solution, "-c", configuration, "-nologo" };
        if (!restore)
        {
            arguments.Add("--no-restore");
        }

        return ProcessRunner.Run("dotnet", arguments, layout.Root);
    }

    private static int BuildDevice(RepositoryLayout layout, string configuration)
    {
        IReadOnlyList<DeviceProject> projects = DeviceProjects.Discover(layout);
        Step($"build device flavour ({configuration}): {string.Join(", ", projects.Select(p => p.Name))}");
        string filter = DeviceProjects.WriteSolutionFilter(layout, projects);
        if (ProcessRunner.Dotnet(layout, "build", filter, "-c", configuration, "-nologo", "-p:XousFlavour=device") != 0)
        {
            return 1;
        }

        Step("check device outputs reference only Xous.CoreLib and device-profile assemblies");
        bool ok = true;
        foreach (DeviceOutputVerifier.Finding finding in DeviceOutputVerifier.Verify(layout, projects, configuration))
        {
            if (finding.Missing)
            {
                Console.WriteLine($"  {finding.Assembly}: output missing");
                ok = false;
                continue;
            }

            string references = finding.References.Count == 0 ? "(none)" : string.Join(", ", finding.References);
            string verdict = finding.Forbidden.Count == 0 ? "ok" : "FORBIDDEN: " + string.Join(", ", finding.Forbidden);
            Console.WriteLine($"  {finding.Assembly,-32} -> {references}  {verdict}");
            ok &= finding.Forbidden.Count == 0;
        }

        return ok ? 0 : 1;
    }

    /// <summary>
    /// What the Vault script suites need to find this build: the xous-vault program (XOUS_VAULT_DLL), the artifacts
    /// folder of this build (XousArtifacts, with its trailing slash, honouring a moved tree) and the root.
    /// </summary>
    private static Dictionary<string, string> VaultScriptEnvironment(RepositoryLayout layout, string configuration)
    {
        string? moved = Environment.GetEnvironmentVariable("XousArtifacts");
        string artifacts = string.IsNullOrEmpty(moved) ? layout.Artifacts : Path.GetFullPath(moved);
        artifacts = artifacts.TrimEnd('/') + "/";
        return new Dictionary<string, string>
        {
            ["XOUS_ROOT"] = layout.Root,
            ["XousArtifacts"] = artifacts,
            ["XOUS_CONFIGURATION"] = configuration,
            ["XOUS_VAULT_DLL"] = Path.Combine(artifacts, "bin", "host", "Xous.Vault.Host", configuration, "net10.0", "xous-vault.dll"),
        };
    }

    private static bool IsCi() =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static void Step(string what) => Console.WriteLine($"==> {what}");

    private static int Fail(string why)
    {
        Console.WriteLine($"xous test: {why}; no tests ran");
        return 1;
    }
}

using System.Diagnostics;

namespace Xous.Tool;

/// <summary>The verbs that run programs of the solution: <c>run</c> (the hosted Precursor) and <c>bench</c>.</summary>
internal static class HostedCommands
{
    private const string HostedProject = "xous-kernel/Xous.Hosted/Xous.Hosted.csproj";
    private const string BenchProject = "tools/bench/Xous.Bench/Xous.Bench.csproj";

    /// <summary>
    /// Builds the hosted system (Release) and runs it: kernel, base services and the other programs of the launch
    /// plan, logging to the terminal until Ctrl-C or <c>--exit-after</c>. Returns the hosted system's exit code.
    /// </summary>
    public static int Run(RepositoryLayout layout, IReadOnlyList<string> forwarded)
    {
        string? dll = BuildRelease(layout, HostedProject, "Xous.Hosted");
        return dll is null ? 1 : RunChild(layout, dll, ["run", .. forwarded]);
    }

    /// <summary>Builds the benchmark program (Release) and runs one suite, e.g. <c>ipc</c>.</summary>
    public static int Bench(RepositoryLayout layout, IReadOnlyList<string> forwarded)
    {
        string? dll = BuildRelease(layout, BenchProject, "Xous.Bench");
        return dll is null ? 1 : RunChild(layout, dll, [.. forwarded, "--root", layout.Root]);
    }

    private static string? BuildRelease(RepositoryLayout layout, string project, string name)
    {
        Console.WriteLine($"==> build {name} (Release)");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = layout.Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "build", layout.Under(project), "-c", "Release", "-nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using (Process build = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet."))
        {
            Task<string> errors = build.StandardError.ReadToEndAsync();
            string output = build.StandardOutput.ReadToEnd();
            build.WaitForExit();
            if (build.ExitCode != 0)
            {
                Console.Error.WriteLine(output + errors.Result);
                Console.Error.WriteLine($"xous: could not build {project}");
                return null;
            }
        }

        return Path.Combine(layout.OutputDirectory(name, "host", "Release"), name + ".dll");
    }

    private static int RunChild(RepositoryLayout layout, string dll, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = layout.Root, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");

        // Ctrl-C reaches the child too (same process group); it shuts the system down and exits. Wait for it.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        child.WaitForExit();
        return child.ExitCode;
    }
}

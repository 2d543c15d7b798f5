using System.Diagnostics;
using System.Text;

namespace Xous.Bench;

/// <summary>What a child process did: its exit status and output, or that it ran out of time.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error, bool TimedOut)
{
    /// <summary>True when the process ended in time with status 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The first line of the error output, else of the output, that contains <c>error</c>; else the first line.</summary>
    public string FirstErrorLine()
    {
        string[] lines = (Error + "\n" + Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.FirstOrDefault() ?? "(no output)";
    }
}

/// <summary>Runs the tools of the compiler suite (dotnet, gcc, binutils, QEMU) with captured output and a time limit.</summary>
internal static class ToolProcess
{
    /// <summary>Runs <paramref name="program"/>; on timeout kills it (and its children) and says so.</summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A dotnet started from `dotnet run` or a test host must not inherit that build's MSBuild settings.
        foreach (string name in start.Environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ToolResult(-1, output.Result, error.Result, TimedOut: true);
        }

        return new ToolResult(process.ExitCode, output.Result, error.Result, TimedOut: false);
    }

    /// <summary>True when <paramref name="program"/> is an executable on PATH.</summary>
    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, program)));
}

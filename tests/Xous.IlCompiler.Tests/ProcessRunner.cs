using System.Diagnostics;
using System.Text;

namespace Xous.IlCompiler.Tests;

/// <summary>Runs a tool with a timeout, capturing its output as bytes decoded as UTF-8.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string StandardOutput, string StandardError) Run(
        string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, IDictionary<string, string?>? environment = null)
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

        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value == null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} took more than {timeout.TotalSeconds} s; output so far:\n{stdout.Result}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>True when <paramref name="program"/> is on PATH.</summary>
    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, program)));
}

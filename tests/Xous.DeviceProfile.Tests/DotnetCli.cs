using System.Diagnostics;

namespace Xous.DeviceProfile.Tests;

/// <summary>Runs the dotnet CLI the way a developer would, isolated from the test host's MSBuild settings.</summary>
internal static class DotnetCli
{
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BuildInfo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside an MSBuild/VSTest environment; a nested build must not inherit it.
        foreach (string name in start.Environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " took more than five minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

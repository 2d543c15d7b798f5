using System.Diagnostics;

namespace Xous.Tool;

/// <summary>Runs child processes with their output passed through.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> and returns its exit code; output goes to this console.</summary>
    public static int Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Runs a dotnet CLI command in the repository root.</summary>
    public static int Dotnet(RepositoryLayout layout, params string[] arguments) =>
        Run("dotnet", arguments, layout.Root);
}

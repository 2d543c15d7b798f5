using System.Diagnostics;

namespace Xous.Hosted.Tests;

/// <summary>The <c>run</c> verb as `./xous run` uses it: the real executable, OS processes and in-process units.</summary>
public sealed class RunCommandTests
{
    [Theory]
    [InlineData("os")]
    [InlineData("inproc")]
    public async Task RunHeadlessExitsCleanlyAfterTheGivenTime(string processes)
    {
        string dll = typeof(HostedSystem).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { dll, "run", "--headless", "--exit-after", "4", "--processes", processes })
        {
            start.ArgumentList.Add(argument);
        }

        using Process run = Process.Start(start)!;
        Task<string> output = run.StandardOutput.ReadToEndAsync();
        Task<string> errors = run.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await run.WaitForExitAsync(timeout.Token);
        string text = await output + await errors;
        Assert.True(run.ExitCode == 0, "exit code " + run.ExitCode + ":\n" + text);
        Assert.Contains("registered 'ticktimer-server'", text, StringComparison.Ordinal);
        Assert.Contains("connected to ticktimer-server by name", text, StringComparison.Ordinal);
        Assert.Contains("kernel: stopped cleanly", text, StringComparison.Ordinal);
    }
}

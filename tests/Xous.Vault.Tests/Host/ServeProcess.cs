using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xous.Vault.Host.Serve;

namespace Xous.Vault.Tests.Host;

/// <summary>`xous-vault serve` as a child process (the built dll beside the tests), as the interop fixtures run it.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly Task _errorPump;

    private ServeProcess(Process process)
    {
        _process = process;
        _errorPump = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is string line)
            {
                lock (_errors)
                {
                    _errors.AppendLine(line);
                }
            }
        });
    }

    public int Port { get; private set; }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static string DllPath => Path.Combine(Path.GetDirectoryName(typeof(ServeCommand).Assembly.Location)!, "xous-vault.dll");

    /// <summary>
    /// Starts serve with <paramref name="arguments"/> after <c>serve</c>; stdin is redirected and closed at once unless
    /// <paramref name="keepInputOpen"/> (then <see cref="WriteInputLine"/> types answers).
    /// </summary>
    public static ServeProcess Start(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, bool keepInputOpen = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        start.ArgumentList.Add("serve");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("XOUS_PDDB_PIN");
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        if (!keepInputOpen)
        {
            process.StandardInput.Close();
        }

        return new ServeProcess(process);
    }

    /// <summary>Writes one line to the process's standard input.</summary>
    public void WriteInputLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Reads the PORT=N line (the first line of stdout); false when the process ended first.</summary>
    public async Task<bool> WaitForPortAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        string? line = await _process.StandardOutput.ReadLineAsync(cancel.Token);
        if (line is null || !line.StartsWith("PORT=", StringComparison.Ordinal))
        {
            return false;
        }

        Port = int.Parse(line.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Sends SIGTERM (through kill(1)) and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        await _errorPump;
        return _process.ExitCode;
    }

    public async Task<string> ReadRemainingOutputAsync() => await _process.StandardOutput.ReadToEndAsync();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}

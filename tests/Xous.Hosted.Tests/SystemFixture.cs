using System.Text;
using Xous.Abi;

namespace Xous.Hosted.Tests;

/// <summary>A running in-process hosted system whose log output the test can read.</summary>
internal sealed class RunningSystem : IDisposable
{
    private readonly StringWriter _log = new();
    private readonly StringWriter _errors = new();
    private readonly StringBuilder _host = new();

    public RunningSystem(ProcessMode mode = ProcessMode.InProcess)
    {
        System = new HostedSystem(mode, new TerminalLogOutput(TextWriter.Synchronized(_log), TextWriter.Synchronized(_errors)), line =>
        {
            lock (_host)
            {
                _host.AppendLine(line);
            }
        });
        System.Start(Programs.BaseServices);
    }

    public HostedSystem System { get; }

    public string Log => _log.ToString();

    public string Errors => _errors.ToString();

    public string HostLog
    {
        get
        {
            lock (_host)
            {
                return _host.ToString();
            }
        }
    }

    /// <summary>Runs <paramref name="main"/> as a new process of the system and waits for its exit code.</summary>
    public int RunClient(string name, Func<Xous.Runtime.ProcessContext, int> main, int timeoutSeconds = 60)
    {
        Task<int> client = System.StartClient(name, main);
        Assert.True(client.Wait(TimeSpan.FromSeconds(timeoutSeconds)), name + " did not finish; host log:\n" + HostLog + "\nlog:\n" + Log);
        return client.Result;
    }

    /// <summary>Runs a client that must exit with 0; otherwise fails showing the logs (a panic's text is there).</summary>
    public void RunClientOk(string name, Func<Xous.Runtime.ProcessContext, int> main)
    {
        int exit = RunClient(name, main);
        Assert.True(exit == 0, name + " exited with " + exit + "; log:\n" + Log + "\nerrors:\n" + Errors + "\nhost:\n" + HostLog);
    }

    /// <summary>Waits until the log contains <paramref name="text"/>.</summary>
    public void WaitForLog(string text, int timeoutSeconds = 30)
    {
        DateTime end = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!Log.Contains(text, StringComparison.Ordinal) && !Errors.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < end, "the log never showed '" + text + "'; log:\n" + Log + "\nerrors:\n" + Errors + "\nhost:\n" + HostLog);
            Thread.Sleep(20);
        }
    }

    public void AssertKernelConsistent() => Assert.Null(System.Host.FindInvariantViolation());

    public void Dispose() => System.Stop();

    public static Pid Pid(Xous.Runtime.ProcessContext context) => context.Port.Process;
}

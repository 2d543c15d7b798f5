using System.Diagnostics;
using Xous.Abi;
using Xous.Kernel.Hosted;
using Xous.Runtime;
using Xous.Runtime.Hosted;

namespace Xous.Hosted;

/// <summary>How the hosted system runs its programs.</summary>
public enum ProcessMode
{
    /// <summary>Each program is an in-process unit on its own threads, joined to the kernel by an in-memory stream.</summary>
    InProcess,

    /// <summary>Each program is an OS process (this executable, verb <c>process</c>) joined by a local TCP socket.</summary>
    OsProcess,
}

/// <summary>
/// The hosted Precursor: a <see cref="KernelHost"/> and the programs of the launch plan, started in order as in-process
/// units or OS processes. Used by <c>./xous run</c> and by the system tests.
/// </summary>
public sealed class HostedSystem : IDisposable
{
    private readonly ProcessMode _mode;
    private readonly TerminalLogOutput _logOutput;
    private readonly Action<string> _hostLog;
    private readonly List<Thread> _units = [];
    private readonly List<HostDevices> _devices = [];
    private readonly List<Process> _children = [];
    private readonly Lock _lock = new();
    private readonly Dictionary<Pid, string> _names = [];
    private readonly List<Thread> _launcherUnits = [];
    private readonly CancellationTokenSource _stoppingSource = new();
    private volatile bool _stopping;
    private int _unexpectedExits;
    private int _stopped;

    /// <summary>Creates the kernel host; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="mode">In-process units or OS processes.</param>
    /// <param name="logOutput">Where the log server writes (the terminal by default).</param>
    /// <param name="hostLog">Where the kernel host's own lines go (process start and exit, protocol errors).</param>
    public HostedSystem(ProcessMode mode, TerminalLogOutput? logOutput = null, Action<string>? hostLog = null)
    {
        _mode = mode;
        _logOutput = logOutput ?? new TerminalLogOutput();
        _hostLog = hostLog ?? (line => Console.WriteLine("kernel: " + line));
        Host = new KernelHost(new KernelHostOptions { Log = _hostLog });
        Host.ProcessExited += OnProcessExited;
    }

    /// <summary>The kernel host.</summary>
    public KernelHost Host { get; }

    /// <summary>How many processes ended before <see cref="Stop"/> with a non-zero exit code.</summary>
    public int UnexpectedExits => Volatile.Read(ref _unexpectedExits);

    /// <summary>Starts <paramref name="programs"/> in order.</summary>
    public void Start(IEnumerable<HostedProgram> programs)
    {
        foreach (HostedProgram program in programs)
        {
            bool inProcess = _mode == ProcessMode.InProcess || program.RunsInLauncher;
            Pid pid = inProcess ? StartInProcess(program) : StartOsProcess(program);
            lock (_lock)
            {
                _names[pid] = program.Name;
            }

            _hostLog("started " + program.Name + " as pid " + pid.Value.ToString() +
                     (inProcess ? " (in-process" + (_mode == ProcessMode.InProcess ? ")" : ", in the launcher: it needs the terminal)") : " (OS process)"));
        }
    }

    /// <summary>
    /// Starts an extra in-process program (tests: a client of the running system). Its main runs on a new thread with a
    /// <see cref="ProcessContext"/> of its own; the returned task completes with its exit code.
    /// </summary>
    public Task<int> StartClient(string name, Func<ProcessContext, int> main)
    {
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Pid pid = StartInProcess(new HostedProgram(name, (context, _) => main(context)), done);
        lock (_lock)
        {
            _names[pid] = name;
        }

        return done.Task;
    }

    /// <summary>One line per live process: PID and program name.</summary>
    public IReadOnlyList<string> DescribeProcesses()
    {
        var lines = new List<string>();
        lock (_lock)
        {
            foreach ((Pid pid, string name) in _names.OrderBy(entry => entry.Key.Value))
            {
                if (Host.Inspect(kernel => kernel.IsProcessAlive(pid)))
                {
                    lines.Add("pid " + pid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "  " + name);
                }
            }
        }

        return lines;
    }

    /// <summary>Ends every process and closes the host. Idempotent.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _stopping = true;

        // Programs that serve something outside Xous finish first, while the log server still takes their last lines.
        _stoppingSource.Cancel();
        foreach (Thread unit in _launcherUnits)
        {
            unit.Join(TimeSpan.FromSeconds(5));
        }

        Host.Shutdown();
        lock (_lock)
        {
            foreach (HostDevices devices in _devices)
            {
                devices.Dispose();
            }
        }

        foreach (Thread unit in _units)
        {
            unit.Join(TimeSpan.FromSeconds(5));
        }

        foreach (Process child in _children)
        {
            if (!child.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                child.Kill(entireProcessTree: true);
            }

            child.Dispose();
        }
    }

    /// <summary>Same as <see cref="Stop"/>.</summary>
    public void Dispose() => Stop();

    /// <summary>Runs one program as this OS process (verb <c>process</c>): connects to the kernel from the environment.</summary>
    public static int RunAsChild(HostedProgram program)
    {
        using HostedKernelPort port = HostedKernelPort.FromEnvironment();
        using var devices = new HostDevices(new TerminalLogOutput());
        return new ProcessContext(port).Run(context => program.Main(context, devices), ProgramNameFor(program));
    }

    private Pid StartInProcess(HostedProgram program, TaskCompletionSource<int>? done = null)
    {
        InProcessAttachment attachment = Host.AttachInProcess(program.Name);
        var devices = new HostDevices(_logOutput, _stoppingSource.Token);
        lock (_lock)
        {
            _devices.Add(devices);
        }

        var unit = new Thread(() =>
        {
            int exitCode = -1;
            try
            {
                // The thread that builds the port is the process's initial thread (TID 2).
                using var port = new HostedKernelPort(attachment.Stream, attachment.Key, attachment.Process);
                exitCode = new ProcessContext(port).Run(context => program.Main(context, devices), ProgramNameFor(program));
            }
            catch (IOException e) when (_stopping)
            {
                _hostLog(program.Name + ": stream closed during shutdown (" + e.Message + ")");
            }
            finally
            {
                done?.TrySetResult(exitCode);
            }
        })
        {
            IsBackground = true,
            Name = "xous " + program.Name,
        };
        _units.Add(unit);
        if (program.RunsInLauncher)
        {
            _launcherUnits.Add(unit);
        }

        unit.Start();
        return attachment.Process;
    }

    private Pid StartOsProcess(HostedProgram program)
    {
        string self = typeof(HostedSystem).Assembly.Location;
        string dotnet = Environment.ProcessPath ?? "dotnet";
        IEnumerable<string> arguments = Path.GetFileNameWithoutExtension(dotnet) == "dotnet"
            ? [self, "process", program.Name]
            : ["process", program.Name];
        Process child = Host.StartOsProcess(program.Name, dotnet, arguments);
        _children.Add(child);
        return new Pid(byte.Parse(child.StartInfo.Environment["XOUS_PID"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    // The log server cannot send its own name to itself before its server exists; the others name themselves.
    private static string? ProgramNameFor(HostedProgram program) =>
        program.Name == Xous.Log.Server.LogServer.ProgramName ? null : program.Name;

    private void OnProcessExited(object? sender, ProcessExitedEventArgs e)
    {
        if (!_stopping && e.ExitCode != 0)
        {
            Interlocked.Increment(ref _unexpectedExits);
        }

        if (!_stopping)
        {
            _hostLog(e.Name + " (pid " + e.Process.Value.ToString() + ") exited with code " + e.ExitCode.ToString());
        }
    }
}

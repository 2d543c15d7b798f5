using System;
using System.Threading;
using Xous.Abi;
using Xous.Log.Api;
using Xous.Names.Api;
using Xous.Ticktimer.Api;

namespace Xous.Runtime;

/// <summary>
/// Everything one process's runtime holds (docs/runtime.md): its syscalls, its connections to the log, ticktimer and
/// name servers (made on first use), the key counter of its mutexes and condition variables, and the entry wrapper that
/// turns an unhandled exception into a panic report. One instance per process; nothing is static, so several processes
/// can run in one .NET process (in-process units), each with its own context and port.
/// <para>Thread-safe: lazily made clients are published with an atomic compare-and-swap.</para>
/// </summary>
public sealed partial class ProcessContext
{
    private readonly IKernelPort _port;
    private readonly KernelCalls _kernel;
    private readonly ProcessOutput _output;
    private ILog? _log;
    private ITicktimer? _ticktimer;
    private INames? _names;
    private long _nextKey;
    private int _panicking;

    /// <summary>The runtime of the process that reaches its kernel through <paramref name="port"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="port"/> is null.</exception>
    public ProcessContext(IKernelPort port)
    {
        _port = port ?? throw new ArgumentNullException(nameof(port));
        _kernel = new KernelCalls(port);
        _output = new ProcessOutput(this);
    }

    /// <summary>The transport to the kernel.</summary>
    public IKernelPort Port => _port;

    /// <summary>The typed syscalls.</summary>
    public KernelCalls Kernel => _kernel;

    /// <summary>Standard output, standard error and the program name, sent to the log server.</summary>
    public ProcessOutput Output => _output;

    /// <summary>
    /// The log server's client, connected (Connect to <see cref="LogServerId.Sid"/>, waiting until the server exists)
    /// on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kernel refused the connection.</exception>
    public ILog Log => _log ?? Publish(ref _log, new LogClient(ConnectChannel(LogServerId.Sid, "log")));

    /// <summary>The ticktimer's client, connected (to <see cref="TicktimerServerId.Sid"/>) on first use.</summary>
    /// <exception cref="InvalidOperationException">The kernel refused the connection.</exception>
    public ITicktimer Ticktimer =>
        _ticktimer ?? Publish(ref _ticktimer, new TicktimerClient(ConnectChannel(TicktimerServerId.Sid, "ticktimer")));

    /// <summary>The name server's client, connected (to <see cref="NamesServerId.Sid"/>) on first use.</summary>
    /// <exception cref="InvalidOperationException">The kernel refused the connection.</exception>
    public INames Names => _names ?? Publish(ref _names, new NamesClient(ConnectChannel(NamesServerId.Sid, "name")));

    /// <summary>A logger whose records name <paramref name="source"/> (cut to 128 UTF-8 bytes).</summary>
    public Logger CreateLogger(string source) => new(this, source);

    /// <summary>
    /// A key no other mutex or condition variable of this process has (the ticktimer keys its bookkeeping per process).
    /// </summary>
    public ulong NewSynchronisationKey() => (ulong)Interlocked.Increment(ref _nextKey);

    /// <summary>A new mutex of this process.</summary>
    public XousMutex CreateMutex() => new(this);

    /// <summary>A new condition variable of this process.</summary>
    public XousCondition CreateCondition() => new(this);

    /// <summary>Sleeps at least <paramref name="milliseconds"/> ms (ticktimer SleepMs; 0 returns at once).</summary>
    /// <exception cref="Xous.Ipc.IpcException">The ticktimer refused or lost the call.</exception>
    public void Sleep(uint milliseconds) => Ticktimer.SleepMs(milliseconds);

    /// <summary>Milliseconds since the ticktimer started (monotonic).</summary>
    /// <exception cref="Xous.Ipc.IpcException">The ticktimer refused or lost the call.</exception>
    public ulong ElapsedMs() => Ticktimer.ElapsedMs();

    /// <summary>
    /// Starts a kernel thread running <paramref name="entry"/>(<paramref name="argument"/>) under the panic wrapper:
    /// an exception the entry does not handle is reported to the log and ends the process, as in <see cref="Run"/>.
    /// </summary>
    /// <returns>NoError and the thread's id, or the kernel's error (ThreadNotAvailable when all slots are used).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public XousError StartThread(ThreadEntry entry, nuint argument, out Tid thread)
    {
        if (entry == null)
        {
            throw new ArgumentNullException(nameof(entry));
        }

        var root = new ThreadRoot(this, entry);
        return _port.StartThread(root.Run, argument, out thread);
    }

    /// <summary>Waits for <paramref name="thread"/> to end; <paramref name="value"/> is what its entry returned.</summary>
    public XousError JoinThread(Tid thread, out nuint value) => _kernel.JoinThread(thread, out value);

    private KernelChannel ConnectChannel(Sid sid, string server)
    {
        XousError error = _kernel.Connect(sid, out Cid connection);
        if (error != XousError.NoError)
        {
            throw new InvalidOperationException("Connecting to the " + server + " server failed: " + error.ToString());
        }

        return new KernelChannel(_kernel, connection);
    }

    private static T Publish<T>(ref T? field, T created)
        where T : class => Interlocked.CompareExchange(ref field, created, null) ?? created;

    /// <summary>A thread's root frame: runs the entry and turns an escaping exception into a panic.</summary>
    private sealed class ThreadRoot
    {
        private readonly ProcessContext _context;
        private readonly ThreadEntry _entry;

        public ThreadRoot(ProcessContext context, ThreadEntry entry)
        {
            _context = context;
            _entry = entry;
        }

        public nuint Run(nuint argument)
        {
            try
            {
                return _entry(argument);
            }
            catch (Exception exception)
            {
                // The one blanket catch (house rule 8): at a thread's root nothing can handle the exception any more;
                // it is caught only to report it to the log before the process ends (docs/runtime.md, "Panics").
                _context.Panic(exception);
                return PanicReport.ExitCode;
            }
        }
    }
}

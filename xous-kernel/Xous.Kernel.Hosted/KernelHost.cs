using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Security.Cryptography;
using Nerdbank.Streams;
using Xous.Abi;

namespace Xous.Kernel.Hosted;

/// <summary>
/// Runs the kernel as a host program (docs/hosted-protocol.md). Owns the <see cref="Kernel"/> and its
/// <see cref="HostedArch"/>; each process reaches it over a stream: in-process units over a Nerdbank.Streams pipe
/// pair (<see cref="AttachInProcess"/>), OS processes over TCP (<see cref="StartOsProcess"/>). After the handshake
/// both kinds are served by the same code: one reader thread per stream, every kernel call under one lock (the core
/// is single-threaded), results written synchronously from inside the call.
/// </summary>
public sealed partial class KernelHost : IDisposable
{
    private static readonly PipeOptions s_pipeOptions = new(
        pauseWriterThreshold: 0,
        resumeWriterThreshold: 0,
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        useSynchronizationContext: false);

    private readonly Lock _lock = new();
    private readonly Kernel _kernel;
    private readonly HostedArch _arch;
    private readonly int _maxMessageBytes;
    private readonly Action<string> _log;
    private readonly string? _listenAddress;
    private readonly ProcessEntry?[] _processes = new ProcessEntry?[256];
    private readonly List<HostedConnection> _connections = new();
    private readonly List<ProcessExitedEventArgs> _pendingExits = new();
    private readonly ManualResetEvent _shutdownSignal = new(false);
    private TcpAcceptor? _acceptor;
    private volatile bool _exitsPending;
    private bool _disposed;

    /// <summary>Creates the kernel (no process yet). The TCP listener starts when first needed.</summary>
    public KernelHost(KernelHostOptions? options = null)
    {
        options ??= new KernelHostOptions();
        KernelConfig config = options.Config ?? new KernelConfig();
        _log = options.Log ?? (static _ => { });
        _listenAddress = options.ListenAddress;
        _maxMessageBytes = checked((int)config.MaxMessageBytes);
        _arch = new HostedArch(checked((int)config.PhysicalPages), _maxMessageBytes, _log, OnProcessEnded, OnShutdownRequested);
        _kernel = new Kernel(_arch, config);
        _arch.Kernel = _kernel;
    }

    /// <summary>A process ended (raised on a host thread, outside the kernel lock).</summary>
    public event EventHandler<ProcessExitedEventArgs>? ProcessExited;

    /// <summary>Set when a process called Shutdown; the launcher then calls <see cref="Shutdown"/>.</summary>
    public WaitHandle ShutdownSignal => _shutdownSignal;

    /// <summary>The TCP address OS processes connect to (starts the listener on first use).</summary>
    public IPEndPoint ListenEndPoint => EnsureAcceptor().EndPoint;

    /// <summary>Runs <paramref name="inspect"/> on the kernel under the kernel lock (statistics, invariants, tests).</summary>
    public T Inspect<T>(Func<Kernel, T> inspect)
    {
        lock (_lock)
        {
            return inspect(_kernel);
        }
    }

    /// <summary>The kernel's <see cref="Kernel.FindInvariantViolation"/>, under the kernel lock.</summary>
    public string? FindInvariantViolation() => Inspect(static kernel => kernel.FindInvariantViolation());

    /// <summary>
    /// Creates a kernel process (its initial thread, TID 2, is running) and the 16-byte random key its stream must
    /// present in the handshake. Each key is good for one connection.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kernel has no free process slot, or the host is shut down.</exception>
    public (Pid Process, byte[] Key) RegisterProcess(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[] key = RandomNumberGenerator.GetBytes(HostedProtocol.KeyLength);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            XousError error = _kernel.CreateProcess(out Pid process);
            if (error != XousError.NoError)
            {
                throw new InvalidOperationException("The kernel refused a new process: " + error.ToString() + ".");
            }

            _processes[process.Value] = new ProcessEntry(name, key);
            _log("hosted: registered " + name + " as " + process.ToString());
            return (process, key);
        }
    }

    /// <summary>
    /// Creates an in-process stream to the kernel: the host serves one end of a pipe pair (handshake first, as on TCP)
    /// and returns the other. Use it with a key from <see cref="RegisterProcess"/>, or see <see cref="AttachInProcess"/>.
    /// </summary>
    public Stream ConnectInProcess()
    {
        (Stream hostEnd, Stream unitEnd) = FullDuplexStream.CreatePair(s_pipeOptions);
        StartConnection(new HostedConnection(hostEnd, "in-process", inline: true));
        return unitEnd;
    }

    /// <summary>Registers a process and connects an in-process stream for it (the unit still does the handshake).</summary>
    public InProcessAttachment AttachInProcess(string name)
    {
        (Pid process, byte[] key) = RegisterProcess(name);
        return new InProcessAttachment(name, process, key, ConnectInProcess());
    }

    /// <summary>
    /// Registers a process and starts an OS process for it with <c>XOUS_SERVER</c> (ip:port), <c>XOUS_PID</c>
    /// (decimal), <c>XOUS_PROCESS_NAME</c> and <c>XOUS_PROCESS_KEY</c> (32 hex digits) in its environment.
    /// </summary>
    public Process StartOsProcess(string name, string fileName, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        IPEndPoint endPoint = ListenEndPoint;
        (Pid process, byte[] key) = RegisterProcess(name);
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["XOUS_SERVER"] = endPoint.ToString();
        start.Environment["XOUS_PID"] = process.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["XOUS_PROCESS_NAME"] = name;
        start.Environment["XOUS_PROCESS_KEY"] = Convert.ToHexStringLower(key);
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("No process was started for " + fileName + ".");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            lock (_lock)
            {
                _kernel.TerminateProcess(process, HostedProtocol.ConnectionLostExitCode);
            }

            DispatchNotifications();
            throw;
        }
    }

    /// <summary>
    /// Stops the host: closes the listener, terminates every live process (exit code
    /// <see cref="HostedProtocol.HostShutdownExitCode"/>), closes every stream. Idempotent.
    /// </summary>
    public void Shutdown()
    {
        TcpAcceptor? acceptor;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            acceptor = _acceptor;
            for (int i = 0; i < _processes.Length; i++)
            {
                if (_processes[i] is not null && _kernel.IsProcessAlive(new Pid((byte)i)))
                {
                    _kernel.TerminateProcess(new Pid((byte)i), HostedProtocol.HostShutdownExitCode);
                }
            }

            foreach (HostedConnection connection in _connections.ToArray())
            {
                connection.Close();
            }
        }

        acceptor?.Dispose();
        DispatchNotifications();
    }

    /// <summary>Same as <see cref="Shutdown"/>.</summary>
    public void Dispose()
    {
        Shutdown();
        _shutdownSignal.Dispose();
    }

    private TcpAcceptor EnsureAcceptor()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_acceptor is null)
            {
                string address = _listenAddress ?? Environment.GetEnvironmentVariable("XOUS_LISTEN_ADDR") ?? "127.0.0.1:0";
                _acceptor = new TcpAcceptor(IPEndPoint.Parse(address), StartConnection, _log);
                _log("hosted: listening on " + _acceptor.EndPoint.ToString());
            }

            return _acceptor;
        }
    }

    private void OnProcessEnded(Pid process, uint exitCode)
    {
        ProcessEntry? entry = _processes[process.Value];
        _processes[process.Value] = null;
        string name = entry?.Name ?? "?";
        _log("hosted: " + name + " (" + process.ToString() + ") ended with exit code 0x" + exitCode.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        _pendingExits.Add(new ProcessExitedEventArgs(name, process, exitCode));
        _exitsPending = true;
    }

    private void OnShutdownRequested(Pid requester)
    {
        _log("hosted: shutdown requested by " + requester.ToString());
        _shutdownSignal.Set();
    }

    private void DispatchNotifications()
    {
        if (!_exitsPending)
        {
            return;
        }

        ProcessExitedEventArgs[] exits;
        lock (_lock)
        {
            exits = _pendingExits.ToArray();
            _pendingExits.Clear();
            _exitsPending = false;
        }

        foreach (ProcessExitedEventArgs exit in exits)
        {
            ProcessExited?.Invoke(this, exit);
        }
    }

    private sealed class ProcessEntry(string name, byte[] key)
    {
        public string Name { get; } = name;

        public byte[] Key { get; } = key;

        public bool KeyUsed { get; set; }
    }
}

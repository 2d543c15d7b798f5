using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Xous.Abi;
using Xous.Hosted;

namespace Xous.Kernel.Hosted;

/// <summary>The per-stream reader: handshake, packet framing, and the one place that calls into the kernel.</summary>
public sealed partial class KernelHost
{
    private readonly List<Pid> _failedScratch = new();
    private bool _inKernel;

    private void StartConnection(HostedConnection connection)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                connection.Close();
                return;
            }

            _connections.Add(connection);
        }

        if (connection.IsInline)
        {
            // Runs until the first read waits; from then on it continues on the threads that write to the pipe.
            _ = ServeAsync(connection).AsTask().ContinueWith(
                task => _log("hosted: the packet loop of " + connection.Description + " failed: " + task.Exception!.InnerException!.Message),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }

        // Socket reads are synchronous, so the loop never yields and runs to its end on this thread.
        var reader = new Thread(() => ServeAsync(connection).AsTask().GetAwaiter().GetResult())
        {
            IsBackground = true,
            Name = "xous-hosted " + connection.Description,
        };
        reader.Start();
    }

    private async ValueTask ServeAsync(HostedConnection connection)
    {
        try
        {
            if (await HandshakeAsync(connection).ConfigureAwait(false))
            {
                await ServePacketsAsync(connection, connection.Process!.Value).ConfigureAwait(false);
            }
        }
        finally
        {
            connection.Close();
            lock (_lock)
            {
                _connections.Remove(connection);
            }

            DispatchNotifications();
        }
    }

    private async ValueTask<bool> HandshakeAsync(HostedConnection connection)
    {
        byte[] key = new byte[HostedProtocol.KeyLength];
        if (await connection.ReadFullyAsync(key).ConfigureAwait(false) < key.Length)
        {
            _log("hosted: " + connection.Description + " closed before sending a whole key");
            return false;
        }

        return Admit(connection, key);
    }

    private bool Admit(HostedConnection connection, byte[] key)
    {
        lock (_lock)
        {
            for (int i = 0; i < _processes.Length; i++)
            {
                ProcessEntry? entry = _processes[i];
                if (entry is null || !CryptographicOperations.FixedTimeEquals(entry.Key, key))
                {
                    continue;
                }

                if (entry.KeyUsed)
                {
                    _log("hosted: " + connection.Description + " presented the key of " + entry.Name + ", which is already used; connection closed");
                    return false;
                }

                var process = new Pid((byte)i);
                entry.KeyUsed = true;
                connection.Process = process;
                _arch.Attach(process, connection);
                if (!connection.Send([process.Value], 1))
                {
                    _log("hosted: " + connection.Description + " closed during the handshake of " + entry.Name);
                    _kernel.TerminateProcess(process, HostedProtocol.ConnectionLostExitCode);
                    return false;
                }

                _log("hosted: " + entry.Name + " (" + process.ToString() + ") connected over " + connection.Description);
                return true;
            }

            _log("hosted: " + connection.Description + " presented an unknown key; connection closed");
            return false;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ServePacketsAsync(HostedConnection connection, Pid process)
    {
        byte[] header = new byte[HostedWire.HeaderSize];
        byte[] payload = new byte[(int)Limits.PageSize];
        nuint[] words = new nuint[Limits.RegisterWords];
        while (!connection.IsClosed)
        {
            int read = await connection.ReadFullyAsync(header).ConfigureAwait(false);
            if (read < header.Length)
            {
                ConnectionEnded(connection, process, read == 0 ? "closed its stream" : "ended its stream inside a packet header");
                return;
            }

            nuint thread = HostedWire.ReadHeader(header, words);
            int payloadLength = 0;
            if (HostedWire.TryGetRequestPayload(words, out nuint address, out nuint declared))
            {
                if (declared > (nuint)_maxMessageBytes)
                {
                    RefuseOversizedPayload(connection, process, thread, declared);
                    return;
                }

                payloadLength = (int)declared;
                if (payload.Length < payloadLength)
                {
                    payload = new byte[Math.Max(payloadLength, payload.Length * 2)];
                }

                if (await connection.ReadFullyAsync(payload.AsMemory(0, payloadLength)).ConfigureAwait(false) < payloadLength)
                {
                    ConnectionEnded(connection, process, "ended its stream inside a payload");
                    return;
                }
            }

            Execute(connection, process, new Tid(thread), words, address, payload.AsSpan(0, payloadLength));
        }
    }

    private void Execute(HostedConnection connection, Pid process, Tid thread, ReadOnlySpan<nuint> words, nuint address, ReadOnlySpan<byte> payload)
    {
        lock (_lock)
        {
            if (connection.IsClosed)
            {
                return;
            }

            if (_inKernel)
            {
                // An in-process unit reacted to a response inline (it awaited its pipe instead of reading it
                // synchronously) and sent a call from inside a kernel call. The kernel cannot be re-entered.
                _log("hosted: " + process.ToString() + " called the kernel from inside a kernel call (an asynchronous pipe reader?); the process is terminated");
                _arch.MarkFailed(process);
                return;
            }

            _inKernel = true;
            try
            {

                if (HostedWire.IsThreadExit(words))
                {
                    XousError exitError = _kernel.ExitThread(process, thread, words[2]);
                    if (exitError != XousError.NoError)
                    {
                        _log("hosted: thread exit of " + process.ToString() + "/" + thread.ToString() + " refused: " + exitError.ToString());
                    }
                }
                else if (!Syscall.TryDecode(words, out Syscall call, out XousError error))
                {
                    _arch.Resume(process, thread, SyscallResult.Failure(error), default);
                }
                else
                {
                    if (!payload.IsEmpty && MemoryRange.TryCreate(address, (nuint)payload.Length, out MemoryRange range) &&
                        _kernel.IsThreadRunning(process, thread))
                    {
                        _arch.WritePayload(process, range, payload);
                    }

                    _kernel.Execute(process, thread, call);
                }
            }
            finally
            {
                _inKernel = false;
            }

            TerminateFailedProcesses();
        }

        DispatchNotifications();
    }

    private void RefuseOversizedPayload(HostedConnection connection, Pid process, nuint thread, nuint declared)
    {
        lock (_lock)
        {
            if (!connection.IsClosed && _arch.IsAttached(process, connection))
            {
                _log("hosted: " + process.ToString() + " declared a payload of " + declared.ToString() + " bytes (limit " +
                    _maxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "); the process is terminated");
                _arch.Resume(process, new Tid(thread), SyscallResult.Failure(XousError.InvalidArgument), default);
                _kernel.TerminateProcess(process, HostedProtocol.ProtocolViolationExitCode);
                TerminateFailedProcesses();
            }
        }

        DispatchNotifications();
    }

    private void ConnectionEnded(HostedConnection connection, Pid process, string how)
    {
        lock (_lock)
        {
            if (!connection.IsClosed && _arch.IsAttached(process, connection) && _kernel.IsProcessAlive(process))
            {
                _log("hosted: " + process.ToString() + " " + how + "; the process is terminated");
                _kernel.TerminateProcess(process, HostedProtocol.ConnectionLostExitCode);
                TerminateFailedProcesses();
            }
        }

        DispatchNotifications();
    }

    /// <summary>Terminates processes whose stream failed while the last call wrote to it (kernel lock held).</summary>
    private void TerminateFailedProcesses()
    {
        _arch.TakeFailedProcesses(_failedScratch);
        for (int i = 0; i < _failedScratch.Count; i++)
        {
            // Terminating may fail further writes (answers to its clients); the loop picks those up too.
            if (_kernel.IsProcessAlive(_failedScratch[i]))
            {
                _kernel.TerminateProcess(_failedScratch[i], HostedProtocol.ConnectionLostExitCode);
            }

            _arch.TakeFailedProcesses(_failedScratch);
        }

        _failedScratch.Clear();
    }
}

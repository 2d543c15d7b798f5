using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xous.Abi;
using Xous.Hosted;

namespace Xous.Runtime.Hosted;

/// <summary>
/// The <see cref="IKernelPort"/> of a hosted process: syscalls travel as packets over one stream to the kernel host
/// (docs/hosted-protocol.md), and the memory the process has mapped or received is a local copy whose bytes travel
/// with the calls that carry them. Thread-safe: every thread the port knows (the one that constructed it is TID 2,
/// the others were started with <see cref="StartThread"/>) may call at once.
/// </summary>
public sealed class HostedKernelPort : IKernelPort, IDisposable
{
    /// <summary>The stack CreateThread is given: hosted threads run on .NET stacks, so this is only a placeholder.</summary>
    private const nuint PlaceholderStack = 0x7000_0000;

    private readonly Stream _stream;
    private readonly ResponseRouter _router;
    private readonly LocalMemory _memory = new();
    private readonly Lock _writeLock = new();
    private readonly ThreadLocal<nuint> _thread = new();
    private byte[] _writeBuffer = new byte[HostedWire.HeaderSize + (int)Limits.PageSize];

    /// <summary>
    /// Connects over <paramref name="stream"/>: sends <paramref name="key"/> and checks that the kernel answers with
    /// <paramref name="expectedProcess"/>. The calling thread becomes TID 2, the process's initial thread.
    /// </summary>
    /// <exception cref="IOException">The kernel closed the stream (an unknown or already used key) or answered another PID.</exception>
    public HostedKernelPort(Stream stream, ReadOnlySpan<byte> key, Pid expectedProcess)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (key.Length != HostedWire.KeyLength)
        {
            throw new ArgumentException("A process key is 16 bytes.", nameof(key));
        }

        _stream = stream;
        _stream.Write(key);
        _stream.Flush();
        Span<byte> answer = stackalloc byte[1];
        if (_stream.Read(answer) != 1)
        {
            throw new IOException("The kernel closed the stream during the handshake (unknown or already used key).");
        }

        if (answer[0] != expectedProcess.Value)
        {
            throw new IOException("The kernel answered PID " + answer[0].ToString(CultureInfo.InvariantCulture) + ", expected " + expectedProcess.ToString() + ".");
        }

        Process = expectedProcess;
        _router = new ResponseRouter(stream);
        _thread.Value = 2;
    }

    /// <inheritdoc/>
    public Pid Process { get; }

    /// <inheritdoc/>
    public Tid CurrentThread => new(_thread.Value);

    /// <summary>
    /// Connects from an OS process started by the kernel host: TCP to <c>XOUS_SERVER</c> (ip:port, no Nagle), key from
    /// <c>XOUS_PROCESS_KEY</c> (hex), PID from <c>XOUS_PID</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A variable is missing or malformed.</exception>
    public static HostedKernelPort FromEnvironment()
    {
        string server = Required("XOUS_SERVER");
        string keyText = Required("XOUS_PROCESS_KEY");
        string pidText = Required("XOUS_PID");
        if (!IPEndPoint.TryParse(server, out IPEndPoint? endPoint) ||
            !byte.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out byte pid) || pid == 0 ||
            keyText.Length != 2 * HostedWire.KeyLength)
        {
            throw new InvalidOperationException("XOUS_SERVER, XOUS_PID or XOUS_PROCESS_KEY is malformed.");
        }

        byte[] key = Convert.FromHexString(keyText);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(endPoint);
            return new HostedKernelPort(new NetworkStream(socket, ownsSocket: true), key, new Pid(pid));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public SyscallResult Call(in Syscall call)
    {
        nuint thread = _thread.Value;
        if (thread == 0)
        {
            return SyscallResult.Failure(XousError.InvalidThread);
        }

        if (call.Number == SyscallNumber.TerminateProcess)
        {
            // The kernel ends the process and closes the stream; no response comes.
            Send(thread, call, default);
            _router.Break();
            return SyscallResult.Failure(XousError.ProcessTerminated);
        }

        MemoryRange payload = PayloadOf(call);
        int lentBytes = call.Number is SyscallNumber.SendMessage or SyscallNumber.TrySendMessage &&
            call.Message.Kind is MessageKind.Borrow or MessageKind.MutableBorrow ? (int)payload.Size : 0;
        if (!_router.Begin(thread, lentBytes))
        {
            return SyscallResult.Failure(XousError.ProcessTerminated);
        }

        if (!Send(thread, call, payload))
        {
            _router.Abandon(thread);
            return SyscallResult.Failure(XousError.ProcessTerminated);
        }

        SyscallResult result = _router.Wait(thread, out ReadOnlySpan<byte> bytes);
        MemoryEffects.Apply(_memory, call, result, payload, bytes);
        return result;
    }

    /// <inheritdoc/>
    public Span<byte> GetMemory(MemoryRange range)
    {
        if (range.IsEmpty || !_memory.TryGetSpan(range, out Span<byte> span))
        {
            throw new ArgumentException("The range " + range.ToString() + " is not (wholly) mapped in this process.", nameof(range));
        }

        return span;
    }

    /// <inheritdoc/>
    public XousError StartThread(ThreadEntry entry, nuint argument, out Tid thread)
    {
        ArgumentNullException.ThrowIfNull(entry);
        SyscallResult result = Call(Syscall.CreateThread(1, MemoryRange.Create(PlaceholderStack, Limits.PageSize), argument));
        if (result.Tag != ResultTag.ThreadId)
        {
            thread = default;
            return result.IsError ? result.Error : XousError.InternalError;
        }

        Tid created = result.ThreadId;
        thread = created;
        var runner = new Thread(() => RunThread(created, entry, argument))
        {
            IsBackground = true,
            Name = "xous " + Process.ToString() + "/" + created.ToString(),
        };
        runner.Start();
        return XousError.NoError;
    }

    /// <summary>Closes the stream; every pending and later call returns ProcessTerminated.</summary>
    public void Dispose()
    {
        // The ThreadLocal is not disposed: threads started by this port may still be starting or ending, and they read
        // and write it; it is collected with the port.
        _router.Break();
        _stream.Dispose();
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException(name + " is not set.");

    /// <summary>The range whose local bytes a call carries to the kernel, or empty.</summary>
    private static MemoryRange PayloadOf(in Syscall call) => call.Number switch
    {
        SyscallNumber.SendMessage or SyscallNumber.TrySendMessage when call.Message.HasMemory => call.Message.Buffer,
        SyscallNumber.ReturnMemory => call.Range,
        SyscallNumber.ReplyAndReceiveNext when call.ReplyKind == ReplyKind.Memory => call.Range,
        _ => default,
    };

    private void RunThread(Tid thread, ThreadEntry entry, nuint argument)
    {
        _thread.Value = thread.Value;
        nuint returnValue = entry(argument);
        Send(thread.Value, Syscall.PlatformSpecific(HostedWire.ThreadExitMagic, returnValue, 0, 0, 0, 0, 0), default);
        _thread.Value = 0;
    }

    /// <summary>Writes one call packet (header and payload) as one write. False when the stream is gone.</summary>
    private bool Send(nuint thread, in Syscall call, MemoryRange payload)
    {
        int headerSize = HostedWire.HeaderSize;
        int size = headerSize + (int)payload.Size;
        Span<nuint> words = stackalloc nuint[Limits.RegisterWords];
        call.Encode(words);
        lock (_writeLock)
        {
            if (_writeBuffer.Length < size)
            {
                _writeBuffer = new byte[Math.Max(size, _writeBuffer.Length * 2)];
            }

            HostedWire.WriteHeader(_writeBuffer, thread, words);
            if (!payload.IsEmpty)
            {
                _memory.CopyOut(payload, _writeBuffer.AsSpan(headerSize, (int)payload.Size));
            }

            try
            {
                _stream.Write(_writeBuffer, 0, size);
                _stream.Flush();
                return true;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                _router.Break();
                return false;
            }
        }
    }
}

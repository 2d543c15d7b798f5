using System.Collections.Concurrent;
using Xous.Abi;

namespace Xous.Ipc.Tests;

/// <summary>
/// A server as the kernel would run it, in memory: a bounded queue of <see cref="Limits.ServerQueueLength"/> messages,
/// one server thread that receives, dispatches and replies, and buffers that are copies (the server never sees the
/// client's memory; a MutableBorrow's pages are copied back after the reply, as remapping would). Tests only.
/// </summary>
internal sealed class InMemoryServer : IDisposable
{
    public const int QueueCapacity = Limits.ServerQueueLength;

    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(20);

    private readonly BlockingCollection<QueuedMessage> _queue = new(new ConcurrentQueue<QueuedMessage>(), QueueCapacity);
    private readonly ConcurrentDictionary<uint, QueuedMessage> _deferred = new();
    private readonly ManualResetEventSlim _running = new(true);
    private readonly IIpcDispatcher _dispatcher;
    private readonly Thread _thread;
    private readonly List<string> _violations = new();
    private int _nextSlot;

    public InMemoryServer(IIpcDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        _thread = new Thread(Serve) { IsBackground = true, Name = "in-memory server" };
        _thread.Start();
    }

    /// <summary>Protocol violations seen by the kernel (a server writing into a Borrow, a blocking message left unanswered).</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_violations)
            {
                return _violations.ToArray();
            }
        }
    }

    /// <summary>The exception a handler threw, which the kernel turns into ServerNotFound for the waiting client.</summary>
    public Exception? HandlerFailure { get; private set; }

    /// <summary>Stops the server thread from receiving (messages stay queued) until <see cref="Resume"/>.</summary>
    public void Pause() => _running.Reset();

    public void Resume() => _running.Set();

    /// <summary>How many messages are queued and not yet received.</summary>
    public int QueuedCount => _queue.Count;

    public MessageSender NextSender(byte pid) =>
        MessageSender.Create(new Pid(pid), serverIndex: 3, queueSlot: (ushort)Interlocked.Increment(ref _nextSlot));

    /// <summary>Queues a message: false when the queue is full and <paramref name="wait"/> is false (TrySendMessage).</summary>
    public bool Enqueue(QueuedMessage message, bool wait)
    {
        if (wait)
        {
            _queue.Add(message);
            return true;
        }

        return _queue.TryAdd(message);
    }

    /// <summary>Waits for the reply to a blocking message; a timeout reports <see cref="XousError.Timeout"/>.</summary>
    public static XousError Await(QueuedMessage message) =>
        message.Done!.Wait(s_replyTimeout) ? message.Error : XousError.Timeout;

    /// <summary>Sends a deferred reply, as ReturnScalar5 to the kept sender would.</summary>
    public void Complete(DeferredReply token, Reply reply)
    {
        if (!_deferred.TryRemove(token.Sender.Value, out QueuedMessage? waiting))
        {
            throw new InvalidOperationException("No message from " + token.Sender + " is waiting for a deferred reply.");
        }

        Deliver(waiting, reply);
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _running.Set();
        _thread.Join(s_replyTimeout);
        _queue.Dispose();
        _running.Dispose();
    }

    private void Serve()
    {
        foreach (QueuedMessage queued in _queue.GetConsumingEnumerable())
        {
            _running.Wait();
            byte[]? original = queued.ServerBuffer is null ? null : (byte[])queued.ServerBuffer.Clone();
            Reply reply;
            try
            {
                IncomingMessage message = queued.ServerBuffer is null
                    ? IncomingMessage.Scalar(queued.Sender, queued.Kind, queued.Opcode, queued.Arg1, queued.Arg2, queued.Arg3, queued.Arg4)
                    : IncomingMessage.Memory(queued.Sender, queued.Kind, queued.Opcode, queued.ServerBuffer, queued.Offset, queued.Valid);
                reply = _dispatcher.Dispatch(in message);
            }
            catch (Exception exception)
            {
                // The server process dies; the kernel tells a waiting client ServerNotFound.
                HandlerFailure = exception;
                if (queued.Done is not null)
                {
                    queued.Error = XousError.ServerNotFound;
                    queued.Done.Set();
                }

                continue;
            }

            if (original is not null && queued.Kind != MessageKind.MutableBorrow && !original.AsSpan().SequenceEqual(queued.ServerBuffer))
            {
                Violation("The server wrote into a read-only " + queued.Kind + " buffer (opcode " + queued.Opcode + ").");
            }

            if (reply.Shape == ReplyShape.Deferred)
            {
                _deferred[queued.Sender.Value] = queued;
                continue;
            }

            Deliver(queued, reply);
        }
    }

    private void Deliver(QueuedMessage queued, Reply reply)
    {
        if (queued.Done is null)
        {
            if (reply.Shape != ReplyShape.None)
            {
                Violation("A " + queued.Kind + " got a reply: " + reply);
            }

            return;
        }

        switch (reply.Shape)
        {
            case ReplyShape.Scalar5 when queued.Kind == MessageKind.BlockingScalar:
                queued.ScalarReply = new ScalarReply((uint)reply.Status, reply.Unit1, reply.Unit2, reply.Unit3, reply.Unit4);
                break;
            case ReplyShape.Memory when queued.Kind is MessageKind.Borrow or MessageKind.MutableBorrow:
                queued.MemoryReply = new MemoryReply(reply.MemoryOffset, reply.MemoryValid);
                break;
            default:
                Violation("A " + queued.Kind + " got the reply " + reply + ".");
                queued.Error = XousError.InternalError;
                break;
        }

        queued.Done.Set();
    }

    private void Violation(string text)
    {
        lock (_violations)
        {
            _violations.Add(text);
        }
    }
}

/// <summary>One queued message and, for blocking kinds, the slot its reply goes to.</summary>
internal sealed class QueuedMessage
{
    public MessageSender Sender { get; init; }

    public MessageKind Kind { get; init; }

    public nuint Opcode { get; init; }

    public nuint Arg1 { get; init; }

    public nuint Arg2 { get; init; }

    public nuint Arg3 { get; init; }

    public nuint Arg4 { get; init; }

    /// <summary>The server's copy of the pages (null for scalars).</summary>
    public byte[]? ServerBuffer { get; init; }

    public nuint Offset { get; init; }

    public nuint Valid { get; init; }

    /// <summary>Set when the reply arrives (null for non-blocking kinds).</summary>
    public ManualResetEventSlim? Done { get; init; }

    public XousError Error { get; set; }

    public ScalarReply ScalarReply { get; set; }

    public MemoryReply MemoryReply { get; set; }
}

/// <summary>
/// A client connection to an <see cref="InMemoryServer"/>: SendMessage semantics (wait while the queue is full) or,
/// with <c>trySend</c>, TrySendMessage (return ServerQueueFull). Buffers are whole pages, zeroed on every acquire.
/// </summary>
internal sealed class InMemoryChannel : IIpcChannel
{
    public const int MaxLendBytes = 1024 * 1024;

    private readonly InMemoryServer _server;
    private readonly byte _pid;
    private readonly bool _trySend;
    private readonly ThreadLocal<byte[]?> _buffer = new();
    private int _sends;

    public InMemoryChannel(InMemoryServer server, byte pid = 7, bool trySend = false)
    {
        _server = server;
        _pid = pid;
        _trySend = trySend;
    }

    /// <summary>Messages handed to the kernel (whether or not they were queued).</summary>
    public int Sends => Volatile.Read(ref _sends);

    /// <summary>The pages of the last memory message as the server received them (a copy).</summary>
    public byte[]? LastServerBuffer { get; private set; }

    public XousError SendScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4) =>
        Send(new QueuedMessage
        {
            Sender = _server.NextSender(_pid),
            Kind = MessageKind.Scalar,
            Opcode = opcode,
            Arg1 = arg1,
            Arg2 = arg2,
            Arg3 = arg3,
            Arg4 = arg4,
        });

    public XousError SendBlockingScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4, out ScalarReply reply)
    {
        var message = new QueuedMessage
        {
            Sender = _server.NextSender(_pid),
            Kind = MessageKind.BlockingScalar,
            Opcode = opcode,
            Arg1 = arg1,
            Arg2 = arg2,
            Arg3 = arg3,
            Arg4 = arg4,
            Done = new ManualResetEventSlim(false),
        };
        XousError error = Send(message);
        if (error == XousError.NoError)
        {
            error = InMemoryServer.Await(message);
        }

        reply = error == XousError.NoError ? message.ScalarReply : default;
        return error;
    }

    public Span<byte> AcquireBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLendBytes);
        int pages = RoundToPages(length);
        byte[]? buffer = _buffer.Value;
        if (buffer is null || buffer.Length < pages)
        {
            buffer = new byte[pages];
            _buffer.Value = buffer;
        }
        else
        {
            buffer.AsSpan().Clear();
        }

        return buffer.AsSpan(0, length);
    }

    public XousError LendBuffer(nuint opcode, bool mutable, int length, nuint offset, nuint valid, out MemoryReply reply)
    {
        byte[] lent = AcquiredPages(length);
        var message = new QueuedMessage
        {
            Sender = _server.NextSender(_pid),
            Kind = mutable ? MessageKind.MutableBorrow : MessageKind.Borrow,
            Opcode = opcode,
            ServerBuffer = lent.AsSpan(0, RoundToPages(length)).ToArray(),
            Offset = offset,
            Valid = valid,
            Done = new ManualResetEventSlim(false),
        };
        LastServerBuffer = message.ServerBuffer;
        XousError error = Send(message);
        if (error == XousError.NoError)
        {
            error = InMemoryServer.Await(message);
        }

        if (error != XousError.NoError)
        {
            reply = default;
            return error;
        }

        if (mutable)
        {
            message.ServerBuffer!.CopyTo(lent, 0);
        }

        reply = message.MemoryReply;
        return XousError.NoError;
    }

    public XousError MoveBuffer(nuint opcode, int length, nuint offset, nuint valid)
    {
        byte[] moved = AcquiredPages(length);
        var message = new QueuedMessage
        {
            Sender = _server.NextSender(_pid),
            Kind = MessageKind.Move,
            Opcode = opcode,
            ServerBuffer = moved.AsSpan(0, RoundToPages(length)).ToArray(),
            Offset = offset,
            Valid = valid,
        };
        LastServerBuffer = message.ServerBuffer;

        // The pages now belong to the server: the client's mapping is gone.
        _buffer.Value = null;
        return Send(message);
    }

    private static int RoundToPages(int length) => (int)(((uint)length + Limits.PageSize - 1) / Limits.PageSize * Limits.PageSize);

    private byte[] AcquiredPages(int length)
    {
        byte[]? buffer = _buffer.Value;
        if (buffer is null || length <= 0 || length > buffer.Length)
        {
            throw new InvalidOperationException("Lend or move of " + length + " bytes without a large enough acquired buffer.");
        }

        return buffer;
    }

    private XousError Send(QueuedMessage message)
    {
        Interlocked.Increment(ref _sends);
        return _server.Enqueue(message, wait: !_trySend) ? XousError.NoError : XousError.ServerQueueFull;
    }
}

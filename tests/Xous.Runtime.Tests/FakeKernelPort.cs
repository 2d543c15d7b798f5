using Xous.Abi;
using Xous.Ipc;

namespace Xous.Runtime.Tests;

/// <summary>
/// A small kernel model behind <see cref="IKernelPort"/>, for tests only. It records every call; a <see cref="Script"/>
/// may answer any call first. Otherwise it maps and unmaps memory (regions of real bytes, addresses from 0x6000_0000),
/// connects to services hosted with <see cref="Host"/> (SID → CID), and delivers messages sent to them synchronously to
/// their dispatcher on the sending thread (a Move's pages leave the sender; a deferred reply must be completed through
/// this sink before the handler returns). Everything else answers Ok.
/// </summary>
internal sealed class FakeKernelPort : IKernelPort, IDeferredReplySink
{
    public const uint FirstAddress = 0x6000_0000;

    private readonly object _gate = new();
    private readonly List<Syscall> _calls = new();
    private readonly List<Region> _regions = new();
    private readonly Dictionary<Sid, uint> _services = new();
    private readonly Dictionary<uint, IIpcDispatcher> _dispatchers = new();
    private readonly Dictionary<uint, Reply> _completed = new();
    private readonly ThreadLocal<Tid> _thread = new(() => new Tid(2));
    private nuint _nextAddress = FirstAddress;
    private uint _nextConnection = 2;
    private int _nextSlot;
    private uint _nextThread = 3;

    /// <summary>Consulted first for every call: a result answers it, null lets the model answer.</summary>
    public Func<Syscall, SyscallResult?>? Script { get; set; }

    public Pid Process => new(5);

    public Tid CurrentThread
    {
        get => _thread.Value;
        set => _thread.Value = value;
    }

    public IReadOnlyList<Syscall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    public List<Thread> StartedThreads { get; } = new();

    public Syscall[] CallsOf(SyscallNumber number) => Calls.Where(call => call.Number == number).ToArray();

    /// <summary>The messages sent (SendMessage or TrySendMessage) on <paramref name="connection"/>, in order.</summary>
    public Message[] MessagesTo(uint connection) => Calls
        .Where(call => call.Number is SyscallNumber.SendMessage or SyscallNumber.TrySendMessage && call.Connection.Value == connection)
        .Select(call => call.Message)
        .ToArray();

    public void ClearCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>Makes <paramref name="sid"/> a server that Connect reaches, served by <paramref name="dispatcher"/>; returns its CID.</summary>
    public uint Host(Sid sid, IIpcDispatcher dispatcher)
    {
        lock (_gate)
        {
            uint connection = _nextConnection++;
            _services[sid] = connection;
            _dispatchers[connection] = dispatcher;
            return connection;
        }
    }

    public bool IsMapped(MemoryRange range) => TryFind(range, out _, out _);

    public int MappedRegions
    {
        get
        {
            lock (_gate)
            {
                return _regions.Count;
            }
        }
    }

    public SyscallResult Call(in Syscall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }

        if (Script?.Invoke(call) is SyscallResult scripted)
        {
            return scripted;
        }

        switch (call.Number)
        {
            case SyscallNumber.MapMemory:
                return Map(call.Arg3);
            case SyscallNumber.UnmapMemory:
                return Unmap(call.Range) ? SyscallResult.Ok() : SyscallResult.Failure(XousError.BadAddress);
            case SyscallNumber.Connect:
            case SyscallNumber.TryConnect:
                lock (_gate)
                {
                    return _services.TryGetValue(call.ServerId, out uint connection)
                        ? SyscallResult.FromConnectionId(new Cid(connection))
                        : SyscallResult.Failure(XousError.ServerNotFound);
                }

            case SyscallNumber.SendMessage:
            case SyscallNumber.TrySendMessage:
                return Deliver(call.Connection.Value, call.Message);
            default:
                return SyscallResult.Ok();
        }
    }

    public Span<byte> GetMemory(MemoryRange range)
    {
        if (!TryFind(range, out Region? region, out int offset))
        {
            throw new ArgumentException("Not mapped: " + range, nameof(range));
        }

        return region!.Bytes.AsSpan(offset, (int)range.Size);
    }

    public XousError StartThread(ThreadEntry entry, nuint argument, out Tid thread)
    {
        var tid = new Tid(Interlocked.Increment(ref _nextThread));
        thread = tid;
        var worker = new Thread(() =>
        {
            CurrentThread = tid;
            entry(argument);
        })
        { IsBackground = true };
        StartedThreads.Add(worker);
        worker.Start();
        return XousError.NoError;
    }

    public void Complete(DeferredReply pending, in Reply reply)
    {
        lock (_gate)
        {
            _completed[pending.Sender.Value] = reply;
        }
    }

    /// <summary>Maps a region and fills it with <paramref name="fill"/> (a lent buffer as a client would have it).</summary>
    public MemoryRange MapFilled(int bytes, byte fill)
    {
        MemoryRange range = Map((nuint)bytes).MemoryRange;
        GetMemory(range).Fill(fill);
        return range;
    }

    private SyscallResult Map(nuint size)
    {
        nuint pages = (size + Limits.PageSize - 1) / Limits.PageSize * Limits.PageSize;
        lock (_gate)
        {
            nuint address = _nextAddress;
            _nextAddress += pages + Limits.PageSize; // A gap, so adjacent regions never look contiguous.
            _regions.Add(new Region(address, new byte[(int)pages]));
            return SyscallResult.FromMemoryRange(MemoryRange.Create(address, pages));
        }
    }

    private bool Unmap(MemoryRange range)
    {
        lock (_gate)
        {
            if (!TryFindLocked(range, out Region? region, out int offset))
            {
                return false;
            }

            _regions.Remove(region!);
            if (offset > 0)
            {
                _regions.Add(new Region(region!.Address, region.Bytes[..offset]));
            }

            int end = offset + (int)range.Size;
            if (end < region!.Bytes.Length)
            {
                _regions.Add(new Region(range.Address + range.Size, region.Bytes[end..]));
            }

            return true;
        }
    }

    private SyscallResult Deliver(uint connection, Message message)
    {
        IIpcDispatcher? dispatcher;
        MessageSender sender;
        lock (_gate)
        {
            _dispatchers.TryGetValue(connection, out dispatcher);
            sender = MessageSender.Create(Process, (byte)connection, (ushort)(++_nextSlot & 0x7F));
        }

        if (dispatcher == null)
        {
            return SyscallResult.Failure(XousError.ServerNotFound);
        }

        Reply reply = Dispatch(dispatcher, sender, message);
        if (message.Kind == MessageKind.Move)
        {
            Unmap(message.Buffer); // The pages belong to the server now.
        }

        switch (reply.Shape)
        {
            case ReplyShape.Scalar5:
                return SyscallResult.Scalar5((uint)reply.Status, reply.Unit1, reply.Unit2, reply.Unit3, reply.Unit4);
            case ReplyShape.Memory:
                return SyscallResult.MemoryReturned(reply.MemoryOffset, reply.MemoryValid);
            case ReplyShape.Deferred:
                lock (_gate)
                {
                    if (!_completed.Remove(sender.Value, out Reply completed))
                    {
                        throw new InvalidOperationException("A deferred reply was not completed before the handler returned.");
                    }

                    return SyscallResult.Scalar5((uint)completed.Status, completed.Unit1, completed.Unit2, completed.Unit3, completed.Unit4);
                }

            default:
                return SyscallResult.Ok();
        }
    }

    private Reply Dispatch(IIpcDispatcher dispatcher, MessageSender sender, Message message)
    {
        if (!message.HasMemory)
        {
            IncomingMessage scalar = IncomingMessage.Scalar(sender, message.Kind, message.Id, message.Word1, message.Word2, message.Word3, message.Word4);
            return dispatcher.Dispatch(in scalar);
        }

        IncomingMessage memory = IncomingMessage.Memory(sender, message.Kind, message.Id, GetMemory(message.Buffer), message.Offset, message.Valid);
        return dispatcher.Dispatch(in memory);
    }

    private bool TryFind(MemoryRange range, out Region? region, out int offset)
    {
        lock (_gate)
        {
            return TryFindLocked(range, out region, out offset);
        }
    }

    private bool TryFindLocked(MemoryRange range, out Region? region, out int offset)
    {
        foreach (Region candidate in _regions)
        {
            if (range.Address >= candidate.Address && range.Address + range.Size <= candidate.Address + (nuint)candidate.Bytes.Length)
            {
                region = candidate;
                offset = (int)(range.Address - candidate.Address);
                return true;
            }
        }

        region = null;
        offset = 0;
        return false;
    }

    private sealed record Region(nuint Address, byte[] Bytes);
}

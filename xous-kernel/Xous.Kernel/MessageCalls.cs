using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// The message state machine: SendMessage/TrySendMessage, ReceiveMessage/TryReceiveMessage, the replies
/// (ReturnScalar1/2/5, ReturnMemory, ReplyAndReceiveNext) and the retry of sends that found a full queue.
/// </summary>
internal sealed class MessageCalls
{
    private readonly KernelTables _t;

    public MessageCalls(KernelTables tables) => _t = tables;

    /// <summary>SendMessage (blocks on a full queue) and TrySendMessage (ServerQueueFull instead).</summary>
    public SyscallResult Send(ref CallContext c, in Syscall call, bool tryOnly)
    {
        if (!_t.Connections.TryResolve(c.Process, call.Arg1, out int server))
        {
            return KernelTables.Fail(XousError.ServerNotFound);
        }

        if (!MessageKindCodes.TryFromSendCode(call.Arg2, out MessageKind kind))
        {
            return KernelTables.Fail(XousError.InvalidSyscall);
        }

        XousError error = CheckBuffer(c.Process, kind, call.Arg4, call.Arg5);
        if (error != XousError.NoError)
        {
            return KernelTables.Fail(error);
        }

        int slot = _t.Servers.AllocateSlot(server);
        if (slot < 0)
        {
            if (tryOnly)
            {
                return KernelTables.Fail(XousError.ServerQueueFull);
            }

            _t.Processes.Block(c.Process, c.Thread, WaitReason.SendRetry, server);
            _t.Processes.Thread(c.Process, c.Thread).PendingCall = call;
            c.Blocked = true;
            return default;
        }

        ref MessageSlot m = ref _t.Servers.Slot(server, slot);
        m.Kind = kind;
        m.Client = c.Process;
        m.ClientPid = ProcessTable.PidOf(c.Process).Value;
        m.ClientThread = c.Thread;
        m.Id = call.Arg3;
        m.Word1 = call.Arg4;
        m.Word2 = call.Arg5;
        m.Word3 = call.Arg6;
        m.Word4 = call.Arg7;
        if (MessageKindCodes.HasMemory(kind))
        {
            RegionKind state = kind == MessageKind.Move ? RegionKind.Moving : RegionKind.Lent;
            _t.Memory.SetKind(c.Process, m.ClientPage, m.Pages, state);
        }

        _t.Statistics.MessagesSent++;
        if (MessageKindCodes.IsBlocking(kind))
        {
            _t.Processes.Block(c.Process, c.Thread, WaitReason.Reply, server, slot);
            c.Blocked = true;
        }

        OfferToReceiver(server);
        return SyscallResult.Ok();
    }

    /// <summary>ReceiveMessage (blocks) and TryReceiveMessage (None when the queue is empty).</summary>
    public SyscallResult Receive(ref CallContext c, in Syscall call, bool tryOnly)
    {
        XousError found = _t.FindOwnedServer(in call, c.Process, out int server);
        if (found != XousError.NoError)
        {
            return KernelTables.Fail(found);
        }

        return ReceiveOn(ref c, server, tryOnly);
    }

    /// <summary>ReturnScalar1, ReturnScalar2 (count 2) and ReturnScalar5.</summary>
    public SyscallResult ReturnScalar(ref CallContext c, in Syscall call, int count)
    {
        XousError error = ResolveReply(c.Process, call.Arg1, out int server, out int slot);
        if (error == XousError.NoError)
        {
            error = CompleteScalar(server, slot, count, in call);
        }

        return error == XousError.NoError ? SyscallResult.Ok() : KernelTables.Fail(error);
    }

    /// <summary>ReturnMemory(sender, address, length, offset, valid).</summary>
    public SyscallResult ReturnMemory(ref CallContext c, in Syscall call)
    {
        XousError error = ResolveReply(c.Process, call.Arg1, out int server, out int slot);
        if (error == XousError.NoError)
        {
            error = CompleteMemory(server, slot, call.Arg2, call.Arg3, call.Arg4, call.Arg5);
        }

        return error == XousError.NoError ? SyscallResult.Ok() : KernelTables.Fail(error);
    }

    /// <summary>ReplyAndReceiveNext: a reply as a7 says, then a blocking receive on the same server.</summary>
    public SyscallResult ReplyAndReceiveNext(ref CallContext c, in Syscall call)
    {
        nuint kind = call.Arg7;
        if (kind != nuint.MaxValue && kind != 1 && kind != 2 && kind != 5)
        {
            return KernelTables.Fail(XousError.InvalidSyscall);
        }

        XousError error = ResolveReply(c.Process, call.Arg1, out int server, out int slot);
        if (error == XousError.NoError)
        {
            error = kind == nuint.MaxValue
                ? CompleteMemory(server, slot, call.Arg2, call.Arg3, call.Arg4, call.Arg5)
                : CompleteScalar(server, slot, (int)kind, in call);
        }

        return error == XousError.NoError ? ReceiveOn(ref c, server, tryOnly: false) : KernelTables.Fail(error);
    }

    /// <summary>
    /// Re-executes sends that wait for queue space, oldest first, while their servers have free slots. Called at the
    /// end of every kernel entry point, so no call ever waits while its server has room.
    /// </summary>
    public void RetryBlockedSends()
    {
        if (_t.Processes.SendRetryWaiters == 0)
        {
            return;
        }

        bool progress = true;
        while (progress)
        {
            progress = false;
            for (int server = 0; server < Layout.MaxServers; server++)
            {
                ref ServerEntry s = ref _t.Servers.Server(server);
                if (!s.RetryPending)
                {
                    continue;
                }

                s.RetryPending = false;
                while (s.Live && s.Occupied < Layout.QueueLength &&
                    _t.Processes.TryFindWaiter(WaitReason.SendRetry, server, -1, out int process, out int tid))
                {
                    ref ThreadEntry thread = ref _t.Processes.Thread(process, tid);
                    Syscall pending = thread.PendingCall;
                    thread.State = ThreadState.Running;
                    _t.Processes.StopWaiting(ref thread);
                    var retry = new CallContext(process, tid);
                    SyscallResult result = Send(ref retry, in pending, tryOnly: false);
                    if (!retry.Blocked)
                    {
                        _t.Processes.Deliver(process, tid, in result, retry.Attached);
                    }

                    progress = true;
                }
            }
        }
    }

    /// <summary>Wakes every WaitEvent thread of a process.</summary>
    public void WakeEventWaiters(int process)
    {
        for (int tid = 0; tid < Layout.MaxThreads; tid++)
        {
            ref ThreadEntry t = ref _t.Processes.Thread(process, tid);
            if (t.State == ThreadState.Blocked && t.Wait == WaitReason.Event)
            {
                _t.Processes.Deliver(process, tid, SyscallResult.Ok(), default);
            }
        }
    }

    private SyscallResult ReceiveOn(ref CallContext c, int server, bool tryOnly)
    {
        SyscallResult result = TakeNext(ref c, server, out bool found);
        if (found)
        {
            return result;
        }

        if (tryOnly)
        {
            return SyscallResult.Nothing();
        }

        _t.Processes.Block(c.Process, c.Thread, WaitReason.Receive, server);
        c.Blocked = true;
        return default;
    }

    /// <summary>A message was queued: hand it to a waiting receiver, or wake WaitEvent threads.</summary>
    private void OfferToReceiver(int server)
    {
        int owner = _t.Servers.Server(server).Owner;
        if (_t.Processes.TryFindWaiter(WaitReason.Receive, server, owner, out _, out int tid))
        {
            var receiver = new CallContext(owner, tid);
            SyscallResult result = TakeNext(ref receiver, server, out _);
            _t.Processes.Deliver(owner, tid, in result, receiver.Attached);
        }

        if (_t.Servers.Server(server).Queued > 0)
        {
            WakeEventWaiters(owner);
        }
    }

    /// <summary>
    /// Receives the oldest queued message for the calling server thread: maps memory messages at the next free
    /// address of the message area (a Move whose sender ended is already there and only becomes accessible).
    /// OutOfMemory (message left queued) when the server has no room for them.
    /// </summary>
    private SyscallResult TakeNext(ref CallContext c, int server, out bool found)
    {
        int slot = _t.Servers.OldestQueued(server);
        found = slot >= 0;
        if (!found)
        {
            return default;
        }

        ref MessageSlot m = ref _t.Servers.Slot(server, slot);
        Message body;
        if (MessageKindCodes.HasMemory(m.Kind))
        {
            uint pages = m.Pages;
            if (m.ClientEnded)
            {
                // A Move whose sender ended: the server already holds the pages (moving) at ServerPage.
                _t.Memory.SetKind(c.Process, m.ServerPage, pages, RegionKind.Owned);
            }
            else
            {
                int needed = m.Client == c.Process && m.Kind == MessageKind.Move ? 0 : _t.Memory.CountRegions(m.Client, m.ClientPage, pages);
                if (!_t.Memory.HasRoom(c.Process, needed) ||
                    !_t.Memory.TryFindGap(c.Process, Layout.MessageBasePage, Layout.DefaultBasePage, pages, out uint serverPage))
                {
                    return KernelTables.Fail(XousError.OutOfMemory);
                }

                if (m.Kind == MessageKind.Move)
                {
                    _t.Memory.TransferMoved(m.Client, m.ClientPage, c.Process, serverPage, pages, ProcessTable.PidOf(c.Process).Value, RegionKind.Owned);
                }
                else
                {
                    _t.Memory.MapBorrowed(m.Client, m.ClientPage, c.Process, serverPage, pages, m.Kind == MessageKind.MutableBorrow);
                }

                m.ServerPage = serverPage;
            }

            c.Attached = MemoryRange.Create(Layout.AddressOf(m.ServerPage), Layout.BytesOf(pages));
            Message.TryCreate(m.Kind, m.Id, c.Attached.Address, c.Attached.Size, m.Word3, m.Word4, out body);
        }
        else
        {
            Message.TryCreate(m.Kind, m.Id, m.Word1, m.Word2, m.Word3, m.Word4, out body);
        }

        MessageSender sender = _t.Servers.SenderOf(server, slot);
        if (MessageKindCodes.IsBlocking(m.Kind))
        {
            _t.Servers.MarkInFlight(server, slot);
        }
        else
        {
            _t.Servers.FreeSlot(server, slot);
        }

        _t.Statistics.MessagesReceived++;
        return SyscallResult.FromEnvelope(new MessageEnvelope(sender, body));
    }

    /// <summary>
    /// Checks the buffer of a memory message: InvalidArgument for an empty buffer (only a forged call carries one)
    /// or one above <see cref="KernelConfig.MaxMessageBytes"/>, BadAlignment, BadAddress, ShareViolation, and
    /// OutOfMemory when marking it would overflow the region table.
    /// </summary>
    private XousError CheckBuffer(int process, MessageKind kind, nuint address, nuint size)
    {
        if (!MessageKindCodes.HasMemory(kind))
        {
            return XousError.NoError;
        }

        if (address == 0 || size == 0)
        {
            return XousError.InvalidArgument;
        }

        if (!Layout.IsPageAligned(address) || !Layout.IsPageAligned(size))
        {
            return XousError.BadAlignment;
        }

        if (size > _t.Config.MaxMessageBytes)
        {
            return XousError.InvalidArgument;
        }

        if (!Layout.IsUserRange(address, size))
        {
            return XousError.BadAddress;
        }

        uint page = Layout.PageOf(address);
        uint pages = (uint)(size >> Layout.PageShift);
        XousError error = _t.Memory.CheckOwned(process, page, pages, kind == MessageKind.Move ? RangeUse.Move : RangeUse.Lend);
        if (error != XousError.NoError)
        {
            return error;
        }

        return _t.Memory.HasRoom(process, _t.Memory.SplitsNeeded(process, page, pages)) ? XousError.NoError : XousError.OutOfMemory;
    }

    /// <summary>
    /// Finds the message a reply names. ServerNotFound: no live server at its index; AccessDenied: the caller does
    /// not own that server; DoubleFree: the slot's generation moved on (already answered, or a message that takes no
    /// reply); InvalidArgument: not a received message awaiting a reply (or a forged sender).
    /// </summary>
    private XousError ResolveReply(int process, nuint senderWord, out int server, out int slot)
    {
        server = -1;
        slot = -1;
        if (senderWord > uint.MaxValue)
        {
            return XousError.InvalidArgument;
        }

        var sender = new MessageSender((uint)senderWord);
        server = sender.ServerIndex;
        if (server >= Layout.MaxServers || !_t.Servers.Server(server).Live)
        {
            return XousError.ServerNotFound;
        }

        if (_t.Servers.Server(server).Owner != process)
        {
            return XousError.AccessDenied;
        }

        slot = sender.QueueSlot & (Layout.QueueLength - 1);
        ref MessageSlot m = ref _t.Servers.Slot(server, slot);
        if (m.Generation != sender.QueueSlot >> Layout.SlotBits)
        {
            return XousError.DoubleFree;
        }

        return m.State is (SlotState.InFlight or SlotState.Forgotten) && m.ClientPid == (byte)(sender.Value >> 24)
            ? XousError.NoError
            : XousError.InvalidArgument;
    }

    private XousError CompleteScalar(int server, int slot, int count, in Syscall call)
    {
        ref MessageSlot m = ref _t.Servers.Slot(server, slot);
        if (m.Kind != MessageKind.BlockingScalar)
        {
            return XousError.InvalidArgument;
        }

        if (m.State == SlotState.InFlight)
        {
            SyscallResult result = count switch
            {
                1 => SyscallResult.Scalar1(call.Arg2),
                2 => SyscallResult.Scalar2(call.Arg2, call.Arg3),
                _ => SyscallResult.Scalar5(call.Arg2, call.Arg3, call.Arg4, call.Arg5, call.Arg6),
            };
            _t.Processes.Deliver(m.Client, m.ClientThread, in result, default);
        }

        _t.Servers.FreeSlot(server, slot);
        return XousError.NoError;
    }

    private XousError CompleteMemory(int server, int slot, nuint address, nuint size, nuint offset, nuint valid)
    {
        ref MessageSlot m = ref _t.Servers.Slot(server, slot);
        if (m.Kind is not (MessageKind.Borrow or MessageKind.MutableBorrow))
        {
            return XousError.InvalidArgument;
        }

        if (address != Layout.AddressOf(m.ServerPage) || size != m.Word2)
        {
            return XousError.BadAddress;
        }

        int owner = _t.Servers.Server(server).Owner;
        if (m.State == SlotState.InFlight)
        {
            _t.Memory.Unmap(owner, m.ServerPage, m.Pages, freeFrames: false);
            _t.Memory.SetKind(m.Client, m.ClientPage, m.Pages, RegionKind.Owned);
            var lent = MemoryRange.Create(m.Word1, m.Word2);
            _t.Processes.Deliver(m.Client, m.ClientThread, SyscallResult.MemoryReturned(offset, valid), lent);
        }
        else
        {
            _t.Memory.Unmap(owner, m.ServerPage, m.Pages, freeFrames: true);
        }

        _t.Servers.FreeSlot(server, slot);
        return XousError.NoError;
    }
}

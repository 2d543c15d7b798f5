using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// Servers and connections: CreateServerWithAddress, CreateServer, CreateServerId, DestroyServer, Connect,
/// TryConnect, ConnectForProcess and Disconnect.
/// </summary>
internal sealed class ServerCalls
{
    private readonly KernelTables _t;
    private readonly Teardown _teardown;

    public ServerCalls(KernelTables tables, Teardown teardown)
    {
        _t = tables;
        _teardown = teardown;
    }

    /// <summary>CreateServerWithAddress(sid): ServerExists, OutOfMemory (server table or caller's connections full).</summary>
    public SyscallResult CreateWithAddress(ref CallContext c, in Syscall call)
    {
        return KernelTables.TryReadSid(call.Arg1, call.Arg2, call.Arg3, call.Arg4, out Sid sid)
            ? Create(ref c, sid)
            : KernelTables.Fail(XousError.InvalidSyscall);
    }

    /// <summary>CreateServer: a random SID (redrawn on collision; InternalError if the source keeps colliding).</summary>
    public SyscallResult CreateRandom(ref CallContext c)
    {
        for (int attempt = 0; attempt < Layout.ServerIdAttempts; attempt++)
        {
            Sid sid = RandomSid();
            if (_t.Servers.Find(sid) < 0)
            {
                return Create(ref c, sid);
            }
        }

        return KernelTables.Fail(XousError.InternalError);
    }

    /// <summary>CreateServerId: 128 random bits; no server is created.</summary>
    public SyscallResult CreateId() => SyscallResult.FromServerId(RandomSid());

    /// <summary>DestroyServer(sid): ServerNotFound, AccessDenied for a server of another process.</summary>
    public SyscallResult Destroy(ref CallContext c, in Syscall call)
    {
        XousError found = _t.FindOwnedServer(in call, c.Process, out int server);
        if (found != XousError.NoError)
        {
            return KernelTables.Fail(found);
        }

        _teardown.DestroyServer(server);
        return SyscallResult.Ok();
    }

    /// <summary>Connect (blocks until the server exists) and TryConnect (ServerNotFound instead).</summary>
    public SyscallResult Connect(ref CallContext c, in Syscall call, bool tryOnly)
    {
        if (!KernelTables.TryReadSid(call.Arg1, call.Arg2, call.Arg3, call.Arg4, out Sid sid))
        {
            return KernelTables.Fail(XousError.InvalidSyscall);
        }

        int server = _t.Servers.Find(sid);
        if (server >= 0)
        {
            return ConnectTo(c.Process, server);
        }

        if (tryOnly)
        {
            return KernelTables.Fail(XousError.ServerNotFound);
        }

        if (!_t.Connections.CanConnect(c.Process, sid))
        {
            return KernelTables.Fail(XousError.OutOfMemory);
        }

        _t.Processes.Block(c.Process, c.Thread, WaitReason.Connect);
        _t.Processes.Thread(c.Process, c.Thread).WaitSid = sid;
        c.Blocked = true;
        return default;
    }

    /// <summary>ConnectForProcess(pid, sid): a connection inside another process. ProcessNotFound, ServerNotFound.</summary>
    public SyscallResult ConnectForProcess(in Syscall call)
    {
        if (!KernelTables.TryReadSid(call.Arg2, call.Arg3, call.Arg4, call.Arg5, out Sid sid))
        {
            return KernelTables.Fail(XousError.InvalidSyscall);
        }

        if (!_t.Processes.TryGetSlot(call.Arg1, out int target))
        {
            return KernelTables.Fail(XousError.ProcessNotFound);
        }

        int server = _t.Servers.Find(sid);
        return server < 0 ? KernelTables.Fail(XousError.ServerNotFound) : ConnectTo(target, server);
    }

    /// <summary>Disconnect(cid): ServerNotFound for a CID that is out of range or not allocated.</summary>
    public SyscallResult Disconnect(ref CallContext c, in Syscall call) =>
        _t.Connections.Disconnect(c.Process, call.Arg1) ? SyscallResult.Ok() : KernelTables.Fail(XousError.ServerNotFound);

    private SyscallResult Create(ref CallContext c, Sid sid)
    {
        if (_t.Servers.Find(sid) >= 0)
        {
            return KernelTables.Fail(XousError.ServerExists);
        }

        if (!_t.Connections.CanConnect(c.Process, sid))
        {
            return KernelTables.Fail(XousError.OutOfMemory);
        }

        int server = _t.Servers.Allocate(sid, c.Process);
        if (server < 0)
        {
            return KernelTables.Fail(XousError.OutOfMemory);
        }

        _t.Statistics.Servers++;
        _t.Connections.Connect(c.Process, server, out Cid cid);
        WakeConnectWaiters(server);
        return SyscallResult.FromNewServer(sid, cid);
    }

    private SyscallResult ConnectTo(int process, int server)
    {
        XousError error = _t.Connections.Connect(process, server, out Cid cid);
        return error == XousError.NoError ? SyscallResult.FromConnectionId(cid) : KernelTables.Fail(error);
    }

    private void WakeConnectWaiters(int server)
    {
        Sid sid = _t.Servers.Server(server).Sid;
        for (int process = 1; process < _t.Processes.Slots; process++)
        {
            ref ProcessEntry p = ref _t.Processes.Process(process);
            if (!p.Alive || p.Dying)
            {
                continue;
            }

            for (int tid = 0; tid < Layout.MaxThreads; tid++)
            {
                ref ThreadEntry t = ref _t.Processes.Thread(process, tid);
                if (t.State == ThreadState.Blocked && t.Wait == WaitReason.Connect && t.WaitSid == sid)
                {
                    SyscallResult result = ConnectTo(process, server);
                    _t.Processes.Deliver(process, tid, in result, default);
                }
            }
        }
    }

    private Sid RandomSid() =>
        new(_t.Arch.NextRandom(), _t.Arch.NextRandom(), _t.Arch.NextRandom(), _t.Arch.NextRandom());
}

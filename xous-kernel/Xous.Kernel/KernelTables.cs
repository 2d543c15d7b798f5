using Xous.Abi;

namespace Xous.Kernel;

/// <summary>The calling thread of the syscall being executed, and how the call ended.</summary>
internal struct CallContext
{
    /// <summary>The caller's process slot.</summary>
    public int Process;

    /// <summary>The caller's thread id.</summary>
    public int Thread;

    /// <summary>The call blocked: its result is delivered later.</summary>
    public bool Blocked;

    /// <summary>The range that travels with the result (see <see cref="IKernelArch.Resume"/>).</summary>
    public MemoryRange Attached;

    public CallContext(int process, int thread)
    {
        Process = process;
        Thread = thread;
        Blocked = false;
        Attached = default;
    }
}

/// <summary>Every table of one kernel, shared by the syscall handlers.</summary>
internal sealed class KernelTables
{
    public KernelTables(IKernelArch arch, KernelConfig config)
    {
        Arch = arch;
        Config = config;
        Frames = new FramePool(config.PhysicalPages);
        Statistics = new KernelStatistics(Frames);
        Processes = new ProcessTable(config.MaxProcesses, arch, Statistics);
        Memory = new AddressSpaces(config.MaxProcesses, config.MaxRegionsPerProcess, Frames, arch);
        Servers = new ServerTable();
        Connections = new ConnectionTable(config.MaxProcesses, Servers);
    }

    /// <summary>The architecture.</summary>
    public IKernelArch Arch { get; }

    /// <summary>The sizes.</summary>
    public KernelConfig Config { get; }

    /// <summary>The physical page tracker.</summary>
    public FramePool Frames { get; }

    /// <summary>The counters.</summary>
    public KernelStatistics Statistics { get; }

    /// <summary>Processes and threads.</summary>
    public ProcessTable Processes { get; }

    /// <summary>Address spaces.</summary>
    public AddressSpaces Memory { get; }

    /// <summary>Servers and queues.</summary>
    public ServerTable Servers { get; }

    /// <summary>Connections.</summary>
    public ConnectionTable Connections { get; }

    /// <summary>
    /// The server named by the SID in a call's first four argument words, if the caller owns it: NoError and its index,
    /// or InvalidSyscall (a word above 32 bits), ServerNotFound, or AccessDenied (another process's server).
    /// </summary>
    public XousError FindOwnedServer(in Syscall call, int process, out int server)
    {
        server = -1;
        if (!TryReadSid(call.Arg1, call.Arg2, call.Arg3, call.Arg4, out Sid sid))
        {
            return XousError.InvalidSyscall;
        }

        server = Servers.Find(sid);
        if (server < 0)
        {
            return XousError.ServerNotFound;
        }

        return Servers.Server(server).Owner == process ? XousError.NoError : XousError.AccessDenied;
    }

    /// <summary>Reads four SID words; false when one has bits above 31 (only a forged call can carry that).</summary>
    public static bool TryReadSid(nuint w0, nuint w1, nuint w2, nuint w3, out Sid sid)
    {
        if (w0 > uint.MaxValue || w1 > uint.MaxValue || w2 > uint.MaxValue || w3 > uint.MaxValue)
        {
            sid = default;
            return false;
        }

        sid = new Sid((uint)w0, (uint)w1, (uint)w2, (uint)w3);
        return true;
    }

    /// <summary>An error result.</summary>
    public static SyscallResult Fail(XousError error) => SyscallResult.Failure(error);
}

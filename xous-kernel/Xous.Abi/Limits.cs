namespace Xous.Abi;

/// <summary>Fixed sizes of the Xous kernel interface (<c>reference/xous-platform.md</c> §2.1).</summary>
public static class Limits
{
    /// <summary>Bytes in a page; memory messages lend whole pages.</summary>
    public const uint PageSize = 4096;

    /// <summary>Processes the kernel tracks, PID 1 (the kernel) included.</summary>
    public const int MaxProcesses = 64;

    /// <summary>Thread slots per process.</summary>
    public const int MaxThreadsPerProcess = 31;

    /// <summary>Servers system-wide.</summary>
    public const int MaxServers = 128;

    /// <summary>Messages queued per server (one page of 32-byte entries on RV32).</summary>
    public const int ServerQueueLength = 128;

    /// <summary>Connection slots per process.</summary>
    public const int MaxConnectionsPerProcess = 32;

    /// <summary>The first CID the kernel hands out (CID = slot + 2).</summary>
    public const uint FirstConnectionId = 2;

    /// <summary>One past the largest CID (<c>MAX_CID</c> in xous-rs).</summary>
    public const uint MaxConnectionId = 34;

    /// <summary>Scalar argument words in a message (besides the id).</summary>
    public const int ScalarArguments = 4;

    /// <summary>Words in a syscall request or result, number or tag included.</summary>
    public const int RegisterWords = 8;
}

/// <summary>Limits adjustable with <see cref="SyscallNumber.AdjustProcessLimit"/>.</summary>
public enum ProcessLimit : uint
{
    /// <summary>The largest the heap may grow.</summary>
    HeapMaximum = 1,

    /// <summary>The current heap size.</summary>
    HeapSize = 2,
}

/// <summary>Region kinds of <see cref="SyscallNumber.SetMemRegion"/>.</summary>
public enum MemoryRegionType : uint
{
    /// <summary>Default allocations.</summary>
    Default = 1,

    /// <summary>The heap.</summary>
    Heap = 2,

    /// <summary>Where lent or moved message pages are mapped.</summary>
    Messages = 3,

    /// <summary>Thread stacks.</summary>
    Stack = 4,
}

/// <summary>How <see cref="SyscallNumber.ReplyAndReceiveNext"/> replies (its a7).</summary>
public enum ReplyKind : uint
{
    /// <summary>Reply as ReturnScalar1 (a2).</summary>
    Scalar1 = 1,

    /// <summary>Reply as ReturnScalar2 (a2, a3).</summary>
    Scalar2 = 2,

    /// <summary>Reply as ReturnScalar5 (a2..a6).</summary>
    Scalar5 = 5,

    /// <summary>Return memory (a2 = address, a3 = length, a4 = offset, a5 = valid); encoded as all ones.</summary>
    Memory = uint.MaxValue,
}

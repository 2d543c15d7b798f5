namespace Xous.Abi;

/// <summary>
/// Syscall numbers, passed in register a0 (device) or word 0 of a hosted call packet.
/// Numbering follows Xous (<c>xous-rs/src/syscall.rs</c>); numbers are never reused.
/// </summary>
public enum SyscallNumber : uint
{
    /// <summary>Captures malformed calls; never a valid request.</summary>
    Invalid = 0,

    // 1 is unused in Xous and stays unused here.

    /// <summary>Map memory: a1 = physical (0 = any), a2 = virtual (0 = default), a3 = size, a4 = <see cref="MemoryFlags"/>.</summary>
    MapMemory = 2,

    /// <summary>Give up the rest of the quantum.</summary>
    Yield = 3,

    /// <summary>Force a yield back to the parent: a1 = pid, a2 = cpu id. Used from IRQ context for preemption.</summary>
    ReturnToParent = 4,

    /// <summary>Claim an interrupt: a1 = irq number, a2 = handler address, a3 = handler argument.</summary>
    ClaimInterrupt = 5,

    /// <summary>Free an interrupt: a1 = irq number.</summary>
    FreeInterrupt = 6,

    /// <summary>Switch to a process: a1 = pid, a2 = context (0 = resume).</summary>
    SwitchTo = 7,

    /// <summary>Ready threads of a process: a1 = pid. Not implemented by Xous either.</summary>
    ReadyThreads = 8,

    /// <summary>Sleep until an interrupt or a message arrives.</summary>
    WaitEvent = 9,

    /// <summary>Grow the heap: a1 = bytes (0 queries base and size), a2 = <see cref="MemoryFlags"/>.</summary>
    IncreaseHeap = 10,

    /// <summary>Shrink the heap: a1 = bytes.</summary>
    DecreaseHeap = 11,

    /// <summary>Change page flags: a1 = address, a2 = length, a3 = <see cref="MemoryFlags"/>, a4 = pid (0 = self).</summary>
    UpdateMemoryFlags = 12,

    /// <summary>Set a memory region: a1 = pid, a2 = <see cref="MemoryRegionType"/>, a3 = address, a4 = size. Not implemented by Xous either.</summary>
    SetMemRegion = 13,

    /// <summary>Create a server with a chosen SID: a1..a4 = SID words.</summary>
    CreateServerWithAddress = 14,

    /// <summary>Receive a message, blocking: a1..a4 = SID words.</summary>
    ReceiveMessage = 15,

    /// <summary>Send a message: a1 = CID, a2 = send type code (1..5), a3 = id, a4..a7 = arguments or buffer.</summary>
    SendMessage = 16,

    /// <summary>Connect to a server, blocking until it exists: a1..a4 = SID words.</summary>
    Connect = 17,

    /// <summary>Create a thread: a1 = entry, a2 = stack pointer, a3 = stack length, a4..a7 = arguments.</summary>
    CreateThread = 18,

    /// <summary>Unmap memory: a1 = address, a2 = length.</summary>
    UnmapMemory = 19,

    /// <summary>Return lent memory: a1 = sender, a2 = address, a3 = length, a4 = offset, a5 = valid.</summary>
    ReturnMemory = 20,

    /// <summary>Create a process: a1..a6 = stack address, stack length, text address, text length, text destination, entry.</summary>
    CreateProcess = 21,

    /// <summary>End the calling process: a1 = exit code.</summary>
    TerminateProcess = 22,

    /// <summary>Shut the system down.</summary>
    Shutdown = 23,

    /// <summary>Send without waiting for queue space: same arguments as <see cref="SendMessage"/>.</summary>
    TrySendMessage = 24,

    /// <summary>Connect without waiting: a1..a4 = SID words.</summary>
    TryConnect = 25,

    /// <summary>Reply to a blocking scalar with one word: a1 = sender, a2 = value.</summary>
    ReturnScalar1 = 26,

    /// <summary>Reply to a blocking scalar with two words: a1 = sender, a2..a3 = values.</summary>
    ReturnScalar2 = 27,

    /// <summary>Receive a message without blocking: a1..a4 = SID words.</summary>
    TryReceiveMessage = 28,

    /// <summary>Create a server with a random SID.</summary>
    CreateServer = 29,

    /// <summary>Create a connection inside another process: a1 = pid, a2..a5 = SID words.</summary>
    ConnectForProcess = 30,

    /// <summary>Get 128 random bits from the kernel TRNG as a SID.</summary>
    CreateServerId = 31,

    /// <summary>The calling thread's id.</summary>
    GetThreadId = 32,

    /// <summary>The calling process's id.</summary>
    GetProcessId = 33,

    /// <summary>Destroy a server: a1..a4 = SID words.</summary>
    DestroyServer = 34,

    /// <summary>Close a connection: a1 = CID.</summary>
    Disconnect = 35,

    /// <summary>Wait for a thread to end: a1 = thread id.</summary>
    JoinThread = 36,

    /// <summary>Install the exception handler: a1 = handler address, a2 = stack pointer.</summary>
    SetExceptionHandler = 37,

    /// <summary>Compare-and-set a process limit: a1 = <see cref="ProcessLimit"/>, a2 = expected, a3 = new.</summary>
    AdjustProcessLimit = 38,

    /// <summary>Translate a virtual address of the caller: a1 = virtual address.</summary>
    VirtToPhys = 39,

    /// <summary>Reply to a blocking scalar with five words: a1 = sender, a2..a6 = values.</summary>
    ReturnScalar5 = 40,

    /// <summary>Reply and receive the next message: a1 = sender, a2..a6 = reply words, a7 = <see cref="ReplyKind"/>.</summary>
    ReplyAndReceiveNext = 41,

    /// <summary>Translate a virtual address of another process: a1 = pid, a2 = virtual address.</summary>
    VirtToPhysPid = 42,

    /// <summary>Register the swapper: a1..a4 = SID words, a5 = handler, a6 = state.</summary>
    RegisterSwapper = 43,

    /// <summary>Swapper operation: a1..a7 are operation-specific.</summary>
    SwapOp = 44,

    /// <summary>Raw TRNG words: a1..a7 are operation-specific.</summary>
    RawTrng = 45,

    /// <summary>Platform-specific call: a1 = meta-opcode, a2..a7 are operation-specific.</summary>
    PlatformSpecific = 46,
}

namespace Xous.Abi;

/// <summary>
/// The tag in a0 of every syscall result. Numbering follows Xous (<c>xous-rs/src/definitions.rs</c>).
/// </summary>
public enum ResultTag : uint
{
    /// <summary>Success with no payload.</summary>
    Ok = 0,

    /// <summary>Failure: a1 = <see cref="XousError"/> code.</summary>
    Error = 1,

    /// <summary>a1 = an address.</summary>
    MemoryAddress = 2,

    /// <summary>a1 = address, a2 = size.</summary>
    MemoryRange = 3,

    /// <summary>a1 = count, then three (pid, context) pairs.</summary>
    ReadyThreads = 4,

    /// <summary>A process was resumed.</summary>
    ResumeProcess = 5,

    /// <summary>a1..a4 = SID words.</summary>
    ServerId = 6,

    /// <summary>a1 = CID.</summary>
    ConnectionId = 7,

    /// <summary>a1..a4 = SID words, a5 = CID.</summary>
    NewServerId = 8,

    /// <summary>a1 = sender, a2 = kind (0..4), a3 = id, a4..a7 = arguments or buffer.</summary>
    MessageEnvelope = 9,

    /// <summary>a1 = thread id.</summary>
    ThreadId = 10,

    /// <summary>a1 = process id.</summary>
    ProcessId = 11,

    /// <summary>The call is not implemented. (Xous's encoder emits 21 for this variant by mistake; we emit 12 and decode 12.)</summary>
    Unimplemented = 12,

    /// <summary>Hosted mode only: the call is blocked; keep reading.</summary>
    BlockedProcess = 13,

    /// <summary>a1 = value.</summary>
    Scalar1 = 14,

    /// <summary>a1, a2 = values.</summary>
    Scalar2 = 15,

    /// <summary>The caller must retry the call.</summary>
    RetryCall = 16,

    /// <summary>An empty non-blocking receive.</summary>
    None = 17,

    /// <summary>Lent memory came back: a1 = offset, a2 = valid.</summary>
    MemoryReturned = 18,

    /// <summary>a1 = new pid, a2..a5 = SID words of its loader server.</summary>
    NewProcess = 19,

    /// <summary>a1..a5 = values.</summary>
    Scalar5 = 20,

    /// <summary>a1 = kind (0..4), a2 = id, a3..a6 = arguments or buffer.</summary>
    Message = 21,
}

using Xous.Abi;
using Xous.Ipc;

namespace Xous.Ticktimer.Api;

/// <summary>
/// The ticktimer (reference §4.2, §2.13): milliseconds since boot, sleeping, and the slow path of the process runtime's
/// mutexes and condition variables. Opcode numbers are Xous's. Keys are per calling process: the same key from two
/// processes names two different mutexes.
/// </summary>
[IpcContract]
[RetiredOpcode(3, "SuspendResume: arrives with the suspend/resume service")]
[RetiredOpcode(4, "PingWdt: arrives with the watchdog driver")]
[RetiredOpcode(5, "GetVersion returned a string; not carried over")]
public interface ITicktimer
{
    /// <summary>Milliseconds since the ticktimer started (monotonic).</summary>
    [Opcode(0)]
    ulong ElapsedMs();

    /// <summary>Replies after at least <paramref name="milliseconds"/> ms (0 replies at once).</summary>
    [Opcode(1, Deferred = true, Blocking = true)]
    void SleepMs(uint milliseconds);

    /// <summary>Sent by the ticktimer's own alarm thread when a deadline may have passed; ignored from other processes.</summary>
    [Opcode(2, IncludeSender = true)]
    void RecalculateSleep();

    /// <summary>
    /// Slow path of a contended mutex: replies when the caller owns the mutex <paramref name="key"/>, i.e. at once if
    /// an unlock is pending for it, otherwise after the next <see cref="UnlockMutex"/>.
    /// </summary>
    [Opcode(6, Deferred = true, Blocking = true)]
    void LockMutex(ulong key);

    /// <summary>Hands the mutex to the oldest waiter, or records a pending unlock when nobody waits.</summary>
    [Opcode(7, IncludeSender = true)]
    void UnlockMutex(ulong key);

    /// <summary>
    /// Waits on condition <paramref name="key"/> until notified (returns true) or until
    /// <paramref name="timeoutMs"/> ms pass (returns false); 0 waits forever.
    /// </summary>
    [Opcode(8, Deferred = true)]
    bool WaitForCondition(ulong key, uint timeoutMs);

    /// <summary>Wakes up to <paramref name="count"/> waiters of condition <paramref name="key"/>; returns how many woke.</summary>
    [Opcode(9, IncludeSender = true)]
    uint NotifyCondition(ulong key, uint count);

    /// <summary>Forgets the mutex's bookkeeping (pending unlocks); waiters, if any, are woken.</summary>
    [Opcode(10, IncludeSender = true)]
    void FreeMutex(ulong key);

    /// <summary>Forgets the condition; its waiters are woken as if timed out.</summary>
    [Opcode(11, IncludeSender = true)]
    void FreeCondition(ulong key);
}

/// <summary>The ticktimer's well-known SID.</summary>
public static class TicktimerServerId
{
    /// <summary><c>b"ticktimer-server"</c> as four little-endian words.</summary>
    public static Sid Sid => new(0x6B636974, 0x656D6974, 0x65732D72, 0x72657672);
}

using Xous.Ipc;

namespace Xous.Ticktimer.Core;

/// <summary>What a table entry waits for.</summary>
internal enum WaiterKind : byte
{
    /// <summary>A SleepMs caller, woken at its deadline.</summary>
    Sleep,

    /// <summary>A LockMutex caller, woken by UnlockMutex or FreeMutex.</summary>
    Mutex,

    /// <summary>A WaitForCondition caller, woken by NotifyCondition (true), its deadline or FreeCondition (false).</summary>
    Condition,

    /// <summary>An UnlockMutex that found no waiter (no reply attached).</summary>
    PendingUnlock,
}

/// <summary>One entry of a <see cref="WaiterTable"/>.</summary>
internal readonly struct Waiter
{
    public Waiter(WaiterKind kind, byte process, ulong key, ulong deadlineMs, DeferredReply reply)
    {
        Kind = kind;
        Process = process;
        Key = key;
        DeadlineMs = deadlineMs;
        Reply = reply;
    }

    public WaiterKind Kind { get; }

    /// <summary>The PID that owns the key (keys are per process).</summary>
    public byte Process { get; }

    /// <summary>The mutex or condition key (0 for sleepers).</summary>
    public ulong Key { get; }

    /// <summary>When the entry expires; <see cref="ulong.MaxValue"/> never.</summary>
    public ulong DeadlineMs { get; }

    /// <summary>The waiting caller (default for pending unlocks).</summary>
    public DeferredReply Reply { get; }
}

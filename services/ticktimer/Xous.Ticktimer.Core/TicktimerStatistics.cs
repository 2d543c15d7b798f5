namespace Xous.Ticktimer.Core;

/// <summary>
/// Outcome counters of <see cref="TicktimerCore"/> (the dispatcher counts requests per opcode; these count what the
/// core decided). Every count wraps modulo 2^32.
/// </summary>
public struct TicktimerStatistics
{
    /// <summary>Sleepers parked until their deadline.</summary>
    public uint SleepsParked { get; internal set; }

    /// <summary>Sleeps answered at once: 0 ms.</summary>
    public uint SleepsImmediate { get; internal set; }

    /// <summary>Sleeps answered at once because the waiter table (or the caller's share) was full.</summary>
    public uint SleepsCutShort { get; internal set; }

    /// <summary>Sleepers woken at their deadline.</summary>
    public uint SleepsCompleted { get; internal set; }

    /// <summary>RecalculateSleep messages from the ticktimer's own process.</summary>
    public uint Recalculations { get; internal set; }

    /// <summary>RecalculateSleep messages from other processes (ignored).</summary>
    public uint ForeignRecalculations { get; internal set; }

    /// <summary>LockMutex answered at once by consuming a pending unlock.</summary>
    public uint MutexLocksFromPendingUnlock { get; internal set; }

    /// <summary>LockMutex callers queued behind the owner.</summary>
    public uint MutexWaitersQueued { get; internal set; }

    /// <summary>LockMutex callers that found the table full and are never answered (see <see cref="TicktimerCore.LockMutex"/>).</summary>
    public uint MutexWaitersDropped { get; internal set; }

    /// <summary>UnlockMutex that handed the mutex to a waiter.</summary>
    public uint MutexHandovers { get; internal set; }

    /// <summary>UnlockMutex recorded as pending (nobody waited yet).</summary>
    public uint PendingUnlocksRecorded { get; internal set; }

    /// <summary>UnlockMutex for a key that already had a pending unlock (ignored).</summary>
    public uint RedundantUnlocks { get; internal set; }

    /// <summary>UnlockMutex that could not be recorded because the pending-unlock table (or the caller's share) was full.</summary>
    public uint PendingUnlocksDropped { get; internal set; }

    /// <summary>FreeMutex calls.</summary>
    public uint MutexesFreed { get; internal set; }

    /// <summary>WaitForCondition callers parked.</summary>
    public uint ConditionWaitsParked { get; internal set; }

    /// <summary>WaitForCondition answered false at once because the waiter table (or the caller's share) was full.</summary>
    public uint ConditionWaitsRefused { get; internal set; }

    /// <summary>Condition waiters woken by NotifyCondition (answered true).</summary>
    public uint ConditionWaitersNotified { get; internal set; }

    /// <summary>Condition waiters whose timeout passed (answered false).</summary>
    public uint ConditionTimeouts { get; internal set; }

    /// <summary>FreeCondition calls.</summary>
    public uint ConditionsFreed { get; internal set; }
}

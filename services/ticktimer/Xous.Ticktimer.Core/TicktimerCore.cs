using System;
using Xous.Abi;
using Xous.Ipc;
using Xous.Ticktimer.Api;

namespace Xous.Ticktimer.Core;

/// <summary>
/// The ticktimer's logic (reference §4.2, §2.13): time since boot, sleepers, and the slow path of the runtime's mutexes
/// and condition variables. The server is <c>new TicktimerDispatcher(new TicktimerCore(environment))</c> in a receive
/// loop; time reaches the core only through <see cref="ITicktimerEnvironment.NowMs"/>, and the core asks for the next
/// wake-up with <see cref="ITicktimerEnvironment.SetAlarm"/>.
/// <para>
/// Every handled message first wakes what has expired (sleepers at their deadline, condition waiters at their timeout,
/// earliest deadline first) and finally re-arms the alarm for the earliest remaining deadline. Mutex and condition
/// keys are scoped per sending process.
/// </para>
/// <para>
/// Limits: <see cref="MaxWaiters"/> blocked callers in all (sleepers, mutex and condition waiters), at most
/// <see cref="MaxWaitersPerProcess"/> of one process (a live process cannot have more blocked threads); at most
/// <see cref="MaxPendingUnlocks"/> pending unlocks, <see cref="MaxPendingUnlocksPerProcess"/> per process. Not
/// thread-safe: the server dispatches from one thread.
/// </para>
/// </summary>
public sealed class TicktimerCore : ITicktimerHandler
{
    /// <summary>Most blocked callers held at once (sleepers, mutex waiters and condition waiters together).</summary>
    public const int MaxWaiters = 1024;

    /// <summary>Most blocked callers of one process: a process has at most this many threads, each blocked at most once.</summary>
    public const int MaxWaitersPerProcess = Limits.MaxThreadsPerProcess;

    /// <summary>Most pending unlocks recorded at once.</summary>
    public const int MaxPendingUnlocks = 256;

    /// <summary>Most pending unlocks of one process.</summary>
    public const int MaxPendingUnlocksPerProcess = 32;

    private readonly ITicktimerEnvironment _environment;
    private readonly WaiterTable _waiters = new(MaxWaiters, MaxWaitersPerProcess);
    private readonly WaiterTable _pendingUnlocks = new(MaxPendingUnlocks, MaxPendingUnlocksPerProcess);
    private ulong _alarmMs = ulong.MaxValue;
    private TicktimerStatistics _statistics;

    /// <summary>Creates a ticktimer with nothing waiting.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="environment"/> is null.</exception>
    public TicktimerCore(ITicktimerEnvironment environment) =>
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));

    /// <summary>The outcome counters.</summary>
    public TicktimerStatistics Statistics => _statistics;

    /// <summary>Blocked callers held (sleepers, mutex and condition waiters).</summary>
    public int WaiterCount => _waiters.Count;

    /// <summary>Pending unlocks held.</summary>
    public int PendingUnlockCount => _pendingUnlocks.Count;

    /// <summary>The deadline last passed to <see cref="ITicktimerEnvironment.SetAlarm"/> (<see cref="ulong.MaxValue"/>: none).</summary>
    public ulong AlarmMs => _alarmMs;

    /// <inheritdoc/>
    public ulong ElapsedMs()
    {
        ulong now = Expire();
        UpdateAlarm(force: false);
        return now;
    }

    /// <summary>
    /// Parks the caller until <paramref name="milliseconds"/> have passed; 0 answers at once. When the waiter table or
    /// the caller's share of it is full the caller is answered at once (its sleep is cut short and counted) rather than
    /// left blocked forever.
    /// </summary>
    public void SleepMs(uint milliseconds, DeferredReply reply)
    {
        ulong now = Expire();
        if (milliseconds == 0)
        {
            _statistics.SleepsImmediate++;
            _environment.Replies.Complete(reply, TicktimerDispatcher.SleepMsReply());
        }
        else if (_waiters.TryAdd(new Waiter(WaiterKind.Sleep, CallerOf(reply), 0, DeadlineAfter(now, milliseconds), reply)))
        {
            _statistics.SleepsParked++;
        }
        else
        {
            _statistics.SleepsCutShort++;
            _environment.Replies.Complete(reply, TicktimerDispatcher.SleepMsReply());
        }

        UpdateAlarm(force: false);
    }

    /// <summary>
    /// From <see cref="ITicktimerEnvironment.OwnProcess"/>: wakes what has expired and re-arms the alarm (even when the
    /// deadline is unchanged, in case the alarm that sent this was early). From any other process: counted and ignored.
    /// </summary>
    public void RecalculateSleep(MessageSender sender)
    {
        if (!sender.TryGetProcessId(out Pid pid) || pid != _environment.OwnProcess)
        {
            _statistics.ForeignRecalculations++;
            return;
        }

        _statistics.Recalculations++;
        Expire();
        UpdateAlarm(force: true);
    }

    /// <summary>
    /// Answers at once when an unlock is pending for the key (consuming it), otherwise queues the caller behind earlier
    /// waiters (FIFO). When the waiter table or the caller's share is full, the caller is <b>not answered</b> and
    /// counted in <see cref="TicktimerStatistics.MutexWaitersDropped"/>: answering would break mutual exclusion and
    /// failing would stop the ticktimer for every process, so the cost stays with the process that exceeded its share
    /// (its thread stays blocked). A live process cannot reach its share, which equals its thread limit.
    /// </summary>
    public void LockMutex(ulong key, DeferredReply reply)
    {
        Expire();
        byte process = CallerOf(reply);
        int pending = _pendingUnlocks.IndexOfOldest(WaiterKind.PendingUnlock, process, key);
        if (pending >= 0)
        {
            _pendingUnlocks.RemoveAt(pending);
            _statistics.MutexLocksFromPendingUnlock++;
            _environment.Replies.Complete(reply, TicktimerDispatcher.LockMutexReply());
        }
        else if (_waiters.TryAdd(new Waiter(WaiterKind.Mutex, process, key, ulong.MaxValue, reply)))
        {
            _statistics.MutexWaitersQueued++;
        }
        else
        {
            _statistics.MutexWaitersDropped++;
        }

        UpdateAlarm(force: false);
    }

    /// <summary>
    /// Hands the mutex to its oldest waiter, or records one pending unlock when nobody waits (the LockMutex it answers
    /// is still on its way). At most one unlock is pending per key: the runtime's fast path sends UnlockMutex only after
    /// seeing a contender, and that contender's LockMutex consumes it before the mutex can be contended again, so a
    /// second one is a client bug and is counted and ignored. When the pending table or the caller's share is full the
    /// unlock is dropped and counted; the contender then waits for the next unlock of that key.
    /// </summary>
    public void UnlockMutex(MessageSender sender, ulong key)
    {
        Expire();
        byte process = sender.ProcessId.Value;
        int waiter = _waiters.IndexOfOldest(WaiterKind.Mutex, process, key);
        if (waiter >= 0)
        {
            Waiter next = _waiters.RemoveAt(waiter);
            _statistics.MutexHandovers++;
            _environment.Replies.Complete(next.Reply, TicktimerDispatcher.LockMutexReply());
        }
        else if (_pendingUnlocks.IndexOfOldest(WaiterKind.PendingUnlock, process, key) >= 0)
        {
            _statistics.RedundantUnlocks++;
        }
        else if (_pendingUnlocks.TryAdd(new Waiter(WaiterKind.PendingUnlock, process, key, ulong.MaxValue, default)))
        {
            _statistics.PendingUnlocksRecorded++;
        }
        else
        {
            _statistics.PendingUnlocksDropped++;
        }

        UpdateAlarm(force: false);
    }

    /// <summary>
    /// Parks the caller until a NotifyCondition on the key (answered true) or until <paramref name="timeoutMs"/> pass
    /// (answered false); 0 waits forever. When the waiter table or the caller's share is full the caller is answered
    /// false at once, as a timeout, which every caller of a timed wait must handle anyway.
    /// </summary>
    public void WaitForCondition(ulong key, uint timeoutMs, DeferredReply reply)
    {
        ulong now = Expire();
        ulong deadline = timeoutMs == 0 ? ulong.MaxValue : DeadlineAfter(now, timeoutMs);
        if (_waiters.TryAdd(new Waiter(WaiterKind.Condition, CallerOf(reply), key, deadline, reply)))
        {
            _statistics.ConditionWaitsParked++;
        }
        else
        {
            _statistics.ConditionWaitsRefused++;
            _environment.Replies.Complete(reply, TicktimerDispatcher.WaitForConditionReply(false));
        }

        UpdateAlarm(force: false);
    }

    /// <summary>Wakes up to <paramref name="count"/> of the key's oldest waiters with true; returns how many woke.</summary>
    public uint NotifyCondition(MessageSender sender, ulong key, uint count)
    {
        Expire();
        byte process = sender.ProcessId.Value;
        uint woken = 0;
        while (woken < count)
        {
            int index = _waiters.IndexOfOldest(WaiterKind.Condition, process, key);
            if (index < 0)
            {
                break;
            }

            Waiter waiter = _waiters.RemoveAt(index);
            woken++;
            _statistics.ConditionWaitersNotified++;
            _environment.Replies.Complete(waiter.Reply, TicktimerDispatcher.WaitForConditionReply(true));
        }

        UpdateAlarm(force: false);
        return woken;
    }

    /// <summary>Forgets the key's pending unlock and answers every waiter of it (oldest first), as the contract says.</summary>
    public void FreeMutex(MessageSender sender, ulong key)
    {
        Expire();
        byte process = sender.ProcessId.Value;
        _statistics.MutexesFreed++;
        int pending = _pendingUnlocks.IndexOfOldest(WaiterKind.PendingUnlock, process, key);
        if (pending >= 0)
        {
            _pendingUnlocks.RemoveAt(pending);
        }

        WakeAll(WaiterKind.Mutex, process, key, TicktimerDispatcher.LockMutexReply());
        UpdateAlarm(force: false);
    }

    /// <summary>Answers every waiter of the condition false (as if timed out), oldest first.</summary>
    public void FreeCondition(MessageSender sender, ulong key)
    {
        Expire();
        _statistics.ConditionsFreed++;
        WakeAll(WaiterKind.Condition, sender.ProcessId.Value, key, TicktimerDispatcher.WaitForConditionReply(false));
        UpdateAlarm(force: false);
    }

    /// <summary>
    /// Process-exit hygiene, for a server that learns a process ended: drops its blocked callers without answering them
    /// (the kernel could not deliver the replies) and its pending unlocks, so a later process with the same PID starts
    /// clean and its share of the tables is free again.
    /// </summary>
    /// <returns>How many entries were dropped.</returns>
    public int ProcessExited(Pid process)
    {
        int dropped = _waiters.RemoveProcess(process.Value) + _pendingUnlocks.RemoveProcess(process.Value);
        UpdateAlarm(force: false);
        return dropped;
    }

    private static byte CallerOf(DeferredReply reply) => reply.Sender.ProcessId.Value;

    private static ulong DeadlineAfter(ulong nowMs, uint milliseconds)
    {
        // Saturates below ulong.MaxValue, which means "no deadline".
        ulong deadline = nowMs + milliseconds;
        return deadline < nowMs || deadline == ulong.MaxValue ? ulong.MaxValue - 1 : deadline;
    }

    /// <summary>Reads the clock once and answers every expired sleeper and condition waiter, earliest deadline first.</summary>
    private ulong Expire()
    {
        ulong now = _environment.NowMs;
        int index;
        while ((index = _waiters.IndexOfEarliestExpired(now)) >= 0)
        {
            Waiter waiter = _waiters.RemoveAt(index);
            if (waiter.Kind == WaiterKind.Sleep)
            {
                _statistics.SleepsCompleted++;
                _environment.Replies.Complete(waiter.Reply, TicktimerDispatcher.SleepMsReply());
            }
            else
            {
                _statistics.ConditionTimeouts++;
                _environment.Replies.Complete(waiter.Reply, TicktimerDispatcher.WaitForConditionReply(false));
            }
        }

        return now;
    }

    private void WakeAll(WaiterKind kind, byte process, ulong key, Reply reply)
    {
        int index;
        while ((index = _waiters.IndexOfOldest(kind, process, key)) >= 0)
        {
            Waiter waiter = _waiters.RemoveAt(index);
            _environment.Replies.Complete(waiter.Reply, in reply);
        }
    }

    private void UpdateAlarm(bool force)
    {
        ulong earliest = _waiters.EarliestDeadline();
        if (force || earliest != _alarmMs)
        {
            _alarmMs = earliest;
            _environment.SetAlarm(earliest);
        }
    }
}

using System;
using System.Threading;

namespace Xous.Runtime;

/// <summary>
/// A condition variable of one process (docs/runtime.md, "Condition variables"), used with a <see cref="XousMutex"/>
/// and, like Xous's, backed by the ticktimer: WaitForCondition(key, timeoutMs) parks a waiter, NotifyCondition(key,
/// count) wakes up to count of them and says how many it woke.
/// <para>
/// Semantics: <see cref="Wait"/> must be called with the mutex held; it counts itself as a waiter, releases the mutex,
/// waits, and takes the mutex again before returning (true when notified, false on timeout). <see cref="Notify"/> must
/// be called with the same mutex held, so no waiter can register meanwhile; with no waiter it makes no call. A waiter
/// counted but not yet parked in the ticktimer (it has released the mutex and is on its way) is covered by retrying
/// the notify up to <see cref="NotifyAttempts"/> times, yielding in between; a waiter that times out at the same time
/// is deducted. Wake-ups can be spurious in that window: re-check the predicate in a loop, as with every condition
/// variable.
/// </para>
/// <see cref="Dispose"/> sends FreeCondition if the condition was ever waited on. Thread-safe.
/// </summary>
public sealed class XousCondition : IDisposable
{
    /// <summary>How many NotifyCondition calls one notify makes at most while counted waiters are not yet parked.</summary>
    public const int NotifyAttempts = 16;

    private readonly ProcessContext _context;
    private readonly ulong _key;
    private int _waiters;
    private int _timedOut;
    private int _usedTicktimer;
    private int _disposed;

    /// <summary>A condition variable of <paramref name="context"/>'s process, with a fresh key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public XousCondition(ProcessContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _key = context.NewSynchronisationKey();
    }

    /// <summary>The ticktimer key of this condition.</summary>
    public ulong Key => _key;

    /// <summary>
    /// Releases <paramref name="mutex"/> (held by the caller), waits until notified or until
    /// <paramref name="timeoutMs"/> ms pass (0 = no timeout), and takes the mutex again.
    /// </summary>
    /// <returns>True when notified, false on timeout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mutex"/> is null.</exception>
    /// <exception cref="Xous.Ipc.IpcException">The ticktimer refused or lost the call.</exception>
    public bool Wait(XousMutex mutex, uint timeoutMs = 0)
    {
        if (mutex == null)
        {
            throw new ArgumentNullException(nameof(mutex));
        }

        Volatile.Write(ref _usedTicktimer, 1);
        Interlocked.Increment(ref _waiters);
        mutex.Unlock();
        bool notified = _context.Ticktimer.WaitForCondition(_key, timeoutMs);
        if (!notified)
        {
            Interlocked.Increment(ref _timedOut);
        }

        mutex.Lock();
        return notified;
    }

    /// <summary>Wakes one waiter, if any. Call with the mutex held.</summary>
    /// <returns>How many waiters woke (0 or 1).</returns>
    public int NotifyOne() => Notify(1);

    /// <summary>Wakes every waiter. Call with the mutex held.</summary>
    /// <returns>How many waiters woke.</returns>
    public int NotifyAll() => Notify(int.MaxValue);

    /// <summary>Wakes up to <paramref name="count"/> waiters. Call with the mutex held.</summary>
    /// <returns>How many waiters woke.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="Xous.Ipc.IpcException">The ticktimer refused or lost the call.</exception>
    public int Notify(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "A count cannot be negative.");
        }

        // Waiters that timed out are no longer waiting.
        Interlocked.Add(ref _waiters, -Interlocked.Exchange(ref _timedOut, 0));
        int target = TakeWaiters(count);
        int remaining = target;
        int woken = 0;
        for (int attempt = 0; attempt < NotifyAttempts && remaining > 0; attempt++)
        {
            if (attempt > 0)
            {
                _context.Kernel.Yield();
            }

            int now = (int)_context.Ticktimer.NotifyCondition(_key, (uint)remaining);
            woken += now;
            remaining -= now;
            remaining -= Math.Min(remaining, Interlocked.Exchange(ref _timedOut, 0));
        }

        return woken;
    }

    /// <summary>Tells the ticktimer to forget this condition (FreeCondition) if it was ever waited on. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && Volatile.Read(ref _usedTicktimer) != 0)
        {
            _context.Ticktimer.FreeCondition(_key);
        }
    }

    // Removes min(count, waiters) from the waiter count and returns it.
    private int TakeWaiters(int count)
    {
        while (true)
        {
            int waiters = Volatile.Read(ref _waiters);
            int take = Math.Min(waiters, count);
            if (take <= 0)
            {
                return 0;
            }

            if (Interlocked.CompareExchange(ref _waiters, waiters - take, waiters) == waiters)
            {
                return take;
            }
        }
    }
}

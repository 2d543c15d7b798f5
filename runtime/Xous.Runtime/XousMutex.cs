using System;
using System.Threading;

namespace Xous.Runtime;

/// <summary>
/// A mutual-exclusion lock of one process (docs/runtime.md, "Mutex"), not re-entrant. The state word is 0 (free),
/// 1 (locked, nobody waiting) or 2 (locked, maybe contended). Locking a free mutex and unlocking an uncontended one are
/// one atomic instruction each and make no kernel call. A thread that finds it locked marks it contended (2) and
/// waits in the ticktimer (LockMutex(key), replied to once an UnlockMutex(key) is sent), then tries again; an unlock
/// that finds 2 sends UnlockMutex(key). The ticktimer records an unlock nobody waits for yet, so a waiter that arrives
/// late does not miss it, and a spare recorded unlock only costs a waiter one more round. The key is unique within the
/// process (<see cref="ProcessContext.NewSynchronisationKey"/>): the ticktimer keys its bookkeeping per process.
/// <see cref="Dispose"/> sends FreeMutex if the mutex ever took the slow path. Thread-safe.
/// </summary>
public sealed class XousMutex : IDisposable
{
    private const int Free = 0;
    private const int Locked = 1;
    private const int Contended = 2;

    private readonly ProcessContext _context;
    private readonly ulong _key;
    private int _state;
    private int _usedTicktimer;
    private int _disposed;

    /// <summary>A mutex of <paramref name="context"/>'s process, with a fresh key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public XousMutex(ProcessContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _key = context.NewSynchronisationKey();
    }

    /// <summary>The ticktimer key of this mutex.</summary>
    public ulong Key => _key;

    /// <summary>True while some thread holds the mutex (a snapshot).</summary>
    public bool IsLocked => Volatile.Read(ref _state) != Free;

    /// <summary>Takes the mutex if it is free, without waiting and without a kernel call.</summary>
    /// <returns>True when the caller now holds it.</returns>
    public bool TryLock() => Interlocked.CompareExchange(ref _state, Locked, Free) == Free;

    /// <summary>Takes the mutex, waiting in the ticktimer while another thread holds it.</summary>
    /// <exception cref="Xous.Ipc.IpcException">The ticktimer refused or lost the call.</exception>
    public void Lock()
    {
        if (TryLock())
        {
            return;
        }

        Volatile.Write(ref _usedTicktimer, 1);

        // Mark the mutex contended; while the old value says someone holds it, wait for an unlock and try again.
        while (Interlocked.Exchange(ref _state, Contended) != Free)
        {
            _context.Ticktimer.LockMutex(_key);
        }
    }

    /// <summary>Releases the mutex; wakes one waiter through the ticktimer when it may be contended.</summary>
    /// <exception cref="InvalidOperationException">The mutex is not locked.</exception>
    /// <exception cref="Xous.Ipc.IpcException">The ticktimer refused or lost the call.</exception>
    public void Unlock()
    {
        int previous = Interlocked.Exchange(ref _state, Free);
        if (previous == Free)
        {
            throw new InvalidOperationException("Unlock of a mutex that is not locked.");
        }

        if (previous == Contended)
        {
            Volatile.Write(ref _usedTicktimer, 1);
            _context.Ticktimer.UnlockMutex(_key);
        }
    }

    /// <summary>Takes the mutex and returns a guard that releases it: <c>using (mutex.Acquire()) { … }</c>.</summary>
    public Guard Acquire()
    {
        Lock();
        return new Guard(this);
    }

    /// <summary>Tells the ticktimer to forget this mutex (FreeMutex) if it ever took the slow path. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && Volatile.Read(ref _usedTicktimer) != 0)
        {
            _context.Ticktimer.FreeMutex(_key);
        }
    }

    /// <summary>Holds a <see cref="XousMutex"/> until disposed.</summary>
    public readonly ref struct Guard
    {
        private readonly XousMutex _mutex;

        internal Guard(XousMutex mutex) => _mutex = mutex;

        /// <summary>Releases the mutex.</summary>
        public void Dispose() => _mutex?.Unlock();
    }
}

using Xous.Abi;
using Xous.Ipc;

namespace Xous.Ticktimer.Core;

/// <summary>
/// Everything <see cref="TicktimerCore"/> needs from outside its own memory. The ticktimer server implements it over the
/// ticktimer hardware (or the host clock) and the kernel; tests implement it with a fake clock.
/// </summary>
public interface ITicktimerEnvironment
{
    /// <summary>Milliseconds since the ticktimer started: monotonic, never decreasing.</summary>
    ulong NowMs { get; }

    /// <summary>
    /// Asks for a <see cref="Api.ITicktimer.RecalculateSleep"/> from <see cref="OwnProcess"/> once
    /// <see cref="NowMs"/> has reached <paramref name="deadlineMs"/> (never earlier: the core only wakes what has expired
    /// by its own clock). Replaces any earlier request. <see cref="ulong.MaxValue"/> cancels: nothing is waiting for
    /// time.
    /// </summary>
    void SetAlarm(ulong deadlineMs);

    /// <summary>The ticktimer's own process: the only sender whose RecalculateSleep is honoured.</summary>
    Pid OwnProcess { get; }

    /// <summary>Where the core completes deferred replies (SleepMs, LockMutex, WaitForCondition).</summary>
    IDeferredReplySink Replies { get; }
}

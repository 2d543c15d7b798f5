namespace Xous.Ticktimer.Server;

/// <summary>
/// The ticktimer's hardware (HAL, one capability): a millisecond counter that starts at 0 when the system boots and an
/// alarm. On the Precursor it is the ticktimer block (64-bit ms counter, MsleepTarget, an IRQ when time ≥ target);
/// hosted it is the host's monotonic clock and a host wait.
/// </summary>
public interface ITickTimerHardware
{
    /// <summary>Milliseconds since boot; never goes backwards.</summary>
    ulong ElapsedMs { get; }

    /// <summary>
    /// Arms the alarm for <paramref name="deadlineMs"/> (in <see cref="ElapsedMs"/> time), replacing any earlier setting;
    /// <see cref="ulong.MaxValue"/> disarms it. A deadline already passed fires at once.
    /// </summary>
    void SetAlarm(ulong deadlineMs);

    /// <summary>
    /// Blocks until the armed deadline passes or the alarm is re-armed (either may be spurious: the caller re-checks
    /// its deadlines). Returns false once the hardware is shut down, and from then on at once.
    /// </summary>
    bool WaitForAlarm();
}

using System.Diagnostics;
using Xous.Ticktimer.Server;

namespace Xous.Hosted;

/// <summary>The ticktimer hardware on a PC: the host's monotonic clock and a condition-variable alarm.</summary>
public sealed class HostTickTimer : ITickTimerHardware, IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _lock = new();
    private ulong _deadline = ulong.MaxValue;
    private bool _rearmed;
    private bool _stopped;

    /// <inheritdoc />
    public ulong ElapsedMs => (ulong)_clock.ElapsedMilliseconds;

    /// <inheritdoc />
    public void SetAlarm(ulong deadlineMs)
    {
        lock (_lock)
        {
            _deadline = deadlineMs;
            _rearmed = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <inheritdoc />
    public bool WaitForAlarm()
    {
        lock (_lock)
        {
            while (!_stopped)
            {
                ulong now = ElapsedMs;
                if (_deadline <= now)
                {
                    _deadline = ulong.MaxValue;
                    return true;
                }

                _rearmed = false;
                ulong wait = _deadline == ulong.MaxValue ? 1000 : Math.Min(_deadline - now, 1000);
                Monitor.Wait(_lock, TimeSpan.FromMilliseconds(wait));
                if (_rearmed && _deadline <= ElapsedMs)
                {
                    _deadline = ulong.MaxValue;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Stops the alarm: <see cref="WaitForAlarm"/> returns false from now on.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _stopped = true;
            Monitor.PulseAll(_lock);
        }
    }
}

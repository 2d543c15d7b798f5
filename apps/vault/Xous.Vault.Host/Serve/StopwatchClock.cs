using System.Diagnostics;
using Xous.Vault.Environment;

namespace Xous.Vault.Host.Serve;

/// <summary>
/// The monotonic clock of a hosted authenticator: milliseconds since the process (the "device") started, plus a
/// fixed offset. The offset is a TEST HOOK (<c>--boot-clock-offset-ms</c>): it makes the authenticator believe it
/// has been up that long, so a test of the 10 s reset window does not have to sleep; serve warns when it is set.
/// </summary>
public sealed class StopwatchClock : IMonotonicClock
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    /// <summary>Starts at <paramref name="offsetMilliseconds"/> (0 or more).</summary>
    public StopwatchClock(long offsetMilliseconds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offsetMilliseconds);
        OffsetMilliseconds = offsetMilliseconds;
    }

    /// <summary>The test offset added to the real elapsed time.</summary>
    public long OffsetMilliseconds { get; }

    /// <inheritdoc/>
    public long ElapsedMilliseconds => OffsetMilliseconds + _stopwatch.ElapsedMilliseconds;
}

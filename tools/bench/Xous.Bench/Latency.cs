using System.Diagnostics;

namespace Xous.Bench;

/// <summary>Round-trip samples of one scenario: percentiles and rate.</summary>
internal sealed class Latency
{
    private readonly long[] _ticks;
    private readonly long _totalTicks;

    private Latency(long[] ticks, long totalTicks)
    {
        _ticks = ticks;
        _totalTicks = totalTicks;
        Array.Sort(_ticks);
    }

    public double P50Microseconds => Microseconds(_ticks[_ticks.Length / 2]);

    public double P99Microseconds => Microseconds(_ticks[(int)(_ticks.Length * 0.99)]);

    public double RatePerSecond => _ticks.Length / (_totalTicks / (double)Stopwatch.Frequency);

    /// <summary>Runs <paramref name="roundTrip"/> <paramref name="warmup"/> times unmeasured, then times each of <paramref name="count"/>.</summary>
    public static Latency Measure(Action roundTrip, int warmup, int count)
    {
        for (int i = 0; i < warmup; i++)
        {
            roundTrip();
        }

        long[] ticks = new long[count];
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            long before = Stopwatch.GetTimestamp();
            roundTrip();
            ticks[i] = Stopwatch.GetTimestamp() - before;
        }

        return new Latency(ticks, Stopwatch.GetTimestamp() - start);
    }

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}

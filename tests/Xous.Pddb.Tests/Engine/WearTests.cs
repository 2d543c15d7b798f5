using System.Diagnostics;
using Xous.Crypto;
using Xous.Hal.Simulation;
using Xous.Pddb.Format;
using Xunit.Abstractions;

namespace Xous.Pddb.Tests.Engine;

/// <summary>
/// Wear of a rewrite-heavy workload (reference §5.8: pages are handed out in random order, which spreads wear): erase
/// counts per area. The data area must be spread; the metadata areas are reported, and only what the protocol
/// guarantees about them is asserted.
/// </summary>
public class WearTests
{
    private const int Rewrites = 3_000;
    private const ulong DeviceDna = 0x3EA7_0000_D2;

    private readonly ITestOutputHelper _output;

    public WearTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void RewriteHeavyWorkloadSpreadsDataWearAndReportsMetadataHotSpots()
    {
        var clock = Stopwatch.StartNew();
        var flash = new SimulatedFlash(PddbLayout.HostedPages);
        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(DeniabilityTests.Seed(51)));
        PddbEngine.Format(flash, random, DeniabilityTests.User0(), DeviceDna, null, fast: false);
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, DeniabilityTests.User0(), DeviceDna, null, out PddbEngine? mounted));
        using PddbEngine engine = mounted!;
        PddbGeometry g = engine.Geometry;

        // A few other keys, small and large.
        Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("wear"));
        Assert.Equal(PddbStatus.Ok, engine.WriteKey("wear", "name", "a device name"u8));
        Assert.Equal(PddbStatus.Ok, engine.WriteKey("wear", "settings", new byte[700]));
        byte[] large = new byte[12_000];
        new Random(5).NextBytes(large);
        Assert.Equal(PddbStatus.Ok, engine.WriteKey("wear", "blob", large));
        Assert.Equal(PddbStatus.Ok, engine.Sync());

        long[] before = EraseCounts(flash);
        long dataWrittenBefore = engine.Counters.DataPagesWritten;
        byte[] value = new byte[8];
        for (int i = 0; i < Rewrites; i++)
        {
            BitConverter.TryWriteBytes(value, (long)i);
            Assert.Equal(PddbStatus.Ok, engine.WriteKey("wear", "counter", value));
            PddbStatus status = engine.Sync();
            Assert.True(status == PddbStatus.Ok, $"sync #{i}: {status}");
        }

        long[] after = EraseCounts(flash);
        long[] delta = after.Zip(before, (x, y) => x - y).ToArray();
        Area pageTable = Area.Of("page table", delta, 0, g.PageTablePages);
        Area mbbb = Area.Of("MBBB", delta, g.MakeBeforeBreakFirstPage, PddbLayout.MakeBeforeBreakPages);
        Area fscb = Area.Of("FSCB", delta, g.FreeSpaceCacheFirstPage, PddbLayout.FreeSpaceCachePages);
        Area data = Area.Of("data", delta, g.DataFirstPage, g.DataPageCount);
        long scdErases = delta[g.StaticCryptoDataPage];
        long dataWritten = engine.Counters.DataPagesWritten - dataWrittenBefore;

        _output.WriteLine(FormattableString.Invariant(
            $"[counts] pddb wear: data max/mean = {data.Max}/{data.Mean:F2}, page table max/mean = {pageTable.Max}/{pageTable.Mean:F1}, MBBB {mbbb.Max}/{mbbb.Mean:F1}, FSCB {fscb.Max}/{fscb.Mean:F2} ({Rewrites} rewrite+sync cycles, {PddbLayout.HostedPages} pages)"));
        foreach (Area area in new[] { pageTable, mbbb, fscb, data })
        {
            _output.WriteLine(area.Describe());
        }

        _output.WriteLine(FormattableString.Invariant(
            $"[counts] pddb wear: data sectors erased at least once = {data.Touched}/{g.DataPageCount}; over those max/mean = {data.Max}/{data.MeanOfTouched:F2} = {data.Max / data.MeanOfTouched:F2}; data pages written = {dataWritten}; SCD erases = {scdErases}; free-space cache now {engine.FreePages} pages; refills = {engine.Counters.Refills}; {clock.Elapsed.TotalSeconds:F1} s"));

        // Data: every data-page write is one erase of a data sector (copy-on-write, never in place) and each sync
        // writes at least the changed value page and the root.
        Assert.Equal(dataWritten, data.Total);
        Assert.True(data.Total >= 2L * Rewrites, $"data erases {data.Total} < 2 per sync");

        // Spread: allocation picks uniformly from the free-space cache, so a touched sector's erase count is close to
        // Poisson(λ = mean). The bound is the smallest m with (touched sectors) × P(Poisson(λ) ≥ m) ≤ 1e-6: with
        // uniform allocation, max ≥ m has probability below one in a million; a hot spot (e.g. the root always landing
        // on a few pages) exceeds it.
        double lambda = data.MeanOfTouched;
        int bound = PoissonBound(lambda, data.Touched, 1e-6);
        _output.WriteLine(FormattableString.Invariant(
            $"[counts] pddb wear: data spread bound: max < {bound} (max/mean < {bound / lambda:F2}) for λ = {lambda:F2} over {data.Touched} sectors"));
        Assert.True(data.Max < bound, FormattableString.Invariant(
            $"data wear is not spread: max {data.Max} ≥ {bound} for mean {lambda:F2} over {data.Touched} sectors"));

        // Metadata: what the protocol guarantees. Each page-table rewrite cycle erases the page-table page once and
        // one MBBB page twice (before and after), so MBBB erases = 2 × page-table erases exactly; each sync commits
        // its root through at least one cycle.
        Assert.Equal(2 * pageTable.Total, mbbb.Total);
        Assert.True(pageTable.Total >= Rewrites, $"page-table erases {pageTable.Total} < one per sync");

        // The MBBB page of a cycle is drawn uniformly from 10: every one is used, none beyond the binomial bound.
        long cycles = pageTable.Total;
        Assert.True(mbbb.Touched == PddbLayout.MakeBeforeBreakPages, $"only {mbbb.Touched} MBBB pages used");
        int mbbbBound = 2 * PoissonBound(cycles / (double)PddbLayout.MakeBeforeBreakPages, PddbLayout.MakeBeforeBreakPages, 1e-6);
        Assert.True(mbbb.Max < mbbbBound, $"MBBB wear not uniform: max {mbbb.Max} ≥ {mbbbBound}");
        Assert.Equal(0, scdErases);

        // Still correct after all that.
        var problems = new List<string>();
        engine.Check(problems);
        Assert.Empty(problems);
        byte[] buffer = new byte[16];
        Assert.Equal(PddbStatus.Ok, engine.ReadKey("wear", "counter", 0, buffer, out int read));
        Assert.Equal(Rewrites - 1, BitConverter.ToInt64(buffer, 0));
        Assert.Equal(8, read);

        // Which sectors take part: allocation draws from the free-space cache, which holds a random 0.5 ± 0.1 share of
        // the free pages (re-chosen at each refill, which needs every basis open — pages outside it may belong to a
        // locked secret basis; docs/pddb-format.md "Deniability mechanics"). Retired pages go back into it. So the
        // rewrites cycle through that subset: nearly all of it must be used (uniform draws, 9,000 writes over ~460
        // pages), and it must be at least 40 % of the data area.
        int cached = engine.FreePages;
        Assert.True(data.Touched >= cached * 9 / 10, FormattableString.Invariant(
            $"only {data.Touched} data sectors were erased, the free-space cache offers {cached}"));
        Assert.True(data.Touched * 10 >= g.DataPageCount * 4, FormattableString.Invariant(
            $"only {data.Touched} of {g.DataPageCount} data sectors take part in the rewrites"));
    }

    private static long[] EraseCounts(SimulatedFlash flash)
    {
        long[] counts = new long[flash.SectorCount];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = flash.EraseCount(i);
        }

        return counts;
    }

    /// <summary>Smallest m with sectors × P(Poisson(λ) ≥ m) ≤ p.</summary>
    private static int PoissonBound(double lambda, int sectors, double p)
    {
        // P(X ≥ m) = 1 − Σ_{k<m} e^{−λ} λ^k / k!, summed in log space for stability.
        double cumulative = 0;
        for (int m = 0; m < 100_000; m++)
        {
            double tail = 1 - cumulative;
            if (sectors * tail <= p)
            {
                return m;
            }

            cumulative += Math.Exp((m * Math.Log(lambda)) - lambda - LogFactorial(m));
            if (cumulative >= 1)
            {
                // Tail below double precision: bound it from the upper side directly (Chernoff).
                int n = m + 1;
                while (sectors * Math.Exp(-lambda + (n * (1 + Math.Log(lambda / n)))) > p)
                {
                    n++;
                }

                return n;
            }
        }

        throw new InvalidOperationException("no bound found");
    }

    private static double LogFactorial(int n)
    {
        double sum = 0;
        for (int i = 2; i <= n; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }

    private sealed record Area(string Name, long[] Counts)
    {
        public long Max => Counts.Max();

        public double Mean => Counts.Average();

        public long Total => Counts.Sum();

        public int Touched => Counts.Count(c => c > 0);

        public double MeanOfTouched => Touched == 0 ? 0 : Counts.Where(c => c > 0).Average();

        public static Area Of(string name, long[] delta, int first, int count) => new(name, delta.AsSpan(first, count).ToArray());

        public string Describe() => FormattableString.Invariant(
            $"[counts] pddb wear {Name}: sectors={Counts.Length} total={Total} max={Max} mean={Mean:F2} min={Counts.Min()} touched={Touched} per-sector=[{(Counts.Length <= 16 ? string.Join(",", Counts) : "…")}]");
    }
}

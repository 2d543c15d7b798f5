using Xous.Hal.Simulation;
using Xous.Pddb.Format;
using Xous.Pddb.Storage;
using Xunit.Abstractions;

namespace Xous.Pddb.Tests.Storage;

/// <summary>FreeSpaceCache: create/load, allocate/release/refill/compact, automatic compaction, and power cuts at every operation.</summary>
public class FreeSpaceCacheTests(ITestOutputHelper output)
{
    private static readonly PddbGeometry s_geometry = new(1024);

    private static FreeSpaceCache NewCache(SimulatedFlash flash, PddbRandom random, byte[]? dataKey = null)
        => new(flash, s_geometry, StorageTestSupport.PageTableKey, dataKey ?? StorageTestSupport.DataKey,
            StorageTestSupport.FastSpaceAssociatedData(), random);

    private static HashSet<int> FreeSet(FreeSpaceCache cache)
    {
        var list = new List<int>();
        cache.CopyFreePages(list);
        var set = new HashSet<int>(list);
        Assert.Equal(list.Count, set.Count);
        Assert.Equal(cache.FreeCount, set.Count);
        return set;
    }

    private static HashSet<int> Reload(SimulatedFlash flash, ulong seed)
    {
        using var random = StorageTestSupport.InsecureRandom(seed);
        using var cache = NewCache(flash, random);
        Assert.True(cache.TryLoad());
        return FreeSet(cache);
    }

    [Fact]
    public void Create_then_TryLoad_round_trips_and_wrong_key_finds_nothing()
    {
        var flash = new SimulatedFlash(s_geometry.TotalPages);
        using var random = StorageTestSupport.InsecureRandom(20);
        using var cache = NewCache(flash, random);
        int[] pages = Enumerable.Range(0, s_geometry.DataPageCount).Where(p => p % 3 == 0).ToArray();
        cache.Create(pages);
        Assert.Equal(pages.Length, cache.FreeCount);
        Assert.True(cache.IsFree(3));
        Assert.False(cache.IsFree(4));
        Assert.Equal(new HashSet<int>(pages), Reload(flash, 21));

        using var otherRandom = StorageTestSupport.InsecureRandom(22);
        using var wrongKey = NewCache(flash, otherRandom, new byte[32]);
        Assert.False(wrongKey.TryLoad());
        Assert.Equal(0, wrongKey.FreeCount);
        Assert.Throws<InvalidOperationException>(() => wrongKey.TryAllocate(out _));

        var blank = new SimulatedFlash(s_geometry.TotalPages);
        using var blankCache = NewCache(blank, otherRandom);
        Assert.False(blankCache.TryLoad());
        Assert.Throws<ArgumentException>(() => cache.Create(new[] { 1, 1 }));
        Assert.Throws<ArgumentException>(() => cache.Create(new[] { s_geometry.DataPageCount }));
        Assert.Throws<ArgumentException>(() => cache.Refill(Enumerable.Range(0, FreeSpaceCache.Capacity + 1).ToArray()));
    }

    [Fact]
    public void Allocate_is_durable_unique_and_spread_release_makes_pages_allocatable()
    {
        var flash = new SimulatedFlash(s_geometry.TotalPages);
        using var random = StorageTestSupport.InsecureRandom(23);
        using var cache = NewCache(flash, random);
        cache.Create(Enumerable.Range(0, 100).ToArray());
        var got = new List<int>();
        while (cache.TryAllocate(out int page))
        {
            got.Add(page);
            Assert.False(cache.IsFree(page));
        }

        Assert.Equal(100, got.Distinct().Count());
        Assert.NotEqual(Enumerable.Range(0, 100), got);
        Assert.False(cache.TryAllocate(out int none));
        Assert.Equal(-1, none);
        Assert.Empty(Reload(flash, 24));

        cache.Release(got[10]);
        cache.Release(got[10]);
        Assert.Equal(101, cache.LogRecordCount);
        Assert.Equal(new HashSet<int> { got[10] }, Reload(flash, 25));
        Assert.True(cache.TryAllocate(out int again));
        Assert.Equal(got[10], again);
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Release(s_geometry.DataPageCount));

        // Uniformity, roughly: first picks out of 4 pages over many fresh caches hit every page.
        var firstPicks = new int[4];
        for (ulong s = 0; s < 120; s++)
        {
            var f = new SimulatedFlash(s_geometry.TotalPages);
            using var r = StorageTestSupport.InsecureRandom(1000 + s);
            using var c = NewCache(f, r);
            c.Create(new[] { 0, 1, 2, 3 });
            Assert.True(c.TryAllocate(out int p));
            firstPicks[p]++;
        }

        Assert.All(firstPicks, n => Assert.InRange(n, 10, 50));
    }

    [Fact]
    public void Refill_and_Compact_replace_the_record_and_drop_the_log()
    {
        var flash = new SimulatedFlash(s_geometry.TotalPages);
        using var random = StorageTestSupport.InsecureRandom(26);
        using var cache = NewCache(flash, random);
        cache.Create(Enumerable.Range(0, 50).ToArray());
        for (int i = 0; i < 10; i++)
        {
            Assert.True(cache.TryAllocate(out _));
        }

        HashSet<int> before = FreeSet(cache);
        cache.Compact();
        Assert.Equal(1, cache.CompactionCount);
        Assert.Equal(before, FreeSet(cache));
        Assert.Equal(before, Reload(flash, 27));
        Assert.Equal(2 * 4096, CountNonBlankFscbPages(flash) * 4096);

        int[] refill = Enumerable.Range(500, FreeSpaceCache.Capacity > 400 ? 400 : 1).ToArray();
        cache.Refill(refill);
        Assert.Equal(2, cache.CompactionCount);
        Assert.Equal(new HashSet<int>(refill), FreeSet(cache));
        Assert.Equal(new HashSet<int>(refill), Reload(flash, 28));
        Assert.Equal(2, CountNonBlankFscbPages(flash));
    }

    [Fact]
    public void A_full_log_compacts_automatically_and_old_generation_records_are_ignored()
    {
        var flash = new SimulatedFlash(s_geometry.TotalPages);
        using var random = StorageTestSupport.InsecureRandom(29);
        using var cache = NewCache(flash, random);
        cache.Create(Enumerable.Range(0, 64).ToArray());
        var model = new HashSet<int>(Enumerable.Range(0, 64));
        var rng = new Random(7);
        int ops = 0;
        while (cache.CompactionCount < 2)
        {
            if (model.Count > 0 && (rng.Next(2) == 0 || model.Count == 64))
            {
                Assert.True(cache.TryAllocate(out int page));
                Assert.True(model.Remove(page));
            }
            else
            {
                int page = Enumerable.Range(0, 64).Where(p => !model.Contains(p)).OrderBy(_ => rng.Next()).First();
                cache.Release(page);
                model.Add(page);
            }

            ops++;
            Assert.True(ops < 20000);
        }

        Assert.Equal(model, FreeSet(cache));
        Assert.Equal(model, Reload(flash, 30));
        output.WriteLine($"[counts] automatic compaction: {ops} log records for 2 compactions ({ops / 2} per log)");
        Assert.InRange(ops / 2, 12 * 255 - 600, 12 * 255 + 1);
    }

    [Fact]
    public void Power_cut_at_every_operation_of_allocate_release_and_automatic_compaction()
    {
        // Pre-state: a log that is 6 records short of full.
        var setupFlash = new SimulatedFlash(s_geometry.TotalPages);
        int capacity;
        using (var r = StorageTestSupport.InsecureRandom(31))
        using (var c = NewCache(setupFlash, r))
        {
            c.Create(Enumerable.Range(0, 300).ToArray());
            byte[] created = setupFlash.Snapshot();
            var probe = SimulatedFlash.FromImage(created);
            using var pr = StorageTestSupport.InsecureRandom(32);
            using var pc = NewCache(probe, pr);
            Assert.True(pc.TryLoad());
            capacity = 0;
            while (pc.CompactionCount == 0)
            {
                Assert.True(pc.TryAllocate(out int page));
                pc.Release(page);
                capacity += 2;
            }

            for (int i = 0; i < (capacity - 8) / 2; i++)
            {
                Assert.True(c.TryAllocate(out int page));
                c.Release(page);
            }
        }

        byte[] image = setupFlash.Snapshot();
        int points = RunWorkloadCuts(image, workloadSeed: 40, out int cuts, out int loadCuts);
        output.WriteLine($"[counts] free-space power cuts (allocate/release/auto-compaction): {points} cut points x 3 seeds = {cuts} cuts ({loadCuts} also cut during TryLoad), all recovered");

        // And from a fresh record with an empty log.
        var fresh = new SimulatedFlash(s_geometry.TotalPages);
        using (var r = StorageTestSupport.InsecureRandom(33))
        using (var c = NewCache(fresh, r))
        {
            c.Create(Enumerable.Range(100, 200).ToArray());
        }

        points = RunWorkloadCuts(fresh.Snapshot(), workloadSeed: 41, out cuts, out loadCuts);
        output.WriteLine($"[counts] free-space power cuts (fresh log): {points} cut points x 3 seeds = {cuts} cuts, all recovered");
    }

    [Fact]
    public void Power_cut_at_every_operation_of_Compact_and_Refill_gives_old_or_new_set()
    {
        var setupFlash = new SimulatedFlash(s_geometry.TotalPages);
        using (var r = StorageTestSupport.InsecureRandom(34))
        using (var c = NewCache(setupFlash, r))
        {
            c.Create(Enumerable.Range(0, 900).ToArray());
            for (int i = 0; i < 600; i++)
            {
                Assert.True(c.TryAllocate(out int page));
                if (i % 3 == 0)
                {
                    c.Release(page);
                }
            }
        }

        byte[] image = setupFlash.Snapshot();
        HashSet<int> before = Reload(SimulatedFlash.FromImage(image), 35);
        int[] refill = Enumerable.Range(0, s_geometry.DataPageCount).Where(p => p % 2 == 1).ToArray();
        var refilled = new HashSet<int>(refill);
        int totalCuts = 0;
        foreach (bool isRefill in new[] { false, true })
        {
            var probe = SimulatedFlash.FromImage(image);
            long start;
            using (var pr = StorageTestSupport.InsecureRandom(36))
            using (var pc = NewCache(probe, pr))
            {
                Assert.True(pc.TryLoad());
                start = probe.OperationCount;
                if (isRefill)
                    pc.Refill(refill);
                else
                    pc.Compact();
            }

            long total = probe.OperationCount - start;
            int oldSeen = 0, newSeen = 0;
            for (long cut = 0; cut < total; cut++)
            {
                for (ulong seed = 1; seed <= 3; seed++)
                {
                    var flash = SimulatedFlash.FromImage(image);
                    using (var r = StorageTestSupport.InsecureRandom(36))
                    using (var c = NewCache(flash, r))
                    {
                        Assert.True(c.TryLoad());
                        flash.CutPowerAt(flash.OperationCount + cut, seed);
                        Assert.Throws<PowerLossException>(() =>
                        {
                            if (isRefill)
                                c.Refill(refill);
                            else
                                c.Compact();
                        });
                    }

                    flash.PowerOn();
                    totalCuts++;
                    HashSet<int> after = LoadWithPossibleCut(flash, seed, cut, out _);
                    bool isOld = after.SetEquals(before);
                    bool isNew = isRefill ? after.SetEquals(refilled) : isOld;
                    Assert.True(isOld || isNew, $"{(isRefill ? "refill" : "compact")} cut {cut} seed {seed}: neither old nor new set");
                    if (isOld)
                        oldSeen++;
                    else
                        newSeen++;
                    Assert.Equal(after, Reload(flash, seed + 7));
                }
            }

            if (isRefill)
            {
                Assert.True(oldSeen > 0 && newSeen > 0);
            }

            output.WriteLine($"[counts] {(isRefill ? "refill" : "compaction")} power cuts: {total} cut points x 3 seeds, all recovered ({oldSeen} old, {newSeen} new)");
        }

        Assert.True(totalCuts > 100);
    }

    /// <summary>Replays a seeded allocate/release workload from <paramref name="image"/> once uncut, then with a cut at every operation index and 3 seeds.</summary>
    private int RunWorkloadCuts(byte[] image, int workloadSeed, out int cuts, out int loadCuts)
    {
        const int Steps = 14;
        var probe = SimulatedFlash.FromImage(image);
        long start = RunWorkload(probe, image, workloadSeed, Steps, null, out _, out _, out _);
        long total = probe.OperationCount - start;
        cuts = 0;
        loadCuts = 0;
        for (long cut = 0; cut < total; cut++)
        {
            for (ulong seed = 1; seed <= 3; seed++)
            {
                var flash = SimulatedFlash.FromImage(image);
                RunWorkload(flash, image, workloadSeed, Steps, (cut, seed), out HashSet<int> modelBefore, out int? releasing, out HashSet<int> outstanding);
                cuts++;
                HashSet<int> after = LoadWithPossibleCut(flash, seed, cut, out bool loadCut);
                if (loadCut)
                {
                    loadCuts++;
                }

                var allowed = new HashSet<int>(modelBefore);
                if (releasing is int r)
                {
                    allowed.Add(r);
                }

                Assert.True(after.IsSubsetOf(allowed), $"cut {cut} seed {seed}: a page became free that was not free before");
                Assert.False(after.Overlaps(outstanding), $"cut {cut} seed {seed}: an allocated page came back as free");
                var afterOp = new HashSet<int>(modelBefore);
                if (releasing is int rr)
                    afterOp.Add(rr);
                Assert.True(after.SetEquals(modelBefore) || after.SetEquals(afterOp) || after.Count == modelBefore.Count - 1,
                    $"cut {cut} seed {seed}: more than one page changed");

                // The recovered cache keeps working and reloads to what it holds.
                using var r2 = StorageTestSupport.InsecureRandom(seed + 50);
                using var c2 = NewCache(flash, r2);
                Assert.True(c2.TryLoad());
                for (int i = 0; i < 3 && c2.TryAllocate(out int p); i++)
                {
                    Assert.Contains(p, after);
                }

                Assert.Equal(FreeSet(c2), Reload(flash, seed + 60));
            }
        }

        return (int)total;
    }

    /// <summary>Runs the workload; with a planned cut, stops at the power loss and reports the model before the interrupted step.</summary>
    private static long RunWorkload(SimulatedFlash flash, byte[] image, int workloadSeed, int steps, (long Cut, ulong Seed)? cut,
        out HashSet<int> modelBefore, out int? releasing, out HashSet<int> outstanding)
    {
        using var random = StorageTestSupport.InsecureRandom(777);
        using var cache = NewCache(flash, random);
        Assert.True(cache.TryLoad());
        long start = flash.OperationCount;
        if (cut is { } plan)
        {
            flash.CutPowerAt(start + plan.Cut, plan.Seed);
        }

        var model = FreeSet(cache);
        outstanding = new HashSet<int>();
        var rng = new Random(workloadSeed);
        modelBefore = new HashSet<int>(model);
        releasing = null;
        try
        {
            for (int step = 0; step < steps; step++)
            {
                modelBefore = new HashSet<int>(model);
                releasing = null;
                if (step % 3 != 2 || outstanding.Count == 0)
                {
                    Assert.True(cache.TryAllocate(out int page));
                    Assert.True(model.Remove(page));
                    outstanding.Add(page);
                }
                else
                {
                    int page = outstanding.OrderBy(p => p).ElementAt(rng.Next(outstanding.Count));
                    releasing = page;
                    cache.Release(page);
                    outstanding.Remove(page);
                    model.Add(page);
                }
            }
        }
        catch (PowerLossException)
        {
            flash.PowerOn();
            return start;
        }

        Assert.Null(cut);
        return start;
    }

    /// <summary>TryLoad after a cut; a seed-dependent second cut may interrupt the first TryLoad's clean-up.</summary>
    private HashSet<int> LoadWithPossibleCut(SimulatedFlash flash, ulong seed, long cut, out bool loadCut)
    {
        loadCut = false;
        using var random = StorageTestSupport.InsecureRandom(seed + 10);
        using var cache = NewCache(flash, random);
        flash.CutPowerAt(flash.OperationCount + ((cut + (long)seed) % 5), seed + 200);
        try
        {
            Assert.True(cache.TryLoad());
            flash.CancelPowerCut();
            return FreeSet(cache);
        }
        catch (PowerLossException)
        {
            flash.PowerOn();
            loadCut = true;
        }

        using var again = NewCache(flash, random);
        Assert.True(again.TryLoad());
        return FreeSet(again);
    }

    private static int CountNonBlankFscbPages(SimulatedFlash flash)
    {
        byte[] page = new byte[4096];
        int count = 0;
        for (int p = 0; p < PddbLayout.FreeSpaceCachePages; p++)
        {
            flash.Read((long)(s_geometry.FreeSpaceCacheFirstPage + p) * 4096, page);
            if (page.Any(b => b != 0xFF))
            {
                count++;
            }
        }

        return count;
    }
}

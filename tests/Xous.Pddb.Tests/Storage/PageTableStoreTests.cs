using Xous.Hal;
using Xous.Hal.Simulation;
using Xous.Pddb.Format;
using Xous.Pddb.Storage;
using Xunit.Abstractions;

namespace Xous.Pddb.Tests.Storage;

/// <summary>PageTableStore: round trips, cycle splitting, MBBB usage, Recover on hand-made states, and power cuts at every operation of Apply.</summary>
public class PageTableStoreTests(ITestOutputHelper output)
{
    private static readonly PddbGeometry s_geometry = new(512);

    private static (SimulatedFlash Flash, PageTableStore Store, PddbRandom Random) NewFormatted(ulong seed)
    {
        var flash = new SimulatedFlash(s_geometry.TotalPages);
        var random = StorageTestSupport.InsecureRandom(seed);
        var store = new PageTableStore(flash, s_geometry, random);
        store.FillWithNoise();
        return (flash, store, random);
    }

    private static byte[] ReadAll(PageTableStore store)
    {
        byte[] all = new byte[store.SlotCount * 16];
        store.ReadEntries(0, all);
        return all;
    }

    private static byte[] RandomEntry(Random rng)
    {
        byte[] entry = new byte[16];
        rng.NextBytes(entry);
        return entry;
    }

    private static bool MbbbBlank(SimulatedFlash flash)
    {
        byte[] page = new byte[4096];
        for (int k = 0; k < PddbLayout.MakeBeforeBreakPages; k++)
        {
            flash.Read((long)(s_geometry.MakeBeforeBreakFirstPage + k) * 4096, page);
            if (page.Any(b => b != 0xFF))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void FillWithNoise_leaves_no_erased_entry_and_blank_mbbb()
    {
        var (flash, store, random) = NewFormatted(10);
        using var _ = random;
        byte[] all = ReadAll(store);
        Assert.Equal(s_geometry.PageTablePages * 256, store.SlotCount);
        for (int i = 0; i < store.SlotCount; i++)
        {
            Assert.False(all.AsSpan(i * 16, 16).ToArray().All(b => b == 0xFF));
        }

        Assert.True(all.Count(b => b == 0xFF) < all.Length / 100);
        Assert.True(MbbbBlank(flash));
        Assert.Equal(MakeBeforeBreakRecovery.Clean, store.Recover());
    }

    [Fact]
    public void Apply_round_trips_and_last_write_to_a_slot_wins()
    {
        var (flash, store, random) = NewFormatted(11);
        using var _ = random;
        var rng = new Random(1);
        byte[] before = ReadAll(store);
        byte[] first = RandomEntry(rng), second = RandomEntry(rng), other = RandomEntry(rng);
        store.Apply(new[] { new PageTableWrite(5, first), new PageTableWrite(300, other), new PageTableWrite(5, second) });
        byte[] after = ReadAll(store);
        Assert.Equal(second, after.AsSpan(5 * 16, 16).ToArray());
        Assert.Equal(other, after.AsSpan(300 * 16, 16).ToArray());
        for (int i = 0; i < store.SlotCount; i++)
        {
            if (i != 5 && i != 300)
            {
                Assert.Equal(before.AsSpan(i * 16, 16).ToArray(), after.AsSpan(i * 16, 16).ToArray());
            }
        }

        Assert.Equal(2, store.PatchCount);
        Assert.True(MbbbBlank(flash));
        byte[] middle = new byte[3 * 16];
        store.ReadEntries(299, middle);
        Assert.Equal(other, middle.AsSpan(16, 16).ToArray());

        // Writing the same bytes again costs no rewrite.
        store.Apply(new[] { new PageTableWrite(5, second) });
        Assert.Equal(2, store.PatchCount);
    }

    [Fact]
    public void More_than_128_changes_on_one_page_take_several_cycles()
    {
        var (_, store, random) = NewFormatted(12);
        using var __ = random;
        var rng = new Random(2);
        var writes = Enumerable.Range(256, 256).Select(s => new PageTableWrite(s, RandomEntry(rng))).ToList();
        store.Apply(writes);
        Assert.Equal(2, store.PatchCount);
        byte[] after = ReadAll(store);
        foreach (PageTableWrite w in writes)
        {
            Assert.Equal(w.Entry, after.AsSpan(w.Slot * 16, 16).ToArray());
        }

        store.Apply(Enumerable.Range(0, 129).Select(s => new PageTableWrite(s, RandomEntry(rng))).ToList());
        Assert.Equal(4, store.PatchCount);
    }

    [Fact]
    public void Apply_rejects_bad_entries_and_refuses_a_dirty_mbbb()
    {
        var (flash, store, random) = NewFormatted(13);
        using var _ = random;
        Assert.Throws<ArgumentException>(() => store.Apply(new[] { new PageTableWrite(1, Enumerable.Repeat((byte)0xFF, 16).ToArray()) }));
        byte[] old = new byte[16];
        store.ReadEntries(1, old);
        byte[] superset = old.Select(b => (byte)(b | 0x01)).ToArray();
        if (!superset.SequenceEqual(old))
        {
            Assert.Throws<ArgumentException>(() => store.Apply(new[] { new PageTableWrite(1, superset) }));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => store.Apply(new[] { new PageTableWrite(store.SlotCount, new byte[16]) }));
        Assert.Throws<ArgumentException>(() => new PageTableWrite(0, new byte[15]));

        flash.Program((long)s_geometry.MakeBeforeBreakFirstPage * 4096, new byte[16]);
        for (int k = 1; k < PddbLayout.MakeBeforeBreakPages; k++)
        {
            flash.Program((long)(s_geometry.MakeBeforeBreakFirstPage + k) * 4096, new byte[16]);
        }

        Assert.Throws<InvalidOperationException>(() => store.Apply(new[] { new PageTableWrite(1, new byte[16]) }));
    }

    [Fact]
    public void Recover_restores_a_backup_over_a_partly_erased_or_blank_target()
    {
        var (flash, store, random) = NewFormatted(14);
        using var _ = random;
        var rng = new Random(3);
        byte[] page1 = new byte[4096];
        flash.Read(4096, page1);
        byte[] patched = (byte[])page1.Clone();
        rng.NextBytes(patched.AsSpan(0, 100 * 16));

        // Backup complete, target blank (erase of P done, program not started).
        flash.ProgramSector(s_geometry.MakeBeforeBreakFirstPage + 3, patched);
        flash.Erase(1);
        Assert.Equal(MakeBeforeBreakRecovery.RestoredPage, store.Recover());
        flash.Read(4096, page1);
        Assert.Equal(patched, page1);
        Assert.True(MbbbBlank(flash));

        // Backup complete, target partly erased: OR some bits into the old page by hand-building it.
        byte[] next = (byte[])patched.Clone();
        rng.NextBytes(next.AsSpan(200 * 16, 50 * 16));
        flash.ProgramSector(s_geometry.MakeBeforeBreakFirstPage + 7, next);
        byte[] partlyErased = patched.Select((b, i) => (byte)(b | (i % 3 == 0 ? 0xF0 : 0))).ToArray();
        flash.EraseAndProgramSector(1, partlyErased);
        Assert.Equal(MakeBeforeBreakRecovery.RestoredPage, store.Recover());
        flash.Read(4096, page1);
        Assert.Equal(next, page1);
        Assert.Equal(MakeBeforeBreakRecovery.Clean, store.Recover());
    }

    [Fact]
    public void Recover_discards_an_incomplete_backup_and_keeps_the_old_page()
    {
        var (flash, store, random) = NewFormatted(15);
        using var _ = random;
        var rng = new Random(4);
        byte[] old = new byte[4096];
        flash.Read(1 * 4096, old);
        byte[] patched = (byte[])old.Clone();
        rng.NextBytes(patched.AsSpan(16, 10 * 16));

        // Changed blocks and half of the unchanged ones programmed; the rest of the backup still erased.
        flash.ProgramRange((long)(s_geometry.MakeBeforeBreakFirstPage + 1) * 4096, patched.AsSpan(0, 2048));
        Assert.Equal(MakeBeforeBreakRecovery.DiscardedBackup, store.Recover());
        byte[] now = new byte[4096];
        flash.Read(1 * 4096, now);
        Assert.Equal(old, now);
        Assert.True(MbbbBlank(flash));

        // A backup equal to its target (cut erase of M at the end that set no bit) is discarded too.
        flash.ProgramSector(s_geometry.MakeBeforeBreakFirstPage + 2, old);
        Assert.Equal(MakeBeforeBreakRecovery.DiscardedBackup, store.Recover());
        flash.Read(1 * 4096, now);
        Assert.Equal(old, now);
    }

    [Fact]
    public void Power_cut_at_every_operation_of_Apply_leaves_old_or_new_entries()
    {
        var rng = new Random(5);
        // Page 0: 200 changes (2 cycles), page 1: 3 scattered changes and a run at its end.
        var writes = new List<PageTableWrite>();
        foreach (int slot in Enumerable.Range(0, 256).OrderBy(_ => rng.Next()).Take(200))
        {
            writes.Add(new PageTableWrite(slot, RandomEntry(rng)));
        }

        writes.Add(new PageTableWrite(300, RandomEntry(rng)));
        writes.Add(new PageTableWrite(301, RandomEntry(rng)));
        writes.Add(new PageTableWrite(400, RandomEntry(rng)));

        // Page 1: also its last 32 slots, so that whole program pages of the backup hold only changed entries.
        for (int slot = 512 - 32; slot < 512; slot++)
        {
            writes.Add(new PageTableWrite(slot, RandomEntry(rng)));
        }

        var (baseFlash, baseStore, baseRandom) = NewFormatted(16);
        baseRandom.Dispose();
        byte[] image = baseFlash.Snapshot();
        byte[] oldEntries = ReadAll(baseStore);
        var newValue = new Dictionary<int, byte[]>();
        foreach (PageTableWrite w in writes)
        {
            newValue[w.Slot] = w.Entry;
        }

        // Count operations of an uninterrupted Apply.
        var probe = SimulatedFlash.FromImage(image);
        using (var r = StorageTestSupport.InsecureRandom(99))
        {
            new PageTableStore(probe, s_geometry, r).Apply(writes);
        }

        long total = probe.OperationCount;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int cuts = 0, restored = 0, discarded = 0, clean = 0, recoverCuts = 0;
        for (long cut = 0; cut < total; cut++)
        {
            for (ulong seed = 1; seed <= 3; seed++)
            {
                var flash = SimulatedFlash.FromImage(image);
                using var applyRandom = StorageTestSupport.InsecureRandom(99);
                flash.CutPowerAt(cut, seed);
                Assert.Throws<PowerLossException>(() => new PageTableStore(flash, s_geometry, applyRandom).Apply(writes));
                flash.PowerOn();
                cuts++;

                using var mountRandom = StorageTestSupport.InsecureRandom(seed);
                var store = new PageTableStore(flash, s_geometry, mountRandom);

                // Also cut the first recovery at a seed-dependent point, then recover again.
                flash.CutPowerAt(flash.OperationCount + (long)((cut * 7 + (long)seed) % 24), seed + 100);
                MakeBeforeBreakRecovery outcome;
                try
                {
                    outcome = store.Recover();
                    flash.CancelPowerCut();
                }
                catch (PowerLossException)
                {
                    flash.PowerOn();
                    recoverCuts++;
                    outcome = store.Recover();
                }

                switch (outcome)
                {
                    case MakeBeforeBreakRecovery.RestoredPage:
                        restored++;
                        break;
                    case MakeBeforeBreakRecovery.DiscardedBackup:
                        discarded++;
                        break;
                    default:
                        clean++;
                        break;
                }

                Assert.True(MbbbBlank(flash), $"cut {cut} seed {seed}: MBBB not blank after Recover");
                byte[] now = ReadAll(store);
                for (int slot = 0; slot < store.SlotCount; slot++)
                {
                    byte[] value = now.AsSpan(slot * 16, 16).ToArray();
                    byte[] old = oldEntries.AsSpan(slot * 16, 16).ToArray();
                    if (newValue.TryGetValue(slot, out byte[]? fresh))
                    {
                        Assert.True(value.SequenceEqual(old) || value.SequenceEqual(fresh), $"cut {cut} seed {seed}: slot {slot} is neither old nor new");
                    }
                    else
                    {
                        Assert.True(value.SequenceEqual(old), $"cut {cut} seed {seed}: unwritten slot {slot} changed");
                    }
                }

                // The store keeps working: finishing the writes gives the new values everywhere.
                if (seed != 1)
                {
                    continue;
                }

                store.Apply(writes);
                byte[] final = ReadAll(store);
                foreach (var pair in newValue)
                {
                    Assert.Equal(pair.Value, final.AsSpan(pair.Key * 16, 16).ToArray());
                }
            }
        }

        Assert.True(restored > 0 && discarded > 0 && clean > 0);
        output.WriteLine($"[counts] page-table power cuts: {total} cut points x 3 seeds = {cuts} cuts ({recoverCuts} with a second cut during Recover), all recovered: {restored} restored, {discarded} discarded, {clean} clean ({clock.ElapsedMilliseconds} ms)");
    }
}

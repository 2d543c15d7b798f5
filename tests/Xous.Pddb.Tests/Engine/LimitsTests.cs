using System.Diagnostics;
using System.Text;
using Xous.Crypto;
using Xous.Hal.Simulation;
using Xous.Pddb.Format;
using Xunit.Abstractions;

namespace Xous.Pddb.Tests.Engine;

/// <summary>The limits of reference §5.7: name lengths, password length, counts per basis and dictionary, a full flash.</summary>
public class LimitsTests
{
    private const ulong DeviceDna = 0x0D2_11A1_7500;

    /// <summary>Well under what one sync may write (FreeSpaceCache.Capacity = 2041 pages, root included).</summary>
    private const int PagesPerSyncBatch = 1500;

    /// <summary>
    /// Wall-clock guard of the 131,071-key test. Today the engine places each new small key by scanning the pool pages
    /// from the first (quadratic; about 6 min of CPU in Debug for 131,071 keys); the guard stops a run that degrades
    /// further with a clear message instead of running for hours.
    /// </summary>
    private static readonly TimeSpan s_keyCountBudget = TimeSpan.FromMinutes(20);

    private readonly ITestOutputHelper _output;

    public LimitsTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static IEnumerable<object[]> NamesAtTheLimit()
    {
        // ASCII: exactly 63 / 110 / 94 bytes.
        yield return new object[] { "ascii", new string('b', 63), new string('d', 110), new string('k', 94) };

        // 2-byte UTF-8 (é): 31 × 2 + 1 = 63, 55 × 2 = 110, 47 × 2 = 94.
        yield return new object[] { "2-byte", Repeat("é", 31) + "b", Repeat("é", 55), Repeat("é", 47) };

        // 3-byte UTF-8 (€): 21 × 3 = 63, 36 × 3 + 2 = 110, 31 × 3 + 1 = 94.
        yield return new object[] { "3-byte", Repeat("€", 21), Repeat("€", 36) + "dd", Repeat("€", 31) + "k" };

        // 4-byte UTF-8 (😀, a surrogate pair in .NET): 15 × 4 + 3 = 63, 27 × 4 + 2 = 110, 23 × 4 + 2 = 94.
        yield return new object[] { "4-byte", Repeat("😀", 15) + "bbb", Repeat("😀", 27) + "dd", Repeat("😀", 23) + "kk" };
    }

    [Theory]
    [MemberData(nameof(NamesAtTheLimit))]
    public void NamesAtTheLimitRoundTripAndOneByteMoreIsRejected(string label, string basis, string dictionary, string key)
    {
        Assert.Equal(PddbNames.MaxBasisNameBytes, Encoding.UTF8.GetByteCount(basis));
        Assert.Equal(PddbNames.MaxDictionaryNameBytes, Encoding.UTF8.GetByteCount(dictionary));
        Assert.Equal(PddbNames.MaxKeyNameBytes, Encoding.UTF8.GetByteCount(key));
        byte[] password = "pw-limits"u8.ToArray();
        byte[] value = Encoding.UTF8.GetBytes("value of " + label);

        (SimulatedFlash flash, PddbEngine engine) = FormatAndMount(256 * 4, fast: true, seed: 11);
        using (engine)
        {
            Assert.Equal(PddbStatus.Ok, engine.CreateBasis(basis, password));
            Assert.Equal(PddbStatus.Ok, engine.UnlockBasis(basis, password));
            Assert.Equal(PddbStatus.Ok, engine.CreateDictionary(dictionary, basis: basis));
            Assert.Equal(PddbStatus.Ok, engine.WriteKey(dictionary, key, value, basis: basis));

            // The same names in .System too (they are limits of the format, not of secret bases).
            Assert.Equal(PddbStatus.Ok, engine.CreateDictionary(dictionary, basis: PddbLayout.SystemBasisName));
            Assert.Equal(PddbStatus.Ok, engine.WriteKey(dictionary, key, value, basis: PddbLayout.SystemBasisName));

            // One byte more: an ASCII letter appended.
            Assert.Equal(PddbStatus.InvalidName, engine.CreateBasis(basis + "x", password));
            Assert.Equal(PddbStatus.InvalidName, engine.UnlockBasis(basis + "x", password));
            Assert.Equal(PddbStatus.InvalidName, engine.CreateDictionary(dictionary + "x", basis: basis));
            Assert.Equal(PddbStatus.InvalidName, engine.WriteKey(dictionary, key + "x", value, basis: basis));
            Assert.Equal(PddbStatus.Ok, engine.Sync());
        }

        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(DeniabilityTests.Seed(12)));
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, DeniabilityTests.User0(), DeviceDna, FastKdf(), out PddbEngine? remounted));
        using (remounted)
        {
            Assert.Equal(PddbStatus.Ok, remounted!.UnlockBasis(basis, password));
            foreach (string inBasis in new[] { basis, PddbLayout.SystemBasisName })
            {
                var dictionaries = new List<string>();
                Assert.Equal(PddbStatus.Ok, remounted.ListDictionaries(dictionaries, basis: inBasis));
                Assert.Equal(new[] { dictionary }, dictionaries);
                var keys = new List<string>();
                Assert.Equal(PddbStatus.Ok, remounted.ListKeys(dictionary, keys, basis: inBasis));
                Assert.Equal(new[] { key }, keys);
                byte[] buffer = new byte[64];
                Assert.Equal(PddbStatus.Ok, remounted.ReadKey(dictionary, key, 0, buffer, out int read, basis: inBasis));
                Assert.Equal(value, buffer.AsSpan(0, read).ToArray());
            }

            var names = new List<string>();
            remounted.ListOpenBases(names);
            Assert.Contains(basis, names);
            var problems = new List<string>();
            remounted.Check(problems);
            Assert.Empty(problems);
        }
    }

    [Fact]
    public void NameOneMultiByteCharacterOverTheLimitIsRejected()
    {
        // 62 bytes + a 2-byte character = 64 (the character straddles the limit; it must not be cut in half).
        (_, PddbEngine engine) = FormatAndMount(1024, fast: true, seed: 13);
        using (engine)
        {
            Assert.Equal(PddbStatus.InvalidName, engine.CreateBasis(new string('b', 62) + "é", "pw"u8));
            Assert.Equal(PddbStatus.InvalidName, engine.CreateDictionary(new string('d', 109) + "é"));
            Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("d"));
            Assert.Equal(PddbStatus.InvalidName, engine.WriteKey("d", new string('k', 93) + "€", "v"u8));
            Assert.Equal(PddbStatus.InvalidName, engine.WriteKey("d", new string('k', 92) + "😀", "v"u8));
        }
    }

    [Fact]
    public void PasswordOf72BytesWorksAnd73OrEmptyIsRejected()
    {
        byte[] password72 = Encoding.UTF8.GetBytes(new string('p', 70) + "é");
        Assert.Equal(72, password72.Length);
        byte[] password73 = Encoding.UTF8.GetBytes(new string('p', 70) + "éq");
        (SimulatedFlash flash, PddbEngine engine) = FormatAndMount(1024, fast: true, seed: 14);
        using (engine)
        {
            Assert.Equal(PddbStatus.Ok, engine.CreateBasis("limit", password72));
            Assert.Equal(PddbStatus.InvalidPassword, engine.CreateBasis("other", password73));
            Assert.Equal(PddbStatus.InvalidPassword, engine.CreateBasis("other", ReadOnlySpan<byte>.Empty));
            Assert.Equal(PddbStatus.InvalidPassword, engine.UnlockBasis("limit", password73));
            Assert.Equal(PddbStatus.InvalidPassword, engine.UnlockBasis("limit", ReadOnlySpan<byte>.Empty));

            // 71 bytes (the 72-byte password less its last byte) is another password.
            Assert.Equal(PddbStatus.NotFound, engine.UnlockBasis("limit", password72.AsSpan(0, 71)));
            Assert.Equal(PddbStatus.Ok, engine.UnlockBasis("limit", password72));
            Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("d", basis: "limit"));
            Assert.Equal(PddbStatus.Ok, engine.WriteKey("d", "k", "v72"u8, basis: "limit"));
            Assert.Equal(PddbStatus.Ok, engine.LockBasis("limit"));
        }

        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(DeniabilityTests.Seed(15)));
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, DeniabilityTests.User0(), DeviceDna, FastKdf(), out PddbEngine? remounted));
        using (remounted)
        {
            Assert.Equal(PddbStatus.Ok, remounted!.UnlockBasis("limit", password72));
            byte[] buffer = new byte[8];
            Assert.Equal(PddbStatus.Ok, remounted.ReadKey("d", "k", 0, buffer, out int read, basis: "limit"));
            Assert.Equal("v72", Encoding.UTF8.GetString(buffer, 0, read));
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void MaximumDictionariesPerBasis()
    {
        var clock = Stopwatch.StartNew();
        TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        (SimulatedFlash flash, PddbEngine engine) = FormatAndMount(PddbLayout.PrecursorPages, fast: true, seed: 21);
        int max = 16_383;
        int syncs = 0;
        using (engine)
        {
            for (int i = 0; i < max; i++)
            {
                PddbStatus status = engine.CreateDictionary("dict" + i.ToString());
                Assert.True(status == PddbStatus.Ok, $"dictionary #{i + 1} of {max}: {status}");
                if ((i + 1) % PagesPerSyncBatch == 0)
                {
                    SyncOk(engine, $"after {i + 1} dictionaries");
                    syncs++;
                }
            }

            Assert.Equal(PddbStatus.LimitReached, engine.CreateDictionary("one-too-many"));
            SyncOk(engine, "final");
            syncs++;
            Assert.Equal(PddbStatus.LimitReached, engine.CreateDictionary("one-too-many"));

            // A deleted slot is reusable once the deletion is synced (until then its invalid header is pending and the
            // slot stays taken), and the limit still holds after it is taken again.
            Assert.Equal(PddbStatus.Ok, engine.DeleteDictionary("dict77"));
            Assert.Equal(PddbStatus.LimitReached, engine.CreateDictionary("replacement"));
            SyncOk(engine, "after the delete");
            Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("replacement"));
            Assert.Equal(PddbStatus.LimitReached, engine.CreateDictionary("one-too-many"));
            SyncOk(engine, "after replacement");
        }

        TimeSpan created = clock.Elapsed;
        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(DeniabilityTests.Seed(22)));
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, DeniabilityTests.User0(), DeviceDna, FastKdf(), out PddbEngine? remounted));
        using (remounted)
        {
            var names = new List<string>();
            Assert.Equal(PddbStatus.Ok, remounted!.ListDictionaries(names, basis: PddbLayout.SystemBasisName));
            Assert.Equal(max, names.Count);
            Assert.Contains("replacement", names);
            Assert.Contains("dict16382", names);
            Assert.DoesNotContain("dict77", names);
            Assert.Equal(PddbStatus.LimitReached, remounted.CreateDictionary("one-too-many"));
            var stats = new List<PddbBasisStatistics>();
            remounted.GetStatistics(stats);
            Assert.Equal(max, stats[0].Dictionaries);
            var problems = new List<string>();
            remounted.Check(problems);
            Assert.Empty(problems);
            _output.WriteLine($"[counts] max dictionaries: {stats[0].Dictionaries} dictionaries in .System, {stats[0].MappedPages} pages mapped, {syncs + 1} syncs, created in {created.TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds:F1} s process CPU");
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void MaximumKeysPerDictionary()
    {
        var clock = Stopwatch.StartNew();
        TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        (SimulatedFlash flash, PddbEngine engine) = FormatAndMount(PddbLayout.PrecursorPages, fast: true, seed: 31);
        const int max = 131_071;

        // 32 key descriptors per page: 32,768 keys touch 1,024 descriptor pages plus their small-value pages.
        const int keysPerSync = 32_768;
        const int keysPerTiming = 8_192;
        int syncs = 0;
        byte[] value = new byte[4];
        var batchSeconds = new List<double>();
        var batch = Stopwatch.StartNew();
        using (engine)
        {
            Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("many"));
            for (int i = 0; i < max; i++)
            {
                BitConverter.TryWriteBytes(value, i);
                PddbStatus status = engine.WriteKey("many", "k" + i.ToString(), value);
                Assert.True(status == PddbStatus.Ok, $"key #{i + 1} of {max}: {status}");
                if ((i + 1) % keysPerSync == 0)
                {
                    SyncOk(engine, $"after {i + 1} keys");
                    syncs++;
                }

                if ((i + 1) % keysPerTiming == 0)
                {
                    batchSeconds.Add(batch.Elapsed.TotalSeconds);
                    batch.Restart();
                    _output.WriteLine(FormattableString.Invariant($"[counts] max keys: {i + 1} keys written, last {keysPerTiming} took {batchSeconds[^1]:F1} s"));
                    Assert.True(clock.Elapsed < s_keyCountBudget, FormattableString.Invariant(
                        $"writing {max} keys into one dictionary is too slow: {i + 1} keys after {clock.Elapsed.TotalSeconds:F0} s (budget {s_keyCountBudget.TotalSeconds:F0} s); per {keysPerTiming} keys the time grew from {batchSeconds[0]:F1} s to {batchSeconds[^1]:F1} s — quadratic. Suspect DictionaryState.PlaceInPool, which scans the pool pages from page 0 and re-sorts each page's key list for every new small key."));
                }
            }

            Assert.Equal(PddbStatus.LimitReached, engine.WriteKey("many", "one-too-many", value));
            SyncOk(engine, "final");
            syncs++;
            Assert.Equal(PddbStatus.LimitReached, engine.WriteKey("many", "one-too-many", value));

            // Rewriting an existing key at the limit is fine.
            Assert.Equal(PddbStatus.Ok, engine.WriteKey("many", "k5", "rewritten"u8));
            SyncOk(engine, "rewrite");
        }

        TimeSpan created = clock.Elapsed;
        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(DeniabilityTests.Seed(32)));
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, DeniabilityTests.User0(), DeviceDna, FastKdf(), out PddbEngine? remounted));
        using (remounted)
        {
            var keys = new List<string>();
            Assert.Equal(PddbStatus.Ok, remounted!.ListKeys("many", keys));
            Assert.Equal(max, keys.Count);
            byte[] buffer = new byte[16];
            foreach (int i in new[] { 0, 1, 31, 32, 65_535, max - 1 })
            {
                Assert.Equal(PddbStatus.Ok, remounted.ReadKey("many", "k" + i.ToString(), 0, buffer, out int read));
                Assert.Equal(4, read);
                Assert.Equal(i, BitConverter.ToInt32(buffer, 0));
            }

            Assert.Equal(PddbStatus.Ok, remounted.ReadKey("many", "k5", 0, buffer, out int rewritten));
            Assert.Equal("rewritten", Encoding.UTF8.GetString(buffer, 0, rewritten));
            Assert.Equal(PddbStatus.LimitReached, remounted.WriteKey("many", "one-too-many", value));
            var stats = new List<PddbBasisStatistics>();
            remounted.GetStatistics(stats);
            Assert.Equal(max, stats[0].Keys);
            var problems = new List<string>();
            remounted.Check(problems);
            Assert.Empty(problems);
            _output.WriteLine($"[counts] max keys: {stats[0].Keys} keys in one dictionary, {stats[0].MappedPages} pages mapped, {syncs} syncs, created in {created.TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds:F1} s process CPU");
        }
    }

    [Fact]
    public void FullFlashReportsNoSpaceKeepsWhatWasSyncedAndRecoversAfterDeletes()
    {
        (SimulatedFlash flash, PddbEngine engine) = FormatAndMount(1024, fast: true, seed: 41);
        const int keySize = 30 * 1024;
        var synced = new List<int>();
        PddbStatus failure = PddbStatus.Ok;
        string failedAt = string.Empty;
        using (engine)
        {
            Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("fill"));
            SyncOk(engine, "dictionary");
            for (int i = 0; i < 1000 && failure == PddbStatus.Ok; i++)
            {
                PddbStatus status = engine.WriteKey("fill", "k" + i.ToString(), Value(i, keySize));
                if (status != PddbStatus.Ok)
                {
                    failure = status;
                    failedAt = $"WriteKey of key #{i}";
                    break;
                }

                status = engine.Sync();
                if (status != PddbStatus.Ok)
                {
                    failure = status;
                    failedAt = $"Sync after key #{i}";
                    break;
                }

                synced.Add(i);
            }

            var stats = new List<PddbBasisStatistics>();
            engine.GetStatistics(stats);
            _output.WriteLine($"[counts] full flash (1024 pages, {engine.Geometry.DataPageCount} data pages): {synced.Count} keys of {keySize} B synced, then {failedAt} returned {failure}; .System maps {stats[0].MappedPages} pages, free-space cache holds {engine.FreePages}");
            Assert.Equal(PddbStatus.NoSpace, failure);
            Assert.True(synced.Count > 50, "the flash filled up far too early: " + synced.Count.ToString());

            // Everything synced before still reads back, and the database is consistent.
            RequireReadBack(engine, synced, keySize);
            var problems = new List<string>();
            engine.Check(problems);
            Assert.True(problems.Count == 0, "Check after NoSpace: " + string.Join("; ", problems));

            // Give up the key whose write failed (if WriteKey accepted it, it is still pending in RAM), delete a
            // quarter of the synced keys and sync: space comes back and writing works again.
            int failedKey = synced.Count == 0 ? 0 : synced[^1] + 1;
            PddbStatus dropFailed = engine.DeleteKey("fill", "k" + failedKey.ToString());
            Assert.True(dropFailed is PddbStatus.Ok or PddbStatus.NotFound, "delete of the failed key: " + dropFailed.ToString());
            var deleted = synced.Where(i => i % 4 == 0).ToList();
            foreach (int i in deleted)
            {
                Assert.Equal(PddbStatus.Ok, engine.DeleteKey("fill", "k" + i.ToString()));
            }

            PddbStatus afterDelete = engine.Sync();
            _output.WriteLine($"[counts] full flash: after deleting {deleted.Count} keys ({deleted.Count * 8} pages) Sync returned {afterDelete}; free-space cache holds {engine.FreePages}");
            Assert.True(afterDelete == PddbStatus.Ok,
                $"Sync after deleting {deleted.Count} keys: {afterDelete}. The sync that commits the deletes must itself write new descriptor pages and a new root, and the deleted keys' pages are freed only after that commit; with the flash full there are fewer free pages than that sync needs, so a full PDDB cannot be recovered by deleting keys.");
            synced.RemoveAll(i => i % 4 == 0);

            // Write again.
            for (int i = 2000; i < 2010; i++)
            {
                Assert.Equal(PddbStatus.Ok, engine.WriteKey("fill", "k" + i.ToString(), Value(i, keySize)));
                Assert.Equal(PddbStatus.Ok, engine.Sync());
                synced.Add(i);
            }

            RequireReadBack(engine, synced, keySize);
            engine.Check(problems);
            Assert.True(problems.Count == 0, "Check after recovery: " + string.Join("; ", problems));
        }

        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(DeniabilityTests.Seed(42)));
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, DeniabilityTests.User0(), DeviceDna, FastKdf(), out PddbEngine? remounted));
        using (remounted)
        {
            RequireReadBack(remounted!, synced, keySize);
            var problems = new List<string>();
            remounted!.Check(problems);
            Assert.True(problems.Count == 0, "Check after remount: " + string.Join("; ", problems));
        }
    }

    private static void RequireReadBack(PddbEngine engine, List<int> keys, int keySize)
    {
        byte[] buffer = new byte[keySize + 16];
        foreach (int i in keys)
        {
            PddbStatus status = engine.ReadKey("fill", "k" + i.ToString(), 0, buffer, out int read);
            Assert.True(status == PddbStatus.Ok, $"key k{i}: {status}");
            Assert.True(buffer.AsSpan(0, read).SequenceEqual(Value(i, keySize)), $"key k{i} reads back wrong ({read} bytes)");
        }
    }

    private static byte[] Value(int i, int size)
    {
        byte[] value = new byte[size];
        new Random(i).NextBytes(value);
        return value;
    }

    private static void SyncOk(PddbEngine engine, string when)
    {
        PddbStatus status = engine.Sync();
        Assert.True(status == PddbStatus.Ok, $"Sync {when}: {status}");
    }

    private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

    /// <summary>bcrypt cost 4 (the minimum): the limits do not depend on the cost and the tests unlock many times.</summary>
    private static PddbOptions FastKdf() => new() { KdfCost = 4 };

    private static (SimulatedFlash Flash, PddbEngine Engine) FormatAndMount(int pages, bool fast, int seed)
    {
        var flash = new SimulatedFlash(pages);
        var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(DeniabilityTests.Seed(seed)));
        PddbEngine.Format(flash, random, DeniabilityTests.User0(), DeviceDna, FastKdf(), fast);
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, DeniabilityTests.User0(), DeviceDna, FastKdf(), out PddbEngine? engine));
        return (flash, engine!);
    }
}

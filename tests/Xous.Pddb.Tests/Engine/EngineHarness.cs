using Xous.Crypto;
using Xous.Hal.Simulation;

namespace Xous.Pddb.Tests.Engine;

/// <summary>Shared setup of the engine model-based and power-loss tests: format, mount, and comparison with <see cref="PddbModel"/>.</summary>
internal static class EngineHarness
{
    public const ulong DeviceDna = 0x0D1A_5EED_0000_0001;

    /// <summary>The User0 root key of every harness PDDB.</summary>
    public static byte[] User0()
    {
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(0x5A ^ (i * 7));
        }

        return key;
    }

    /// <summary>INSECURE deterministic randomness (tests only): the same seed gives the same flash operations.</summary>
    public static PddbRandom Random(ulong seed)
    {
        byte[] seed32 = new byte[32];
        BitConverter.TryWriteBytes(seed32, seed);
        seed32[31] = 0xD1;
        return new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(seed32));
    }

    /// <summary>
    /// Options of the harness. bcrypt cost 4 instead of the device's 7: the tests unlock secret bases after every
    /// remount and power cut (thousands of derivations); the cost only scales the derivation's time, not its logic.
    /// </summary>
    public static PddbOptions Options(Func<bool>? approveRefill = null) => new() { KdfCost = 4, ApproveFreeSpaceRefill = approveRefill };

    public static void Format(SimulatedFlash flash, ulong seed, bool fast = false)
    {
        using PddbRandom random = Random(seed);
        PddbEngine.Format(flash, random, User0(), DeviceDna, Options(), fast);
    }

    /// <summary>Mounts (the random generator is owned by the caller and must outlive the engine).</summary>
    public static PddbEngine Mount(SimulatedFlash flash, PddbRandom random, PddbOptions options)
    {
        PddbStatus status = PddbEngine.Mount(flash, random, User0(), DeviceDna, options, out PddbEngine? engine);
        Assert.True(status == PddbStatus.Ok, "mount: " + status);
        return engine!;
    }

    /// <summary>Everything one open basis holds, read through the engine with the basis named explicitly.</summary>
    public static PddbModel.Contents ReadContents(PddbEngine engine, string basis)
    {
        var contents = new PddbModel.Contents();
        var dictionaries = new List<string>();
        Assert.Equal(PddbStatus.Ok, engine.ListDictionaries(dictionaries, basis));
        foreach (string dictionary in dictionaries)
        {
            var keys = new List<string>();
            Assert.Equal(PddbStatus.Ok, engine.ListKeys(dictionary, keys, basis));
            var values = new Dictionary<string, byte[]>();
            foreach (string key in keys)
            {
                values[key] = ReadWhole(engine, dictionary, key, basis);
            }

            contents[dictionary] = values;
        }

        return contents;
    }

    /// <summary>The whole value of a key (asserts it exists).</summary>
    public static byte[] ReadWhole(PddbEngine engine, string dictionary, string key, string? basis)
    {
        PddbStatus status = engine.GetKeyLength(dictionary, key, out long length, basis);
        Assert.True(status == PddbStatus.Ok, $"length of {basis}:{dictionary}:{key}: {status}");
        byte[] value = new byte[length];
        int done = 0;
        while (done < value.Length)
        {
            Assert.Equal(PddbStatus.Ok, engine.ReadKey(dictionary, key, done, value.AsSpan(done), out int read, basis));
            Assert.True(read > 0, $"read of {basis}:{dictionary}:{key} stopped at {done} of {length}");
            done += read;
        }

        Assert.Equal(PddbStatus.Ok, engine.ReadKey(dictionary, key, length, new byte[1], out int past, basis));
        Assert.Equal(0, past);
        return value;
    }

    /// <summary>Compares every open basis (explicitly named) and the union view with the model.</summary>
    public static void AssertMatchesModel(PddbEngine engine, PddbModel model, string where)
    {
        var open = new List<string>();
        engine.ListOpenBases(open);
        Assert.True(open.SequenceEqual(model.Open), $"{where}: open bases [{string.Join(",", open)}], model [{string.Join(",", model.Open)}]");
        foreach (string basis in model.Open)
        {
            string? difference = PddbModel.Difference(ReadContents(engine, basis), model.Current(basis));
            Assert.True(difference is null, $"{where}: basis {basis}: {difference}");
        }

        // The union view: dictionary list, key lists, reads and bulk reads without a basis.
        Assert.Equal(PddbStatus.Ok, model.ListDictionaries(null, out HashSet<string> expectedDictionaries));
        var dictionaries = new List<string>();
        Assert.Equal(PddbStatus.Ok, engine.ListDictionaries(dictionaries));
        Assert.True(expectedDictionaries.SetEquals(dictionaries), $"{where}: union dictionaries differ");
        Assert.Equal(dictionaries.Count, dictionaries.Distinct().Count());
        foreach (string dictionary in dictionaries)
        {
            Assert.Equal(PddbStatus.Ok, model.BulkRead(dictionary, null, out Dictionary<string, byte[]> expected));
            var keys = new List<string>();
            Assert.Equal(PddbStatus.Ok, engine.ListKeys(dictionary, keys));
            Assert.True(expected.Keys.ToHashSet().SetEquals(keys) && keys.Count == expected.Count, $"{where}: union keys of {dictionary} differ");
            foreach (string key in keys)
            {
                Assert.True(ReadWhole(engine, dictionary, key, null).AsSpan().SequenceEqual(expected[key]), $"{where}: union read {dictionary}:{key} differs");
            }

            AssertBulkRead(engine, dictionary, null, expected, where);
        }
    }

    public static void AssertBulkRead(PddbEngine engine, string dictionary, string? basis, Dictionary<string, byte[]> expected, string where)
    {
        var sink = new CollectingSink();
        Assert.Equal(PddbStatus.Ok, engine.BulkRead(dictionary, sink, out int entries, basis));
        Assert.Equal(entries, sink.Entries.Count);
        Assert.True(sink.Entries.Count == expected.Count && sink.Entries.Keys.ToHashSet().SetEquals(expected.Keys), $"{where}: bulk read of {basis}:{dictionary}: keys differ");
        foreach (KeyValuePair<string, byte[]> entry in expected)
        {
            Assert.True(sink.Entries[entry.Key].AsSpan().SequenceEqual(entry.Value), $"{where}: bulk read of {basis}:{dictionary}:{entry.Key} differs");
        }
    }

    /// <summary>Asserts that <see cref="PddbEngine.Check"/> finds nothing.</summary>
    public static void AssertClean(PddbEngine engine, string where)
    {
        var problems = new List<string>();
        engine.Check(problems);
        Assert.True(problems.Count == 0, $"{where}: check found {problems.Count} problems: {string.Join(" | ", problems.Take(5))}");
    }

    /// <summary>Committed generation of every open basis.</summary>
    public static Dictionary<string, uint> Generations(PddbEngine engine)
    {
        var statistics = new List<PddbBasisStatistics>();
        engine.GetStatistics(statistics);
        return statistics.ToDictionary(s => s.Name, s => s.Generation);
    }

    /// <summary>A deterministic value of <paramref name="length"/> bytes.</summary>
    public static byte[] Value(System.Random random, int length)
    {
        byte[] value = new byte[length];
        random.NextBytes(value);
        return value;
    }

    private sealed class CollectingSink : IDictionaryEntrySink
    {
        public Dictionary<string, byte[]> Entries { get; } = new();

        public void Entry(string key, ReadOnlySpan<byte> value)
        {
            Assert.True(Entries.TryAdd(key, value.ToArray()), "bulk read passed key '" + key + "' twice");
        }
    }
}

using System.Diagnostics;
using Xous.Hal.Simulation;
using Xunit.Abstractions;

namespace Xous.Pddb.Tests.Engine;

/// <summary>
/// Power loss at flash-operation granularity. A mixed workload (dictionaries, small and large keys, a secret basis
/// written with an explicit basis, overwrites, deletes, a dictionary delete, a stream-written large key, lock) runs
/// once without cuts to count its flash operations; then, from the same pre-workload image and the same randomness,
/// it is cut at every operation index. After each cut: mount, unlock, and every basis must hold exactly what its last
/// completed sync wrote — or, for a basis whose sync was interrupted, entirely what that sync was writing — and
/// <see cref="PddbEngine.Check"/> must be clean; then one more write + sync (which retires the garbage the cut left)
/// and a remount must again match. A second, longer workload is cut at a stride and at random points, including cuts
/// during the recovery (mount, unlock and the garbage-retiring sync) itself.
/// </summary>
public class PowerLossTests
{
    private const int Pages = 1024;
    private const string Vault = "vault";
    private static readonly byte[] s_vaultPassword = "vault password"u8.ToArray();

    private readonly ITestOutputHelper _output;

    public PowerLossTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void EveryCutPointOfTheMixedWorkloadRecovers()
    {
        var clock = Stopwatch.StartNew();
        byte[] image = FormattedImage(11);
        long total = CountOperations(image, MixedWorkload);
        Assert.True(total > 500, "the workload must do real flash work: " + total);
        // Every index (about 0.1 s each: one replay, three mounts, a sync; ~3,000 indexes, ~5 min on 2 cores).
        // XOUS_PDDB_CUT_STRIDE=n cuts only every n-th index, for quick local runs; the count printed says which.
        long stride = long.TryParse(Environment.GetEnvironmentVariable("XOUS_PDDB_CUT_STRIDE"), out long asked) && asked > 1 ? asked : 1;
        int erases = 0;
        int programs = 0;
        for (long k = 0; k < total; k += stride)
        {
            bool erase = CutAndRecover(image, MixedWorkload, k, (ulong)k * 0x9E37 + 1, recoveryCutSeed: 0);
            erases += erase ? 1 : 0;
            programs += erase ? 0 : 1;
        }

        _output.WriteLine($"[counts] pddb power loss: {erases + programs} cut points tried ({erases} erase, {programs} program), all recovered "
            + $"(mixed workload of {total} operations, " + (stride == 1 ? "every operation index" : $"every {stride}th index") + $"; {clock.Elapsed.TotalSeconds:F1} s)");
    }

    [Fact]
    public void StrideAndRandomCutsOfALongerWorkloadRecover()
    {
        var clock = Stopwatch.StartNew();
        byte[] image = FormattedImage(12);
        long total = CountOperations(image, LongWorkload);
        long stride = Math.Max(1, total / 200);
        int erases = 0;
        int programs = 0;
        int tried = 0;
        for (long k = 3; k < total; k += stride)
        {
            bool erase = CutAndRecover(image, LongWorkload, k, (ulong)k + 77, recoveryCutSeed: 0);
            erases += erase ? 1 : 0;
            programs += erase ? 0 : 1;
            tried++;
        }

        _output.WriteLine($"[counts] pddb power loss: {tried} cut points tried ({erases} erase, {programs} program), all recovered "
            + $"(longer workload of {total} operations, every {stride}th index; {clock.Elapsed.TotalSeconds:F1} s)");

        // Random cuts, each followed by recoveries that are themselves cut at random until one completes.
        clock.Restart();
        int runs = 0;
        int cuts = 0;
        int recoveryCuts = 0;
        for (ulong seed = 1; seed <= 40; seed++)
        {
            var rng = new System.Random((int)seed);
            var flash = SimulatedFlash.FromImage(image);
            flash.CutPowerRandomly((uint)Math.Max(2, total / 2), seed * 31);
            var tracker = new Tracker();
            using PddbRandom random = EngineHarness.Random(1000 + seed);
            try
            {
                using PddbEngine engine = EngineHarness.Mount(flash, random, EngineHarness.Options());
                tracker.Engine = engine;
                LongWorkload(tracker);
                flash.CancelPowerCut();
                runs++;
                continue;
            }
            catch (PowerLossException)
            {
                cuts++;
            }

            flash.PowerOn();
            recoveryCuts += Recover(flash, tracker, recoveryCutSeed: seed * 131, rng);
            runs++;
        }

        _output.WriteLine($"[counts] pddb power loss: {cuts} random cuts in {runs} runs of the longer workload, {recoveryCuts} more cuts "
            + $"during recovery (mount, unlock, garbage-retiring sync), all recovered ({clock.Elapsed.TotalSeconds:F1} s)");
        Assert.True(cuts > 15 && recoveryCuts > 5, $"the random phase must actually cut: {cuts} cuts, {recoveryCuts} during recovery");
    }

    /// <summary>
    /// A cut during the garbage-retiring sync that follows a power cut, minimised from the random phase: the next
    /// mount must still find the committed state.
    /// </summary>
    [Fact]
    public void GarbageOfAnInterruptedSyncIsRetiredBeforeTheSameGenerationIsReused()
    {
        byte[] image = FormattedImage(13);
        long total = CountOperations(image, MixedWorkload);
        int checkedCuts = 0;
        var rng = new System.Random(3);
        for (long k = total / 3; k < total; k += total / 4)
        {
            var flash = SimulatedFlash.FromImage(image);
            var tracker = new Tracker();
            using PddbRandom random = EngineHarness.Random(500);
            flash.CutPowerAt(k, (ulong)k);
            try
            {
                using PddbEngine engine = EngineHarness.Mount(flash, random, EngineHarness.Options());
                tracker.Engine = engine;
                MixedWorkload(tracker);
                continue;
            }
            catch (PowerLossException)
            {
            }

            // Recover with a cut at each of the first operations of the recovery in turn.
            flash.PowerOn();
            byte[] afterCut = flash.Snapshot();
            for (int r = 0; r < 20; r++)
            {
                var again = SimulatedFlash.FromImage(afterCut);
                var copy = tracker.Copy();
                again.CutPowerAt(r, (ulong)(r + 1));
                Recover(again, copy, recoveryCutSeed: 0, rng, firstCutAlreadyPlanned: true);
                checkedCuts++;
            }
        }

        Assert.True(checkedCuts >= 40);
        _output.WriteLine($"[counts] pddb power loss: {checkedCuts} cuts at the first 20 operations of a recovery, all recovered");
    }

    // ---- workloads -----------------------------------------------------------------------------------------------

    private static void MixedWorkload(Tracker t)
    {
        var values = new System.Random(21);
        t.Do(e => e.CreateDictionary("apps"), m => m.CreateDictionary("apps", null));
        t.Write("apps", "a", EngineHarness.Value(values, 10), null);
        t.Write("apps", "b", EngineHarness.Value(values, 300), null);
        t.Write("apps", "c", EngineHarness.Value(values, 4064), null);
        t.Write("apps", "blob", EngineHarness.Value(values, 10_000), null);
        t.Sync();

        t.CreateBasis();
        t.Unlock();
        t.Do(e => e.CreateDictionary("apps", Vault), m => m.CreateDictionary("apps", Vault));
        t.Write("apps", "a", EngineHarness.Value(values, 6), Vault);
        t.Write("apps", "secret", EngineHarness.Value(values, 700), Vault);
        t.Write("apps", "hidden", EngineHarness.Value(values, 9_000), Vault);
        t.Sync();

        t.Write("apps", "b", EngineHarness.Value(values, 20), null); // union: the system basis has "b"
        t.Do(e => e.DeleteKey("apps", "c"), m => m.DeleteKey("apps", "c", null));
        t.Write("apps", "a", EngineHarness.Value(values, 4065), null); // union: the vault's "a"
        t.Do(e => e.CreateDictionary("tmp", ".System"), m => m.CreateDictionary("tmp", ".System"));
        t.Write("tmp", "t", EngineHarness.Value(values, 50), null);
        t.Sync();

        t.Do(e => e.DeleteDictionary("tmp"), m => m.DeleteDictionary("tmp", null));
        t.Write("apps", "blob", EngineHarness.Value(values, 5_000), null);
        t.Do(e => e.DeleteKey("apps", "hidden", Vault), m => m.DeleteKey("apps", "hidden", Vault));
        t.Sync();

        for (int i = 0; i < 6; i++)
        {
            byte[] chunk = EngineHarness.Value(values, 3_000);
            t.Do(e => e.WriteKeyAt("apps", "stream", i * 3_000L, chunk, ".System"), m => m.WriteAt("apps", "stream", i * 3_000L, chunk, ".System"));
        }

        t.Sync();
        t.Lock();
        t.Write("apps", "a", EngineHarness.Value(values, 33), null);
        t.Sync();
    }

    /// <summary>A longer pseudo-random workload (fixed seed) over both bases.</summary>
    private static void LongWorkload(Tracker t)
    {
        var rng = new System.Random(99);
        t.Do(e => e.CreateDictionary("apps"), m => m.CreateDictionary("apps", null));
        t.Do(e => e.CreateDictionary("logs"), m => m.CreateDictionary("logs", null));
        t.Sync();
        t.CreateBasis();
        t.Unlock();
        t.Do(e => e.CreateDictionary("apps", Vault), m => m.CreateDictionary("apps", Vault));
        t.Sync();
        string[] bases = { ".System", Vault };
        for (int round = 0; round < 10; round++)
        {
            for (int i = 0; i < 5; i++)
            {
                string basis = bases[rng.Next(2)];
                string dictionary = basis == Vault || rng.Next(2) == 0 ? "apps" : "logs";
                string key = "k" + rng.Next(6);
                switch (rng.Next(5))
                {
                    case 0:
                        if (t.Model.Read(dictionary, key, basis, out _) == PddbStatus.Ok)
                        {
                            t.Do(e => e.DeleteKey(dictionary, key, basis), m => m.DeleteKey(dictionary, key, basis));
                        }

                        break;
                    case 1:
                        long offset = rng.Next(12_000);
                        byte[] data = EngineHarness.Value(rng, 1 + rng.Next(6_000));
                        t.Do(e => e.WriteKeyAt(dictionary, key, offset, data, basis), m => m.WriteAt(dictionary, key, offset, data, basis));
                        break;
                    default:
                        int length = rng.Next(3) == 0 ? 4_000 + rng.Next(16_000) : rng.Next(400);
                        t.Write(dictionary, key, EngineHarness.Value(rng, length), basis);
                        break;
                }
            }

            if (round % 5 == 4)
            {
                t.Lock();
                t.Unlock();
            }

            t.Sync();
        }
    }

    // ---- cut and recovery ----------------------------------------------------------------------------------------

    private static byte[] FormattedImage(ulong seed)
    {
        var flash = new SimulatedFlash(Pages);
        EngineHarness.Format(flash, seed, fast: true);
        return flash.Snapshot();
    }

    /// <summary>Runs the workload without cuts (it must succeed and match its model) and returns its operation count.</summary>
    private static long CountOperations(byte[] image, Action<Tracker> workload)
    {
        var flash = SimulatedFlash.FromImage(image);
        using PddbRandom random = EngineHarness.Random(500);
        var tracker = new Tracker();
        long before = flash.OperationCount;
        using (PddbEngine engine = EngineHarness.Mount(flash, random, EngineHarness.Options()))
        {
            tracker.Engine = engine;
            workload(tracker);
            EngineHarness.AssertClean(engine, "uncut workload");
        }

        long total = flash.OperationCount - before;
        var rng = new System.Random(1);
        Recover(flash, tracker, 0, rng);
        return total;
    }

    /// <summary>Cuts the workload at operation <paramref name="k"/> and checks the recovery; true when the cut operation was an erase.</summary>
    private static bool CutAndRecover(byte[] image, Action<Tracker> workload, long k, ulong cutSeed, ulong recoveryCutSeed)
    {
        var flash = SimulatedFlash.FromImage(image);
        var tracker = new Tracker();
        using PddbRandom random = EngineHarness.Random(500); // the same randomness as the counting run: the same operations
        flash.CutPowerAt(k, cutSeed);
        bool erase;
        try
        {
            using PddbEngine engine = EngineHarness.Mount(flash, random, EngineHarness.Options());
            tracker.Engine = engine;
            workload(tracker);
            throw new Xunit.Sdk.XunitException($"cut at operation {k} never happened (the workload is not deterministic?)");
        }
        catch (PowerLossException cut)
        {
            Assert.Equal(k, cut.OperationIndex);
            erase = cut.Message.Contains("erase", StringComparison.Ordinal);
        }

        flash.PowerOn();
        Recover(flash, tracker, recoveryCutSeed, new System.Random((int)k));
        return erase;
    }

    /// <summary>
    /// Mount, unlock and a garbage-retiring sync, cut at random when <paramref name="recoveryCutSeed"/> is not 0 (retried
    /// until one completes); every completed mount must show, per basis, the committed state or the whole in-flight one,
    /// and once a state has been seen it must not change. Then a write + sync + remount must match again. Returns the
    /// number of cuts during recovery.
    /// </summary>
    private static int Recover(SimulatedFlash flash, Tracker tracker, ulong recoveryCutSeed, System.Random rng, bool firstCutAlreadyPlanned = false)
    {
        int cuts = 0;
        var pinned = new Dictionary<string, PddbModel.Contents?>();
        for (int attempt = 0; ; attempt++)
        {
            Assert.True(attempt < 100, "recovery never completed");
            if (recoveryCutSeed != 0 && attempt < 8)
            {
                flash.CutPowerRandomly((uint)(2 + rng.Next(60)), recoveryCutSeed + (ulong)attempt);
            }
            else if (!(firstCutAlreadyPlanned && attempt == 0))
            {
                flash.CancelPowerCut();
            }

            using PddbRandom random = EngineHarness.Random(recoveryCutSeed + 7000 + (ulong)attempt);
            PddbEngine? engine = null;
            try
            {
                engine = EngineHarness.Mount(flash, random, EngineHarness.Options());
                ObserveAndPin(engine, tracker, pinned, "recovery attempt " + attempt);
                EngineHarness.AssertClean(engine, "after the cut");

                // The garbage-retiring sync: nothing changed, but the cut's garbage goes (it may be cut too).
                Assert.Equal(PddbStatus.Ok, engine.Sync());
                flash.CancelPowerCut();
                var statistics = new List<PddbBasisStatistics>();
                engine.GetStatistics(statistics);
                Assert.All(statistics, s => Assert.True(s.GarbageEntries == 0, $"{s.Name}: {s.GarbageEntries} garbage entries after a sync"));
                EngineHarness.AssertClean(engine, "after the recovery sync");
                engine.Dispose();
                break;
            }
            catch (PowerLossException)
            {
                cuts++;
                engine?.Dispose();
                flash.PowerOn();
            }
        }

        // One more write and sync in every basis, then a remount: all must match.
        var model = new PddbModel();
        model.SetCommitted(PddbModel.SystemBasis, pinned[PddbModel.SystemBasis]!);
        if (pinned.TryGetValue(Vault, out PddbModel.Contents? vault) && vault is not null)
        {
            model.CreateBasis(Vault, "x");
            model.SetCommitted(Vault, vault);
        }

        using (PddbRandom random = EngineHarness.Random(recoveryCutSeed + 9000))
        using (PddbEngine engine = EngineHarness.Mount(flash, random, EngineHarness.Options()))
        {
            if (model.Exists(Vault))
            {
                Assert.Equal(PddbStatus.Ok, engine.UnlockBasis(Vault, s_vaultPassword));
                model.Unlock(Vault);
            }

            foreach (string basis in model.Open.ToList())
            {
                if (model.CreateDictionary("after", basis) == PddbStatus.Ok)
                {
                    Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("after", basis));
                }

                byte[] value = EngineHarness.Value(rng, rng.Next(2) == 0 ? 100 : 9_000);
                Assert.Equal(model.Write("after", "x", value, basis), engine.WriteKey("after", "x", value, basis));
            }

            Assert.Equal(PddbStatus.Ok, engine.Sync());
            foreach (string basis in model.Open)
            {
                model.MarkSynced(basis);
            }

            EngineHarness.AssertClean(engine, "after the write following the cut");
        }

        model.Remount();
        using (PddbRandom random = EngineHarness.Random(recoveryCutSeed + 9001))
        using (PddbEngine engine = EngineHarness.Mount(flash, random, EngineHarness.Options()))
        {
            if (model.Exists(Vault))
            {
                Assert.Equal(PddbStatus.Ok, engine.UnlockBasis(Vault, s_vaultPassword));
                model.Unlock(Vault);
            }
            else
            {
                Assert.Equal(PddbStatus.NotFound, engine.UnlockBasis(Vault, s_vaultPassword));
            }

            EngineHarness.AssertMatchesModel(engine, model, "remount after the cut and one more sync");
            EngineHarness.AssertClean(engine, "remount after the cut and one more sync");
        }

        return cuts;
    }

    /// <summary>Each basis must be at its committed state or entirely at its in-flight state; the first sighting is pinned.</summary>
    private static void ObserveAndPin(PddbEngine engine, Tracker tracker, Dictionary<string, PddbModel.Contents?> pinned, string where)
    {
        foreach (string basis in new[] { PddbModel.SystemBasis, Vault })
        {
            PddbModel.Contents? actual;
            if (basis == PddbModel.SystemBasis)
            {
                actual = EngineHarness.ReadContents(engine, basis);
            }
            else
            {
                PddbStatus status = engine.UnlockBasis(Vault, s_vaultPassword);
                Assert.True(status is PddbStatus.Ok or PddbStatus.NotFound, $"{where}: unlock: {status}");
                actual = status == PddbStatus.Ok ? EngineHarness.ReadContents(engine, Vault) : null;
            }

            if (pinned.TryGetValue(basis, out PddbModel.Contents? seen))
            {
                Assert.True(SameState(actual, seen), $"{where}: basis {basis} changed between recoveries: {Describe(actual, seen)}");
                continue;
            }

            PddbModel.Contents? committed = tracker.Committed.GetValueOrDefault(basis);
            bool matches = SameState(actual, committed);
            if (!matches && tracker.InFlight.TryGetValue(basis, out PddbModel.Contents? next))
            {
                matches = SameState(actual, next);
            }

            Assert.True(matches, $"{where}: basis {basis} is neither its committed state nor the whole interrupted sync"
                + (tracker.InFlight.ContainsKey(basis) ? " (a sync was in flight)" : " (no sync in flight)") + ": " + Describe(actual, committed));
            pinned[basis] = actual;
        }
    }

    private static bool SameState(PddbModel.Contents? a, PddbModel.Contents? b) =>
        a is null || b is null ? a is null && b is null : PddbModel.ContentsEqual(a, b);

    private static string Describe(PddbModel.Contents? actual, PddbModel.Contents? expected) =>
        actual is null ? "basis missing" : expected is null ? "basis present, expected missing" : PddbModel.Difference(actual, expected) ?? "equal";

    /// <summary>
    /// Runs workload steps on the engine and the model together and records, per basis, the contents of its last
    /// completed sync (<see cref="Committed"/>; null = the basis does not exist) and of a sync in flight.
    /// </summary>
    private sealed class Tracker
    {
        public PddbEngine Engine { get; set; } = null!;

        public PddbModel Model { get; private set; } = new();

        public Dictionary<string, PddbModel.Contents?> Committed { get; private set; } = new() { [PddbModel.SystemBasis] = new PddbModel.Contents() };

        public Dictionary<string, PddbModel.Contents> InFlight { get; private set; } = new();

        public Tracker Copy() => new()
        {
            Model = Model,
            Committed = new Dictionary<string, PddbModel.Contents?>(Committed),
            InFlight = new Dictionary<string, PddbModel.Contents>(InFlight),
        };

        public void Do(Func<PddbEngine, PddbStatus> engine, Func<PddbModel, PddbStatus> model)
        {
            PddbStatus expected = model(Model);
            Assert.Equal(expected, engine(Engine));
        }

        public void Write(string dictionary, string key, byte[] value, string? basis) =>
            Do(e => e.WriteKey(dictionary, key, value, basis), m => m.Write(dictionary, key, value, basis));

        public void Sync()
        {
            foreach (string basis in Model.Open)
            {
                InFlight[basis] = PddbModel.Clone(Model.Current(basis));
            }

            Assert.Equal(PddbStatus.Ok, Engine.Sync());
            Commit(Model.Open.ToList());
        }

        public void CreateBasis()
        {
            InFlight[Vault] = new PddbModel.Contents();
            Assert.Equal(PddbStatus.Ok, Engine.CreateBasis(Vault, s_vaultPassword));
            Model.CreateBasis(Vault, "x");
            Commit(new List<string> { Vault });
        }

        public void Unlock()
        {
            Assert.Equal(PddbStatus.Ok, Engine.UnlockBasis(Vault, s_vaultPassword));
            Model.Unlock(Vault);
        }

        public void Lock()
        {
            InFlight[Vault] = PddbModel.Clone(Model.Current(Vault));
            Assert.Equal(PddbStatus.Ok, Engine.LockBasis(Vault));
            Model.Lock(Vault);
            Commit(new List<string> { Vault });
        }

        private void Commit(List<string> bases)
        {
            foreach (string basis in bases)
            {
                Committed[basis] = InFlight[basis];
                InFlight.Remove(basis);
                if (Model.IsOpen(basis))
                {
                    Model.MarkSynced(basis);
                }
            }
        }
    }
}

using System.Diagnostics;
using Xous.Hal.Simulation;
using Xous.Pddb.Format;
using Xunit.Abstractions;

namespace Xous.Pddb.Tests.Engine;

/// <summary>
/// Model-based tests: long random sequences of engine operations (fixed seeds) checked against <see cref="PddbModel"/>,
/// with syncs, remounts (only synced changes survive), secret bases (create, unlock, wrong password, lock), explicit
/// basis arguments, a full flash (NoSpace: nothing changes) and a refused free-space refill. After every remount and at
/// the end every key must equal the model and <see cref="PddbEngine.Check"/> must find nothing.
/// Operation count: XOUS_PDDB_OPS (default 10,000) per 1024-page run; the 4096-page run does a fifth of it.
/// </summary>
public class ModelBasedTests
{
    private readonly ITestOutputHelper _output;

    public ModelBasedTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static int Operations =>
        int.TryParse(Environment.GetEnvironmentVariable("XOUS_PDDB_OPS"), out int ops) && ops > 10_000 ? ops : 10_000;

    [Fact]
    public void RandomOperationsOn1024PagesMatchTheModel()
    {
        Run(seed: 0xA11CE, pages: 1024, operations: Operations);
    }

    [Fact]
    public void ShorterRunOn4096PagesMatchesTheModel()
    {
        Run(seed: 0xB0B, pages: 4096, operations: Operations / 5);
    }

    /// <summary>
    /// Minimised from the random run: a large key shrunk (same window) and then extended by a stream write past a gap,
    /// without a sync in between, must read zeros in the gap (not the bytes the shrink dropped), before and after sync.
    /// </summary>
    [Fact]
    public void ShrinkThenExtendPastAGapReadsZerosInTheGap()
    {
        var flash = new SimulatedFlash(1024);
        EngineHarness.Format(flash, 3, fast: true);
        using PddbRandom random = EngineHarness.Random(4);
        using PddbEngine engine = EngineHarness.Mount(flash, random, EngineHarness.Options());
        var model = new PddbModel();
        var values = new System.Random(5);
        Assert.Equal(model.CreateDictionary("d", null), engine.CreateDictionary("d"));
        byte[] big = EngineHarness.Value(values, 5 * PddbLayout.VirtualPageSize);
        Assert.Equal(model.Write("d", "k", big, null), engine.WriteKey("d", "k", big));
        Assert.Equal(PddbStatus.Ok, engine.Sync());
        model.MarkSynced(PddbModel.SystemBasis);
        byte[] small = EngineHarness.Value(values, PddbLayout.VirtualPageSize + 10);
        Assert.Equal(model.Write("d", "k", small, null), engine.WriteKey("d", "k", small));
        byte[] tail = EngineHarness.Value(values, 100);
        Assert.Equal(model.WriteAt("d", "k", 4L * PddbLayout.VirtualPageSize, tail, null), engine.WriteKeyAt("d", "k", 4L * PddbLayout.VirtualPageSize, tail));
        EngineHarness.AssertMatchesModel(engine, model, "before sync");
        Assert.Equal(PddbStatus.Ok, engine.Sync());
        EngineHarness.AssertMatchesModel(engine, model, "after sync");
        EngineHarness.AssertClean(engine, "after sync");
    }

    private void Run(ulong seed, int pages, int operations)
    {
        var clock = Stopwatch.StartNew();
        using var run = new ModelRun(seed, pages);
        run.Execute(operations);
        _output.WriteLine($"[counts] pddb model ({pages} pages, seed 0x{seed:X}): {operations} operations, {run.Remounts} remounts, "
            + $"{run.Syncs} syncs ({run.FailedSyncs} failed), {run.Writes} whole writes ({run.LargeWrites} large, {run.BoundaryWrites} near 4064), "
            + $"{run.StreamWrites} stream writes, {run.Reads} reads, {run.BulkReads} bulk reads, {run.Deletes} key deletes, "
            + $"{run.DictionaryOps} dictionary creates/deletes, {run.BasisOps} basis create/unlock/lock, {run.WrongPasswords} wrong passwords, "
            + $"{run.ExplicitBasis} explicit-basis calls, {run.NoSpace} NoSpace, {run.RefillRefused} refused refills, {run.Floods} floods, "
            + $"{run.AutoSyncs} automatic syncs, {run.FullChecks} full model comparisons + Check; {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.Remounts > 0 && run.NoSpace > 0, "the run must reach a remount and a full flash");
    }

    /// <summary>One random run: the flash, the engine under test, the model, and the operation generator.</summary>
    private sealed class ModelRun : IDisposable
    {
        private static readonly string[] s_secretNames = { "alpha", "beta", "gamma" };
        private static readonly string[] s_dictionaryNames = { "d0", "d1", "d2", "d3", "d4" };
        private readonly SimulatedFlash _flash;
        private readonly System.Random _rng;
        private readonly PddbModel _model = new();
        private readonly PddbOptions _options;
        private PddbRandom _random;
        private PddbEngine _engine;
        private int _operation;
        private readonly List<string> _trace = new();

        /// <summary>Recent writes, deletes, syncs, locks and remounts, shown when an unlocked basis differs from the model.</summary>
        private void Trace(string what)
        {
            if (_trace.Count > 20_000)
            {
                _trace.RemoveRange(0, 10_000);
            }

            _trace.Add(_operation + ": " + what);
        }

        public ModelRun(ulong seed, int pages)
        {
            _rng = new System.Random((int)seed);
            _flash = new SimulatedFlash(pages);
            EngineHarness.Format(_flash, seed, fast: pages > 1024);

            // Refill only while every secret basis is open: a refill may hand out pages of a locked basis (reference
            // §5.8), which the model could not follow. A refused refill must change nothing.
            _options = EngineHarness.Options(() => _model.AllBases.All(_model.IsOpen));
            _random = EngineHarness.Random(seed + 1);
            _engine = EngineHarness.Mount(_flash, _random, _options);
        }

        public int Remounts { get; private set; }
        public int Syncs { get; private set; }
        public int FailedSyncs { get; private set; }
        public int Writes { get; private set; }
        public int LargeWrites { get; private set; }
        public int BoundaryWrites { get; private set; }
        public int StreamWrites { get; private set; }
        public int Reads { get; private set; }
        public int BulkReads { get; private set; }
        public int Deletes { get; private set; }
        public int DictionaryOps { get; private set; }
        public int BasisOps { get; private set; }
        public int WrongPasswords { get; private set; }
        public int ExplicitBasis { get; private set; }
        public int NoSpace { get; private set; }
        public int RefillRefused { get; private set; }
        public int Floods { get; private set; }
        public int AutoSyncs { get; private set; }
        public int FullChecks { get; private set; }

        private string Where => "op " + _operation;

        public void Execute(int operations)
        {
            for (_operation = 0; _operation < operations; _operation++)
            {
                int pick = _rng.Next(1000);
                foreach ((int below, Action operation) in Mix())
                {
                    if (pick < below)
                    {
                        operation();
                        break;
                    }
                }
            }

            Sync();
            FullCheck("end");
            Remount();
            UnlockAll();
            FullCheck("end, every basis unlocked");
        }

        /// <summary>The operation mix: each operation with the upper bound of its share of 0..999.</summary>
        private (int Below, Action Operation)[] Mix() => new (int, Action)[]
        {
            (40, CreateDictionary),
            (52, DeleteDictionary),
            (340, WriteWhole),
            (480, WriteAt),
            (620, Read),
            (690, DeleteKey),
            (730, List),
            (760, BulkRead),
            (860, () => Sync()),
            (866, Remount),
            (870, CreateBasis),
            (890, Unlock),
            (905, Lock),
            (906, Flood),
            (1000, Read),
        };

        public void Dispose()
        {
            _engine.Dispose();
            _random.Dispose();
        }

        private string? PickBasis()
        {
            int pick = _rng.Next(100);
            if (pick < 3)
            {
                return s_secretNames[_rng.Next(s_secretNames.Length)]; // maybe not open: BasisNotOpen
            }

            if (pick < 30)
            {
                ExplicitBasis++;
                return _model.Open[_rng.Next(_model.Open.Count)];
            }

            return null;
        }

        private string PickDictionary() => s_dictionaryNames[_rng.Next(s_dictionaryNames.Length)];

        private string PickKey() => "k" + _rng.Next(10).ToString();

        private byte[] PickValue(out bool large, out bool boundary)
        {
            int pick = _rng.Next(100);
            large = false;
            boundary = false;
            int length;
            if (pick < 8)
            {
                length = 0;
            }
            else if (pick < 50)
            {
                length = 1 + _rng.Next(200);
            }
            else if (pick < 65)
            {
                length = 200 + _rng.Next(3800);
            }
            else if (pick < 80)
            {
                boundary = true;
                length = PddbLayout.VirtualPageSize - 1 + _rng.Next(3);
            }
            else
            {
                length = 4100 + _rng.Next(36_000);
            }

            large = length >= PddbLayout.VirtualPageSize;
            return EngineHarness.Value(_rng, length);
        }

        private void CreateDictionary()
        {
            DictionaryOps++;
            string? basis = PickBasis();
            string dictionary = PickDictionary();
            PddbStatus expected = _model.CreateDictionary(dictionary, basis);
            Assert.True(expected == _engine.CreateDictionary(dictionary, basis), $"{Where}: create dictionary {basis}:{dictionary}: model {expected}");
        }

        private void DeleteDictionary()
        {
            DictionaryOps++;
            string? basis = PickBasis();
            string dictionary = PickDictionary();
            PddbStatus expected = _model.DeleteDictionary(dictionary, basis);
            Trace($"delete dictionary {basis}:{dictionary} {expected}");
            Assert.True(expected == _engine.DeleteDictionary(dictionary, basis), $"{Where}: delete dictionary {basis}:{dictionary}: model {expected}");
        }

        private void WriteWhole()
        {
            Writes++;
            string? basis = PickBasis();
            string dictionary = PickDictionary();
            string key = PickKey();
            byte[] value = PickValue(out bool large, out bool boundary);
            LargeWrites += large ? 1 : 0;
            BoundaryWrites += boundary ? 1 : 0;
            WriteThroughModel(dictionary, key, basis, () => _engine.WriteKey(dictionary, key, value, basis), () => _model.Write(dictionary, key, value, basis));
        }

        private void WriteAt()
        {
            StreamWrites++;
            string? basis = PickBasis();
            string dictionary = PickDictionary();
            string key = PickKey();
            long length = _model.Read(dictionary, key, basis, out byte[]? current) == PddbStatus.Ok ? current!.Length : 0;
            long offset = _rng.Next(4) switch
            {
                0 => length, // append
                1 => _rng.NextInt64(0, length + 1), // overwrite inside
                2 => Math.Max(0, ((length / PddbLayout.VirtualPageSize) * PddbLayout.VirtualPageSize) - _rng.Next(1, 64)), // across a page boundary
                _ => length + _rng.Next(1, 9000), // past the end: a zero-filled gap
            };
            int count = 1 + _rng.Next(_rng.Next(3) == 0 ? 9000 : 300);
            if (offset + count > 60_000)
            {
                offset = _rng.Next(0, 50_000);
            }

            byte[] data = EngineHarness.Value(_rng, count);
            WriteThroughModel(dictionary, key, basis, () => _engine.WriteKeyAt(dictionary, key, offset, data, basis), () => _model.WriteAt(dictionary, key, offset, data, basis));
        }

        /// <summary>A write: the model predicts the status; NoSpace or a refused refill must change nothing.</summary>
        private void WriteThroughModel(string dictionary, string key, string? basis, Func<PddbStatus> engineWrite, Func<PddbStatus> modelWrite)
        {
            PddbStatus predicted = _model.ResolveForWrite(dictionary, key, basis, out string? owner);
            Dictionary<string, uint> before = EngineHarness.Generations(_engine);
            PddbStatus status = engineWrite();
            _model.Read(dictionary, key, owner, out byte[]? old);
            Trace($"write {owner}:{dictionary}:{key} ({new System.Diagnostics.StackTrace().GetFrame(1)?.GetMethod()?.Name}) old {old?.Length} -> {status}");
            if (status is PddbStatus.NoSpace or PddbStatus.RefillNotApproved)
            {
                Assert.Equal(PddbStatus.Ok, predicted);
                CountFailure(status);
                AssertKeyMatches(dictionary, key, "after a failed write");
                Recover(status);
                return;
            }

            PddbStatus expected = modelWrite();
            Assert.True(expected == status, $"{Where}: write {basis}:{dictionary}:{key}: engine {status}, model {expected}");
            if (status == PddbStatus.Ok && EngineHarness.Generations(_engine)[owner!] != before[owner!])
            {
                AutoSyncs++;
                _model.MarkSynced(owner!);
            }

            if (_rng.Next(4) == 0)
            {
                AssertKeyMatches(dictionary, key, "after a write");
            }
        }

        private void AssertKeyMatches(string dictionary, string key, string what)
        {
            PddbStatus expected = _model.Read(dictionary, key, null, out byte[]? value);
            PddbStatus status = _engine.GetKeyLength(dictionary, key, out long length);
            Assert.True(expected == status, $"{Where}: {what}: {dictionary}:{key} is {status}, model {expected}");
            if (status == PddbStatus.Ok)
            {
                Assert.Equal(value!.Length, length);
                byte[] actual = EngineHarness.ReadWhole(_engine, dictionary, key, null);
                Assert.True(actual.AsSpan().SequenceEqual(value), $"{Where}: {what}: {dictionary}:{key} differs from the model");
            }
        }

        private void Read()
        {
            Reads++;
            string? basis = PickBasis();
            string dictionary = PickDictionary();
            string key = PickKey();
            PddbStatus expected = _model.Read(dictionary, key, basis, out byte[]? value);
            long offset = value is null ? 0 : _rng.NextInt64(0, value.Length + 2);
            byte[] buffer = new byte[1 + _rng.Next(_rng.Next(2) == 0 ? 200 : 12_000)];
            PddbStatus status = _engine.ReadKey(dictionary, key, offset, buffer, out int read, basis);
            Assert.True(expected == status, $"{Where}: read {basis}:{dictionary}:{key}: engine {status}, model {expected}");
            if (status == PddbStatus.Ok)
            {
                int want = (int)Math.Max(0, Math.Min(buffer.Length, value!.Length - offset));
                Assert.True(read == want, $"{Where}: read {basis}:{dictionary}:{key} at {offset}: {read} bytes, model {want}");
                Assert.True(buffer.AsSpan(0, read).SequenceEqual(value.AsSpan((int)Math.Min(offset, value.Length), want)),
                    $"{Where}: read {basis}:{dictionary}:{key} at {offset} (+{read}) differs from the model");
            }
        }

        private void DeleteKey()
        {
            Deletes++;
            string? basis = PickBasis();
            string dictionary = PickDictionary();
            string key = PickKey();
            PddbStatus expected = _model.DeleteKey(dictionary, key, basis);
            Assert.True(expected == _engine.DeleteKey(dictionary, key, basis), $"{Where}: delete {basis}:{dictionary}:{key}: model {expected}");
            Trace($"delete {basis}:{dictionary}:{key} {expected}");
        }

        private void List()
        {
            string? basis = PickBasis();
            PddbStatus expected = _model.ListDictionaries(basis, out HashSet<string> dictionaries);
            var names = new List<string>();
            Assert.Equal(expected, _engine.ListDictionaries(names, basis));
            Assert.True(dictionaries.SetEquals(names) && names.Count == dictionaries.Count, $"{Where}: dictionaries of {basis}");
            string dictionary = PickDictionary();
            expected = _model.ListKeys(dictionary, basis, out HashSet<string> keys);
            names.Clear();
            Assert.Equal(expected, _engine.ListKeys(dictionary, names, basis));
            Assert.True(keys.SetEquals(names) && names.Count == keys.Count, $"{Where}: keys of {basis}:{dictionary}");
        }

        private void BulkRead()
        {
            BulkReads++;
            string? basis = PickBasis();
            string dictionary = PickDictionary();
            PddbStatus expected = _model.BulkRead(dictionary, basis, out Dictionary<string, byte[]> entries);
            if (expected == PddbStatus.Ok)
            {
                EngineHarness.AssertBulkRead(_engine, dictionary, basis, entries, Where);
            }
            else
            {
                Assert.Equal(expected, _engine.BulkRead(dictionary, new NullSink(), out _, basis));
            }
        }

        /// <summary>Syncs every open basis; a basis whose generation moved committed, the others must be unchanged.</summary>
        private PddbStatus Sync()
        {
            Syncs++;
            Dictionary<string, uint> before = EngineHarness.Generations(_engine);
            PddbStatus status = _engine.Sync();
            Dictionary<string, uint> after = EngineHarness.Generations(_engine);
            Trace($"sync {status} [{string.Join(",", _model.Open)}]");
            foreach (string basis in _model.Open)
            {
                if (status == PddbStatus.Ok || after[basis] != before[basis])
                {
                    _model.MarkSynced(basis);
                }
            }

            if (status != PddbStatus.Ok)
            {
                FailedSyncs++;
                Assert.True(status is PddbStatus.NoSpace or PddbStatus.RefillNotApproved, $"{Where}: sync: {status}");
                CountFailure(status);
                FullCheck("after a failed sync");
                Recover(status);
            }

            return status;
        }

        private void CountFailure(PddbStatus status)
        {
            if (status == PddbStatus.NoSpace)
            {
                NoSpace++;
            }
            else
            {
                RefillRefused++;
            }
        }

        /// <summary>
        /// After NoSpace: delete large values (largest first, pending ones included) until a sync succeeds. After a
        /// refused refill: unlock every basis (what the user is asked to do) so the next refill is approved.
        /// </summary>
        private void Recover(PddbStatus status)
        {
            if (status == PddbStatus.RefillNotApproved)
            {
                UnlockAll();
                return;
            }

            for (int attempt = 0; attempt < 200; attempt++)
            {
                (string Basis, string Dictionary, string Key) victim = default;
                int largest = -1;
                foreach (string basis in _model.Open)
                {
                    foreach (KeyValuePair<string, Dictionary<string, byte[]>> dictionary in _model.Current(basis))
                    {
                        foreach (KeyValuePair<string, byte[]> key in dictionary.Value)
                        {
                            if (key.Value.Length > largest)
                            {
                                largest = key.Value.Length;
                                victim = (basis, dictionary.Key, key.Key);
                            }
                        }
                    }
                }

                Assert.True(largest >= 0, $"{Where}: no key left to delete and the flash is still full");
                Assert.Equal(_model.DeleteKey(victim.Dictionary!, victim.Key!, victim.Basis), _engine.DeleteKey(victim.Dictionary!, victim.Key!, victim.Basis));
                if (attempt % 3 != 2)
                {
                    continue;
                }

                Dictionary<string, uint> before = EngineHarness.Generations(_engine);
                PddbStatus retry = _engine.Sync();
                Dictionary<string, uint> after = EngineHarness.Generations(_engine);
                foreach (string basis in _model.Open)
                {
                    if (retry == PddbStatus.Ok || after[basis] != before[basis])
                    {
                        _model.MarkSynced(basis);
                    }
                }

                if (retry == PddbStatus.Ok)
                {
                    FullCheck("after recovering from a full flash");
                    return;
                }

                Assert.True(retry is PddbStatus.NoSpace or PddbStatus.RefillNotApproved, $"{Where}: sync while recovering: {retry}");
                if (retry == PddbStatus.RefillNotApproved)
                {
                    UnlockAll();
                }
            }

            Assert.Fail($"{Where}: could not recover from a full flash ({_engine.FreePages} pages in the free-space cache)");
        }

        /// <summary>Fills the flash with 40 KB values in one basis, a sync after each, until NoSpace.</summary>
        private void Flood()
        {
            if (_rng.Next(2) == 0)
            {
                return; // half as often as the mix says: a flood is ~80 syncs
            }

            Floods++;
            UnlockAll();
            string basis = _model.Open[_rng.Next(_model.Open.Count)];
            if (_model.CreateDictionary("flood", basis) == PddbStatus.Ok)
            {
                Assert.Equal(PddbStatus.Ok, _engine.CreateDictionary("flood", basis));
            }

            for (int i = 0; i < 500; i++)
            {
                byte[] value = EngineHarness.Value(_rng, 40_000);
                string key = "f" + i.ToString();
                Assert.Equal(_model.Write("flood", key, value, basis), _engine.WriteKey("flood", key, value, basis));
                if (Sync() != PddbStatus.Ok)
                {
                    break;
                }
            }

            // Give most of it back (the recovery already freed some).
            if (_model.ListKeys("flood", basis, out HashSet<string> keys) == PddbStatus.Ok)
            {
                foreach (string key in keys.Take(keys.Count * 3 / 4).ToList())
                {
                    Assert.Equal(_model.DeleteKey("flood", key, basis), _engine.DeleteKey("flood", key, basis));
                }
            }

            Sync();
        }

        private void Remount()
        {
            Remounts++;
            Trace("remount");
            _engine.Dispose();
            _random.Dispose();
            _model.Remount();
            _random = EngineHarness.Random((ulong)_rng.NextInt64());
            _engine = EngineHarness.Mount(_flash, _random, _options);
            Assert.False(_engine.FreeSpaceCacheRebuilt, $"{Where}: the free-space cache had to be rebuilt after a clean dispose");
            FullCheck("after remount");
            foreach (string name in s_secretNames.Where(_model.Exists).OrderBy(_ => _rng.Next()))
            {
                if (_rng.Next(3) != 0)
                {
                    UnlockBasis(name);
                }
            }

            FullCheck("after remount and unlocks");
        }

        private void CreateBasis()
        {
            BasisOps++;
            string name = s_secretNames[_rng.Next(s_secretNames.Length)];
            PddbStatus expected = _model.Exists(name) ? PddbStatus.AlreadyExists : PddbStatus.Ok;
            PddbStatus status = _engine.CreateBasis(name, Password(name));
            if (status is PddbStatus.NoSpace or PddbStatus.RefillNotApproved && expected == PddbStatus.Ok)
            {
                CountFailure(status);
                Recover(status);
                return;
            }

            Assert.True(expected == status, $"{Where}: create basis {name}: engine {status}, model {expected}");
            if (status == PddbStatus.Ok)
            {
                _model.CreateBasis(name, "pw-" + name);
            }
        }

        private void Unlock()
        {
            BasisOps++;
            string name = s_secretNames[_rng.Next(s_secretNames.Length)];
            if (_rng.Next(4) == 0)
            {
                WrongPasswords++;
                PddbStatus wrong = _engine.UnlockBasis(name, "not-the-password"u8);
                Assert.True(wrong == (_model.IsOpen(name) ? PddbStatus.BasisAlreadyOpen : PddbStatus.NotFound), $"{Where}: wrong password for {name}: {wrong}");
            }

            UnlockBasis(name);
        }

        private void UnlockBasis(string name)
        {
            PddbStatus expected = _model.IsOpen(name) ? PddbStatus.BasisAlreadyOpen : _model.Exists(name) ? PddbStatus.Ok : PddbStatus.NotFound;
            PddbStatus status = _engine.UnlockBasis(name, Password(name));
            Assert.True(expected == status, $"{Where}: unlock {name}: engine {status}, model {expected}");
            if (status == PddbStatus.Ok)
            {
                _model.Unlock(name);
                string? difference = PddbModel.Difference(EngineHarness.ReadContents(_engine, name), _model.Current(name));
                Assert.True(difference is null, $"{Where}: unlocked {name}: {difference}\n" + string.Join("\n", _trace.TakeLast(80)));
                Trace($"unlock {name}");
            }
        }

        private void UnlockAll()
        {
            foreach (string name in s_secretNames)
            {
                if (_model.Exists(name) && !_model.IsOpen(name))
                {
                    UnlockBasis(name);
                }
            }
        }

        private void Lock()
        {
            BasisOps++;
            string name = s_secretNames[_rng.Next(s_secretNames.Length)];
            Dictionary<string, uint> before = EngineHarness.Generations(_engine);
            PddbStatus status = _engine.LockBasis(name);
            if (!_model.IsOpen(name))
            {
                Assert.Equal(PddbStatus.BasisNotOpen, status);
                return;
            }

            if (status is PddbStatus.NoSpace or PddbStatus.RefillNotApproved)
            {
                Assert.Equal(before[name], EngineHarness.Generations(_engine)[name]);
                CountFailure(status);
                Recover(status);
                return;
            }

            Assert.True(status == PddbStatus.Ok, $"{Where}: lock {name}: {status}");
            Trace($"lock {name}");
            _model.Lock(name);
        }

        private void FullCheck(string what)
        {
            FullChecks++;
            EngineHarness.AssertMatchesModel(_engine, _model, Where + " " + what);
            EngineHarness.AssertClean(_engine, Where + " " + what);
        }

        private static byte[] Password(string name) => System.Text.Encoding.UTF8.GetBytes("pw-" + name);
    }

    private sealed class NullSink : IDictionaryEntrySink
    {
        public void Entry(string key, ReadOnlySpan<byte> value)
        {
        }
    }
}

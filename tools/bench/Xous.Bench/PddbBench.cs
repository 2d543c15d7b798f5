using System.Diagnostics;
using System.Globalization;
using Xous.Crypto;
using Xous.Hal;
using Xous.Hal.Hosted;
using Xous.Hal.Simulation;
using Xous.Pddb;
using Xous.Pddb.Format;

namespace Xous.Bench;

/// <summary>
/// <c>Xous.Bench pddb [--quick] [--root DIR]</c>: the PDDB engine (pddb/Xous.Pddb.Core) on a full-size image of
/// <see cref="PddbLayout.PrecursorPages"/> pages — mount time with 1,000 and 10,000 keys without and with the PIN KDF,
/// 500 small records read one by one and in one bulk call, 1,000 small keys written and synced, flash bytes written
/// per byte stored — each beside a baseline measured in the same run; and instructions on RV32 for the mount scan and
/// a bulk read. Method: tools/bench/pddb/README.md.
/// </summary>
internal static partial class PddbBench
{
    private const string ProgramsProject = "tools/bench/pddb/Xous.Bench.Pddb.Programs/Xous.Bench.Pddb.Programs.csproj";
    private const string Records = "records";
    private const int RecordCount = 500;
    private const int ValueBytes = 64;
    private const int WrittenKeys = 1_000;
    private const int SyncedEachKeys = 100;
    private const ulong DeviceDna = 0x0123_4567_89AB_CDEF;

    /// <summary>Runs the suite; writes docs/benchmarks.md unless <paramref name="quick"/>. Returns the exit status.</summary>
    public static int Run(string root, bool quick)
    {
        int repetitions = quick ? 3 : 9;
        var table = new List<string>();
        void Row(string line)
        {
            Console.WriteLine(line);
            table.Add(line);
        }

        byte[] seed = new byte[32];
        seed[0] = 0x50;
        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(seed));
        using DeviceSecrets secrets = DeviceSecrets.Generate(random);
        byte[] pin = "314159"u8.ToArray();
        byte[] user0 = new byte[32];
        RootKeys.DeriveUser0(pin, secrets, user0, BasisKeyDerivation.BcryptCost);

        Console.WriteLine($"==> host: building two {PddbLayout.PrecursorPages:N0}-page images (98 MiB, fast format: page table noised, data pages left erased)");
        var build = Stopwatch.StartNew();
        SimulatedFlash small = BuildImage(1_000, random, user0);
        SimulatedFlash large = BuildImage(10_000, random, user0);
        Console.WriteLine($"    built in {build.Elapsed.TotalSeconds:F1} s");
        var geometry = new PddbGeometry(PddbLayout.PrecursorPages);

        Row($"| figure (image of {PddbLayout.PrecursorPages:N0} pages) | median of {repetitions} | baseline, same run | baseline median | ratio |");
        Row("|---|---:|---|---:|---:|");

        // Mount: the floor is reading the whole page table and decrypting it (every mount scans all of it).
        foreach ((SimulatedFlash flash, string keys) in new[] { (small, "1,000"), (large, "10,000") })
        {
            long programmedBefore = flash.BytesProgrammed;
            (double mount, double floor) = Paired(repetitions, () => MountOnce(flash, random, null, user0, null), () => PageTableFloor(flash, geometry));
            string writes = flash.BytesProgrammed == programmedBefore ? "" : $" (mount wrote {flash.BytesProgrammed - programmedBefore:N0} bytes)";
            Row(Line($"mount, {keys} keys, User0 key given (no KDF), SimulatedFlash{writes}", mount, "read page table + AES-decrypt it", floor));
            (double mountKdf, double kdfFloor) = Paired(
                repetitions,
                () => MountOnce(flash, random, pin, user0, secrets),
                () => Time(() => RootKeys.DeriveUser0(pin, secrets, new byte[32], BasisKeyDerivation.BcryptCost)) + PageTableFloor(flash, geometry));
            Row(Line($"mount, {keys} keys, with the PIN KDF (bcrypt cost 7), SimulatedFlash", mountKdf, "KDF alone + page-table floor", kdfFloor));
        }

        // The same mounts on an image file (FileFlash), warm in the OS page cache.
        string folder = Path.Combine(Path.GetTempPath(), "xous-bench-pddb-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            foreach ((SimulatedFlash flash, string keys) in new[] { (small, "1,000"), (large, "10,000") })
            {
                string path = Path.Combine(folder, "pddb-" + keys.Replace(",", "", StringComparison.Ordinal) + ".bin");
                File.WriteAllBytes(path, flash.Snapshot());
                using FileFlash file = FileFlash.Open(path);
                (double mount, double floor) = Paired(repetitions, () => MountOnce(file, random, null, user0, null), () => PageTableFloor(file, geometry));
                Row(Line($"mount, {keys} keys, no KDF, FileFlash (image file in the page cache)", mount, "read page table + AES-decrypt it", floor));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Reads: 500 records of 64 bytes, one ReadKey per record beside one BulkRead, each right after a fresh mount.
        (double oneByOne, double bulk) = Paired(
            repetitions,
            () => WithMount(small, random, user0, engine => Time(() => ReadEach(engine))),
            () => WithMount(small, random, user0, engine => Time(() => BulkRead(engine))));
        double cached = Median(repetitions, () => WithMount(small, random, user0, engine =>
        {
            ReadEach(engine);
            return Time(() => ReadEach(engine));
        }));
        Row(Line($"read {RecordCount} records of {ValueBytes} B one by one (ReadKey), first read after mount", oneByOne, "one BulkRead of the same dictionary", bulk));
        Row(Line($"read {RecordCount} records one by one, second pass (values cached)", cached, "one BulkRead (first after mount)", bulk));

        // Writes: 1,000 small keys into a new dictionary, then one sync; and 100 keys each followed by a sync.
        byte[] snapshot = small.Snapshot();
        var written = WriteAndSync(snapshot, random, user0, repetitions, WrittenKeys, syncEach: false);
        Row(Line($"write {WrittenKeys:N0} keys of {ValueBytes} B + one sync ({written.BytesProgrammed / 1024.0:N0} KiB programmed, {written.Erases:N0} erases)", written.Milliseconds,
            $"raw: {written.Erases:N0} erases + {written.Pages:N0} pages programmed", written.RawMilliseconds));
        var each = WriteAndSync(snapshot, random, user0, repetitions, SyncedEachKeys, syncEach: true);
        Row(Line($"write {SyncedEachKeys} keys of {ValueBytes} B, sync after each ({each.BytesProgrammed / 1024.0:N0} KiB programmed, {each.Erases:N0} erases)", each.Milliseconds,
            $"raw: {each.Erases:N0} erases + {each.Pages:N0} pages programmed", each.RawMilliseconds));
        Row(string.Create(CultureInfo.InvariantCulture,
            $"| flash bytes programmed per value byte stored: {WrittenKeys:N0} keys + one sync | {written.BytesProgrammed / (double)(WrittenKeys * ValueBytes):F1} | value bytes | {WrittenKeys * ValueBytes:N0} B | {written.BytesProgrammed:N0} B programmed |"));
        Row(string.Create(CultureInfo.InvariantCulture,
            $"| flash bytes programmed per value byte stored: sync after each key | {each.BytesProgrammed / (double)(SyncedEachKeys * ValueBytes):F1} | value bytes | {SyncedEachKeys * ValueBytes:N0} B | {each.BytesProgrammed:N0} B programmed |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    (one-by-one ÷ bulk = {oneByOne / bulk:F2}; per record: one by one {oneByOne * 1000 / RecordCount:F1} µs, bulk {bulk * 1000 / RecordCount:F1} µs; write+sync per key {written.Milliseconds * 1000 / WrittenKeys:F1} µs)"));

        var rv32 = new List<string>();
        int status = Rv32(root, geometry, rv32);
        table.Add("");
        table.AddRange(rv32);
        if (!quick && status == 0)
        {
            string file = Path.Combine(root, "docs", "benchmarks.md");
            BenchmarkFile.Replace(file, "pddb", BenchmarkFile.Section(
                "./xous bench pddb",
                "Host (Release, .NET): two images of " + PddbLayout.PrecursorPages.ToString("N0", CultureInfo.InvariantCulture) +
                " pages (98 MiB, PddbLayout.PrecursorPages) built once per run on SimulatedFlash with a fast format (the page " +
                "table is noised, data pages are left erased: the figures below do not depend on the noise), holding 1,000 and " +
                "10,000 keys of 64 bytes in the .System basis (dictionary \"records\" of 500 keys plus filler dictionaries of " +
                "up to 1,000). Each figure is the median of " + repetitions.ToString(CultureInfo.InvariantCulture) + " repetitions " +
                "after one untimed warm-up, beside a baseline measured in the same run (mounts and reads interleaved with their baseline, repetition by repetition); ratio = figure ÷ baseline. Mount " +
                "baseline: reading the whole page table from the same flash and AES-256-decrypting it in one DecryptBlocks " +
                "call, the floor of any mount. Writes start from a fresh copy of the 1,000-key image each time; their baseline " +
                "is as many erases plus the programmed bytes as whole pages, straight on a SimulatedFlash (memory speed on a PC; on the device each erase takes milliseconds, so the erase count matters more there). RV32: tools/ilcompiler + gcc -O2 " +
                "-march=rv32imac, QEMU virt with -icount shift=0 (exact instruction counts), each result checked against the " +
                "CLR's; differences of two kernels isolate one step. Anchors: Xous mounts its PDDB in \"a couple of seconds\" " +
                "on a Precursor, and its vault spent ~3.5 s per record before the PDDB had a bulk read (issue #260). " +
                "Method: tools/bench/pddb/README.md.",
                table));
            Console.WriteLine("figures written to " + file);
        }

        return status;
    }

    private static SimulatedFlash BuildImage(int keys, PddbRandom random, byte[] user0)
    {
        var flash = new SimulatedFlash(PddbLayout.PrecursorPages);
        PddbEngine.Format(flash, random, user0, DeviceDna, null, fast: true);
        Require(PddbEngine.Mount(flash, random, user0, DeviceDna, null, out PddbEngine? engine), "mount of the fresh image");
        byte[] value = new byte[ValueBytes];
        var values = new Random(keys);
        Require(engine!.CreateDictionary(Records), "create dictionary");
        int filler = -1;
        for (int i = 0; i < keys; i++)
        {
            string dictionary = Records;
            string key = "r" + i.ToString("D5", CultureInfo.InvariantCulture);
            if (i >= RecordCount)
            {
                int chunk = (i - RecordCount) / 1_000;
                dictionary = "filler" + chunk.ToString("D2", CultureInfo.InvariantCulture);
                if (chunk != filler)
                {
                    Require(engine.CreateDictionary(dictionary), "create dictionary");
                    filler = chunk;
                }
            }

            values.NextBytes(value);
            Require(engine.WriteKey(dictionary, key, value), "write");
        }

        Require(engine.Sync(), "sync");
        engine.Dispose();
        return flash;
    }

    /// <summary>The floor of a mount: the page table read from <paramref name="flash"/> and decrypted (key schedule included).</summary>
    private static double PageTableFloor(IFlashPages flash, PddbGeometry geometry)
    {
        byte[] key = new byte[32];
        key[0] = 1;
        var clock = Stopwatch.StartNew();
        byte[] raw = new byte[geometry.DataPageCount * PddbLayout.PageTableEntrySize];
        flash.Read(0, raw);
        byte[] plain = new byte[raw.Length];
        using (var cipher = new Aes(key))
        {
            cipher.DecryptBlocks(raw, plain);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>One mount (with the KDF first when <paramref name="pin"/> is given), timed; the engine is closed untimed.</summary>
    private static double MountOnce(IFlashPages flash, PddbRandom random, byte[]? pin, byte[] user0, DeviceSecrets? secrets)
    {
        var clock = Stopwatch.StartNew();
        byte[] key = user0;
        if (pin is not null)
        {
            key = new byte[32];
            RootKeys.DeriveUser0(pin, secrets!, key, BasisKeyDerivation.BcryptCost);
        }

        Require(PddbEngine.Mount(flash, random, key, DeviceDna, null, out PddbEngine? engine), "mount");
        double elapsed = clock.Elapsed.TotalMilliseconds;
        engine!.Dispose();
        return elapsed;
    }

    private static double WithMount(IFlashPages flash, PddbRandom random, byte[] user0, Func<PddbEngine, double> measure)
    {
        Require(PddbEngine.Mount(flash, random, user0, DeviceDna, null, out PddbEngine? engine), "mount");
        try
        {
            return measure(engine!);
        }
        finally
        {
            engine!.Dispose();
        }
    }

    private static void ReadEach(PddbEngine engine)
    {
        byte[] buffer = new byte[ValueBytes];
        for (int i = 0; i < RecordCount; i++)
        {
            Require(engine.ReadKey(Records, "r" + i.ToString("D5", CultureInfo.InvariantCulture), 0, buffer, out int read), "read");
            if (read != ValueBytes)
            {
                throw new InvalidOperationException("a record read back short");
            }
        }
    }

    private static void BulkRead(PddbEngine engine)
    {
        var sink = new CountingSink();
        Require(engine.BulkRead(Records, sink, out int entries), "bulk read");
        if (entries != RecordCount || sink.Bytes != RecordCount * ValueBytes)
        {
            throw new InvalidOperationException("the bulk read returned " + entries + " entries");
        }
    }

    private static WriteFigures WriteAndSync(byte[] snapshot, PddbRandom random, byte[] user0, int repetitions, int keys, bool syncEach)
    {
        var times = new List<double>();
        long bytesProgrammed = 0, erases = 0;
        byte[] value = new byte[ValueBytes];
        for (int round = 0; round <= repetitions; round++)
        {
            SimulatedFlash flash = SimulatedFlash.FromImage(snapshot);
            Require(PddbEngine.Mount(flash, random, user0, DeviceDna, null, out PddbEngine? engine), "mount");
            long programmed = flash.BytesProgrammed, erased = flash.TotalEraseCount;
            var clock = Stopwatch.StartNew();
            Require(engine!.CreateDictionary("written"), "create dictionary");
            for (int i = 0; i < keys; i++)
            {
                value[0] = (byte)i;
                value[1] = (byte)(i >> 8);
                Require(engine.WriteKey("written", "w" + i.ToString("D5", CultureInfo.InvariantCulture), value), "write");
                if (syncEach)
                {
                    Require(engine.Sync(), "sync");
                }
            }

            Require(engine.Sync(), "sync");
            double elapsed = clock.Elapsed.TotalMilliseconds;
            engine.Dispose();
            if (round > 0)
            {
                times.Add(elapsed);
            }

            bytesProgrammed = flash.BytesProgrammed - programmed;
            erases = flash.TotalEraseCount - erased;
        }

        int pages = (int)((bytesProgrammed + PddbLayout.PageSize - 1) / PddbLayout.PageSize);
        // The same number of erases, and the programmed bytes as whole pages, straight on a flash of the same kind.
        int sectors = (int)Math.Max(pages, erases);
        double raw = Median(repetitions, () =>
        {
            var scratch = new SimulatedFlash(sectors);
            byte[] page = new byte[PddbLayout.PageSize];
            page[0] = 0x5A;
            var clock = Stopwatch.StartNew();
            for (int sector = 0; sector < erases; sector++)
            {
                scratch.Erase(sector);
            }

            for (int sector = 0; sector < pages; sector++)
            {
                scratch.ProgramSector(sector, page);
            }

            return clock.Elapsed.TotalMilliseconds;
        });
        return new WriteFigures(MedianOf(times), raw, bytesProgrammed, erases, pages);
    }

    /// <summary>
    /// A figure and its baseline, interleaved (figure, baseline, figure, …) so that both see the same machine state:
    /// one untimed warm-up of each, then the median of <paramref name="repetitions"/> timings of each (milliseconds).
    /// </summary>
    private static (double Figure, double Baseline) Paired(int repetitions, Func<double> figure, Func<double> baseline)
    {
        figure();
        baseline();
        var figures = new List<double>();
        var baselines = new List<double>();
        for (int i = 0; i < repetitions; i++)
        {
            figures.Add(figure());
            baselines.Add(baseline());
        }

        return (MedianOf(figures), MedianOf(baselines));
    }

    /// <summary>One untimed warm-up, then the median of <paramref name="repetitions"/> timings (milliseconds).</summary>
    private static double Median(int repetitions, Func<double> once)
    {
        once();
        var times = new List<double>();
        for (int i = 0; i < repetitions; i++)
        {
            times.Add(once());
        }

        return MedianOf(times);
    }

    private static double MedianOf(List<double> times)
    {
        times.Sort();
        return times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Line(string figure, double milliseconds, string baseline, double baselineMilliseconds) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {figure} | {Format(milliseconds)} | {baseline} | {Format(baselineMilliseconds)} | {milliseconds / baselineMilliseconds:F2}× |");

    private static string Format(double milliseconds) =>
        milliseconds >= 10 ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds:F0} ms")
        : milliseconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds:F2} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{milliseconds * 1000:F0} µs");

    private static void Require(PddbStatus status, string what)
    {
        if (status != PddbStatus.Ok)
        {
            throw new InvalidOperationException("bench pddb: " + what + " failed: " + status.ToString());
        }
    }

    private sealed class CountingSink : IDictionaryEntrySink
    {
        public long Bytes { get; private set; }

        public void Entry(string key, ReadOnlySpan<byte> value) => Bytes += value.Length;
    }

    private sealed record WriteFigures(double Milliseconds, double RawMilliseconds, long BytesProgrammed, long Erases, int Pages);
}

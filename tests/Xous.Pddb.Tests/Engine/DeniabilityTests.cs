using System.Text;
using Xous.Crypto;
using Xous.Hal.Simulation;
using Xous.Pddb.Format;
using Xous.Pddb.Storage;
using Xunit.Abstractions;

namespace Xous.Pddb.Tests.Engine;

/// <summary>
/// Deniability (reference §5.8): an image holding three locked secret bases (A) must not be told apart from an image
/// with no secret basis and the same number of used pages (B) by anyone holding the PIN — the regions that person
/// cannot account for look like noise, and no statistic separates A from B more than two independent B images differ.
/// </summary>
public class DeniabilityTests
{
    private const int FlashPages = PddbLayout.HostedPages;
    private const ulong DeviceDna = 0x5EED_D2D2_0000_0042;
    private const int ExtraBImages = 7;

    /// <summary>t-distribution 0.9995 quantile for ExtraBImages degrees of freedom (8 B images): two-sided p = 1e-3.</summary>
    private const double PredictionT = 5.408;

    private static readonly string[] s_secretNames = { "ZephyrQuasarNine", "MarmaladeHarbour", "ObsidianTulipGate" };
    private static readonly string[] s_passwords = { "correct horse battery", "hunter2-but-longer", "Tr0ub4dor&3 again" };
    private static readonly Lazy<BuiltImage> s_sharedImageA = new(() => BuildA(seed: 1001));

    private readonly ITestOutputHelper _output;

    public DeniabilityTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void ImageWithSecretBasesIsStatisticallyIndistinguishableFromOneWithout()
    {
        BuiltImage a = s_sharedImageA.Value;
        // B images are independent (own flash, random and engine): build them in parallel. Image B_i also rewrites a
        // .System key 4·i times before filling, so that the family spans different usage histories as independent
        // real images would (the FSCB log length depends on the history, not on the randomness).
        BuiltImage[] bArray = new BuiltImage[ExtraBImages + 1];
        Parallel.For(0, bArray.Length, i => bArray[i] = BuildB(seed: 2001 + i, a.UsedPages, extraRewrites: 4 * i));
        var bImages = bArray.ToList();

        _output.WriteLine(FormattableString.Invariant(
            $"[counts] image A: used pages = {a.UsedPages} (.System {a.SystemPages.Count}, 3 secret bases {a.UsedPages - a.SystemPages.Count}); image B: .System {bImages[0].SystemPages.Count} pages; {ExtraBImages} extra B images"));
        _output.WriteLine(FormattableString.Invariant(
            $"[counts] chi-square acceptance band (255 dof, p = 1e-6): [{RegionStatistics.ChiSquareBand.Low:F1}, {RegionStatistics.ChiSquareBand.High:F1}]"));

        Dictionary<string, RegionStatistics> statsA = Regions(a);
        var statsB = bImages.Select(Regions).ToList();
        foreach (RegionStatistics region in statsA.Values)
        {
            _output.WriteLine(region.Format("A"));
        }

        for (int i = 0; i < statsB.Count; i++)
        {
            foreach (RegionStatistics region in statsB[i].Values)
            {
                _output.WriteLine(region.Format(i == 0 ? "B" : "B" + i.ToString()));
            }
        }

        var failures = new List<string>();

        // 1. Randomness of A's regions that the PIN holder cannot account for.
        foreach (string name in new[] { "data not .System", "page table", "FSCB (non-blank)", "whole image (non-blank)" })
        {
            RequireRandom(statsA[name], failures);
        }

        RegionStatistics mbbb = statsA["MBBB"];
        if (mbbb.BlankPageShare != 1.0)
        {
            // The MBBB is erased after every page-table rewrite cycle: a non-blank page would be a torn rewrite.
            failures.Add("A MBBB: " + mbbb.BlankPageShare.ToString("F3") + " of its pages are blank, expected all");
        }

        if (statsA["data not .System"].BlankPageShare != 0)
        {
            failures.Add("A: erased (all-0xFF) data pages outside .System (free space must be noise)");
        }

        // 2. A against B: each statistic of A lies in the band that the B images span, widened by their range.
        foreach (string region in statsA.Keys)
        {
            IReadOnlyList<(string Name, double Value)> valuesA = statsA[region].Values;
            for (int s = 0; s < valuesA.Count; s++)
            {
                // A prediction interval from the B images: a new independent image falls outside
                // mean ± t·s·sqrt(1 + 1/n) with probability 1e-3; never narrower than the B images' own range.
                double[] b = statsB.Select(x => x[region].Values[s].Value).ToArray();
                double mean = b.Average();
                double sd = Math.Sqrt(b.Sum(x => (x - mean) * (x - mean)) / (b.Length - 1));
                double half = Math.Max(PredictionT * sd * Math.Sqrt(1 + (1.0 / b.Length)), Math.Max(b.Max() - mean, mean - b.Min()));
                half = Math.Max(half, Floor(valuesA[s].Name));
                double value = valuesA[s].Value;
                bool inside = Math.Abs(value - mean) <= half;
                _output.WriteLine(FormattableString.Invariant(
                    $"[counts] A-vs-B {region} {valuesA[s].Name}: A={value:G6} B={b[0]:G6} |A-B|={Math.Abs(value - b[0]):G4} B-range=[{b.Min():G6},{b.Max():G6}] accept={mean:G6}±{half:G4} {(inside ? "ok" : "SEPARATES")}"));
                if (!inside)
                {
                    failures.Add(FormattableString.Invariant(
                        $"{region} {valuesA[s].Name}: A = {value:G6} is outside {mean:G6} ± {half:G4}, where {b.Length} independent B images fall"));
                }
            }
        }

        Assert.True(failures.Count == 0, "deniability statistics:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void WrongPasswordAndUnknownBasisLookTheSame()
    {
        BuiltImage a = s_sharedImageA.Value;
        var flash = SimulatedFlash.FromImage(a.Image);
        var counting = new CountingFlash(flash);
        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(Seed(77)));
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(counting, random, User0(), DeviceDna, null, out PddbEngine? engine));
        using (engine)
        {
            byte[] before = flash.Snapshot();
            long operations = flash.OperationCount;

            counting.Reset();
            PddbStatus wrongPassword = engine!.UnlockBasis(s_secretNames[1], Encoding.UTF8.GetBytes("not the password"));
            (long reads, long bytes, long writes, int[] pages) wrong = (counting.Reads, counting.BytesRead, counting.Writes, counting.PagesRead.ToArray());

            counting.Reset();
            PddbStatus unknownBasis = engine.UnlockBasis("NoSuchBasisAnywhere", Encoding.UTF8.GetBytes(s_passwords[1]));
            (long reads, long bytes, long writes, int[] pages) unknown = (counting.Reads, counting.BytesRead, counting.Writes, counting.PagesRead.ToArray());

            _output.WriteLine($"[counts] wrong password: status {wrongPassword}, {wrong.reads} reads, {wrong.bytes} bytes read, {wrong.writes} writes");
            _output.WriteLine($"[counts] unknown basis:  status {unknownBasis}, {unknown.reads} reads, {unknown.bytes} bytes read, {unknown.writes} writes");

            Assert.Equal(PddbStatus.NotFound, wrongPassword);
            Assert.Equal(PddbStatus.NotFound, unknownBasis);
            Assert.Equal(wrong.reads, unknown.reads);
            Assert.Equal(wrong.bytes, unknown.bytes);
            Assert.Equal(wrong.pages, unknown.pages);
            Assert.Equal(0, wrong.writes);
            Assert.Equal(0, unknown.writes);
            Assert.Equal(operations, flash.OperationCount);
            Assert.True(before.AsSpan().SequenceEqual(flash.Snapshot()), "a failed unlock changed the flash");

            // The right password still opens it (so the wrong-password case really named an existing basis).
            Assert.Equal(PddbStatus.Ok, engine.UnlockBasis(s_secretNames[1], Encoding.UTF8.GetBytes(s_passwords[1])));
            byte[] buffer = new byte[256];
            Assert.Equal(PddbStatus.Ok, engine.ReadKey("vault", "note", 0, buffer, out int read, basis: s_secretNames[1]));
            Assert.Equal(Marker("secret-1-note"), Encoding.UTF8.GetString(buffer, 0, read));
        }
    }

    [Fact]
    public void ImageHoldsNoNamesNoPlaintextAndNoBasisCount()
    {
        BuiltImage a = s_sharedImageA.Value;
        var searched = new List<string>();
        var found = new List<string>();
        var needles = new List<string>(s_secretNames) { PddbLayout.SystemBasisName, PddbLayout.FastSpaceName, "vault", "sys.prefs", "sys.fill" };
        needles.AddRange(s_passwords);
        needles.AddRange(a.Markers);
        foreach (string needle in needles)
        {
            foreach ((string encoding, byte[] bytes) in new[]
            {
                ("UTF-8", Encoding.UTF8.GetBytes(needle)),
                ("UTF-16LE", Encoding.Unicode.GetBytes(needle)),
                ("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(needle)),
            })
            {
                searched.Add(encoding + " '" + needle + "'");
                int hits = RegionStatistics.CountOccurrences(a.Image, bytes);
                if (hits > 0)
                {
                    found.Add($"{encoding} '{needle}' ×{hits}");
                }
            }
        }

        // Length-prefixed name fields as the basis root stores them ({len u8, data}), and the basis count as
        // u32/u16 LE/BE (3 secret bases, 4 with .System): a 4-byte pattern occurs by chance in 4 MiB with
        // probability about 1e-3, so more than one occurrence would be a finding.
        foreach (string name in s_secretNames)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(name);
            byte[] field = new byte[utf8.Length + 1];
            field[0] = (byte)utf8.Length;
            utf8.CopyTo(field, 1);
            searched.Add("length-prefixed '" + name + "'");
            if (RegionStatistics.CountOccurrences(a.Image, field) > 0)
            {
                found.Add("length-prefixed '" + name + "'");
            }
        }

        var countHits = new List<string>();
        foreach (uint count in new uint[] { 3, 4 })
        {
            byte[] le = BitConverter.GetBytes(count);
            byte[] be = Enumerable.Reverse(le).ToArray();
            int hitsLe = RegionStatistics.CountOccurrences(a.Image, le);
            int hitsBe = RegionStatistics.CountOccurrences(a.Image, be);
            searched.Add($"u32 {count} LE/BE");
            countHits.Add($"u32 {count}: LE ×{hitsLe}, BE ×{hitsBe}");
            if (hitsLe > 1 || hitsBe > 1)
            {
                found.Add($"u32 {count} (LE ×{hitsLe}, BE ×{hitsBe})");
            }
        }

        _output.WriteLine($"[counts] plaintext search: {searched.Count} patterns over {a.Image.Length} bytes; hits: {(found.Count == 0 ? "none" : string.Join("; ", found))}");
        _output.WriteLine("[counts] basis-count patterns: " + string.Join("; ", countHits));
        _output.WriteLine("searched: " + string.Join(", ", searched));

        // The search can fail: the markers are in the values (read back to prove they were written).
        Assert.True(a.Markers.Count >= 10);
        Assert.True(found.Count == 0, "found in the raw image: " + string.Join("; ", found));
    }

    [Fact]
    public void PinHolderFindsNoAllocationsOutsideSystemInTheFreeSpaceLog()
    {
        // The examiner's view with the PIN: unwrap the .System keys from the static crypto data page, decrypt every
        // SpaceUpdate record of the FSCB log (reference §5.8: AES-256-ECB under the .System page-table key), replay them
        // and list the data pages whose last record says Used but that .System does not map. Without secret bases
        // there are none; with them, every page a secret basis took since the last compaction would be listed.
        BuiltImage a = s_sharedImageA.Value;
        BuiltImage b = BuildB(seed: 2001, a.UsedPages, extraRewrites: 0);
        (int recordsA, List<int> hiddenA) = ExamineFreeSpaceLog(a);
        (int recordsB, List<int> hiddenB) = ExamineFreeSpaceLog(b);
        _output.WriteLine($"[counts] FSCB log seen with the PIN: A {recordsA} records, {hiddenA.Count} pages Used but not mapped by .System; B {recordsB} records, {hiddenB.Count} such pages");
        // Every sync folds the log (OpenBasis.Sync), so at rest neither image holds a record; the examiner's decryption of
        // records is checked against BouncyCastle in Storage/StorageFormatTests.
        Assert.Equal(0, recordsA);
        Assert.Equal(0, recordsB);
        Assert.Empty(hiddenB);
        Assert.True(hiddenA.Count == 0,
            $"with the PIN, the free-space log shows {hiddenA.Count} data pages allocated (Used, never freed) that .System does not map: evidence of other bases (pages {string.Join(",", hiddenA.Take(12))}…)");
    }

    internal static byte[] Seed(int seed)
    {
        byte[] bytes = new byte[32];
        BitConverter.GetBytes(seed).CopyTo(bytes, 0);
        bytes[31] = 0xD2;
        return bytes;
    }

    internal static byte[] User0()
    {
        byte[] user0 = new byte[32];
        for (int i = 0; i < user0.Length; i++)
        {
            user0[i] = (byte)(0x40 + i);
        }

        return user0;
    }

    private static string Marker(string what) => "MARKER<" + what + ">QX7";

    private static double Floor(string statistic) => statistic switch
    {
        // Compression of incompressible data is deterministic given its length, and the regions of A and B differ
        // in length (A's hidden pages are outside .System): allow the overhead difference between region sizes.
        "deflate" or "brotli" => 2e-4,
        _ => 0,
    };

    private static void RequireRandom(RegionStatistics r, List<string> failures)
    {
        (double low, double high) = RegionStatistics.ChiSquareBand;
        if (r.Bytes < 4096)
        {
            failures.Add($"A {r.Name}: only {r.Bytes} bytes to test");
            return;
        }

        if (r.ChiSquare < low || r.ChiSquare > high)
        {
            failures.Add(FormattableString.Invariant($"A {r.Name}: chi-square {r.ChiSquare:F1} outside [{low:F1}, {high:F1}]"));
        }

        if (r.PagesOutsideBand > 0)
        {
            failures.Add($"A {r.Name}: {r.PagesOutsideBand} pages with chi-square outside the band");
        }

        if (r.DeflateRatio < 0.999 || r.BrotliRatio < 0.999)
        {
            failures.Add(FormattableString.Invariant($"A {r.Name}: compresses (deflate {r.DeflateRatio:F5}, brotli {r.BrotliRatio:F5})"));
        }

        if (r.CorrelationPairs > 0 && Math.Abs(r.PageToPageCorrelation) > 4.8916 / Math.Sqrt(r.CorrelationPairs))
        {
            failures.Add(FormattableString.Invariant($"A {r.Name}: page-to-page correlation {r.PageToPageCorrelation:F5} over {r.CorrelationPairs} pairs"));
        }

        if (r.DuplicateBlocks > 0)
        {
            failures.Add($"A {r.Name}: {r.DuplicateBlocks} repeated 16-byte blocks");
        }
    }

    private static Dictionary<string, RegionStatistics> Regions(BuiltImage image)
    {
        PddbGeometry g = image.Geometry;
        var notSystem = new List<int>();
        for (int dataPage = 0; dataPage < g.DataPageCount; dataPage++)
        {
            if (!image.SystemPages.Contains(dataPage))
            {
                notSystem.Add(g.PageOfData(dataPage));
            }
        }

        var result = new Dictionary<string, RegionStatistics>();
        void Add(RegionStatistics s) => result[s.Name] = s;
        Add(RegionStatistics.Compute("data not .System", image.Image, notSystem, nonBlankOnly: false));
        Add(RegionStatistics.Compute("page table", image.Image, RegionStatistics.Range(0, g.PageTablePages), nonBlankOnly: false));
        Add(RegionStatistics.Compute("FSCB (non-blank)", image.Image, RegionStatistics.Range(g.FreeSpaceCacheFirstPage, PddbLayout.FreeSpaceCachePages), nonBlankOnly: true));
        Add(RegionStatistics.Compute("MBBB", image.Image, RegionStatistics.Range(g.MakeBeforeBreakFirstPage, PddbLayout.MakeBeforeBreakPages), nonBlankOnly: true));
        Add(RegionStatistics.Compute("whole image (non-blank)", image.Image, RegionStatistics.Range(0, g.TotalPages), nonBlankOnly: true));
        return result;
    }

    private static (SimulatedFlash Flash, PddbRandom Random, PddbEngine Engine) FormatAndMount(int seed)
    {
        var flash = new SimulatedFlash(FlashPages);
        var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(Seed(seed)));
        PddbEngine.Format(flash, random, User0(), DeviceDna, null, fast: false);
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, User0(), DeviceDna, null, out PddbEngine? engine));
        return (flash, random, engine!);
    }

    private static void WriteSystemKeys(PddbEngine engine, List<string> markers)
    {
        Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("sys.prefs"));
        for (int i = 0; i < 4; i++)
        {
            string marker = Marker("system-" + i.ToString());
            markers.Add(marker);
            Assert.Equal(PddbStatus.Ok, engine.WriteKey("sys.prefs", "pref" + i.ToString(), Encoding.UTF8.GetBytes(marker)));
        }

        Assert.Equal(PddbStatus.Ok, engine.Sync());
    }

    private static BuiltImage BuildA(int seed)
    {
        var markers = new List<string>();
        (SimulatedFlash flash, PddbRandom random, PddbEngine engine) = FormatAndMount(seed);
        using (random)
        using (engine)
        {
            WriteSystemKeys(engine, markers);
            for (int b = 0; b < s_secretNames.Length; b++)
            {
                string name = s_secretNames[b];
                byte[] password = Encoding.UTF8.GetBytes(s_passwords[b]);
                Assert.Equal(PddbStatus.Ok, engine.CreateBasis(name, password));
                Assert.Equal(PddbStatus.Ok, engine.UnlockBasis(name, password));
                Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("vault", basis: name));
                string note = Marker("secret-" + b.ToString() + "-note");
                markers.Add(note);
                Assert.Equal(PddbStatus.Ok, engine.WriteKey("vault", "note", Encoding.UTF8.GetBytes(note), basis: name));

                // A compressible large value: its plaintext would show up in any statistic if it leaked.
                string bulkMarker = Marker("secret-" + b.ToString() + "-bulk");
                markers.Add(bulkMarker);
                var bulk = new StringBuilder();
                while (bulk.Length < 20_000 + (b * 8_000))
                {
                    bulk.Append(bulkMarker).Append(' ');
                }

                Assert.Equal(PddbStatus.Ok, engine.WriteKey("vault", "bulk", Encoding.UTF8.GetBytes(bulk.ToString()), basis: name));
                for (int k = 0; k < 5; k++)
                {
                    string small = Marker("secret-" + b.ToString() + "-key" + k.ToString());
                    markers.Add(small);
                    Assert.Equal(PddbStatus.Ok, engine.WriteKey("vault", "k" + k.ToString(), Encoding.UTF8.GetBytes(small), basis: name));
                }

                Assert.Equal(PddbStatus.Ok, engine.Sync());
            }

            var stats = new List<PddbBasisStatistics>();
            engine.GetStatistics(stats);
            Assert.Equal(1 + s_secretNames.Length, stats.Count);
            int used = stats.Sum(s => s.MappedPages);
            foreach (string name in s_secretNames)
            {
                Assert.Equal(PddbStatus.Ok, engine.LockBasis(name));
            }

            Assert.Equal(PddbStatus.Ok, engine.Sync());
            return Finish(flash, markers, used);
        }
    }

    private static BuiltImage BuildB(int seed, int targetUsedPages, int extraRewrites)
    {
        var markers = new List<string>();
        (SimulatedFlash flash, PddbRandom random, PddbEngine engine) = FormatAndMount(seed);
        using (random)
        using (engine)
        {
            WriteSystemKeys(engine, markers);
            for (int i = 0; i < extraRewrites; i++)
            {
                Assert.Equal(PddbStatus.Ok, engine.WriteKey("sys.prefs", "pref0", Encoding.UTF8.GetBytes(markers[0] + i.ToString())));
                Assert.Equal(PddbStatus.Ok, engine.Sync());
            }
            Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("sys.fill"));
            Assert.Equal(PddbStatus.Ok, engine.Sync());
            int filler = 0;
            while (true)
            {
                int used = SystemMappedPages(engine);
                int deficit = targetUsedPages - used;
                if (deficit == 0)
                {
                    break;
                }

                Assert.True(deficit > 0, $"image B overshot the fill level: {used} pages, target {targetUsedPages}");
                string marker = Marker("fill-" + filler.ToString());
                markers.Add(marker);
                int size = deficit > 12 ? (deficit - 6) * PddbLayout.VirtualPageSize : 4000;
                var value = new StringBuilder();
                while (value.Length < size)
                {
                    value.Append(marker).Append(' ');
                }

                Assert.Equal(PddbStatus.Ok, engine.WriteKey("sys.fill", "f" + filler.ToString(), Encoding.UTF8.GetBytes(value.ToString(0, size))));
                Assert.Equal(PddbStatus.Ok, engine.Sync());
                filler++;
            }

            return Finish(flash, markers, targetUsedPages);
        }
    }

    private static int SystemMappedPages(PddbEngine engine)
    {
        var stats = new List<PddbBasisStatistics>();
        engine.GetStatistics(stats);
        return stats.Sum(s => s.MappedPages);
    }

    /// <summary>
    /// Snapshots the image, then finds the data pages the PIN holder can account for: mount with the PIN only and run
    /// Check (it reads every page .System maps), recording which data pages were read.
    /// </summary>
    private static BuiltImage Finish(SimulatedFlash flash, List<string> markers, int usedPages)
    {
        byte[] image = flash.Snapshot();
        var copy = SimulatedFlash.FromImage(image);
        var counting = new CountingFlash(copy);
        var geometry = new PddbGeometry(FlashPages);
        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(Seed(99)));
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(counting, random, User0(), DeviceDna, null, out PddbEngine? engine));
        using (engine)
        {
            counting.Reset();
            var problems = new List<string>();
            engine!.Check(problems);
            Assert.Empty(problems);
            var systemPages = new HashSet<int>();
            foreach (int page in counting.PagesRead)
            {
                if (page >= geometry.DataFirstPage)
                {
                    systemPages.Add(page - geometry.DataFirstPage);
                }
            }

            int mapped = SystemMappedPages(engine);
            Assert.True(mapped == systemPages.Count, $"Check read {systemPages.Count} data pages but .System maps {mapped}");
            return new BuiltImage(image, geometry, systemPages, usedPages, markers);
        }
    }

    private static (int Records, List<int> Hidden) ExamineFreeSpaceLog(BuiltImage image)
    {
        PddbGeometry g = image.Geometry;
        ReadOnlySpan<byte> scd = image.Image.AsSpan(g.StaticCryptoDataPage * PddbLayout.PageSize, PddbLayout.PageSize);
        byte[] pageTableKey = new byte[32];
        byte[] dataKey = new byte[32];
        Assert.True(RootKeys.TryUnwrapSystemKeys(
            User0(),
            scd.Slice(StaticCryptoData.SystemPageTableKeyOffset, StaticCryptoData.WrappedKeySize),
            scd.Slice(StaticCryptoData.SystemDataKeyOffset, StaticCryptoData.WrappedKeySize),
            pageTableKey,
            dataKey));
        using var cipher = new Aes(pageTableKey);
        var last = new Dictionary<int, SpaceState>();
        int records = 0;
        for (int p = 0; p < PddbLayout.FreeSpaceCachePages; p++)
        {
            int offset = (g.FreeSpaceCacheFirstPage + p) * PddbLayout.PageSize;
            for (int at = 0; at < PddbLayout.PageSize; at += SpaceUpdateRecord.Size)
            {
                if (SpaceUpdateRecord.TryDecrypt(cipher, image.Image.AsSpan(offset + at, SpaceUpdateRecord.Size), out _, out PhysicalPage page))
                {
                    records++;
                    last[page.PageNumber] = page.State;
                }
            }
        }

        var hidden = last.Where(e => e.Value == SpaceState.Used && !image.SystemPages.Contains(e.Key)).Select(e => e.Key).OrderBy(x => x).ToList();
        return (records, hidden);
    }

    private sealed record BuiltImage(byte[] Image, PddbGeometry Geometry, HashSet<int> SystemPages, int UsedPages, List<string> Markers);
}

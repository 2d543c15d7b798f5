using System.Globalization;
using Xous.Bench.Pddb.Programs;
using Xous.Pddb.Format;

namespace Xous.Bench;

/// <summary>The RV32 half of <c>./xous bench pddb</c>: kernels of tools/bench/pddb/Xous.Bench.Pddb.Programs, each measured whole; steps are differences of two kernels.</summary>
internal static partial class PddbBench
{
    /// <summary>
    /// Heap of the PDDB images: 48 MiB of QEMU virt's 128 MiB (runtime/native's default is 1 MiB, and the smallest
    /// PDDB on a <c>SimulatedFlash</c> is 1 MiB of flash alone).
    /// </summary>
    private const int HeapBytes = 48 * 1024 * 1024;

    /// <summary>These kernels format and mount a whole (small) PDDB: more than the default minute in QEMU.</summary>
    private static readonly TimeSpan s_qemuTimeout = TimeSpan.FromMinutes(5);

    private static readonly (string Name, Type Entry, Func<uint> RunOnHost)[] s_kernels =
    [
        ("pddb-scan-setup", typeof(MountScanSetupProgram), MountScanSetup.Run),
        ("pddb-scan", typeof(MountScanProgram), MountScan.Run),
        ("pddb-prepare", typeof(PrepareImageProgram), PrepareImage.Run),
        ("pddb-mount", typeof(MountImageProgram), MountImage.Run),
        ("pddb-bulk-read", typeof(BulkReadImageProgram), BulkReadImage.Run),
        ("pddb-read-each", typeof(ReadEachImageProgram), ReadEachImage.Run),
    ];

    private static int Rv32(string root, PddbGeometry geometry, List<string> table)
    {
        if (DevicePrograms.Prepare(root, "pddb", ProgramsProject) is not DeviceSuite suite)
        {
            return 1;
        }

        bool miscompiled = false;
        var counts = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, Type entry, Func<uint> runOnHost) in s_kernels)
        {
            uint expected = runOnHost();
            Measurement measured = DevicePrograms.Measure(suite, name, entry.FullName!, expected, ref miscompiled, HeapBytes, s_qemuTimeout);
            if (measured.Problem is string problem)
            {
                problems[name] = problem;
                Console.WriteLine($"    {name,-16} {problem}");
                continue;
            }

            counts[name] = measured.Instructions!.Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name,-16} {measured.Instructions.Value,14:N0} instructions, checksum {expected} ok, {measured.Bytes:N0} code bytes"));
        }

        table.Add("| step on RV32 | instructions | per unit | ms at 100 MHz, 1 instruction per cycle | measured as |");
        table.Add("|---|---:|---:|---:|---|");
        void Step(string what, string minuend, string subtrahend, int units, string unit, string how)
        {
            if (!counts.TryGetValue(minuend, out ulong a) || !counts.TryGetValue(subtrahend, out ulong b))
            {
                string why = problems.GetValueOrDefault(minuend) ?? problems.GetValueOrDefault(subtrahend) ?? "not measured";
                table.Add($"| {what} | — {why} | | | {how} |");
                return;
            }

            long difference = (long)a - (long)b;
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {what} | {difference:N0} | {difference / (double)units:N0} per {unit} | {difference / 100_000.0:F2} | {how} |"));
        }

        int entries = geometry.DataPageCount;
        Step($"mount scan: trial-decrypt {MountScan.Entries:N0} page-table entries (AES DecryptBlocks + TryReadPlain, 1 in {MountScan.ValidEvery} valid)",
            "pddb-scan", "pddb-scan-setup", MountScan.Entries, "entry", "scan kernel − its set-up");
        if (counts.TryGetValue("pddb-scan", out ulong scan) && counts.TryGetValue("pddb-scan-setup", out ulong setup))
        {
            double perEntry = (scan - setup) / (double)MountScan.Entries;
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| EXTRAPOLATION, not measured: the scan of a full {PddbLayout.PrecursorPages:N0}-page PDDB ({entries:N0} entries) | {perEntry * entries:N0} | {perEntry:N0} per entry | {perEntry * entries / 100_000.0:F0} | {MountScan.Entries:N0}-entry figure × {entries:N0} (the scan is linear); once per basis opened |"));
        }

        Step($"whole mount of a {SmallImage.Pages}-page PDDB with {SmallImage.Records} keys (unwrap, scan of {SmallImage.Pages - 125} entries, free-space cache, root, dictionary)",
            "pddb-mount", "pddb-prepare", 1, "mount", "mount kernel − image set-up");
        Step($"BulkRead of {SmallImage.Records} records of {SmallImage.ValueBytes} B, first read after mount",
            "pddb-bulk-read", "pddb-mount", SmallImage.Records, "record", "bulk kernel − mount kernel");
        Step($"ReadKey of the same {SmallImage.Records} records one by one, first read after mount",
            "pddb-read-each", "pddb-mount", SmallImage.Records, "record", "one-by-one kernel − mount kernel");
        if (counts.TryGetValue("pddb-prepare", out ulong prepare))
        {
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| (set-up, for scale: fast format of the {SmallImage.Pages}-page image, {SmallImage.Records} writes, one sync) | {prepare:N0} | | {prepare / 100_000.0:F0} | prepare kernel |"));
        }

        if (miscompiled)
        {
            Console.Error.WriteLine("bench pddb: a kernel gives a different result on the device than on the CLR (see above)");
        }

        foreach (string line in table)
        {
            Console.WriteLine(line);
        }

        return problems.Count > 0 || miscompiled ? 1 : 0;
    }
}

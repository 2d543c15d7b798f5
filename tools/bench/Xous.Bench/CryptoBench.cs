using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Xous.Bench;

/// <summary>
/// <c>Xous.Bench crypto [--quick] [--root DIR]</c> (issue 5, item 5): libs/Xous.Crypto beside BouncyCastle on the host
/// (throughput of each primitive, measured in the same run, as a ratio), and instructions per operation on RV32
/// (the same library compiled by tools/ilcompiler, run in QEMU with an exact instruction counter, each result checked
/// against the CLR's). Method: tools/bench/crypto/README.md.
/// </summary>
internal static class CryptoBench
{
    private const string ProgramsProject = "tools/bench/crypto/Xous.Bench.Crypto.Programs/Xous.Bench.Crypto.Programs.csproj";

    /// <summary>Runs the suite; writes docs/benchmarks.md unless <paramref name="quick"/>. Returns the exit status.</summary>
    public static int Run(string root, bool quick)
    {
        var table = new List<string>();
        void Row(string line)
        {
            Console.WriteLine(line);
            table.Add(line);
        }

        string bouncyCastle = typeof(Org.BouncyCastle.Crypto.IDigest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        Console.WriteLine("==> host: Xous.Crypto beside BouncyCastle.Cryptography " + bouncyCastle);
        TimeSpan budget = TimeSpan.FromMilliseconds(quick ? 100 : 700);
        Row("| primitive | unit | Xous.Crypto | BouncyCastle | ratio (Xous/BC throughput) | goal |");
        Row("|---|---|---:|---:|---:|---|");
        bool goalsMet = true;
        foreach (HostCase row in CryptoCases.Host)
        {
            // Interleaved twice, best of each: the two sides see the same machine state.
            double ours = 0, reference = 0;
            for (int round = 0; round < 2; round++)
            {
                ours = Math.Max(ours, OperationsPerSecond(row.Ours, budget));
                reference = Math.Max(reference, OperationsPerSecond(row.Reference, budget));
            }

            double ratio = ours / reference;
            string goal = row.Goal is double minimum
                ? (ratio >= minimum ? "met" : "NOT met") + $" (≥ {minimum:F1}×)"
                : "—";
            goalsMet &= row.Goal is not double g || ratio >= g;
            Row(string.Create(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Unit} | {Rate(row, ours)} | {Rate(row, reference)} | {ratio:F2}× | {goal} |"));
        }

        var rv32 = new List<string>();
        int status = Rv32(root, rv32);
        table.Add("");
        table.AddRange(rv32);
        if (!quick && status == 0)
        {
            string file = Path.Combine(root, "docs", "benchmarks.md");
            BenchmarkFile.Replace(file, "crypto", BenchmarkFile.Section(
                "./xous bench crypto",
                "Host: operations per second of libs/Xous.Crypto (Release, on .NET) and of BouncyCastle.Cryptography " + bouncyCastle + " doing the same work, " +
                "each measured twice interleaved for " + budget.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) +
                " ms after a warm-up, best of two; the ratio is Xous.Crypto's throughput over BouncyCastle's (above 1 is " +
                "faster). Goals of issue 5: hashes and AES ≥ 0.5×, P-256 signing no slower than 2× (ratio ≥ 0.5). RV32: the " +
                "same library compiled by tools/ilcompiler with gcc -O2 -march=rv32imac, run in QEMU virt; instructions " +
                "retired by one call of each kernel (exact under -icount shift=0), less an empty call, divided by the " +
                "operations in it; each kernel's result checked against the CLR's. Method: tools/bench/crypto/README.md.",
                table));
            Console.WriteLine("figures written to " + file);
        }

        if (!goalsMet)
        {
            Console.WriteLine("bench crypto: a host goal is not met (see the table)");
        }

        return status;
    }

    private static int Rv32(string root, List<string> table)
    {
        if (DevicePrograms.Prepare(root, "crypto", ProgramsProject) is not DeviceSuite suite)
        {
            return 1;
        }

        table.Add("| operation on RV32 | instructions per operation | operations per run | ms at 100 MHz, 1 instruction per cycle | code bytes (kernel and library) |");
        table.Add("|---|---:|---:|---:|---:|");
        bool miscompiled = false;
        bool failed = false;
        var totals = new Dictionary<string, (ulong Instructions, int Units)>(StringComparer.Ordinal);
        foreach (DeviceCase kernel in CryptoCases.Device)
        {
            uint expected = kernel.RunOnHost();
            Measurement measured = DevicePrograms.Measure(suite, kernel.Name, kernel.EntryType, expected, ref miscompiled);
            if (measured.Problem is string problem)
            {
                failed = true;
                Console.WriteLine($"    {kernel.Name,-22} {problem}");
                table.Add($"| {kernel.What} | — {problem} | | | |");
                continue;
            }

            totals[kernel.Name] = (measured.Instructions!.Value, kernel.Units);
            double perOperation = (double)measured.Instructions!.Value / kernel.Units;
            string units = kernel.Units.ToString(CultureInfo.InvariantCulture);
            if (kernel.After is string first)
            {
                (ulong firstInstructions, int firstUnits) = totals[first];
                perOperation = (double)(measured.Instructions.Value - firstInstructions) / (kernel.Units - firstUnits);
                units = $"{kernel.Units} − {firstUnits} ({first})";
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {kernel.Name,-22} {perOperation,14:N0} instructions per operation, checksum {expected} ok"));
            table.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| {kernel.What} | {perOperation:N0} | {units} | {perOperation / 100_000:F3} | {measured.Bytes:N0} |"));
        }

        if (miscompiled)
        {
            Console.Error.WriteLine("bench crypto: a kernel gives a different result on the device than on the CLR (see the table)");
        }

        return failed || miscompiled ? 1 : 0;
    }

    /// <summary>Operations per second of <paramref name="operation"/> over <paramref name="budget"/>, after a warm-up of a fifth of it.</summary>
    private static double OperationsPerSecond(Action operation, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget / 5)
        {
            operation();
        }

        long count = 0;
        clock.Restart();
        while (clock.Elapsed < budget)
        {
            operation();
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static string Rate(HostCase row, double operationsPerSecond) =>
        row.BytesPerOperation > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{operationsPerSecond * row.BytesPerOperation / 1e6:F1} MB/s")
            : string.Create(CultureInfo.InvariantCulture, $"{operationsPerSecond:N0}/s");
}

/// <summary>A host comparison: the same work done by Xous.Crypto and by BouncyCastle.</summary>
/// <param name="Name">The primitive.</param>
/// <param name="Unit">What one operation is.</param>
/// <param name="BytesPerOperation">Bytes processed per operation (throughput shown in MB/s), or 0 (operations per second).</param>
/// <param name="Ours">One operation with Xous.Crypto.</param>
/// <param name="Reference">The same operation with BouncyCastle.</param>
/// <param name="Goal">The smallest acceptable ratio, if the issue sets one.</param>
internal sealed record HostCase(string Name, string Unit, int BytesPerOperation, Action Ours, Action Reference, double? Goal);

/// <summary>An RV32 kernel: the entry class, the operations in one run, and its host twin for the checksum.</summary>
/// <param name="Name">The kernel's name in the console lines.</param>
/// <param name="What">The operation, for the table.</param>
/// <param name="EntryType">The entry class the device compiler starts from.</param>
/// <param name="Units">Operations one run performs.</param>
/// <param name="RunOnHost">The kernel on the CLR: the checksum the device must print.</param>
/// <param name="After">
/// Another kernel that does the first of this kernel's operations alone: the row then shows the operations after the
/// first, (this − that) ÷ (Units − that's Units), e.g. signatures once a table built on first use exists.
/// </param>
internal sealed record DeviceCase(string Name, string What, string EntryType, int Units, Func<uint> RunOnHost, string? After = null);

using System.Globalization;

namespace Xous.Bench;

/// <summary>
/// <c>Xous.Bench ipc [--quick] [--root DIR]</c>: hosted IPC latency (p50/p99) and rate for a BlockingScalar and a
/// 4 KiB MutableBorrow, in-process and over TCP, each beside a bare echo and a kernel-less relay over the same
/// stream type, printed as a markdown table; and the cost of a call without any thread hop (GetProcessId) beside the
/// same bytes through the same pipes on one thread. <c>Xous.Bench compiler [--quick] [--root DIR]</c>: device-profile
/// C# against plain C on RV32 in QEMU (<see cref="CompilerBench"/>). <c>Xous.Bench crypto [--quick] [--root DIR]</c>:
/// libs/Xous.Crypto beside BouncyCastle on the host, and its instructions per operation on RV32 (<see cref="CryptoBench"/>).
/// <c>Xous.Bench pddb [--quick] [--root DIR]</c>: the PDDB engine on a full-size image and on RV32 (<see cref="PddbBench"/>).
/// <c>Xous.Bench ctap [--quick] [--root DIR]</c>: Vault's authenticator over CTAPHID/UDP and ES256 on RV32 (<see cref="CtapBench"/>).
/// <c>Xous.Bench fuzz-ctap [--quick] [--root DIR]</c>: Vault's fuzz targets under afl-fuzz (<see cref="FuzzBench"/>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("ipc" or "compiler" or "crypto" or "pddb" or "ctap" or "fuzz-ctap"))
        {
            Console.Error.WriteLine("usage: Xous.Bench ipc|compiler|crypto|pddb|ctap|fuzz-ctap [--quick] [--root DIR]");
            return 2;
        }

        bool quick = args.Contains("--quick");
        int rootAt = Array.IndexOf(args, "--root");
        string? root = rootAt >= 0 && rootAt + 1 < args.Length ? args[rootAt + 1] : null;
        if (args[0] is "compiler" or "crypto" or "pddb" or "ctap" or "fuzz-ctap")
        {
            // The suite needs the sources, so without --root it looks for the checkout above the working directory.
            root ??= FindRoot();
            if (root is null)
            {
                Console.Error.WriteLine($"bench {args[0]}: no Xous.sln here or above; run it from the repository or pass --root");
                return 2;
            }

            return args[0] switch
            {
                "compiler" => CompilerBench.Run(root, quick),
                "crypto" => CryptoBench.Run(root, quick),
                "ctap" => CtapBench.Run(root, quick),
                "fuzz-ctap" => FuzzBench.Run(root, quick),
                _ => PddbBench.Run(root, quick),
            };
        }

        var table = new List<string>();
        void Row(string line)
        {
            Console.WriteLine(line);
            table.Add(line);
        }

        Row("| scenario | transport | kernel p50 µs | kernel p99 µs | kernel rate/s | echo p50 µs | relay p50 µs | kernel/echo | kernel/relay |");
        Row("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (bool tcp in new[] { false, true })
        {
            int count = quick ? 2_000 : tcp ? 20_000 : 50_000;
            int warmup = count / 5;
            foreach (bool memory in new[] { false, true })
            {
                Latency echo = IpcBench.Echo(tcp, memory, warmup, count);
                Latency relay = IpcBench.Relay(tcp, memory, warmup, count);
                Latency kernel = IpcBench.Kernel(tcp, memory, warmup, count);
                Row(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {(memory ? "MutableBorrow 4 KiB" : "BlockingScalar")} | {(tcp ? "TCP" : "in-process")} | {kernel.P50Microseconds:F1} | {kernel.P99Microseconds:F1} | {kernel.RatePerSecond:F0} | {echo.P50Microseconds:F1} | {relay.P50Microseconds:F1} | {kernel.P50Microseconds / echo.P50Microseconds:F2} | {kernel.P50Microseconds / relay.P50Microseconds:F2} |"));
            }
        }

        int immediateCount = quick ? 10_000 : 200_000;
        Latency immediate = IpcBench.ImmediateCall(immediateCount / 5, immediateCount);
        Latency pipe = IpcBench.SameThreadPipe(immediateCount / 5, immediateCount);
        Row(string.Create(
            CultureInfo.InvariantCulture,
            $"| GetProcessId, no thread hop | in-process | {immediate.P50Microseconds:F2} | {immediate.P99Microseconds:F2} | {immediate.RatePerSecond:F0} | {pipe.P50Microseconds:F2} (same-thread pipe) | | {immediate.P50Microseconds / pipe.P50Microseconds:F2} | |"));
        if (root is not null && !quick)
        {
            string file = Path.Combine(root, "docs", "benchmarks.md");
            BenchmarkFile.Replace(file, "ipc", BenchmarkFile.Section(
                "./xous bench ipc",
                "Round trips through the hosted kernel beside a bare echo and a kernel-less relay over the same stream " +
                "type, measured in the same run (tools/bench/README.md).",
                table));
            Console.WriteLine("figures written to " + file);
        }

        return 0;
    }

    private static string? FindRoot()
    {
        for (DirectoryInfo? directory = new(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Xous.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}

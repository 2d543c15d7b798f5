using System.Diagnostics;
using System.Globalization;

namespace Xous.Bench;

/// <summary>
/// <c>Xous.Bench fuzz-ctap [--quick] [--root DIR]</c>: Vault's fuzz targets under afl-fuzz (SharpFuzz-instrumented
/// Xous.Vault.Core and Xous.Cbor) until about 1,000,000 executions in total (50,000 with --quick), through
/// tests/fuzz/run.sh; per target the executions, their rate, crashes, hangs and the corpus and coverage reached.
/// </summary>
internal static class FuzzBench
{
    private const long TotalExecutions = 1_000_000, QuickExecutions = 50_000;

    /// <summary>Runs the suite; writes docs/benchmarks.md unless <paramref name="quick"/>. Returns the exit status.</summary>
    public static int Run(string root, bool quick)
    {
        long total = quick ? QuickExecutions : TotalExecutions;
        var start = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(Path.Combine(root, "tests", "fuzz", "run.sh"));
        start.Environment["FUZZ_TOTAL_EXECS"] = total.ToString(CultureInfo.InvariantCulture);
        foreach (string name in start.Environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        var stats = new List<string>();
        var clock = Stopwatch.StartNew();
        int status;
        using (Process script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start"))
        {
            script.OutputDataReceived += (_, line) =>
            {
                if (line.Data is null)
                {
                    return;
                }

                Console.WriteLine(line.Data);
                if (line.Data.StartsWith("STATS ", StringComparison.Ordinal))
                {
                    lock (stats)
                    {
                        stats.Add(line.Data);
                    }
                }
            };
            script.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is not null)
                {
                    Console.Error.WriteLine(line.Data);
                }
            };
            script.BeginOutputReadLine();
            script.BeginErrorReadLine();
            script.WaitForExit();
            status = script.ExitCode;
        }

        var table = new List<string>
        {
            "| target | executions | exec/s | crashes | hangs | corpus (paths) | edges | bitmap coverage |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        };
        long executions = 0;
        long crashes = 0, hangs = 0;
        foreach (string line in stats)
        {
            Dictionary<string, string> fields = Fields(line);
            long done = Number(fields, "execs");
            executions += done;
            crashes += Number(fields, "crashes");
            hangs += Number(fields, "hangs");
            double rate = double.TryParse(fields.GetValueOrDefault("rate"), NumberStyles.Float, CultureInfo.InvariantCulture, out double r) ? r : 0;
            table.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| {fields.GetValueOrDefault("target")} | {done:N0} | {rate:N0} | {fields.GetValueOrDefault("crashes")} | {fields.GetValueOrDefault("hangs")} | {fields.GetValueOrDefault("corpus")} | {fields.GetValueOrDefault("edges")} | {fields.GetValueOrDefault("bitmap")} |"));
        }

        table.Add(string.Create(CultureInfo.InvariantCulture, $"| **all** | {executions:N0} | | {crashes} | {hangs} | | | |"));
        Console.WriteLine();
        foreach (string row in table)
        {
            Console.WriteLine(row);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{executions:N0} executions in {clock.Elapsed.TotalSeconds:F0} s"));
        if (stats.Count == 0)
        {
            Console.Error.WriteLine("bench fuzz-ctap: afl-fuzz produced no statistics (see above)");
            return 1;
        }

        if (!quick && executions >= total * 9 / 10)
        {
            string file = Path.Combine(root, "docs", "benchmarks.md");
            BenchmarkFile.Replace(file, "fuzz-ctap", BenchmarkFile.Section(
                "./xous bench fuzz-ctap",
                "afl-fuzz (AFL++) over the SharpFuzz-instrumented Xous.Vault.Core and Xous.Cbor, through tests/fuzz/run.sh " +
                "with FUZZ_TOTAL_EXECS=" + total.ToString(CultureInfo.InvariantCulture) + " (a share per target, two instances at a time), " +
                "starting from tests/fuzz/seeds; each input runs on a freshly powered-up authenticator (RAM store, fixed-seed " +
                "entropy, auto-approved user presence). A crash is an exception escaping the authenticator or CTAPHID, a response " +
                "rule broken (length, canonical CBOR) or more than 4 MiB allocated for one input; a hang is over 2 s. " +
                string.Create(CultureInfo.InvariantCulture, $"Wall time {clock.Elapsed.TotalSeconds:F0} s. Method: tests/fuzz/README.md."),
                table));
            Console.WriteLine("figures written to " + file);
        }

        return status;
    }

    private static Dictionary<string, string> Fields(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["target"] = words.Length > 1 ? words[1] : "?" };
        foreach (string word in words.Skip(2))
        {
            int equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[word[..equals]] = word[(equals + 1)..];
            }
        }

        return fields;
    }

    private static long Number(Dictionary<string, string> fields, string name) =>
        long.TryParse(fields.GetValueOrDefault(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : 0;
}

using System.Diagnostics;
using System.Globalization;

namespace Xous.Vault.Fuzz;

/// <summary>
/// xous-vault-fuzz: Vault's fuzz harness (tests/fuzz/README.md).
/// <list type="bullet">
/// <item><c>afl TARGET</c>: the SharpFuzz fork server for afl-fuzz (reads the input from standard input; run once
/// outside afl-fuzz).</item>
/// <item><c>replay TARGET PATH…</c>: runs files (or every file of folders) through the target without afl-fuzz and
/// prints each finding with its stack; exit 1 when there is one.</item>
/// <item><c>seeds DIRECTORY</c>: writes the seeds (DIRECTORY/TARGET/NAME).</item>
/// </list>
/// Targets: ctaphid, cbor, cbor-structured, apdu.
/// </summary>
internal static class Program
{
    /// <summary>The longest input read (afl-fuzz keeps inputs far smaller; the targets cut them further).</summary>
    private const int MaxInputLength = 64 * 1024;

    /// <summary>A replayed input slower than this is reported as a hang.</summary>
    private static readonly TimeSpan s_hangBound = TimeSpan.FromSeconds(2);

    private static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "afl" && FuzzTargets.Names.Contains(args[1]))
        {
            return Afl(args[1]);
        }

        if (args.Length >= 3 && args[0] == "replay" && FuzzTargets.Names.Contains(args[1]))
        {
            return Replay(args[1], args[2..]);
        }

        if (args.Length == 2 && args[0] == "seeds")
        {
            int count = Seeds.Write(args[1]);
            Console.WriteLine($"seeds: {count} files under {args[1]}");
            return 0;
        }

        Console.Error.WriteLine("usage: xous-vault-fuzz afl TARGET | replay TARGET PATH... | seeds DIRECTORY   (targets: " + string.Join(", ", FuzzTargets.Names) + ")");
        return 2;
    }

    private static int Afl(string target)
    {
        Console.Error.WriteLine("xous-vault-fuzz: INSECURE test environment (fixed-seed entropy, auto-approved user presence), target " + target);
        // Out of process: a hang that afl-fuzz kills, or a crash the CLR cannot catch, ends only the child that runs the
        // inputs, which SharpFuzz restarts; the fork server afl-fuzz talks to survives.
        // The instrumented assemblies may only run once the fork server has mapped the coverage memory, so the
        // template store and the CBOR templates are made by the first input (its coverage includes the set-up).
        byte[] buffer = new byte[MaxInputLength];
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            int length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            FuzzTargets.Run(target, buffer.AsSpan(0, length));
        });
        return 0;
    }

    private static int Replay(string target, string[] paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                string[] found = Directory.GetFiles(path, "*", SearchOption.AllDirectories);
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found.Where(file => !Path.GetFileName(file).StartsWith('.') && !file.EndsWith(".md", StringComparison.Ordinal)));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                Console.Error.WriteLine("replay: no such file or folder: " + path);
                return 2;
            }
        }

        int findings = 0;
        var clock = new Stopwatch();
        foreach (string file in files)
        {
            byte[] input = File.ReadAllBytes(file);
            clock.Restart();
            try
            {
                FuzzTargets.Run(target, input.AsSpan(0, Math.Min(input.Length, MaxInputLength)));
            }
            catch (Exception e)
            {
                // The harness's one blanket catch: every escaping exception is the finding being reported.
                findings++;
                Console.WriteLine($"FINDING {target} {file} ({input.Length} bytes): {e.GetType().FullName}: {e.Message}");
                Console.WriteLine("  input: " + Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 512))) + (input.Length > 512 ? "…" : ""));
                Console.WriteLine(e.StackTrace);
                continue;
            }

            if (clock.Elapsed > s_hangBound)
            {
                findings++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FINDING {target} {file}: took {clock.Elapsed.TotalMilliseconds:F0} ms (bound {s_hangBound.TotalMilliseconds:F0} ms)"));
            }
        }

        Console.WriteLine($"replay {target}: {files.Count} inputs, {findings} findings");
        return findings == 0 ? 0 : 1;
    }
}

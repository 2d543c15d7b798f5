using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Xous.Tool;

/// <summary>
/// A test suite that is a script (not xunit) and ends with a line "N passed, N failed": the device-side suites that
/// run RV32 code in QEMU, the Vault interop suites (python-fido2, libfido2) and the fuzz smoke run. Their Debian
/// packages are installed first (<see cref="Prerequisites"/>).
/// </summary>
internal static partial class ScriptSuite
{
    /// <summary>
    /// Runs <paramref name="script"/> (relative to the root) with bash and reads its counts. When the toolchain is
    /// missing (<paramref name="missing"/>: what <see cref="Prerequisites.Ensure"/> said) the suite counts as skipped,
    /// which CI=true turns into a problem. <paramref name="environment"/> adds variables to the script's environment
    /// (where the built programs are, for instance).
    /// </summary>
    /// <returns>The counts, or null when the suite could not run (the reason is in <paramref name="problems"/>).</returns>
    public static SuiteCounts? Run(RepositoryLayout layout, string name, string script, string? missing, List<string> problems, bool ci,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(layout.Under(script)))
        {
            problems.Add(name + ": " + script + " does not exist");
            return null;
        }

        if (missing is not null)
        {
            string message = name + " not run: " + missing;
            if (ci)
            {
                problems.Add(message);
            }
            else
            {
                Console.WriteLine("  " + message + " (CI=true makes this a failure)");
            }

            return new SuiteCounts(name, 0, 0, 1);
        }

        var start = new ProcessStartInfo("bash") { WorkingDirectory = layout.Root, UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(layout.Under(script));
        foreach (KeyValuePair<string, string> variable in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable.Key] = variable.Value;
        }

        using Process run = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        string? last = null;
        while (run.StandardOutput.ReadLine() is string line)
        {
            Console.WriteLine("  " + line);
            if (CountsLine().IsMatch(line))
            {
                last = line;
            }
        }

        run.WaitForExit();
        Match counts = last is null ? Match.Empty : CountsLine().Match(last);
        if (!counts.Success)
        {
            problems.Add(name + ": " + script + " exited with " + run.ExitCode + " without a closing 'N passed, N failed' line");
            return null;
        }

        int passed = int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int failed = int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (run.ExitCode != 0 && failed == 0)
        {
            problems.Add(name + ": " + script + " exited with " + run.ExitCode + " although it reported no failure");
        }

        return new SuiteCounts(name, passed, failed, 0);
    }

    [GeneratedRegex(@"^(\d+) passed, (\d+) failed\s*$")]
    private static partial Regex CountsLine();
}

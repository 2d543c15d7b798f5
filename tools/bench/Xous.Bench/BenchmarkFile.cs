using System.Globalization;
using System.Runtime.InteropServices;

namespace Xous.Bench;

/// <summary>
/// Keeps the latest figures of each suite in docs/benchmarks.md, between the markers
/// <c>&lt;!-- bench:NAME:start --&gt;</c> and <c>&lt;!-- bench:NAME:end --&gt;</c>; the rest of the file is left alone.
/// </summary>
internal static class BenchmarkFile
{
    /// <summary>A section: what ran, where, when, and the table.</summary>
    public static string Section(string command, string what, IEnumerable<string> table)
    {
        string when = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        string machine = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " cores, " +
                         RuntimeInformation.OSDescription + ", " + RuntimeInformation.FrameworkDescription;
        return "Command: `" + command + "` — " + when + ", " + machine + ".\n\n" + what + "\n\n" + string.Join("\n", table) + "\n";
    }

    /// <summary>Replaces (or appends) the section <paramref name="name"/> of <paramref name="file"/>.</summary>
    public static void Replace(string file, string name, string body)
    {
        string start = "<!-- bench:" + name + ":start -->";
        string end = "<!-- bench:" + name + ":end -->";
        string text = File.Exists(file) ? File.ReadAllText(file) : "# Benchmarks\n\nLatest figures of `./xous bench …`; each suite rewrites its own section.\n";
        string block = start + "\n" + body + end;
        int a = text.IndexOf(start, StringComparison.Ordinal);
        int b = text.IndexOf(end, StringComparison.Ordinal);
        text = a >= 0 && b > a
            ? text[..a] + block + text[(b + end.Length)..]
            : text.TrimEnd('\n') + "\n\n## " + name + "\n\n" + block + "\n";
        File.WriteAllText(file, text);
    }
}

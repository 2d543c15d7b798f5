using System.Xml.Linq;

namespace Xous.Tool;

/// <summary>Counts read from the TRX files that <c>dotnet test --logger trx</c> writes.</summary>
internal sealed record SuiteCounts(string Suite, int Passed, int Failed, int Skipped)
{
    private static readonly XNamespace s_trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads every TRX file under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<SuiteCounts> ReadAll(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories)
            .Select(Read)
            .OrderBy(s => s.Suite, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The lines tests wrote through xunit's output helper that start with <c>[counts]</c> (e.g. Wycheproof's cases
    /// passed of cases run per file), from every TRX file under <paramref name="directory"/>, without the marker, sorted.
    /// </summary>
    public static IReadOnlyList<string> ReportedCounts(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        const string Marker = "[counts]";
        return Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Load(file).Descendants(s_trx + "StdOut"))
            .SelectMany(output => output.Value.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(Marker, StringComparison.Ordinal))
            .Select(line => line[Marker.Length..].Trim())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static SuiteCounts Read(string file)
    {
        XDocument document = XDocument.Load(file);
        XElement counters = document.Descendants(s_trx + "Counters").Single();
        // TestMethod/@codeBase keeps the assembly's own spelling (UnitTest/@storage is lowercased by VSTest).
        string suite = document.Descendants(s_trx + "TestMethod")
            .Select(e => Path.GetFileNameWithoutExtension((string?)e.Attribute("codeBase") ?? string.Empty))
            .FirstOrDefault(s => s.Length > 0) ?? Path.GetFileNameWithoutExtension(file);
        int total = Count(counters, "total");
        int passed = Count(counters, "passed");
        int failed = Count(counters, "failed") + Count(counters, "error") + Count(counters, "timeout") + Count(counters, "aborted");
        return new SuiteCounts(suite, passed, failed, total - passed - failed);
    }

    private static int Count(XElement counters, string name) => (int?)counters.Attribute(name) ?? 0;
}

using System.Reflection;
using System.Text.Json;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// Reads the Wycheproof JSON files in <c>../shared/wycheproof/</c> (beside the checkout; never copied into it) and
/// tallies how many cases of each kind ran and passed. The folder is found from the <c>XOUS_WYCHEPROOF</c> environment
/// variable, else as <c>shared/wycheproof</c> beside the build output, the checkout or the local repository the
/// checkout was cloned from, or any folder above them. A missing folder fails the test (CI always has it).
/// </summary>
internal static class Wycheproof
{
    /// <summary>The Wycheproof folder, or an exception saying where it was looked for.</summary>
    public static string Folder { get; } = Locate();

    /// <summary>Loads <paramref name="fileName"/> and returns every case with its group.</summary>
    public static IReadOnlyList<WycheproofCase> Cases(string fileName)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, fileName)));
        JsonElement root = document.RootElement;
        int declared = root.GetProperty("numberOfTests").GetInt32();
        var cases = new List<WycheproofCase>();
        foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
        {
            JsonElement groupCopy = group.Clone();
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                cases.Add(new WycheproofCase(fileName, groupCopy, test.Clone()));
            }
        }

        if (cases.Count != declared)
        {
            throw new InvalidDataException($"{fileName} declares {declared} tests but holds {cases.Count}.");
        }

        return cases;
    }

    /// <summary>
    /// Runs <paramref name="check"/> on every case of <paramref name="fileName"/>; it returns whether the primitive
    /// accepted the case (decrypted, verified, derived the expected value). A <c>valid</c> case must be accepted, an
    /// <c>invalid</c> one rejected; an <c>acceptable</c> case may go either way and is counted by its outcome. Writes a
    /// <c>[counts]</c> line (collected by <c>./xous test</c> from the TRX files) and fails naming every wrong case.
    /// </summary>
    /// <param name="output">Where the <c>[counts]</c> line goes.</param>
    /// <param name="fileName">The file in the Wycheproof folder.</param>
    /// <param name="check">Runs one case; returns whether the primitive accepted it.</param>
    /// <param name="via">How the primitive was reached, when a file runs more than once (e.g. through a seam).</param>
    public static void Run(ITestOutputHelper output, string fileName, Func<WycheproofCase, bool> check, string? via = null)
    {
        IReadOnlyList<WycheproofCase> cases = Cases(fileName);
        int valid = 0, invalid = 0, acceptable = 0, acceptableAccepted = 0, passed = 0;
        var failures = new List<string>();
        foreach (WycheproofCase test in cases)
        {
            bool accepted;
            try
            {
                accepted = check(test);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                failures.Add($"tcId {test.Id} ({test.Result}, {test.Comment}): threw {failure.GetType().Name}: {failure.Message}");
                continue;
            }

            bool ok;
            switch (test.Result)
            {
                case "valid":
                    valid++;
                    ok = accepted;
                    break;
                case "invalid":
                    invalid++;
                    ok = !accepted;
                    break;
                case "acceptable":
                    acceptable++;
                    acceptableAccepted += accepted ? 1 : 0;
                    ok = true;
                    break;
                default:
                    throw new InvalidDataException($"{fileName} tcId {test.Id}: unknown result '{test.Result}'.");
            }

            if (ok)
            {
                passed++;
            }
            else
            {
                failures.Add($"tcId {test.Id} ({test.Result}, {test.Comment}, flags {string.Join('/', test.Flags)}): {(accepted ? "accepted" : "rejected")}");
            }
        }

        output.WriteLine(
            $"[counts] Wycheproof {fileName}{(via is null ? "" : " " + via)}: {passed} of {cases.Count} cases passed " +
            $"(valid {valid}, invalid {invalid}, acceptable {acceptable} of which {acceptableAccepted} accepted)");
        Assert.True(failures.Count == 0, $"{fileName}: {failures.Count} cases wrong:\n" + string.Join('\n', failures.Take(50)));
    }

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("XOUS_WYCHEPROOF");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"XOUS_WYCHEPROOF names {fromEnvironment}, which does not exist.");
        }

        // Beside the build output, beside the checkout (the output can live elsewhere: XousArtifacts), and beside the
        // repository a clone was made from (a clone in a temporary folder has no ../shared of its own).
        string? checkout = typeof(Wycheproof).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "XousRoot")?.Value;
        string?[] starts = [AppContext.BaseDirectory, checkout, checkout is null ? null : LocalOrigin(checkout)];
        var tried = new List<string>();
        foreach (string start in starts.OfType<string>())
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "wycheproof");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }

                tried.Add(candidate);
            }
        }

        throw new DirectoryNotFoundException(
            "The Wycheproof vectors (../shared/wycheproof beside the checkout) were not found; set XOUS_WYCHEPROOF. Looked in: " +
            string.Join(", ", tried));
    }

    /// <summary>The folder the checkout was cloned from, when its <c>origin</c> remote is a local path; else null.</summary>
    private static string? LocalOrigin(string checkout)
    {
        string config = Path.Combine(checkout, ".git", "config");
        if (!File.Exists(config))
        {
            return null;
        }

        bool inOrigin = false;
        foreach (string raw in File.ReadLines(config))
        {
            string line = raw.Trim();
            if (line.StartsWith('['))
            {
                inOrigin = line == "[remote \"origin\"]";
            }
            else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.IndexOf('=') is int equals and > 0)
            {
                string url = line[(equals + 1)..].Trim();
                return Directory.Exists(url) ? url : null;
            }
        }

        return null;
    }
}

/// <summary>One Wycheproof test case with the group it belongs to.</summary>
internal sealed class WycheproofCase(string file, JsonElement group, JsonElement test)
{
    /// <summary>The file it came from.</summary>
    public string File { get; } = file;

    /// <summary>The test group (key sizes, public keys, curve).</summary>
    public JsonElement Group { get; } = group;

    /// <summary>The case itself.</summary>
    public JsonElement Test { get; } = test;

    /// <summary>tcId.</summary>
    public int Id => Test.GetProperty("tcId").GetInt32();

    /// <summary>valid, invalid or acceptable.</summary>
    public string Result => Test.GetProperty("result").GetString()!;

    /// <summary>The comment.</summary>
    public string Comment => Test.GetProperty("comment").GetString() ?? string.Empty;

    /// <summary>The flags naming the edge case.</summary>
    public IReadOnlyList<string> Flags =>
        Test.TryGetProperty("flags", out JsonElement flags) ? flags.EnumerateArray().Select(f => f.GetString()!).ToArray() : [];

    /// <summary>A hex field of the case, decoded.</summary>
    public byte[] Bytes(string name) => Convert.FromHexString(Test.GetProperty(name).GetString()!);

    /// <summary>A string field of the case.</summary>
    public string Text(string name) => Test.GetProperty(name).GetString()!;

    /// <summary>An integer field of the case (sizes).</summary>
    public int Int(string name) => Test.GetProperty(name).GetInt32();

    /// <summary>A hex field of the group, decoded.</summary>
    public byte[] GroupBytes(string name) => Convert.FromHexString(Group.GetProperty(name).GetString()!);

    /// <summary>An integer field of the group (keySize, ivSize, tagSize in bits).</summary>
    public int GroupInt(string name) => Group.GetProperty(name).GetInt32();

    /// <summary>A string field of the group.</summary>
    public string GroupText(string name) => Group.GetProperty(name).GetString()!;
}

using System.Text;

namespace Xous.Ipc.Tests;

/// <summary>
/// Checked-in expected files under Snapshots/ (".txt" so they are not compiled). With XOUS_UPDATE_SNAPSHOTS=1 a
/// comparison rewrites the file instead of failing.
/// </summary>
internal static class Snapshots
{
    private const int ContextLines = 3;

    public static string Directory => Path.Combine(GeneratorHarness.TestsDirectory(), "Snapshots");

    public static bool Updating => Environment.GetEnvironmentVariable("XOUS_UPDATE_SNAPSHOTS") == "1";

    public static string PathOf(string name) => Path.Combine(Directory, name + ".txt");

    /// <summary>Fails with the first differing lines unless <paramref name="actual"/> equals the snapshot byte for byte.</summary>
    public static void Verify(string name, string actual)
    {
        string path = PathOf(name);
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        Assert.True(File.Exists(path), "The snapshot " + path + " is missing; run the tests with XOUS_UPDATE_SNAPSHOTS=1 to create it.");
        string expected = File.ReadAllText(path, Encoding.UTF8);
        if (expected != actual)
        {
            Assert.Fail(Describe(name, expected, actual));
        }
    }

    /// <summary>A readable description of the first difference: line number and a few lines of each side.</summary>
    public static string Describe(string name, string expected, string actual)
    {
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var text = new StringBuilder();
        text.Append("Generated ").Append(name).Append(" differs from its snapshot at line ").Append(line + 1)
            .Append(" (set XOUS_UPDATE_SNAPSHOTS=1 to accept the new output).\n");
        AppendLines(text, "expected", expectedLines, line);
        AppendLines(text, "actual", actualLines, line);
        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, string label, string[] lines, int first)
    {
        text.Append("--- ").Append(label).Append(" ---\n");
        if (first >= lines.Length)
        {
            text.Append("(end of file)\n");
            return;
        }

        for (int index = first; index < Math.Min(lines.Length, first + ContextLines); index++)
        {
            text.Append(index + 1).Append(": ").Append(lines[index].Replace("\r", "\\r")).Append('\n');
        }
    }
}

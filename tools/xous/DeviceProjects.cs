using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Xous.Tool;

/// <summary>A project of the solution that has a device flavour.</summary>
/// <param name="Name">The project name (file name without extension).</param>
/// <param name="SolutionPath">The path as the solution spells it (relative, backslashes).</param>
/// <param name="AssemblyName">The assembly the project produces.</param>
/// <param name="IsCoreLib">True for runtime/Xous.CoreLib itself.</param>
internal sealed record DeviceProject(string Name, string SolutionPath, string AssemblyName, bool IsCoreLib);

/// <summary>
/// Finds the device-profile projects: those whose project file declares
/// <c>&lt;XousDeviceProfile&gt;true&lt;/XousDeviceProfile&gt;</c> (or <c>XousCoreLib</c>), and writes the solution
/// filter the device build uses. Directory.Build.targets refuses to build any other project in the device flavour,
/// so a project cannot be misclassified silently.
/// </summary>
internal static partial class DeviceProjects
{
    [GeneratedRegex("""^Project\("\{[^}]+\}"\)\s*=\s*"[^"]+",\s*"([^"]+\.csproj)",""", RegexOptions.Multiline)]
    private static partial Regex SolutionProjectLine();

    /// <summary>The device-profile projects listed in the solution.</summary>
    public static IReadOnlyList<DeviceProject> Discover(RepositoryLayout layout)
    {
        var projects = new List<DeviceProject>();
        foreach (Match match in SolutionProjectLine().Matches(File.ReadAllText(layout.Solution)))
        {
            string solutionPath = match.Groups[1].Value;
            string file = layout.Under(solutionPath.Replace('\\', Path.DirectorySeparatorChar));
            XDocument document = XDocument.Load(file);
            bool device = IsTrue(document, "XousDeviceProfile");
            bool coreLib = IsTrue(document, "XousCoreLib");
            if (!device && !coreLib)
            {
                continue;
            }

            string name = Path.GetFileNameWithoutExtension(file);
            string assembly = document.Descendants("AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault() ?? name;
            projects.Add(new DeviceProject(name, solutionPath, assembly, coreLib));
        }

        return projects;
    }

    /// <summary>Writes artifacts/device.slnf listing <paramref name="projects"/> and returns its path.</summary>
    public static string WriteSolutionFilter(RepositoryLayout layout, IReadOnlyList<DeviceProject> projects)
    {
        Directory.CreateDirectory(layout.Artifacts);
        string path = Path.Combine(layout.Artifacts, "device.slnf");
        var filter = new
        {
            solution = new
            {
                path = Path.GetRelativePath(layout.Artifacts, layout.Solution),
                projects = projects.Select(p => p.SolutionPath).ToArray(),
            },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(filter, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static bool IsTrue(XDocument document, string property) =>
        document.Descendants(property).Any(e => string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}

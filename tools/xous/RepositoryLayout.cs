namespace Xous.Tool;

/// <summary>Where things are in a checkout.</summary>
internal sealed class RepositoryLayout
{
    private RepositoryLayout(string root) => Root = root;

    /// <summary>The repository root (the folder holding Xous.sln).</summary>
    public string Root { get; }

    /// <summary>The solution file.</summary>
    public string Solution => Path.Combine(Root, "Xous.sln");

    /// <summary>Build outputs.</summary>
    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>
    /// Finds the root from XOUS_ROOT (set by the ./xous wrapper), else by walking up from the working directory.
    /// </summary>
    public static RepositoryLayout Locate()
    {
        string? fromWrapper = Environment.GetEnvironmentVariable("XOUS_ROOT");
        if (!string.IsNullOrEmpty(fromWrapper) && File.Exists(Path.Combine(fromWrapper, "Xous.sln")))
        {
            return new RepositoryLayout(Path.GetFullPath(fromWrapper));
        }

        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Xous.sln")))
            {
                return new RepositoryLayout(dir.FullName);
            }
        }

        throw new InvalidOperationException("Not inside a Xous# checkout: no Xous.sln here or above. Run ./xous from the repository.");
    }

    /// <summary>Path of <paramref name="relative"/> under the root.</summary>
    public string Under(string relative) => Path.Combine(Root, relative);

    /// <summary>The output folder of a project in a flavour and configuration.</summary>
    public string OutputDirectory(string projectName, string flavour, string configuration) =>
        Path.Combine(Artifacts, "bin", flavour, projectName, configuration, "net10.0");
}

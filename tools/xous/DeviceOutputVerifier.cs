using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Xous.Tool;

/// <summary>
/// Checks that each device-flavour assembly references nothing but Xous.CoreLib and other device-profile
/// assemblies: no System.Runtime, netstandard, mscorlib or System.Private.CoreLib.
/// </summary>
internal static class DeviceOutputVerifier
{
    /// <summary>The references of one assembly, and the ones that are not allowed.</summary>
    public sealed record Finding(string Assembly, IReadOnlyList<string> References, IReadOnlyList<string> Forbidden, bool Missing);

    /// <summary>Inspects the device outputs of <paramref name="projects"/>.</summary>
    public static IReadOnlyList<Finding> Verify(RepositoryLayout layout, IReadOnlyList<DeviceProject> projects, string configuration)
    {
        var allowed = new HashSet<string>(projects.Select(p => p.AssemblyName), StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (DeviceProject project in projects)
        {
            string dll = Path.Combine(layout.OutputDirectory(project.Name, "device", configuration), project.AssemblyName + ".dll");
            if (!File.Exists(dll))
            {
                findings.Add(new Finding(project.AssemblyName, [], [], Missing: true));
                continue;
            }

            IReadOnlyList<string> references = ReadReferences(dll);
            findings.Add(new Finding(project.AssemblyName, references, references.Where(r => !allowed.Contains(r)).ToArray(), Missing: false));
        }

        return findings;
    }

    /// <summary>The names of the assemblies <paramref name="dll"/> references.</summary>
    public static IReadOnlyList<string> ReadReferences(string dll)
    {
        using FileStream stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
    }
}

using Microsoft.CodeAnalysis;

namespace Xous.CoreLib.Tests;

/// <summary>Every intrinsic of the corlib is documented in docs/device-profile.md, and every one it documents exists.</summary>
public sealed class IntrinsicListTests
{
    private static IReadOnlyList<IMethodSymbol> Intrinsics()
    {
        // Import internal members too: the DeviceRuntime intrinsics are internal.
        var compilation = Compilations.Compile("probe", []).WithOptions(Compilations.DeviceOptions.WithMetadataImportOptions(MetadataImportOptions.All));
        IAssemblySymbol coreLib = Compilations.AssemblyOf(compilation, Compilations.CoreLib);
        var result = new List<IMethodSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>([coreLib.GlobalNamespace]);
        while (pending.Count > 0)
        {
            foreach (ISymbol member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }
                else if (member is IMethodSymbol method && method.GetAttributes().Any(a => a.AttributeClass?.Name == "IntrinsicAttribute"))
                {
                    result.Add(method);
                }
            }
        }

        return result;
    }

    private static string IntrinsicsSection()
    {
        string text = File.ReadAllText(Path.Combine(BuildInfo.Root, "docs", "device-profile.md"));
        int start = text.IndexOf("## Intrinsics the device compiler supplies", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/device-profile.md has no intrinsics section");
        return text[start..];
    }

    [Fact]
    public void Every_intrinsic_is_listed_in_the_device_profile()
    {
        string section = IntrinsicsSection();
        string[] missing = Intrinsics()
            .Select(m => m.ContainingType.Name == "DeviceRuntime" ? $" {m.Name}(" : $"`{m.ContainingType.Name}.{m.Name}")
            .Where(needle => !section.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToArray();
        Assert.True(missing.Length == 0, "not documented: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_set_of_intrinsics_is_the_one_reviewed()
    {
        // A new intrinsic is a new obligation on tools/ilcompiler: change this number only with the docs.
        IReadOnlyList<IMethodSymbol> intrinsics = Intrinsics();
        Assert.True(intrinsics.Count == 46, $"{intrinsics.Count} intrinsics: {string.Join(", ", intrinsics.Select(m => m.ToDisplayString()))}");
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Xous.CoreLib.Tests;

/// <summary>Roslyn compilations against the device corlib and against .NET 10's reference assemblies.</summary>
internal static class Compilations
{
    private static readonly Lazy<MetadataReference> s_coreLib = new(() => MetadataReference.CreateFromFile(BuildInfo.CoreLib));

    private static readonly Lazy<CSharpCompilation> s_net = new(() =>
        CSharpCompilation.Create("net100", references: Basic.Reference.Assemblies.Net100.References.All));

    /// <summary>The device corlib as a metadata reference.</summary>
    public static MetadataReference CoreLib => s_coreLib.Value;

    /// <summary>An empty compilation that references every .NET 10 reference assembly.</summary>
    public static CSharpCompilation Net100 => s_net.Value;

    /// <summary>Options like the device flavour's: a library, nullable on, unsafe allowed, warnings reported.</summary>
    public static CSharpCompilationOptions DeviceOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithAllowUnsafe(true)
            .WithWarningLevel(9999);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Compiles <paramref name="sources"/> against <paramref name="references"/> (the corlib alone by default).</summary>
    public static CSharpCompilation Compile(string assemblyName, IEnumerable<string> sources, params MetadataReference[] references) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            references.Length == 0 ? [CoreLib] : references,
            DeviceOptions);

    /// <summary>The assembly symbol of <paramref name="reference"/> inside <paramref name="compilation"/>.</summary>
    public static IAssemblySymbol AssemblyOf(Compilation compilation, MetadataReference reference) =>
        (IAssemblySymbol?)compilation.GetAssemblyOrModuleSymbol(reference)
        ?? throw new InvalidOperationException("reference not in compilation");

    /// <summary>Emits <paramref name="compilation"/> to memory and returns it as a reference, failing on any diagnostic.</summary>
    public static MetadataReference EmitToReference(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xous.DeviceProfile.Analyzers;

namespace Xous.DeviceProfile.Tests;

/// <summary>
/// Compiles snippets in memory the way each flavour does, with the device-profile generator and analyzer attached,
/// and returns every diagnostic: the generator's, the compiler's and the analyzer's.
/// </summary>
internal static class Compiler
{
    public enum Flavour
    {
        Host,
        Device,
    }

    public static ImmutableArray<Diagnostic> Diagnostics(string source, Flavour flavour)
    {
        IEnumerable<MetadataReference> references = flavour == Flavour.Host
            ? Basic.Reference.Assemblies.Net100.References.All
            : [MetadataReference.CreateFromFile(BuildInfo.CoreLib)];

        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "Snippet.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new DeviceProfileGenerator().AsSourceGenerator()], parseOptions: parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation updated, out ImmutableArray<Diagnostic> generatorDiagnostics);

        CompilationWithAnalyzers withAnalyzers = updated.WithAnalyzers([new FloatingPointFormattingAnalyzer()]);
        ImmutableArray<Diagnostic> rest = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return generatorDiagnostics.AddRange(rest);
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}

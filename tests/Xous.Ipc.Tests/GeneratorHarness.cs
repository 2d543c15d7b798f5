using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xous.Abi;
using Xous.Ipc.Generator;

namespace Xous.Ipc.Tests;

/// <summary>Runs the generator and the analyzer in memory over C# sources, against .NET 10 and Xous.Ipc/Xous.Abi.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> s_references = Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(IIpcChannel).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(XousError).Assembly.Location))
        .ToImmutableArray();

    /// <summary>The directory of this source file: tests/Xous.Ipc.Tests.</summary>
    public static string TestsDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>The sample contract compiled into Xous.Ipc.TestContracts.</summary>
    public static string SampleContractSource() =>
        File.ReadAllText(Path.Combine(TestsDirectory(), "..", "Xous.Ipc.TestContracts", "SampleContract.cs"));

    public static CSharpCompilation Compile(params string[] sources)
    {
        IEnumerable<SyntaxTree> trees = sources.Select((source, index) =>
            CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + index + ".cs"));
        return CSharpCompilation.Create(
            "Contracts",
            trees,
            s_references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true,
                warningLevel: 9999,
                deterministic: true));
    }

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new IpcContractGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the run result and the compilation with the generated files added.</summary>
    public static GeneratorDriverRunResult Run(Compilation compilation, out Compilation output)
    {
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out output, out ImmutableArray<Diagnostic> driverDiagnostics);
        Assert.Empty(driverDiagnostics);
        return driver.GetRunResult();
    }

    /// <summary>The analyzer's diagnostics, sorted by position.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation) =>
        compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new IpcContractAnalyzer()))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult()
            .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToImmutableArray();
}

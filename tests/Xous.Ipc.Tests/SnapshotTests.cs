using Microsoft.CodeAnalysis;

namespace Xous.Ipc.Tests;

/// <summary>The generator's output for the sample contract, byte for byte, and its incrementality.</summary>
public sealed class SnapshotTests
{
    private static readonly string[] s_sampleFiles =
    {
        "Xous.Ipc.TestContracts.SampleOpcodes.g.cs",
        "Xous.Ipc.TestContracts.ISampleHandler.g.cs",
        "Xous.Ipc.TestContracts.SampleClient.g.cs",
        "Xous.Ipc.TestContracts.SampleDispatcher.g.cs",
    };

    [Fact]
    public void Sample_contract_generates_exactly_the_snapshots()
    {
        Compilation compilation = GeneratorHarness.Compile(GeneratorHarness.SampleContractSource());

        GeneratorRunResult result = GeneratorHarness.Run(compilation, out _).Results.Single();

        Assert.Null(result.Exception);
        Assert.Equal(s_sampleFiles, result.GeneratedSources.Select(source => source.HintName).ToArray());
        foreach (GeneratedSourceResult source in result.GeneratedSources)
        {
            Snapshots.Verify(source.HintName, source.SourceText.ToString());
        }

        string[] onDisk = Directory.GetFiles(Snapshots.Directory, "Xous.Ipc.TestContracts.*.g.cs.txt")
            .Select(path => Path.GetFileName(path)[..^".txt".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(s_sampleFiles.Order(StringComparer.Ordinal).ToArray(), onDisk);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        string First() => string.Join("\n", GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.SampleContractSource()), out _)
            .GeneratedTrees.Select(tree => tree.ToString()));

        Assert.Equal(First(), First());
    }

    [Fact]
    public void Snapshot_difference_names_the_first_differing_line()
    {
        string message = Snapshots.Describe("File.g.cs", "a\nb\nc\n", "a\nB\nc\n");

        Assert.Contains("at line 2", message);
        Assert.Contains("2: b", message);
        Assert.Contains("2: B", message);
    }

    [Fact]
    public void Second_run_on_an_unchanged_compilation_is_cached()
    {
        Compilation compilation = GeneratorHarness.Compile(GeneratorHarness.SampleContractSource());
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertAllReused(second);
    }

    [Fact]
    public void Unrelated_edit_reuses_the_generated_files()
    {
        Compilation compilation = GeneratorHarness.Compile(GeneratorHarness.SampleContractSource());
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Compilation edited = compilation.AddSyntaxTrees(
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Other; public sealed class Unrelated { }", GeneratorHarness.ParseOptions));

        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllReused(second);
    }

    [Fact]
    public void Changing_an_opcode_regenerates_the_files()
    {
        string source = GeneratorHarness.SampleContractSource();
        Compilation compilation = GeneratorHarness.Compile(source);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Compilation edited = GeneratorHarness.Compile(source.Replace("[Opcode(2)]", "[Opcode(20)]", StringComparison.Ordinal));

        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(
            second.TrackedSteps[Generator.IpcContractGenerator.ContractsStep].SelectMany(step => step.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("public const uint Add = 20;", second.GeneratedSources[0].SourceText.ToString(), StringComparison.Ordinal);
    }

    private static void AssertAllReused(GeneratorRunResult run)
    {
        IncrementalStepRunReason[] contracts = run.TrackedSteps[Generator.IpcContractGenerator.ContractsStep]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToArray();
        IncrementalStepRunReason[] outputs = run.TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToArray();

        Assert.NotEmpty(contracts);
        Assert.NotEmpty(outputs);
        Assert.All(contracts, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        Assert.All(outputs, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }
}

using Microsoft.CodeAnalysis;

namespace Xous.Ipc.Tests;

/// <summary>Generated code compiles with no diagnostics at all, for the sample and for awkward but valid contracts.</summary>
public sealed class CompileTests
{
    [Fact]
    public void Sample_contract_output_compiles_without_warnings() =>
        AssertCleanCompile(GeneratorHarness.SampleContractSource(), expectedFiles: 4);

    [Fact]
    public void Internal_contract_in_the_global_namespace_with_keyword_names_compiles_without_warnings() =>
        AssertCleanCompile(
            """
            using System;
            using Xous.Ipc;

            [IpcContract]
            internal interface IKeywords
            {
                [Opcode(0)]
                int @event(int @class, [MaxLength(8)] ReadOnlySpan<long> @params);

                [Opcode(1, Blocking = true)]
                void @checked(in Pair @in);

                [Opcode(2, Deferred = true, Blocking = true, IncludeSender = true)]
                void Wait(int sender, int reply);

                [Opcode(3)]
                Small Echo(Small value, Kind kind);
            }

            internal struct Pair
            {
                public long A;
                public ulong B;
            }

            internal struct Small
            {
                public byte A;
                public bool B;
                public ushort C;
            }

            internal enum Kind : long
            {
                None = 0,
                Huge = long.MaxValue,
            }
            """,
            expectedFiles: 4);

    [Fact]
    public void Empty_contract_compiles_without_warnings() =>
        AssertCleanCompile(
            """
            namespace Empty;

            [Xous.Ipc.IpcContract]
            public interface INothing
            {
            }
            """,
            expectedFiles: 4);

    private static void AssertCleanCompile(string source, int expectedFiles)
    {
        Compilation input = GeneratorHarness.Compile(source);
        Assert.Empty(input.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        GeneratorDriverRunResult run = GeneratorHarness.Run(input, out Compilation output);

        Assert.Equal(expectedFiles, run.GeneratedTrees.Length);
        // Everything the generated files add, at any severity above hidden (the input's own warnings are not the generator's).
        HashSet<string> before = input.GetDiagnostics().Select(diagnostic => diagnostic.ToString()).ToHashSet();
        Diagnostic[] problems = output.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Info && !before.Contains(diagnostic.ToString()))
            .ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(problem => problem.ToString())));
        Assert.Empty(GeneratorHarness.Analyze(input));
    }
}

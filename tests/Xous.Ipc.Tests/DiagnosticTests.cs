using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Xous.Ipc.Tests;

/// <summary>
/// One test per contract rule: the exact id at the exact span (marked [| |] in the source), an error, a message that
/// names what is wrong, and no generated code for the broken contract.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using System;\nusing Xous.Ipc;\n\nnamespace Tests;\n\n";

    [Fact]
    public void Valid_sample_contract_has_no_diagnostics()
    {
        Compilation compilation = GeneratorHarness.Compile(GeneratorHarness.SampleContractSource());

        Assert.Empty(GeneratorHarness.Analyze(compilation));
        Assert.Equal(4, GeneratorHarness.Run(compilation, out _).GeneratedTrees.Length);
    }

    [Fact]
    public void XIPC0001_method_without_opcode() => AssertDiagnostic(
        "XIPC0001",
        """
        [IpcContract]
        public interface IFoo
        {
            void [|Ping|](int value);
        }
        """,
        "'Ping'",
        "[Opcode(n)]");

    [Fact]
    public void XIPC0002_duplicate_opcode_names_both_methods() => AssertDiagnostic(
        "XIPC0002",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void First(int value);

            [Opcode([|1|])]
            void Second(int value);
        }
        """,
        "'Second'",
        "'First'");

    [Fact]
    public void XIPC0003_retired_opcode() => AssertDiagnostic(
        "XIPC0003",
        """
        [IpcContract]
        [RetiredOpcode(3, "took a float")]
        public interface IFoo
        {
            [Opcode([|3|])]
            void SetVolume(int volume);
        }
        """,
        "Opcode 3",
        "took a float");

    [Theory]
    [InlineData("string", "ReadOnlySpan<char>")]
    [InlineData("nint", "use int, uint, long or ulong")]
    [InlineData("double", "fixed-point")]
    [InlineData("int[]", "ReadOnlySpan<T>")]
    [InlineData("object", "reference")]
    [InlineData("int?", "nullable")]
    [InlineData("Big", "at most 16 bytes")]
    public void XIPC0004_unsupported_parameter_type(string type, string advice) => AssertDiagnostic(
        "XIPC0004",
        $$"""
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void Send([|{{type}}|] value);
        }

        public struct Big
        {
            public long A;
            public long B;
            public long C;
        }
        """,
        "'value'",
        advice);

    [Fact]
    public void XIPC0004_in_parameter_that_is_not_a_struct() => AssertDiagnostic(
        "XIPC0004",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            int Send(in [|int|] value);
        }
        """,
        "'in', 'ref readonly' and 'ref' parameters carry one fixed-layout struct");

    [Theory]
    [InlineData("float", "fixed-point")]
    [InlineData("Big", "at most 16 bytes")]
    [InlineData("long", "at most one 32-bit unit")] // Get has a memory parameter: the reply's valid word is one unit.
    public void XIPC0005_unsupported_return_type(string type, string advice)
    {
        AssertDiagnostic(
            "XIPC0005",
            $$"""
            [IpcContract]
            public interface IFoo
            {
                [Opcode(1)]
                [|{{type}}|] Get([MaxLength(4)] ReadOnlySpan<int> values);
            }

            public struct Big
            {
                public long A;
                public long B;
                public long C;
            }
            """,
            "'Get'",
            advice);
    }

    [Fact]
    public void XIPC0006_too_many_scalar_units() => AssertDiagnostic(
        "XIPC0006",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void Set(long first, long second, [|int third|]);
        }
        """,
        "needs 5",
        "'third'");

    [Fact]
    public void XIPC0007_more_than_one_memory_parameter() => AssertDiagnostic(
        "XIPC0007",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            int Put([MaxLength(4)] ReadOnlySpan<byte> first, [|[MaxLength(4)] ReadOnlySpan<byte> second|]);
        }
        """,
        "'second'",
        "'first'");

    [Fact]
    public void XIPC0008_span_without_max_length() => AssertDiagnostic(
        "XIPC0008",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            int Sum([|ReadOnlySpan<int> values|]);
        }
        """,
        "'values'",
        "[MaxLength(n)]");

    [Fact]
    public void XIPC0009_payload_above_max_message_bytes_states_both_sizes() => AssertDiagnostic(
        "XIPC0009",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            int Sum([[|MaxLength(2000)|]] ReadOnlySpan<int> values);
        }
        """,
        "8024 bytes",
        "8000 bytes of payload",
        "MaxMessageBytes of 4096");

    [Fact]
    public void XIPC0009_struct_payload_above_max_message_bytes() => AssertDiagnostic(
        "XIPC0009",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            int Use(in [|Block|] block);
        }

        public unsafe struct Block
        {
            public fixed byte Data[4096];
        }
        """,
        "4120 bytes");

    [Fact]
    public void XIPC0010_struct_with_padding_names_the_field()
    {
        Diagnostic diagnostic = AssertDiagnostic(
            "XIPC0010",
            """
            [IpcContract]
            public interface IFoo
            {
                [Opcode(1)]
                int Use(in [|Padded|] value);
            }

            public struct Padded
            {
                public byte Flag;
                public int Count;
            }
            """,
            "'Tests.Padded'",
            "3 padding byte(s) before field 'Count'");

        Location field = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("Count", field.SourceTree!.GetText().ToString(field.SourceSpan));
    }

    [Fact]
    public void XIPC0010_nested_struct_with_a_reference_names_the_field() => AssertDiagnostic(
        "XIPC0010",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            [|Outer|] Get();
        }

        public struct Outer
        {
            public Inner Inner;
        }

        public struct Inner
        {
            public string Name;
        }
        """,
        "field 'Tests.Outer.Inner'",
        "field 'Tests.Inner.Name'",
        "a reference");

    [Fact]
    public void XIPC0010_trailing_padding() => AssertDiagnostic(
        "XIPC0010",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void Set([|Tail|] value);
        }

        public struct Tail
        {
            public int Count;
            public byte Flag;
        }
        """,
        "3 byte(s) of trailing padding after field 'Flag'");

    [Fact]
    public void XIPC0011_deferred_fire_and_forget() => AssertDiagnostic(
        "XIPC0011",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1, [|Deferred = true|])]
            void Fire(int value);
        }
        """,
        "'Fire'",
        "fire-and-forget");

    [Fact]
    public void XIPC0011_deferred_with_memory() => AssertDiagnostic(
        "XIPC0011",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1, [|Deferred = true|])]
            int Sum([MaxLength(4)] ReadOnlySpan<int> values);
        }
        """,
        "memory parameter 'values'");

    [Theory]
    [InlineData(5000)]
    [InlineData(0)]
    [InlineData(2 * 1024 * 1024)]
    public void XIPC0012_bad_max_message_bytes(int value) => AssertDiagnostic(
        "XIPC0012",
        $$"""
        [IpcContract([|MaxMessageBytes = {{value}}|])]
        public interface IFoo
        {
            [Opcode(1)]
            void Ping(int value);
        }
        """,
        "is " + value);

    [Fact]
    public void XIPC0013_generic_contract() => AssertDiagnostic(
        "XIPC0013",
        """
        [IpcContract]
        public interface IFoo[|<T>|]
        {
            [Opcode(1)]
            void Ping(int value);
        }
        """,
        "'IFoo'");

    [Fact]
    public void XIPC0013_generic_method() => AssertDiagnostic(
        "XIPC0013",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void Ping[|<T>|](int value);
        }
        """,
        "'Ping'");

    [Fact]
    public void XIPC0014_property() => AssertDiagnostic(
        "XIPC0014",
        """
        [IpcContract]
        public interface IFoo
        {
            int [|Value|] { get; }
        }
        """,
        "property");

    [Fact]
    public void XIPC0014_event() => AssertDiagnostic(
        "XIPC0014",
        """
        [IpcContract]
        public interface IFoo
        {
            event Action [|Changed|];
        }
        """,
        "event");

    [Fact]
    public void XIPC0015_out_parameter() => AssertDiagnostic(
        "XIPC0015",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void Get([|out|] int value);
        }
        """,
        "'value'",
        "'out'");

    [Fact]
    public void XIPC0016_overloaded_method() => AssertDiagnostic(
        "XIPC0016",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void Ping(int value);

            [Opcode(2)]
            void [|Ping|](long value);
        }
        """,
        "'Ping'");

    [Fact]
    public void XIPC0017_max_length_on_a_scalar() => AssertDiagnostic(
        "XIPC0017",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void Set([[|MaxLength(4)|]] int value);
        }
        """,
        "only to Span<T> and ReadOnlySpan<T>");

    [Fact]
    public void XIPC0017_max_length_below_one() => AssertDiagnostic(
        "XIPC0017",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            int Sum([MaxLength([|0|])] ReadOnlySpan<int> values);
        }
        """,
        "at least 1");

    [Fact]
    public void XIPC0018_reserved_parameter_name() => AssertDiagnostic(
        "XIPC0018",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void Set(int [|__value|]);
        }
        """,
        "'__value'");

    [Fact]
    public void XIPC0018_method_named_like_a_generated_type() => AssertDiagnostic(
        "XIPC0018",
        """
        [IpcContract]
        public interface IFoo
        {
            [Opcode(1)]
            void [|FooClient|](int value);
        }
        """,
        "generated type");

    [Fact]
    public void XIPC0019_nested_contract() => AssertDiagnostic(
        "XIPC0019",
        """
        public static class Outer
        {
            [IpcContract]
            public interface [|IInner|]
            {
                [Opcode(1)]
                void Ping(int value);
            }
        }
        """,
        "nested in 'Tests.Outer'");

    [Fact]
    public void XIPC0019_contract_with_a_base_interface() => AssertDiagnostic(
        "XIPC0019",
        """
        public interface IBase
        {
        }

        [IpcContract]
        public interface IFoo [|: IBase|]
        {
            [Opcode(1)]
            void Ping(int value);
        }
        """,
        "extends 'Tests.IBase'");

    [Fact]
    public void XIPC0020_hand_written_type_with_a_generated_name() => AssertDiagnostic(
        "XIPC0020",
        """
        public sealed class FooClient
        {
        }

        [IpcContract]
        public interface [|IFoo|]
        {
            [Opcode(1)]
            void Ping(int value);
        }
        """,
        "generates 'FooClient'",
        "'Tests.FooClient' is declared by hand");

    [Fact]
    public void XIPC0020_two_contracts_with_the_same_stem_get_no_code_and_do_not_crash_the_generator()
    {
        Compilation compilation = GeneratorHarness.Compile(Usings + """
            [IpcContract]
            public interface IFoo
            {
                [Opcode(1)]
                void Ping(int value);
            }

            [IpcContract]
            public interface Foo
            {
                [Opcode(1)]
                void Pong(int value);
            }
            """);

        ImmutableArray<Diagnostic> diagnostics = GeneratorHarness.Analyze(compilation);
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, diagnostic => Assert.Equal("XIPC0020", diagnostic.Id));
        Assert.Contains("contract 'Foo' generates the same names", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("contract 'IFoo' generates the same names", diagnostics[1].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Run(compilation, out _).GeneratedTrees);
    }

    [Fact]
    public void The_generated_types_themselves_do_not_count_as_taken_names()
    {
        Compilation compilation = GeneratorHarness.Compile(GeneratorHarness.SampleContractSource());
        GeneratorHarness.Run(compilation, out Compilation generated);
        Assert.NotEmpty(generated.SyntaxTrees.Skip(1));
        Assert.Empty(GeneratorHarness.Analyze(generated));
    }

    [Fact]
    public void Every_diagnostic_id_has_a_test()
    {
        string[] supported = new Generator.IpcContractAnalyzer().SupportedDiagnostics.Select(descriptor => descriptor.Id).ToArray();
        string[] tested = typeof(DiagnosticTests).GetMethods()
            .Select(method => method.Name)
            .Where(name => name.StartsWith("XIPC", StringComparison.Ordinal))
            .Select(name => name[..8])
            .Distinct()
            .ToArray();

        Assert.Equal(supported.Order(), tested.Order());
        Assert.All(new Generator.IpcContractAnalyzer().SupportedDiagnostics, descriptor => Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity));
    }

    private static Diagnostic AssertDiagnostic(string id, string markedSource, params string[] messageFragments)
    {
        (string source, TextSpan expected) = Unmark(Usings + markedSource);
        Compilation compilation = GeneratorHarness.Compile(source);
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        ImmutableArray<Diagnostic> diagnostics = GeneratorHarness.Analyze(compilation);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(expected, diagnostic.Location.SourceSpan);
        string message = diagnostic.GetMessage();
        foreach (string fragment in messageFragments)
        {
            Assert.Contains(fragment, message, StringComparison.Ordinal);
        }

        Assert.Empty(GeneratorHarness.Run(compilation, out _).GeneratedTrees);
        return diagnostic;
    }

    private static (string Source, TextSpan Span) Unmark(string marked)
    {
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The test source must mark the expected span with [| |].");
        string source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}

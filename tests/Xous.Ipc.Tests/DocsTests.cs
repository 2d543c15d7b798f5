using Microsoft.CodeAnalysis;

namespace Xous.Ipc.Tests;

/// <summary>docs/ipc.md stays true: its example contract is valid and generates what the page says.</summary>
public sealed class DocsTests
{
    [Fact]
    public void Example_contract_in_the_docs_is_valid_and_generates_the_documented_types()
    {
        string page = File.ReadAllText(Path.Combine(GeneratorHarness.TestsDirectory(), "..", "..", "docs", "ipc.md"));
        int start = page.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        string example = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];
        Compilation compilation = GeneratorHarness.Compile(example);

        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.Empty(GeneratorHarness.Analyze(compilation));
        string generated = string.Join("\n", GeneratorHarness.Run(compilation, out _).GeneratedTrees.Select(tree => tree.ToString()));
        Assert.Contains("public sealed class TicktimerDispatcher", generated, StringComparison.Ordinal);
        Assert.Contains("public static global::Xous.Ipc.Reply WaitUntilReply()", generated, StringComparison.Ordinal);
        Assert.Contains("void WaitUntil(global::Xous.Abi.MessageSender sender, ulong deadlineMs, global::Xous.Ipc.DeferredReply reply);", generated, StringComparison.Ordinal);
        Assert.Contains("// 5: GetVersion returned a string; replaced by Version (opcode 9)", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_table_in_the_docs_matches_the_constants()
    {
        string page = File.ReadAllText(Path.Combine(GeneratorHarness.TestsDirectory(), "..", "..", "docs", "ipc.md"));

        Assert.Equal(24, MemoryPayload.HeaderSize);
        Assert.Contains("| " + MemoryPayload.PayloadLengthOffset + " | 4 | payload length in bytes (u32) |", page, StringComparison.Ordinal);
        Assert.Contains("| " + MemoryPayload.FormatVersionOffset + " | 4 | format version: 0 (u32) |", page, StringComparison.Ordinal);
        Assert.Contains("| " + MemoryPayload.UnitsOffset + " | 4 | scalar unit 0 |", page, StringComparison.Ordinal);
        Assert.Contains("| " + MemoryPayload.HeaderSize + " | n | payload", page, StringComparison.Ordinal);
        foreach (IpcStatus status in Enum.GetValues<IpcStatus>())
        {
            Assert.Contains("| " + (uint)status + " | `" + status + "` |", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_diagnostic_is_documented()
    {
        string page = File.ReadAllText(Path.Combine(GeneratorHarness.TestsDirectory(), "..", "..", "docs", "ipc.md"));

        Assert.All(
            new Generator.IpcContractAnalyzer().SupportedDiagnostics,
            descriptor => Assert.Contains("| " + descriptor.Id + " |", page, StringComparison.Ordinal));
    }
}

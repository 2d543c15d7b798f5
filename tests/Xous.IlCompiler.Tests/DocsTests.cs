using Xous.IlCompiler.CodeGen;

namespace Xous.IlCompiler.Tests;

/// <summary>docs/ilcompiler.md lists exactly what the compiler supplies.</summary>
public class DocsTests
{
    [Fact]
    public void Every_intrinsic_is_documented()
    {
        string docs = File.ReadAllText(Path.Combine(BuildInfo.Root, "docs", "ilcompiler.md"));
        foreach (string name in Intrinsics.Names)
        {
            string method = name[(name.IndexOf(']', StringComparison.Ordinal) + 1)..];
            Assert.Contains("`" + method + "`", docs, StringComparison.Ordinal);
        }

        foreach (string name in CoreLibIntrinsics.Names)
        {
            Assert.Contains("`" + name + "`", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_required_gcc_flags_are_documented()
    {
        string docs = File.ReadAllText(Path.Combine(BuildInfo.Root, "docs", "ilcompiler.md"));
        foreach (string flag in new[] { "-march=rv32imac", "-misa-spec=2.2", "-mabi=ilp32", "-fno-strict-aliasing" })
        {
            Assert.Contains(flag, Toolchain.CFlags);
            Assert.Contains(flag, docs, StringComparison.Ordinal);
        }
    }
}

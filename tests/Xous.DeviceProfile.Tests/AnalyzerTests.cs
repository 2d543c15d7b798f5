using Microsoft.CodeAnalysis;

namespace Xous.DeviceProfile.Tests;

public class AnalyzerTests
{
    public static TheoryData<string, string, string> Violations() => new()
    {
        { "XDP0001", "using System.Linq", "using System.Linq; class C { int F(int[] a) => a.Sum(); }" },
        { "XDP0001", "System.Linq.Enumerable.Range", "class C { object F() => System.Linq.Enumerable.Range(0, 3); }" },
        { "XDP0001", "query expression", "using System.Collections.Generic; class C { IEnumerable<int> F(int[] a) => from x in a select x; }" },
        { "XDP0002", "async method", "class C { async void F() { } }" },
        { "XDP0002", "await", "class C { System.Threading.Tasks.Task<int> T() => null!; async System.Threading.Tasks.Task F() { await T(); } }" },
        { "XDP0002", "using System.Threading.Tasks", "using System.Threading.Tasks; class C { }" },
        { "XDP0003", "typeof", "class C { object F() => typeof(C); }" },
        { "XDP0003", "GetType()", "class C { object F(object o) => o.GetType(); }" },
        { "XDP0003", "using System.Reflection", "using System.Reflection; class C { }" },
        { "XDP0004", "'dynamic'", "class C { void F(dynamic d) { } }" },
        { "XDP0005", "The lock statement", "class C { readonly object _gate = new(); void F() { lock (_gate) { } } }" },
        { "XDP0005", "System.Threading.Thread", "class C { void F() => System.Threading.Thread.Sleep(1); }" },
        { "XDP0006", "The finalizer of 'C'", "class C { ~C() { } }" },
        { "XDP0007", "Double.ToString", "class C { string F(double d) => d.ToString(); }" },
        { "XDP0007", "a Single in an interpolated string", "class C { string F(float f) => $\"f={f}\"; }" },
        { "XDP0007", "a Double in a string concatenation", "class C { string F(double d) => \"d=\" + d; }" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Host_flavour_reports_the_construct(string id, string construct, string source)
    {
        var diagnostics = Compiler.Diagnostics(source, Compiler.Flavour.Host);
        Diagnostic? match = diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(match is not null, $"expected {id}; got:{Environment.NewLine}{Compiler.Describe(diagnostics)}");
        Assert.Equal(DiagnosticSeverity.Error, match.Severity);
        Assert.Contains(construct, match.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public void Device_flavour_reports_the_construct_next_to_the_compiler_error(string id, string construct, string source)
    {
        var diagnostics = Compiler.Diagnostics(source, Compiler.Flavour.Device);
        Diagnostic? match = diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(match is not null, $"expected {id}; got:{Environment.NewLine}{Compiler.Describe(diagnostics)}");
        Assert.Contains(construct, match.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("class C { int F(int[] a) { int s = 0; foreach (int x in a) { s += x; } return s; } }")]
    [InlineData("class C { string F(int x) => $\"x={x}\"; }")]
    [InlineData("class C { int dynamic = 3; int F() => dynamic + 1; }")]
    [InlineData("class Linq { } class C { Linq? F() => null; }")]
    [InlineData("class C { string F() => nameof(C); }")]
    [InlineData("class C { string F(int i, long l, uint u) => $\"{i} {l} \" + u; }")]
    [InlineData("class C { double F(double d) => d * 2; }")]
    [InlineData("struct S : System.IDisposable { public void Dispose() { } } class C { void F() { using var s = new S(); } }")]
    public void Allowed_code_has_no_device_profile_diagnostic(string source)
    {
        var diagnostics = Compiler.Diagnostics(source, Compiler.Flavour.Host);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("XDP", StringComparison.Ordinal));
    }
}

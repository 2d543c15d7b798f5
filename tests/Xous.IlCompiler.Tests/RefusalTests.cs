namespace Xous.IlCompiler.Tests;

/// <summary>What this slice cannot compile stops the build with an error naming the method, the IL offset and the construct.</summary>
public class RefusalTests
{
    private static CompilationException Refused(string body, string extra = "") => Snippets.Refused($$"""
        namespace Snippet;
        public class Thing { public int Value; public virtual int Get() => Value; }
        public static class Program
        {
            public static int Main() { {{body}} }
            {{extra}}
        }
        """);

    [Fact]
    public void Allocating_an_object_is_refused()
    {
        CompilationException e = Refused("return new Thing().Value;");
        Assert.Equal("Snippet.Program::Main()", e.Method);
        Assert.Matches("^IL_[0-9a-f]{4} newobj: newobj of the class Snippet.Thing", e.Construct);
    }

    [Fact]
    public void A_virtual_call_is_refused()
    {
        CompilationException e = Refused("return Call(null);", "static int Call(Thing t) => t.Get();");
        Assert.Equal("Snippet.Program::Call(Snippet.Thing)", e.Method);
        Assert.Contains("callvirt: a virtual call of Snippet.Thing::Get()", e.Construct);
    }

    [Fact]
    public void Arrays_are_refused()
    {
        CompilationException e = Refused("return Length(null);", "static int Length(int[] a) => a.Length;");
        Assert.Contains("array System.Int32[] (not compiled yet)", e.Message);
    }

    [Fact]
    public void Exception_handlers_are_refused()
    {
        CompilationException e = Refused("try { return Get(); } finally { Get(); }", "static int Get() => 1;");
        Assert.Contains("exception handling (try/catch/finally) is not compiled yet", e.Construct);
        Assert.Equal("Snippet.Program::Main()", e.Method);
    }

    [Fact]
    public void Generic_methods_are_refused()
    {
        CompilationException e = Refused("return Id(3);", "static T Id<T>(T v) => v;");
        Assert.Contains("generic", e.Construct);
        Assert.Contains("call", e.Construct);
    }

    [Fact]
    public void Floating_point_is_refused()
    {
        CompilationException e = Refused("return (int)Half(3);", "static double Half(int v) => v / 2.0;");
        Assert.Contains("floating point", e.Message);
    }

    [Fact]
    public void Throw_is_refused()
    {
        CompilationException e = Refused("return Fail(null);", "static int Fail(System.Exception x) => throw x;");
        Assert.Contains("throw: exceptions are not compiled yet", e.Construct);
    }

    [Fact]
    public void An_entry_point_with_arguments_is_refused()
    {
        CompilationException e = Snippets.Refused("namespace Snippet; public static class Program { public static int Main(int x) => x; }");
        Assert.Contains("static int Main()", e.Message);
    }

    [Fact]
    public void A_missing_intrinsic_names_the_extern_method()
    {
        CompilationException e = Refused("return new object().GetHashCode();");
        Assert.Contains("newobj", e.Construct);
    }
}

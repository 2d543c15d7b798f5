namespace Xous.IlCompiler.Tests;

/// <summary>What the compiler cannot compile stops the build with an error naming the method, the IL offset and the construct.</summary>
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
    public void Multi_dimensional_arrays_are_refused()
    {
        CompilationException e = Refused("return Make().Length;", "static int[,] Make() => new int[2, 3];");
        Assert.Equal("Snippet.Program::Main()", e.Method);
        Assert.Contains("multi-dimensional array", e.Message);
    }

    [Fact]
    public void Function_pointer_calls_are_refused()
    {
        CompilationException e = Refused("unsafe { return Call(null); }", "static unsafe int Call(delegate*<int, int> f) => f(1);");
        Assert.Contains("function pointer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Floating_point_is_refused()
    {
        CompilationException e = Refused("return (int)Half(3);", "static double Half(int v) => v / 2.0;");
        Assert.Contains("floating point", e.Message);
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
        CompilationException e = Refused(
            "return Missing();",
            "[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] static extern int Missing();");
        Assert.Equal("Snippet.Program::Main()", e.Method);
        Assert.Contains("Snippet.Program::Missing(), an InternalCall/intrinsic the compiler does not supply", e.Construct);
    }
}

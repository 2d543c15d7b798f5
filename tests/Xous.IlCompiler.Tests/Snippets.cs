using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Xous.IlCompiler.Tests;

/// <summary>Compiles C# snippets against the device corlib alone (as the device flavour does) and runs the compiler on them.</summary>
internal static class Snippets
{
    private static int s_counter;

    /// <summary>Compiles <paramref name="source"/> to a device assembly and returns its path.</summary>
    public static string Build(string source, string assemblyName)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [MetadataReference.CreateFromFile(BuildInfo.CoreLib)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Disable));
        string path = Path.Combine(BuildInfo.Scratch("snippets"), assemblyName + ".dll");
        using (FileStream stream = File.Create(path))
        {
            EmitResult result = compilation.Emit(stream, options: new EmitOptions(runtimeMetadataVersion: "v4.0.30319"));
            Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return path;
    }

    /// <summary>Compiles the snippet's <c>Snippet.Program.Main</c> to C.</summary>
    public static CompilerResult Compile(string source)
    {
        string name = "Snippet" + Interlocked.Increment(ref s_counter);
        string assembly = Build(source, name);
        return Compiler.Compile(new CompilerOptions(assembly, [BuildInfo.CoreLib], "Snippet.Program"));
    }

    /// <summary>Compiles the snippet and checks the C with gcc -Wall -Werror (when the toolchain is installed).</summary>
    public static string CompileToC(string source)
    {
        CompilerResult result = Compile(source);
        if (Rv32.Missing == null)
        {
            string cFile = Path.Combine(BuildInfo.Scratch("snippets"), "Snippet" + Interlocked.Increment(ref s_counter) + ".c");
            File.WriteAllText(cFile, result.CSource);
            Rv32.CompileOnly(cFile);
        }

        return result.CSource;
    }

    /// <summary>Compiles the snippet and returns the compiler's error.</summary>
    public static CompilationException Refused(string source) => Assert.Throws<CompilationException>(() => Compile(source));
}

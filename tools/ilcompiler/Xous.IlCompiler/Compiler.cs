using Xous.IlCompiler.CodeGen;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler;

/// <summary>What to compile.</summary>
/// <param name="Input">The device-flavour assembly that holds the entry point.</param>
/// <param name="References">The other assemblies it uses, the corlib (Xous.CoreLib) among them.</param>
/// <param name="EntryType">
/// The type whose <c>static int Main()</c> (or <c>static void Main()</c>) is the entry point; null for the assembly's
/// entry point.
/// </param>
public sealed record CompilerOptions(string Input, IReadOnlyList<string> References, string? EntryType = null);

/// <summary>The output of a compilation.</summary>
/// <param name="CSource">The C translation unit.</param>
/// <param name="Methods">The methods compiled, as <see cref="MethodDesc.FullName"/>, in the order they were reached.</param>
public sealed record CompilerResult(string CSource, IReadOnlyList<string> Methods);

/// <summary>The device compiler's entry: IL of device-flavour assemblies in, one C file out.</summary>
public static class Compiler
{
    /// <summary>
    /// Compiles everything reachable from the entry point to C. Throws <see cref="CompilationException"/> naming the
    /// method and construct when something cannot be compiled.
    /// </summary>
    public static CompilerResult Compile(CompilerOptions options)
    {
        using var context = new TypeSystemContext();
        ModuleDesc input = context.Load(options.Input);
        foreach (string reference in options.References)
        {
            context.Load(reference);
        }

        MethodDesc entry = FindEntryPoint(input, options.EntryType);
        var compilation = new Compilation(context);
        string source = compilation.Compile(entry);
        return new CompilerResult(source, compilation.Methods.Select(m => m.FullName).ToArray());
    }

    private static MethodDesc FindEntryPoint(ModuleDesc module, string? entryType)
    {
        MethodDesc entry;
        if (entryType == null)
        {
            entry = module.EntryPoint ?? throw new CompilationException(null, $"{module.Name} has no entry point; name the type whose static Main() to run");
        }
        else
        {
            DefinedType type = module.FindTypeByFullName(entryType) ?? throw new CompilationException(null, $"{module.Name} has no type {entryType}");
            MethodDesc[] candidates = type.Methods.Where(m => m.Name == "Main" && m.IsStatic).ToArray();
            entry = candidates.Length == 1 ? candidates[0] : throw new CompilationException(null, $"{entryType} has {candidates.Length} static Main methods; exactly one is needed");
        }

        bool returnsIntOrVoid = entry.Signature.ReturnType is DefinedType { Primitive: PrimitiveKind.Int32 or PrimitiveKind.Void };
        if (entry.Signature.ParameterTypes.Length != 0 || !returnsIntOrVoid || entry.GenericParameterCount != 0)
        {
            throw new CompilationException(entry.FullName, "the entry point must be static int Main() or static void Main() (no arguments on the device)");
        }

        return entry;
    }
}

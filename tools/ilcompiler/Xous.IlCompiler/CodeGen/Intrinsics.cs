using System.Diagnostics.CodeAnalysis;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>A method whose body the compiler supplies: it emits C in place of the call.</summary>
/// <param name="Emit">
/// Emits the C for a call of the (instantiated) callee with these already converted C arguments; pushes the result,
/// if any.
/// </param>
internal sealed record Intrinsic(Action<MethodTranslator, MethodDesc, string[]> Emit);

/// <summary>
/// The intrinsics, identified by method identity: the defining assembly and the method's full name with its
/// parameter types (<see cref="MethodDesc.FullName"/>). docs/ilcompiler.md lists them.
/// </summary>
internal static class Intrinsics
{
    /// <summary>The assembly of the test programs' console (tests/differential/Xous.Diagnostics.Transcript).</summary>
    public const string TranscriptAssembly = "Xous.Diagnostics.Transcript";

    private const string Transcript = "Xous.Diagnostics.Transcript::";

    private static readonly Dictionary<(string Assembly, string Method), Intrinsic> s_table = new(HardwareIntrinsics.Entries)
    {
        [(TranscriptAssembly, Transcript + "Write(System.String)")] = Statement(a => $"xous_console_write_string({a[0]});"),
        [(TranscriptAssembly, Transcript + "WriteLine(System.String)")] = Statement(a => $"xous_console_write_string({a[0]}); xilc_transcript_newline();"),
        [(TranscriptAssembly, Transcript + "WriteLine()")] = Statement(_ => "xilc_transcript_newline();"),
        [(TranscriptAssembly, Transcript + "Write(System.Char)")] = Statement(a => $"xilc_transcript_char({a[0]});"),
        [(TranscriptAssembly, Transcript + "Write(System.Boolean)")] = Statement(a => $"xilc_transcript_bool({a[0]});"),
        [(TranscriptAssembly, Transcript + "WriteLine(System.Boolean)")] = Statement(a => $"xilc_transcript_bool({a[0]}); xilc_transcript_newline();"),
        [(TranscriptAssembly, Transcript + "Write(System.Int32)")] = Statement(a => $"xous_console_write_i64({a[0]});"),
        [(TranscriptAssembly, Transcript + "WriteLine(System.Int32)")] = Statement(a => $"xous_console_write_i64({a[0]}); xilc_transcript_newline();"),
        [(TranscriptAssembly, Transcript + "Write(System.UInt32)")] = Statement(a => $"xous_console_write_u64({a[0]});"),
        [(TranscriptAssembly, Transcript + "WriteLine(System.UInt32)")] = Statement(a => $"xous_console_write_u64({a[0]}); xilc_transcript_newline();"),
        [(TranscriptAssembly, Transcript + "Write(System.Int64)")] = Statement(a => $"xous_console_write_i64({a[0]});"),
        [(TranscriptAssembly, Transcript + "WriteLine(System.Int64)")] = Statement(a => $"xous_console_write_i64({a[0]}); xilc_transcript_newline();"),
        [(TranscriptAssembly, Transcript + "Write(System.UInt64)")] = Statement(a => $"xous_console_write_u64({a[0]});"),
        [(TranscriptAssembly, Transcript + "WriteLine(System.UInt64)")] = Statement(a => $"xous_console_write_u64({a[0]}); xilc_transcript_newline();"),
    };

    /// <summary>Every intrinsic's identity, for the documentation test.</summary>
    public static IEnumerable<string> Names => s_table.Keys.Select(k => $"[{k.Assembly}]{k.Method}");

    /// <summary>The intrinsic for <paramref name="method"/>, if the compiler supplies one.</summary>
    public static bool TryGet(MethodDesc method, [NotNullWhen(true)] out Intrinsic? intrinsic) =>
        s_table.TryGetValue((method.Module.Name, method.FullName), out intrinsic) ||
        CoreLibIntrinsics.TryGet(method, out intrinsic);

    /// <summary>True when the compiler writes the body of a method that has no IL (delegate constructors and Invoke).</summary>
    public static bool HasBody(MethodDesc method) => SyntheticMethods.IsDelegate(method.Owner) && !method.IsStatic;

    private static Intrinsic Statement(Func<string[], string> statement) =>
        new((translator, _, arguments) => translator.EmitStatement(statement(arguments)));
}

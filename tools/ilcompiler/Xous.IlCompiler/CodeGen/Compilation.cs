using System.Text;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// One compilation: starting from the entry point, translates every method the code can reach (a worklist: a method
/// is queued the first time a translated body calls it), and collects the static fields, type initializers, string
/// literals and types the translated code uses. Everything else in the input assemblies is left out.
/// </summary>
internal sealed class Compilation
{
    private readonly Queue<MethodDesc> _queue = new();
    private readonly List<MethodDesc> _methods = [];
    private readonly HashSet<MethodDesc> _methodSet = [];
    private readonly Dictionary<MethodDesc, (string Prototype, string Body)> _translated = [];
    private readonly List<FieldDesc> _staticFields = [];
    private readonly HashSet<FieldDesc> _staticFieldSet = [];
    private readonly List<DefinedType> _initializedTypes = [];

    public Compilation(TypeSystemContext context)
    {
        Context = context;
        Names = new NameMangler();
        Layouts = new TypeLayouts(Names);
    }

    public TypeSystemContext Context { get; }

    public NameMangler Names { get; }

    public TypeLayouts Layouts { get; }

    public StringLiterals Strings { get; } = new();

    /// <summary>The methods compiled, in the order they were reached.</summary>
    public IReadOnlyList<MethodDesc> Methods => _methods;

    /// <summary>Queues <paramref name="method"/> for translation (once) and returns its C name.</summary>
    public string RequireMethod(MethodDesc method)
    {
        if (_methodSet.Add(method))
        {
            _methods.Add(method);
            _queue.Enqueue(method);
        }

        return Names.Method(method);
    }

    /// <summary>Records a static field the code uses and returns its C variable.</summary>
    public string RequireStaticField(FieldDesc field)
    {
        if (_staticFieldSet.Add(field))
        {
            Layouts.CType(field.FieldType);
            _staticFields.Add(field);
        }

        return Names.StaticField(field);
    }

    /// <summary>
    /// For a static method or instance constructor of a type with a precise type initializer (no
    /// <c>beforefieldinit</c>): the function to call first, which runs the initializer once. Null otherwise.
    /// </summary>
    public string? EnsurePreciseInitialization(MethodDesc method) =>
        method.Name == ".cctor" || method.Owner.IsBeforeFieldInit ? null : Ensure(method.Owner);

    /// <summary>
    /// Before an access to a static field of <paramref name="owner"/> from <paramref name="accessor"/>: the function to
    /// call first, or null when the type has no initializer or it has certainly started already (inside the
    /// initializer itself, or in a static method of a precise type, which ran it on entry).
    /// </summary>
    public string? EnsureInitializedForFieldAccess(DefinedType owner, MethodDesc accessor)
    {
        if (accessor.Owner == owner && (accessor.Name == ".cctor" || (!owner.IsBeforeFieldInit && (accessor.IsStatic || accessor.Name == ".ctor"))))
        {
            return null;
        }

        return Ensure(owner);
    }

    /// <summary>Translates everything reachable from <paramref name="entry"/> and returns the C file.</summary>
    public string Compile(MethodDesc entry)
    {
        RequireMethod(entry);
        while (_queue.Count > 0)
        {
            MethodDesc method = _queue.Dequeue();
            var translator = new MethodTranslator(this, method);
            string body = translator.Translate();
            _translated.Add(method, (translator.Prototype(), body));
        }

        return Write(entry);
    }

    private string? Ensure(DefinedType owner)
    {
        MethodDesc? initializer = owner.StaticConstructor;
        if (initializer == null)
        {
            return null;
        }

        if (!_initializedTypes.Contains(owner))
        {
            _initializedTypes.Add(owner);
            RequireMethod(initializer);
        }

        return Names.Type(owner) + "__ensure_initialized";
    }

    /// <summary>
    /// The collector's static roots (xous_rt.h): the address of every static reference field, including reference
    /// fields inside static structs. Omitted when there is none (the runtime's weak default is an empty table).
    /// </summary>
    private void WriteStaticRoots(StringBuilder output)
    {
        var roots = new List<string>();
        foreach (FieldDesc field in _staticFields)
        {
            AddRoots(field.FieldType, Names.StaticField(field), roots);
        }

        if (roots.Count == 0)
        {
            return;
        }

        output.AppendLine("void** const xous_static_roots[] = {");
        foreach (string root in roots)
        {
            output.Append("    (void**)&").Append(root).AppendLine(",");
        }

        output.AppendLine("};");
        output.Append("const int32_t xous_static_root_count = ").Append(roots.Count).AppendLine(";");
    }

    private void AddRoots(TypeDesc type, string location, List<string> roots)
    {
        if (type is not DefinedType defined || defined.IsEnum || defined.Primitive != PrimitiveKind.None)
        {
            return;
        }

        if (!defined.IsValueType)
        {
            roots.Add(location);
            return;
        }

        foreach (FieldDesc field in defined.InstanceFields)
        {
            AddRoots(field.FieldType, location + "." + Layouts.MemberName(field), roots);
        }
    }

    private string Write(MethodDesc entry)
    {
        string stringType = Names.Type(Context.GetWellKnownType("System", "String")) + "__type";
        if (Strings.Any)
        {
            Layouts.CType(Context.GetWellKnownType("System", "String"));
        }

        var output = new StringBuilder();
        output.AppendLine("/* Generated by tools/ilcompiler (xous-ilc) from the IL of device-flavour assemblies. Do not edit. */");
        output.Append("/* Entry point: ").Append(CLiteral.Comment(entry.FullName)).AppendLine(" */");
        output.AppendLine("#include <stdint.h>");
        output.AppendLine("#include \"xous_rt.h\"");
        output.AppendLine();
        output.Append("#define XILC_UNHANDLED_EXIT_STATUS ").Append(Prelude.UnhandledExceptionExitStatus).AppendLine();
        output.AppendLine(Prelude.Text);
        Layouts.Write(output);

        if (Strings.Any)
        {
            output.AppendLine("/* System.String: header, int32 length, UTF-16 code units. */");
            output.Append("static const XousType ").Append(stringType)
                .AppendLine(" = { .instance_size = 0, .element_size = 2, .flags = XOUS_TYPE_ARRAY | XOUS_TYPE_STRING };");
            Strings.Write(output, stringType);
            output.AppendLine();
        }

        foreach (FieldDesc field in _staticFields)
        {
            output.Append("static ").Append(Layouts.CType(field.FieldType)).Append(' ').Append(Names.StaticField(field)).AppendLine(";");
        }

        WriteStaticRoots(output);

        output.AppendLine();
        foreach (MethodDesc method in _methods)
        {
            output.Append(_translated[method].Prototype).AppendLine(";");
        }

        output.AppendLine();
        foreach (DefinedType type in _initializedTypes)
        {
            string name = Names.Type(type);
            output.Append("/* ").Append(type.FullName).Append(type.IsBeforeFieldInit ? ": beforefieldinit, runs before the first static field access" : ": precise, runs before the first static member access").AppendLine(" */");
            output.Append("static uint8_t ").Append(name).AppendLine("__initialization; /* 0 not started, 1 running, 2 done */");
            output.Append("static __attribute__((noinline)) void ").Append(name).AppendLine("__initialize(void)");
            output.AppendLine("{");
            output.Append("    if (").Append(name).AppendLine("__initialization == 0) {");
            output.Append("        ").Append(name).AppendLine("__initialization = 1;");
            output.Append("        ").Append(Names.Method(type.StaticConstructor!)).AppendLine("();");
            output.Append("        ").Append(name).AppendLine("__initialization = 2;");
            output.AppendLine("    }");
            output.AppendLine("}");
            output.Append("static inline void ").Append(name).AppendLine("__ensure_initialized(void)");
            output.AppendLine("{");
            output.Append("    if (__builtin_expect(").Append(name).Append("__initialization != 2, 0)) ").Append(name).AppendLine("__initialize();");
            output.AppendLine("}");
            output.AppendLine();
        }

        foreach (MethodDesc method in _methods)
        {
            output.AppendLine(_translated[method].Body);
        }

        bool returnsValue = entry.Signature.ReturnType is not DefinedType { Primitive: PrimitiveKind.Void };
        output.AppendLine("int xous_main(void)");
        output.AppendLine("{");
        output.Append("    ").Append(returnsValue ? "return (int)" : "").Append(Names.Method(entry)).AppendLine("();");
        if (!returnsValue)
        {
            output.AppendLine("    return 0;");
        }

        output.AppendLine("}");
        return output.ToString();
    }
}

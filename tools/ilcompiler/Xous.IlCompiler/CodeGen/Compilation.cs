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

    private readonly Dictionary<string, string> _runtimeExceptions = new(StringComparer.Ordinal);
    private readonly StringBuilder _synthetic = new();

    public Compilation(TypeSystemContext context)
    {
        Context = context;
        Names = new NameMangler();
        Layouts = new TypeLayouts(Names);
        Virtuals = new VirtualMethods(context);
        Descriptors = new TypeDescriptors(this);
        EnumInfos = new EnumInfos(this);
    }

    /// <summary>RVA static data.</summary>
    public RvaData RvaData { get; } = new();

    /// <summary>DeviceRuntime.GetEnumInfo support.</summary>
    public EnumInfos EnumInfos { get; }

    /// <summary>Virtual tables and interface resolution.</summary>
    public VirtualMethods Virtuals { get; }

    /// <summary>The run-time type descriptors.</summary>
    public TypeDescriptors Descriptors { get; }

    private MethodDesc? _castFailureConstructor;
    private readonly List<MethodDesc> _genericVirtualCalls = [];
    private readonly List<(MethodDesc Declaration, DefinedType Type, MethodDesc Implementation)> _genericVirtualTargets = [];
    private readonly List<DefinedType> _constructedClasses = [];

    /// <summary>
    /// The dispatcher of a generic virtual method (one per instantiation called): a C function that tests the object's
    /// exact type against every constructed type that has the method and calls that type's instantiation.
    /// </summary>
    public string GenericVirtualDispatcher(MethodDesc declaration)
    {
        if (!_genericVirtualCalls.Contains(declaration))
        {
            _genericVirtualCalls.Add(declaration);
            foreach (DefinedType type in _constructedClasses.ToArray())
            {
                AddGenericVirtualTarget(declaration, type);
            }
        }

        return Names.Helper("xilc_gvm_" + Names.Method(declaration), declaration);
    }

    /// <summary>Called when objects of a class or struct type come to exist.</summary>
    public void OnConstructed(DefinedType type)
    {
        _constructedClasses.Add(type);
        foreach (MethodDesc declaration in _genericVirtualCalls.ToArray())
        {
            AddGenericVirtualTarget(declaration, type);
        }
    }

    private void AddGenericVirtualTarget(MethodDesc declaration, DefinedType type)
    {
        MethodDesc? implementation = Virtuals.ResolveGenericVirtual(type, declaration);
        if (implementation != null)
        {
            if (type.IsValueType)
            {
                throw new CompilationException(null, $"a generic virtual method ({declaration.FullName}) called on a boxed struct {type.FullName}");
            }

            RequireMethod(implementation);
            _genericVirtualTargets.Add((declaration, type, implementation));
        }
    }

    private void WriteGenericVirtualDispatchers(StringBuilder output)
    {
        foreach (MethodDesc declaration in _genericVirtualCalls)
        {
            string returnType = Layouts.CType(declaration.Signature.ReturnType);
            string[] parameterTypes = declaration.Signature.ParameterTypes.Select(Layouts.CType).ToArray();
            string parameters = string.Concat(parameterTypes.Select((t, i) => $", {t} a{i}"));
            string arguments = string.Concat(parameterTypes.Select((_, i) => $", a{i}"));
            output.Append("static ").Append(returnType).Append(' ').Append(GenericVirtualDispatcher(declaration)).Append("(void* self").Append(parameters).AppendLine(")");
            output.AppendLine("{");
            output.AppendLine("    const XilcType* type = XILC_TYPE(self);");
            foreach ((MethodDesc _, DefinedType type, MethodDesc implementation) in _genericVirtualTargets.Where(t => t.Declaration == declaration))
            {
                output.Append("    if (type == &").Append(Descriptors.Name(type)).Append(") ").Append(returnType == "void" ? "{ " : "return ")
                    .Append(Names.Method(implementation)).Append("((").Append(Layouts.CType(implementation.Owner)).Append(")self").Append(arguments)
                    .AppendLine(returnType == "void" ? "); return; }" : ");");
            }

            output.AppendLine("    xous_panic(\"generic virtual method: the object's type has no implementation\");");
            output.AppendLine("}");
        }
    }

    /// <summary>
    /// The C function that throws InvalidCastException with .NET's message ("Unable to cast object of type 'A' to type
    /// 'B'."); it takes the object, the target type's descriptor and the throwing method's name.
    /// </summary>
    public string CastFailure()
    {
        if (_castFailureConstructor == null)
        {
            DefinedType type = Context.GetWellKnownType("System", "InvalidCastException");
            Descriptors.Construct(type);
            _castFailureConstructor = type.Methods.FirstOrDefault(m => m.Name == ".ctor" && m.Signature.ParameterTypes.Length == 1 &&
                m.Signature.ParameterTypes[0] is DefinedType { IsString: true })
                ?? throw new CompilationException(null, "System.InvalidCastException has no constructor (string)");
            RequireMethod(_castFailureConstructor);
            Descriptors.Construct(Context.GetWellKnownType("System", "String"));
            Strings.Require("Unable to cast object of type '");
            Strings.Require("' to type '");
            Strings.Require("'.");
        }

        return "xilc_throw_cast";
    }

    private void WriteCastFailure(StringBuilder output)
    {
        if (_castFailureConstructor == null)
        {
            return;
        }

        DefinedType type = _castFailureConstructor.Owner;
        string stringType = Descriptors.Name(Context.GetWellKnownType("System", "String"));
        output.AppendLine("static __attribute__((noinline, noreturn, cold, unused)) void xilc_throw_cast(const void* object, const XilcType* target, const char* method)");
        output.AppendLine("{");
        output.Append("    const XousString* parts[5] = { (const XousString*)&").Append(Strings.Require("Unable to cast object of type '"))
            .Append(", (const XousString*)XILC_TYPE(object)->cast_name, (const XousString*)&").Append(Strings.Require("' to type '"))
            .Append(", (const XousString*)target->cast_name, (const XousString*)&").Append(Strings.Require("'.")).AppendLine(" };");
        output.AppendLine("    int32_t length = 0;");
        output.AppendLine("    for (int i = 0; i < 5; i++) length += parts[i]->length;");
        output.Append("    XousString* message = (XousString*)xilc_new_array(&").Append(stringType).AppendLine(", length, method);");
        output.AppendLine("    int32_t at = 0;");
        output.AppendLine("    for (int i = 0; i < 5; i++) { __builtin_memcpy(&message->chars[at], parts[i]->chars, (uint32_t)parts[i]->length * 2u); at += parts[i]->length; }");
        output.Append("    void* e = xilc_new(&").Append(Descriptors.Name(type)).AppendLine(", method);");
        output.Append("    ").Append(Names.Method(_castFailureConstructor)).Append("((").Append(Layouts.CType(type)).Append(")e, (").Append(Layouts.CType(Context.GetWellKnownType("System", "String"))).AppendLine(")message);");
        output.AppendLine("    xilc_rethrow(e, method);");
        output.AppendLine("}");
    }

    /// <summary>
    /// The C function that allocates, constructs (parameterless constructor) and throws a corlib exception of that
    /// name; it takes the throwing method's name.
    /// </summary>
    public string ThrowHelper(string exceptionType)
    {
        if (!_runtimeExceptions.TryGetValue(exceptionType, out string? name))
        {
            int dot = exceptionType.LastIndexOf('.');
            DefinedType type = Context.GetWellKnownType(exceptionType[..dot], exceptionType[(dot + 1)..]);
            Descriptors.Construct(type);
            MethodDesc constructor = type.Methods.FirstOrDefault(m => m.Name == ".ctor" && m.Signature.ParameterTypes.Length == 0)
                ?? throw new CompilationException(null, $"{exceptionType} has no parameterless constructor");
            RequireMethod(constructor);
            name = "xilc_throw_" + Names.Type(type);
            _runtimeExceptions.Add(exceptionType, name);
        }

        return name;
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
        ThrowHelper("System.OutOfMemoryException");
        ThrowHelper("System.NullReferenceException");
        Descriptors.Construct(Context.GetWellKnownType("System", "String"));
        Descriptors.MarkVirtualCall(Context.GetWellKnownType("System", "Exception").Methods.First(m => m.Name == "get_Message"));
        while (_queue.Count > 0)
        {
            MethodDesc method = _queue.Dequeue();
            if (!method.HasBody && SyntheticMethods.TryTranslate(this, method) is (string prototype, string synthetic))
            {
                _translated.Add(method, (prototype, synthetic));
                continue;
            }

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
        var roots = new List<string> { "xilc_exception", "xilc_out_of_memory" };
        foreach (FieldDesc field in _staticFields)
        {
            AddRoots(field.FieldType, Names.StaticField(field), roots);
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
        // Descriptors first: writing them names strings and struct layouts that the rest must declare.
        var descriptors = new StringBuilder();
        Descriptors.WriteDefinitions(descriptors);
        DefinedType exception = Context.GetWellKnownType("System", "Exception");
        MethodDesc getMessage = exception.Methods.First(m => m.Name == "get_Message");
        int messageSlot = Virtuals.SlotOf(getMessage);

        var output = new StringBuilder();
        output.AppendLine("/* Generated by tools/ilcompiler (xous-ilc) from the IL of device-flavour assemblies. Do not edit. */");
        output.Append("/* Entry point: ").Append(CLiteral.Comment(entry.FullName)).AppendLine(" */");
        output.AppendLine("#include <stdint.h>");
        output.AppendLine("/* A method whose every normal exit recurses, but which ends by throwing, is not infinite recursion. */");
        output.AppendLine("#pragma GCC diagnostic ignored \"-Winfinite-recursion\"");
        output.AppendLine("#include \"xous_rt.h\"");
        output.AppendLine("#include \"xous_hw.h\"");
        output.AppendLine();
        output.Append("#define XILC_UNHANDLED_EXIT_STATUS ").Append(Prelude.UnhandledExceptionExitStatus).AppendLine();
        output.AppendLine(Prelude.Text);
        Layouts.Write(output);
        Descriptors.WriteDeclarations(output);
        Strings.Write(output, Descriptors.Name(Context.GetWellKnownType("System", "String")) + ".t");
        output.AppendLine();
        RvaData.Write(output);

        foreach (FieldDesc field in _staticFields)
        {
            output.Append("static ").Append(Layouts.CType(field.FieldType)).Append(' ').Append(Names.StaticField(field)).AppendLine(";");
        }

        WriteStaticRoots(output);

        output.AppendLine();
        foreach (MethodDesc method in _methods)
        {
            output.Append(_translated[method].Prototype).AppendLine(" __attribute__((unused));");
        }

        output.AppendLine();
        foreach ((string typeName, string helper) in _runtimeExceptions)
        {
            int dot = typeName.LastIndexOf('.');
            DefinedType type = Context.GetWellKnownType(typeName[..dot], typeName[(dot + 1)..]);
            MethodDesc constructor = type.Methods.First(m => m.Name == ".ctor" && m.Signature.ParameterTypes.Length == 0);
            output.Append("static __attribute__((noinline, noreturn, cold, unused)) void ").Append(helper).AppendLine("(const char* method)");
            output.AppendLine("{");
            output.Append("    void* e = xilc_new(&").Append(Descriptors.Name(type)).AppendLine(", method);");
            output.Append("    ").Append(Names.Method(constructor)).Append("((").Append(Layouts.CType(type)).AppendLine(")e);");
            output.AppendLine("    xilc_rethrow(e, method);");
            output.AppendLine("}");
        }

        WriteCastFailure(output);
        WriteGenericVirtualDispatchers(output);
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

        Descriptors.WriteHelpers(output);
        EnumInfos.Write(output);
        output.AppendLine();
        foreach (MethodDesc method in _methods)
        {
            output.AppendLine(_translated[method].Body);
        }

        output.Append(descriptors);

        output.AppendLine("/* An exception no handler caught: what .NET prints first, and the method that threw. */");
        output.AppendLine("static void xilc_report_unhandled(void* exception, const char* method)");
        output.AppendLine("{");
        output.AppendLine("    xous_console_write_cstr(\"Unhandled exception. \");");
        output.AppendLine("    xous_console_write_string(XILC_TYPE(exception)->name);");
        output.AppendLine("    xous_console_write_cstr(\": \");");
        output.Append("    xous_console_write_string(((void* (*)(void*))XILC_TYPE(exception)->t.vtable[").Append(messageSlot).AppendLine("])(exception));");
        output.AppendLine("    xous_console_write_cstr(\"\\n   at \");");
        output.AppendLine("    xous_console_write_cstr(method);");
        output.AppendLine("    xous_console_write_cstr(\"\\n\");");
        output.AppendLine("}");
        output.AppendLine();

        DefinedType outOfMemory = Context.GetWellKnownType("System", "OutOfMemoryException");
        MethodDesc outOfMemoryConstructor = outOfMemory.Methods.First(m => m.Name == ".ctor" && m.Signature.ParameterTypes.Length == 0);
        bool returnsValue = entry.Signature.ReturnType is not DefinedType { Primitive: PrimitiveKind.Void };
        output.AppendLine("int xous_main(void)");
        output.AppendLine("{");
        output.AppendLine("    /* Allocated while there is room, thrown when there is none. */");
        output.Append("    xilc_out_of_memory = xous_gc_alloc(&").Append(Descriptors.Name(outOfMemory)).AppendLine(".t);");
        output.AppendLine("    if (xilc_out_of_memory == 0) xous_panic(\"no heap for the OutOfMemoryException\");");
        output.Append("    ").Append(Names.Method(outOfMemoryConstructor)).Append("((").Append(Layouts.CType(outOfMemory)).AppendLine(")xilc_out_of_memory);");
        output.Append("    ").Append(returnsValue ? "return (int)" : "").Append(Names.Method(entry)).AppendLine("();");
        if (!returnsValue)
        {
            output.AppendLine("    return 0;");
        }

        output.AppendLine("}");
        return output.ToString();
    }
}

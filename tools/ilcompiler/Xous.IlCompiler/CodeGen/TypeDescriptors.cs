using System.Text;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// The run-time type descriptors (<c>XilcType</c>, whose first member is the runtime's <c>XousType</c>): one per type
/// the code allocates, boxes, casts to, catches or names as an array element or base. A <em>constructed</em> type
/// (allocated or boxed) also gets its virtual table and interface map, and every method in them is compiled; value
/// types get unboxing stubs there, and the compiler's own <c>ValueType.Equals/GetHashCode</c>.
/// </summary>
internal sealed class TypeDescriptors(Compilation compilation)
{
    private readonly List<TypeDesc> _types = [];
    private readonly HashSet<TypeDesc> _required = [];
    private readonly HashSet<TypeDesc> _constructed = [];
    private readonly Dictionary<TypeDesc, string> _names = [];
    private readonly StringBuilder _helpers = new();
    private readonly HashSet<string> _helperNames = new(StringComparer.Ordinal);

    /// <summary>Flags in XousType.flags that belong to the compiler (bits 16..31).</summary>
    public const uint KindInterface = 0x10000, KindValueType = 0x20000, KindArray = 0x40000, KindAbstract = 0x80000, KindDelegate = 0x100000;

    /// <summary>The C expression of the descriptor of <paramref name="type"/> (a <c>const XilcType*</c>).</summary>
    public string Require(TypeDesc type)
    {
        if (_required.Add(type))
        {
            switch (type)
            {
                case ArrayType array:
                    Require(array.Element);
                    Require(compilation.Context.GetWellKnownType("System", "Array"));
                    break;
                case DefinedType defined:
                    if (defined.IsOpenGeneric)
                    {
                        throw new CompilationException(null, $"a descriptor of the open generic type {defined.FullName}");
                    }

                    if (Variance(defined) != 0)
                    {
                        foreach (TypeDesc argument in defined.Instantiation)
                        {
                            Require(argument);
                        }
                    }

                    if (defined.BaseType is DefinedType b)
                    {
                        Require(b);
                    }

                    if (defined.IsEnum)
                    {
                        Require(defined.EnumUnderlyingType);
                    }

                    break;
                default:
                    throw new CompilationException(null, $"a run-time type for {type.FullName}");
            }

            _types.Add(type);
            compilation.Strings.Require(type.FullName);
            compilation.Strings.Require(CastName(type));
        }

        return "&" + Name(type);
    }

    /// <summary>The C variable of the descriptor.</summary>
    public string Name(TypeDesc type)
    {
        if (!_names.TryGetValue(type, out string? name))
        {
            name = compilation.Names.Descriptor(type);
            _names.Add(type, name);
        }

        return name;
    }

    /// <summary>
    /// Records that objects of <paramref name="type"/> exist (allocated, boxed or an array created): its virtual table and
    /// interface map are emitted, and every method in them is compiled.
    /// </summary>
    public string Construct(TypeDesc type)
    {
        string descriptor = Require(type);
        if (!_constructed.Add(type))
        {
            return descriptor;
        }

        DefinedType runtimeType = type as DefinedType ?? compilation.Context.GetWellKnownType("System", "Array");
        if (type is DefinedType constructedType)
        {
            compilation.OnConstructed(constructedType);
        }

        if (runtimeType.IsEnum)
        {
            compilation.EnumInfos.Prepare(runtimeType);
        }
        if (type is DefinedType d)
        {
            if (d.IsInterface || (d.Attributes & System.Reflection.TypeAttributes.Abstract) != 0 && !d.IsValueType)
            {
                throw new CompilationException(null, $"an instance of the {(d.IsInterface ? "interface" : "abstract class")} {d.FullName}");
            }

            if (!d.IsValueType)
            {
                compilation.Layouts.RequireClassLayout(d);
            }
            else
            {
                compilation.Layouts.CType(d);
            }
        }

        IReadOnlyList<MethodDesc> slots = compilation.Virtuals.Slots(runtimeType);
        for (int i = 0; i < slots.Count; i++)
        {
            if (IsSlotCalled(runtimeType, i))
            {
                SlotFunction(type, slots[i]);
            }
        }

        foreach (DefinedType iface in InterfacesOf(type))
        {
            Require(iface);
            foreach (MethodDesc method in VirtualMethods.InterfaceSlots(iface))
            {
                if (IsInterfaceMethodCalled(method))
                {
                    SlotFunction(type, InterfaceImplementation(type, method));
                }
            }
        }

        return descriptor;
    }

    private readonly HashSet<(DefinedType Definition, int Slot)> _calledSlots = [];
    private readonly HashSet<(DefinedType Definition, System.Reflection.Metadata.MethodDefinitionHandle Method)> _calledInterfaceMethods = [];

    /// <summary>
    /// Records that code calls <paramref name="method"/> through a virtual table or interface map. Only called slots
    /// get their implementations compiled (rapid type analysis: a slot no code calls is never reached); every
    /// constructed type gets the implementation of a slot once a call of it is seen.
    /// </summary>
    public void MarkVirtualCall(MethodDesc method)
    {
        if (method.Owner.IsInterface)
        {
            if (_calledInterfaceMethods.Add((method.Owner.Definition, method.Handle)))
            {
                foreach (TypeDesc type in _constructed.ToArray())
                {
                    foreach (DefinedType iface in InterfacesOf(type).Where(i => i.Definition == method.Owner.Definition))
                    {
                        SlotFunction(type, InterfaceImplementation(type, iface.GetMethod(method.Handle)));
                    }
                }
            }

            return;
        }

        int slot = compilation.Virtuals.SlotOf(method);
        if (_calledSlots.Add((method.Owner.Definition, slot)))
        {
            foreach (TypeDesc type in _constructed.ToArray())
            {
                DefinedType runtimeType = type as DefinedType ?? compilation.Context.GetWellKnownType("System", "Array");
                if (IsSlotCalled(runtimeType, slot))
                {
                    SlotFunction(type, compilation.Virtuals.Slots(runtimeType)[slot]);
                }
            }
        }
    }

    private bool IsSlotCalled(DefinedType type, int slot)
    {
        for (DefinedType? t = type; t != null; t = t.BaseType as DefinedType)
        {
            if (_calledSlots.Contains((t.Definition, slot)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInterfaceMethodCalled(MethodDesc method) => _calledInterfaceMethods.Contains((method.Owner.Definition, method.Handle));


    /// <summary>The enum types that are boxed somewhere.</summary>
    public IEnumerable<DefinedType> ConstructedEnums => _constructed.OfType<DefinedType>().Where(t => t.IsEnum).ToArray();

    /// <summary>True when objects of the type may exist (see <see cref="Construct"/>).</summary>
    public bool IsConstructed(TypeDesc type) => _constructed.Contains(type);

    /// <summary>Writes the forward declarations of every descriptor (before the functions that use them).</summary>
    public void WriteDeclarations(StringBuilder output)
    {
        foreach (TypeDesc type in _types)
        {
            output.Append("static const XilcType ").Append(Name(type)).AppendLine(" __attribute__((unused));");
        }

        output.AppendLine();
    }

    /// <summary>Writes the helper functions (unboxing stubs, value-type Equals/GetHashCode) and their prototypes.</summary>
    public void WriteHelpers(StringBuilder output) => output.Append(_helpers);

    /// <summary>Writes every descriptor with its virtual table and interface map.</summary>
    public void WriteDefinitions(StringBuilder output)
    {
        foreach (TypeDesc type in _types)
        {
            WriteDescriptor(type, output);
        }
    }

    private void WriteDescriptor(TypeDesc type, StringBuilder output)
    {
        string name = Name(type);
        TypeLayouts layouts = compilation.Layouts;
        var flags = new List<string>();
        string instanceSize = "0", elementSize = "0", refOffsets = "0", refCount = "0", baseType = "0", elementType = "0";
        string vtable = "0", interfaces = "0", interfaceCount = "0", valueSize = "0";
        int primitive = 0;
        var refs = new List<string>();
        DefinedType? runtimeType = type as DefinedType;
        switch (type)
        {
            case ArrayType array:
                flags.Add("XOUS_TYPE_ARRAY");
                flags.Add("XILC_KIND_ARRAY");
                string elementCType = ElementCType(array.Element);
                elementSize = $"sizeof({elementCType})";
                elementType = "&" + Name(array.Element) + ".t";
                baseType = "&" + Name(compilation.Context.GetWellKnownType("System", "Array")) + ".t";
                if (layouts.KindOf(array.Element) == StackKind.ObjectRef)
                {
                    flags.Add("XOUS_TYPE_ELEMENT_IS_REFERENCE");
                }
                else if (array.Element is DefinedType { IsValueType: true } element)
                {
                    ReferencePaths(element, "", refs);
                    if (refs.Count > 0)
                    {
                        flags.Add("XOUS_TYPE_ELEMENT_HAS_REFERENCES");
                        refs = refs.Select(r => $"__builtin_offsetof({layouts.CType(element)}, {r})").ToList();
                    }
                }

                runtimeType = compilation.Context.GetWellKnownType("System", "Array");
                break;
            case DefinedType { IsString: true }:
                flags.Add("XOUS_TYPE_ARRAY");
                flags.Add("XOUS_TYPE_STRING");
                elementSize = "2";
                baseType = "&" + Name((DefinedType)type.BaseTypeOrNull()!) + ".t";
                break;
            case DefinedType d:
                if (d.BaseType is DefinedType b)
                {
                    baseType = "&" + Name(b) + ".t";
                }

                if (d.IsInterface)
                {
                    flags.Add("XILC_KIND_INTERFACE");
                }
                else if (d.IsValueType)
                {
                    flags.Add("XOUS_TYPE_VALUE_TYPE");
                    flags.Add("XILC_KIND_VALUE_TYPE");
                    string valueCType = layouts.FieldCType(d);
                    valueSize = $"sizeof({valueCType})";
                    instanceSize = $"sizeof(struct {{ const void* h; {valueCType} v; }})";
                    primitive = (int)(d.IsEnum ? ((DefinedType)d.EnumUnderlyingType).Primitive : d.Primitive);
                    if (d.Primitive == PrimitiveKind.None && !d.IsEnum)
                    {
                        ReferencePaths(d, "", refs);
                        refs = refs.Select(r => $"4 + __builtin_offsetof({valueCType}, {r})").ToList();
                    }
                }
                else
                {
                    if ((d.Attributes & System.Reflection.TypeAttributes.Abstract) != 0)
                    {
                        flags.Add("XILC_KIND_ABSTRACT");
                    }

                    if (SyntheticMethods.IsDelegate(d))
                    {
                        flags.Add("XILC_KIND_DELEGATE");
                    }

                    if (_constructed.Contains(d) || layouts.HasClassLayout(d))
                    {
                        layouts.RequireClassLayout(d);
                        instanceSize = $"sizeof({layouts.CType(d)[..^1]})";
                        foreach ((string member, TypeDesc fieldType) in layouts.ClassMembers(d))
                        {
                            if (layouts.KindOf(fieldType) == StackKind.ObjectRef)
                            {
                                refs.Add($"__builtin_offsetof({layouts.CType(d)[..^1]}, {member})");
                            }
                            else if (fieldType is DefinedType { IsValueType: true, IsEnum: false, Primitive: PrimitiveKind.None } inner)
                            {
                                var innerRefs = new List<string>();
                                ReferencePaths(inner, member + ".", innerRefs);
                                refs.AddRange(innerRefs.Select(r => $"__builtin_offsetof({layouts.CType(d)[..^1]}, {r})"));
                            }
                        }
                    }
                }

                break;
        }

        if (refs.Count > 0)
        {
            output.Append("static const uint16_t ").Append(name).Append("__refs[] = { ").Append(string.Join(", ", refs)).AppendLine(" };");
            refOffsets = name + "__refs";
            refCount = refs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (_constructed.Contains(type) && runtimeType != null)
        {
            IReadOnlyList<MethodDesc> slots = compilation.Virtuals.Slots(runtimeType);
            if (slots.Count > 0)
            {
                output.Append("static const void* const ").Append(name).Append("__vtable[] = { ")
                    .Append(string.Join(", ", slots.Select((m, i) => "(const void*)" + (IsSlotCalled(runtimeType, i) ? SlotFunction(type, m) : "xilc_uncalled_slot"))))
                    .AppendLine(" };");
                vtable = name + "__vtable";
            }

            {
                IReadOnlyList<DefinedType> all = InterfacesOf(type);
                var entries = new List<string>();
                foreach (DefinedType iface in all)
                {
                    IReadOnlyList<MethodDesc> methods = VirtualMethods.InterfaceSlots(iface);
                    string slotsName = "xilc_no_slots";
                    if (methods.Count > 0)
                    {
                        slotsName = name + "__itable_" + entries.Count;
                        output.Append("static const void* const ").Append(slotsName).Append("[] = { ")
                            .Append(string.Join(", ", methods.Select(m => "(const void*)" + (IsInterfaceMethodCalled(m) ? SlotFunction(type, InterfaceImplementation(type, m)) : "xilc_uncalled_slot"))))
                            .AppendLine(" };");
                    }

                    entries.Add($"{{ &{Name(iface)}, {slotsName} }}");
                }

                if (entries.Count > 0)
                {
                    output.Append("static const XilcInterfaceEntry ").Append(name).Append("__interfaces[] = { ").Append(string.Join(", ", entries)).AppendLine(" };");
                    interfaces = name + "__interfaces";
                    interfaceCount = entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        else if (type is DefinedType { IsInterface: false } notConstructed && !notConstructed.IsValueType)
        {
            flags.Add("XILC_KIND_ABSTRACT");
        }

        output.Append("/* ").Append(CLiteral.Comment(type.FullName)).AppendLine(" */");
        output.Append("static const XilcType __attribute__((unused)) ").Append(name).AppendLine(" = {");
        output.Append("    .t = { .instance_size = ").Append(instanceSize).Append(", .element_size = ").Append(elementSize)
            .Append(", .flags = ").Append(flags.Count == 0 ? "0" : string.Join(" | ", flags)).Append(", .ref_offset_count = ").Append(refCount)
            .Append(", .ref_offsets = ").Append(refOffsets).Append(", .base = ").Append(baseType).Append(", .vtable = ").Append(vtable)
            .Append(", .element_type = ").Append(elementType).AppendLine(" },");
        output.Append("    .name = &").Append(compilation.Strings.Require(type.FullName))
            .Append(", .cast_name = &").Append(compilation.Strings.Require(CastName(type))).Append(", .interfaces = ").Append(interfaces)
            .Append(", .interface_count = ").Append(interfaceCount).Append(", .primitive = ").Append(primitive)
            .Append(", .value_size = ").Append(valueSize)
            .Append(", .enum_info = ").Append(type is DefinedType { IsEnum: true } e ? compilation.EnumInfos.GetterOf(e) : "0").AppendLine(",");
        if (type is DefinedType generic && Variance(generic) is int variance && variance != 0)
        {
            string definition = "xilc_definition_" + compilation.Names.Type(generic.Definition);
            if (_helperNames.Add(definition))
            {
                output.Insert(0, "static const uint8_t " + definition + ";\n");
            }

            output.Append("    .definition = &").Append(definition).Append(", .arguments = (const XilcType* const[]){ ")
                .Append(string.Join(", ", generic.Instantiation.Select(a => "&" + Name(a)))).Append(" }, .argument_count = ")
                .Append(generic.Instantiation.Length).Append(", .variance = ").Append(variance).AppendLine(",");
        }
        output.AppendLine("};");
        output.AppendLine();
    }

    /// <summary>The variance bits of a generic interface or delegate (2 bits per parameter), 0 when none is variant.</summary>
    private static int Variance(DefinedType type)
    {
        if (type.Instantiation.IsDefaultOrEmpty || !(type.IsInterface || SyntheticMethods.IsDelegate(type)))
        {
            return 0;
        }

        System.Reflection.Metadata.MetadataReader reader = type.Module.Reader;
        int bits = 0, index = 0;
        foreach (System.Reflection.Metadata.GenericParameterHandle handle in reader.GetTypeDefinition(type.Handle).GetGenericParameters())
        {
            System.Reflection.GenericParameterAttributes attributes = reader.GetGenericParameter(handle).Attributes & System.Reflection.GenericParameterAttributes.VarianceMask;
            int v = attributes == System.Reflection.GenericParameterAttributes.Covariant ? 1 : attributes == System.Reflection.GenericParameterAttributes.Contravariant ? 2 : 0;
            bits |= v << (2 * index++);
        }

        return bits;
    }

    /// <summary>The interfaces objects of the type implement (an array's: the generic list interfaces of its element).</summary>
    private IReadOnlyList<DefinedType> InterfacesOf(TypeDesc type)
    {
        if (type is DefinedType defined)
        {
            return VirtualMethods.AllInterfaces(defined);
        }

        var array = (ArrayType)type;
        if (array.Element is PointerType or ByRefType)
        {
            return [];
        }

        TypeSystemContext context = compilation.Context;
        var result = new List<DefinedType>();
        foreach (string name in (string[])["IList`1", "ICollection`1", "IEnumerable`1", "IReadOnlyList`1", "IReadOnlyCollection`1"])
        {
            if (context.CoreLib.FindType("System.Collections.Generic", name) is DefinedType generic)
            {
                result.Add(context.GetInstantiatedType(generic, [array.Element]));
            }
        }

        if (context.CoreLib.FindType("System.Collections", "IEnumerable") is DefinedType enumerable)
        {
            result.Add(enumerable);
        }

        return result;
    }

    /// <summary>The method that implements an interface method for objects of the type.</summary>
    private MethodDesc InterfaceImplementation(TypeDesc type, MethodDesc interfaceMethod)
    {
        if (type is DefinedType defined)
        {
            return compilation.Virtuals.ResolveInterfaceMethod(defined, interfaceMethod);
        }

        var array = (ArrayType)type;
        TypeSystemContext context = compilation.Context;
        DefinedType helpers = context.GetInstantiatedType(
            context.CoreLib.FindType("System", "ArrayInterfaceMethods`1") ?? throw new CompilationException(null, "the corlib has no System.ArrayInterfaceMethods`1"),
            [array.Element]);
        string name = interfaceMethod.Owner.Definition.Name.Replace("`", "", StringComparison.Ordinal) + "_" + interfaceMethod.Name;
        return helpers.Methods.FirstOrDefault(m => m.Name == name)
            ?? throw new CompilationException(null, $"System.ArrayInterfaceMethods`1 has no {name} for {interfaceMethod.FullName} of {type.FullName}");
    }

    /// <summary>
    /// The name .NET's InvalidCastException message gives a type: a nested type by its own name (with its
    /// instantiation), any other by its full name.
    /// </summary>
    public static string CastName(TypeDesc type) => type switch
    {
        DefinedType { DeclaringType: not null } d => d.Name + (d.Instantiation.IsDefaultOrEmpty ? "" : "[" + string.Join(",", d.Instantiation.Select(t => t.FullName)) + "]"),
        ArrayType a => CastName(a.Element) + "[]",
        _ => type.FullName,
    };

    private string ElementCType(TypeDesc element) =>
        compilation.Layouts.KindOf(element) == StackKind.ObjectRef ? "void*" : compilation.Layouts.CType(element);


    /// <summary>The member paths (for offsetof) of every reference inside a struct, nested structs flattened.</summary>
    private void ReferencePaths(DefinedType valueType, string prefix, List<string> paths)
    {
        foreach (FieldDesc field in valueType.InstanceFields)
        {
            TypeDesc fieldType = field.FieldType;
            if (fieldType is ByRefType)
            {
                continue;
            }

            string member = prefix + compilation.Layouts.MemberName(field);
            if (compilation.Layouts.KindOf(fieldType) == StackKind.ObjectRef)
            {
                paths.Add(member);
            }
            else if (fieldType is DefinedType { IsValueType: true, IsEnum: false, Primitive: PrimitiveKind.None } inner)
            {
                ReferencePaths(inner, member + ".", paths);
            }
        }
    }

    /// <summary>
    /// The C function that goes in a table slot of <paramref name="type"/> for <paramref name="method"/>: the method
    /// itself, an unboxing stub for a value type's own method, or the compiler's ValueType.Equals/GetHashCode.
    /// </summary>
    public string SlotFunction(TypeDesc type, MethodDesc method)
    {
        if (method.Owner.IsValueType && !method.IsStatic && type is DefinedType valueType && valueType.IsValueType)
        {
            return UnboxingStub(method);
        }

        if (method.Owner.Module.IsCoreLib && method.Owner is { Namespace: "System", Name: "ValueType" } && !method.HasBody && type is DefinedType v)
        {
            return method.Name switch
            {
                "Equals" => ValueTypeEquals(v),
                "GetHashCode" => ValueTypeHashCode(v),
                _ => throw new CompilationException(null, $"{method.FullName} has no body"),
            };
        }

        if (!method.HasBody && !Intrinsics.HasBody(method))
        {
            throw new CompilationException(null, $"{method.FullName} in the virtual table of {type.FullName} has no body");
        }

        return compilation.RequireMethod(method);
    }

    public string UnboxingStub(MethodDesc method)
    {
        string target = compilation.RequireMethod(method);
        string name = target + "__unbox";
        if (_helperNames.Add(name))
        {
            TypeLayouts layouts = compilation.Layouts;
            string returnType = layouts.CType(method.Signature.ReturnType);
            string[] parameterTypes = method.Signature.ParameterTypes.Select(layouts.CType).ToArray();
            string parameters = string.Concat(parameterTypes.Select((t, i) => $", {t} a{i}"));
            string arguments = string.Concat(parameterTypes.Select((_, i) => $", a{i}"));
            string self = layouts.CType(compilation.Context.GetByRefType(method.Owner));
            _helpers.Append("static ").Append(returnType).Append(' ').Append(name).Append("(void* self").Append(parameters).AppendLine(")");
            _helpers.Append("{ ").Append(returnType == "void" ? "" : "return ").Append(target).Append("((").Append(self)
                .Append(")((uint8_t*)self + 4)").Append(arguments).AppendLine("); }");
        }

        return name;
    }

    private string ValueTypeEquals(DefinedType type)
    {
        string name = compilation.Names.Type(type) + "__ValueType_Equals";
        if (_helperNames.Add(name))
        {
            string cType = compilation.Layouts.FieldCType(type);
            var body = new StringBuilder();
            body.Append("static uint8_t ").Append(name).AppendLine("(void* self, void* other)");
            body.AppendLine("{");
            body.Append("    if (other == 0 || ((XousObject*)other)->type != ((XousObject*)self)->type) return 0;").AppendLine();
            body.Append("    const ").Append(cType).Append("* a = (const ").Append(cType).AppendLine("*)((uint8_t*)self + 4);");
            body.Append("    const ").Append(cType).Append("* b = (const ").Append(cType).AppendLine("*)((uint8_t*)other + 4);");
            body.AppendLine("    (void)a; (void)b;");
            if (type.Primitive != PrimitiveKind.None || type.IsEnum)
            {
                body.AppendLine("    return *a == *b;");
            }
            else
            {
                foreach (string condition in FieldComparisons(type, "a->", "b->"))
                {
                    body.Append("    if (!(").Append(condition).AppendLine(")) return 0;");
                }

                body.AppendLine("    return 1;");
            }

            body.AppendLine("}");
            _helpers.Append(body);
        }

        return name;
    }

    private IEnumerable<string> FieldComparisons(DefinedType type, string a, string b)
    {
        foreach (FieldDesc field in type.InstanceFields)
        {
            string member = compilation.Layouts.MemberName(field);
            TypeDesc fieldType = field.FieldType;
            StackKind kind = compilation.Layouts.KindOf(fieldType);
            if (kind == StackKind.ObjectRef)
            {
                string equals = compilation.RequireMethod(ObjectEqualsStatic());
                yield return $"{equals}((void*){a}{member}, (void*){b}{member})";
            }
            else if (kind == StackKind.Struct)
            {
                foreach (string inner in FieldComparisons((DefinedType)fieldType, a + member + ".", b + member + "."))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return $"{a}{member} == {b}{member}";
            }
        }
    }

    private string ValueTypeHashCode(DefinedType type)
    {
        string name = compilation.Names.Type(type) + "__ValueType_GetHashCode";
        if (_helperNames.Add(name))
        {
            string cType = compilation.Layouts.FieldCType(type);
            var body = new StringBuilder();
            body.Append("static int32_t ").Append(name).AppendLine("(void* self)");
            body.AppendLine("{");
            body.Append("    const ").Append(cType).Append("* a = (const ").Append(cType).AppendLine("*)((uint8_t*)self + 4);");
            body.AppendLine("    uint32_t h = 17; (void)a;");
            if (type.Primitive != PrimitiveKind.None || type.IsEnum)
            {
                body.AppendLine("    h = h * 31u + (uint32_t)*a;");
            }
            else
            {
                foreach (string term in HashTerms(type, "a->"))
                {
                    body.Append("    h = h * 31u + (uint32_t)(").Append(term).AppendLine(");");
                }
            }

            body.AppendLine("    return (int32_t)h;");
            body.AppendLine("}");
            _helpers.Append(body);
        }

        return name;
    }

    private IEnumerable<string> HashTerms(DefinedType type, string a)
    {
        foreach (FieldDesc field in type.InstanceFields)
        {
            string member = compilation.Layouts.MemberName(field);
            TypeDesc fieldType = field.FieldType;
            StackKind kind = compilation.Layouts.KindOf(fieldType);
            if (kind == StackKind.ObjectRef)
            {
                MethodDesc getHashCode = compilation.Context.GetWellKnownType("System", "Object").Methods.First(m => m.Name == "GetHashCode");
                int slot = compilation.Virtuals.SlotOf(getHashCode);
                MarkVirtualCall(getHashCode);
                yield return $"{a}{member} == 0 ? 0 : ((int32_t (*)(void*))((XousObject*){a}{member})->type->vtable[{slot}])((void*){a}{member})";
            }
            else if (kind == StackKind.Struct)
            {
                foreach (string inner in HashTerms((DefinedType)fieldType, a + member + "."))
                {
                    yield return inner;
                }
            }
            else if (kind == StackKind.Int64)
            {
                yield return $"(uint32_t){a}{member} ^ (uint32_t)((uint64_t){a}{member} >> 32)";
            }
            else
            {
                yield return $"{a}{member}";
            }
        }
    }

    private MethodDesc ObjectEqualsStatic() =>
        compilation.Context.GetWellKnownType("System", "Object").Methods.First(m => m.Name == "Equals" && m.IsStatic);
}

/// <summary>Small helpers over <see cref="TypeDesc"/>.</summary>
internal static class TypeDescExtensions
{
    /// <summary>The base type of a defined type, or null.</summary>
    public static TypeDesc? BaseTypeOrNull(this TypeDesc type) => (type as DefinedType)?.BaseType;
}

using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// RVA static data (<c>new T[] { constants }</c>, <c>ReadOnlySpan&lt;T&gt; X =&gt; [...]</c>, u8 literals): each field's
/// bytes become a read-only C array, and a <c>XilcRvaField</c> (address and size) that a <c>RuntimeFieldHandle</c>
/// points to.
/// </summary>
internal sealed class RvaData
{
    private readonly Dictionary<FieldDesc, string> _names = [];
    private readonly List<(FieldDesc Field, byte[] Bytes)> _fields = [];

    /// <summary>The C name of the field's bytes.</summary>
    public string Data(FieldDesc field)
    {
        if (!_names.TryGetValue(field, out string? name))
        {
            name = "xilc_rva_" + _fields.Count.ToString(CultureInfo.InvariantCulture);
            _names.Add(field, name);
            _fields.Add((field, Read(field)));
        }

        return name;
    }

    /// <summary>The C name of the field's <c>XilcRvaField</c>.</summary>
    public string Descriptor(FieldDesc field) => Data(field) + "_field";

    /// <summary>Writes every field's data and descriptor.</summary>
    public void Write(StringBuilder output)
    {
        foreach ((FieldDesc field, byte[] bytes) in _fields)
        {
            string name = _names[field];
            output.Append("/* ").Append(CLiteral.Comment(field.ToString())).AppendLine(" */");
            output.Append("static const uint8_t __attribute__((unused)) ").Append(name).Append('[').Append(Math.Max(1, bytes.Length)).Append("] __attribute__((aligned(8))) = { ");
            output.Append(bytes.Length == 0 ? "0" : string.Join(", ", bytes.Select(b => b.ToString(CultureInfo.InvariantCulture))));
            output.AppendLine(" };");
            output.Append("static const XilcRvaField __attribute__((unused)) ").Append(name).Append("_field = { ").Append(name).Append(", ").Append(bytes.Length).AppendLine(" };");
        }

        output.AppendLine();
    }

    private byte[] Read(FieldDesc field)
    {
        int size = SizeOf(field.FieldType);
        PEMemoryBlock block = field.Owner.Module.PEReader.GetSectionData(field.RelativeVirtualAddress);
        if (block.Length < size)
        {
            throw new CompilationException(null, $"the RVA data of {field} is shorter than its type ({block.Length} < {size})");
        }

        return [.. block.GetContent(0, size)];
    }

    private static int SizeOf(TypeDesc type)
    {
        if (type is DefinedType d)
        {
            if (d.IsEnum)
            {
                return SizeOf(d.EnumUnderlyingType);
            }

            switch (d.Primitive)
            {
                case PrimitiveKind.Boolean or PrimitiveKind.Byte or PrimitiveKind.SByte:
                    return 1;
                case PrimitiveKind.Char or PrimitiveKind.Int16 or PrimitiveKind.UInt16:
                    return 2;
                case PrimitiveKind.Int32 or PrimitiveKind.UInt32 or PrimitiveKind.Single:
                    return 4;
                case PrimitiveKind.Int64 or PrimitiveKind.UInt64 or PrimitiveKind.Double:
                    return 8;
                default:
                    break;
            }

            if (d.Layout.Size > 0 && !d.InstanceFields.Any())
            {
                return d.Layout.Size;
            }

            if (d.IsValueType && d.Layout.Size > 0)
            {
                return d.Layout.Size;
            }
        }

        throw new CompilationException(null, $"RVA data of a field of type {type.FullName} (only primitive types and size-only structs)");
    }
}

/// <summary>
/// <c>DeviceRuntime.GetEnumInfo</c>: one <c>EnumInfo</c> per enum type, built on first use from constants the compiler
/// reads from metadata (names, values sorted stably as unsigned numbers, [Flags], underlying size and sign).
/// </summary>
internal sealed class EnumInfos(Compilation compilation)
{
    private readonly List<DefinedType> _types = [];

    /// <summary>True once a method asked for enum information (every constructed enum type then gets a getter).</summary>
    public bool Used { get; private set; }

    /// <summary>The C expression of the EnumInfo of the boxed enum <paramref name="boxedEnum"/>.</summary>
    public string Get(string boxedEnum)
    {
        if (!Used)
        {
            Used = true;
            DefinedType info = compilation.Context.GetWellKnownType("System", "EnumInfo");
            compilation.Descriptors.Construct(info);
            compilation.RequireMethod(info.Methods.First(m => m.Name == ".ctor"));
            compilation.Descriptors.Construct(compilation.Context.GetArrayType(compilation.Context.GetWellKnownType("System", "String")));
            compilation.Descriptors.Construct(compilation.Context.GetArrayType(compilation.Context.GetPrimitive(PrimitiveKind.UInt64)));
            foreach (DefinedType type in compilation.Descriptors.ConstructedEnums)
            {
                Prepare(type);
            }
        }

        return $"XILC_TYPE({boxedEnum})->enum_info()";
    }

    /// <summary>Called for every enum type that becomes constructed (boxed).</summary>
    public void Prepare(DefinedType type)
    {
        if (!Used || _types.Contains(type))
        {
            return;
        }

        _types.Add(type);
        foreach ((string name, ulong _) in Constants(type))
        {
            compilation.Strings.Require(name);
        }
    }

    /// <summary>The getter of a constructed enum type, or 0 when enum information is never used.</summary>
    public string GetterOf(DefinedType type) => _types.Contains(type) ? "xilc_enum_info_" + compilation.Names.Type(type) : "0";

    /// <summary>Writes the getters (each caches its EnumInfo in a registered GC root).</summary>
    public void Write(StringBuilder output)
    {
        if (!Used)
        {
            return;
        }

        DefinedType info = compilation.Context.GetWellKnownType("System", "EnumInfo");
        MethodDesc constructor = info.Methods.First(m => m.Name == ".ctor");
        TypeDescriptors descriptors = compilation.Descriptors;
        string stringArray = descriptors.Name(compilation.Context.GetArrayType(compilation.Context.GetWellKnownType("System", "String")));
        string ulongArray = descriptors.Name(compilation.Context.GetArrayType(compilation.Context.GetPrimitive(PrimitiveKind.UInt64)));
        foreach (DefinedType type in _types)
        {
            string getter = GetterOf(type);
            (string Name, ulong Value)[] constants = Constants(type);
            var underlying = (DefinedType)type.EnumUnderlyingType;
            int size = underlying.Primitive switch
            {
                PrimitiveKind.SByte or PrimitiveKind.Byte or PrimitiveKind.Boolean => 1,
                PrimitiveKind.Int16 or PrimitiveKind.UInt16 or PrimitiveKind.Char => 2,
                PrimitiveKind.Int64 or PrimitiveKind.UInt64 => 8,
                _ => 4,
            };
            bool signed = underlying.Primitive is PrimitiveKind.SByte or PrimitiveKind.Int16 or PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.IntPtr;
            output.Append("static void* ").Append(getter).AppendLine("(void)");
            output.AppendLine("{");
            output.AppendLine("    static void* cache;");
            output.AppendLine("    if (cache != 0) return cache;");
            output.Append("    void* names = xilc_new_array(&").Append(stringArray).Append(", ").Append(constants.Length).AppendLine(", \"GetEnumInfo\");");
            output.Append("    void* values = xilc_new_array(&").Append(ulongArray).Append(", ").Append(constants.Length).AppendLine(", \"GetEnumInfo\");");
            for (int i = 0; i < constants.Length; i++)
            {
                output.Append("    ((void**)xous_array_data(names))[").Append(i).Append("] = (void*)&").Append(compilation.Strings.Require(constants[i].Name)).AppendLine(";");
                output.Append("    ((uint64_t*)xous_array_data(values))[").Append(i).Append("] = ").Append(CLiteral.UInt64(constants[i].Value)).AppendLine(";");
            }

            output.Append("    void* info = xilc_new(&").Append(descriptors.Name(info)).AppendLine(", \"GetEnumInfo\");");
            output.Append("    ").Append(compilation.Names.Method(constructor)).Append("((").Append(compilation.Layouts.CType(info)).Append(")info, names, values, ")
                .Append(HasFlags(type) ? 1 : 0).Append(", ").Append(size).Append(", ").Append(signed ? 1 : 0).AppendLine(");");
            output.AppendLine("    xous_gc_register_root(&cache);");
            output.AppendLine("    cache = info;");
            output.AppendLine("    return info;");
            output.AppendLine("}");
        }
    }

    private static (string Name, ulong Value)[] Constants(DefinedType type)
    {
        MetadataReader reader = type.Module.Reader;
        var list = new List<(string, ulong)>();
        foreach (FieldDesc field in type.Fields)
        {
            if (!field.IsStatic || !field.IsLiteral)
            {
                continue;
            }

            FieldDefinition definition = reader.GetFieldDefinition(field.Handle);
            Constant constant = reader.GetConstant(definition.GetDefaultValue());
            BlobReader blob = reader.GetBlobReader(constant.Value);
            ulong value = constant.TypeCode switch
            {
                ConstantTypeCode.SByte => (byte)blob.ReadSByte(),
                ConstantTypeCode.Byte or ConstantTypeCode.Boolean => blob.ReadByte(),
                ConstantTypeCode.Int16 => (ushort)blob.ReadInt16(),
                ConstantTypeCode.UInt16 or ConstantTypeCode.Char => blob.ReadUInt16(),
                ConstantTypeCode.Int32 => (uint)blob.ReadInt32(),
                ConstantTypeCode.UInt32 => blob.ReadUInt32(),
                ConstantTypeCode.Int64 => (ulong)blob.ReadInt64(),
                ConstantTypeCode.UInt64 => blob.ReadUInt64(),
                _ => throw new CompilationException(null, $"enum constant {field} of type {constant.TypeCode}"),
            };
            list.Add((field.Name, value));
        }

        return [.. list.Select((c, i) => (c, i)).OrderBy(x => x.c.Item2).ThenBy(x => x.i).Select(x => x.c)];
    }

    private static bool HasFlags(DefinedType type)
    {
        MetadataReader reader = type.Module.Reader;
        foreach (CustomAttributeHandle handle in reader.GetTypeDefinition(type.Handle).GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            EntityHandle parent = attribute.Constructor.Kind == HandleKind.MemberReference
                ? reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent
                : reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
            string name = parent.Kind switch
            {
                HandleKind.TypeReference => reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name),
                HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)parent).Name),
                _ => "",
            };
            if (name == "FlagsAttribute")
            {
                return true;
            }
        }

        return false;
    }
}

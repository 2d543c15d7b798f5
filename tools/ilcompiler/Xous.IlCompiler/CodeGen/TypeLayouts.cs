using System.Reflection;
using System.Reflection.Metadata;
using System.Text;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Maps types to C: primitives to the <c>stdint.h</c> types, enums to their underlying type, structs to C structs,
/// classes to pointers to C structs that start with the object header. Collects every struct the emitted code
/// needs and writes the definitions in dependency order.
/// </summary>
internal sealed class TypeLayouts(NameMangler names)
{
    private readonly List<DefinedType> _valueTypes = [];
    private readonly HashSet<DefinedType> _valueTypeSet = [];
    private readonly List<DefinedType> _classes = [];
    private readonly HashSet<DefinedType> _classSet = [];
    private readonly HashSet<DefinedType> _classLayouts = [];

    /// <summary>The C type of a local, parameter, return value or static field of type <paramref name="type"/>.</summary>
    public string CType(TypeDesc type) => CType(type, inStruct: false);

    /// <summary>
    /// The C type of an instance field: as <see cref="CType(TypeDesc)"/>, except that 64-bit integers use typedefs
    /// aligned to 4 bytes, because on RV32 an 8-byte field needs only 4-byte alignment (docs/device-profile.md).
    /// </summary>
    public string FieldCType(TypeDesc type) => CType(type, inStruct: true);

    /// <summary>The stack kind of a value of <paramref name="type"/>.</summary>
    public StackKind KindOf(TypeDesc type)
    {
        switch (type)
        {
            case PointerType or ByRefType:
                return StackKind.NativeInt;
            case ArrayType:
                return StackKind.ObjectRef;
            case GenericParameterType g:
                throw new CompilationException(null, $"an open generic parameter {g.FullName} in code that should be instantiated");
            case UnsupportedType u:
                throw new CompilationException(null, u.Description + " (not supported)");
            case DefinedType d:
                if (d.IsEnum)
                {
                    return KindOf(d.EnumUnderlyingType);
                }

                switch (d.Primitive)
                {
                    case PrimitiveKind.Boolean or PrimitiveKind.Char or PrimitiveKind.SByte or PrimitiveKind.Byte or
                        PrimitiveKind.Int16 or PrimitiveKind.UInt16 or PrimitiveKind.Int32 or PrimitiveKind.UInt32:
                        return StackKind.Int32;
                    case PrimitiveKind.Int64 or PrimitiveKind.UInt64:
                        return StackKind.Int64;
                    case PrimitiveKind.IntPtr or PrimitiveKind.UIntPtr:
                        return StackKind.NativeInt;
                    case PrimitiveKind.Single or PrimitiveKind.Double:
                        throw new CompilationException(null, $"floating point ({d.FullName}) is not compiled yet");
                    case PrimitiveKind.Void:
                        throw new CompilationException(null, "a value of type System.Void");
                    default:
                        break;
                }

                return d.IsValueType ? StackKind.Struct : StackKind.ObjectRef;
            default:
                throw new CompilationException(null, "type " + type.FullName);
        }
    }

    /// <summary>The C type of a stack slot of that kind.</summary>
    public string StackCType(StackKind kind, DefinedType? structType) => kind switch
    {
        StackKind.Int32 => "int32_t",
        StackKind.Int64 => "int64_t",
        StackKind.NativeInt => "intptr_t",
        StackKind.ObjectRef => "void*",
        _ => CType(structType!),
    };

    /// <summary>Records that the code reads or writes instance fields of the class <paramref name="type"/>.</summary>
    public void RequireClassLayout(DefinedType type)
    {
        for (DefinedType? t = type; t != null; t = t.BaseType as DefinedType)
        {
            RequireClass(t);
            if (_classLayouts.Add(t))
            {
                foreach (FieldDesc field in t.InstanceFields)
                {
                    FieldCType(field.FieldType);
                }
            }
        }
    }

    /// <summary>True for a reference type or a struct with a reference field at any depth.</summary>
    public bool ContainsReferences(TypeDesc type) => KindOf(type) switch
    {
        StackKind.ObjectRef => true,
        StackKind.Struct => ((DefinedType)type).InstanceFields.Any(f => f.FieldType is not (ByRefType or PointerType) && ContainsReferences(f.FieldType)),
        _ => false,
    };

    /// <summary>True when the class's C struct (with its fields) is emitted.</summary>
    public bool HasClassLayout(DefinedType type) => _classLayouts.Contains(type);

    /// <summary>The C members of a class's struct with their field types, base class fields first.</summary>
    public IEnumerable<(string Member, TypeDesc FieldType)> ClassMembers(DefinedType type)
    {
        var chain = new List<DefinedType>();
        for (DefinedType? t = type; t != null; t = t.BaseType as DefinedType)
        {
            chain.Insert(0, t);
        }

        return chain.SelectMany(t => t.InstanceFields).Select(f => (MemberName(f), f.FieldType));
    }

    /// <summary>Writes forward declarations and the struct definitions, value types in dependency order.</summary>
    public void Write(StringBuilder output)
    {
        foreach (DefinedType type in _classes)
        {
            output.Append("struct ").Append(names.Type(type)).AppendLine(";");
        }

        output.AppendLine();
        var written = new HashSet<DefinedType>();
        foreach (DefinedType type in _valueTypes)
        {
            WriteValueType(type, written, output);
        }

        foreach (DefinedType type in _classes.Where(_classLayouts.Contains))
        {
            output.Append("struct ").Append(names.Type(type)).AppendLine(" {");
            output.AppendLine("    const XousType* header_type;");
            foreach ((string cType, string member) in ClassFields(type))
            {
                output.Append("    ").Append(cType).Append(' ').Append(member).AppendLine(";");
            }

            output.AppendLine("};");
            output.AppendLine();
        }
    }

    /// <summary>The C member name of an instance field inside its C struct (class fields are flattened with the base's).</summary>
    public string MemberName(FieldDesc field)
    {
        if (field.Owner.IsValueType)
        {
            return NameMangler.Member(field.Name);
        }

        // A derived class may declare a field with the same name as a private field of its base.
        int sameNameBelow = 0;
        for (DefinedType? t = field.Owner.BaseType as DefinedType; t != null; t = t.BaseType as DefinedType)
        {
            sameNameBelow += t.InstanceFields.Count(f => f.Name == field.Name);
        }

        return NameMangler.Member(field.Name) + (sameNameBelow == 0 ? "" : "_" + sameNameBelow);
    }

    private IEnumerable<(string CType, string Member)> ClassFields(DefinedType type)
    {
        var chain = new List<DefinedType>();
        for (DefinedType? t = type; t != null; t = t.BaseType as DefinedType)
        {
            chain.Insert(0, t);
        }

        return chain.SelectMany(t => t.InstanceFields).Select(f => (FieldCType(f.FieldType), MemberName(f)));
    }

    private string CType(TypeDesc type, bool inStruct)
    {
        switch (type)
        {
            case PointerType p:
                return (p.Element is DefinedType { Primitive: PrimitiveKind.Void } ? "void" : CType(p.Element)) + "*";
            case ByRefType r:
                return CType(r.Element) + "*";
            case ArrayType a:
                KindOf(a.Element);
                return "XousArray*";
            case GenericParameterType g:
                throw new CompilationException(null, $"an open generic parameter {g.FullName} in code that should be instantiated");
            case UnsupportedType u:
                throw new CompilationException(null, u.Description + " (not supported)");
            case DefinedType d:
                if (d.IsEnum)
                {
                    return CType(d.EnumUnderlyingType, inStruct);
                }

                string? primitive = d.Primitive switch
                {
                    PrimitiveKind.Void => "void",
                    PrimitiveKind.Boolean => "uint8_t",
                    PrimitiveKind.Char => "uint16_t",
                    PrimitiveKind.SByte => "int8_t",
                    PrimitiveKind.Byte => "uint8_t",
                    PrimitiveKind.Int16 => "int16_t",
                    PrimitiveKind.UInt16 => "uint16_t",
                    PrimitiveKind.Int32 => "int32_t",
                    PrimitiveKind.UInt32 => "uint32_t",
                    PrimitiveKind.Int64 => inStruct ? "xilc_int64_field" : "int64_t",
                    PrimitiveKind.UInt64 => inStruct ? "xilc_uint64_field" : "uint64_t",
                    PrimitiveKind.IntPtr => "intptr_t",
                    PrimitiveKind.UIntPtr => "uintptr_t",
                    PrimitiveKind.Single or PrimitiveKind.Double => throw new CompilationException(null, $"floating point ({d.FullName}) is not compiled yet"),
                    _ => null,
                };
                if (primitive != null)
                {
                    return primitive;
                }

                if (d.IsValueType)
                {
                    RequireValueType(d);
                    return "struct " + names.Type(d);
                }

                RequireClass(d);
                return "struct " + names.Type(d) + "*";
            default:
                throw new CompilationException(null, "type " + type.FullName);
        }
    }

    private void RequireClass(DefinedType type)
    {
        if (type.IsOpenGeneric)
        {
            throw new CompilationException(null, $"the open generic class {type.FullName}");
        }

        if (_classSet.Add(type))
        {
            _classes.Add(type);
        }
    }

    private void RequireValueType(DefinedType type)
    {
        if (_valueTypeSet.Contains(type))
        {
            return;
        }

        if (type.IsOpenGeneric)
        {
            throw new CompilationException(null, $"the open generic struct {type.FullName}");
        }

        TypeLayout layout = type.Layout;
        if (layout.PackingSize is not (0 or 1 or 2 or 4 or 8 or 16 or 128))
        {
            throw new CompilationException(null, $"struct {type.FullName} with StructLayout Pack={layout.PackingSize}");
        }

        _valueTypeSet.Add(type);
        foreach (FieldDesc field in type.InstanceFields)
        {
            if (field.FieldType == type)
            {
                throw new CompilationException(null, $"struct {type.FullName} contains itself");
            }

            FieldCType(field.FieldType);
        }

        _valueTypes.Add(type);
    }

    private void WriteValueType(DefinedType type, HashSet<DefinedType> written, StringBuilder output)
    {
        if (!written.Add(type))
        {
            return;
        }

        foreach (FieldDesc field in type.InstanceFields)
        {
            if (field.FieldType is DefinedType { IsValueType: true, IsEnum: false, Primitive: PrimitiveKind.None } inner)
            {
                WriteValueType(inner, written, output);
            }
        }

        string name = names.Type(type);
        TypeLayout layout = type.Layout;
        bool explicitLayout = (type.Attributes & TypeAttributes.LayoutMask) == TypeAttributes.ExplicitLayout;
        int inlineLength = InlineArrayLength(type);
        FieldDesc[] fields = [.. type.InstanceFields];
        bool pack = layout.PackingSize is 1 or 2;
        if (pack)
        {
            output.Append("#pragma pack(push, ").Append(layout.PackingSize).AppendLine(")");
        }

        output.Append("struct ").Append(name).AppendLine(" {");
        if (fields.Length == 0)
        {
            // An empty C# struct has size 1, as in .NET.
            output.Append("    uint8_t empty_[").Append(Math.Max(1, layout.Size)).AppendLine("];");
        }
        else if (explicitLayout)
        {
            output.AppendLine("    union {");
            foreach (FieldDesc field in fields)
            {
                int offset = field.ExplicitOffset;
                if (offset < 0)
                {
                    throw new CompilationException(null, $"field {field} of the explicit-layout struct {type.FullName} has no offset");
                }

                output.Append("        struct { ");
                if (offset > 0)
                {
                    output.Append("uint8_t pad_").Append(MemberName(field)).Append('[').Append(offset).Append("]; ");
                }

                output.Append(FieldCType(field.FieldType)).Append(' ').Append(MemberName(field)).AppendLine("; };");
            }

            if (layout.Size > 0)
            {
                output.Append("        uint8_t size_[").Append(layout.Size).AppendLine("];");
            }

            output.AppendLine("    };");
        }
        else if (inlineLength > 0)
        {
            FieldDesc element = fields.Single();
            string cType = FieldCType(element.FieldType);
            output.Append("    union { ").Append(cType).Append(' ').Append(MemberName(element)).Append("; ").Append(cType)
                .Append(" all_[").Append(inlineLength).AppendLine("]; };");
        }
        else
        {
            bool sized = layout.Size > 0;
            string indent = sized ? "        " : "    ";
            if (sized)
            {
                output.AppendLine("    union {");
                output.AppendLine("        struct {");
            }

            foreach (FieldDesc field in fields)
            {
                output.Append(indent).Append(FieldCType(field.FieldType)).Append(' ').Append(MemberName(field)).AppendLine(";");
            }

            if (sized)
            {
                output.AppendLine("        };");
                output.Append("        uint8_t size_[").Append(layout.Size).AppendLine("];");
                output.AppendLine("    };");
            }
        }

        output.AppendLine("};");
        if (pack)
        {
            output.AppendLine("#pragma pack(pop)");
        }

        if (explicitLayout)
        {
            foreach (FieldDesc field in fields)
            {
                output.Append("_Static_assert(__builtin_offsetof(struct ").Append(name).Append(", ").Append(MemberName(field)).Append(") == ")
                    .Append(field.ExplicitOffset).Append(", \"").Append(CLiteral.Comment(field.ToString())).AppendLine(" at its FieldOffset\");");
            }
        }

        output.AppendLine();
    }

    /// <summary>The length of an <c>[InlineArray(n)]</c> struct, 0 for other structs.</summary>
    private static int InlineArrayLength(DefinedType type)
    {
        System.Reflection.Metadata.MetadataReader reader = type.Module.Reader;
        foreach (CustomAttributeHandle handle in reader.GetTypeDefinition(type.Handle).GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference)
            {
                MemberReference constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (constructor.Parent.Kind == HandleKind.TypeReference &&
                    reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) == "InlineArrayAttribute")
                {
                    BlobReader blob = reader.GetBlobReader(attribute.Value);
                    blob.ReadUInt16();
                    return blob.ReadInt32();
                }
            }
            else if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
            {
                MethodDefinition constructor = reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                if (reader.GetString(reader.GetTypeDefinition(constructor.GetDeclaringType()).Name) == "InlineArrayAttribute")
                {
                    BlobReader blob = reader.GetBlobReader(attribute.Value);
                    blob.ReadUInt16();
                    return blob.ReadInt32();
                }
            }
        }

        return 0;
    }
}

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
            case UnsupportedType u:
                throw new CompilationException(null, u.Description + " (not compiled yet)");
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
                if (t.GenericParameterCount > 0)
                {
                    throw new CompilationException(null, $"generic class {t.FullName} (generics are not compiled yet)");
                }

                foreach (FieldDesc field in t.InstanceFields)
                {
                    FieldCType(field.FieldType);
                }
            }
        }
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
            case UnsupportedType u:
                throw new CompilationException(null, u.Description + " (not compiled yet)");
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
        if (type.GenericParameterCount > 0)
        {
            throw new CompilationException(null, $"generic class {type.FullName} (generics are not compiled yet)");
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

        if (type.GenericParameterCount > 0)
        {
            throw new CompilationException(null, $"generic struct {type.FullName} (generics are not compiled yet)");
        }

        if ((type.Attributes & TypeAttributes.LayoutMask) == TypeAttributes.ExplicitLayout)
        {
            throw new CompilationException(null, $"struct {type.FullName} with explicit layout (not compiled yet)");
        }

        // Roslyn gives an empty struct `.size 1`, which is what the C struct with one byte has anyway.
        TypeLayout layout = type.Layout;
        bool emptyStruct = !type.InstanceFields.Any() && layout.PackingSize == 0 && layout.Size == 1;
        if ((layout.PackingSize != 0 || layout.Size != 0) && !emptyStruct)
        {
            throw new CompilationException(null, $"struct {type.FullName} with StructLayout Pack or Size (not compiled yet)");
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

        output.Append("struct ").Append(names.Type(type)).AppendLine(" {");
        bool any = false;
        foreach (FieldDesc field in type.InstanceFields)
        {
            output.Append("    ").Append(FieldCType(field.FieldType)).Append(' ').Append(MemberName(field)).AppendLine(";");
            any = true;
        }

        if (!any)
        {
            // An empty C# struct has size 1, as in .NET.
            output.AppendLine("    uint8_t empty_;");
        }

        output.AppendLine("};");
        output.AppendLine();
    }
}

using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Xous.IlCompiler.Il;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Loads and stores through addresses (<c>ldind</c>/<c>stind</c>, <c>ldobj</c>/<c>stobj</c>), fields and static fields,
/// <c>initobj</c>, <c>cpobj</c> and <c>sizeof</c>. Addresses are <c>intptr_t</c> on the stack and are cast to a typed
/// pointer at each access (the emitted C must be built with <c>-fno-strict-aliasing</c>, since IL may view memory as
/// any type). A <c>volatile.</c> load is followed by an acquire fence and a volatile store preceded by a release
/// fence; an <c>unaligned.</c> access goes through <c>__builtin_memcpy</c>.
/// </summary>
internal sealed partial class MethodTranslator
{
    private bool TranslateMemory(Instruction ins)
    {
        TypeSystemContext context = _compilation.Context;
        PrimitiveKind? indirect = ins.OpCode switch
        {
            ILOpCode.Ldind_i1 or ILOpCode.Stind_i1 => PrimitiveKind.SByte,
            ILOpCode.Ldind_u1 => PrimitiveKind.Byte,
            ILOpCode.Ldind_i2 or ILOpCode.Stind_i2 => PrimitiveKind.Int16,
            ILOpCode.Ldind_u2 => PrimitiveKind.UInt16,
            ILOpCode.Ldind_i4 or ILOpCode.Stind_i4 => PrimitiveKind.Int32,
            ILOpCode.Ldind_u4 => PrimitiveKind.UInt32,
            ILOpCode.Ldind_i8 or ILOpCode.Stind_i8 => PrimitiveKind.Int64,
            ILOpCode.Ldind_i or ILOpCode.Stind_i => PrimitiveKind.IntPtr,
            ILOpCode.Ldind_r4 or ILOpCode.Ldind_r8 or ILOpCode.Stind_r4 or ILOpCode.Stind_r8 =>
                throw new CompilationException(null, "floating point is not compiled yet"),
            _ => null,
        };
        switch (ins.OpCode)
        {
            case >= ILOpCode.Ldind_i1 and <= ILOpCode.Ldind_i:
                LoadIndirect(ins, context.GetPrimitive(indirect!.Value), Address(Pop()));
                return true;
            case ILOpCode.Ldind_ref:
                LoadIndirect(ins, context.GetWellKnownType("System", "Object"), Address(Pop()));
                return true;
            case >= ILOpCode.Stind_i1 and <= ILOpCode.Stind_i8 or ILOpCode.Stind_i:
                StoreIndirect(ins, context.GetPrimitive(indirect!.Value));
                return true;
            case ILOpCode.Stind_ref:
                StoreIndirect(ins, context.GetWellKnownType("System", "Object"));
                return true;
            case ILOpCode.Ldobj:
                LoadIndirect(ins, ResolveType(ins), Address(Pop()));
                return true;
            case ILOpCode.Stobj:
                StoreIndirect(ins, ResolveType(ins));
                return true;
            case ILOpCode.Cpobj:
                {
                    string cType = _layouts.CType(ResolveType(ins));
                    string source = Address(Pop());
                    string destination = Address(Pop());
                    Emit($"*({cType}*){destination} = *({cType}*){source};");
                    return true;
                }

            case ILOpCode.Initobj:
                {
                    string cType = _layouts.CType(ResolveType(ins));
                    Emit($"__builtin_memset((void*){Address(Pop())}, 0, sizeof({cType}));");
                    return true;
                }

            case ILOpCode.Cpblk:
                {
                    StackValue size = Pop();
                    string source = Address(Pop());
                    string destination = Address(Pop());
                    Emit($"__builtin_memmove((void*){destination}, (const void*){source}, (uint32_t){size.Name});");
                    return true;
                }

            case ILOpCode.Initblk:
                {
                    StackValue size = Pop();
                    StackValue value = Pop();
                    string destination = Address(Pop());
                    Emit($"__builtin_memset((void*){destination}, (uint8_t){value.Name}, (uint32_t){size.Name});");
                    return true;
                }

            case ILOpCode.Sizeof:
                Push(StackKind.Int32, null, $"(int32_t)sizeof({_layouts.CType(ResolveType(ins))})");
                return true;
            case ILOpCode.Ldfld:
                {
                    FieldDesc field = ResolveField(ins, isStatic: false);
                    LoadFrom(ins, field.FieldType, FieldLocation(field, Pop()));
                    return true;
                }

            case ILOpCode.Ldflda:
                {
                    FieldDesc field = ResolveField(ins, isStatic: false);
                    StackValue instance = Pop();
                    if (instance.Kind == StackKind.Struct)
                    {
                        throw new CompilationException(null, "the address of a field of a struct value on the stack");
                    }

                    Push(StackKind.NativeInt, null, $"(intptr_t)&{FieldLocation(field, instance)}");
                    return true;
                }

            case ILOpCode.Stfld:
                {
                    FieldDesc field = ResolveField(ins, isStatic: false);
                    StackValue value = Pop();
                    StackValue instance = Pop();
                    StoreTo(ins, field.FieldType, FieldLocation(field, instance), value);
                    return true;
                }

            case ILOpCode.Ldsfld:
                LoadFrom(ins, ResolveField(ins, isStatic: true).FieldType, StaticField(ins));
                return true;
            case ILOpCode.Ldsflda:
                Push(StackKind.NativeInt, null, $"(intptr_t)&{StaticField(ins)}");
                return true;
            case ILOpCode.Stsfld:
                StoreTo(ins, ResolveField(ins, isStatic: true).FieldType, StaticField(ins), Pop());
                return true;
            default:
                return false;
        }
    }

    private TypeDesc ResolveType(Instruction ins) =>
        _compilation.Context.ResolveType(_method.Context, MetadataTokens.EntityHandle(ins.Int32Operand));

    private FieldDesc ResolveField(Instruction ins, bool isStatic)
    {
        FieldDesc field = _compilation.Context.ResolveField(_method.Context, MetadataTokens.EntityHandle(ins.Int32Operand));
        if (field.IsStatic != isStatic)
        {
            throw new CompilationException(null, $"{field} is {(field.IsStatic ? "" : "not ")}static");
        }

        return field;
    }

    private static string Address(StackValue value) => value.Kind switch
    {
        StackKind.NativeInt or StackKind.Int32 => value.Name,
        _ => throw new CompilationException(null, $"an address expected, found a {Describe(value)}"),
    };

    /// <summary>The C lvalue of an instance field of the object, struct value or address on the stack.</summary>
    private string FieldLocation(FieldDesc field, StackValue instance)
    {
        DefinedType owner = field.Owner;
        if (owner.Primitive != PrimitiveKind.None || owner.IsEnum)
        {
            // The single field of a primitive type (Int32._value) or enum (value__) is the value itself.
            string cType = _layouts.CType(owner);
            return instance.Kind == StackKind.NativeInt ? $"(*({cType}*){instance.Name})" : instance.Name;
        }

        string member = _layouts.MemberName(field);
        switch (instance.Kind)
        {
            case StackKind.Struct when instance.StructType == owner:
                return $"{instance.Name}.{member}";
            case StackKind.NativeInt when owner.IsValueType:
                return $"(({_layouts.CType(owner)}*){instance.Name})->{member}";
            case StackKind.ObjectRef or StackKind.NativeInt when !owner.IsValueType:
                _layouts.RequireClassLayout(owner);
                if (instance.Kind == StackKind.ObjectRef)
                {
                    NullCheck(instance.Name);
                }

                return $"(({_layouts.CType(owner)}){instance.Name})->{member}";
            default:
                throw new CompilationException(null, $"field {field} of a {Describe(instance)}");
        }
    }

    /// <summary>The C variable of a static field, after the owner's type initializer has run.</summary>
    private string StaticField(Instruction ins)
    {
        FieldDesc field = ResolveField(ins, isStatic: true);
        if (field.IsLiteral)
        {
            throw new CompilationException(null, $"{field} is a constant and has no storage");
        }

        if (field.HasRva)
        {
            return $"(*({_layouts.CType(field.FieldType)}*){_compilation.RvaData.Data(field)})";
        }

        string? ensure = _compilation.EnsureInitializedForFieldAccess(field.Owner, _method);
        if (ensure != null)
        {
            Emit(ensure + "();");
        }

        return _compilation.RequireStaticField(field);
    }

    private void LoadIndirect(Instruction ins, TypeDesc type, string address) =>
        LoadFrom(ins, type, $"(*({_layouts.CType(type)}*){address})");

    private void StoreIndirect(Instruction ins, TypeDesc type)
    {
        StackValue value = Pop();
        string address = Address(Pop());
        StoreTo(ins, type, $"(*({_layouts.CType(type)}*){address})", value);
    }

    private void LoadFrom(Instruction ins, TypeDesc type, string location)
    {
        string cType = _layouts.CType(type);
        if ((ins.Prefixes & IlPrefixes.Unaligned) != 0)
        {
            PushValue(type, $"({{ {cType} t_; __builtin_memcpy(&t_, (const void*)&{location}, sizeof t_); t_; }})");
        }
        else if ((ins.Prefixes & IlPrefixes.Volatile) != 0)
        {
            PushValue(type, $"(*(volatile {cType}*)&{location})");
            Emit("__atomic_thread_fence(__ATOMIC_ACQUIRE);");
        }
        else
        {
            PushValue(type, location);
        }
    }

    private void StoreTo(Instruction ins, TypeDesc type, string location, StackValue value)
    {
        string converted = Convert(value, type);
        string cType = _layouts.CType(type);
        if ((ins.Prefixes & IlPrefixes.Unaligned) != 0)
        {
            Emit($"{{ {cType} t_ = {converted}; __builtin_memcpy((void*)&{location}, &t_, sizeof t_); }}");
        }
        else if ((ins.Prefixes & IlPrefixes.Volatile) != 0)
        {
            Emit("__atomic_thread_fence(__ATOMIC_RELEASE);");
            Emit($"*(volatile {cType}*)&{location} = {converted};");
        }
        else
        {
            Emit($"{location} = {converted};");
        }
    }
}

using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Xous.IlCompiler.Il;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Objects: arrays (allocation, bounds-checked element access, covariant stores), boxing and unboxing (with
/// <c>Nullable&lt;T&gt;</c>), <c>isinst</c>/<c>castclass</c>, function pointers for delegates, and <c>ldtoken</c> of RVA
/// fields.
/// </summary>
internal sealed partial class MethodTranslator
{
    private bool TranslateObject(Instruction ins)
    {
        TypeSystemContext context = _compilation.Context;
        switch (ins.OpCode)
        {
            case ILOpCode.Newarr:
                {
                    TypeDesc element = ResolveType(ins);
                    StackValue length = Pop();
                    string descriptor = _compilation.Descriptors.Construct(context.GetArrayType(element));
                    StackValue array = Slot(_stack.Count, StackKind.ObjectRef, null);
                    Emit($"if (__builtin_expect((int32_t){length.Name} < 0, 0)) {_compilation.ThrowHelper("System.OverflowException")}({MethodNameLiteral});");
                    Emit($"{array.Name} = xilc_new_array({descriptor}, (int32_t){length.Name}, {MethodNameLiteral});");
                    _stack.Add(array);
                    return true;
                }

            case ILOpCode.Ldlen:
                {
                    StackValue array = Pop();
                    NullCheck(array.Name);
                    Push(StackKind.NativeInt, null, $"(intptr_t)((XousArray*){array.Name})->length");
                    return true;
                }

            case >= ILOpCode.Ldelem_i1 and <= ILOpCode.Ldelem_ref:
                LoadElement(ins.OpCode == ILOpCode.Ldelem_ref ? null : ElementPrimitive(ins.OpCode));
                return true;
            case ILOpCode.Ldelem:
                LoadElement(ResolveType(ins));
                return true;
            case >= ILOpCode.Stelem_i and <= ILOpCode.Stelem_ref:
                StoreElement(ins.OpCode == ILOpCode.Stelem_ref ? null : ElementPrimitive(ins.OpCode));
                return true;
            case ILOpCode.Stelem:
                {
                    TypeDesc type = ResolveType(ins);
                    StoreElement(_layouts.KindOf(type) == StackKind.ObjectRef ? null : type);
                    return true;
                }

            case ILOpCode.Ldelema:
                {
                    TypeDesc type = ResolveType(ins);
                    StackValue index = Pop();
                    StackValue array = Pop();
                    BoundsCheck(array, index);
                    if (_layouts.KindOf(type) == StackKind.ObjectRef && (ins.Prefixes & IlPrefixes.ReadOnly) == 0 && !IsSealed(type))
                    {
                        Emit($"if (XILC_TYPE({array.Name})->t.element_type != &{_compilation.Descriptors.Name(type)}.t) " +
                            $"{_compilation.ThrowHelper("System.ArrayTypeMismatchException")}({MethodNameLiteral});");
                        _compilation.Descriptors.Require(type);
                    }

                    Push(StackKind.NativeInt, null, $"(intptr_t)&(({ElementCType(type)}*)xous_array_data({array.Name}))[{index.Name}]");
                    return true;
                }

            case ILOpCode.Box:
                {
                    TypeDesc type = ResolveType(ins);
                    StackValue value = Pop();
                    if (_layouts.KindOf(type) == StackKind.ObjectRef)
                    {
                        Push(StackKind.ObjectRef, null, value.Name);
                        return true;
                    }

                    BoxValue((DefinedType)type, value);
                    return true;
                }

            case ILOpCode.Unbox_any:
                {
                    TypeDesc type = ResolveType(ins);
                    StackValue value = Pop();
                    if (_layouts.KindOf(type) == StackKind.ObjectRef)
                    {
                        Cast(type, value, throwOnFailure: true);
                        return true;
                    }

                    UnboxValue((DefinedType)type, value);
                    return true;
                }

            case ILOpCode.Unbox:
                {
                    var type = (DefinedType)ResolveType(ins);
                    StackValue value = Pop();
                    Push(StackKind.NativeInt, null, UnboxAddress(type, value.Name));
                    return true;
                }

            case ILOpCode.Isinst or ILOpCode.Castclass:
                Cast(ResolveType(ins), Pop(), throwOnFailure: ins.OpCode == ILOpCode.Castclass);
                return true;
            case ILOpCode.Ldftn:
                {
                    MethodDesc method = ResolveCallee(ins);
                    Push(StackKind.NativeInt, null, $"(intptr_t)&{FunctionForDelegate(method)}");
                    return true;
                }

            case ILOpCode.Ldvirtftn:
                {
                    MethodDesc method = ResolveCallee(ins);
                    StackValue target = Pop();
                    NullCheck(target.Name);
                    bool dispatch = method.IsVirtual && (method.Attributes & MethodAttributes.Final) == 0 && (method.Owner.Attributes & TypeAttributes.Sealed) == 0;
                    Push(StackKind.NativeInt, null, dispatch ? $"(intptr_t){VirtualFunction(method, target.Name)}" : $"(intptr_t)&{FunctionForDelegate(method)}");
                    return true;
                }

            case ILOpCode.Ldtoken:
                LoadToken(ins);
                return true;
            default:
                return false;
        }
    }

    private TypeDesc ElementPrimitive(ILOpCode opCode) => _compilation.Context.GetPrimitive(opCode switch
    {
        ILOpCode.Ldelem_i1 or ILOpCode.Stelem_i1 => PrimitiveKind.SByte,
        ILOpCode.Ldelem_u1 => PrimitiveKind.Byte,
        ILOpCode.Ldelem_i2 or ILOpCode.Stelem_i2 => PrimitiveKind.Int16,
        ILOpCode.Ldelem_u2 => PrimitiveKind.UInt16,
        ILOpCode.Ldelem_i4 or ILOpCode.Stelem_i4 => PrimitiveKind.Int32,
        ILOpCode.Ldelem_u4 => PrimitiveKind.UInt32,
        ILOpCode.Ldelem_i8 or ILOpCode.Stelem_i8 => PrimitiveKind.Int64,
        ILOpCode.Ldelem_i or ILOpCode.Stelem_i => PrimitiveKind.IntPtr,
        _ => throw new CompilationException(null, "floating point is not compiled"),
    });

    private string ElementCType(TypeDesc type) => _layouts.KindOf(type) == StackKind.ObjectRef ? "void*" : _layouts.CType(type);

    private static bool IsSealed(TypeDesc type) =>
        type is DefinedType d ? (d.Attributes & TypeAttributes.Sealed) != 0 : type is ArrayType a && a.Element is DefinedType { IsValueType: true };

    private void BoundsCheck(StackValue array, StackValue index)
    {
        if (index.Kind is not (StackKind.Int32 or StackKind.NativeInt))
        {
            throw new CompilationException(null, $"an array index of kind {Describe(index)}");
        }

        NullCheck(array.Name);
        Emit($"if (__builtin_expect((uint32_t){index.Name} >= (uint32_t)((XousArray*){array.Name})->length, 0)) " +
            $"{_compilation.ThrowHelper("System.IndexOutOfRangeException")}({MethodNameLiteral});");
    }

    private void LoadElement(TypeDesc? type)
    {
        StackValue index = Pop();
        StackValue array = Pop();
        BoundsCheck(array, index);
        type ??= _compilation.Context.GetWellKnownType("System", "Object");
        PushValue(type, $"(({ElementCType(type)}*)xous_array_data({array.Name}))[{index.Name}]");
    }

    private void StoreElement(TypeDesc? type)
    {
        StackValue value = Pop();
        StackValue index = Pop();
        StackValue array = Pop();
        BoundsCheck(array, index);
        if (type == null)
        {
            if (value.Kind != StackKind.ObjectRef)
            {
                throw new CompilationException(null, $"stelem.ref of a {Describe(value)}");
            }

            Emit($"if ({value.Name} != 0 && !xilc_is_assignable(XILC_TYPE({value.Name}), (const XilcType*)XILC_TYPE({array.Name})->t.element_type)) " +
                $"{_compilation.ThrowHelper("System.ArrayTypeMismatchException")}({MethodNameLiteral});");
            Emit($"((void**)xous_array_data({array.Name}))[{index.Name}] = {value.Name};");
            return;
        }

        Emit($"(({ElementCType(type)}*)xous_array_data({array.Name}))[{index.Name}] = {Convert(value, type)};");
    }

    private static bool IsNullable(DefinedType type) =>
        type.Module.IsCoreLib && type.Definition.Namespace == "System" && type.Definition.Name == "Nullable`1";

    /// <summary>Boxes a C value expression of the value type; pushes the new object and returns its slot.</summary>
    private StackValue Box(DefinedType type, string value)
    {
        string descriptor = _compilation.Descriptors.Construct(type);
        StackValue boxed = Slot(_stack.Count, StackKind.ObjectRef, null);
        Emit($"{boxed.Name} = xilc_new({descriptor}, {MethodNameLiteral});");
        Emit($"*({_layouts.FieldCType(type)}*)((uint8_t*){boxed.Name} + 4) = {value};");
        _stack.Add(boxed);
        return boxed;
    }

    private void BoxValue(DefinedType type, StackValue value)
    {
        if (IsNullable(type))
        {
            var inner = (DefinedType)type.Instantiation[0];
            string hasValue = _layouts.MemberName(type.Fields.First(f => f.Name == "_hasValue"));
            string field = _layouts.MemberName(type.Fields.First(f => f.Name == "_value"));
            string descriptor = _compilation.Descriptors.Construct(inner);
            StackValue result = Slot(_stack.Count, StackKind.ObjectRef, null);
            Emit($"if ({value.Name}.{hasValue}) {{ {result.Name} = xilc_new({descriptor}, {MethodNameLiteral}); " +
                $"*({_layouts.FieldCType(inner)}*)((uint8_t*){result.Name} + 4) = {value.Name}.{field}; }} else {result.Name} = 0;");
            _stack.Add(result);
            return;
        }

        Box(type, Convert(value, type));
    }

    /// <summary>The check that <paramref name="reference"/> is a boxed <paramref name="type"/> (enums and their underlying type are interchangeable).</summary>
    private string UnboxCheck(DefinedType type, string reference)
    {
        string descriptor = _compilation.Descriptors.Require(type);
        PrimitiveKind primitive = type.IsEnum ? ((DefinedType)type.EnumUnderlyingType).Primitive : type.Primitive;
        string compatible = primitive == PrimitiveKind.None ? "" : $" && XILC_TYPE({reference})->primitive != {(int)primitive}";
        return $"if (__builtin_expect(XILC_TYPE({reference}) != {descriptor}{compatible}, 0)) {_compilation.CastFailure()}({reference}, {descriptor}, {MethodNameLiteral});";
    }

    /// <summary>The address of the value in a box of <paramref name="type"/>, after the null and type checks.</summary>
    internal string UnboxAddress(DefinedType type, string reference)
    {
        NullCheck(reference);
        Emit(UnboxCheck(type, reference));
        return $"(intptr_t)((uint8_t*){reference} + 4)";
    }

    private void UnboxValue(DefinedType type, StackValue value)
    {
        if (IsNullable(type))
        {
            var inner = (DefinedType)type.Instantiation[0];
            string hasValue = _layouts.MemberName(type.Fields.First(f => f.Name == "_hasValue"));
            string field = _layouts.MemberName(type.Fields.First(f => f.Name == "_value"));
            StackValue result = Slot(_stack.Count, StackKind.Struct, type);
            Emit($"__builtin_memset((void*)&{result.Name}, 0, sizeof {result.Name});");
            Emit($"if ({value.Name} != 0) {{");
            Emit("    " + UnboxCheck(inner, value.Name));
            Emit($"    {result.Name}.{hasValue} = 1; {result.Name}.{field} = *({_layouts.FieldCType(inner)}*)((uint8_t*){value.Name} + 4);");
            Emit("}");
            _stack.Add(result);
            return;
        }

        string address = UnboxAddress(type, value.Name);
        PushValue(type, $"*({_layouts.FieldCType(type)}*){address}");
    }

    /// <summary><c>isinst</c> (null when the object is not a <paramref name="type"/>) or <c>castclass</c> (InvalidCastException).</summary>
    private void Cast(TypeDesc type, StackValue value, bool throwOnFailure)
    {
        if (value.Kind != StackKind.ObjectRef)
        {
            throw new CompilationException(null, $"a cast of a {Describe(value)}");
        }

        if (type is DefinedType nullable && IsNullable(nullable))
        {
            type = nullable.Instantiation[0];
        }

        string descriptor = _compilation.Descriptors.Require(type);
        string test = type switch
        {
            DefinedType { IsObject: true } => "1",
            DefinedType d when SyntheticMethods.IsDelegate(d) => $"xilc_is_assignable(XILC_TYPE({value.Name}), {descriptor})",
            DefinedType d when (d.Attributes & TypeAttributes.Sealed) != 0 || d.IsValueType => $"XILC_TYPE({value.Name}) == {descriptor}",
            DefinedType { IsInterface: false } => $"xilc_derives_from(XILC_TYPE({value.Name})->t.base, &({descriptor})->t) || XILC_TYPE({value.Name}) == {descriptor}",
            _ => $"xilc_is_assignable(XILC_TYPE({value.Name}), {descriptor})",
        };
        StackValue result = Slot(_stack.Count, StackKind.ObjectRef, null);
        if (throwOnFailure)
        {
            Emit($"if ({value.Name} != 0 && !({test})) {_compilation.CastFailure()}({value.Name}, {descriptor}, {MethodNameLiteral});");
            Emit($"{result.Name} = {value.Name};");
        }
        else
        {
            Emit($"{result.Name} = {value.Name} != 0 && ({test}) ? {value.Name} : 0;");
        }

        _stack.Add(result);
    }

    /// <summary>The C function a delegate calls for <paramref name="method"/> (an unboxing stub for a struct's instance method).</summary>
    private string FunctionForDelegate(MethodDesc method)
    {
        if (!method.IsStatic && method.Owner.IsValueType)
        {
            return _compilation.Descriptors.UnboxingStub(method);
        }

        if (!method.HasBody && !Intrinsics.HasBody(method))
        {
            throw new CompilationException(null, $"the address of {method.FullName}, which has no body");
        }

        return _compilation.RequireMethod(method);
    }

    private void LoadToken(Instruction ins)
    {
        EntityHandle handle = MetadataTokens.EntityHandle(ins.Int32Operand);
        if (handle.Kind is not (HandleKind.FieldDefinition or HandleKind.MemberReference) ||
            (handle.Kind == HandleKind.MemberReference && _method.Module.Reader.GetMemberReference((MemberReferenceHandle)handle).GetKind() != MemberReferenceKind.Field))
        {
            throw new CompilationException(null, "ldtoken of a type or method (run-time handles need reflection, which the device does not have)");
        }

        FieldDesc field = _compilation.Context.ResolveField(_method.Context, handle);
        if (!field.HasRva)
        {
            throw new CompilationException(null, $"ldtoken of {field}, which has no RVA data");
        }

        DefinedType handleType = _compilation.Context.GetWellKnownType("System", "RuntimeFieldHandle");
        string value = _layouts.MemberName(handleType.Fields.First(f => !f.IsStatic));
        StackValue result = Slot(_stack.Count, StackKind.Struct, handleType);
        Emit($"{result.Name}.{value} = (intptr_t)&{_compilation.RvaData.Descriptor(field)};");
        _stack.Add(result);
    }

    /// <summary>The value type whose <c>base.Equals</c>/<c>base.GetHashCode</c> this method calls (it must be the method's own type).</summary>
    internal DefinedType OwnerValueType(MethodDesc callee) =>
        _method.Owner.IsValueType ? _method.Owner : throw new CompilationException(null, $"a direct call of {callee.FullName} outside a struct");
}

using System.Reflection;
using System.Reflection.Metadata.Ecma335;
using Xous.IlCompiler.Il;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Calls: direct calls (one C function per method and instantiation, the receiver first), virtual calls through the
/// object's virtual table, interface calls through its interface map, <c>constrained.</c> calls bound after
/// monomorphisation, compiler-supplied intrinsics, and <c>newobj</c> of structs, classes, strings and delegates.
/// </summary>
internal sealed partial class MethodTranslator
{
    private MethodDesc ResolveCallee(Instruction ins) =>
        _compilation.Context.ResolveMethod(_method.Context, MetadataTokens.EntityHandle(ins.Int32Operand));

    private void Call(Instruction ins)
    {
        MethodDesc callee = ResolveCallee(ins);
        bool isVirtualCall = ins.OpCode == System.Reflection.Metadata.ILOpCode.Callvirt;
        int parameterCount = callee.Signature.ParameterTypes.Length;
        var arguments = new string[parameterCount + (callee.Signature.Header.IsInstance ? 1 : 0)];
        int first = arguments.Length - parameterCount;
        for (int i = parameterCount - 1; i >= 0; i--)
        {
            arguments[first + i] = Convert(Pop(), callee.Signature.ParameterTypes[i]);
        }

        if ((ins.Prefixes & IlPrefixes.Constrained) != 0)
        {
            TypeDesc constrained = _compilation.Context.ResolveType(_method.Context, MetadataTokens.EntityHandle(ins.ConstrainedToken));
            ConstrainedCall(constrained, callee, arguments);
            return;
        }

        if (Intrinsics.TryGet(callee, out Intrinsic? intrinsic))
        {
            if (callee.Signature.Header.IsInstance)
            {
                arguments[0] = Receiver(isVirtualCall, callee, Pop());
            }

            intrinsic.Emit(this, callee, arguments);
            return;
        }

        if (!callee.Signature.Header.IsInstance)
        {
            CallDirect(callee, arguments);
            return;
        }

        StackValue receiver = Pop();
        bool dispatch = isVirtualCall && callee.IsVirtual && (callee.Attributes & MethodAttributes.Final) == 0 &&
            (callee.Owner.Attributes & TypeAttributes.Sealed) == 0 && !callee.Owner.IsValueType;
        if (!dispatch)
        {
            arguments[0] = Receiver(isVirtualCall, callee, receiver);
            CallDirect(callee, arguments);
            return;
        }

        if (receiver.Kind != StackKind.ObjectRef)
        {
            throw new CompilationException(null, $"a virtual call of {callee.FullName} on a {Describe(receiver)}");
        }

        NullCheck(receiver.Name);
        arguments[0] = receiver.Name;
        if (callee.GenericParameterCount > 0)
        {
            arguments[0] = $"(void*){receiver.Name}";
            PushCallResult(callee, $"{_compilation.GenericVirtualDispatcher(callee)}({string.Join(", ", arguments)})");
            return;
        }

        CallIndirect(callee, VirtualFunction(callee, receiver.Name), arguments);
    }

    /// <summary>The C expression of the function a virtual or interface call on <paramref name="receiver"/> runs.</summary>
    private string VirtualFunction(MethodDesc callee, string receiver)
    {
        if (callee.GenericParameterCount > 0)
        {
            throw new CompilationException(null, $"a virtual call of the generic virtual method {callee.FullName} (generic virtual methods are not supported)");
        }

        _compilation.Descriptors.MarkVirtualCall(callee);
        if (callee.Owner.IsInterface)
        {
            string iface = _compilation.Descriptors.Require(callee.Owner);
            int slot = IndexOf(VirtualMethods.InterfaceSlots(callee.Owner), callee);
            return $"xilc_interface_slots({receiver}, {iface})[{slot}]";
        }

        return $"XILC_TYPE({receiver})->t.vtable[{_compilation.Virtuals.SlotOf(callee)}]";
    }

    private static int IndexOf(IReadOnlyList<MethodDesc> methods, MethodDesc method)
    {
        for (int i = 0; i < methods.Count; i++)
        {
            if (methods[i] == method)
            {
                return i;
            }
        }

        throw new CompilationException(null, $"{method.FullName} is not in its interface's dispatch table");
    }

    /// <summary>
    /// <c>constrained. T callvirt M</c>: for a reference type, the reference at the address is the receiver; for a value
    /// type, its own implementation is called on the address, or the value is boxed for an inherited one; a static
    /// virtual interface member is bound to T's implementation.
    /// </summary>
    private void ConstrainedCall(TypeDesc constrained, MethodDesc callee, string[] arguments)
    {
        if (callee.IsStatic)
        {
            if (constrained is not DefinedType staticOwner)
            {
                throw new CompilationException(null, $"a static virtual call of {callee.FullName} constrained to {constrained.FullName}");
            }

            MethodDesc implementation = _compilation.Virtuals.ResolveInterfaceMethod(staticOwner, callee.GenericParameterCount > 0 ? callee.Owner.GetMethod(callee.Handle) : callee);
            if (callee.GenericParameterCount > 0)
            {
                implementation = _compilation.Context.GetInstantiatedMethod(implementation, callee.Instantiation);
            }

            CallOrIntrinsic(implementation, arguments);
            return;
        }

        StackValue address = Pop();
        if (address.Kind is not (StackKind.NativeInt or StackKind.Int32))
        {
            throw new CompilationException(null, $"a constrained call of {callee.FullName} on a {Describe(address)}");
        }

        if (_layouts.KindOf(constrained) == StackKind.ObjectRef)
        {
            StackValue receiver = Push(StackKind.ObjectRef, null, $"*(void**){address.Name}");
            Pop();
            if (callee.IsVirtual && (callee.Attributes & MethodAttributes.Final) == 0 && !callee.Owner.IsValueType)
            {
                NullCheck(receiver.Name);
                arguments[0] = receiver.Name;
                CallIndirect(callee, VirtualFunction(callee, receiver.Name), arguments);
            }
            else
            {
                arguments[0] = $"({_layouts.CType(callee.Owner)}){receiver.Name}";
                CallOrIntrinsic(callee, arguments);
            }

            return;
        }

        var valueType = (DefinedType)constrained;
        MethodDesc target = callee.IsVirtual ? _compilation.Virtuals.Resolve(valueType, callee) : callee;
        if (target.Owner == valueType && target.HasBody)
        {
            arguments[0] = $"({_layouts.CType(_compilation.Context.GetByRefType(valueType))}){address.Name}";
            CallOrIntrinsic(target, arguments);
            return;
        }

        // An inherited method (ValueType/Enum/Object): box the value and call it on the box.
        StackValue boxed = Box(valueType, $"*({_layouts.CType(valueType)}*){address.Name}");
        Pop();
        arguments[0] = boxed.Name;
        string function = _compilation.Descriptors.SlotFunction(valueType, target);
        arguments[0] = $"(void*){boxed.Name}";
        PushCallResult(target, $"{function}({string.Join(", ", arguments)})");
    }

    private void CallOrIntrinsic(MethodDesc callee, string[] arguments)
    {
        if (Intrinsics.TryGet(callee, out Intrinsic? intrinsic))
        {
            intrinsic.Emit(this, callee, arguments);
        }
        else
        {
            CallDirect(callee, arguments);
        }
    }

    private string Receiver(bool isVirtualCall, MethodDesc callee, StackValue receiver)
    {
        DefinedType owner = callee.Owner;
        if (owner.IsValueType)
        {
            if (receiver.Kind == StackKind.ObjectRef)
            {
                // A call on a boxed value's own method (after a box, or an unboxed `this` of a delegate).
                return $"({_layouts.CType(_compilation.Context.GetByRefType(owner))})((uint8_t*){receiver.Name} + 4)";
            }

            if (receiver.Kind is not (StackKind.NativeInt or StackKind.Int32))
            {
                throw new CompilationException(null, $"an instance call of {callee.FullName} on a {Describe(receiver)}");
            }

            return $"({_layouts.CType(_compilation.Context.GetByRefType(owner))}){receiver.Name}";
        }

        if (receiver.Kind is not (StackKind.ObjectRef or StackKind.NativeInt))
        {
            throw new CompilationException(null, $"an instance call of {callee.FullName} on a {Describe(receiver)}");
        }

        if (isVirtualCall)
        {
            NullCheck(receiver.Name);
        }

        return $"({_layouts.CType(owner)}){receiver.Name}";
    }

    /// <summary>Emits a null check that throws NullReferenceException.</summary>
    private void NullCheck(string reference) =>
        Emit($"if (__builtin_expect({reference} == 0, 0)) {_compilation.ThrowHelper("System.NullReferenceException")}({MethodNameLiteral});");

    private void CallDirect(MethodDesc callee, string[] arguments)
    {
        if (!callee.HasBody && !Intrinsics.HasBody(callee))
        {
            string why = callee.IsInternalCall ? "an InternalCall/intrinsic the compiler does not supply" : "a method without an IL body (extern or abstract)";
            throw new CompilationException(null, $"a call of {callee.FullName}, {why}");
        }

        if (callee.IsOpenGeneric)
        {
            throw new CompilationException(null, $"a call of the open generic method {callee.FullName}");
        }

        if (GenericDepth(callee) > MaxGenericDepth)
        {
            // Polymorphic recursion (F<T> calling F<Box<T>>) has no finite monomorphisation. As NativeAOT does, code
            // past a fixed nesting depth throws instead of being compiled; a program whose recursion is bounded below
            // the depth at run time never reaches it.
            Emit($"{_compilation.ThrowHelper("System.NotSupportedException")}({MethodNameLiteral}); /* {CLiteral.Comment(callee.FullName)}: generic nesting too deep */");
            if (callee.Signature.ReturnType is not DefinedType { Primitive: PrimitiveKind.Void })
            {
                PushValue(callee.Signature.ReturnType, ZeroValue(callee.Signature.ReturnType));
            }

            return;
        }

        string call = $"{_compilation.RequireMethod(callee)}({string.Join(", ", arguments)})";
        PushCallResult(callee, call);
    }

    /// <summary>How deeply generic instantiations may nest in a compiled method's type arguments.</summary>
    private const int MaxGenericDepth = 8;

    private static int GenericDepth(MethodDesc method) =>
        Math.Max(method.Owner.Instantiation.Select(Depth).DefaultIfEmpty(0).Max(), method.Instantiation.Select(Depth).DefaultIfEmpty(0).Max());

    private static int Depth(TypeDesc type) => type switch
    {
        DefinedType d when !d.Instantiation.IsDefaultOrEmpty => 1 + d.Instantiation.Select(Depth).Max(),
        ArrayType a => 1 + Depth(a.Element),
        PointerType p => 1 + Depth(p.Element),
        ByRefType r => 1 + Depth(r.Element),
        _ => 0,
    };

    private string ZeroValue(TypeDesc type) => _layouts.KindOf(type) == StackKind.Struct ? $"({{ {_layouts.CType(type)} z_; __builtin_memset(&z_, 0, sizeof z_); z_; }})" : "0";

    private void CallIndirect(MethodDesc callee, string function, string[] arguments)
    {
        string returnType = _layouts.CType(callee.Signature.ReturnType);
        IEnumerable<string> parameterTypes = callee.Signature.ParameterTypes.Select(_layouts.CType);
        if (callee.Signature.Header.IsInstance)
        {
            parameterTypes = parameterTypes.Prepend("void*");
        }

        string[] types = [.. parameterTypes];
        string pointer = $"(({returnType} (*)({(types.Length == 0 ? "void" : string.Join(", ", types))})){function})";
        string[] converted = arguments.Select((a, i) => i == 0 && callee.Signature.Header.IsInstance ? $"(void*){a}" : a).ToArray();
        PushCallResult(callee, $"{pointer}({string.Join(", ", converted)})");
    }

    private void PushCallResult(MethodDesc callee, string call)
    {
        if (callee.Signature.ReturnType is DefinedType { Primitive: PrimitiveKind.Void })
        {
            Emit(call + ";");
        }
        else
        {
            PushValue(callee.Signature.ReturnType, call);
        }
    }

    private void NewObject(Instruction ins)
    {
        MethodDesc constructor = ResolveCallee(ins);
        DefinedType owner = constructor.Owner;
        var arguments = new string[constructor.Signature.ParameterTypes.Length];
        for (int i = arguments.Length - 1; i >= 0; i--)
        {
            arguments[i] = Convert(Pop(), constructor.Signature.ParameterTypes[i]);
        }

        if (owner.IsString)
        {
            MethodDesc factory = owner.Methods.FirstOrDefault(m => m.IsStatic && m.Name == "Ctor" &&
                m.Signature.ParameterTypes.SequenceEqual(constructor.Signature.ParameterTypes))
                ?? throw new CompilationException(null, $"System.String has no static Ctor({string.Join(",", constructor.Signature.ParameterTypes)}) for new string(...)");
            CallDirect(factory, arguments);
            return;
        }

        if (!owner.IsValueType)
        {
            string descriptor = _compilation.Descriptors.Construct(owner);
            if (!constructor.HasBody && !Intrinsics.HasBody(constructor))
            {
                throw new CompilationException(null, $"a call of {constructor.FullName}, a constructor without an IL body");
            }

            // The new object's slot is the first argument's: allocate into a temporary until the constructor has run.
            StackValue created = Slot(_stack.Count, StackKind.ObjectRef, null);
            string call = $"{_compilation.RequireMethod(constructor)}({string.Join(", ", arguments.Prepend($"({_layouts.CType(owner)})n_"))})";
            Emit($"{{ void* n_ = xilc_new({descriptor}, {MethodNameLiteral}); {call}; {created.Name} = n_; }}");
            _stack.Add(created);
            return;
        }

        string cType = _layouts.CType(owner);
        StackKind kind = _layouts.KindOf(owner);
        StackValue result = Slot(_stack.Count, kind, kind == StackKind.Struct ? owner : null);
        if (!constructor.HasBody)
        {
            throw new CompilationException(null, $"a call of {constructor.FullName}, a constructor without an IL body");
        }

        string construct = $"{_compilation.RequireMethod(constructor)}({string.Join(", ", arguments.Prepend("&t_"))})";
        string load = kind switch
        {
            StackKind.Int32 => "(int32_t)t_",
            StackKind.Int64 => "(int64_t)t_",
            StackKind.NativeInt => "(intptr_t)t_",
            _ => "t_",
        };
        Emit($"{{ {cType} t_; __builtin_memset(&t_, 0, sizeof t_); {construct}; {result.Name} = {load}; }}");
        _stack.Add(result);
    }

    /// <summary>Emits a statement on behalf of an intrinsic.</summary>
    internal void EmitStatement(string statement) => Emit(statement);

    /// <summary>Pushes the result of an intrinsic.</summary>
    internal void PushResult(TypeDesc type, string expression) => PushValue(type, expression);

    /// <summary>The compilation (for intrinsics that need descriptors, layouts or helpers).</summary>
    internal Compilation Compilation => _compilation;

    /// <summary>The C string literal of the method's name (for exception reports).</summary>
    internal string MethodName => MethodNameLiteral;
}

using System.Reflection;
using System.Reflection.Metadata.Ecma335;
using Xous.IlCompiler.Il;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Calls: direct calls of static and instance methods (one C function per method, the receiver as the first
/// parameter), non-virtual <c>callvirt</c> with its null check, compiler-supplied intrinsics, and <c>newobj</c> of
/// value types. Virtual dispatch, generic calls and allocation of objects are refused in this slice.
/// </summary>
internal sealed partial class MethodTranslator
{
    private MethodDesc ResolveCallee(Instruction ins)
    {
        if ((ins.Prefixes & IlPrefixes.Constrained) != 0)
        {
            throw new CompilationException(null, "a constrained. call (generics are not compiled yet)");
        }

        MethodDesc callee = _compilation.Context.ResolveMethod(_method.Module, MetadataTokens.EntityHandle(ins.Int32Operand));
        if (callee.GenericParameterCount > 0 || callee.Owner.GenericParameterCount > 0)
        {
            throw new CompilationException(null, $"a call of the generic method {callee.FullName} (generics are not compiled yet)");
        }

        return callee;
    }

    private void Call(Instruction ins)
    {
        MethodDesc callee = ResolveCallee(ins);
        bool dispatch = ins.OpCode == System.Reflection.Metadata.ILOpCode.Callvirt && callee.IsVirtual &&
            (callee.Attributes & MethodAttributes.Final) == 0 && (callee.Owner.Attributes & TypeAttributes.Sealed) == 0;
        if (dispatch)
        {
            throw new CompilationException(null, $"a virtual call of {callee.FullName} (virtual dispatch is not compiled yet)");
        }

        var arguments = new string[callee.Signature.ParameterTypes.Length + (callee.Signature.Header.IsInstance ? 1 : 0)];
        int first = arguments.Length - callee.Signature.ParameterTypes.Length;
        for (int i = callee.Signature.ParameterTypes.Length - 1; i >= 0; i--)
        {
            arguments[first + i] = Convert(Pop(), callee.Signature.ParameterTypes[i]);
        }

        if (callee.Signature.Header.IsInstance)
        {
            arguments[0] = Receiver(ins, callee, Pop());
        }

        if (Intrinsics.TryGet(callee, out Intrinsic? intrinsic))
        {
            intrinsic.Emit(this, arguments);
            return;
        }

        CallDirect(callee, arguments);
    }

    private string Receiver(Instruction ins, MethodDesc callee, StackValue receiver)
    {
        DefinedType owner = callee.Owner;
        if (owner.IsValueType)
        {
            if (receiver.Kind != StackKind.NativeInt)
            {
                throw new CompilationException(null, $"an instance call of {callee.FullName} on a {Describe(receiver)} (boxed receivers are not compiled yet)");
            }

            return $"({_layouts.CType(_compilation.Context.GetByRefType(owner))}){receiver.Name}";
        }

        if (receiver.Kind != StackKind.ObjectRef)
        {
            throw new CompilationException(null, $"an instance call of {callee.FullName} on a {Describe(receiver)}");
        }

        if (ins.OpCode == System.Reflection.Metadata.ILOpCode.Callvirt)
        {
            Emit($"if ({receiver.Name} == 0) xilc_throw_null_reference({MethodNameLiteral});");
        }

        return $"({_layouts.CType(owner)}){receiver.Name}";
    }

    private void CallDirect(MethodDesc callee, string[] arguments)
    {
        if (!callee.HasBody)
        {
            string why = callee.IsInternalCall ? "an InternalCall/intrinsic the compiler does not supply yet" : "a method without an IL body (extern or abstract)";
            throw new CompilationException(null, $"a call of {callee.FullName}, {why}");
        }

        string call = $"{_compilation.RequireMethod(callee)}({string.Join(", ", arguments)})";
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
        if (!owner.IsValueType)
        {
            string what = owner.IsString ? "new string(...) (string allocation is not compiled yet)" : $"newobj of the class {owner.FullName} (objects are not compiled yet)";
            throw new CompilationException(null, what);
        }

        var arguments = new string[constructor.Signature.ParameterTypes.Length];
        for (int i = arguments.Length - 1; i >= 0; i--)
        {
            arguments[i] = Convert(Pop(), constructor.Signature.ParameterTypes[i]);
        }

        string cType = _layouts.CType(owner);
        StackKind kind = _layouts.KindOf(owner);
        StackValue result = Slot(_stack.Count, kind, kind == StackKind.Struct ? owner : null);
        string call = $"{_compilation.RequireMethod(constructor)}({string.Join(", ", arguments.Prepend("&t_"))})";
        string load = kind switch
        {
            StackKind.Int32 => "(int32_t)t_",
            StackKind.Int64 => "(int64_t)t_",
            StackKind.NativeInt => "(intptr_t)t_",
            _ => "t_",
        };
        if (!constructor.HasBody)
        {
            throw new CompilationException(null, $"a call of {constructor.FullName}, a constructor without an IL body");
        }

        Emit($"{{ {cType} t_; __builtin_memset(&t_, 0, sizeof t_); {call}; {result.Name} = {load}; }}");
        _stack.Add(result);
    }

    /// <summary>Emits a statement on behalf of an intrinsic.</summary>
    internal void EmitStatement(string statement) => Emit(statement);

    /// <summary>Pushes the result of an intrinsic.</summary>
    internal void PushResult(TypeDesc type, string expression) => PushValue(type, expression);
}

using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;
using Xous.IlCompiler.Il;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Translates one method's IL into one C function. The evaluation stack becomes C variables named by depth and kind
/// (<see cref="StackValue"/>); each instruction becomes one or a few C statements; branch targets become labels.
/// The stack shape at every branch target is recorded from the first path that reaches it and checked on every other.
/// Anything this slice does not compile raises a <see cref="CompilationException"/> naming the method, the IL offset
/// and the construct.
/// </summary>
internal sealed partial class MethodTranslator
{
    private readonly Compilation _compilation;
    private readonly MethodDesc _method;
    private readonly TypeLayouts _layouts;
    private readonly StringBuilder _code = new();
    private readonly List<StackValue> _stack = [];
    private readonly Dictionary<int, StackValue[]> _stackAtTarget = [];
    private readonly SortedDictionary<string, string> _slots = new(StringComparer.Ordinal);
    private readonly TypeDesc[] _argTypes;
    private readonly string[] _argNames;
    private TypeDesc[] _localTypes = [];
    private bool _initLocals;
    private bool _reachable;
    private bool _neverReturns;

    public MethodTranslator(Compilation compilation, MethodDesc method)
    {
        _compilation = compilation;
        _method = method;
        _layouts = compilation.Layouts;
        var types = new List<TypeDesc>();
        var names = new List<string>();
        if (!method.IsStatic)
        {
            types.Add(method.Owner.IsValueType ? compilation.Context.GetByRefType(method.Owner) : method.Owner);
            names.Add("self");
        }

        types.AddRange(method.Signature.ParameterTypes);
        names.AddRange(method.ParameterNames.Select(n => "p_" + NameMangler.Sanitize(n)));
        _argTypes = [.. types];
        _argNames = [.. names];
    }

    /// <summary>The C declaration of the function (without the trailing <c>;</c> or body).</summary>
    public string Prototype() => Prototype(false);

    /// <summary>The declaration; with <paramref name="volatileParameters"/>, for the definition of a method with handlers.</summary>
    private string Prototype(bool volatileParameters)
    {
        string returnType = _layouts.CType(_method.Signature.ReturnType);
        string qualifier = volatileParameters ? " volatile" : "";
        string parameters = _argTypes.Length == 0
            ? "void"
            : string.Join(", ", _argTypes.Select((t, i) => _layouts.CType(t) + qualifier + " " + _argNames[i]));
        // A method without `ret` only ever throws (ThrowHelper): gcc then treats calls of it as cold exits.
        string attributes = _neverReturns ? "__attribute__((noreturn, cold)) " : "";
        // [MethodImpl] hints carry over: AggressiveInlining becomes C's inline (a hint that raises gcc's limits, not
        // always_inline, which gcc refuses for recursive or setjmp-using functions); NoInlining must hold on the device
        // too (FixedTime.Equals relies on it).
        if ((_method.ImplAttributes & System.Reflection.MethodImplAttributes.NoInlining) != 0)
        {
            attributes += "__attribute__((noinline)) ";
        }
        else if ((_method.ImplAttributes & System.Reflection.MethodImplAttributes.AggressiveInlining) != 0)
        {
            attributes += "inline ";
        }

        return $"static {attributes}{returnType} {_compilation.Names.Method(_method)}({parameters})";
    }

    /// <summary>Translates the body and returns the whole C function.</summary>
    public string Translate()
    {
        MethodBodyBlock body = _method.GetBody();
        _initLocals = body.LocalVariablesInitialized;
        if (!body.LocalSignature.IsNil)
        {
            StandaloneSignature signature = _method.Module.Reader.GetStandaloneSignature(body.LocalSignature);
            ImmutableArray<TypeDesc> locals = signature.DecodeLocalSignature(_compilation.Context.SignatureProvider, _method.Context);
            _localTypes = [.. locals];
        }

        IReadOnlyList<Instruction> instructions = IlReader.Decode(body.GetILReader());
        _neverReturns = !instructions.Any(i => i.OpCode == ILOpCode.Ret);
        var targets = new HashSet<int>();
        foreach (Instruction instruction in instructions)
        {
            if (instruction.OpCode.IsBranch())
            {
                targets.Add(instruction.Int32Operand);
            }

            foreach (int target in instruction.SwitchTargets ?? [])
            {
                targets.Add(target);
            }
        }

        Wrap(null, () =>
        {
            SetUpExceptionRegions(body.ExceptionRegions, targets);
            return 0;
        });
        string prototype = Wrap(null, () => Prototype(HasExceptionHandling));
        if (_method.IsStatic || _method.Name == ".ctor")
        {
            string? ensure = _compilation.EnsurePreciseInitialization(_method);
            if (ensure != null)
            {
                Emit(ensure + "();");
            }
        }

        _reachable = true;
        foreach (Instruction instruction in instructions)
        {
            Wrap(instruction, () =>
            {
                EnterTryBlocks(instruction.Offset);
                if (targets.Contains(instruction.Offset))
                {
                    EnterTarget(instruction.Offset);
                    _code.Append(instruction.Label).AppendLine(":;");
                }
                else if (!_reachable)
                {
                    _stack.Clear();
                }

                _reachable = true;
                TranslateInstruction(instruction);
                return 0;
            });
        }

        Wrap(null, () =>
        {
            WriteExceptionDispatch();
            return 0;
        });
        string qualifier = HasExceptionHandling ? " volatile" : "";
        var function = new StringBuilder();
        function.Append("/* ").Append(CLiteral.Comment(_method.FullName)).AppendLine(" */");
        function.Append(prototype).AppendLine();
        function.AppendLine("{");
        for (int i = 0; i < _localTypes.Length; i++)
        {
            string cType = Wrap(null, () => _layouts.CType(_localTypes[i]));
            function.Append("    ").Append(cType).Append(qualifier).Append(" l").Append(i).Append(" = ").Append(ZeroOf(_localTypes[i])).AppendLine(";");
        }

        foreach ((string name, string cType) in _slots)
        {
            function.Append("    ").Append(cType).Append(qualifier).Append(' ').Append(name).Append(" = ").Append(cType.StartsWith("struct ", StringComparison.Ordinal) && !cType.EndsWith('*') ? "{0}" : "0").AppendLine(";");
        }

        foreach (string name in _argNames.Concat(Enumerable.Range(0, _localTypes.Length).Select(i => "l" + i)).Concat(_slots.Keys))
        {
            function.Append("    (void)").Append(name).AppendLine(";");
        }

        DeclareExceptionState(function);
        function.Append(_code);
        function.Append(_dispatch);
        function.AppendLine("}");
        return function.ToString();
    }

    private string ZeroOf(TypeDesc type) =>
        type is DefinedType { IsValueType: true, IsEnum: false, Primitive: PrimitiveKind.None } ? "{0}" : "0";

    private T Wrap<T>(Instruction? instruction, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (CompilationException e) when (e.Method == null)
        {
            string where = instruction == null ? "" : $"{instruction.Label} {instruction.Mnemonic}: ";
            throw new CompilationException(_method.FullName, where + e.Construct);
        }
    }

    private void EnterTarget(int offset)
    {
        if (_stackAtTarget.TryGetValue(offset, out StackValue[]? recorded))
        {
            if (_reachable)
            {
                CheckSameStack(offset, recorded);
            }

            _stack.Clear();
            _stack.AddRange(recorded);
        }
        else
        {
            if (!_reachable)
            {
                _stack.Clear();
            }

            _stackAtTarget[offset] = [.. _stack];
        }
    }

    private void BranchTo(int offset)
    {
        if (_stackAtTarget.TryGetValue(offset, out StackValue[]? recorded))
        {
            CheckSameStack(offset, recorded);
        }
        else
        {
            _stackAtTarget[offset] = [.. _stack];
        }
    }

    private void CheckSameStack(int offset, StackValue[] recorded)
    {
        if (recorded.Length != _stack.Count || recorded.Where((v, i) => !v.SameShape(_stack[i])).Any())
        {
            throw new CompilationException(null, $"the evaluation stack at IL_{offset:x4} differs between the paths that reach it");
        }
    }

    private void Emit(string statement) => _code.Append("    ").AppendLine(statement);

    /// <summary>Pushes a value computed by <paramref name="expression"/> into the slot for the new top of stack.</summary>
    private StackValue Push(StackKind kind, DefinedType? structType, string expression)
    {
        StackValue slot = Slot(_stack.Count, kind, structType);
        Emit($"{slot.Name} = {expression};");
        _stack.Add(slot);
        return slot;
    }

    /// <summary>Pushes a value of <paramref name="type"/> read from the C expression <paramref name="value"/>.</summary>
    private StackValue PushValue(TypeDesc type, string value)
    {
        StackKind kind = _layouts.KindOf(type);
        return Push(kind, kind == StackKind.Struct ? (DefinedType)type : null, kind switch
        {
            StackKind.Int32 => "(int32_t)(" + value + ")",
            StackKind.Int64 => "(int64_t)(" + value + ")",
            StackKind.NativeInt => "(intptr_t)(" + value + ")",
            StackKind.ObjectRef => "(void*)(" + value + ")",
            _ => value,
        });
    }

    private StackValue Slot(int depth, StackKind kind, DefinedType? structType)
    {
        string suffix = kind switch
        {
            StackKind.Int32 => "i4",
            StackKind.Int64 => "i8",
            StackKind.NativeInt => "ip",
            StackKind.ObjectRef => "o",
            _ => "v_" + _compilation.Names.Type(structType!),
        };
        string name = $"s{depth}_{suffix}";
        _slots.TryAdd(name, _layouts.StackCType(kind, structType));
        return new StackValue(kind, structType, name);
    }

    private StackValue Pop()
    {
        if (_stack.Count == 0)
        {
            throw new CompilationException(null, "the evaluation stack is empty");
        }

        StackValue value = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    /// <summary>The C expression that converts a stack value to the C type of a location of <paramref name="type"/>.</summary>
    private string Convert(StackValue value, TypeDesc type)
    {
        StackKind kind = _layouts.KindOf(type);
        string cType = _layouts.CType(type);
        bool compatible = (kind, value.Kind) switch
        {
            (StackKind.Struct, StackKind.Struct) => value.StructType == type,
            (StackKind.Int32 or StackKind.NativeInt, StackKind.Int32 or StackKind.NativeInt) => true,
            (StackKind.Int64, StackKind.Int64) => true,
            (StackKind.ObjectRef, StackKind.ObjectRef) => true,
            _ => false,
        };
        if (!compatible)
        {
            throw new CompilationException(null, $"a {Describe(value)} where {type.FullName} is expected");
        }

        return kind == StackKind.Struct ? value.Name : $"({cType}){value.Name}";
    }

    private static string Describe(StackValue value) => value.Kind == StackKind.Struct ? value.StructType!.FullName : value.Kind.ToString();

    private string MethodNameLiteral => CLiteral.String(_method.DisplayName);

    private static void Unsupported(string what) => throw new CompilationException(null, what);

    private void TranslateInstruction(Instruction ins)
    {
        switch (ins.OpCode)
        {
            case ILOpCode.Nop:
                break;
            case ILOpCode.Ldarg_0 or ILOpCode.Ldarg_1 or ILOpCode.Ldarg_2 or ILOpCode.Ldarg_3:
                LoadArgument((int)ins.OpCode - (int)ILOpCode.Ldarg_0);
                break;
            case ILOpCode.Ldarg_s or ILOpCode.Ldarg:
                LoadArgument(ins.Int32Operand);
                break;
            case ILOpCode.Ldarga_s or ILOpCode.Ldarga:
                Push(StackKind.NativeInt, null, $"(intptr_t)&{Argument(ins.Int32Operand)}");
                break;
            case ILOpCode.Starg_s or ILOpCode.Starg:
                Emit($"{Argument(ins.Int32Operand)} = {Convert(Pop(), _argTypes[ins.Int32Operand])};");
                break;
            case ILOpCode.Ldloc_0 or ILOpCode.Ldloc_1 or ILOpCode.Ldloc_2 or ILOpCode.Ldloc_3:
                LoadLocal((int)ins.OpCode - (int)ILOpCode.Ldloc_0);
                break;
            case ILOpCode.Ldloc_s or ILOpCode.Ldloc:
                LoadLocal(ins.Int32Operand);
                break;
            case ILOpCode.Ldloca_s or ILOpCode.Ldloca:
                Push(StackKind.NativeInt, null, $"(intptr_t)&{Local(ins.Int32Operand)}");
                break;
            case ILOpCode.Stloc_0 or ILOpCode.Stloc_1 or ILOpCode.Stloc_2 or ILOpCode.Stloc_3:
                StoreLocal((int)ins.OpCode - (int)ILOpCode.Stloc_0);
                break;
            case ILOpCode.Stloc_s or ILOpCode.Stloc:
                StoreLocal(ins.Int32Operand);
                break;
            case ILOpCode.Ldnull:
                Push(StackKind.ObjectRef, null, "(void*)0");
                break;
            case >= ILOpCode.Ldc_i4_m1 and <= ILOpCode.Ldc_i4_8:
                Push(StackKind.Int32, null, CLiteral.Int32((int)ins.OpCode - (int)ILOpCode.Ldc_i4_0));
                break;
            case ILOpCode.Ldc_i4_s or ILOpCode.Ldc_i4:
                Push(StackKind.Int32, null, CLiteral.Int32(ins.Int32Operand));
                break;
            case ILOpCode.Ldc_i8:
                Push(StackKind.Int64, null, CLiteral.Int64(ins.Operand));
                break;
            case ILOpCode.Ldc_r4 or ILOpCode.Ldc_r8:
                Unsupported("floating point is not compiled yet");
                break;
            case ILOpCode.Dup:
                StackValue top = _stack.Count > 0 ? _stack[^1] : Pop();
                Push(top.Kind, top.StructType, top.Name);
                break;
            case ILOpCode.Pop:
                Pop();
                break;
            case ILOpCode.Ret:
                Return();
                break;
            case ILOpCode.Call or ILOpCode.Callvirt:
                Call(ins);
                break;
            case ILOpCode.Newobj:
                NewObject(ins);
                break;
            case ILOpCode.Ldstr:
                string text = _method.Module.Reader.GetUserString(MetadataTokens.UserStringHandle(ins.Int32Operand & 0xFFFFFF));
                Push(StackKind.ObjectRef, null, $"(void*)&{_compilation.Strings.Require(text)}");
                break;
            case ILOpCode.Localloc:
                LocalAllocate();
                break;
            default:
                if (!TranslateBranch(ins) && !TranslateArithmetic(ins) && !TranslateMemory(ins) && !TranslateObject(ins) && !TranslateException(ins))
                {
                    Unsupported(NotYetCompiled(ins.OpCode));
                }

                break;
        }
    }

    private static string NotYetCompiled(ILOpCode opCode) => opCode switch
    {
        ILOpCode.Calli or ILOpCode.Jmp => "calli/jmp (unmanaged function pointer calls) are not compiled",
        ILOpCode.Ldelem_r4 or ILOpCode.Ldelem_r8 or ILOpCode.Stelem_r4 or ILOpCode.Stelem_r8 or ILOpCode.Ckfinite or ILOpCode.Conv_r4 or ILOpCode.Conv_r8 or ILOpCode.Conv_r_un => "floating point is not compiled yet",
        ILOpCode.Arglist or ILOpCode.Mkrefany or ILOpCode.Refanyval or ILOpCode.Refanytype => "varargs and typed references are not supported",
        ILOpCode.Break => "break (a debugger breakpoint) is not supported",
        _ => "this instruction is not compiled yet",
    };

    private string Argument(int index)
    {
        if (index < 0 || index >= _argNames.Length)
        {
            throw new CompilationException(null, $"argument {index} does not exist");
        }

        return _argNames[index];
    }

    private string Local(int index)
    {
        if (index < 0 || index >= _localTypes.Length)
        {
            throw new CompilationException(null, $"local {index} does not exist");
        }

        return "l" + index;
    }

    private void LoadArgument(int index) => PushValue(_argTypes[index], Argument(index));

    private void LoadLocal(int index) => PushValue(_localTypes[index], Local(index));

    private void StoreLocal(int index) => Emit($"{Local(index)} = {Convert(Pop(), _localTypes[index])};");

    private void Return()
    {
        TypeDesc returnType = _method.Signature.ReturnType;
        if (returnType is DefinedType { Primitive: PrimitiveKind.Void })
        {
            Emit("return;");
        }
        else
        {
            Emit($"return {Convert(Pop(), returnType)};");
        }

        _reachable = false;
    }

    private void LocalAllocate()
    {
        StackValue size = Pop();
        if (size.Kind is not (StackKind.Int32 or StackKind.NativeInt))
        {
            throw new CompilationException(null, "localloc of a " + Describe(size));
        }

        StackValue result = Slot(_stack.Count, StackKind.NativeInt, null);
        string zero = _initLocals ? " __builtin_memset((void*)" + result.Name + ", 0, n_);" : "";
        Emit($"{{ uint32_t n_ = (uint32_t){size.Name}; {result.Name} = (intptr_t)__builtin_alloca(n_);{zero} }}");
        _stack.Add(result);
    }
}

using System.Reflection.Metadata;
using Xous.IlCompiler.Il;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Branches, comparisons, integer arithmetic and conversions. Signed overflow is undefined in C, so wrapping
/// arithmetic is done on the unsigned type of the same width and cast back; shifts mask their count; division checks
/// for zero and for MinValue / -1 as the CLI requires; checked (<c>.ovf</c>) operations use gcc's overflow builtins.
/// </summary>
internal sealed partial class MethodTranslator
{
    private enum Comparison
    {
        Equal,
        NotEqual,
        Greater,
        GreaterOrEqual,
        Less,
        LessOrEqual,
    }

    private bool TranslateBranch(Instruction ins)
    {
        switch (ins.OpCode)
        {
            case ILOpCode.Br or ILOpCode.Br_s:
                BranchTo(ins.Int32Operand);
                Emit($"goto {BranchLabel(ins.Offset, ins.Int32Operand)};");
                _reachable = false;
                return true;
            case ILOpCode.Brtrue or ILOpCode.Brtrue_s or ILOpCode.Brfalse or ILOpCode.Brfalse_s:
                StackValue condition = Pop();
                if (condition.Kind == StackKind.Struct)
                {
                    throw new CompilationException(null, "a branch on a struct value");
                }

                BranchTo(ins.Int32Operand);
                bool onTrue = ins.OpCode is ILOpCode.Brtrue or ILOpCode.Brtrue_s;
                Emit($"if ({(onTrue ? "" : "!")}{condition.Name}) goto {BranchLabel(ins.Offset, ins.Int32Operand)};");
                return true;
            case ILOpCode.Switch:
                StackValue selector = Pop();
                if (selector.Kind is not (StackKind.Int32 or StackKind.NativeInt))
                {
                    throw new CompilationException(null, "a switch on a " + Describe(selector));
                }

                Emit($"switch ((uint32_t){selector.Name}) {{");
                for (int i = 0; i < ins.SwitchTargets!.Length; i++)
                {
                    BranchTo(ins.SwitchTargets[i]);
                    Emit($"case {i}u: goto {BranchLabel(ins.Offset, ins.SwitchTargets[i])};");
                }

                Emit("default: break;");
                Emit("}");
                return true;
            case ILOpCode.Ceq or ILOpCode.Cgt or ILOpCode.Cgt_un or ILOpCode.Clt or ILOpCode.Clt_un:
                StackValue right = Pop();
                StackValue left = Pop();
                (Comparison comparison, bool unsigned) = ins.OpCode switch
                {
                    ILOpCode.Ceq => (Comparison.Equal, false),
                    ILOpCode.Cgt => (Comparison.Greater, false),
                    ILOpCode.Cgt_un => (Comparison.Greater, true),
                    ILOpCode.Clt => (Comparison.Less, false),
                    _ => (Comparison.Less, true),
                };
                Push(StackKind.Int32, null, $"(int32_t)({Compare(comparison, unsigned, left, right)})");
                return true;
            default:
                break;
        }

        (Comparison, bool)? branch = ins.OpCode switch
        {
            ILOpCode.Beq or ILOpCode.Beq_s => (Comparison.Equal, false),
            ILOpCode.Bne_un or ILOpCode.Bne_un_s => (Comparison.NotEqual, true),
            ILOpCode.Bge or ILOpCode.Bge_s => (Comparison.GreaterOrEqual, false),
            ILOpCode.Bge_un or ILOpCode.Bge_un_s => (Comparison.GreaterOrEqual, true),
            ILOpCode.Bgt or ILOpCode.Bgt_s => (Comparison.Greater, false),
            ILOpCode.Bgt_un or ILOpCode.Bgt_un_s => (Comparison.Greater, true),
            ILOpCode.Ble or ILOpCode.Ble_s => (Comparison.LessOrEqual, false),
            ILOpCode.Ble_un or ILOpCode.Ble_un_s => (Comparison.LessOrEqual, true),
            ILOpCode.Blt or ILOpCode.Blt_s => (Comparison.Less, false),
            ILOpCode.Blt_un or ILOpCode.Blt_un_s => (Comparison.Less, true),
            _ => null,
        };
        if (branch is not (Comparison op, bool isUnsigned))
        {
            return false;
        }

        StackValue b = Pop();
        StackValue a = Pop();
        BranchTo(ins.Int32Operand);
        Emit($"if ({Compare(op, isUnsigned, a, b)}) goto {BranchLabel(ins.Offset, ins.Int32Operand)};");
        return true;
    }

    private static string Compare(Comparison comparison, bool unsigned, StackValue a, StackValue b)
    {
        string op = comparison switch
        {
            Comparison.Equal => "==",
            Comparison.NotEqual => "!=",
            Comparison.Greater => ">",
            Comparison.GreaterOrEqual => ">=",
            Comparison.Less => "<",
            _ => "<=",
        };
        string cast = (a.Kind, b.Kind) switch
        {
            (StackKind.Int32, StackKind.Int32) => unsigned ? "(uint32_t)" : "",
            (StackKind.Int64, StackKind.Int64) => unsigned ? "(uint64_t)" : "",
            (StackKind.Int32 or StackKind.NativeInt, StackKind.Int32 or StackKind.NativeInt) => unsigned ? "(uintptr_t)" : "(intptr_t)",
            (StackKind.ObjectRef, StackKind.ObjectRef) => "(uintptr_t)",
            _ => throw new CompilationException(null, $"a comparison of a {Describe(a)} with a {Describe(b)}"),
        };
        return $"{cast}{a.Name} {op} {cast}{b.Name}";
    }

    /// <summary>The signed and unsigned C types of an integer stack kind, its bit width and its minimum.</summary>
    private static (string Signed, string Unsigned, int Bits, string Min) IntegerTypes(StackKind kind) => kind switch
    {
        StackKind.Int32 => ("int32_t", "uint32_t", 32, "INT32_MIN"),
        StackKind.Int64 => ("int64_t", "uint64_t", 64, "INT64_MIN"),
        StackKind.NativeInt => ("intptr_t", "uintptr_t", 32, "INTPTR_MIN"),
        _ => throw new CompilationException(null, "arithmetic on a " + kind),
    };

    private static StackKind BinaryResult(StackValue a, StackValue b) => (a.Kind, b.Kind) switch
    {
        (StackKind.Int32, StackKind.Int32) => StackKind.Int32,
        (StackKind.Int64, StackKind.Int64) => StackKind.Int64,
        (StackKind.Int32 or StackKind.NativeInt, StackKind.Int32 or StackKind.NativeInt) => StackKind.NativeInt,
        _ => throw new CompilationException(null, $"arithmetic on a {Describe(a)} and a {Describe(b)}"),
    };

    private bool TranslateArithmetic(Instruction ins)
    {
        switch (ins.OpCode)
        {
            case ILOpCode.Add or ILOpCode.Sub or ILOpCode.Mul:
                Wrapping(ins.OpCode switch { ILOpCode.Add => "+", ILOpCode.Sub => "-", _ => "*" });
                return true;
            case ILOpCode.And or ILOpCode.Or or ILOpCode.Xor:
                {
                    StackValue b = Pop();
                    StackValue a = Pop();
                    StackKind kind = BinaryResult(a, b);
                    string signed = IntegerTypes(kind).Signed;
                    string op = ins.OpCode switch { ILOpCode.And => "&", ILOpCode.Or => "|", _ => "^" };
                    Push(kind, null, $"({signed}){a.Name} {op} ({signed}){b.Name}");
                    return true;
                }

            case ILOpCode.Div or ILOpCode.Rem or ILOpCode.Div_un or ILOpCode.Rem_un:
                Divide(ins.OpCode);
                return true;
            case ILOpCode.Shl or ILOpCode.Shr or ILOpCode.Shr_un:
                {
                    StackValue amount = Pop();
                    StackValue value = Pop();
                    if (amount.Kind is not (StackKind.Int32 or StackKind.NativeInt))
                    {
                        throw new CompilationException(null, "a shift by a " + Describe(amount));
                    }

                    (string signed, string unsigned, int bits, _) = IntegerTypes(value.Kind);
                    string count = $"((uint32_t){amount.Name} & {bits - 1}u)";
                    Push(value.Kind, null, ins.OpCode switch
                    {
                        ILOpCode.Shl => $"({signed})(({unsigned}){value.Name} << {count})",
                        ILOpCode.Shr => $"({signed})({value.Name} >> {count})",
                        _ => $"({signed})(({unsigned}){value.Name} >> {count})",
                    });
                    return true;
                }

            case ILOpCode.Neg:
                {
                    StackValue value = Pop();
                    (string signed, string unsigned, _, _) = IntegerTypes(value.Kind);
                    Push(value.Kind, null, $"({signed})(({unsigned})0 - ({unsigned}){value.Name})");
                    return true;
                }

            case ILOpCode.Not:
                {
                    StackValue value = Pop();
                    Push(value.Kind, null, $"({IntegerTypes(value.Kind).Signed})~{value.Name}");
                    return true;
                }

            case ILOpCode.Add_ovf or ILOpCode.Add_ovf_un or ILOpCode.Sub_ovf or ILOpCode.Sub_ovf_un or ILOpCode.Mul_ovf or ILOpCode.Mul_ovf_un:
                Checked(ins.OpCode);
                return true;
            default:
                return TranslateConversion(ins);
        }
    }

    private void Wrapping(string op)
    {
        StackValue b = Pop();
        StackValue a = Pop();
        StackKind kind = BinaryResult(a, b);
        (string signed, string unsigned, _, _) = IntegerTypes(kind);
        Push(kind, null, $"({signed})(({unsigned}){a.Name} {op} ({unsigned}){b.Name})");
    }

    private void Divide(ILOpCode opCode)
    {
        StackValue b = Pop();
        StackValue a = Pop();
        StackKind kind = BinaryResult(a, b);
        (string signed, string unsigned, _, string min) = IntegerTypes(kind);
        string divisor = $"({signed}){b.Name}";
        Emit($"if ({divisor} == 0) {_compilation.ThrowHelper("System.DivideByZeroException")}({MethodNameLiteral});");
        switch (opCode)
        {
            case ILOpCode.Div:
                // The CLI throws OverflowException for MinValue / -1 (C leaves it undefined, RV32 returns MinValue).
                Emit($"if ({divisor} == -1 && ({signed}){a.Name} == {min}) {_compilation.ThrowHelper("System.OverflowException")}({MethodNameLiteral});");
                Push(kind, null, $"({signed}){a.Name} / {divisor}");
                break;
            case ILOpCode.Rem:
                // .NET throws OverflowException for MinValue % -1 as well (x64 idiv faults on it).
                Emit($"if ({divisor} == -1 && ({signed}){a.Name} == {min}) {_compilation.ThrowHelper("System.OverflowException")}({MethodNameLiteral});");
                Push(kind, null, $"({signed}){a.Name} % {divisor}");
                break;
            case ILOpCode.Div_un:
                Push(kind, null, $"({signed})(({unsigned}){a.Name} / ({unsigned}){b.Name})");
                break;
            default:
                Push(kind, null, $"({signed})(({unsigned}){a.Name} % ({unsigned}){b.Name})");
                break;
        }
    }

    private void Checked(ILOpCode opCode)
    {
        StackValue b = Pop();
        StackValue a = Pop();
        StackKind kind = BinaryResult(a, b);
        (string signed, string unsigned, _, _) = IntegerTypes(kind);
        bool isUnsigned = opCode is ILOpCode.Add_ovf_un or ILOpCode.Sub_ovf_un or ILOpCode.Mul_ovf_un;
        string builtin = opCode switch
        {
            ILOpCode.Add_ovf or ILOpCode.Add_ovf_un => "__builtin_add_overflow",
            ILOpCode.Sub_ovf or ILOpCode.Sub_ovf_un => "__builtin_sub_overflow",
            _ => "__builtin_mul_overflow",
        };
        string type = isUnsigned ? unsigned : signed;
        StackValue result = Slot(_stack.Count, kind, null);
        Emit($"{{ {type} r_; if ({builtin}(({type}){a.Name}, ({type}){b.Name}, &r_)) {_compilation.ThrowHelper("System.OverflowException")}({MethodNameLiteral}); {result.Name} = ({signed})r_; }}");
        _stack.Add(result);
    }

    /// <summary>A conversion target: its C type, stack kind and range.</summary>
    private sealed record ConversionTarget(string CType, StackKind Kind, Int128 Min, Int128 Max);

    private static ConversionTarget? TargetOf(ILOpCode opCode) => opCode switch
    {
        ILOpCode.Conv_i1 or ILOpCode.Conv_ovf_i1 or ILOpCode.Conv_ovf_i1_un => new("int8_t", StackKind.Int32, sbyte.MinValue, sbyte.MaxValue),
        ILOpCode.Conv_u1 or ILOpCode.Conv_ovf_u1 or ILOpCode.Conv_ovf_u1_un => new("uint8_t", StackKind.Int32, 0, byte.MaxValue),
        ILOpCode.Conv_i2 or ILOpCode.Conv_ovf_i2 or ILOpCode.Conv_ovf_i2_un => new("int16_t", StackKind.Int32, short.MinValue, short.MaxValue),
        ILOpCode.Conv_u2 or ILOpCode.Conv_ovf_u2 or ILOpCode.Conv_ovf_u2_un => new("uint16_t", StackKind.Int32, 0, ushort.MaxValue),
        ILOpCode.Conv_i4 or ILOpCode.Conv_ovf_i4 or ILOpCode.Conv_ovf_i4_un => new("int32_t", StackKind.Int32, int.MinValue, int.MaxValue),
        ILOpCode.Conv_u4 or ILOpCode.Conv_ovf_u4 or ILOpCode.Conv_ovf_u4_un => new("uint32_t", StackKind.Int32, 0, uint.MaxValue),
        ILOpCode.Conv_i8 or ILOpCode.Conv_ovf_i8 or ILOpCode.Conv_ovf_i8_un => new("int64_t", StackKind.Int64, long.MinValue, long.MaxValue),
        ILOpCode.Conv_u8 or ILOpCode.Conv_ovf_u8 or ILOpCode.Conv_ovf_u8_un => new("uint64_t", StackKind.Int64, 0, ulong.MaxValue),
        // native int is 32 bits on RV32.
        ILOpCode.Conv_i or ILOpCode.Conv_ovf_i or ILOpCode.Conv_ovf_i_un => new("intptr_t", StackKind.NativeInt, int.MinValue, int.MaxValue),
        ILOpCode.Conv_u or ILOpCode.Conv_ovf_u or ILOpCode.Conv_ovf_u_un => new("uintptr_t", StackKind.NativeInt, 0, uint.MaxValue),
        _ => null,
    };

    private bool TranslateConversion(Instruction ins)
    {
        ConversionTarget? target = TargetOf(ins.OpCode);
        if (target == null)
        {
            return false;
        }

        string name = ins.OpCode.ToString();
        bool isChecked = name.Contains("ovf", StringComparison.OrdinalIgnoreCase);
        bool sourceUnsigned = name.EndsWith("_un", StringComparison.OrdinalIgnoreCase);
        StackValue value = Pop();
        if (value.Kind == StackKind.ObjectRef && ins.OpCode is ILOpCode.Conv_u or ILOpCode.Conv_i)
        {
            // The address of a pinned object (fixed on a string or array).
            Push(StackKind.NativeInt, null, $"(intptr_t){value.Name}");
            return true;
        }

        if (value.Kind is not (StackKind.Int32 or StackKind.Int64 or StackKind.NativeInt))
        {
            throw new CompilationException(null, "a conversion of a " + Describe(value));
        }

        string unsignedType = IntegerTypes(value.Kind).Unsigned;
        string source = isChecked
            ? sourceUnsigned ? $"(uint64_t)({unsignedType}){value.Name}" : $"(int64_t){value.Name}"
            : !sourceUnsigned && target.Kind != StackKind.Int32 && target.Min == 0
                ? $"({unsignedType}){value.Name}" // conv.u8 / conv.u zero-extend
                : value.Name;
        if (isChecked)
        {
            // Only the bounds the source can actually cross (gcc -Wextra rejects comparisons that are always false).
            bool wide = value.Kind == StackKind.Int64;
            Int128 sourceMin = sourceUnsigned ? 0 : wide ? long.MinValue : int.MinValue;
            Int128 sourceMax = sourceUnsigned ? (wide ? ulong.MaxValue : uint.MaxValue) : wide ? long.MaxValue : int.MaxValue;
            var conditions = new List<string>();
            if (target.Min > sourceMin)
            {
                conditions.Add($"{source} < {CLiteral.Int64((long)target.Min)}");
            }

            if (target.Max < sourceMax)
            {
                conditions.Add(sourceUnsigned ? $"{source} > {CLiteral.UInt64((ulong)target.Max)}" : $"{source} > {CLiteral.Int64((long)target.Max)}");
            }

            if (conditions.Count > 0)
            {
                Emit($"if ({string.Join(" || ", conditions)}) {_compilation.ThrowHelper("System.OverflowException")}({MethodNameLiteral});");
            }
        }

        string stackType = target.Kind switch
        {
            StackKind.Int32 => "int32_t",
            StackKind.Int64 => "int64_t",
            _ => "intptr_t",
        };
        Push(target.Kind, null, $"({stackType})({target.CType})({source})");
        return true;
    }
}

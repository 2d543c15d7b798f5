using System.Reflection.Metadata;

namespace Xous.IlCompiler.Il;

/// <summary>Decodes a method body's IL stream into <see cref="Instruction"/>s.</summary>
public static class IlReader
{
    /// <summary>Decodes every instruction of <paramref name="il"/>; prefixes are folded into the instruction they modify.</summary>
    public static IReadOnlyList<Instruction> Decode(BlobReader il)
    {
        var instructions = new List<Instruction>();
        IlPrefixes prefixes = IlPrefixes.None;
        int constrained = 0;
        int start = 0;
        while (il.RemainingBytes > 0)
        {
            if (prefixes == IlPrefixes.None)
            {
                start = il.Offset;
            }

            ILOpCode opCode = ReadOpCode(ref il);
            switch (opCode)
            {
                case ILOpCode.Volatile:
                    prefixes |= IlPrefixes.Volatile;
                    continue;
                case ILOpCode.Unaligned:
                    il.ReadByte();
                    prefixes |= IlPrefixes.Unaligned;
                    continue;
                case ILOpCode.Readonly:
                    prefixes |= IlPrefixes.ReadOnly;
                    continue;
                case ILOpCode.Tail:
                    prefixes |= IlPrefixes.Tail;
                    continue;
                case ILOpCode.Constrained:
                    constrained = il.ReadInt32();
                    prefixes |= IlPrefixes.Constrained;
                    continue;
                case (ILOpCode)0xFE19: // no.
                    il.ReadByte();
                    prefixes |= IlPrefixes.No;
                    continue;
                default:
                    break;
            }

            long operand = 0;
            int[]? targets = null;
            switch (OperandSize(opCode))
            {
                case OperandKind.None:
                    break;
                case OperandKind.Int8:
                    operand = il.ReadSByte();
                    break;
                case OperandKind.UInt8:
                    operand = il.ReadByte();
                    break;
                case OperandKind.UInt16:
                    operand = il.ReadUInt16();
                    break;
                case OperandKind.Int32:
                    operand = il.ReadInt32();
                    break;
                case OperandKind.Int64:
                    operand = il.ReadInt64();
                    break;
                case OperandKind.ShortBranch:
                    sbyte shortDelta = il.ReadSByte();
                    operand = il.Offset + shortDelta;
                    break;
                case OperandKind.Branch:
                    int delta = il.ReadInt32();
                    operand = il.Offset + delta;
                    break;
                case OperandKind.Switch:
                    int count = il.ReadInt32();
                    int[] deltas = new int[count];
                    for (int i = 0; i < count; i++)
                    {
                        deltas[i] = il.ReadInt32();
                    }

                    targets = deltas.Select(d => il.Offset + d).ToArray();
                    break;
                default:
                    break;
            }

            instructions.Add(new Instruction(start, opCode, operand, targets, prefixes, constrained, il.Offset));
            prefixes = IlPrefixes.None;
            constrained = 0;
        }

        return instructions;
    }

    private static ILOpCode ReadOpCode(ref BlobReader il)
    {
        byte first = il.ReadByte();
        return first == 0xFE ? (ILOpCode)(0xFE00 | il.ReadByte()) : (ILOpCode)first;
    }

    private enum OperandKind
    {
        None,
        Int8,
        UInt8,
        UInt16,
        Int32,
        Int64,
        ShortBranch,
        Branch,
        Switch,
    }

    private static OperandKind OperandSize(ILOpCode opCode) => opCode switch
    {
        ILOpCode.Ldc_i4_s => OperandKind.Int8,
        ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s => OperandKind.UInt8,
        ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => OperandKind.UInt16,
        ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => OperandKind.Int64,
        ILOpCode.Switch => OperandKind.Switch,
        ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 or
        ILOpCode.Jmp or ILOpCode.Call or ILOpCode.Calli or ILOpCode.Callvirt or ILOpCode.Cpobj or ILOpCode.Ldobj or
        ILOpCode.Ldstr or ILOpCode.Newobj or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Unbox or ILOpCode.Ldfld or
        ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld or ILOpCode.Stobj or
        ILOpCode.Box or ILOpCode.Newarr or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem or ILOpCode.Unbox_any or
        ILOpCode.Refanyval or ILOpCode.Mkrefany or ILOpCode.Ldtoken or ILOpCode.Ldftn or ILOpCode.Ldvirtftn or
        ILOpCode.Initobj or ILOpCode.Sizeof => OperandKind.Int32,
        _ when opCode.IsBranch() => opCode.GetBranchOperandSize() == 1 ? OperandKind.ShortBranch : OperandKind.Branch,
        _ => OperandKind.None,
    };
}

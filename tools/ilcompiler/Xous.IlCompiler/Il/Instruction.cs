using System.Reflection.Metadata;

namespace Xous.IlCompiler.Il;

/// <summary>The prefixes that modify the next instruction.</summary>
[Flags]
public enum IlPrefixes
{
    /// <summary>No prefix.</summary>
    None = 0,

    /// <summary><c>volatile.</c>: the access is an acquire load or a release store.</summary>
    Volatile = 1,

    /// <summary><c>unaligned.</c>: the address may be misaligned.</summary>
    Unaligned = 2,

    /// <summary><c>readonly.</c> (ldelema only; no effect on code).</summary>
    ReadOnly = 4,

    /// <summary><c>tail.</c> (a hint: the C compiler decides).</summary>
    Tail = 8,

    /// <summary><c>constrained.</c> (a call on a generic receiver).</summary>
    Constrained = 16,

    /// <summary><c>no.</c> (skip a type, range or null check).</summary>
    No = 32,
}

/// <summary>One decoded IL instruction with its prefixes folded in.</summary>
/// <param name="Offset">The offset of the instruction (of its first prefix, if any).</param>
/// <param name="OpCode">The opcode.</param>
/// <param name="Operand">The immediate: an integer, the raw bits of a float, a metadata token, a variable index or a branch target offset.</param>
/// <param name="SwitchTargets">The target offsets of a <c>switch</c>.</param>
/// <param name="Prefixes">The prefixes before the opcode.</param>
/// <param name="ConstrainedToken">The type token of a <c>constrained.</c> prefix.</param>
/// <param name="NextOffset">The offset of the following instruction.</param>
public sealed record Instruction(
    int Offset, ILOpCode OpCode, long Operand, int[]? SwitchTargets, IlPrefixes Prefixes, int ConstrainedToken, int NextOffset)
{
    /// <summary>The operand as a 32-bit integer or token.</summary>
    public int Int32Operand => (int)Operand;

    /// <summary><c>IL_0012</c>, as ildasm labels the offset.</summary>
    public string Label => $"IL_{Offset:x4}";

    /// <summary>The opcode as ildasm spells it (<c>ldc.i4.s</c>).</summary>
    public string Mnemonic => OpCode.ToString().ToLowerInvariant().Replace('_', '.');
}

using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>The kinds of value on the IL evaluation stack (ECMA-335 III.1.1), as the C code holds them.</summary>
internal enum StackKind
{
    /// <summary><c>int32</c> (also bool, char and the small integers, widened): <c>int32_t</c>.</summary>
    Int32,

    /// <summary><c>int64</c>: <c>int64_t</c>.</summary>
    Int64,

    /// <summary><c>native int</c>, unmanaged pointers and managed references: <c>intptr_t</c> (32 bits on RV32).</summary>
    NativeInt,

    /// <summary>An object reference: <c>void*</c>.</summary>
    ObjectRef,

    /// <summary>A value of a struct type: the C struct.</summary>
    Struct,
}

/// <summary>
/// One evaluation-stack entry. Its C storage is a variable named by depth and kind (<c>s1_i4</c>, <c>s0_v_Point</c>),
/// so every path into a merge point writes the same variable and gcc's register allocator removes them all.
/// </summary>
/// <param name="Kind">The stack kind.</param>
/// <param name="StructType">The struct type when <paramref name="Kind"/> is <see cref="StackKind.Struct"/>.</param>
/// <param name="Name">The C variable that holds the value.</param>
internal sealed record StackValue(StackKind Kind, DefinedType? StructType, string Name)
{
    /// <summary>True when both entries have the same kind and struct type (and so the same variable).</summary>
    public bool SameShape(StackValue other) => Kind == other.Kind && StructType == other.StructType;
}

namespace System.Runtime.CompilerServices;

/// <summary>Services the C# compiler and the corlib use; the runtime-dependent ones are intrinsics.</summary>
public static class RuntimeHelpers
{
    /// <summary>
    /// Copies the initial data blob named by <paramref name="fldHandle"/> (an RVA static emitted by the C#
    /// compiler for an array initialiser) into <paramref name="array"/>, as .NET does.
    /// </summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);

    /// <summary>A read-only span over the constant data blob named by <paramref name="fldHandle"/> (no copy).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle);

    /// <summary>True when T is a reference type or a value type with a reference-typed field (at any depth).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern bool IsReferenceOrContainsReferences<T>();

    /// <summary>
    /// The identity hash code of <paramref name="o"/>: 0 for null; otherwise a value fixed for the object's
    /// lifetime and independent of any override of GetHashCode.
    /// </summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int GetHashCode(object? o);
}

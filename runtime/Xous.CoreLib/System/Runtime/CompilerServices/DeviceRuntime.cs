namespace System.Runtime.CompilerServices;

/// <summary>
/// The internal intrinsics of the device runtime: operations that need the type system or the allocator.
/// tools/ilcompiler supplies each body; docs/device-profile.md states the exact semantics of each one.
/// </summary>
internal static class DeviceRuntime
{
    /// <summary>
    /// The full name of <paramref name="obj"/>'s type as .NET's Type.ToString() writes it: namespace-qualified,
    /// nested types joined with '+', generic instantiations as Name`N[Arg1,Arg2] with argument names written
    /// the same way, arrays as Element[]. The string is a constant of the image.
    /// </summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern string GetTypeName(object obj);

    /// <summary>True when both objects have exactly the same run-time type.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern bool HaveSameType(object a, object b);

    /// <summary>
    /// A new string of <paramref name="length"/> UTF-16 code units, all zero, followed by a zero terminator
    /// (so the code units of every string are NUL-terminated, as in .NET). <paramref name="length"/> is &gt;= 0;
    /// 0 may return <see cref="string.Empty"/>. Throws OutOfMemoryException when the heap is exhausted.
    /// </summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern string AllocateString(int length);

    /// <summary>The size in bytes of one element of <paramref name="array"/> (its component size).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern int GetArrayElementSize(Array array);

    /// <summary>
    /// Copies <paramref name="length"/> elements between arrays whose types differ, with .NET's Array.Copy
    /// conversions (reference widening, downcasts with a per-element check that throws InvalidCastException,
    /// boxing into object/interface elements, unboxing, primitive widening), throwing ArrayTypeMismatchException
    /// when .NET does. The arguments are already range-checked.
    /// </summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern void CopyArrayConverting(Array source, int sourceIndex, Array destination, int destinationIndex, int length);

    /// <summary>The names and values of <paramref name="value"/>'s enum type; one instance per enum type.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern EnumInfo GetEnumInfo(Enum value);
}

namespace System.Runtime.CompilerServices;

/// <summary>
/// Low-level pointer and reference operations. The core operations are intrinsics (tools/ilcompiler emits
/// them inline, as the .NET JIT does); the rest are written in C# on top of them.
/// </summary>
public static unsafe class Unsafe
{
    // ---- Intrinsics -----------------------------------------------------------------------------------

    /// <summary>Reinterprets the reference <paramref name="o"/> as T without a type check.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(o))]
    public static extern T? As<T>(object? o) where T : class?;

    /// <summary>Reinterprets a reference to TFrom as a reference to TTo at the same address.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref TTo As<TFrom, TTo>(ref TFrom source);

    /// <summary>A reference to the T at address <paramref name="source"/>.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T AsRef<T>(void* source);

    /// <summary>The same reference, with the read-only-ness removed.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T AsRef<T>(scoped ref readonly T source);

    /// <summary>The address a reference points to (the GC does not move objects on the device).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void* AsPointer<T>(ref readonly T value);

    /// <summary>The reference <paramref name="byteOffset"/> bytes after <paramref name="source"/>.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T AddByteOffset<T>(ref T source, nint byteOffset);

    /// <summary>The signed distance in bytes from <paramref name="origin"/> to <paramref name="target"/>.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nint ByteOffset<T>(ref readonly T origin, ref readonly T target);

    /// <summary>The size in bytes of a T (for a reference type, the size of a reference).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int SizeOf<T>();

    /// <summary>Reads a T from an address that need not be aligned.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern T ReadUnaligned<T>(void* source);

    /// <summary>Reads a T from a reference that need not be aligned.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern T ReadUnaligned<T>(scoped ref readonly byte source);

    /// <summary>Writes a T to an address that need not be aligned.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void WriteUnaligned<T>(void* destination, T value);

    /// <summary>Writes a T to a reference that need not be aligned.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void WriteUnaligned<T>(ref byte destination, T value);

    /// <summary>Copies <paramref name="byteCount"/> bytes between non-overlapping, aligned blocks (IL cpblk).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void CopyBlock(void* destination, void* source, uint byteCount);

    /// <summary>Copies <paramref name="byteCount"/> bytes between non-overlapping, aligned blocks (IL cpblk).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void CopyBlock(ref byte destination, ref readonly byte source, uint byteCount);

    /// <summary>Copies <paramref name="byteCount"/> bytes between non-overlapping blocks of any alignment.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void CopyBlockUnaligned(void* destination, void* source, uint byteCount);

    /// <summary>Copies <paramref name="byteCount"/> bytes between non-overlapping blocks of any alignment.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void CopyBlockUnaligned(ref byte destination, ref readonly byte source, uint byteCount);

    /// <summary>Sets <paramref name="byteCount"/> bytes of an aligned block to <paramref name="value"/> (IL initblk).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void InitBlock(void* startAddress, byte value, uint byteCount);

    /// <summary>Sets <paramref name="byteCount"/> bytes of an aligned block to <paramref name="value"/> (IL initblk).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void InitBlock(ref byte startAddress, byte value, uint byteCount);

    /// <summary>Sets <paramref name="byteCount"/> bytes of a block of any alignment to <paramref name="value"/>.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void InitBlockUnaligned(void* startAddress, byte value, uint byteCount);

    /// <summary>Sets <paramref name="byteCount"/> bytes of a block of any alignment to <paramref name="value"/>.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void InitBlockUnaligned(ref byte startAddress, byte value, uint byteCount);

    /// <summary>
    /// A reference to the value inside the boxed T <paramref name="box"/> (IL unbox): throws
    /// NullReferenceException for null and InvalidCastException when <paramref name="box"/> is not a boxed T.
    /// </summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T Unbox<T>(object box) where T : struct;

    // ---- Written in C# on top of the intrinsics -------------------------------------------------------

    public static ref T AddByteOffset<T>(ref T source, nuint byteOffset) => ref AddByteOffset(ref source, (nint)byteOffset);

    public static ref T SubtractByteOffset<T>(ref T source, nint byteOffset) => ref AddByteOffset(ref source, -byteOffset);

    public static ref T SubtractByteOffset<T>(ref T source, nuint byteOffset) => ref AddByteOffset(ref source, -(nint)byteOffset);

    public static ref T Add<T>(ref T source, int elementOffset) => ref AddByteOffset(ref source, (nint)elementOffset * (nint)SizeOf<T>());

    public static ref T Add<T>(ref T source, nint elementOffset) => ref AddByteOffset(ref source, elementOffset * (nint)SizeOf<T>());

    public static ref T Add<T>(ref T source, nuint elementOffset) => ref AddByteOffset(ref source, (nint)(elementOffset * (nuint)SizeOf<T>()));

    public static void* Add<T>(void* source, int elementOffset) => (byte*)source + ((nint)elementOffset * (nint)SizeOf<T>());

    public static ref T Subtract<T>(ref T source, int elementOffset) => ref AddByteOffset(ref source, -((nint)elementOffset * (nint)SizeOf<T>()));

    public static ref T Subtract<T>(ref T source, nint elementOffset) => ref AddByteOffset(ref source, -(elementOffset * (nint)SizeOf<T>()));

    public static ref T Subtract<T>(ref T source, nuint elementOffset) => ref AddByteOffset(ref source, -(nint)(elementOffset * (nuint)SizeOf<T>()));

    public static void* Subtract<T>(void* source, int elementOffset) => (byte*)source - ((nint)elementOffset * (nint)SizeOf<T>());

    public static bool AreSame<T>(ref readonly T left, ref readonly T right) => AsPointer(in left) == AsPointer(in right);

    public static bool IsAddressGreaterThan<T>(ref readonly T left, ref readonly T right) => AsPointer(in left) > AsPointer(in right);

    public static bool IsAddressGreaterThanOrEqualTo<T>(ref readonly T left, ref readonly T right) => AsPointer(in left) >= AsPointer(in right);

    public static bool IsAddressLessThan<T>(ref readonly T left, ref readonly T right) => AsPointer(in left) < AsPointer(in right);

    public static bool IsAddressLessThanOrEqualTo<T>(ref readonly T left, ref readonly T right) => AsPointer(in left) <= AsPointer(in right);

    public static bool IsNullRef<T>(ref readonly T source) => AsPointer(in source) == null;

    public static ref T NullRef<T>() => ref AsRef<T>(null);

    public static T Read<T>(void* source) => AsRef<T>(source);

    public static void Write<T>(void* destination, T value) => AsRef<T>(destination) = value;

    public static void Copy<T>(void* destination, ref readonly T source) => AsRef<T>(destination) = source;

    public static void Copy<T>(ref T destination, void* source) => destination = AsRef<T>(source);

    /// <summary>Leaves <paramref name="value"/> with an unspecified value; here it is zero.</summary>
    public static void SkipInit<T>(out T value) => value = default!;
}

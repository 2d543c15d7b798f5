using System.Runtime.CompilerServices;

namespace System.Threading;

/// <summary>
/// Atomic operations. The 32-bit and reference forms are intrinsics that tools/ilcompiler emits as RV32A
/// instructions (lr.w/sc.w, amoswap.w, amoadd.w, each with .aqrl ordering); the 64-bit forms are intrinsics the
/// runtime implements under one process-wide lock, since RV32A has no 64-bit atomics. The rest is C# on top.
/// </summary>
public static unsafe class Interlocked
{
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int CompareExchange(ref int location1, int value, int comparand);

    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long CompareExchange(ref long location1, long value, long comparand);

    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(location1))]
    public static extern object? CompareExchange(ref object? location1, object? value, object? comparand);

    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int Exchange(ref int location1, int value);

    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long Exchange(ref long location1, long value);

    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(location1))]
    public static extern object? Exchange([System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))] ref object? location1, object? value);

    /// <summary>Adds atomically and returns the new value.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int Add(ref int location1, int value);

    /// <summary>Adds atomically and returns the new value.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long Add(ref long location1, long value);

    /// <summary>A full fence (RISC-V <c>fence rw,rw</c>).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void MemoryBarrier();

    public static uint CompareExchange(ref uint location1, uint value, uint comparand) =>
        (uint)CompareExchange(ref Unsafe.As<uint, int>(ref location1), (int)value, (int)comparand);

    public static ulong CompareExchange(ref ulong location1, ulong value, ulong comparand) =>
        (ulong)CompareExchange(ref Unsafe.As<ulong, long>(ref location1), (long)value, (long)comparand);

    public static nint CompareExchange(ref nint location1, nint value, nint comparand) =>
        sizeof(nint) == sizeof(int)
            ? CompareExchange(ref Unsafe.As<nint, int>(ref location1), (int)value, (int)comparand)
            : (nint)CompareExchange(ref Unsafe.As<nint, long>(ref location1), (long)value, (long)comparand);

    public static nuint CompareExchange(ref nuint location1, nuint value, nuint comparand) =>
        (nuint)CompareExchange(ref Unsafe.As<nuint, nint>(ref location1), (nint)value, (nint)comparand);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(location1))]
    public static T CompareExchange<T>(ref T location1, T value, T comparand)
        where T : class? =>
        Unsafe.As<T>(CompareExchange(ref Unsafe.As<T, object?>(ref location1), value, comparand))!;

    public static uint Exchange(ref uint location1, uint value) =>
        (uint)Exchange(ref Unsafe.As<uint, int>(ref location1), (int)value);

    public static ulong Exchange(ref ulong location1, ulong value) =>
        (ulong)Exchange(ref Unsafe.As<ulong, long>(ref location1), (long)value);

    public static nint Exchange(ref nint location1, nint value) =>
        sizeof(nint) == sizeof(int)
            ? Exchange(ref Unsafe.As<nint, int>(ref location1), (int)value)
            : (nint)Exchange(ref Unsafe.As<nint, long>(ref location1), (long)value);

    public static nuint Exchange(ref nuint location1, nuint value) =>
        (nuint)Exchange(ref Unsafe.As<nuint, nint>(ref location1), (nint)value);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(location1))]
    public static T Exchange<T>([System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))] ref T location1, T value)
        where T : class? =>
        Unsafe.As<T>(Exchange(ref Unsafe.As<T, object?>(ref location1), value))!;

    public static uint Add(ref uint location1, uint value) => (uint)Add(ref Unsafe.As<uint, int>(ref location1), (int)value);

    public static ulong Add(ref ulong location1, ulong value) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location1), (long)value);

    public static int Increment(ref int location) => Add(ref location, 1);

    public static uint Increment(ref uint location) => Add(ref location, 1);

    public static long Increment(ref long location) => Add(ref location, 1);

    public static ulong Increment(ref ulong location) => Add(ref location, 1);

    public static int Decrement(ref int location) => Add(ref location, -1);

    public static uint Decrement(ref uint location) => (uint)Add(ref Unsafe.As<uint, int>(ref location), -1);

    public static long Decrement(ref long location) => Add(ref location, -1);

    public static ulong Decrement(ref ulong location) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location), -1);

    /// <summary>Ands atomically and returns the original value.</summary>
    public static int And(ref int location1, int value)
    {
        int current = location1;
        while (true)
        {
            int oldValue = CompareExchange(ref location1, current & value, current);
            if (oldValue == current)
            {
                return oldValue;
            }

            current = oldValue;
        }
    }

    public static uint And(ref uint location1, uint value) => (uint)And(ref Unsafe.As<uint, int>(ref location1), (int)value);

    public static long And(ref long location1, long value)
    {
        long current = location1;
        while (true)
        {
            long oldValue = CompareExchange(ref location1, current & value, current);
            if (oldValue == current)
            {
                return oldValue;
            }

            current = oldValue;
        }
    }

    public static ulong And(ref ulong location1, ulong value) => (ulong)And(ref Unsafe.As<ulong, long>(ref location1), (long)value);

    /// <summary>Ors atomically and returns the original value.</summary>
    public static int Or(ref int location1, int value)
    {
        int current = location1;
        while (true)
        {
            int oldValue = CompareExchange(ref location1, current | value, current);
            if (oldValue == current)
            {
                return oldValue;
            }

            current = oldValue;
        }
    }

    public static uint Or(ref uint location1, uint value) => (uint)Or(ref Unsafe.As<uint, int>(ref location1), (int)value);

    public static long Or(ref long location1, long value)
    {
        long current = location1;
        while (true)
        {
            long oldValue = CompareExchange(ref location1, current | value, current);
            if (oldValue == current)
            {
                return oldValue;
            }

            current = oldValue;
        }
    }

    public static ulong Or(ref ulong location1, ulong value) => (ulong)Or(ref Unsafe.As<ulong, long>(ref location1), (long)value);

    /// <summary>An atomic 64-bit read.</summary>
    public static long Read(ref readonly long location) => CompareExchange(ref Unsafe.AsRef(in location), 0, 0);

    public static ulong Read(ref readonly ulong location) =>
        (ulong)CompareExchange(ref Unsafe.As<ulong, long>(ref Unsafe.AsRef(in location)), 0, 0);
}

using System.Runtime.CompilerServices;

namespace System;

/// <summary>The garbage collector of the process's heap. Finalizers do not exist on the device.</summary>
public static class GC
{
    /// <summary>Runs a full, blocking collection of the process's heap.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void Collect();

    /// <summary>Keeps <paramref name="obj"/> reachable until this call (the compiler treats the call as a use).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void KeepAlive(object? obj)
    {
    }

    /// <summary>No finalizer ever runs on the device, so this only checks its argument.</summary>
    public static void SuppressFinalize(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>The process environment. The device has no environment variables, command line or exit code.</summary>
public static class Environment
{
    /// <summary>"\n": the device writes Unix line ends (as .NET does on Linux).</summary>
    public static string NewLine => "\n";

    /// <summary>
    /// Ends the process at once, without running finally blocks: the runtime writes <paramref name="message"/>
    /// to the process's log and panics.
    /// </summary>
    [Intrinsic]
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void FailFast(string? message);
}

namespace System.Runtime.CompilerServices;

/// <summary>
/// The runtime features the C# compiler may rely on when it compiles against Xous.CoreLib. Each constant is a
/// promise that tools/ilcompiler and the runtime support the feature (docs/device-profile.md lists what each
/// one means for the device compiler). Features the device does not support are left out, so the compiler
/// refuses code that needs them.
/// </summary>
public static class RuntimeFeature
{
    /// <summary>ref fields in ref structs (Span&lt;T&gt; is built on one).</summary>
    public const string ByRefFields = nameof(ByRefFields);

    /// <summary>nint/nuint are System.IntPtr/System.UIntPtr with all numeric operators.</summary>
    public const string NumericIntPtr = nameof(NumericIntPtr);

    /// <summary>static abstract and static virtual interface members (resolved at compile time after monomorphisation).</summary>
    public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);

    /// <summary>interface members with a default body.</summary>
    public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);

    /// <summary>function pointers with an explicit unmanaged calling convention (delegate* unmanaged[...]).</summary>
    public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
}

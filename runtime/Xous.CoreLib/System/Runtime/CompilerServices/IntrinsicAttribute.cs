namespace System.Runtime.CompilerServices;

/// <summary>
/// Marks a method whose body tools/ilcompiler supplies. Every use is listed, with its exact semantics, in
/// docs/device-profile.md ("Intrinsics the device compiler supplies"); an intrinsic that is not listed there is a bug.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor |
    AttributeTargets.Field | AttributeTargets.Property, Inherited = false)]
internal sealed class IntrinsicAttribute : Attribute
{
}

namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Delegate | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class NullableContextAttribute : Attribute
{
    public NullableContextAttribute(byte value)
    {
        Flag = value;
    }

    public readonly byte Flag;
}

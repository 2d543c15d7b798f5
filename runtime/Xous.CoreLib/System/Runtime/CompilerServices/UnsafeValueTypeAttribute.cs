namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = true)]
public sealed class UnsafeValueTypeAttribute : Attribute
{
    public UnsafeValueTypeAttribute()
    {
    }
}

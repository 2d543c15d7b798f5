namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class RequiredMemberAttribute : Attribute
{
    public RequiredMemberAttribute()
    {
    }
}

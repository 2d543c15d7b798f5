namespace System.Diagnostics.CodeAnalysis;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
public sealed class SetsRequiredMembersAttribute : Attribute
{
    public SetsRequiredMembersAttribute()
    {
    }
}

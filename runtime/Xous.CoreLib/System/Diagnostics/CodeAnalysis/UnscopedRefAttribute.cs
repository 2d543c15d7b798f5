namespace System.Diagnostics.CodeAnalysis;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class UnscopedRefAttribute : Attribute
{
    public UnscopedRefAttribute()
    {
    }
}

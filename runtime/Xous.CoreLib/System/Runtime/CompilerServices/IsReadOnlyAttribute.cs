namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class IsReadOnlyAttribute : Attribute
{
    public IsReadOnlyAttribute()
    {
    }
}

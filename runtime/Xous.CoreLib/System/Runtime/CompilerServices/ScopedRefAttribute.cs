namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ScopedRefAttribute : Attribute
{
    public ScopedRefAttribute()
    {
    }
}

namespace System.Diagnostics.CodeAnalysis;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DoesNotReturnAttribute : Attribute
{
    public DoesNotReturnAttribute()
    {
    }
}

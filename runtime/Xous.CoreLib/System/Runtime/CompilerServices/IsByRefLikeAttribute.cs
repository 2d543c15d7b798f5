namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class IsByRefLikeAttribute : Attribute
{
    public IsByRefLikeAttribute()
    {
    }
}

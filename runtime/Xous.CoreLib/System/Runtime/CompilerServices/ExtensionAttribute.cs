namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised marker attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly)]
public sealed class ExtensionAttribute : Attribute
{
    public ExtensionAttribute()
    {
    }
}

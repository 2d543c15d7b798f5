namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Module, AllowMultiple = false, Inherited = false)]
public sealed class NullablePublicOnlyAttribute : Attribute
{
    public NullablePublicOnlyAttribute(bool value)
    {
        IncludesInternals = value;
    }

    public readonly bool IncludesInternals;
}

namespace System;

/// <summary>Compiler-recognised attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
public sealed class CLSCompliantAttribute : Attribute
{
    public CLSCompliantAttribute(bool isCompliant)
    {
        IsCompliant = isCompliant;
    }

    public bool IsCompliant { get; }
}

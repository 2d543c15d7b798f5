namespace System.Runtime.CompilerServices;

/// <summary>Compiler-recognised attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = false)]
public sealed class InlineArrayAttribute : Attribute
{
    public InlineArrayAttribute(int length)
    {
        Length = length;
    }

    public int Length { get; }
}

namespace System.Runtime.InteropServices;

/// <summary>Compiler-recognised attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FieldOffsetAttribute : Attribute
{
    public FieldOffsetAttribute(int offset)
    {
        Value = offset;
    }

    public int Value { get; }
}

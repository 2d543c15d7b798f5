namespace System.Runtime.CompilerServices;

/// <summary>Nullable-reference-type metadata emitted by the C# compiler.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Event | AttributeTargets.Field | AttributeTargets.GenericParameter |
    AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
public sealed class NullableAttribute : Attribute
{
    public readonly byte[] NullableFlags;

    public NullableAttribute(byte value)
    {
        NullableFlags = new byte[] { value };
    }

    public NullableAttribute(byte[] value)
    {
        NullableFlags = value;
    }
}

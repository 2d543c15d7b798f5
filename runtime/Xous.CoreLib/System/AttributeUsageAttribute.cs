namespace System;

/// <summary>Says where an attribute class may be applied; read by the C# compiler.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AttributeUsageAttribute : Attribute
{
    public AttributeUsageAttribute(AttributeTargets validOn)
    {
        ValidOn = validOn;
        Inherited = true;
    }

    public AttributeTargets ValidOn { get; }

    public bool AllowMultiple { get; set; }

    public bool Inherited { get; set; }
}

namespace System;

/// <summary>
/// The base class of custom attributes. Without reflection, attributes are metadata only: the compilers read
/// them and nothing instantiates them at run time, so the reflection-based members of .NET's Attribute
/// (GetCustomAttribute, IsDefined, field-wise Equals, TypeId) are left out.
/// </summary>
[AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
public abstract class Attribute
{
    protected Attribute()
    {
    }
}

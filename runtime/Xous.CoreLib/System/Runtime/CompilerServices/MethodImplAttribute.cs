namespace System.Runtime.CompilerServices;

/// <summary>Implementation flags of a method (a pseudo-attribute: the C# compiler turns it into metadata flags).</summary>
[AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
public sealed class MethodImplAttribute : Attribute
{
    public MethodImplAttribute()
    {
    }

    public MethodImplAttribute(MethodImplOptions methodImplOptions)
    {
        Value = methodImplOptions;
    }

    public MethodImplAttribute(short value)
    {
        Value = (MethodImplOptions)value;
    }

    public MethodImplOptions Value { get; }
}

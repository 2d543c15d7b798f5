namespace System.Runtime.CompilerServices;

/// <summary>
/// Carries tuple element names in metadata; emitted and read by the C# compiler. The TransformNames property
/// of .NET (an IList&lt;string?&gt;) is left out: nothing reads attributes at run time on the device.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue |
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Event)]
public sealed class TupleElementNamesAttribute : Attribute
{
    private readonly string?[] _transformNames;

    public TupleElementNamesAttribute(string?[] transformNames)
    {
        ArgumentNullException.ThrowIfNull(transformNames);
        _transformNames = transformNames;
    }
}

namespace System.Reflection;

/// <summary>
/// Names a type's default member; the C# compiler emits it on every type with an indexer. The only
/// System.Reflection type in the device corlib (there is no reflection).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
public sealed class DefaultMemberAttribute : Attribute
{
    public DefaultMemberAttribute(string memberName)
    {
        MemberName = memberName;
    }

    public string MemberName { get; }
}

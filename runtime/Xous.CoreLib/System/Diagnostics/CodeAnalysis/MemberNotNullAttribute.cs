namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable-analysis attribute; read by the C# compiler.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class MemberNotNullAttribute : Attribute
{
    public MemberNotNullAttribute(string member)
    {
        Members = new[] { member };
    }

    public MemberNotNullAttribute(params string[] members)
    {
        Members = members;
    }

    public string[] Members { get; }
}

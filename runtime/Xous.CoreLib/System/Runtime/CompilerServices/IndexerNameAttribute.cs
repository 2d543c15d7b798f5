namespace System.Runtime.CompilerServices;

/// <summary>The metadata name of an indexer (string's is "Chars"); read by the C# compiler.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class IndexerNameAttribute : Attribute
{
    public IndexerNameAttribute(string indexerName)
    {
    }
}

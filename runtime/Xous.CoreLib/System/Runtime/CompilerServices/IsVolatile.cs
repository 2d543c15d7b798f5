namespace System.Runtime.CompilerServices;

/// <summary>A modifier type the C# compiler puts in signatures (modreq/modopt); never instantiated.</summary>
public static class IsVolatile
{
}

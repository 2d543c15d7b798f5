namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>Inputs that take the other code paths of the collections.</summary>
internal static class Sequences
{
    /// <summary>A sequence that is not an <see cref="ICollection{T}"/>, so bulk operations must enumerate it.</summary>
    public static IEnumerable<T> Lazy<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            yield return item;
        }
    }
}

namespace System.Collections.Generic;

/// <summary>
/// The enumerator the collections hand out through <see cref="IEnumerable{T}"/> when they are empty, as .NET does
/// (<c>SZGenericArrayEnumerator&lt;T&gt;.Empty</c>): one shared instance, so enumerating an empty collection through an
/// interface does not box. It has no version: it stays empty even if the collection is changed later.
/// </summary>
internal sealed class EmptyEnumerator<T> : IEnumerator<T>
{
    internal static readonly EmptyEnumerator<T> Instance = new EmptyEnumerator<T>();

    private EmptyEnumerator()
    {
    }

    public T Current => throw CollectionThrowHelper.EnumerationNotStartedOrEnded();

    object IEnumerator.Current => throw CollectionThrowHelper.EnumerationNotStartedOrEnded();

    public bool MoveNext() => false;

    public void Reset()
    {
    }

    public void Dispose()
    {
    }
}

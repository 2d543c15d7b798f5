namespace System.Collections.Generic;

/// <summary>Defines methods to manipulate generic collections.</summary>
/// <typeparam name="T">The type of the elements in the collection.</typeparam>
public interface ICollection<T> : IEnumerable<T>
{
    /// <summary>Gets the number of elements contained in the collection.</summary>
    int Count { get; }

    /// <summary>Gets a value indicating whether the collection is read-only.</summary>
    bool IsReadOnly { get; }

    /// <summary>Adds an item to the collection.</summary>
    /// <param name="item">The object to add.</param>
    void Add(T item);

    /// <summary>Removes all items from the collection.</summary>
    void Clear();

    /// <summary>Determines whether the collection contains a specific value.</summary>
    /// <param name="item">The object to locate.</param>
    /// <returns><see langword="true"/> if <paramref name="item"/> is found; otherwise <see langword="false"/>.</returns>
    bool Contains(T item);

    /// <summary>Copies the elements of the collection to an array, starting at a particular array index.</summary>
    /// <param name="array">The destination array.</param>
    /// <param name="arrayIndex">The zero-based index in <paramref name="array"/> at which copying begins.</param>
    void CopyTo(T[] array, int arrayIndex);

    /// <summary>Removes the first occurrence of a specific object from the collection.</summary>
    /// <param name="item">The object to remove.</param>
    /// <returns><see langword="true"/> if <paramref name="item"/> was removed; otherwise <see langword="false"/>.</returns>
    bool Remove(T item);
}

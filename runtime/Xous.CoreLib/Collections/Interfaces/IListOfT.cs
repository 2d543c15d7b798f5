namespace System.Collections.Generic;

/// <summary>Represents a collection of objects that can be individually accessed by index.</summary>
/// <typeparam name="T">The type of elements in the list.</typeparam>
public interface IList<T> : ICollection<T>
{
    /// <summary>Gets or sets the element at the specified index.</summary>
    /// <param name="index">The zero-based index of the element to get or set.</param>
    T this[int index] { get; set; }

    /// <summary>Determines the index of a specific item in the list.</summary>
    /// <param name="item">The object to locate.</param>
    /// <returns>The index of <paramref name="item"/> if found; otherwise -1.</returns>
    int IndexOf(T item);

    /// <summary>Inserts an item to the list at the specified index.</summary>
    /// <param name="index">The zero-based index at which <paramref name="item"/> should be inserted.</param>
    /// <param name="item">The object to insert.</param>
    void Insert(int index, T item);

    /// <summary>Removes the item at the specified index.</summary>
    /// <param name="index">The zero-based index of the item to remove.</param>
    void RemoveAt(int index);
}

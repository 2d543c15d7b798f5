using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices;

/// <summary>An unsafe class that provides a set of methods to access the underlying data representations of collections.</summary>
/// <remarks>
/// For hot paths on the device: <see cref="AsSpan{T}(List{T})"/> iterates a list without an enumerator, and the two
/// dictionary methods read or update a value with one lookup. As in .NET, the span and the references are valid only
/// until the collection is next changed (a growth moves the storage). <c>AsBytes(BitArray)</c> and the alternate-key
/// overloads are omitted (no <c>BitArray</c>, no alternate lookup).
/// </remarks>
public static class CollectionsMarshal
{
    /// <summary>Gets a <see cref="Span{T}"/> view over the data in a list. Items should not be added or removed while the span is in use.</summary>
    /// <typeparam name="T">The type of the elements in the list.</typeparam>
    /// <param name="list">The list to get the data view over.</param>
    /// <returns>A span over the list's elements; empty for a <see langword="null"/> list.</returns>
    public static Span<T> AsSpan<T>(List<T>? list)
    {
        if (list is null)
        {
            return default;
        }

        int size = list._size;
        T[] items = list._items;
        if ((uint)size > (uint)items.Length)
        {
            // List<T> was changed concurrently with this call.
            throw CollectionThrowHelper.ConcurrentOperationsNotSupported();
        }

        return new Span<T>(items, 0, size);
    }

    /// <summary>Sets the count of the list to <paramref name="count"/>: growing exposes default values, shrinking drops elements.</summary>
    /// <typeparam name="T">The type of the elements in the list.</typeparam>
    /// <param name="list">The list to set the count of.</param>
    /// <param name="count">The new count.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static void SetCount<T>(List<T> list, int count)
    {
        if (count < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(count));
        }

        list._version++;

        if (count > list.Capacity)
        {
            list.Grow(count);
        }
        else if (count < list._size && RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(list._items, count, list._size - count);
        }

        list._size = count;
    }

    /// <summary>Gets a reference to the value of <paramref name="key"/>, or a null reference if the key is absent.</summary>
    /// <typeparam name="TKey">The type of the keys.</typeparam>
    /// <typeparam name="TValue">The type of the values.</typeparam>
    /// <param name="dictionary">The dictionary to get the reference from.</param>
    /// <param name="key">The key to look up.</param>
    /// <returns>A reference to the value, or a null reference (test it with <c>Unsafe.IsNullRef</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static ref TValue GetValueRefOrNullRef<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key)
        where TKey : notnull
    {
        int index = dictionary.FindEntry(key);
        if (index < 0)
        {
            return ref Unsafe.NullRef<TValue>();
        }

        return ref dictionary.GetValueRef(index);
    }

    /// <summary>Gets a reference to the value of <paramref name="key"/>, adding an entry with the default value if the key is absent.</summary>
    /// <typeparam name="TKey">The type of the keys.</typeparam>
    /// <typeparam name="TValue">The type of the values.</typeparam>
    /// <param name="dictionary">The dictionary to get the reference from.</param>
    /// <param name="key">The key to look up.</param>
    /// <param name="exists">Whether the key was already present.</param>
    /// <returns>A reference to the value of the (possibly new) entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static ref TValue? GetValueRefOrAddDefault<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, out bool exists)
        where TKey : notnull
    {
        int index = dictionary.FindOrInsert(key, default!, Dictionary<TKey, TValue>.InsertionBehavior.None, out exists);
        return ref dictionary.GetValueRef(index)!;
    }
}

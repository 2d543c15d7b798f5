namespace System.Collections.Generic;

/// <content>Searching: by equality (<see cref="EqualityComparer{T}.Default"/>), by predicate and by binary search.</content>
public partial class List<T>
{
    /// <summary>Determines whether an element is in the list.</summary>
    /// <param name="item">The object to locate.</param>
    /// <returns><see langword="true"/> if <paramref name="item"/> is found; otherwise <see langword="false"/>.</returns>
    public bool Contains(T item) => _size != 0 && IndexOf(item) >= 0;

    /// <summary>Searches for the specified object and returns the zero-based index of its first occurrence.</summary>
    /// <param name="item">The object to locate.</param>
    /// <returns>The index of the first occurrence of <paramref name="item"/>, or -1.</returns>
    public int IndexOf(T item) => IndexOfRange(item, 0, _size);

    /// <summary>Searches for the specified object from <paramref name="index"/> to the end of the list.</summary>
    /// <param name="item">The object to locate.</param>
    /// <param name="index">The zero-based starting index of the search.</param>
    /// <returns>The index of the first occurrence of <paramref name="item"/> in the range, or -1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public int IndexOf(T item, int index)
    {
        if ((uint)index > (uint)_size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLessOrEqual);
        }

        return IndexOfRange(item, index, _size - index);
    }

    /// <summary>Searches for the specified object in the <paramref name="count"/> elements starting at <paramref name="index"/>.</summary>
    /// <param name="item">The object to locate.</param>
    /// <param name="index">The zero-based starting index of the search.</param>
    /// <param name="count">The number of elements in the section to search.</param>
    /// <returns>The index of the first occurrence of <paramref name="item"/> in the range, or -1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the list.</exception>
    public int IndexOf(T item, int index, int count)
    {
        if ((uint)index > (uint)_size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLessOrEqual);
        }

        if (count < 0 || index > _size - count)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(count), CollectionThrowHelper.CountOutOfRange);
        }

        return IndexOfRange(item, index, count);
    }

    /// <summary>Searches for the specified object and returns the zero-based index of its last occurrence.</summary>
    /// <param name="item">The object to locate.</param>
    /// <returns>The index of the last occurrence of <paramref name="item"/>, or -1.</returns>
    public int LastIndexOf(T item) => _size == 0 ? -1 : LastIndexOf(item, _size - 1, _size);

    /// <summary>Searches backward for the specified object from <paramref name="index"/> to the start of the list.</summary>
    /// <param name="item">The object to locate.</param>
    /// <param name="index">The zero-based starting index of the backward search.</param>
    /// <returns>The index of the last occurrence of <paramref name="item"/> in the range, or -1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public int LastIndexOf(T item, int index)
    {
        if (index >= _size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLess);
        }

        return LastIndexOf(item, index, index + 1);
    }

    /// <summary>Searches backward for the specified object in the <paramref name="count"/> elements ending at <paramref name="index"/>.</summary>
    /// <param name="item">The object to locate.</param>
    /// <param name="index">The zero-based starting index of the backward search.</param>
    /// <param name="count">The number of elements in the section to search.</param>
    /// <returns>The index of the last occurrence of <paramref name="item"/> in the range, or -1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the list.</exception>
    public int LastIndexOf(T item, int index, int count)
    {
        if (_size != 0 && index < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(index));
        }

        if (_size != 0 && count < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(count));
        }

        if (_size == 0)
        {
            return -1;
        }

        if (index >= _size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLess);
        }

        if (count > index + 1)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(count), CollectionThrowHelper.CountOutOfRange);
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        int end = index - count;
        for (int i = index; i > end; i--)
        {
            if (comparer.Equals(_items[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Searches for an element that matches <paramref name="match"/> and returns the first occurrence.</summary>
    /// <param name="match">The predicate that defines the conditions of the element to search for.</param>
    /// <returns>The first matching element, or the default value of <typeparamref name="T"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    public T? Find(Predicate<T> match)
    {
        if (match is null)
        {
            throw new ArgumentNullException(nameof(match));
        }

        for (int i = 0; i < _size; i++)
        {
            if (match(_items[i]))
            {
                return _items[i];
            }
        }

        return default;
    }

    /// <summary>Retrieves all the elements that match the conditions defined by the specified predicate.</summary>
    /// <param name="match">The predicate that defines the conditions of the elements to search for.</param>
    /// <returns>A new list with the matching elements, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    public List<T> FindAll(Predicate<T> match)
    {
        if (match is null)
        {
            throw new ArgumentNullException(nameof(match));
        }

        List<T> list = new List<T>();
        for (int i = 0; i < _size; i++)
        {
            if (match(_items[i]))
            {
                list.Add(_items[i]);
            }
        }

        return list;
    }

    /// <summary>Returns the index of the first element that matches <paramref name="match"/>.</summary>
    /// <param name="match">The predicate that defines the conditions of the element to search for.</param>
    /// <returns>The index of the first match, or -1.</returns>
    public int FindIndex(Predicate<T> match) => FindIndex(0, _size, match);

    /// <summary>Returns the index of the first element from <paramref name="startIndex"/> on that matches <paramref name="match"/>.</summary>
    /// <param name="startIndex">The zero-based starting index of the search.</param>
    /// <param name="match">The predicate that defines the conditions of the element to search for.</param>
    /// <returns>The index of the first match, or -1.</returns>
    public int FindIndex(int startIndex, Predicate<T> match) => FindIndex(startIndex, _size - startIndex, match);

    /// <summary>Returns the index of the first element of a range that matches <paramref name="match"/>.</summary>
    /// <param name="startIndex">The zero-based starting index of the search.</param>
    /// <param name="count">The number of elements in the section to search.</param>
    /// <param name="match">The predicate that defines the conditions of the element to search for.</param>
    /// <returns>The index of the first match, or -1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the list.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    public int FindIndex(int startIndex, int count, Predicate<T> match)
    {
        if ((uint)startIndex > (uint)_size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(startIndex), CollectionThrowHelper.IndexMustBeLessOrEqual);
        }

        if (count < 0 || startIndex > _size - count)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(count), CollectionThrowHelper.CountOutOfRange);
        }

        if (match is null)
        {
            throw new ArgumentNullException(nameof(match));
        }

        int endIndex = startIndex + count;
        for (int i = startIndex; i < endIndex; i++)
        {
            if (match(_items[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Searches for an element that matches <paramref name="match"/> and returns the last occurrence.</summary>
    /// <param name="match">The predicate that defines the conditions of the element to search for.</param>
    /// <returns>The last matching element, or the default value of <typeparamref name="T"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    public T? FindLast(Predicate<T> match)
    {
        if (match is null)
        {
            throw new ArgumentNullException(nameof(match));
        }

        for (int i = _size - 1; i >= 0; i--)
        {
            if (match(_items[i]))
            {
                return _items[i];
            }
        }

        return default;
    }

    /// <summary>Returns the index of the last element that matches <paramref name="match"/>.</summary>
    /// <param name="match">The predicate that defines the conditions of the element to search for.</param>
    /// <returns>The index of the last match, or -1.</returns>
    public int FindLastIndex(Predicate<T> match) => FindLastIndex(_size - 1, _size, match);

    /// <summary>Returns the index of the last element up to <paramref name="startIndex"/> that matches <paramref name="match"/>.</summary>
    /// <param name="startIndex">The zero-based starting index of the backward search.</param>
    /// <param name="match">The predicate that defines the conditions of the element to search for.</param>
    /// <returns>The index of the last match, or -1.</returns>
    public int FindLastIndex(int startIndex, Predicate<T> match) => FindLastIndex(startIndex, startIndex + 1, match);

    /// <summary>Returns the index of the last element of a range, searched backward, that matches <paramref name="match"/>.</summary>
    /// <param name="startIndex">The zero-based starting index of the backward search.</param>
    /// <param name="count">The number of elements in the section to search.</param>
    /// <param name="match">The predicate that defines the conditions of the element to search for.</param>
    /// <returns>The index of the last match, or -1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the list.</exception>
    public int FindLastIndex(int startIndex, int count, Predicate<T> match)
    {
        if (match is null)
        {
            throw new ArgumentNullException(nameof(match));
        }

        if (_size == 0)
        {
            // Special case for a 0-length list.
            if (startIndex != -1)
            {
                throw CollectionThrowHelper.OutOfRange(nameof(startIndex), CollectionThrowHelper.IndexMustBeLess);
            }
        }
        else if ((uint)startIndex >= (uint)_size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(startIndex), CollectionThrowHelper.IndexMustBeLess);
        }

        if (count < 0 || startIndex - count + 1 < 0)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(count), CollectionThrowHelper.CountOutOfRange);
        }

        int endIndex = startIndex - count;
        for (int i = startIndex; i > endIndex; i--)
        {
            if (match(_items[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Determines whether the list contains elements that match <paramref name="match"/>.</summary>
    /// <param name="match">The predicate that defines the conditions of the elements to search for.</param>
    /// <returns><see langword="true"/> if an element matches; otherwise <see langword="false"/>.</returns>
    public bool Exists(Predicate<T> match) => FindIndex(match) != -1;

    /// <summary>Determines whether every element in the list matches <paramref name="match"/>.</summary>
    /// <param name="match">The predicate that defines the conditions to check against the elements.</param>
    /// <returns><see langword="true"/> if every element matches (or the list is empty); otherwise <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    public bool TrueForAll(Predicate<T> match)
    {
        if (match is null)
        {
            throw new ArgumentNullException(nameof(match));
        }

        for (int i = 0; i < _size; i++)
        {
            if (!match(_items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Searches the sorted list for an element using the default comparer.</summary>
    /// <param name="item">The object to locate.</param>
    /// <returns>The index of <paramref name="item"/> if found; otherwise the bitwise complement of the index of the next larger element (or of <see cref="Count"/>).</returns>
    public int BinarySearch(T item) => BinarySearch(0, _size, item, null);

    /// <summary>Searches the sorted list for an element using the specified comparer.</summary>
    /// <param name="item">The object to locate.</param>
    /// <param name="comparer">The comparer to use, or <see langword="null"/> for <see cref="Comparer{T}.Default"/>.</param>
    /// <returns>The index of <paramref name="item"/> if found; otherwise the bitwise complement of the insertion point.</returns>
    public int BinarySearch(T item, IComparer<T>? comparer) => BinarySearch(0, _size, item, comparer);

    /// <summary>Searches a range of the sorted list for an element using the specified comparer.</summary>
    /// <param name="index">The zero-based starting index of the range to search.</param>
    /// <param name="count">The length of the range to search.</param>
    /// <param name="item">The object to locate.</param>
    /// <param name="comparer">The comparer to use, or <see langword="null"/> for <see cref="Comparer{T}.Default"/>.</param>
    /// <returns>The index of <paramref name="item"/> if found; otherwise the bitwise complement of the insertion point.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="count"/> is less than 0.</exception>
    /// <exception cref="ArgumentException">The range is outside the list.</exception>
    /// <exception cref="InvalidOperationException">The comparer threw.</exception>
    public int BinarySearch(int index, int count, T item, IComparer<T>? comparer)
    {
        CheckRange(index, count);
        return ArraySortHelper<T>.BinarySearch(_items, index, count, item, comparer);
    }

    /// <summary>First index in [start, start + count) whose element equals <paramref name="item"/> (element.Equals(item), as .NET's Array.IndexOf).</summary>
    private int IndexOfRange(T item, int start, int count)
    {
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        int end = start + count;
        for (int i = start; i < end; i++)
        {
            if (comparer.Equals(_items[i], item))
            {
                return i;
            }
        }

        return -1;
    }
}

namespace System.Collections.Generic;

/// <content>Whole-list and range operations: sort, reverse, copy, slice, for-each.</content>
public partial class List<T>
{
    /// <summary>Sorts the elements in the entire list using the default comparer.</summary>
    /// <exception cref="InvalidOperationException">The default comparer cannot compare the elements, or it threw.</exception>
    public void Sort() => Sort(0, _size, null);

    /// <summary>Sorts the elements in the entire list using the specified comparer.</summary>
    /// <param name="comparer">The comparer to use, or <see langword="null"/> for <see cref="Comparer{T}.Default"/>.</param>
    /// <exception cref="InvalidOperationException">The comparer threw.</exception>
    /// <exception cref="ArgumentException">The comparer is inconsistent.</exception>
    public void Sort(IComparer<T>? comparer) => Sort(0, _size, comparer);

    /// <summary>Sorts the elements in a range of the list using the specified comparer (introsort, not stable, as .NET's).</summary>
    /// <param name="index">The zero-based starting index of the range to sort.</param>
    /// <param name="count">The length of the range to sort.</param>
    /// <param name="comparer">The comparer to use, or <see langword="null"/> for <see cref="Comparer{T}.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="count"/> is less than 0.</exception>
    /// <exception cref="ArgumentException">The range is outside the list, or the comparer is inconsistent.</exception>
    /// <exception cref="InvalidOperationException">The comparer threw.</exception>
    public void Sort(int index, int count, IComparer<T>? comparer)
    {
        CheckRange(index, count);
        if (count > 1)
        {
            ArraySortHelper<T>.Sort(new Span<T>(_items, index, count), comparer);
        }

        _version++;
    }

    /// <summary>Sorts the elements in the entire list using the specified <see cref="Comparison{T}"/>.</summary>
    /// <param name="comparison">The comparison to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The comparison threw.</exception>
    public void Sort(Comparison<T> comparison)
    {
        if (comparison is null)
        {
            throw new ArgumentNullException(nameof(comparison));
        }

        if (_size > 1)
        {
            ArraySortHelper<T>.Sort(new Span<T>(_items, 0, _size), comparison);
        }

        _version++;
    }

    /// <summary>Reverses the order of the elements in the entire list.</summary>
    public void Reverse() => Reverse(0, _size);

    /// <summary>Reverses the order of the elements in the specified range.</summary>
    /// <param name="index">The zero-based starting index of the range to reverse.</param>
    /// <param name="count">The number of elements in the range to reverse.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="count"/> is less than 0.</exception>
    /// <exception cref="ArgumentException">The range is outside the list.</exception>
    public void Reverse(int index, int count)
    {
        CheckRange(index, count);
        int low = index;
        int high = index + count - 1;
        T[] items = _items;
        while (low < high)
        {
            T t = items[low];
            items[low] = items[high];
            items[high] = t;
            low++;
            high--;
        }

        _version++;
    }

    /// <summary>Copies the elements of the list to a new array.</summary>
    /// <returns>An array containing copies of the elements of the list.</returns>
    public T[] ToArray()
    {
        if (_size == 0)
        {
            return Array.Empty<T>();
        }

        T[] array = new T[_size];
        Array.Copy(_items, 0, array, 0, _size);
        return array;
    }

    /// <summary>Copies the entire list to a compatible one-dimensional array, starting at the beginning of the target array.</summary>
    /// <param name="array">The destination array.</param>
    public void CopyTo(T[] array) => CopyTo(array, 0);

    /// <summary>Copies the entire list to a compatible one-dimensional array, starting at the specified index of the target array.</summary>
    /// <param name="array">The destination array.</param>
    /// <param name="arrayIndex">The zero-based index in <paramref name="array"/> at which copying begins.</param>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="arrayIndex"/> is less than 0.</exception>
    /// <exception cref="ArgumentException">The destination does not have room for the elements.</exception>
    public void CopyTo(T[] array, int arrayIndex) => CopyTo(0, array, arrayIndex, _size);

    /// <summary>Copies a range of elements from the list to a compatible one-dimensional array.</summary>
    /// <param name="index">The zero-based index in the list at which copying begins.</param>
    /// <param name="array">The destination array.</param>
    /// <param name="arrayIndex">The zero-based index in <paramref name="array"/> at which copying begins.</param>
    /// <param name="count">The number of elements to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index or <paramref name="count"/> is less than 0.</exception>
    /// <exception cref="ArgumentException">A range is outside the list or the destination.</exception>
    public void CopyTo(int index, T[] array, int arrayIndex, int count)
    {
        if (_size - index < count)
        {
            throw CollectionThrowHelper.InvalidOffsetLengthArgument();
        }

        // The checks of Array.Copy, made here so that the list does not depend on how the corlib's Array reports them.
        if (array is null)
        {
            throw new ArgumentNullException(nameof(array));
        }

        if (count < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(count));
        }

        if (index < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(index));
        }

        if (arrayIndex < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(arrayIndex));
        }

        if (array.Length - arrayIndex < count)
        {
            throw CollectionThrowHelper.ArrayTooSmall();
        }

        Array.Copy(_items, index, array, arrayIndex, count);
    }

    /// <summary>Creates a shallow copy of a range of elements in the source list.</summary>
    /// <param name="index">The zero-based index at which the range starts.</param>
    /// <param name="count">The number of elements in the range.</param>
    /// <returns>A new list with the elements of the range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="count"/> is less than 0.</exception>
    /// <exception cref="ArgumentException">The range is outside the list.</exception>
    public List<T> GetRange(int index, int count)
    {
        CheckRange(index, count);
        List<T> list = new List<T>(count);
        Array.Copy(_items, index, list._items, 0, count);
        list._size = count;
        return list;
    }

    /// <summary>Creates a shallow copy of a range of elements in the source list (same as <see cref="GetRange"/>).</summary>
    /// <param name="start">The zero-based index at which the range starts.</param>
    /// <param name="length">The length of the range.</param>
    /// <returns>A new list with the elements of the range.</returns>
    public List<T> Slice(int start, int length) => GetRange(start, length);

    /// <summary>Performs the specified action on each element of the list.</summary>
    /// <param name="action">The delegate to perform on each element.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The action modified the list.</exception>
    public void ForEach(Action<T> action)
    {
        if (action is null)
        {
            throw new ArgumentNullException(nameof(action));
        }

        int version = _version;
        for (int i = 0; i < _size; i++)
        {
            if (version != _version)
            {
                break;
            }

            action(_items[i]);
        }

        if (version != _version)
        {
            throw CollectionThrowHelper.VersionChanged();
        }
    }

    /// <summary>Returns an enumerator that iterates through the list.</summary>
    /// <returns>A struct enumerator; <c>foreach</c> over a <see cref="List{T}"/> does not allocate.</returns>
    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() =>
        _size == 0 ? EmptyEnumerator<T>.Instance : new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() =>
        _size == 0 ? EmptyEnumerator<T>.Instance : new Enumerator(this);
}

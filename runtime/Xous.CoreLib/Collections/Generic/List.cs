using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>Represents a strongly typed list of objects that can be accessed by index.</summary>
/// <typeparam name="T">The type of elements in the list.</typeparam>
/// <remarks>
/// <para>
/// .NET's algorithm and growth policy: an array that starts empty, grows to 4 on the first add and doubles after
/// that (capped at .NET's <c>Array.MaxLength</c>), so <see cref="Capacity"/> matches .NET's after any sequence of
/// operations. Every mutation that .NET counts as one (including <see cref="Clear"/> of an empty list and setting an
/// element) invalidates enumerators with <see cref="InvalidOperationException"/>, exactly where .NET does.
/// </para>
/// <para>
/// The type has more than 30 members because it mirrors .NET's public API; it is split over partial files:
/// this one (storage, add, insert, remove), <c>List.Search.cs</c>, <c>List.Bulk.cs</c> and <c>List.Enumerator.cs</c>.
/// Omitted from .NET's API: <c>AsReadOnly</c> (no <c>ReadOnlyCollection</c>), <c>ConvertAll</c> (no <c>Converter</c>)
/// and the non-generic <c>IList</c>/<c>ICollection</c>.
/// </para>
/// </remarks>
public partial class List<T> : IList<T>, IReadOnlyList<T>
{
    // Internal for CollectionsMarshal, as in .NET.
    internal T[] _items;
    internal int _size;
    internal int _version;

    /// <summary>Initializes a new, empty instance of the <see cref="List{T}"/> class with capacity zero.</summary>
    public List()
    {
        _items = Array.Empty<T>();
    }

    /// <summary>Initializes a new, empty instance of the <see cref="List{T}"/> class with the specified initial capacity.</summary>
    /// <param name="capacity">The number of elements that the new list can initially store.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public List(int capacity)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
    }

    /// <summary>Initializes a new instance of the <see cref="List{T}"/> class that contains elements copied from the specified collection.</summary>
    /// <param name="collection">The collection whose elements are copied to the new list.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    public List(IEnumerable<T> collection)
    {
        if (collection is null)
        {
            throw new ArgumentNullException(nameof(collection));
        }

        if (collection is ICollection<T> c)
        {
            int count = c.Count;
            if (count == 0)
            {
                _items = Array.Empty<T>();
            }
            else
            {
                _items = new T[count];
                c.CopyTo(_items, 0);
                _size = count;
            }
        }
        else
        {
            _items = Array.Empty<T>();
            using (IEnumerator<T> en = collection.GetEnumerator())
            {
                while (en.MoveNext())
                {
                    Add(en.Current);
                }
            }
        }
    }

    /// <summary>Gets or sets the total number of elements the internal data structure can hold without resizing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than <see cref="Count"/>.</exception>
    public int Capacity
    {
        get => _items.Length;
        set
        {
            if (value < _size)
            {
                throw CollectionThrowHelper.OutOfRange(nameof(value), CollectionThrowHelper.CapacityLessThanSize);
            }

            if (value != _items.Length)
            {
                if (value > 0)
                {
                    T[] newItems = new T[value];
                    if (_size > 0)
                    {
                        Array.Copy(_items, 0, newItems, 0, _size);
                    }

                    _items = newItems;
                }
                else
                {
                    _items = Array.Empty<T>();
                }
            }
        }
    }

    /// <summary>Gets the number of elements contained in the list.</summary>
    public int Count => _size;

    bool ICollection<T>.IsReadOnly => false;

    /// <summary>Gets or sets the element at the specified index.</summary>
    /// <param name="index">The zero-based index of the element to get or set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is less than 0 or not less than <see cref="Count"/>.</exception>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_size)
            {
                throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLess);
            }

            return _items[index];
        }

        set
        {
            if ((uint)index >= (uint)_size)
            {
                throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLess);
            }

            _items[index] = value;
            _version++;
        }
    }

    /// <summary>Adds an object to the end of the list.</summary>
    /// <param name="item">The object to add.</param>
    public void Add(T item)
    {
        _version++;
        T[] array = _items;
        int size = _size;
        if ((uint)size < (uint)array.Length)
        {
            _size = size + 1;
            array[size] = item;
        }
        else
        {
            Grow(size + 1);
            _size = size + 1;
            _items[size] = item;
        }
    }

    /// <summary>Adds the elements of the specified collection to the end of the list.</summary>
    /// <param name="collection">The collection whose elements should be added.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    public void AddRange(IEnumerable<T> collection)
    {
        if (collection is null)
        {
            throw new ArgumentNullException(nameof(collection));
        }

        if (collection is ICollection<T> c)
        {
            int count = c.Count;
            if (count > 0)
            {
                if (_items.Length - _size < count)
                {
                    Grow(checked(_size + count));
                }

                c.CopyTo(_items, _size);
                _size += count;
                _version++;
            }
        }
        else
        {
            AddEnumerable(collection);
        }
    }

    /// <summary>Inserts an element into the list at the specified index.</summary>
    /// <param name="index">The zero-based index at which <paramref name="item"/> should be inserted.</param>
    /// <param name="item">The object to insert.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is less than 0 or greater than <see cref="Count"/>.</exception>
    public void Insert(int index, T item)
    {
        if ((uint)index > (uint)_size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLessOrEqual);
        }

        if (_size == _items.Length)
        {
            Grow(_size + 1);
        }

        if (index < _size)
        {
            Array.Copy(_items, index, _items, index + 1, _size - index);
        }

        _items[index] = item;
        _size++;
        _version++;
    }

    /// <summary>Inserts the elements of a collection into the list at the specified index.</summary>
    /// <param name="index">The zero-based index at which the new elements should be inserted.</param>
    /// <param name="collection">The collection whose elements should be inserted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is less than 0 or greater than <see cref="Count"/>.</exception>
    public void InsertRange(int index, IEnumerable<T> collection)
    {
        if (collection is null)
        {
            throw new ArgumentNullException(nameof(collection));
        }

        if ((uint)index > (uint)_size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLessOrEqual);
        }

        if (collection is ICollection<T> c)
        {
            int count = c.Count;
            if (count > 0)
            {
                if (_items.Length - _size < count)
                {
                    Grow(checked(_size + count));
                }

                if (index < _size)
                {
                    Array.Copy(_items, index, _items, index + count, _size - index);
                }

                if (this == c)
                {
                    // Inserting the list into itself: the elements before the gap, then those moved past it.
                    Array.Copy(_items, 0, _items, index, index);
                    Array.Copy(_items, index + count, _items, index * 2, _size - index);
                }
                else
                {
                    c.CopyTo(_items, index);
                }

                _size += count;
                _version++;
            }
        }
        else if (index < _size)
        {
            using (IEnumerator<T> en = collection.GetEnumerator())
            {
                while (en.MoveNext())
                {
                    Insert(index++, en.Current);
                }
            }
        }
        else
        {
            AddEnumerable(collection);
        }
    }

    /// <summary>Removes the first occurrence of a specific object from the list.</summary>
    /// <param name="item">The object to remove.</param>
    /// <returns><see langword="true"/> if <paramref name="item"/> was removed; otherwise <see langword="false"/>.</returns>
    public bool Remove(T item)
    {
        int index = IndexOf(item);
        if (index >= 0)
        {
            RemoveAt(index);
            return true;
        }

        return false;
    }

    /// <summary>Removes the element at the specified index of the list.</summary>
    /// <param name="index">The zero-based index of the element to remove.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is less than 0 or not less than <see cref="Count"/>.</exception>
    public void RemoveAt(int index)
    {
        if ((uint)index >= (uint)_size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLess);
        }

        _size--;
        if (index < _size)
        {
            Array.Copy(_items, index + 1, _items, index, _size - index);
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _items[_size] = default!;
        }

        _version++;
    }

    /// <summary>Removes a range of elements from the list.</summary>
    /// <param name="index">The zero-based starting index of the range of elements to remove.</param>
    /// <param name="count">The number of elements to remove.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="count"/> is less than 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="index"/> and <paramref name="count"/> do not denote a valid range.</exception>
    public void RemoveRange(int index, int count)
    {
        CheckRange(index, count);
        if (count > 0)
        {
            _size -= count;
            if (index < _size)
            {
                Array.Copy(_items, index + count, _items, index, _size - index);
            }

            _version++;
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                Array.Clear(_items, _size, count);
            }
        }
    }

    /// <summary>Removes all the elements that match the conditions defined by the specified predicate.</summary>
    /// <param name="match">The predicate that defines the conditions of the elements to remove.</param>
    /// <returns>The number of elements removed from the list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    public int RemoveAll(Predicate<T> match)
    {
        if (match is null)
        {
            throw new ArgumentNullException(nameof(match));
        }

        int freeIndex = 0;

        // Find the first item which needs to be removed.
        while (freeIndex < _size && !match(_items[freeIndex]))
        {
            freeIndex++;
        }

        if (freeIndex >= _size)
        {
            return 0;
        }

        int current = freeIndex + 1;
        while (current < _size)
        {
            // Find the first item which needs to be kept.
            while (current < _size && match(_items[current]))
            {
                current++;
            }

            if (current < _size)
            {
                _items[freeIndex++] = _items[current++];
            }
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, freeIndex, _size - freeIndex);
        }

        int result = _size - freeIndex;
        _size = freeIndex;
        _version++;
        return result;
    }

    /// <summary>Removes all elements from the list; the capacity is unchanged.</summary>
    public void Clear()
    {
        _version++;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            int size = _size;
            _size = 0;
            if (size > 0)
            {
                Array.Clear(_items, 0, size);
            }
        }
        else
        {
            _size = 0;
        }
    }

    /// <summary>Ensures that the capacity of this list is at least the specified <paramref name="capacity"/>.</summary>
    /// <param name="capacity">The minimum capacity to ensure.</param>
    /// <returns>The new capacity of this list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public int EnsureCapacity(int capacity)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        if (_items.Length < capacity)
        {
            Grow(capacity);
        }

        return _items.Length;
    }

    /// <summary>Sets the capacity to the actual number of elements, if that number is less than 90 % of the current capacity.</summary>
    public void TrimExcess()
    {
        if (_size < CollectionLimits.TrimThreshold(_items.Length))
        {
            Capacity = _size;
        }
    }

    /// <summary>Grows the array to at least <paramref name="capacity"/>: doubling, starting at 4, as in .NET.</summary>
    internal void Grow(int capacity)
    {
        int newCapacity = _items.Length == 0 ? CollectionLimits.DefaultCapacity : 2 * _items.Length;

        // Allow the list to grow to the maximum possible capacity before encountering overflow.
        if ((uint)newCapacity > CollectionLimits.MaxArrayLength)
        {
            newCapacity = CollectionLimits.MaxArrayLength;
        }

        if (newCapacity < capacity)
        {
            newCapacity = capacity;
        }

        Capacity = newCapacity;
    }

    private void AddEnumerable(IEnumerable<T> enumerable)
    {
        // As in .NET 10, each element counts as one Add: an empty sequence leaves the version (and enumerators) alone.
        using (IEnumerator<T> en = enumerable.GetEnumerator())
        {
            while (en.MoveNext())
            {
                Add(en.Current);
            }
        }
    }

    /// <summary>The argument checks of the range methods: non-negative index and count, range inside the list.</summary>
    private void CheckRange(int index, int count)
    {
        if (index < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(index));
        }

        if (count < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(count));
        }

        if (_size - index < count)
        {
            throw CollectionThrowHelper.InvalidOffsetLengthArgument();
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>Represents a set of values.</summary>
/// <typeparam name="T">The type of elements in the hash set.</typeparam>
/// <remarks>
/// <para>
/// The layout of <see cref="Dictionary{TKey, TValue}"/> without values (<c>HashSet.Storage.cs</c>): 1-based bucket
/// heads, entries with cached hash code and next index, a LIFO free list, .NET's prime sizes. Enumeration order,
/// <see cref="Capacity"/> and which operations invalidate enumerators (adding a new element, trimming) are .NET's;
/// the set operations remove and add in .NET's order, so the order stays .NET's after them too.
/// </para>
/// <para>
/// Omitted from .NET's API: serialization, <c>CreateSetComparer</c>, the alternate lookup. The type has more than
/// 30 members because it mirrors .NET's API; it is split over partial files.
/// </para>
/// </remarks>
public partial class HashSet<T> : ISet<T>, IReadOnlySet<T>
{
    private int[]? _buckets;
    private Entry[]? _entries;
    private int _count;
    private int _freeList;
    private int _freeCount;
    private int _version;
    private readonly IEqualityComparer<T> _comparer;

    /// <summary>Initializes a new, empty instance that uses the default equality comparer for the set type.</summary>
    public HashSet()
        : this((IEqualityComparer<T>?)null)
    {
    }

    /// <summary>Initializes a new, empty instance that uses the specified equality comparer.</summary>
    /// <param name="comparer">The comparer to use, or <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    public HashSet(IEqualityComparer<T>? comparer)
    {
        _comparer = comparer ?? EqualityComparer<T>.Default;
    }

    /// <summary>Initializes a new, empty instance with room for <paramref name="capacity"/> elements.</summary>
    /// <param name="capacity">The initial size of the set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public HashSet(int capacity)
        : this(capacity, null)
    {
    }

    /// <summary>Initializes a new, empty instance with room for <paramref name="capacity"/> elements and the specified comparer.</summary>
    /// <param name="capacity">The initial size of the set.</param>
    /// <param name="comparer">The comparer to use, or <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public HashSet(int capacity, IEqualityComparer<T>? comparer)
        : this(comparer)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        if (capacity > 0)
        {
            Initialize(capacity);
        }
    }

    /// <summary>Initializes a new instance that contains the distinct elements of <paramref name="collection"/>.</summary>
    /// <param name="collection">The elements to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    public HashSet(IEnumerable<T> collection)
        : this(collection, null)
    {
    }

    /// <summary>Initializes a new instance that contains the distinct elements of <paramref name="collection"/> under <paramref name="comparer"/>.</summary>
    /// <param name="collection">The elements to copy.</param>
    /// <param name="comparer">The comparer to use, or <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    public HashSet(IEnumerable<T> collection, IEqualityComparer<T>? comparer)
        : this(comparer)
    {
        if (collection is null)
        {
            throw new ArgumentNullException(nameof(collection));
        }

        if (collection is HashSet<T> otherAsHashSet && EqualityComparersAreEqual(this, otherAsHashSet))
        {
            ConstructFrom(otherAsHashSet);
        }
        else
        {
            // Size the table from the count; the collection may hold duplicates, so trim if it ends up too sparse.
            if (collection is ICollection<T> coll)
            {
                int count = coll.Count;
                if (count > 0)
                {
                    Initialize(count);
                }
            }

            UnionWith(collection);

            if (_count > 0 && _entries!.Length / _count > ShrinkThreshold)
            {
                TrimExcess();
            }
        }
    }

    /// <summary>Gets the comparer that is used to determine equality for the values in the set.</summary>
    public IEqualityComparer<T> Comparer => _comparer;

    /// <summary>Gets the number of elements that are contained in the set.</summary>
    public int Count => _count - _freeCount;

    /// <summary>Gets the total number of elements the set can hold without resizing.</summary>
    public int Capacity => _entries is null ? 0 : _entries.Length;

    bool ICollection<T>.IsReadOnly => false;

    /// <summary>Adds the specified element to the set.</summary>
    /// <param name="item">The element to add.</param>
    /// <returns><see langword="true"/> if the element is added; <see langword="false"/> if it is already present.</returns>
    public bool Add(T item) => AddIfNotPresent(item, out _);

    void ICollection<T>.Add(T item) => AddIfNotPresent(item, out _);

    /// <summary>Determines whether the set contains the specified element.</summary>
    /// <param name="item">The element to locate.</param>
    /// <returns><see langword="true"/> if the set contains <paramref name="item"/>; otherwise <see langword="false"/>.</returns>
    public bool Contains(T item) => FindItemIndex(item) >= 0;

    /// <summary>Searches the set for a given value and returns the equal value it finds, if any.</summary>
    /// <param name="equalValue">The value to search for.</param>
    /// <param name="actualValue">The value from the set, or the default value of <typeparamref name="T"/>.</param>
    /// <returns><see langword="true"/> if the search was successful; otherwise <see langword="false"/>.</returns>
    public bool TryGetValue(T equalValue, [MaybeNullWhen(false)] out T actualValue)
    {
        if (_buckets is not null)
        {
            int index = FindItemIndex(equalValue);
            if (index >= 0)
            {
                actualValue = _entries![index].Value;
                return true;
            }
        }

        actualValue = default;
        return false;
    }

    /// <summary>Removes the specified element from the set.</summary>
    /// <param name="item">The element to remove.</param>
    /// <returns><see langword="true"/> if the element was found and removed; otherwise <see langword="false"/>.</returns>
    public bool Remove(T item)
    {
        if (_buckets is not null)
        {
            Entry[] entries = _entries!;
            uint collisionCount = 0;
            int last = -1;
            int hashCode = item is null ? 0 : _comparer.GetHashCode(item);
            ref int bucket = ref GetBucketRef(hashCode);
            int i = bucket - 1; // Value in buckets is 1-based
            while (i >= 0)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && _comparer.Equals(entry.Value, item))
                {
                    if (last < 0)
                    {
                        bucket = entry.Next + 1; // Value in buckets is 1-based
                    }
                    else
                    {
                        entries[last].Next = entry.Next;
                    }

                    entry.Next = StartOfFreeList - _freeList;
                    if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                    {
                        entry.Value = default!;
                    }

                    _freeList = i;
                    _freeCount++;
                    return true;
                }

                last = i;
                i = entry.Next;
                collisionCount++;
                if (collisionCount > (uint)entries.Length)
                {
                    throw CollectionThrowHelper.ConcurrentOperationsNotSupported();
                }
            }
        }

        return false;
    }

    /// <summary>Removes all elements that match the conditions defined by the specified predicate.</summary>
    /// <param name="match">The predicate that defines the conditions of the elements to remove.</param>
    /// <returns>The number of elements that were removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    public int RemoveWhere(Predicate<T> match)
    {
        if (match is null)
        {
            throw new ArgumentNullException(nameof(match));
        }

        Entry[]? entries = _entries;
        int numRemoved = 0;
        for (int i = 0; i < _count; i++)
        {
            ref Entry entry = ref entries![i];
            if (entry.Next >= -1)
            {
                // Cache the value in case the delegate removes it.
                T value = entry.Value;
                if (match(value) && Remove(value))
                {
                    numRemoved++;
                }
            }
        }

        return numRemoved;
    }

    /// <summary>Removes all elements from the set; the capacity is unchanged.</summary>
    public void Clear()
    {
        int count = _count;
        if (count > 0)
        {
            Array.Clear(_buckets!, 0, _buckets!.Length);
            _count = 0;
            _freeList = -1;
            _freeCount = 0;
            Array.Clear(_entries!, 0, count);
        }
    }

    /// <summary>Copies the elements of the set to an array.</summary>
    /// <param name="array">The destination array.</param>
    public void CopyTo(T[] array) => CopyTo(array, 0, Count);

    /// <summary>Copies the elements of the set to an array, starting at the specified array index.</summary>
    /// <param name="array">The destination array.</param>
    /// <param name="arrayIndex">The zero-based index in <paramref name="array"/> at which copying begins.</param>
    public void CopyTo(T[] array, int arrayIndex) => CopyTo(array, arrayIndex, Count);

    /// <summary>Copies the specified number of elements of the set to an array, starting at the specified array index.</summary>
    /// <param name="array">The destination array.</param>
    /// <param name="arrayIndex">The zero-based index in <paramref name="array"/> at which copying begins.</param>
    /// <param name="count">The number of elements to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="arrayIndex"/> or <paramref name="count"/> is less than 0.</exception>
    /// <exception cref="ArgumentException">The destination does not have room for <paramref name="count"/> elements.</exception>
    public void CopyTo(T[] array, int arrayIndex, int count)
    {
        if (array is null)
        {
            throw new ArgumentNullException(nameof(array));
        }

        if (arrayIndex < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(arrayIndex));
        }

        if (count < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(count));
        }

        if (arrayIndex > array.Length || count > array.Length - arrayIndex)
        {
            throw CollectionThrowHelper.ArrayTooSmall();
        }

        Entry[]? entries = _entries;
        for (int i = 0; i < _count && count != 0; i++)
        {
            ref Entry entry = ref entries![i];
            if (entry.Next >= -1)
            {
                array[arrayIndex++] = entry.Value;
                count--;
            }
        }
    }

    /// <summary>Ensures that the set can hold up to <paramref name="capacity"/> elements without growing.</summary>
    /// <param name="capacity">The minimum capacity to ensure.</param>
    /// <returns>The new capacity of the set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public int EnsureCapacity(int capacity)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        int currentCapacity = _entries is null ? 0 : _entries.Length;
        if (currentCapacity >= capacity)
        {
            return currentCapacity;
        }

        if (_buckets is null)
        {
            return Initialize(capacity);
        }

        int newSize = HashHelpers.GetPrime(capacity);
        Resize(newSize);
        return newSize;
    }

    /// <summary>Sets the capacity to what it would be if the set had been created with its current elements.</summary>
    public void TrimExcess() => TrimExcess(Count);

    /// <summary>Sets the capacity to hold up to <paramref name="capacity"/> elements without growing; removed slots are compacted.</summary>
    /// <param name="capacity">The new capacity.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than <see cref="Count"/>.</exception>
    public void TrimExcess(int capacity)
    {
        if (capacity < Count)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(capacity), CollectionThrowHelper.CapacityLessThanSize);
        }

        int newSize = HashHelpers.GetPrime(capacity);
        Entry[]? oldEntries = _entries;
        int currentCapacity = oldEntries is null ? 0 : oldEntries.Length;
        if (newSize >= currentCapacity)
        {
            return;
        }

        int oldCount = _count;
        _version++;
        Initialize(newSize);
        Entry[] entries = _entries!;
        int count = 0;
        for (int i = 0; i < oldCount; i++)
        {
            int hashCode = oldEntries![i].HashCode; // At this point, we know we have entries.
            if (oldEntries[i].Next >= -1)
            {
                ref Entry entry = ref entries[count];
                entry = oldEntries[i];
                ref int bucket = ref GetBucketRef(hashCode);
                entry.Next = bucket - 1; // Value in _buckets is 1-based
                bucket = count + 1;
                count++;
            }
        }

        _count = count;
        _freeCount = 0;
    }

    /// <summary>Returns an enumerator that iterates through the set, in entry order.</summary>
    /// <returns>A struct enumerator; <c>foreach</c> over a <see cref="HashSet{T}"/> does not allocate.</returns>
    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() =>
        Count == 0 ? EmptyEnumerator<T>.Instance : new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() =>
        Count == 0 ? EmptyEnumerator<T>.Instance : new Enumerator(this);
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>Represents a collection of keys and values.</summary>
/// <typeparam name="TKey">The type of the keys in the dictionary.</typeparam>
/// <typeparam name="TValue">The type of the values in the dictionary.</typeparam>
/// <remarks>
/// <para>
/// .NET's layout and algorithm (<c>Dictionary.Storage.cs</c>): an <c>int[]</c> of buckets holding 1-based indexes into
/// an array of entries; each entry keeps its cached hash code, the index of the next entry of its chain, the key and
/// the value. Removed entries form a free list (LIFO) threaded through <c>next</c>. Table sizes are .NET's primes.
/// </para>
/// <para>
/// Consequences that match .NET exactly: enumeration walks the entries array in index order, so without removals it
/// is insertion order, and after removals it is the same order as .NET's (a freed slot is reused by the next add);
/// <see cref="Capacity"/> and <see cref="EnsureCapacity"/> return .NET's numbers; adding a new key, growing and
/// trimming invalidate enumerators, while overwriting a value, removing and clearing do not (as in .NET Core 3.0+).
/// </para>
/// <para>
/// A chain longer than the table means concurrent mutation; it throws <see cref="InvalidOperationException"/>
/// rather than loop forever. Omitted from .NET's API: serialization, the alternate-key lookup and the non-generic
/// <c>IDictionary</c>. The type has more than 30 members because it mirrors .NET's API; it is split over partial files.
/// </para>
/// </remarks>
public partial class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private int[]? _buckets;
    private Entry[]? _entries;
    private int _count;
    private int _freeList;
    private int _freeCount;
    private int _version;
    private readonly IEqualityComparer<TKey> _comparer;
    private KeyCollection? _keys;
    private ValueCollection? _values;

    /// <summary>Initializes a new, empty instance with the default capacity and the default equality comparer for the key type.</summary>
    public Dictionary()
        : this(0, null)
    {
    }

    /// <summary>Initializes a new, empty instance with the specified initial capacity and the default equality comparer.</summary>
    /// <param name="capacity">The initial number of elements that the dictionary can contain.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public Dictionary(int capacity)
        : this(capacity, null)
    {
    }

    /// <summary>Initializes a new, empty instance with the default capacity and the specified equality comparer.</summary>
    /// <param name="comparer">The comparer to use for keys, or <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    public Dictionary(IEqualityComparer<TKey>? comparer)
        : this(0, comparer)
    {
    }

    /// <summary>Initializes a new, empty instance with the specified initial capacity and equality comparer.</summary>
    /// <param name="capacity">The initial number of elements that the dictionary can contain.</param>
    /// <param name="comparer">The comparer to use for keys, or <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public Dictionary(int capacity, IEqualityComparer<TKey>? comparer)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        if (capacity > 0)
        {
            Initialize(capacity);
        }

        _comparer = comparer ?? EqualityComparer<TKey>.Default;
    }

    /// <summary>Initializes a new instance that contains elements copied from the specified dictionary.</summary>
    /// <param name="dictionary">The dictionary whose elements are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dictionary"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="dictionary"/> contains duplicate keys under the default comparer.</exception>
    public Dictionary(IDictionary<TKey, TValue> dictionary)
        : this(dictionary, null)
    {
    }

    /// <summary>Initializes a new instance that contains elements copied from the specified dictionary and uses the specified comparer.</summary>
    /// <param name="dictionary">The dictionary whose elements are copied.</param>
    /// <param name="comparer">The comparer to use for keys, or <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dictionary"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="dictionary"/> contains duplicate keys under <paramref name="comparer"/>.</exception>
    public Dictionary(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey>? comparer)
        : this(dictionary is null ? 0 : dictionary.Count, comparer)
    {
        if (dictionary is null)
        {
            throw new ArgumentNullException(nameof(dictionary));
        }

        AddRange(dictionary);
    }

    /// <summary>Initializes a new instance that contains elements copied from the specified sequence.</summary>
    /// <param name="collection">The pairs to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="collection"/> contains duplicate keys.</exception>
    public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection)
        : this(collection, null)
    {
    }

    /// <summary>Initializes a new instance that contains elements copied from the specified sequence and uses the specified comparer.</summary>
    /// <param name="collection">The pairs to copy.</param>
    /// <param name="comparer">The comparer to use for keys, or <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="collection"/> contains duplicate keys.</exception>
    public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection, IEqualityComparer<TKey>? comparer)
        : this(collection is ICollection<KeyValuePair<TKey, TValue>> c ? c.Count : 0, comparer)
    {
        if (collection is null)
        {
            throw new ArgumentNullException(nameof(collection));
        }

        AddRange(collection);
    }

    /// <summary>Gets the comparer that is used to determine equality of keys.</summary>
    public IEqualityComparer<TKey> Comparer => _comparer;

    /// <summary>Gets the number of key/value pairs contained in the dictionary.</summary>
    public int Count => _count - _freeCount;

    /// <summary>Gets the total number of entries the dictionary can hold without resizing.</summary>
    public int Capacity => _entries is null ? 0 : _entries.Length;

    /// <summary>Gets a collection containing the keys, in enumeration order.</summary>
    public KeyCollection Keys => _keys ??= new KeyCollection(this);

    /// <summary>Gets a collection containing the values, in enumeration order.</summary>
    public ValueCollection Values => _values ??= new ValueCollection(this);

    /// <summary>Gets or sets the value associated with the specified key.</summary>
    /// <param name="key">The key of the value to get or set.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The property is retrieved and <paramref name="key"/> does not exist.</exception>
    public TValue this[TKey key]
    {
        get
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                return _entries![i].Value;
            }

            throw CollectionThrowHelper.KeyNotFound();
        }

        set => FindOrInsert(key, value, InsertionBehavior.OverwriteExisting, out _);
    }

    /// <summary>Adds the specified key and value to the dictionary.</summary>
    /// <param name="key">The key of the element to add.</param>
    /// <param name="value">The value of the element to add.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element with the same key already exists.</exception>
    public void Add(TKey key, TValue value) => FindOrInsert(key, value, InsertionBehavior.ThrowOnExisting, out _);

    /// <summary>Attempts to add the specified key and value to the dictionary.</summary>
    /// <param name="key">The key of the element to add.</param>
    /// <param name="value">The value of the element to add.</param>
    /// <returns><see langword="true"/> if the pair was added; <see langword="false"/> if the key was already present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryAdd(TKey key, TValue value)
    {
        FindOrInsert(key, value, InsertionBehavior.None, out bool existed);
        return !existed;
    }

    /// <summary>Gets the value associated with the specified key.</summary>
    /// <param name="key">The key of the value to get.</param>
    /// <param name="value">The value if the key is found; otherwise the default value of <typeparamref name="TValue"/>.</param>
    /// <returns><see langword="true"/> if the dictionary contains <paramref name="key"/>; otherwise <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        int i = FindEntry(key);
        if (i >= 0)
        {
            value = _entries![i].Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Determines whether the dictionary contains the specified key.</summary>
    /// <param name="key">The key to locate.</param>
    /// <returns><see langword="true"/> if the dictionary contains <paramref name="key"/>; otherwise <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

    /// <summary>Determines whether the dictionary contains a specific value (linear search, <see cref="EqualityComparer{T}.Default"/>).</summary>
    /// <param name="value">The value to locate.</param>
    /// <returns><see langword="true"/> if some entry has the value; otherwise <see langword="false"/>.</returns>
    public bool ContainsValue(TValue value)
    {
        Entry[]? entries = _entries;
        EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
        for (int i = 0; i < _count; i++)
        {
            if (entries![i].Next >= -1 && comparer.Equals(entries[i].Value, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes the value with the specified key.</summary>
    /// <param name="key">The key of the element to remove.</param>
    /// <returns><see langword="true"/> if the element was found and removed; otherwise <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool Remove(TKey key) => Remove(key, out _);

    /// <summary>Removes the value with the specified key and copies the element to <paramref name="value"/>.</summary>
    /// <param name="key">The key of the element to remove.</param>
    /// <param name="value">The removed value, or the default value of <typeparamref name="TValue"/>.</param>
    /// <returns><see langword="true"/> if the element was found and removed; otherwise <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool Remove(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_buckets is not null)
        {
            Entry[] entries = _entries!;
            uint collisionCount = 0;
            uint hashCode = (uint)_comparer.GetHashCode(key);
            ref int bucket = ref GetBucket(hashCode);
            int last = -1;
            int i = bucket - 1; // Value in buckets is 1-based
            while (i >= 0)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && _comparer.Equals(entry.Key, key))
                {
                    if (last < 0)
                    {
                        bucket = entry.Next + 1; // Value in buckets is 1-based
                    }
                    else
                    {
                        entries[last].Next = entry.Next;
                    }

                    value = entry.Value;
                    entry.Next = StartOfFreeList - _freeList;
                    if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
                    {
                        entry.Key = default!;
                    }

                    if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>())
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

        value = default;
        return false;
    }

    /// <summary>Removes all keys and values; the capacity is unchanged.</summary>
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

    /// <summary>Ensures that the dictionary can hold up to <paramref name="capacity"/> entries without growing.</summary>
    /// <param name="capacity">The number of entries.</param>
    /// <returns>The current capacity of the dictionary.</returns>
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

        _version++;

        if (_buckets is null)
        {
            return Initialize(capacity);
        }

        int newSize = HashHelpers.GetPrime(capacity);
        Resize(newSize);
        return newSize;
    }

    /// <summary>Sets the capacity to what it would be if the dictionary had been created with its current entries.</summary>
    public void TrimExcess() => TrimExcess(Count);

    /// <summary>Sets the capacity to hold up to <paramref name="capacity"/> entries without growing; removed slots are compacted.</summary>
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
        CopyEntries(oldEntries!, oldCount);
    }

    /// <summary>Returns an enumerator that iterates through the dictionary.</summary>
    /// <returns>A struct enumerator; <c>foreach</c> over a <see cref="Dictionary{TKey, TValue}"/> does not allocate.</returns>
    public Enumerator GetEnumerator() => new Enumerator(this);
}

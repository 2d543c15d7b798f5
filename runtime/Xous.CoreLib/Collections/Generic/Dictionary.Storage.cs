namespace System.Collections.Generic;

/// <content>The hash table: buckets, entries, free list, lookup, insertion and resizing (as in .NET).</content>
public partial class Dictionary<TKey, TValue>
{
    /// <summary>
    /// <c>entry.Next</c> of a free entry is <c>StartOfFreeList - nextFree</c>, i.e. -3 or less, so that a live entry
    /// (next &gt;= -1, -1 ending its chain) and a free one are told apart by <c>Next &gt;= -1</c>.
    /// </summary>
    private const int StartOfFreeList = -3;

    internal enum InsertionBehavior
    {
        /// <summary>Leave an existing entry unchanged.</summary>
        None,

        /// <summary>Replace the value of an existing entry.</summary>
        OverwriteExisting,

        /// <summary>Throw <see cref="ArgumentException"/> for an existing key.</summary>
        ThrowOnExisting,
    }

    private int Initialize(int capacity)
    {
        int size = HashHelpers.GetPrime(capacity);
        _freeList = -1;
        _buckets = new int[size];
        _entries = new Entry[size];
        return size;
    }

    /// <summary>The value slot of entry <paramref name="index"/> (for <c>CollectionsMarshal</c>).</summary>
    internal ref TValue GetValueRef(int index) => ref _entries![index].Value;

    private ref int GetBucket(uint hashCode)
    {
        int[] buckets = _buckets!;
        return ref buckets[hashCode % (uint)buckets.Length];
    }

    /// <summary>The index of the entry with <paramref name="key"/>, or -1.</summary>
    internal int FindEntry(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_buckets is null)
        {
            return -1;
        }

        Entry[] entries = _entries!;
        IEqualityComparer<TKey> comparer = _comparer;
        uint hashCode = (uint)comparer.GetHashCode(key);
        int i = GetBucket(hashCode) - 1; // Value in _buckets is 1-based; subtract 1 from i.
        uint collisionCount = 0;
        while ((uint)i < (uint)entries.Length)
        {
            ref Entry entry = ref entries[i];
            if (entry.HashCode == hashCode && comparer.Equals(entry.Key, key))
            {
                return i;
            }

            i = entry.Next;
            collisionCount++;
            if (collisionCount > (uint)entries.Length)
            {
                // The chain is longer than the table: a concurrent update broke it.
                throw CollectionThrowHelper.ConcurrentOperationsNotSupported();
            }
        }

        return -1;
    }

    /// <summary>
    /// Finds the entry of <paramref name="key"/>, or adds one with <paramref name="value"/>; returns its index.
    /// <paramref name="existed"/> tells which; an existing entry is treated as <paramref name="behavior"/> says.
    /// </summary>
    internal int FindOrInsert(TKey key, TValue value, InsertionBehavior behavior, out bool existed)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_buckets is null)
        {
            Initialize(0);
        }

        Entry[] entries = _entries!;
        IEqualityComparer<TKey> comparer = _comparer;
        uint hashCode = (uint)comparer.GetHashCode(key);
        uint collisionCount = 0;
        ref int bucket = ref GetBucket(hashCode);
        int i = bucket - 1; // Value in _buckets is 1-based
        while ((uint)i < (uint)entries.Length)
        {
            if (entries[i].HashCode == hashCode && comparer.Equals(entries[i].Key, key))
            {
                if (behavior == InsertionBehavior.OverwriteExisting)
                {
                    entries[i].Value = value;
                }
                else if (behavior == InsertionBehavior.ThrowOnExisting)
                {
                    throw CollectionThrowHelper.DuplicateKey();
                }

                existed = true;
                return i;
            }

            i = entries[i].Next;
            collisionCount++;
            if (collisionCount > (uint)entries.Length)
            {
                throw CollectionThrowHelper.ConcurrentOperationsNotSupported();
            }
        }

        int index;
        if (_freeCount > 0)
        {
            index = _freeList;
            _freeList = StartOfFreeList - entries[_freeList].Next;
            _freeCount--;
        }
        else
        {
            int count = _count;
            if (count == entries.Length)
            {
                Resize(HashHelpers.ExpandPrime(count));
                bucket = ref GetBucket(hashCode);
            }

            index = count;
            _count = count + 1;
            entries = _entries!;
        }

        ref Entry entry = ref entries[index];
        entry.HashCode = hashCode;
        entry.Next = bucket - 1; // Value in _buckets is 1-based
        entry.Key = key;
        entry.Value = value;
        bucket = index + 1; // Value in _buckets is 1-based
        _version++;
        existed = false;
        return index;
    }

    /// <summary>Moves the entries, free ones included, to arrays of <paramref name="newSize"/> and rebuilds the chains.</summary>
    private void Resize(int newSize)
    {
        Entry[] entries = new Entry[newSize];
        int count = _count;
        Array.Copy(_entries!, 0, entries, 0, count);

        _buckets = new int[newSize];
        for (int i = 0; i < count; i++)
        {
            if (entries[i].Next >= -1)
            {
                ref int bucket = ref GetBucket(entries[i].HashCode);
                entries[i].Next = bucket - 1; // Value in _buckets is 1-based
                bucket = i + 1;
            }
        }

        _entries = entries;
    }

    /// <summary>Copies the live entries of <paramref name="entries"/> (the first <paramref name="count"/>) into the fresh table, compacted.</summary>
    private void CopyEntries(Entry[] entries, int count)
    {
        Entry[] newEntries = _entries!;
        int newCount = 0;
        for (int i = 0; i < count; i++)
        {
            uint hashCode = entries[i].HashCode;
            if (entries[i].Next >= -1)
            {
                ref Entry entry = ref newEntries[newCount];
                entry = entries[i];
                ref int bucket = ref GetBucket(hashCode);
                entry.Next = bucket - 1; // Value in _buckets is 1-based
                bucket = newCount + 1;
                newCount++;
            }
        }

        _count = newCount;
        _freeCount = 0;
    }

    private void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> enumerable)
    {
        // Copying another dictionary with the same comparer: its entries, compacted, without hashing again.
        if (enumerable is Dictionary<TKey, TValue> source && source._comparer == _comparer && _count == 0)
        {
            if (source.Count != 0)
            {
                CopyEntries(source._entries!, source._count);
            }

            return;
        }

        foreach (KeyValuePair<TKey, TValue> pair in enumerable)
        {
            Add(pair.Key, pair.Value);
        }
    }

    private struct Entry
    {
        /// <summary>The cached hash code of <see cref="Key"/>.</summary>
        public uint HashCode;

        /// <summary>
        /// 0-based index of the next entry in the chain (-1 ends it); for a free entry,
        /// <c>StartOfFreeList - nextFree</c>.
        /// </summary>
        public int Next;

        public TKey Key;

        public TValue Value;
    }
}

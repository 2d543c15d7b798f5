namespace System.Collections.Generic;

/// <content>The hash table of <see cref="HashSet{T}"/> (as in .NET; see <see cref="Dictionary{TKey, TValue}"/>).</content>
public partial class HashSet<T>
{
    /// <summary>A free entry's <c>Next</c> is <c>StartOfFreeList - nextFree</c> (-3 or less); live entries have <c>Next &gt;= -1</c>.</summary>
    private const int StartOfFreeList = -3;

    /// <summary>A set built from a sequence with many duplicates is trimmed when its table is more than 3 times too big.</summary>
    private const int ShrinkThreshold = 3;

    /// <summary>Bitmaps of up to this many <see cref="int"/>s (1,024 entries) live on the stack in the set operations.</summary>
    private const int StackAllocThreshold = 32;

    private static bool EqualityComparersAreEqual(HashSet<T> set1, HashSet<T> set2) => set1.Comparer.Equals(set2.Comparer);

    private int Initialize(int capacity)
    {
        int size = HashHelpers.GetPrime(capacity);
        _freeList = -1;
        _buckets = new int[size];
        _entries = new Entry[size];
        return size;
    }

    private ref int GetBucketRef(int hashCode)
    {
        int[] buckets = _buckets!;
        return ref buckets[(uint)hashCode % (uint)buckets.Length];
    }

    /// <summary>The index of the entry holding <paramref name="item"/>, or -1.</summary>
    private int FindItemIndex(T item)
    {
        int[]? buckets = _buckets;
        if (buckets is not null)
        {
            Entry[] entries = _entries!;
            uint collisionCount = 0;
            IEqualityComparer<T> comparer = _comparer;
            int hashCode = item is null ? 0 : comparer.GetHashCode(item);
            int i = GetBucketRef(hashCode) - 1; // Value in _buckets is 1-based
            while (i >= 0)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && comparer.Equals(entry.Value, item))
                {
                    return i;
                }

                i = entry.Next;
                collisionCount++;
                if (collisionCount > (uint)entries.Length)
                {
                    throw CollectionThrowHelper.ConcurrentOperationsNotSupported();
                }
            }
        }

        return -1;
    }

    /// <summary>Adds <paramref name="value"/> unless present; <paramref name="location"/> is the index of its entry either way.</summary>
    private bool AddIfNotPresent(T value, out int location)
    {
        if (_buckets is null)
        {
            Initialize(0);
        }

        Entry[] entries = _entries!;
        IEqualityComparer<T> comparer = _comparer;
        uint collisionCount = 0;
        int hashCode = value is null ? 0 : comparer.GetHashCode(value);
        ref int bucket = ref GetBucketRef(hashCode);
        int i = bucket - 1; // Value in _buckets is 1-based
        while (i >= 0)
        {
            ref Entry entry = ref entries[i];
            if (entry.HashCode == hashCode && comparer.Equals(entry.Value, value))
            {
                location = i;
                return false;
            }

            i = entry.Next;
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
            _freeCount--;
            _freeList = StartOfFreeList - entries[_freeList].Next;
        }
        else
        {
            int count = _count;
            if (count == entries.Length)
            {
                Resize(HashHelpers.ExpandPrime(count));
                bucket = ref GetBucketRef(hashCode);
            }

            index = count;
            _count = count + 1;
            entries = _entries!;
        }

        ref Entry newEntry = ref entries[index];
        newEntry.HashCode = hashCode;
        newEntry.Next = bucket - 1; // Value in _buckets is 1-based
        newEntry.Value = value;
        bucket = index + 1;
        _version++;
        location = index;
        return true;
    }

    private void Resize(int newSize)
    {
        Entry[] entries = new Entry[newSize];
        int count = _count;
        Array.Copy(_entries!, 0, entries, 0, count);

        _buckets = new int[newSize];
        for (int i = 0; i < count; i++)
        {
            ref Entry entry = ref entries[i];
            if (entry.Next >= -1)
            {
                ref int bucket = ref GetBucketRef(entry.HashCode);
                entry.Next = bucket - 1; // Value in _buckets is 1-based
                bucket = i + 1;
            }
        }

        _entries = entries;
    }

    /// <summary>Initializes this (empty) set from a set with an equal comparer: a copy of its table, or a rehash when that table is oversized.</summary>
    private void ConstructFrom(HashSet<T> source)
    {
        if (source.Count == 0)
        {
            return;
        }

        int capacity = source._buckets!.Length;
        int threshold = HashHelpers.ExpandPrime(source.Count + 1);

        if (threshold >= capacity)
        {
            _buckets = new int[capacity];
            Array.Copy(source._buckets, 0, _buckets, 0, capacity);
            _entries = new Entry[source._entries!.Length];
            Array.Copy(source._entries, 0, _entries, 0, source._entries.Length);
            _freeList = source._freeList;
            _freeCount = source._freeCount;
            _count = source._count;
        }
        else
        {
            Initialize(source.Count);

            Entry[] entries = source._entries!;
            for (int i = 0; i < source._count; i++)
            {
                ref Entry entry = ref entries[i];
                if (entry.Next >= -1)
                {
                    AddIfNotPresent(entry.Value, out _);
                }
            }
        }
    }

    private struct Entry
    {
        /// <summary>The cached hash code of <see cref="Value"/> (0 for null).</summary>
        public int HashCode;

        /// <summary>0-based index of the next entry in the chain (-1 ends it); for a free entry, <c>StartOfFreeList - nextFree</c>.</summary>
        public int Next;

        public T Value;
    }
}

namespace System.Collections.Generic;

/// <content>The explicit interface members of <see cref="Dictionary{TKey, TValue}"/>.</content>
public partial class Dictionary<TKey, TValue>
{
    ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;

    ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;

    IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;

    IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

    bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

    void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair) =>
        Add(keyValuePair.Key, keyValuePair.Value);

    bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
    {
        int i = FindEntry(keyValuePair.Key);
        return i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries![i].Value, keyValuePair.Value);
    }

    bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
    {
        int i = FindEntry(keyValuePair.Key);
        if (i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries![i].Value, keyValuePair.Value))
        {
            Remove(keyValuePair.Key);
            return true;
        }

        return false;
    }

    void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
    {
        CheckCopyTo(array, index, Count);
        int count = _count;
        Entry[]? entries = _entries;
        for (int i = 0; i < count; i++)
        {
            if (entries![i].Next >= -1)
            {
                array[index++] = new KeyValuePair<TKey, TValue>(entries[i].Key, entries[i].Value);
            }
        }
    }

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() =>
        Count == 0 ? EmptyEnumerator<KeyValuePair<TKey, TValue>>.Instance : new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() =>
        Count == 0 ? EmptyEnumerator<KeyValuePair<TKey, TValue>>.Instance : new Enumerator(this);

    /// <summary>The argument checks of the <c>CopyTo</c> methods of the dictionary and its key and value collections.</summary>
    private static void CheckCopyTo<TElement>(TElement[] array, int index, int count)
    {
        if (array is null)
        {
            throw new ArgumentNullException(nameof(array));
        }

        if ((uint)index > (uint)array.Length)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(index), CollectionThrowHelper.IndexMustBeLessOrEqual);
        }

        if (array.Length - index < count)
        {
            throw CollectionThrowHelper.ArrayTooSmall();
        }
    }
}

namespace System.Collections.Generic;

/// <content>The live, read-only view of the keys of a <see cref="Dictionary{TKey, TValue}"/>.</content>
public partial class Dictionary<TKey, TValue>
{
    /// <summary>Represents the collection of keys in a <see cref="Dictionary{TKey, TValue}"/>; it reflects later changes of the dictionary.</summary>
    public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
    {
        private readonly Dictionary<TKey, TValue> _dictionary;

        /// <summary>Initializes a new instance that reflects the keys in the specified dictionary.</summary>
        /// <param name="dictionary">The dictionary whose keys are reflected.</param>
        /// <exception cref="ArgumentNullException"><paramref name="dictionary"/> is <see langword="null"/>.</exception>
        public KeyCollection(Dictionary<TKey, TValue> dictionary)
        {
            if (dictionary is null)
            {
                throw new ArgumentNullException(nameof(dictionary));
            }

            _dictionary = dictionary;
        }

        /// <summary>Gets the number of keys.</summary>
        public int Count => _dictionary.Count;

        bool ICollection<TKey>.IsReadOnly => true;

        /// <summary>Returns an enumerator that iterates through the keys, in the dictionary's enumeration order.</summary>
        /// <returns>A struct enumerator.</returns>
        public Enumerator GetEnumerator() => new Enumerator(_dictionary);

        /// <summary>Copies the keys to an array, starting at the specified index.</summary>
        /// <param name="array">The destination array.</param>
        /// <param name="index">The zero-based index in <paramref name="array"/> at which copying begins.</param>
        /// <exception cref="ArgumentNullException"><paramref name="array"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <paramref name="array"/>.</exception>
        /// <exception cref="ArgumentException">The destination does not have room for the keys.</exception>
        public void CopyTo(TKey[] array, int index)
        {
            CheckCopyTo(array, index, _dictionary.Count);
            int count = _dictionary._count;
            Entry[]? entries = _dictionary._entries;
            for (int i = 0; i < count; i++)
            {
                if (entries![i].Next >= -1)
                {
                    array[index++] = entries[i].Key;
                }
            }
        }

        /// <summary>Determines whether the collection contains a specific key.</summary>
        /// <param name="item">The key to locate.</param>
        /// <returns><see langword="true"/> if the dictionary contains the key; otherwise <see langword="false"/>.</returns>
        public bool Contains(TKey item) => _dictionary.ContainsKey(item);

        void ICollection<TKey>.Add(TKey item) => throw CollectionThrowHelper.KeyCollectionSet();

        void ICollection<TKey>.Clear() => throw CollectionThrowHelper.KeyCollectionSet();

        bool ICollection<TKey>.Remove(TKey item) => throw CollectionThrowHelper.KeyCollectionSet();

        IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() =>
            Count == 0 ? EmptyEnumerator<TKey>.Instance : new Enumerator(_dictionary);

        IEnumerator IEnumerable.GetEnumerator() =>
            Count == 0 ? EmptyEnumerator<TKey>.Instance : new Enumerator(_dictionary);

        /// <summary>Enumerates the keys of a <see cref="Dictionary{TKey, TValue}"/>.</summary>
        public struct Enumerator : IEnumerator<TKey>, IEnumerator
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private TKey? _currentKey;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _currentKey = default;
            }

            /// <summary>Gets the key at the current position of the enumerator.</summary>
            public readonly TKey Current => _currentKey!;

            readonly object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1)
                    {
                        throw CollectionThrowHelper.EnumerationNotStartedOrEnded();
                    }

                    return _currentKey!;
                }
            }

            /// <summary>Releases all resources used by the enumerator (none).</summary>
            public readonly void Dispose()
            {
            }

            /// <summary>Advances the enumerator to the next key.</summary>
            /// <returns><see langword="true"/> if the enumerator advanced; <see langword="false"/> if it passed the end.</returns>
            /// <exception cref="InvalidOperationException">The dictionary was modified after the enumerator was created.</exception>
            public bool MoveNext()
            {
                if (_version != _dictionary._version)
                {
                    throw CollectionThrowHelper.VersionChanged();
                }

                while ((uint)_index < (uint)_dictionary._count)
                {
                    ref Entry entry = ref _dictionary._entries![_index++];
                    if (entry.Next >= -1)
                    {
                        _currentKey = entry.Key;
                        return true;
                    }
                }

                _index = _dictionary._count + 1;
                _currentKey = default;
                return false;
            }

            void IEnumerator.Reset()
            {
                if (_version != _dictionary._version)
                {
                    throw CollectionThrowHelper.VersionChanged();
                }

                _index = 0;
                _currentKey = default;
            }
        }
    }
}

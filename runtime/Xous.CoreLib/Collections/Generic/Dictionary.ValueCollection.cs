namespace System.Collections.Generic;

/// <content>The live, read-only view of the values of a <see cref="Dictionary{TKey, TValue}"/>.</content>
public partial class Dictionary<TKey, TValue>
{
    /// <summary>Represents the collection of values in a <see cref="Dictionary{TKey, TValue}"/>; it reflects later changes of the dictionary.</summary>
    public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
    {
        private readonly Dictionary<TKey, TValue> _dictionary;

        /// <summary>Initializes a new instance that reflects the values in the specified dictionary.</summary>
        /// <param name="dictionary">The dictionary whose values are reflected.</param>
        /// <exception cref="ArgumentNullException"><paramref name="dictionary"/> is <see langword="null"/>.</exception>
        public ValueCollection(Dictionary<TKey, TValue> dictionary)
        {
            if (dictionary is null)
            {
                throw new ArgumentNullException(nameof(dictionary));
            }

            _dictionary = dictionary;
        }

        /// <summary>Gets the number of values.</summary>
        public int Count => _dictionary.Count;

        bool ICollection<TValue>.IsReadOnly => true;

        /// <summary>Returns an enumerator that iterates through the values, in the dictionary's enumeration order.</summary>
        /// <returns>A struct enumerator.</returns>
        public Enumerator GetEnumerator() => new Enumerator(_dictionary);

        /// <summary>Copies the values to an array, starting at the specified index.</summary>
        /// <param name="array">The destination array.</param>
        /// <param name="index">The zero-based index in <paramref name="array"/> at which copying begins.</param>
        /// <exception cref="ArgumentNullException"><paramref name="array"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <paramref name="array"/>.</exception>
        /// <exception cref="ArgumentException">The destination does not have room for the values.</exception>
        public void CopyTo(TValue[] array, int index)
        {
            CheckCopyTo(array, index, _dictionary.Count);
            int count = _dictionary._count;
            Entry[]? entries = _dictionary._entries;
            for (int i = 0; i < count; i++)
            {
                if (entries![i].Next >= -1)
                {
                    array[index++] = entries[i].Value;
                }
            }
        }

        void ICollection<TValue>.Add(TValue item) => throw CollectionThrowHelper.ValueCollectionSet();

        void ICollection<TValue>.Clear() => throw CollectionThrowHelper.ValueCollectionSet();

        bool ICollection<TValue>.Remove(TValue item) => throw CollectionThrowHelper.ValueCollectionSet();

        bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);

        IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() =>
            Count == 0 ? EmptyEnumerator<TValue>.Instance : new Enumerator(_dictionary);

        IEnumerator IEnumerable.GetEnumerator() =>
            Count == 0 ? EmptyEnumerator<TValue>.Instance : new Enumerator(_dictionary);

        /// <summary>Enumerates the values of a <see cref="Dictionary{TKey, TValue}"/>.</summary>
        public struct Enumerator : IEnumerator<TValue>, IEnumerator
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private TValue? _currentValue;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _currentValue = default;
            }

            /// <summary>Gets the value at the current position of the enumerator.</summary>
            public readonly TValue Current => _currentValue!;

            readonly object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1)
                    {
                        throw CollectionThrowHelper.EnumerationNotStartedOrEnded();
                    }

                    return _currentValue!;
                }
            }

            /// <summary>Releases all resources used by the enumerator (none).</summary>
            public readonly void Dispose()
            {
            }

            /// <summary>Advances the enumerator to the next value.</summary>
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
                        _currentValue = entry.Value;
                        return true;
                    }
                }

                _index = _dictionary._count + 1;
                _currentValue = default;
                return false;
            }

            void IEnumerator.Reset()
            {
                if (_version != _dictionary._version)
                {
                    throw CollectionThrowHelper.VersionChanged();
                }

                _index = 0;
                _currentValue = default;
            }
        }
    }
}

namespace System.Collections.Generic;

/// <content>The struct enumerator of <see cref="Dictionary{TKey, TValue}"/>.</content>
public partial class Dictionary<TKey, TValue>
{
    /// <summary>Enumerates the elements of a <see cref="Dictionary{TKey, TValue}"/>, in entry order.</summary>
    /// <remarks>
    /// Throws on <see cref="MoveNext"/> after an add, growth or trim; removing entries (even the current one) and
    /// clearing are allowed during enumeration, as in .NET.
    /// </remarks>
    public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>, IEnumerator
    {
        private readonly Dictionary<TKey, TValue> _dictionary;
        private readonly int _version;
        private int _index;
        private KeyValuePair<TKey, TValue> _current;

        internal Enumerator(Dictionary<TKey, TValue> dictionary)
        {
            _dictionary = dictionary;
            _version = dictionary._version;
            _index = 0;
            _current = default;
        }

        /// <summary>Gets the element at the current position of the enumerator.</summary>
        public readonly KeyValuePair<TKey, TValue> Current => _current;

        readonly object IEnumerator.Current
        {
            get
            {
                if (_index == 0 || _index == _dictionary._count + 1)
                {
                    throw CollectionThrowHelper.EnumerationNotStartedOrEnded();
                }

                return _current;
            }
        }

        /// <summary>Advances the enumerator to the next element of the dictionary.</summary>
        /// <returns><see langword="true"/> if the enumerator advanced; <see langword="false"/> if it passed the end.</returns>
        /// <exception cref="InvalidOperationException">The dictionary was modified after the enumerator was created.</exception>
        public bool MoveNext()
        {
            if (_version != _dictionary._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            // Use unsigned comparison since we set index to dictionary.count+1 when the enumeration ends.
            // dictionary.count+1 could be negative if dictionary.count is int.MaxValue
            while ((uint)_index < (uint)_dictionary._count)
            {
                ref Entry entry = ref _dictionary._entries![_index++];
                if (entry.Next >= -1)
                {
                    _current = new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
                    return true;
                }
            }

            _index = _dictionary._count + 1;
            _current = default;
            return false;
        }

        /// <summary>Releases all resources used by the enumerator (none).</summary>
        public readonly void Dispose()
        {
        }

        void IEnumerator.Reset()
        {
            if (_version != _dictionary._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            _index = 0;
            _current = default;
        }
    }
}

namespace System.Collections.Generic;

/// <content>The struct enumerator of <see cref="HashSet{T}"/>.</content>
public partial class HashSet<T>
{
    /// <summary>Enumerates the elements of a <see cref="HashSet{T}"/>, in entry order.</summary>
    /// <remarks>Throws on <see cref="MoveNext"/> after an element was added or the set was trimmed; removal and clearing are allowed, as in .NET.</remarks>
    public struct Enumerator : IEnumerator<T>, IEnumerator
    {
        private readonly HashSet<T> _hashSet;
        private readonly int _version;
        private int _index;
        private T _current;

        internal Enumerator(HashSet<T> hashSet)
        {
            _hashSet = hashSet;
            _version = hashSet._version;
            _index = 0;
            _current = default!;
        }

        /// <summary>Gets the element at the current position of the enumerator.</summary>
        public readonly T Current => _current;

        readonly object IEnumerator.Current
        {
            get
            {
                if (_index == 0 || _index == _hashSet._count + 1)
                {
                    throw CollectionThrowHelper.EnumerationNotStartedOrEnded();
                }

                return _current!;
            }
        }

        /// <summary>Advances the enumerator to the next element of the set.</summary>
        /// <returns><see langword="true"/> if the enumerator advanced; <see langword="false"/> if it passed the end.</returns>
        /// <exception cref="InvalidOperationException">An element was added after the enumerator was created.</exception>
        public bool MoveNext()
        {
            if (_version != _hashSet._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            // Use unsigned comparison since we set index to _hashSet._count + 1 when the enumeration ends.
            while ((uint)_index < (uint)_hashSet._count)
            {
                ref Entry entry = ref _hashSet._entries![_index++];
                if (entry.Next >= -1)
                {
                    _current = entry.Value;
                    return true;
                }
            }

            _index = _hashSet._count + 1;
            _current = default!;
            return false;
        }

        /// <summary>Releases all resources used by the enumerator (none).</summary>
        public readonly void Dispose()
        {
        }

        void IEnumerator.Reset()
        {
            if (_version != _hashSet._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            _index = 0;
            _current = default!;
        }
    }
}

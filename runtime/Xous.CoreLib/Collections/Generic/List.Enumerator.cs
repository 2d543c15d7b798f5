namespace System.Collections.Generic;

/// <content>The struct enumerator of <see cref="List{T}"/>.</content>
public partial class List<T>
{
    /// <summary>Enumerates the elements of a <see cref="List{T}"/>.</summary>
    /// <remarks>
    /// <see cref="Current"/> is the default value before the first and after the last <see cref="MoveNext"/>;
    /// the non-generic <see cref="IEnumerator.Current"/> throws there instead. Both as in .NET.
    /// </remarks>
    public struct Enumerator : IEnumerator<T>, IEnumerator
    {
        private readonly List<T> _list;
        private readonly int _version;
        private int _index;
        private T? _current;

        internal Enumerator(List<T> list)
        {
            _list = list;
            _index = 0;
            _version = list._version;
            _current = default;
        }

        /// <summary>Gets the element at the current position of the enumerator.</summary>
        public readonly T Current => _current!;

        readonly object IEnumerator.Current
        {
            get
            {
                if (_index == 0 || _index == _list._size + 1)
                {
                    throw CollectionThrowHelper.EnumerationNotStartedOrEnded();
                }

                return _current!;
            }
        }

        /// <summary>Releases all resources used by the enumerator (none).</summary>
        public readonly void Dispose()
        {
        }

        /// <summary>Advances the enumerator to the next element of the list.</summary>
        /// <returns><see langword="true"/> if the enumerator advanced; <see langword="false"/> if it passed the end.</returns>
        /// <exception cref="InvalidOperationException">The list was modified after the enumerator was created.</exception>
        public bool MoveNext()
        {
            List<T> localList = _list;
            if (_version == localList._version && (uint)_index < (uint)localList._size)
            {
                _current = localList._items[_index];
                _index++;
                return true;
            }

            if (_version != _list._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            _index = _list._size + 1;
            _current = default;
            return false;
        }

        void IEnumerator.Reset()
        {
            if (_version != _list._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            _index = 0;
            _current = default;
        }
    }
}

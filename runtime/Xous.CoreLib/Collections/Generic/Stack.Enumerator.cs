namespace System.Collections.Generic;

/// <content>The struct enumerator of <see cref="Stack{T}"/>.</content>
public partial class Stack<T>
{
    /// <summary>Enumerates the elements of a <see cref="Stack{T}"/>, top first.</summary>
    /// <remarks>As in .NET 10, <see cref="Current"/> never throws; <see cref="Dispose"/> ends the enumeration but keeps <see cref="Current"/>.</remarks>
    public struct Enumerator : IEnumerator<T>, IEnumerator
    {
        private readonly Stack<T> _stack;
        private readonly int _version;
        private int _index; // -2 = not started, -1 = ended
        private T? _currentElement;

        internal Enumerator(Stack<T> stack)
        {
            _stack = stack;
            _version = stack._version;
            _index = -2;
            _currentElement = default;
        }

        /// <summary>Gets the element at the current position of the enumerator.</summary>
        public readonly T Current => _currentElement!;

        readonly object IEnumerator.Current => _currentElement!;

        /// <summary>Ends the enumeration.</summary>
        public void Dispose()
        {
            _index = -1;
        }

        /// <summary>Advances the enumerator to the next element of the stack.</summary>
        /// <returns><see langword="true"/> if the enumerator advanced; <see langword="false"/> if it passed the end.</returns>
        /// <exception cref="InvalidOperationException">The stack was modified after the enumerator was created.</exception>
        public bool MoveNext()
        {
            bool retval;
            if (_version != _stack._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            if (_index == -2)
            {
                // First call to enumerator.
                _index = _stack._size - 1;
                retval = _index >= 0;
                if (retval)
                {
                    _currentElement = _stack._array[_index];
                }

                return retval;
            }

            if (_index == -1)
            {
                // End of enumeration.
                return false;
            }

            retval = --_index >= 0;
            _currentElement = retval ? _stack._array[_index] : default;
            return retval;
        }

        void IEnumerator.Reset()
        {
            if (_version != _stack._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            _index = -2;
            _currentElement = default;
        }
    }
}

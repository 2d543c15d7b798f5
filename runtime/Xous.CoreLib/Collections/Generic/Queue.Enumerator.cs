namespace System.Collections.Generic;

/// <content>The struct enumerator of <see cref="Queue{T}"/>.</content>
public partial class Queue<T>
{
    /// <summary>Enumerates the elements of a <see cref="Queue{T}"/>, oldest first.</summary>
    /// <remarks>
    /// As in .NET 10, <see cref="Current"/> (generic or not) never throws: it is the default value before the first
    /// and after the last element. <see cref="Dispose"/> ends the enumeration.
    /// </remarks>
    public struct Enumerator : IEnumerator<T>, IEnumerator
    {
        private readonly Queue<T> _queue;
        private readonly int _version;
        private int _index; // -1 = not started, -2 = ended/disposed
        private T? _currentElement;

        internal Enumerator(Queue<T> queue)
        {
            _queue = queue;
            _version = queue._version;
            _index = -1;
            _currentElement = default;
        }

        /// <summary>Gets the element at the current position of the enumerator.</summary>
        public readonly T Current => _currentElement!;

        readonly object IEnumerator.Current => _currentElement!;

        /// <summary>Ends the enumeration.</summary>
        public void Dispose()
        {
            _index = -2;
            _currentElement = default;
        }

        /// <summary>Advances the enumerator to the next element of the queue.</summary>
        /// <returns><see langword="true"/> if the enumerator advanced; <see langword="false"/> if it passed the end.</returns>
        /// <exception cref="InvalidOperationException">The queue was modified after the enumerator was created.</exception>
        public bool MoveNext()
        {
            if (_version != _queue._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            if (_index == -2)
            {
                return false;
            }

            _index++;

            if (_index == _queue._size)
            {
                // We've run past the last element.
                _index = -2;
                _currentElement = default;
                return false;
            }

            // Cache some fields in locals to decrease code size.
            T[] array = _queue._array;
            uint capacity = (uint)array.Length;

            // _index represents the 0-based index into the queue, however the queue doesn't have to start from 0
            // and it may not even be stored contiguously in memory.
            uint arrayIndex = (uint)(_queue._head + _index); // this is the actual index into the queue's backing array
            if (arrayIndex >= capacity)
            {
                // NOTE: Originally we were using the modulo operator here, however on Intel processors it has a very
                // high instruction latency which was slowing down the loop quite a bit; a subtraction suffices.
                arrayIndex -= capacity; // wrap around if needed
            }

            _currentElement = array[arrayIndex];
            return true;
        }

        void IEnumerator.Reset()
        {
            if (_version != _queue._version)
            {
                throw CollectionThrowHelper.VersionChanged();
            }

            _index = -1;
            _currentElement = default;
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>Represents a first-in, first-out collection of objects.</summary>
/// <typeparam name="T">The type of elements in the queue.</typeparam>
/// <remarks>
/// <para>
/// A circular buffer, as in .NET: <c>_head</c> is the next element to dequeue, <c>_tail</c> the next free slot.
/// Growth is .NET's: double, but by at least 4, so <see cref="Capacity"/> matches .NET's. Like .NET's queue (and
/// unlike its list), growing and trimming also invalidate enumerators.
/// </para>
/// <para>As in .NET, the queue implements <see cref="IReadOnlyCollection{T}"/> but not <see cref="ICollection{T}"/>; the non-generic <c>ICollection</c> is omitted.</para>
/// </remarks>
public partial class Queue<T> : IEnumerable<T>, IReadOnlyCollection<T>
{
    private const int GrowFactor = 2;
    private const int MinimumGrow = 4;

    private T[] _array;
    private int _head; // The index from which to dequeue if the queue isn't empty.
    private int _tail; // The index at which to enqueue if the queue isn't full.
    private int _size; // Number of elements.
    private int _version;

    /// <summary>Initializes a new, empty instance with capacity zero.</summary>
    public Queue()
    {
        _array = Array.Empty<T>();
    }

    /// <summary>Initializes a new, empty instance with the specified initial capacity.</summary>
    /// <param name="capacity">The initial number of elements the queue can contain.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public Queue(int capacity)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        _array = new T[capacity];
    }

    /// <summary>Initializes a new instance that contains the elements of <paramref name="collection"/>, in its order.</summary>
    /// <param name="collection">The elements to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    public Queue(IEnumerable<T> collection)
    {
        if (collection is null)
        {
            throw new ArgumentNullException(nameof(collection));
        }

        _array = EnumerableHelpers.ToArray(collection, out _size);
        if (_size != _array.Length)
        {
            _tail = _size;
        }
    }

    /// <summary>Gets the number of elements contained in the queue.</summary>
    public int Count => _size;

    /// <summary>Gets the total number of elements the internal data structure can hold without resizing.</summary>
    public int Capacity => _array.Length;

    /// <summary>Removes all objects from the queue; the capacity is unchanged.</summary>
    public void Clear()
    {
        if (_size != 0)
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                if (_head < _tail)
                {
                    Array.Clear(_array, _head, _size);
                }
                else
                {
                    Array.Clear(_array, _head, _array.Length - _head);
                    Array.Clear(_array, 0, _tail);
                }
            }

            _size = 0;
        }

        _head = 0;
        _tail = 0;
        _version++;
    }

    /// <summary>Copies the elements, oldest first, to an array starting at the specified index.</summary>
    /// <param name="array">The destination array.</param>
    /// <param name="arrayIndex">The zero-based index in <paramref name="array"/> at which copying begins.</param>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="arrayIndex"/> is outside <paramref name="array"/>.</exception>
    /// <exception cref="ArgumentException">The destination does not have room for the elements.</exception>
    public void CopyTo(T[] array, int arrayIndex)
    {
        if (array is null)
        {
            throw new ArgumentNullException(nameof(array));
        }

        if ((uint)arrayIndex > (uint)array.Length)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(arrayIndex), CollectionThrowHelper.IndexMustBeLessOrEqual);
        }

        if (array.Length - arrayIndex < _size)
        {
            throw CollectionThrowHelper.InvalidOffsetLengthArgument();
        }

        int numToCopy = _size;
        if (numToCopy == 0)
        {
            return;
        }

        int firstPart = Math.Min(_array.Length - _head, numToCopy);
        Array.Copy(_array, _head, array, arrayIndex, firstPart);
        numToCopy -= firstPart;
        if (numToCopy > 0)
        {
            Array.Copy(_array, 0, array, arrayIndex + _array.Length - _head, numToCopy);
        }
    }

    /// <summary>Adds an object to the end of the queue.</summary>
    /// <param name="item">The object to add.</param>
    public void Enqueue(T item)
    {
        if (_size == _array.Length)
        {
            Grow(_size + 1);
        }

        _array[_tail] = item;
        MoveNext(ref _tail);
        _size++;
        _version++;
    }

    /// <summary>Removes and returns the object at the beginning of the queue.</summary>
    /// <returns>The object removed from the beginning of the queue.</returns>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public T Dequeue()
    {
        if (_size == 0)
        {
            throw CollectionThrowHelper.EmptyQueue();
        }

        return DequeueCore();
    }

    /// <summary>Removes the object at the beginning of the queue, if there is one.</summary>
    /// <param name="result">The removed object, or the default value of <typeparamref name="T"/>.</param>
    /// <returns><see langword="true"/> if an object was removed; <see langword="false"/> if the queue is empty.</returns>
    public bool TryDequeue([MaybeNullWhen(false)] out T result)
    {
        if (_size == 0)
        {
            result = default;
            return false;
        }

        result = DequeueCore();
        return true;
    }

    /// <summary>Returns the object at the beginning of the queue without removing it.</summary>
    /// <returns>The object at the beginning of the queue.</returns>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public T Peek()
    {
        if (_size == 0)
        {
            throw CollectionThrowHelper.EmptyQueue();
        }

        return _array[_head];
    }

    /// <summary>Returns the object at the beginning of the queue without removing it, if there is one.</summary>
    /// <param name="result">The object at the beginning, or the default value of <typeparamref name="T"/>.</param>
    /// <returns><see langword="true"/> if there is an object; <see langword="false"/> if the queue is empty.</returns>
    public bool TryPeek([MaybeNullWhen(false)] out T result)
    {
        if (_size == 0)
        {
            result = default;
            return false;
        }

        result = _array[_head];
        return true;
    }

    /// <summary>Determines whether an element is in the queue (<see cref="EqualityComparer{T}.Default"/>).</summary>
    /// <param name="item">The object to locate.</param>
    /// <returns><see langword="true"/> if <paramref name="item"/> is found; otherwise <see langword="false"/>.</returns>
    public bool Contains(T item)
    {
        if (_size == 0)
        {
            return false;
        }

        if (_head < _tail)
        {
            return IndexOf(item, _head, _size) >= 0;
        }

        // The elements wrap around the end of the array.
        return IndexOf(item, _head, _array.Length - _head) >= 0 || IndexOf(item, 0, _tail) >= 0;
    }

    /// <summary>Copies the elements, oldest first, to a new array.</summary>
    /// <returns>A new array containing the elements.</returns>
    public T[] ToArray()
    {
        if (_size == 0)
        {
            return Array.Empty<T>();
        }

        T[] arr = new T[_size];
        CopyTo(arr, 0);
        return arr;
    }

    /// <summary>Sets the capacity to the number of elements, if that is less than 90 % of the current capacity.</summary>
    public void TrimExcess()
    {
        if (_size < CollectionLimits.TrimThreshold(_array.Length))
        {
            SetCapacity(_size);
        }
    }

    /// <summary>Sets the capacity to <paramref name="capacity"/>.</summary>
    /// <param name="capacity">The new capacity.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative or less than <see cref="Count"/>.</exception>
    public void TrimExcess(int capacity)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        if (capacity < _size)
        {
            throw CollectionThrowHelper.OutOfRange(nameof(capacity), CollectionThrowHelper.CapacityLessThanSize);
        }

        if (capacity == _array.Length)
        {
            return;
        }

        SetCapacity(capacity);
    }

    /// <summary>Ensures that the capacity of this queue is at least <paramref name="capacity"/>.</summary>
    /// <param name="capacity">The minimum capacity to ensure.</param>
    /// <returns>The new capacity of this queue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public int EnsureCapacity(int capacity)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        if (_array.Length < capacity)
        {
            Grow(capacity);
        }

        return _array.Length;
    }

    /// <summary>Returns an enumerator that iterates through the queue, oldest first.</summary>
    /// <returns>A struct enumerator; <c>foreach</c> over a <see cref="Queue{T}"/> does not allocate.</returns>
    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() =>
        _size == 0 ? EmptyEnumerator<T>.Instance : new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() =>
        _size == 0 ? EmptyEnumerator<T>.Instance : new Enumerator(this);

    private T DequeueCore()
    {
        T removed = _array[_head];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _array[_head] = default!;
        }

        MoveNext(ref _head);
        _size--;
        _version++;
        return removed;
    }

    private int IndexOf(T item, int start, int count)
    {
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        int end = start + count;
        for (int i = start; i < end; i++)
        {
            if (comparer.Equals(_array[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    // Moves the elements to a new array of capacity, oldest at index 0.
    private void SetCapacity(int capacity)
    {
        T[] newArray = new T[capacity];
        if (_size > 0)
        {
            CopyTo(newArray, 0);
        }

        _array = newArray;
        _head = 0;
        _tail = (_size == capacity) ? 0 : _size;
        _version++;
    }

    // Increments the index wrapping it if necessary.
    private void MoveNext(ref int index)
    {
        // It is tempting to use the remainder operator here but it is actually much slower
        // than a simple comparison and a rarely taken branch.
        int tmp = index + 1;
        if (tmp == _array.Length)
        {
            tmp = 0;
        }

        index = tmp;
    }

    private void Grow(int capacity)
    {
        int newCapacity = GrowFactor * _array.Length;

        // Allow the queue to grow to maximum possible capacity before encountering overflow.
        if ((uint)newCapacity > CollectionLimits.MaxArrayLength)
        {
            newCapacity = CollectionLimits.MaxArrayLength;
        }

        // Ensure minimum growth is respected. If the resulting capacity is still less than the requested one, use that.
        newCapacity = Math.Max(newCapacity, _array.Length + MinimumGrow);
        if (newCapacity < capacity)
        {
            newCapacity = capacity;
        }

        SetCapacity(newCapacity);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>Represents a variable size last-in-first-out (LIFO) collection of instances of the same specified type.</summary>
/// <typeparam name="T">The type of elements in the stack.</typeparam>
/// <remarks>
/// <para>
/// An array with the top at <c>_size - 1</c>, grown as .NET grows it (4, then doubling), so <see cref="Capacity"/>
/// matches .NET's. As in .NET, growing and trimming do not invalidate enumerators; pushing, popping and clearing do.
/// </para>
/// <para>As in .NET, the stack implements <see cref="IReadOnlyCollection{T}"/> but not <see cref="ICollection{T}"/>; the non-generic <c>ICollection</c> is omitted.</para>
/// </remarks>
public partial class Stack<T> : IEnumerable<T>, IReadOnlyCollection<T>
{
    private T[] _array; // Storage for stack elements; the top is at _size - 1.
    private int _size; // Number of items in the stack.
    private int _version; // Used to keep enumerator in sync w/ collection.

    /// <summary>Initializes a new, empty instance with capacity zero.</summary>
    public Stack()
    {
        _array = Array.Empty<T>();
    }

    /// <summary>Initializes a new, empty instance with the specified initial capacity.</summary>
    /// <param name="capacity">The initial number of elements the stack can contain.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 0.</exception>
    public Stack(int capacity)
    {
        if (capacity < 0)
        {
            throw CollectionThrowHelper.NegativeNumber(nameof(capacity));
        }

        _array = new T[capacity];
    }

    /// <summary>Initializes a new instance holding the elements of <paramref name="collection"/>, pushed in its order (the last one on top).</summary>
    /// <param name="collection">The elements to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is <see langword="null"/>.</exception>
    public Stack(IEnumerable<T> collection)
    {
        if (collection is null)
        {
            throw new ArgumentNullException(nameof(collection));
        }

        _array = EnumerableHelpers.ToArray(collection, out _size);
    }

    /// <summary>Gets the number of elements contained in the stack.</summary>
    public int Count => _size;

    /// <summary>Gets the total number of elements the internal data structure can hold without resizing.</summary>
    public int Capacity => _array.Length;

    /// <summary>Removes all objects from the stack; the capacity is unchanged.</summary>
    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_array, 0, _size); // Don't need to doc this but we clear the elements so that the gc can reclaim the references.
        }

        _size = 0;
        _version++;
    }

    /// <summary>Determines whether an element is in the stack (<see cref="EqualityComparer{T}.Default"/>).</summary>
    /// <param name="item">The object to locate.</param>
    /// <returns><see langword="true"/> if <paramref name="item"/> is found; otherwise <see langword="false"/>.</returns>
    public bool Contains(T item)
    {
        // Compare items using the default equality comparer, searching from the top as .NET does.
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = _size - 1; i >= 0; i--)
        {
            if (comparer.Equals(_array[i], item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Copies the elements, top first, to an array starting at the specified index.</summary>
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

        int srcIndex = 0;
        int dstIndex = arrayIndex + _size;
        while (srcIndex < _size)
        {
            array[--dstIndex] = _array[srcIndex++];
        }
    }

    /// <summary>Returns the object at the top of the stack without removing it.</summary>
    /// <returns>The object at the top of the stack.</returns>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public T Peek()
    {
        int size = _size - 1;
        T[] array = _array;

        if ((uint)size >= (uint)array.Length)
        {
            throw CollectionThrowHelper.EmptyStack();
        }

        return array[size];
    }

    /// <summary>Returns the object at the top of the stack without removing it, if there is one.</summary>
    /// <param name="result">The object at the top, or the default value of <typeparamref name="T"/>.</param>
    /// <returns><see langword="true"/> if there is an object; <see langword="false"/> if the stack is empty.</returns>
    public bool TryPeek([MaybeNullWhen(false)] out T result)
    {
        int size = _size - 1;
        T[] array = _array;

        if ((uint)size >= (uint)array.Length)
        {
            result = default;
            return false;
        }

        result = array[size];
        return true;
    }

    /// <summary>Removes and returns the object at the top of the stack.</summary>
    /// <returns>The object removed from the top of the stack.</returns>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public T Pop()
    {
        int size = _size - 1;
        T[] array = _array;

        // if (_size == 0) is equivalent to if (size == -1), and this case is covered with (uint)size, thus allowing
        // bounds check elimination.
        if ((uint)size >= (uint)array.Length)
        {
            throw CollectionThrowHelper.EmptyStack();
        }

        _version++;
        _size = size;
        T item = array[size];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            array[size] = default!; // Free memory quicker.
        }

        return item;
    }

    /// <summary>Removes the object at the top of the stack, if there is one.</summary>
    /// <param name="result">The removed object, or the default value of <typeparamref name="T"/>.</param>
    /// <returns><see langword="true"/> if an object was removed; <see langword="false"/> if the stack is empty.</returns>
    public bool TryPop([MaybeNullWhen(false)] out T result)
    {
        int size = _size - 1;
        T[] array = _array;

        if ((uint)size >= (uint)array.Length)
        {
            result = default;
            return false;
        }

        _version++;
        _size = size;
        result = array[size];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            array[size] = default!;
        }

        return true;
    }

    /// <summary>Inserts an object at the top of the stack.</summary>
    /// <param name="item">The object to push.</param>
    public void Push(T item)
    {
        int size = _size;
        T[] array = _array;

        if ((uint)size < (uint)array.Length)
        {
            array[size] = item;
            _version++;
            _size = size + 1;
        }
        else
        {
            Grow(_size + 1);
            _array[_size] = item;
            _version++;
            _size++;
        }
    }

    /// <summary>Copies the elements, top first, to a new array.</summary>
    /// <returns>A new array containing the elements.</returns>
    public T[] ToArray()
    {
        if (_size == 0)
        {
            return Array.Empty<T>();
        }

        T[] objArray = new T[_size];
        int i = 0;
        while (i < _size)
        {
            objArray[i] = _array[_size - i - 1];
            i++;
        }

        return objArray;
    }

    /// <summary>Sets the capacity to the number of elements, if that is less than 90 % of the current capacity.</summary>
    public void TrimExcess()
    {
        if (_size < CollectionLimits.TrimThreshold(_array.Length))
        {
            Array.Resize(ref _array, _size);
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

        Array.Resize(ref _array, capacity);
    }

    /// <summary>Ensures that the capacity of this stack is at least <paramref name="capacity"/>.</summary>
    /// <param name="capacity">The minimum capacity to ensure.</param>
    /// <returns>The new capacity of this stack.</returns>
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

    /// <summary>Returns an enumerator that iterates through the stack, top first.</summary>
    /// <returns>A struct enumerator; <c>foreach</c> over a <see cref="Stack{T}"/> does not allocate.</returns>
    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() =>
        _size == 0 ? EmptyEnumerator<T>.Instance : new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() =>
        _size == 0 ? EmptyEnumerator<T>.Instance : new Enumerator(this);

    private void Grow(int capacity)
    {
        int newCapacity = _array.Length == 0 ? CollectionLimits.DefaultCapacity : 2 * _array.Length;

        // Allow the stack to grow to maximum possible capacity before encountering overflow.
        if ((uint)newCapacity > CollectionLimits.MaxArrayLength)
        {
            newCapacity = CollectionLimits.MaxArrayLength;
        }

        // If computed capacity is still less than specified, set to the original argument.
        if (newCapacity < capacity)
        {
            newCapacity = capacity;
        }

        Array.Resize(ref _array, newCapacity);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>A read-only contiguous region of memory: a reference to its first element and a length.</summary>
public readonly ref struct ReadOnlySpan<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    public ReadOnlySpan(T[]? array)
    {
        if (array == null)
        {
            this = default;
            return;
        }

        _reference = ref MemoryMarshal.GetArrayDataReference(array);
        _length = array.Length;
    }

    public ReadOnlySpan(T[]? array, int start, int length)
    {
        if (array == null)
        {
            if (start != 0 || length != 0)
            {
                ThrowHelper.ThrowArgumentOutOfRangeException();
            }

            this = default;
            return;
        }

        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        _reference = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)start);
        _length = length;
    }

    public unsafe ReadOnlySpan(void* pointer, int length)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        if (length < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    public ReadOnlySpan(ref readonly T reference)
    {
        _reference = ref Unsafe.AsRef(in reference);
        _length = 1;
    }

    internal ReadOnlySpan(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public ref readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length)
            {
                ThrowHelper.ThrowIndexOutOfRangeException();
            }

            return ref Unsafe.Add(ref _reference, (nint)(uint)index);
        }
    }

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public static ReadOnlySpan<T> Empty => default;

    public static bool operator !=(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => !(left == right);

    /// <summary>True when both spans have the same length and start at the same address.</summary>
    public static bool operator ==(ReadOnlySpan<T> left, ReadOnlySpan<T> right) =>
        left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

#pragma warning disable CS0809 // Obsolete member overrides non-obsolete member (as in .NET: spans cannot be boxed)
    [Obsolete("Equals() on ReadOnlySpan will always throw an exception. Use the equality operator instead.")]
    public override bool Equals(object? obj) => throw new NotSupportedException("Equals() on Span and ReadOnlySpan is not supported. Use operator== instead.");

    [Obsolete("GetHashCode() on ReadOnlySpan will always throw an exception.")]
    public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on Span and ReadOnlySpan is not supported.");

#pragma warning restore CS0809

    public static implicit operator ReadOnlySpan<T>(T[]? array) => new ReadOnlySpan<T>(array);

    public Enumerator GetEnumerator() => new Enumerator(this);

    /// <summary>A reference to element 0, or a null reference for an empty span (for <c>fixed</c>).</summary>
    public ref readonly T GetPinnableReference()
    {
        ref T ret = ref Unsafe.NullRef<T>();
        if (_length != 0)
        {
            ret = ref _reference;
        }

        return ref ret;
    }

    public void CopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
        {
            ThrowHelper.ThrowArgumentException_DestinationTooShort();
        }

        SpanHelpers.Memmove(ref destination._reference, ref _reference, (uint)_length);
    }

    public bool TryCopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
        {
            return false;
        }

        SpanHelpers.Memmove(ref destination._reference, ref _reference, (uint)_length);
        return true;
    }

    public ReadOnlySpan<T> Slice(int start)
    {
        if ((uint)start > (uint)_length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
    }

    public ReadOnlySpan<T> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
    }

    public T[] ToArray()
    {
        if (_length == 0)
        {
            return Array.Empty<T>();
        }

        var destination = new T[_length];
        SpanHelpers.Memmove(ref MemoryMarshal.GetArrayDataReference(destination), ref _reference, (uint)_length);
        return destination;
    }

    /// <summary>Enumerates the elements of a <see cref="ReadOnlySpan{T}"/> by reference.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<T> _span;
        private int _index;

        internal Enumerator(ReadOnlySpan<T> span)
        {
            _span = span;
            _index = -1;
        }

        public bool MoveNext()
        {
            int index = _index + 1;
            if (index < _span.Length)
            {
                _index = index;
                return true;
            }

            return false;
        }

        public ref readonly T Current => ref _span[_index];
    }
}

using System.Collections;
using System.Collections.Generic;

namespace System;

/// <summary>
/// The generic collection interfaces of <c>T[]</c> (IList&lt;T&gt;, ICollection&lt;T&gt;, IEnumerable&lt;T&gt;,
/// IReadOnlyList&lt;T&gt;, IReadOnlyCollection&lt;T&gt; and IEnumerable), which the C# compiler gives every array and the
/// runtime must implement. tools/ilcompiler puts these methods in an array type's interface map: each takes the array
/// as its first argument, in the place of <c>this</c>, and is named <c>Interface_Method</c> (the interface's metadata
/// name without the arity tick: <c>IList1_get_Item</c> implements <c>IList`1.get_Item</c>). Behaviour and messages
/// follow .NET's SZArrayHelper: the size-changing members throw NotSupportedException.
/// </summary>
internal static class ArrayInterfaceMethods<T>
{
    private const string FixedSize = "Collection was of a fixed size.";

    internal static IEnumerator<T> IEnumerable1_GetEnumerator(T[] array) => new ArrayEnumerator<T>(array);

    internal static IEnumerator IEnumerable_GetEnumerator(T[] array) => new ArrayEnumerator<T>(array);

    internal static int ICollection1_get_Count(T[] array) => array.Length;

    internal static bool ICollection1_get_IsReadOnly(T[] array) => true;

    internal static void ICollection1_Add(T[] array, T item) => throw new NotSupportedException(FixedSize);

    internal static void ICollection1_Clear(T[] array) => throw new NotSupportedException(FixedSize);

    internal static bool ICollection1_Contains(T[] array, T item) => Array.IndexOf(array, item) >= 0;

    internal static void ICollection1_CopyTo(T[] array, T[] destination, int index) => Array.Copy(array, 0, destination, index, array.Length);

    internal static bool ICollection1_Remove(T[] array, T item) => throw new NotSupportedException(FixedSize);

    internal static T IList1_get_Item(T[] array, int index) => array[index];

    internal static void IList1_set_Item(T[] array, int index, T value) => array[index] = value;

    internal static int IList1_IndexOf(T[] array, T item) => Array.IndexOf(array, item);

    internal static void IList1_Insert(T[] array, int index, T item) => throw new NotSupportedException(FixedSize);

    internal static void IList1_RemoveAt(T[] array, int index) => throw new NotSupportedException(FixedSize);

    internal static int IReadOnlyCollection1_get_Count(T[] array) => array.Length;

    internal static T IReadOnlyList1_get_Item(T[] array, int index) => array[index];
}

/// <summary>The enumerator of an array seen through its generic interfaces (.NET's SZGenericArrayEnumerator).</summary>
internal sealed class ArrayEnumerator<T> : IEnumerator<T>
{
    private readonly T[] _array;
    private int _index;

    internal ArrayEnumerator(T[] array)
    {
        _array = array;
        _index = -1;
    }

    public T Current
    {
        get
        {
            if ((uint)_index >= (uint)_array.Length)
            {
                throw new InvalidOperationException(_index < 0 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
            }

            return _array[_index];
        }
    }

    object IEnumerator.Current => Current!;

    public bool MoveNext()
    {
        if (_index < _array.Length)
        {
            _index++;
        }

        return _index < _array.Length;
    }

    public void Reset() => _index = -1;

    public void Dispose()
    {
    }
}

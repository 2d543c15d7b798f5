using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>
/// The base class of arrays. The device has single-dimensional, zero-based arrays only; their layout is the
/// object header, an int32 length, then the elements (docs/device-profile.md). The C# compiler gives every
/// <c>T[]</c> the generic list interfaces; tools/ilcompiler implements them for arrays.
/// </summary>
public abstract class Array
{
    private protected Array()
    {
    }

    public int Length => Unsafe.As<RawArrayData>(this).Length;

    public long LongLength => Length;

    public int Rank => 1;

    /// <summary>The largest number of elements an array may have (the same constant as .NET's).</summary>
    public static int MaxLength => 0x7FFFFFC7;

    public static T[] Empty<T>() => EmptyArray<T>.Value;

    public static void Clear(Array array)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        nuint byteCount = (nuint)(uint)array.Length * (nuint)(uint)DeviceRuntime.GetArrayElementSize(array);
        SpanHelpers.ClearBytes(ref MemoryMarshal.GetArrayDataReference(array), byteCount);
    }

    public static void Clear(Array array, int index, int length)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        if (index < 0 || length < 0 || (uint)(index + length) > (uint)array.Length)
        {
            ThrowHelper.ThrowIndexOutOfRangeException();
        }

        nuint elementSize = (nuint)(uint)DeviceRuntime.GetArrayElementSize(array);
        ref byte start = ref Unsafe.AddByteOffset(ref MemoryMarshal.GetArrayDataReference(array), (nuint)(uint)index * elementSize);
        SpanHelpers.ClearBytes(ref start, (nuint)(uint)length * elementSize);
    }

    public static void Copy(Array sourceArray, Array destinationArray, int length) =>
        Copy(sourceArray, 0, destinationArray, 0, length);

    /// <summary>
    /// Copies elements between arrays, as .NET does: arrays of one type are copied as memory (overlap allowed);
    /// arrays of different types are converted element by element by the runtime.
    /// </summary>
    public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
    {
        if (sourceArray == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(sourceArray));
        }

        if (destinationArray == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(destinationArray));
        }

        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(length), length, SR.Format(SR.ArgumentOutOfRange_Generic_MustBeNonNegative, nameof(length), length.ToString()));
        }

        if (sourceIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex), SR.ArgumentOutOfRange_ArrayLB);
        }

        if (destinationIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(destinationIndex), SR.ArgumentOutOfRange_ArrayLB);
        }

        if ((uint)(sourceIndex + length) > (uint)sourceArray.Length)
        {
            throw new ArgumentException(SR.Arg_LongerThanSrcArray, nameof(sourceArray));
        }

        if ((uint)(destinationIndex + length) > (uint)destinationArray.Length)
        {
            throw new ArgumentException(SR.Arg_LongerThanDestArray, nameof(destinationArray));
        }

        if (DeviceRuntime.HaveSameType(sourceArray, destinationArray))
        {
            nuint elementSize = (nuint)(uint)DeviceRuntime.GetArrayElementSize(sourceArray);
            SpanHelpers.MemmoveBytes(
                ref Unsafe.AddByteOffset(ref MemoryMarshal.GetArrayDataReference(destinationArray), (nuint)(uint)destinationIndex * elementSize),
                ref Unsafe.AddByteOffset(ref MemoryMarshal.GetArrayDataReference(sourceArray), (nuint)(uint)sourceIndex * elementSize),
                (nuint)(uint)length * elementSize);
            return;
        }

        DeviceRuntime.CopyArrayConverting(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
    }

    public static void Fill<T>(T[] array, T value)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        if (default(T) is null && !DeviceRuntime.HaveSameType(array, Empty<T>()))
        {
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = value;
            }
        }
        else
        {
            new Span<T>(array).Fill(value);
        }
    }

    public static void Fill<T>(T[] array, T value, int startIndex, int count)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        if ((uint)startIndex > (uint)array.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_IndexMustBeLessOrEqual);
        }

        if ((uint)count > (uint)(array.Length - startIndex))
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(count), SR.ArgumentOutOfRange_Count);
        }

        if (default(T) is null && !DeviceRuntime.HaveSameType(array, Empty<T>()))
        {
            for (int i = startIndex; i < startIndex + count; i++)
            {
                array[i] = value;
            }
        }
        else
        {
            new Span<T>(array, startIndex, count).Fill(value);
        }
    }

    public static int IndexOf<T>(T[] array, T value)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        return IndexOfCore(array, value, 0, array.Length);
    }

    public static int IndexOf<T>(T[] array, T value, int startIndex)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        return IndexOf(array, value, startIndex, array.Length - startIndex);
    }

    public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        if ((uint)startIndex > (uint)array.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_IndexMustBeLessOrEqual);
        }

        if ((uint)count > (uint)(array.Length - startIndex))
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(count), SR.ArgumentOutOfRange_Count);
        }

        return IndexOfCore(array, value, startIndex, count);
    }

    private static int IndexOfCore<T>(T[] array, T value, int startIndex, int count)
    {
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        int end = startIndex + count;
        for (int i = startIndex; i < end; i++)
        {
            if (comparer.Equals(array[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    public static int LastIndexOf<T>(T[] array, T value)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        return LastIndexOf(array, value, array.Length - 1, array.Length);
    }

    public static int LastIndexOf<T>(T[] array, T value, int startIndex)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        // If array is empty and startIndex is 0, we need to pass 0 as count.
        return LastIndexOf(array, value, startIndex, (array.Length == 0) ? 0 : (startIndex + 1));
    }

    public static int LastIndexOf<T>(T[] array, T value, int startIndex, int count)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        if (array.Length == 0)
        {
            // Special case for 0 length List: accept -1 and 0 as valid startIndex, as .NET does.
            if (startIndex != -1 && startIndex != 0)
            {
                ThrowHelper.ThrowArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_IndexMustBeLess);
            }

            if (count != 0)
            {
                ThrowHelper.ThrowArgumentOutOfRangeException(nameof(count), SR.ArgumentOutOfRange_Count);
            }

            return -1;
        }

        if ((uint)startIndex >= (uint)array.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_IndexMustBeLess);
        }

        if (count < 0 || startIndex - count + 1 < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(count), SR.ArgumentOutOfRange_Count);
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        int end = startIndex - count + 1;
        for (int i = startIndex; i >= end; i--)
        {
            if (comparer.Equals(array[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    public static void Resize<T>([NotNull] ref T[]? array, int newSize)
    {
        if (newSize < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(newSize), newSize, SR.Format(SR.ArgumentOutOfRange_Generic_MustBeNonNegative, nameof(newSize), newSize.ToString()));
        }

        if (array == null)
        {
            array = new T[newSize];
            return;
        }

        if (array.Length != newSize)
        {
            T[] newArray = new T[newSize];
            int copied = array.Length > newSize ? newSize : array.Length;
            SpanHelpers.Memmove(ref MemoryMarshal.GetArrayDataReference(newArray), ref MemoryMarshal.GetArrayDataReference(array), (uint)copied);
            array = newArray;
        }
    }

    public static void Reverse<T>(T[] array)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        SpanHelpers.Reverse(ref MemoryMarshal.GetArrayDataReference(array), (nuint)array.Length);
    }

    public static void Reverse<T>(T[] array, int index, int length)
    {
        if (array == null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(array));
        }

        if (index < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange_NeedNonNegNum(nameof(index));
        }

        if (length < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange_NeedNonNegNum(nameof(length));
        }

        if (array.Length - index < length)
        {
            ThrowHelper.ThrowArgumentException(SR.Argument_InvalidOffLen);
        }

        SpanHelpers.Reverse(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index), (nuint)length);
    }

    private static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }
}

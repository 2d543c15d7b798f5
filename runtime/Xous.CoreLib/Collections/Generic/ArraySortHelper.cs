namespace System.Collections.Generic;

/// <summary>
/// The sort behind <c>List&lt;T&gt;.Sort</c>: .NET's introspective sort, step for step (median-of-three quicksort,
/// heapsort past a depth of 2·(log2 n + 1), insertion sort at 16 elements or fewer).
/// </summary>
/// <remarks>
/// <para>
/// The sort is not stable, like .NET's. Because the steps are .NET's, the order of elements that compare equal is
/// also the same as .NET's for any comparer that is a consistent total order; the tests check that against the BCL.
/// </para>
/// <para>
/// Recursion is on the upper partition only and is bounded by the depth limit (at most 64 frames for any span).
/// As in .NET, an exception from the comparer is wrapped in <see cref="InvalidOperationException"/> and an index out
/// of range caused by an inconsistent comparer becomes <see cref="ArgumentException"/>: this is the documented
/// contract of <c>Sort</c>, so these two catch blocks rethrow, they never swallow.
/// </para>
/// </remarks>
internal static class ArraySortHelper<T>
{
    private const int IntrosortSizeThreshold = 16;

    internal static void Sort(Span<T> keys, IComparer<T>? comparer)
    {
        Sort(keys, (comparer ?? Comparer<T>.Default).Compare);
    }

    internal static void Sort(Span<T> keys, Comparison<T> comparer)
    {
        try
        {
            if (keys.Length > 1)
            {
                IntroSort(keys, 2 * (Log2((uint)keys.Length) + 1), comparer);
            }
        }
        catch (IndexOutOfRangeException)
        {
            throw CollectionThrowHelper.BadComparer();
        }
        catch (Exception e)
        {
            throw CollectionThrowHelper.ComparerFailed(e);
        }
    }

    /// <summary>Array.BinarySearch: the index of <paramref name="value"/>, or the complement of the insertion point.</summary>
    internal static int BinarySearch(T[] array, int index, int length, T value, IComparer<T>? comparer)
    {
        comparer ??= Comparer<T>.Default;
        try
        {
            int lo = index;
            int hi = index + length - 1;
            while (lo <= hi)
            {
                int i = lo + ((hi - lo) >> 1);
                int order = comparer.Compare(array[i], value);
                if (order == 0)
                {
                    return i;
                }

                if (order < 0)
                {
                    lo = i + 1;
                }
                else
                {
                    hi = i - 1;
                }
            }

            return ~lo;
        }
        catch (Exception e)
        {
            throw CollectionThrowHelper.ComparerFailed(e);
        }
    }

    private static int Log2(uint value)
    {
        int result = 0;
        while ((value >>= 1) != 0)
        {
            result++;
        }

        return result;
    }

    private static void IntroSort(Span<T> keys, int depthLimit, Comparison<T> comparer)
    {
        int partitionSize = keys.Length;
        while (partitionSize > 1)
        {
            if (partitionSize <= IntrosortSizeThreshold)
            {
                if (partitionSize == 2)
                {
                    SwapIfGreater(keys, comparer, 0, 1);
                    return;
                }

                if (partitionSize == 3)
                {
                    SwapIfGreater(keys, comparer, 0, 1);
                    SwapIfGreater(keys, comparer, 0, 2);
                    SwapIfGreater(keys, comparer, 1, 2);
                    return;
                }

                InsertionSort(keys.Slice(0, partitionSize), comparer);
                return;
            }

            if (depthLimit == 0)
            {
                HeapSort(keys.Slice(0, partitionSize), comparer);
                return;
            }

            depthLimit--;

            int p = PickPivotAndPartition(keys.Slice(0, partitionSize), comparer);

            // Sort the upper partition recursively, loop on the lower one.
            IntroSort(keys.Slice(p + 1, partitionSize - (p + 1)), depthLimit, comparer);
            partitionSize = p;
        }
    }

    private static void SwapIfGreater(Span<T> keys, Comparison<T> comparer, int i, int j)
    {
        if (comparer(keys[i], keys[j]) > 0)
        {
            T key = keys[i];
            keys[i] = keys[j];
            keys[j] = key;
        }
    }

    private static void Swap(Span<T> keys, int i, int j)
    {
        T t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
    }

    private static int PickPivotAndPartition(Span<T> keys, Comparison<T> comparer)
    {
        int hi = keys.Length - 1;

        // Median of three: low, middle and high.
        int middle = hi >> 1;
        SwapIfGreater(keys, comparer, 0, middle);
        SwapIfGreater(keys, comparer, 0, hi);
        SwapIfGreater(keys, comparer, middle, hi);

        T pivot = keys[middle];
        Swap(keys, middle, hi - 1);
        int left = 0;
        int right = hi - 1;
        while (left < right)
        {
            while (comparer(keys[++left], pivot) < 0)
            {
            }

            while (comparer(pivot, keys[--right]) < 0)
            {
            }

            if (left >= right)
            {
                break;
            }

            Swap(keys, left, right);
        }

        // Put the pivot in the right location.
        if (left != hi - 1)
        {
            Swap(keys, left, hi - 1);
        }

        return left;
    }

    internal static void HeapSort(Span<T> keys, Comparison<T> comparer)
    {
        int n = keys.Length;
        for (int i = n >> 1; i >= 1; i--)
        {
            DownHeap(keys, i, n, comparer);
        }

        for (int i = n; i > 1; i--)
        {
            Swap(keys, 0, i - 1);
            DownHeap(keys, 1, i - 1, comparer);
        }
    }

    private static void DownHeap(Span<T> keys, int i, int n, Comparison<T> comparer)
    {
        T d = keys[i - 1];
        while (i <= n >> 1)
        {
            int child = 2 * i;
            if (child < n && comparer(keys[child - 1], keys[child]) < 0)
            {
                child++;
            }

            if (!(comparer(d, keys[child - 1]) < 0))
            {
                break;
            }

            keys[i - 1] = keys[child - 1];
            i = child;
        }

        keys[i - 1] = d;
    }

    internal static void InsertionSort(Span<T> keys, Comparison<T> comparer)
    {
        for (int i = 0; i < keys.Length - 1; i++)
        {
            T t = keys[i + 1];

            int j = i;
            while (j >= 0 && comparer(t, keys[j]) < 0)
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = t;
        }
    }
}

using System.Runtime.CompilerServices;

namespace System;

/// <summary>The loops behind Span, Array and String: copy, clear, fill, search and compare.</summary>
internal static class SpanHelpers
{
    /// <summary>Copies <paramref name="elementCount"/> elements; the blocks may overlap (memmove semantics).</summary>
    public static void Memmove<T>(ref T destination, ref T source, nuint elementCount)
    {
        if (elementCount == 0 || Unsafe.AreSame(ref destination, ref source))
        {
            return;
        }

        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            MemmoveBytes(
                ref Unsafe.As<T, byte>(ref destination),
                ref Unsafe.As<T, byte>(ref source),
                elementCount * (nuint)Unsafe.SizeOf<T>());
            return;
        }

        // Element by element, so every store of a reference is an ordinary store the compiler sees.
        if (Unsafe.IsAddressLessThan(ref destination, ref source))
        {
            for (nuint i = 0; i < elementCount; i++)
            {
                Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
            }
        }
        else
        {
            for (nuint i = elementCount; i > 0; i--)
            {
                Unsafe.Add(ref destination, i - 1) = Unsafe.Add(ref source, i - 1);
            }
        }
    }

    /// <summary>Copies <paramref name="byteCount"/> bytes; the blocks may overlap.</summary>
    public static void MemmoveBytes(ref byte destination, ref byte source, nuint byteCount)
    {
        nint distance = Unsafe.ByteOffset(ref source, ref destination);
        bool overlapsForward = distance > 0 && (nuint)distance < byteCount;
        if (!overlapsForward && (distance >= 0 || (nuint)(-distance) >= byteCount))
        {
            // No overlap: the intrinsic block copy.
            CopyBlockLarge(ref destination, ref source, byteCount);
            return;
        }

        if (overlapsForward)
        {
            for (nuint i = byteCount; i > 0; i--)
            {
                Unsafe.Add(ref destination, i - 1) = Unsafe.Add(ref source, i - 1);
            }
        }
        else
        {
            for (nuint i = 0; i < byteCount; i++)
            {
                Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
            }
        }
    }

    private static void CopyBlockLarge(ref byte destination, ref byte source, nuint byteCount)
    {
        const uint Chunk = 0x4000_0000;
        while (byteCount > Chunk)
        {
            Unsafe.CopyBlockUnaligned(ref destination, ref source, Chunk);
            destination = ref Unsafe.Add(ref destination, (nuint)Chunk);
            source = ref Unsafe.Add(ref source, (nuint)Chunk);
            byteCount -= Chunk;
        }

        Unsafe.CopyBlockUnaligned(ref destination, ref source, (uint)byteCount);
    }

    /// <summary>Sets <paramref name="elementCount"/> elements to their default value.</summary>
    public static void Clear<T>(ref T destination, nuint elementCount)
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ClearBytes(ref Unsafe.As<T, byte>(ref destination), elementCount * (nuint)Unsafe.SizeOf<T>());
            return;
        }

        for (nuint i = 0; i < elementCount; i++)
        {
            Unsafe.Add(ref destination, i) = default!;
        }
    }

    /// <summary>Zeroes <paramref name="byteCount"/> bytes.</summary>
    public static void ClearBytes(ref byte destination, nuint byteCount)
    {
        const uint Chunk = 0x4000_0000;
        while (byteCount > Chunk)
        {
            Unsafe.InitBlockUnaligned(ref destination, 0, Chunk);
            destination = ref Unsafe.Add(ref destination, (nuint)Chunk);
            byteCount -= Chunk;
        }

        Unsafe.InitBlockUnaligned(ref destination, 0, (uint)byteCount);
    }

    public static void Fill<T>(ref T destination, nuint elementCount, T value)
    {
        for (nuint i = 0; i < elementCount; i++)
        {
            Unsafe.Add(ref destination, i) = value;
        }
    }

    /// <summary>Index of the first element equal to <paramref name="value"/> by IEquatable&lt;T&gt;.Equals, or -1.</summary>
    public static int IndexOf<T>(ref T searchSpace, T value, int length) where T : IEquatable<T>?
    {
        if (value is null)
        {
            for (int i = 0; i < length; i++)
            {
                if (Unsafe.Add(ref searchSpace, i) is null)
                {
                    return i;
                }
            }

            return -1;
        }

        for (int i = 0; i < length; i++)
        {
            if (value.Equals(Unsafe.Add(ref searchSpace, i)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the last element equal to <paramref name="value"/> by IEquatable&lt;T&gt;.Equals, or -1.</summary>
    public static int LastIndexOf<T>(ref T searchSpace, T value, int length) where T : IEquatable<T>?
    {
        if (value is null)
        {
            for (int i = length - 1; i >= 0; i--)
            {
                if (Unsafe.Add(ref searchSpace, i) is null)
                {
                    return i;
                }
            }

            return -1;
        }

        for (int i = length - 1; i >= 0; i--)
        {
            if (value.Equals(Unsafe.Add(ref searchSpace, i)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the first occurrence of <paramref name="value"/> (length <paramref name="valueLength"/>) in the search space, or -1.</summary>
    public static int IndexOf<T>(ref T searchSpace, int searchSpaceLength, ref T value, int valueLength) where T : IEquatable<T>?
    {
        if (valueLength == 0)
        {
            return 0;
        }

        for (int i = 0; i + valueLength <= searchSpaceLength; i++)
        {
            if (SequenceEqual(ref Unsafe.Add(ref searchSpace, i), ref value, valueLength))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when the two runs of <paramref name="length"/> elements are pairwise equal by IEquatable&lt;T&gt;.Equals.</summary>
    public static bool SequenceEqual<T>(ref T first, ref T second, int length) where T : IEquatable<T>?
    {
        if (Unsafe.AreSame(ref first, ref second))
        {
            return true;
        }

        for (int i = 0; i < length; i++)
        {
            T lookUp0 = Unsafe.Add(ref first, i);
            T lookUp1 = Unsafe.Add(ref second, i);
            if (!(lookUp0?.Equals(lookUp1) ?? (lookUp1 is null)))
            {
                return false;
            }
        }

        return true;
    }

    public static void Reverse<T>(ref T elements, nuint length)
    {
        if (length <= 1)
        {
            return;
        }

        nuint first = 0;
        nuint last = length - 1;
        while (first < last)
        {
            T temp = Unsafe.Add(ref elements, first);
            Unsafe.Add(ref elements, first) = Unsafe.Add(ref elements, last);
            Unsafe.Add(ref elements, last) = temp;
            first++;
            last--;
        }
    }
}

namespace System.Collections.Generic;

/// <summary>Copies a sequence into an array the way .NET's <c>EnumerableHelpers.ToArray</c> does (for <c>Queue</c> and <c>Stack</c>).</summary>
internal static class EnumerableHelpers
{
    /// <summary>
    /// Returns an array holding the elements of <paramref name="source"/> in its first <paramref name="length"/>
    /// slots. A collection is copied into an array of exactly its count; any other sequence into an array that
    /// starts at 4 and doubles, not trimmed afterwards (so the capacity of the new queue or stack matches .NET's).
    /// </summary>
    internal static T[] ToArray<T>(IEnumerable<T> source, out int length)
    {
        if (source is ICollection<T> collection)
        {
            int count = collection.Count;
            if (count != 0)
            {
                T[] result = new T[count];
                collection.CopyTo(result, 0);
                length = count;
                return result;
            }
        }
        else
        {
            using (IEnumerator<T> enumerator = source.GetEnumerator())
            {
                if (enumerator.MoveNext())
                {
                    T[] array = new T[CollectionLimits.DefaultCapacity];
                    array[0] = enumerator.Current;
                    int count = 1;

                    while (enumerator.MoveNext())
                    {
                        if (count == array.Length)
                        {
                            int newLength = count << 1;
                            if ((uint)newLength > CollectionLimits.MaxArrayLength)
                            {
                                newLength = CollectionLimits.MaxArrayLength <= count ? count + 1 : CollectionLimits.MaxArrayLength;
                            }

                            Array.Resize(ref array, newLength);
                        }

                        array[count++] = enumerator.Current;
                    }

                    length = count;
                    return array;
                }
            }
        }

        length = 0;
        return Array.Empty<T>();
    }
}

namespace System.Collections;

/// <summary>
/// Table sizes for <see cref="Generic.Dictionary{TKey, TValue}"/> and <see cref="Generic.HashSet{T}"/>: primes, taken
/// exactly as .NET takes them, so <c>Capacity</c>, <c>EnsureCapacity</c> and growth match .NET value for value.
/// </summary>
/// <remarks>
/// Prime sizes (not powers of two) keep weak hash codes such as <c>int.GetHashCode()</c> (the identity) spread over
/// the buckets; the cost is one <c>remu</c> per lookup, which RV32IMAC has. .NET uses <c>Math.Sqrt</c> in
/// <c>IsPrime</c>; here the bound is <c>divisor &lt;= candidate / divisor</c>, the same test in integers.
/// </remarks>
internal static class HashHelpers
{
    /// <summary>Largest prime below <c>Array.MaxLength</c>, as in .NET.</summary>
    internal const int MaxPrimeArrayLength = 0x7FFFFFC3;

    /// <summary>Primes outside the table must not be one more than a multiple of this (as in .NET).</summary>
    internal const int HashPrime = 101;

    // The table of .NET's HashHelpers: each about 1.2 times the previous, so growth by ExpandPrime is about 2x.
    private static readonly int[] s_primes =
    {
        3, 7, 11, 17, 23, 29, 37, 47, 59, 71, 89, 107, 131, 163, 197, 239, 293, 353, 431, 521, 631, 761, 919,
        1103, 1327, 1597, 1931, 2333, 2801, 3371, 4049, 4861, 5839, 7013, 8419, 10103, 12143, 14591,
        17519, 21023, 25229, 30293, 36353, 43627, 52361, 62851, 75431, 90523, 108631, 130363, 156437,
        187751, 225307, 270371, 324449, 389357, 467237, 560689, 672827, 807403, 968897, 1162687, 1395263,
        1674319, 2009191, 2411033, 2893249, 3471899, 4166287, 4999559, 5999471, 7199369,
    };

    internal static bool IsPrime(int candidate)
    {
        if ((candidate & 1) != 0)
        {
            for (int divisor = 3; divisor <= candidate / divisor; divisor += 2)
            {
                if (candidate % divisor == 0)
                {
                    return false;
                }
            }

            return true;
        }

        return candidate == 2;
    }

    /// <summary>The smallest table size at least <paramref name="min"/>.</summary>
    internal static int GetPrime(int min)
    {
        if (min < 0)
        {
            throw new ArgumentException("Hashtable's capacity overflowed and went negative. Check load factor, capacity and the current size of the table.");
        }

        int[] primes = s_primes;
        for (int i = 0; i < primes.Length; i++)
        {
            if (primes[i] >= min)
            {
                return primes[i];
            }
        }

        // Outside the table: the next odd prime that is not 1 mod HashPrime.
        for (int i = min | 1; i < int.MaxValue; i += 2)
        {
            if (IsPrime(i) && (i - 1) % HashPrime != 0)
            {
                return i;
            }
        }

        return min;
    }

    /// <summary>The size to grow to from <paramref name="oldSize"/>: the prime at least twice as large.</summary>
    internal static int ExpandPrime(int oldSize)
    {
        int newSize = unchecked(2 * oldSize);

        // Allow the tables to grow to the maximum possible size (~2G elements) before hitting an overflow.
        if ((uint)newSize > MaxPrimeArrayLength && MaxPrimeArrayLength > oldSize)
        {
            return MaxPrimeArrayLength;
        }

        return GetPrime(newSize);
    }
}

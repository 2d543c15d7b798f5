using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>stackalloc into Span&lt;T&gt; of bytes, ints, longs and chars: zeroing, sieve of Eratosthenes, base conversion, nested calls.</summary>
public static class StructStackallocSpans
{
    public static int Main()
    {
        Span<bool> composite = stackalloc bool[200];
        int primes = 0;
        long sum = 0;
        for (int i = 2; i < composite.Length; i++)
        {
            if (!composite[i])
            {
                primes++;
                sum += i;
                for (int j = i * i; j < composite.Length; j += i)
                {
                    composite[j] = true;
                }
            }
        }

        Transcript.WriteLine(primes + " " + sum);
        Transcript.WriteLine(ToBase(255, 2) + " " + ToBase(255, 16) + " " + ToBase(int.MaxValue, 36) + " " + ToBase(0, 7));
        Span<long> fib = stackalloc long[90];
        fib[0] = 0;
        fib[1] = 1;
        for (int i = 2; i < fib.Length; i++)
        {
            fib[i] = fib[i - 1] + fib[i - 2];
        }

        Transcript.WriteLine(fib[89]);
        Span<byte> zeros = stackalloc byte[33];
        int nonZero = 0;
        foreach (byte b in zeros)
        {
            nonZero += b;
        }

        Transcript.WriteLine(nonZero);
        Transcript.WriteLine(Depth(10));
        Span<int> literal = stackalloc int[] { 5, 4, 3, 2, 1 };
        literal.Reverse();
        Transcript.WriteLine(literal[0] * 10000 + literal[1] * 1000 + literal[2] * 100 + literal[3] * 10 + literal[4]);
        return 0;
    }

    private static string ToBase(int value, int radix)
    {
        Span<char> digits = stackalloc char[32];
        int pos = digits.Length;
        do
        {
            int d = value % radix;
            digits[--pos] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
            value /= radix;
        }
        while (value != 0);
        return new string(digits.Slice(pos));
    }

    private static int Depth(int n)
    {
        Span<int> frame = stackalloc int[8];
        frame.Fill(n);
        if (n == 0)
        {
            return frame[7];
        }

        int below = Depth(n - 1);
        return below + frame[0] + frame[7];
    }
}

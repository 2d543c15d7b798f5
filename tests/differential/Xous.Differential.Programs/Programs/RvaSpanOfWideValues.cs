using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>ReadOnlySpan&lt;T&gt; over constant arrays of multi-byte elements (RuntimeHelpers.CreateSpan): int, uint, long, ushort, char tables.</summary>
public static class RvaSpanOfWideValues
{
    private static ReadOnlySpan<int> Fib => new int[] { 0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181 };

    private static ReadOnlySpan<uint> Masks => new uint[] { 0x000000FF, 0x0000FF00, 0x00FF0000, 0xFF000000, 0xDEADBEEF, 0xFFFFFFFF };

    private static ReadOnlySpan<long> Big => new long[] { long.MaxValue, long.MinValue, 1L << 40, -(1L << 40), 0x0102030405060708 };

    private static ReadOnlySpan<ushort> Ports => new ushort[] { 22, 80, 443, 8080, 65535 };

    private static ReadOnlySpan<char> Digits => new char[] { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' };

    public static int Main()
    {
        long sum = 0;
        foreach (int f in Fib)
        {
            sum += f;
        }

        Transcript.WriteLine(Fib.Length + " " + sum + " " + Fib[^1]);
        uint combined = 0;
        foreach (uint m in Masks)
        {
            combined ^= m;
        }

        Transcript.WriteLine(combined.ToString("X8") + " " + Masks[4].ToString("X"));
        for (int i = 0; i < Big.Length; i++)
        {
            Transcript.Write(Big[i] + " ");
        }

        Transcript.WriteLine();
        int portSum = 0;
        foreach (ushort p in Ports)
        {
            portSum += p;
        }

        Transcript.WriteLine(portSum + " " + Ports.IndexOf((ushort)443));
        Transcript.WriteLine(Spell(9075) + " " + Spell(0) + " " + new string(Digits.Slice(3, 4)));
        Transcript.WriteLine(Fib.Slice(10, 3).SequenceEqual(new[] { 55, 89, 144 }));
        return 0;
    }

    private static string Spell(int value)
    {
        Span<char> buf = stackalloc char[10];
        int pos = buf.Length;
        do
        {
            buf[--pos] = Digits[value % 10];
            value /= 10;
        }
        while (value > 0);
        return new string(buf.Slice(pos));
    }
}

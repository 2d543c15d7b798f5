using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>List.Sort with the default comparer, a Comparison, an IComparer, a range; BinarySearch hits and misses (~index); sorting many values.</summary>
public static class ListSorting
{
    private sealed class ByLengthThenText : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            int c = (x?.Length ?? -1).CompareTo(y?.Length ?? -1);
            return c != 0 ? c : string.CompareOrdinal(x, y);
        }
    }

    public static int Main()
    {
        var numbers = new List<int> { 42, -7, 0, 13, 99, -100, 13, 5, 8, 1 };
        numbers.Sort();
        Print(numbers);
        numbers.Sort((a, b) => b.CompareTo(a));
        Print(numbers);
        numbers.Sort(2, 5, Comparer<int>.Default);
        Print(numbers);
        numbers.Sort();
        Transcript.WriteLine(numbers.BinarySearch(13) >= 0);
        Transcript.WriteLine(numbers.BinarySearch(-100));
        int miss = numbers.BinarySearch(6);
        Transcript.WriteLine(miss + " -> insert at " + ~miss);
        Transcript.WriteLine(~numbers.BinarySearch(1000));
        var words = new List<string> { "pear", "fig", "banana", "kiwi", "apple", "date", "elderberry", "fig" };
        words.Sort(new ByLengthThenText());
        Transcript.WriteLine(string.Join(" ", words.ToArray()));
        Transcript.WriteLine(words.BinarySearch("kiwi", new ByLengthThenText()));
        words.Sort(string.CompareOrdinal);
        Transcript.WriteLine(string.Join(" ", words.ToArray()));
        var big = new List<long>();
        uint seed = 12345;
        for (int i = 0; i < 1000; i++)
        {
            seed = (seed * 1103515245) + 12345;
            big.Add((long)(seed >> 8) - 8_000_000);
        }

        big.Sort();
        bool sorted = true;
        for (int i = 1; i < big.Count; i++)
        {
            sorted &= big[i - 1] <= big[i];
        }

        Transcript.WriteLine(sorted + " " + big[0] + " " + big[500] + " " + big[999]);
        Comparison<long> byLowDigit = (a, b) => Math.Abs(a % 10).CompareTo(Math.Abs(b % 10));
        big.Sort(byLowDigit);
        Transcript.WriteLine(big[0] % 10 + " " + big[999] % 10 + " " + big[0] + " " + big[1] + " " + big[998]);
        return 0;
    }

    private static void Print(List<int> l) => Transcript.WriteLine(string.Join(",", Strings(l)));

    private static string[] Strings(List<int> l)
    {
        var s = new string[l.Count];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = l[i].ToString();
        }

        return s;
    }
}

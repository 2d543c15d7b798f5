using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>The standard delegate types: Func of 0 to 4 arguments, Action of 0 to 4, Predicate and Comparison with List methods.</summary>
public static class DelegateFuncActionPredicate
{
    public static int Main()
    {
        Func<int> f0 = () => 1;
        Func<int, int> f1 = a => a + 1;
        Func<int, int, int> f2 = (a, b) => a * b;
        Func<int, long, string, string> f3 = (a, b, c) => c + (a + b);
        Func<byte, short, int, long, long> f4 = (a, b, c, d) => a + b + c + d;
        Transcript.WriteLine(f0() + " " + f1(1) + " " + f2(3, 4) + " " + f3(1, 2L, "s") + " " + f4(1, 2, 3, 4));
        string log = "";
        Action a0 = () => log += "0";
        Action<int> a1 = x => log += x;
        Action<int, char> a2 = (x, c) => log += c + x.ToString();
        Action<string, string, string> a3 = (x, y, z) => log += x + y + z;
        Action<int, int, int, int> a4 = (p, q, r, s) => log += p + q + r + s;
        a0();
        a1(1);
        a2(2, 'c');
        a3("x", "y", "z");
        a4(1, 2, 3, 4);
        Transcript.WriteLine(log);
        Predicate<int> even = x => x % 2 == 0;
        var list = new List<int> { 5, 2, 8, 1, 9, 4, 7, 6, 3 };
        Transcript.WriteLine(list.Find(even) + " " + list.FindLast(even) + " " + list.FindIndex(even) + " " + list.FindLastIndex(even));
        Transcript.WriteLine(list.Exists(x => x > 8) + " " + list.TrueForAll(x => x > 0) + " " + list.TrueForAll(even));
        List<int> evens = list.FindAll(even);
        Transcript.WriteLine(string.Join(",", Strings(evens)));
        Transcript.WriteLine(list.RemoveAll(x => x < 4));
        Comparison<int> descending = (x, y) => y.CompareTo(x);
        list.Sort(descending);
        Transcript.WriteLine(string.Join(",", Strings(list)));
        int total = 0;
        list.ForEach(x => total += x);
        Transcript.WriteLine(total);
        Func<Func<int, int>, Func<int, int>> twice = g => x => g(g(x));
        Transcript.WriteLine(twice(twice(f1))(0));
        return 0;
    }

    private static string[] Strings(List<int> l)
    {
        var r = new string[l.Count];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = l[i].ToString();
        }

        return r;
    }
}

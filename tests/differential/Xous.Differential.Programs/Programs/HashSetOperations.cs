using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>HashSet&lt;T&gt;: Add/Remove/Contains, set algebra (union, intersect, except, symmetric except), subset tests, enumeration order.</summary>
public static class HashSetOperations
{
    public static int Main()
    {
        var a = new HashSet<int> { 1, 2, 3, 4, 5 };
        var b = new HashSet<int> { 4, 5, 6, 7 };
        Transcript.WriteLine(a.Add(3) + " " + a.Add(6) + " " + a.Remove(6) + " " + a.Remove(6));
        Transcript.WriteLine(a.Contains(1) + " " + a.Contains(7) + " " + a.Count);
        Print("union", Op(a, s => s.UnionWith(b)));
        Print("intersect", Op(a, s => s.IntersectWith(b)));
        Print("except", Op(a, s => s.ExceptWith(b)));
        Print("symmetric", Op(a, s => s.SymmetricExceptWith(b)));
        var small = new HashSet<int> { 2, 3 };
        Transcript.WriteLine(small.IsSubsetOf(a) + " " + small.IsProperSubsetOf(a) + " " + a.IsSupersetOf(small) + " " + a.IsProperSupersetOf(a));
        Transcript.WriteLine(a.Overlaps(b) + " " + small.Overlaps(b) + " " + a.SetEquals(new[] { 5, 4, 3, 2, 1, 1 }));
        Transcript.WriteLine(a.RemoveWhere(x => x % 2 == 0));
        Print("after RemoveWhere", a);
        a.Add(100);
        a.Add(-100);
        Print("readded", a);
        var words = new HashSet<string> { "x", "y", "x", "z" };
        Transcript.WriteLine(words.Count + " " + words.TryGetValue(new string('y', 1), out string? actual) + " " + actual);
        var copy = new HashSet<int>(b);
        copy.Clear();
        Transcript.WriteLine(copy.Count + " " + b.Count);
        int[] dest = new int[6];
        b.CopyTo(dest, 1);
        Transcript.WriteLine(string.Join(",", Strings(dest)));
        return 0;
    }

    private static HashSet<int> Op(HashSet<int> a, System.Action<HashSet<int>> op)
    {
        var copy = new HashSet<int>(a);
        op(copy);
        return copy;
    }

    private static void Print(string label, HashSet<int> s)
    {
        string line = label + ":";
        foreach (int x in s)
        {
            line += " " + x;
        }

        Transcript.WriteLine(line);
    }

    private static string[] Strings(int[] a)
    {
        var r = new string[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            r[i] = a[i].ToString();
        }

        return r;
    }
}

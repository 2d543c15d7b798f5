using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>List&lt;T&gt; basics: Add, Insert, Remove, RemoveAt, RemoveRange, indexer, Count and Capacity growth (0, 4, 8, ...), Clear.</summary>
public static class ListBasics
{
    public static int Main()
    {
        var list = new List<int>();
        Transcript.WriteLine(list.Count + " " + list.Capacity);
        for (int i = 0; i < 10; i++)
        {
            list.Add(i * i);
            Transcript.Write(list.Capacity + " ");
        }

        Transcript.WriteLine();
        Print(list);
        list.Insert(0, -1);
        list.Insert(5, 555);
        list.Insert(list.Count, 999);
        Print(list);
        Transcript.WriteLine(list.Remove(555) + " " + list.Remove(12345));
        list.RemoveAt(0);
        list.RemoveAt(list.Count - 1);
        Print(list);
        list.RemoveRange(2, 3);
        Print(list);
        list[0] = 1000;
        list[^1] = 2000;
        Print(list);
        list.AddRange(new[] { 7, 8, 9 });
        list.InsertRange(1, new List<int> { -5, -6 });
        Print(list);
        list.Reverse();
        Print(list);
        list.Reverse(1, 3);
        Print(list);
        List<int> range = list.GetRange(2, 4);
        Print(range);
        int[] array = list.ToArray();
        Transcript.WriteLine(array.Length + " " + array[0]);
        list.Clear();
        Transcript.WriteLine(list.Count + " " + list.Capacity);
        list.TrimExcess();
        Transcript.WriteLine(list.Capacity);
        var sized = new List<string>(3) { "a" };
        Transcript.WriteLine(sized.Count + " " + sized.Capacity + " " + sized.EnsureCapacity(10) + " " + sized.Capacity);
        return 0;
    }

    private static void Print(List<int> l)
    {
        string s = l.Count + ":";
        for (int i = 0; i < l.Count; i++)
        {
            s += " " + l[i];
        }

        Transcript.WriteLine(s);
    }
}

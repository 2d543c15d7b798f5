using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Moving data between collections: List from arrays and sets, CopyTo with offsets, ToArray of Queue/Stack/HashSet, constructors from IEnumerable.</summary>
public static class CollectionListCopyAndConvert
{
    public static int Main()
    {
        int[] source = { 5, 3, 8, 3, 1 };
        var list = new List<int>(source);
        Transcript.WriteLine(list.Count + " " + list.Capacity);
        var set = new HashSet<int>(list);
        Transcript.WriteLine(set.Count);
        var fromSet = new List<int>(set);
        Print(fromSet.ToArray());
        var dest = new int[8];
        list.CopyTo(dest, 2);
        Print(dest);
        list.CopyTo(1, dest, 0, 2);
        Print(dest);
        var queue = new Queue<int>(list);
        var stack = new Stack<int>(list);
        Print(queue.ToArray());
        Print(stack.ToArray());
        var qdest = new int[7];
        queue.CopyTo(qdest, 1);
        Print(qdest);
        stack.CopyTo(qdest, 2);
        Print(qdest);
        var back = new List<int>(stack);
        back.AddRange(queue);
        Print(back.ToArray());
        try
        {
            list.CopyTo(new int[3], 0);
        }
        catch (ArgumentException)
        {
            Transcript.WriteLine("destination too small");
        }

        Span<int> span = stackalloc int[5];
        list.ToArray().AsSpan().CopyTo(span);
        Transcript.WriteLine(span[0] + span[4]);
        return 0;
    }

    private static void Print(int[] a)
    {
        string s = "";
        foreach (int v in a)
        {
            s += v + " ";
        }

        Transcript.WriteLine(s);
    }
}

using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Queue&lt;T&gt;: FIFO order across wrap-around of the ring buffer, Peek/TryPeek/TryDequeue, Contains, ToArray, growth, empty exceptions.</summary>
public static class QueueOperations
{
    public static int Main()
    {
        var q = new Queue<int>(4);
        for (int i = 0; i < 3; i++)
        {
            q.Enqueue(i);
        }

        Transcript.WriteLine(q.Dequeue() + " " + q.Dequeue());
        for (int i = 3; i < 6; i++)
        {
            q.Enqueue(i);
        }

        Transcript.WriteLine(q.Count + " " + q.Capacity + " " + q.Peek());
        Transcript.WriteLine(string.Join(",", Strings(q.ToArray())));
        q.Enqueue(6);
        q.Enqueue(7);
        Transcript.WriteLine(q.Count + " " + q.Capacity);
        string order = "";
        foreach (int x in q)
        {
            order += x;
        }

        Transcript.WriteLine(order);
        Transcript.WriteLine(q.Contains(5) + " " + q.Contains(0));
        int sum = 0;
        while (q.TryDequeue(out int v))
        {
            sum = (sum * 10) + v;
        }

        Transcript.WriteLine(sum);
        Transcript.WriteLine(q.TryPeek(out int none) + " " + none);
        try
        {
            q.Dequeue();
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine(e.Message);
        }

        var bfs = new Queue<(int Node, int Depth)>();
        bfs.Enqueue((1, 0));
        string visit = "";
        while (bfs.Count > 0)
        {
            (int node, int depth) = bfs.Dequeue();
            visit += node + "@" + depth + " ";
            if (node < 8)
            {
                bfs.Enqueue((node * 2, depth + 1));
                bfs.Enqueue((node * 2 + 1, depth + 1));
            }
        }

        Transcript.WriteLine(visit);
        return 0;
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

using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A generic binary min-heap with an IComparer&lt;T&gt;: heap sort of ints, a task scheduler with struct priorities, Dijkstra on a small graph.</summary>
public static class GenericPriorityQueue
{
    private sealed class Heap<T>
    {
        private readonly List<T> _items = new();
        private readonly IComparer<T> _comparer;

        public Heap(IComparer<T> comparer)
        {
            _comparer = comparer;
        }

        public int Count => _items.Count;

        public void Push(T item)
        {
            _items.Add(item);
            int i = _items.Count - 1;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (_comparer.Compare(_items[i], _items[parent]) >= 0)
                {
                    break;
                }

                (_items[i], _items[parent]) = (_items[parent], _items[i]);
                i = parent;
            }
        }

        public T Pop()
        {
            T top = _items[0];
            T last = _items[^1];
            _items.RemoveAt(_items.Count - 1);
            if (_items.Count > 0)
            {
                _items[0] = last;
                int i = 0;
                while (true)
                {
                    int l = (2 * i) + 1;
                    int r = l + 1;
                    int best = i;
                    if (l < _items.Count && _comparer.Compare(_items[l], _items[best]) < 0)
                    {
                        best = l;
                    }

                    if (r < _items.Count && _comparer.Compare(_items[r], _items[best]) < 0)
                    {
                        best = r;
                    }

                    if (best == i)
                    {
                        break;
                    }

                    (_items[i], _items[best]) = (_items[best], _items[i]);
                    i = best;
                }
            }

            return top;
        }
    }

    private readonly struct Job
    {
        public Job(int priority, int order, string name)
        {
            Priority = priority;
            Order = order;
            Name = name;
        }

        public int Priority { get; }

        public int Order { get; }

        public string Name { get; }
    }

    public static int Main()
    {
        var ints = new Heap<int>(Comparer<int>.Default);
        uint rng = 5;
        for (int i = 0; i < 20; i++)
        {
            rng = (rng * 1103515245) + 12345;
            ints.Push((int)(rng >> 20) - 2000);
        }

        string sorted = "";
        while (ints.Count > 0)
        {
            sorted += ints.Pop() + " ";
        }

        Transcript.WriteLine(sorted);
        var jobs = new Heap<Job>(Comparer<Job>.Create((a, b) => a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority) : a.Order.CompareTo(b.Order)));
        string[] names = { "idle", "io", "render", "net", "audio", "log" };
        int[] priorities = { 0, 5, 9, 5, 9, 1 };
        for (int i = 0; i < names.Length; i++)
        {
            jobs.Push(new Job(priorities[i], i, names[i]));
        }

        while (jobs.Count > 0)
        {
            Job j = jobs.Pop();
            Transcript.Write(j.Name + "(" + j.Priority + ") ");
        }

        Transcript.WriteLine();
        Transcript.WriteLine(Dijkstra());
        return 0;
    }

    private static string Dijkstra()
    {
        (int From, int To, int Cost)[] edges = { (0, 1, 7), (0, 2, 9), (0, 5, 14), (1, 2, 10), (1, 3, 15), (2, 3, 11), (2, 5, 2), (3, 4, 6), (4, 5, 9) };
        var dist = new int[6];
        Array.Fill(dist, int.MaxValue);
        dist[0] = 0;
        var queue = new Heap<(int Dist, int Node)>(Comparer<(int Dist, int Node)>.Create((a, b) => a.Dist != b.Dist ? a.Dist.CompareTo(b.Dist) : a.Node.CompareTo(b.Node)));
        queue.Push((0, 0));
        while (queue.Count > 0)
        {
            (int d, int n) = queue.Pop();
            if (d > dist[n])
            {
                continue;
            }

            foreach ((int from, int to, int cost) in edges)
            {
                int other = from == n ? to : to == n ? from : -1;
                if (other >= 0 && d + cost < dist[other])
                {
                    dist[other] = d + cost;
                    queue.Push((dist[other], other));
                }
            }
        }

        string s = "";
        foreach (int d in dist)
        {
            s += d + " ";
        }

        return s;
    }
}

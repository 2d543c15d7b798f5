using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Graph algorithms over collections: adjacency lists in a Dictionary of Lists, BFS with a Queue, DFS with a Stack, visited HashSet.</summary>
public static class CollectionGraphSearch
{
    public static int Main()
    {
        var graph = new Dictionary<string, List<string>>();
        (string, string)[] edges =
        {
            ("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("e", "f"), ("c", "g"), ("g", "f"), ("h", "a"),
        };
        foreach ((string from, string to) in edges)
        {
            if (!graph.TryGetValue(from, out List<string>? list))
            {
                list = new List<string>();
                graph[from] = list;
            }

            list.Add(to);
            if (!graph.ContainsKey(to))
            {
                graph[to] = new List<string>();
            }
        }

        Transcript.WriteLine("bfs: " + Bfs(graph, "a"));
        Transcript.WriteLine("dfs: " + Dfs(graph, "a"));
        Transcript.WriteLine("bfs from h: " + Bfs(graph, "h"));
        var distance = Distances(graph, "a");
        foreach (KeyValuePair<string, int> kv in distance)
        {
            Transcript.Write(kv.Key + "=" + kv.Value + " ");
        }

        Transcript.WriteLine();
        return 0;
    }

    private static string Bfs(Dictionary<string, List<string>> g, string start)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>();
        queue.Enqueue(start);
        string order = "";
        while (queue.Count > 0)
        {
            string n = queue.Dequeue();
            order += n;
            foreach (string m in g[n])
            {
                if (seen.Add(m))
                {
                    queue.Enqueue(m);
                }
            }
        }

        return order;
    }

    private static string Dfs(Dictionary<string, List<string>> g, string start)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>();
        stack.Push(start);
        string order = "";
        while (stack.TryPop(out string? n))
        {
            if (!seen.Add(n))
            {
                continue;
            }

            order += n;
            List<string> next = g[n];
            for (int i = next.Count - 1; i >= 0; i--)
            {
                stack.Push(next[i]);
            }
        }

        return order;
    }

    private static Dictionary<string, int> Distances(Dictionary<string, List<string>> g, string start)
    {
        var dist = new Dictionary<string, int> { [start] = 0 };
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.TryDequeue(out string? n))
        {
            foreach (string m in g[n])
            {
                if (!dist.ContainsKey(m))
                {
                    dist[m] = dist[n] + 1;
                    queue.Enqueue(m);
                }
            }
        }

        return dist;
    }
}

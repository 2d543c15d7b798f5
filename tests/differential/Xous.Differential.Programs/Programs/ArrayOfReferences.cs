using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Arrays of class references and strings: null elements, shared elements, reassignment, and array of arrays of references.</summary>
public static class ArrayOfReferences
{
    private sealed class Node
    {
        public int Value;
        public Node? Next;
    }

    public static int Main()
    {
        var nodes = new Node?[6];
        for (int i = 0; i < nodes.Length; i += 2)
        {
            nodes[i] = new Node { Value = i * 10 };
        }

        for (int i = 0; i + 2 < nodes.Length; i += 2)
        {
            nodes[i]!.Next = nodes[i + 2];
        }

        int count = 0;
        for (Node? n = nodes[0]; n != null; n = n.Next)
        {
            Transcript.Write(n.Value + " ");
            count++;
        }

        Transcript.WriteLine(count);
        nodes[1] = nodes[0];
        nodes[1]!.Value = -1;
        Transcript.WriteLine(nodes[0]!.Value);
        string[] words = { "alpha", "beta", "gamma" };
        string[] alias = words;
        alias[1] = "BETA";
        Transcript.WriteLine(words[1]);
        string?[] sparse = new string?[4];
        sparse[2] = "two";
        foreach (string? s in sparse)
        {
            Transcript.Write(s == null ? "null " : s + " ");
        }

        Transcript.WriteLine();
        object[] mixed = { 1, "two", 3L, 'c', nodes[0]!, words };
        foreach (object o in mixed)
        {
            string kind = o switch
            {
                int => "int",
                string => "string",
                long => "long",
                char => "char",
                Node => "node",
                string[] => "string[]",
                _ => "other",
            };
            Transcript.Write(kind + " ");
        }

        Transcript.WriteLine();
        return 0;
    }
}

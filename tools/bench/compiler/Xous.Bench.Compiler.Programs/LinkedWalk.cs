namespace Xous.Bench.Compiler.Programs;

/// <summary>
/// A walk over a linked structure, the twin of ../c/linkedwalk.c: a singly linked list of <see cref="Nodes"/> class
/// instances (each new node becomes the head) with two LCG fields, walked <see cref="Passes"/> times. Where the C
/// takes its nodes from a static pool, this allocates objects: the point is the cost of object access.
/// </summary>
public static class LinkedWalk
{
    /// <summary>The number of nodes.</summary>
    public const int Nodes = 10000;

    /// <summary>The number of walks.</summary>
    public const uint Passes = 100;

    /// <summary>The LCG seed: per node the value, then the weight (the upper 16 bits of the next word).</summary>
    public const uint Seed = 0x4C57;

    /// <summary>Builds the list and walks it; the checksum is the sum of value ^ (weight + pass) over every visit.</summary>
    public static uint Run()
    {
        var lcg = new Lcg(Seed);
        Node? head = null;
        for (int i = 0; i < Nodes; i++)
        {
            uint value = lcg.Next();
            uint weight = lcg.Next() >> 16;
            head = new Node(head, value, weight);
        }

        uint sum = 0;
        for (uint pass = 0; pass < Passes; pass++)
        {
            for (Node? node = head; node != null; node = node.Next)
            {
                sum += node.Value ^ (node.Weight + pass);
            }
        }

        return sum;
    }

    private sealed class Node(Node? next, uint value, uint weight)
    {
        public readonly Node? Next = next;
        public readonly uint Value = value;
        public readonly uint Weight = weight;
    }
}

using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// GC stress with deep object graphs: 50,000 random binary trees of depth up to 20 (about 6 million nodes in total),
/// each built, measured and dropped; eight trees stay alive and are re-verified at the end.
/// </summary>
public static class GcStressDeepTrees
{
    private sealed class Node
    {
        public Node? Left;
        public Node? Right;
        public int Value;
        public int Depth;
    }

    private static uint s_rng = 99991;

    public static int Main()
    {
        var keep = new Node[8];
        var keepSums = new long[8];
        long totalNodes = 0;
        int maxDepth = 0;
        for (int round = 0; round < 50_000; round++)
        {
            int budget = 250;
            Node root = Build(0, ref budget);
            long sum = Sum(root, out int count, out int depth);
            totalNodes += count;
            maxDepth = depth > maxDepth ? depth : maxDepth;
            if (round % 6250 == 0)
            {
                keep[round / 6250] = root;
                keepSums[round / 6250] = sum;
                Transcript.WriteLine("tree " + round + ": " + count + " nodes, depth " + depth + ", sum " + sum);
            }
        }

        Transcript.WriteLine("nodes built: " + totalNodes + ", deepest: " + maxDepth);
        bool ok = true;
        for (int i = 0; i < keep.Length; i++)
        {
            ok &= Sum(keep[i], out _, out _) == keepSums[i];
        }

        Transcript.WriteLine("kept trees intact: " + ok);
        return 0;
    }

    private static Node Build(int depth, ref int budget)
    {
        s_rng ^= s_rng << 13;
        s_rng ^= s_rng >> 17;
        s_rng ^= s_rng << 5;
        var n = new Node { Value = (int)(s_rng & 0xFFFF), Depth = depth };
        budget--;
        if (depth < 19 && budget > 0)
        {
            uint shape = s_rng % 4;
            if (shape != 0)
            {
                n.Left = Build(depth + 1, ref budget);
            }

            if (shape >= 2 && budget > 0)
            {
                n.Right = Build(depth + 1, ref budget);
            }
        }

        return n;
    }

    private static long Sum(Node? n, out int count, out int depth)
    {
        if (n == null)
        {
            count = 0;
            depth = 0;
            return 0;
        }

        long l = Sum(n.Left, out int lc, out int ld);
        long r = Sum(n.Right, out int rc, out int rd);
        count = lc + rc + 1;
        depth = (ld > rd ? ld : rd) + 1;
        return l + r + n.Value + n.Depth;
    }
}

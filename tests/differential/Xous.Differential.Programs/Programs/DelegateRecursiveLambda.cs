using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Recursive lambdas through a captured delegate variable, a Y-combinator style fixpoint, and a lambda-based visitor over a tree.</summary>
public static class DelegateRecursiveLambda
{
    private sealed class Tree
    {
        public Tree(int value, Tree? left = null, Tree? right = null)
        {
            Value = value;
            Left = left;
            Right = right;
        }

        public int Value { get; }

        public Tree? Left { get; }

        public Tree? Right { get; }
    }

    public static int Main()
    {
        Func<int, long> fact = null!;
        fact = n => n <= 1 ? 1 : n * fact(n - 1);
        Transcript.WriteLine(fact(15));
        Func<int, int> gcd = null!;
        gcd = a => a;
        Func<int, int, int> gcd2 = null!;
        gcd2 = (a, b) => b == 0 ? a : gcd2(b, a % b);
        Transcript.WriteLine(gcd(9) + " " + gcd2(1071, 462));
        Func<int, long> fib = Fix<int, long>(self => n => n < 2 ? n : self(n - 1) + self(n - 2));
        Transcript.WriteLine(fib(25));
        var tree = new Tree(1, new Tree(2, new Tree(4), new Tree(5)), new Tree(3, null, new Tree(6, new Tree(7))));
        string order = "";
        Action<Tree?> visit = null!;
        visit = t =>
        {
            if (t == null)
            {
                return;
            }

            visit(t.Left);
            order += t.Value;
            visit(t.Right);
        };
        visit(tree);
        Transcript.WriteLine(order);
        Func<Tree?, int> height = null!;
        height = t => t == null ? 0 : 1 + Math.Max(height(t.Left), height(t.Right));
        Transcript.WriteLine(height(tree));
        return 0;
    }

    private static Func<TA, TR> Fix<TA, TR>(Func<Func<TA, TR>, Func<TA, TR>> f)
    {
        Func<TA, TR> result = null!;
        result = a => f(result)(a);
        return result;
    }
}

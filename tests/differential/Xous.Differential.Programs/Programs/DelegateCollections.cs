using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Delegates stored in collections: a command table in a Dictionary, a pipeline in a List, a queue of pending actions.</summary>
public static class DelegateCollections
{
    public static int Main()
    {
        var commands = new Dictionary<string, Func<int, int, int>>
        {
            ["add"] = (a, b) => a + b,
            ["sub"] = (a, b) => a - b,
            ["pow"] = Power,
        };
        commands["max"] = Math.Max;
        string[] script = { "add 2 3", "pow 2 10", "max -4 -9", "sub 1 100", "nop 1 1" };
        foreach (string line in script)
        {
            int s1 = line.IndexOf(' ');
            int s2 = line.IndexOf(' ', s1 + 1);
            string name = line.Substring(0, s1);
            int a = int.Parse(line.Substring(s1 + 1, s2 - s1 - 1));
            int b = int.Parse(line.Substring(s2 + 1));
            Transcript.WriteLine(commands.TryGetValue(name, out Func<int, int, int>? op) ? line + " = " + op(a, b) : line + " ?");
        }

        var pipeline = new List<Func<long, long>> { x => x + 1, x => x * x, x => x - 3 };
        pipeline.Insert(1, x => x << 2);
        for (long seed = 0; seed < 4; seed++)
        {
            long v = seed;
            foreach (Func<long, long> stage in pipeline)
            {
                v = stage(v);
            }

            Transcript.Write(v + " ");
        }

        Transcript.WriteLine();
        var pending = new Queue<Action>();
        int total = 0;
        for (int i = 1; i <= 5; i++)
        {
            int n = i;
            pending.Enqueue(() =>
            {
                total += n;
                if (n % 2 == 1)
                {
                    pending.Enqueue(() => total *= 2);
                }
            });
        }

        int executed = 0;
        while (pending.TryDequeue(out Action? next))
        {
            next();
            executed++;
        }

        Transcript.WriteLine(total + " after " + executed + " actions");
        return 0;
    }

    private static int Power(int b, int e)
    {
        int r = 1;
        for (int i = 0; i < e; i++)
        {
            r *= b;
        }

        return r;
    }
}

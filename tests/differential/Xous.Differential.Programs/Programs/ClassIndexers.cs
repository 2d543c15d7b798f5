using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Indexers: get/set, overloads by parameter type, two-parameter indexers, compound assignment through an indexer.</summary>
public static class ClassIndexers
{
    private sealed class Grid
    {
        private readonly int[] _cells;
        private readonly int _width;

        public Grid(int width, int height)
        {
            _width = width;
            _cells = new int[width * height];
        }

        public int this[int x, int y]
        {
            get => _cells[(y * _width) + x];
            set => _cells[(y * _width) + x] = value;
        }

        public int this[int index]
        {
            get => _cells[index];
            set => _cells[index] = value;
        }

        public int this[string name]
        {
            get
            {
                int sum = 0;
                foreach (char c in name.AsSpan())
                {
                    sum += this[c - 'a'];
                }

                return sum;
            }
        }

        public int Length => _cells.Length;
    }

    public static int Main()
    {
        var g = new Grid(4, 3);
        for (int y = 0; y < 3; y++)
        {
            for (int x = 0; x < 4; x++)
            {
                g[x, y] = (x + 1) * (y + 1);
            }
        }

        for (int i = 0; i < g.Length; i++)
        {
            Transcript.Write(g[i]);
            Transcript.Write(i % 4 == 3 ? "\n" : " ");
        }

        g[2, 1] += 100;
        g[0]++;
        g[11] *= -1;
        Transcript.WriteLine(g[6]);
        Transcript.WriteLine(g[0, 0]);
        Transcript.WriteLine(g[3, 2]);
        Transcript.WriteLine(g["abc"]);
        Transcript.WriteLine(g["l"]);
        return 0;
    }
}

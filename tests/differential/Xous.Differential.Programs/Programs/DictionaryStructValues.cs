using System.Collections.Generic;
using System.Runtime.InteropServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Dictionaries with struct values and tuple keys: copy semantics of the indexer, CollectionsMarshal ref access, enum keys.</summary>
public static class DictionaryStructValues
{
    private struct Stats
    {
        public int Count;
        public long Sum;
    }

    private enum Kind
    {
        Read,
        Write,
        Erase,
    }

    public static int Main()
    {
        var stats = new Dictionary<Kind, Stats>();
        int[] sizes = { 10, 20, 30, 40, 50, 60, 70 };
        for (int i = 0; i < sizes.Length; i++)
        {
            var k = (Kind)(i % 3);
            ref Stats s = ref CollectionsMarshal.GetValueRefOrAddDefault(stats, k, out bool existed);
            s.Count++;
            s.Sum += sizes[i];
            if (!existed)
            {
                Transcript.WriteLine("new entry " + k);
            }
        }

        foreach (KeyValuePair<Kind, Stats> kv in stats)
        {
            Transcript.WriteLine(kv.Key + ": " + kv.Value.Count + " " + kv.Value.Sum);
        }

        Stats copy = stats[Kind.Read];
        copy.Count = 999;
        Transcript.WriteLine(stats[Kind.Read].Count);
        ref Stats direct = ref CollectionsMarshal.GetValueRefOrNullRef(stats, Kind.Erase);
        direct.Sum = -1;
        Transcript.WriteLine(stats[Kind.Erase].Sum);
        var grid = new Dictionary<(int, int), char>();
        for (int y = 0; y < 3; y++)
        {
            for (int x = 0; x < 3; x++)
            {
                grid[(x, y)] = (char)('a' + (y * 3) + x);
            }
        }

        Transcript.Write(grid[(2, 1)]);
        Transcript.Write(grid[(0, 2)]);
        Transcript.WriteLine();
        Transcript.WriteLine(grid.ContainsKey((3, 0)) + " " + grid.Count);
        var pairs = new Dictionary<(string, long), int> { [("a", 1L << 40)] = 1 };
        Transcript.WriteLine(pairs.ContainsKey(("a", 1L << 40)) + " " + pairs.ContainsKey(("a", 1)));
        return 0;
    }
}

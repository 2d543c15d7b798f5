using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>List IndexOf/LastIndexOf (with ranges), Contains with nulls and reference types, Find/FindIndex/FindAll, RemoveAll.</summary>
public static class ListSearching
{
    private sealed class Item
    {
        public Item(string name, int weight)
        {
            Name = name;
            Weight = weight;
        }

        public string Name { get; }

        public int Weight { get; }
    }

    public static int Main()
    {
        var l = new List<int> { 4, 8, 15, 16, 23, 42, 8, 15 };
        Transcript.WriteLine(l.IndexOf(8) + " " + l.IndexOf(8, 2) + " " + l.IndexOf(8, 2, 4) + " " + l.LastIndexOf(15) + " " + l.LastIndexOf(15, 6) + " " + l.IndexOf(99));
        Transcript.WriteLine(l.Contains(23) + " " + l.Contains(24));
        var strings = new List<string?> { "a", null, "b", null };
        Transcript.WriteLine(strings.IndexOf(null) + " " + strings.LastIndexOf(null) + " " + strings.Contains("b") + " " + strings.IndexOf(new string('b', 1)));
        var items = new List<Item> { new("anvil", 50), new("feather", 1), new("brick", 5), new("boulder", 500) };
        Item probe = items[2];
        Transcript.WriteLine(items.IndexOf(probe) + " " + items.IndexOf(new Item("brick", 5)));
        Transcript.WriteLine(items.Find(i => i.Weight > 10)!.Name);
        Transcript.WriteLine(items.FindLast(i => i.Weight > 10)!.Name);
        Transcript.WriteLine(items.Find(i => i.Weight > 1000) == null);
        Transcript.WriteLine(items.FindIndex(i => i.Name.StartsWith('b')) + " " + items.FindLastIndex(i => i.Name.StartsWith('b')));
        List<Item> heavy = items.FindAll(i => i.Weight >= 5);
        foreach (Item i in heavy)
        {
            Transcript.Write(i.Name + " ");
        }

        Transcript.WriteLine();
        Transcript.WriteLine(items.RemoveAll(i => i.Name.Length == 5));
        foreach (Item i in items)
        {
            Transcript.Write(i.Name + " ");
        }

        Transcript.WriteLine();
        return 0;
    }
}

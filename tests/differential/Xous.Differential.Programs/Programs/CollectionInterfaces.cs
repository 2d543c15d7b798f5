using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Collections through their interfaces: IList, ICollection, IReadOnlyList, IDictionary, ISet and IEnumerable over arrays and lists.</summary>
public static class CollectionInterfaces
{
    public static int Main()
    {
        IList<int> list = new List<int> { 3, 1, 2 };
        list.Insert(1, 9);
        list.RemoveAt(0);
        list[0] += 100;
        Transcript.WriteLine(Describe(list));
        IList<int> array = new[] { 5, 6, 7 };
        Transcript.WriteLine(Describe(array) + " " + array.IsReadOnly + " " + array.IndexOf(7) + " " + array.Contains(8));
        try
        {
            array.Add(8);
        }
        catch (System.NotSupportedException)
        {
            Transcript.WriteLine("array.Add not supported");
        }

        IReadOnlyList<string> ro = new List<string> { "x", "y" };
        Transcript.WriteLine(ro.Count + ro[1]);
        ICollection<string> coll = new HashSet<string> { "p", "q" };
        coll.Add("p");
        coll.Add("r");
        Transcript.WriteLine(coll.Count + " " + coll.Remove("q") + " " + coll.Count);
        IDictionary<int, string> dict = new Dictionary<int, string> { [1] = "one" };
        dict.Add(2, "two");
        Transcript.WriteLine(dict.Count + " " + dict[2] + " " + dict.Keys.Count + " " + dict.ContainsKey(1));
        IReadOnlyDictionary<int, string> rod = (IReadOnlyDictionary<int, string>)dict;
        Transcript.WriteLine(rod.TryGetValue(1, out string? one) + " " + one);
        ISet<int> set = new HashSet<int> { 1, 2 };
        Transcript.WriteLine(set.Add(2) + " " + set.Add(3) + " " + set.IsSupersetOf(new[] { 1, 3 }));
        IEnumerable<int>[] sources = { new List<int> { 1, 2 }, new[] { 3 }, new HashSet<int> { 4, 5 }, new Queue<int>(new[] { 6 }), new Stack<int>(new[] { 7, 8 }) };
        int total = 0;
        foreach (IEnumerable<int> source in sources)
        {
            foreach (int v in source)
            {
                total = (total * 10) + v;
            }
        }

        Transcript.WriteLine(total);
        return 0;
    }

    private static string Describe(IList<int> l)
    {
        string s = l.Count + "[";
        foreach (int v in l)
        {
            s += v + ";";
        }

        return s + "]";
    }
}

using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>KeyValuePair: construction, Create, Deconstruct, ToString, use in lists and dictionaries built from pairs.</summary>
public static class KeyValuePairs
{
    public static int Main()
    {
        var p = new KeyValuePair<string, int>("answer", 42);
        Transcript.WriteLine(p.Key + " " + p.Value + " " + p.ToString());
        KeyValuePair<int, string?> q = KeyValuePair.Create(7, (string?)null);
        Transcript.WriteLine(q.ToString());
        (string k, int v) = p;
        Transcript.WriteLine(k + v);
        var list = new List<KeyValuePair<string, long>>
        {
            new("b", 2),
            new("a", 1L << 40),
            KeyValuePair.Create("c", -3L),
        };
        list.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        foreach ((string key, long value) in list)
        {
            Transcript.WriteLine(key + " -> " + value);
        }

        var d = new Dictionary<string, long>(list);
        Transcript.WriteLine(d.Count + " " + d["a"]);
        var copy = new Dictionary<string, long>(d);
        copy["d"] = 4;
        Transcript.WriteLine(copy.Count + " " + d.Count);
        ICollection<KeyValuePair<string, long>> coll = d;
        Transcript.WriteLine(coll.Contains(new KeyValuePair<string, long>("b", 2)) + " " + coll.Contains(new KeyValuePair<string, long>("b", 3)));
        KeyValuePair<int, int> def = default;
        Transcript.WriteLine(def.ToString());
        return 0;
    }
}

using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Dictionary&lt;int, string&gt;: Add, indexer set/get, TryGetValue, ContainsKey/ContainsValue, Remove, TryAdd, Count, duplicate Add.</summary>
public static class DictionaryIntKeys
{
    public static int Main()
    {
        var d = new Dictionary<int, string>();
        for (int i = 0; i < 20; i++)
        {
            d.Add(i * 7 % 23, "v" + i);
        }

        Transcript.WriteLine(d.Count);
        Transcript.WriteLine(d[0] + " " + d[7] + " " + d[14]);
        Transcript.WriteLine(d.TryGetValue(21, out string? v) + " " + v);
        Transcript.WriteLine(d.TryGetValue(22, out v) + " " + (v == null));
        Transcript.WriteLine(d.ContainsKey(5) + " " + d.ContainsKey(-5) + " " + d.ContainsValue("v3") + " " + d.ContainsValue("v30"));
        d[5] = "replaced";
        d[1000] = "new";
        Transcript.WriteLine(d[5] + " " + d[1000] + " " + d.Count);
        Transcript.WriteLine(d.TryAdd(1000, "again") + " " + d.TryAdd(1001, "added") + " " + d.Count);
        Transcript.WriteLine(d.Remove(1000) + " " + d.Remove(1000) + " " + d.Count);
        Transcript.WriteLine(d.Remove(1001, out string? removed) + " " + removed);
        try
        {
            d.Add(0, "dup");
        }
        catch (System.ArgumentException)
        {
            Transcript.WriteLine("duplicate key rejected");
        }

        try
        {
            Transcript.WriteLine(d[12345]);
        }
        catch (KeyNotFoundException)
        {
            Transcript.WriteLine("KeyNotFoundException");
        }

        long sum = 0;
        foreach (KeyValuePair<int, string> kv in d)
        {
            sum = (sum * 31) + kv.Key + kv.Value.Length;
        }

        Transcript.WriteLine(sum);
        var negative = new Dictionary<int, int> { [int.MinValue] = 1, [-1] = 2, [0] = 3, [int.MaxValue] = 4 };
        Transcript.WriteLine(negative[int.MinValue] + negative[-1] * 10 + negative[0] * 100 + negative[int.MaxValue] * 1000);
        d.Clear();
        Transcript.WriteLine(d.Count + " " + d.ContainsKey(0));
        return 0;
    }
}

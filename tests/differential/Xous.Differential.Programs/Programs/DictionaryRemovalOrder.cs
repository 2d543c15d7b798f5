using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// Dictionary enumeration order as .NET defines it: insertion order until removals; removed slots are reused most
/// recently freed first, so later additions appear in the freed positions.
/// </summary>
public static class DictionaryRemovalOrder
{
    public static int Main()
    {
        var d = new Dictionary<int, string>();
        for (int i = 1; i <= 8; i++)
        {
            d[i * 10] = "v" + i;
        }

        Print(d);
        d.Remove(20);
        d.Remove(50);
        d.Remove(70);
        Print(d);
        d[1] = "a";
        Print(d);
        d[2] = "b";
        d[3] = "c";
        d[4] = "d";
        Print(d);
        d.Remove(1);
        d.Remove(10);
        d[5] = "e";
        Print(d);
        var s = new Dictionary<string, int>();
        string[] keys = { "k1", "k2", "k3", "k4", "k5" };
        foreach (string k in keys)
        {
            s[k] = k.Length;
        }

        s.Remove("k2");
        s.Remove("k4");
        s["z1"] = 1;
        s["z2"] = 2;
        s["z3"] = 3;
        Transcript.WriteLine(string.Join(" ", new List<string>(s.Keys).ToArray()));
        var big = new Dictionary<int, int>();
        for (int i = 0; i < 100; i++)
        {
            big[i] = i;
        }

        for (int i = 0; i < 100; i += 3)
        {
            big.Remove(i);
        }

        for (int i = 1000; i < 1010; i++)
        {
            big[i] = i;
        }

        string line = "";
        int n = 0;
        foreach (KeyValuePair<int, int> kv in big)
        {
            if (n++ < 20)
            {
                line += kv.Key + " ";
            }
        }

        Transcript.WriteLine(line + "... count " + big.Count);
        return 0;
    }

    private static void Print(Dictionary<int, string> d)
    {
        string line = "";
        foreach (KeyValuePair<int, string> kv in d)
        {
            line += kv.Key + "=" + kv.Value + " ";
        }

        Transcript.WriteLine(line);
    }
}

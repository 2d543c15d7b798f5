using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Nested generic instantiations: lists of dictionaries of lists, generic types nested in generic types, type arguments flowing through.</summary>
public static class GenericNested
{
    private sealed class Outer<T>
    {
        public sealed class Inner<TU>
        {
            public T? A;
            public TU? B;

            public override string ToString() => "Inner(" + A + ", " + B + ")";
        }

        public Inner<TV> Make<TV>(T a, TV b) => new() { A = a, B = b };
    }

    public static int Main()
    {
        var table = new List<Dictionary<string, List<int>>>();
        for (int i = 0; i < 3; i++)
        {
            var d = new Dictionary<string, List<int>>();
            d["evens"] = new List<int>();
            d["odds"] = new List<int>();
            for (int j = 0; j < 5 + i; j++)
            {
                d[j % 2 == 0 ? "evens" : "odds"].Add(j * (i + 1));
            }

            table.Add(d);
        }

        foreach (Dictionary<string, List<int>> d in table)
        {
            foreach (KeyValuePair<string, List<int>> kv in d)
            {
                string line = kv.Key + ":";
                foreach (int v in kv.Value)
                {
                    line += " " + v;
                }

                Transcript.WriteLine(line);
            }
        }

        var o = new Outer<int>();
        Outer<int>.Inner<string> inner = o.Make(5, "five");
        Transcript.WriteLine(inner.ToString());
        Transcript.WriteLine(new Outer<string>().Make("x", 'y').ToString());
        Transcript.WriteLine(new Outer<long>.Inner<bool> { A = 1L << 60, B = true }.ToString());
        var deep = new List<List<List<string>>> { new() { new() { "a", "b" }, new() }, new() { new() { "c" } } };
        int count = 0;
        foreach (List<List<string>> l1 in deep)
        {
            foreach (List<string> l2 in l1)
            {
                count += l2.Count;
            }
        }

        Transcript.WriteLine(count);
        var pairs = new KeyValuePair<int, KeyValuePair<string, long>>(1, new KeyValuePair<string, long>("k", -9));
        Transcript.WriteLine(pairs.ToString());
        return 0;
    }
}

using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A custom IEqualityComparer&lt;T&gt; (ASCII case-insensitive strings, modular ints) for Dictionary and HashSet, and EqualityComparer.Create.</summary>
public static class DictionaryCustomComparer
{
    private sealed class AsciiIgnoreCase : IEqualityComparer<string>
    {
        public int Calls;

        public bool Equals(string? x, string? y)
        {
            Calls++;
            if (x is null || y is null)
            {
                return x is null && y is null;
            }

            if (x.Length != y.Length)
            {
                return false;
            }

            for (int i = 0; i < x.Length; i++)
            {
                if (Lower(x[i]) != Lower(y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(string s)
        {
            int h = 5381;
            for (int i = 0; i < s.Length; i++)
            {
                h = (h * 33) ^ Lower(s[i]);
            }

            return h;
        }

        private static char Lower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c;
    }

    private sealed class Mod10 : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x % 10 == y % 10;

        public int GetHashCode(int x) => x % 10;
    }

    public static int Main()
    {
        var cmp = new AsciiIgnoreCase();
        var d = new Dictionary<string, int>(cmp) { ["Hello"] = 1, ["WORLD"] = 2 };
        d["hello"] = 10;
        d["World"] += 5;
        Transcript.WriteLine(d.Count + " " + d["HELLO"] + " " + d["world"]);
        foreach (KeyValuePair<string, int> kv in d)
        {
            Transcript.WriteLine(kv.Key + "=" + kv.Value);
        }

        Transcript.WriteLine(d.ContainsKey("hElLo") + " " + d.ContainsKey("hell"));
        Transcript.WriteLine(cmp.Calls > 0);
        var set = new HashSet<int>(new Mod10()) { 1, 11, 21, 2, 35, 45, 9 };
        Transcript.WriteLine(set.Count + " " + set.Contains(101) + " " + set.Contains(3));
        foreach (int x in set)
        {
            Transcript.Write(x + " ");
        }

        Transcript.WriteLine();
        var byLength = EqualityComparer<string>.Create((a, b) => a?.Length == b?.Length, s => s.Length);
        var lengths = new Dictionary<string, string>(byLength) { ["one"] = "first three-letter word" };
        lengths["two"] = "second three-letter word";
        lengths["three"] = "five letters";
        Transcript.WriteLine(lengths.Count + " " + lengths["xyz"] + " / " + lengths["abcde"]);
        Transcript.WriteLine(ReferenceEquals(d.Comparer, cmp));
        return 0;
    }
}

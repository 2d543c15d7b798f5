using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Dictionary&lt;string, int&gt;: word counting, lookups with strings built at run time, Keys/Values collections, null key rejected.</summary>
public static class DictionaryStringKeys
{
    public static int Main()
    {
        string text = "the cat and the dog and the bird saw the cat";
        var counts = new Dictionary<string, int>();
        int start = 0;
        while (start < text.Length)
        {
            int space = text.IndexOf(' ', start);
            int end = space < 0 ? text.Length : space;
            string word = text.Substring(start, end - start);
            counts[word] = counts.TryGetValue(word, out int c) ? c + 1 : 1;
            start = end + 1;
        }

        foreach (KeyValuePair<string, int> kv in counts)
        {
            Transcript.WriteLine(kv.Key + " " + kv.Value);
        }

        string built = new string(new[] { 't', 'h', 'e' });
        Transcript.WriteLine(counts[built]);
        Transcript.WriteLine(counts.ContainsKey("THE") + " " + counts.ContainsKey("") + " " + counts.Count);
        Transcript.WriteLine(string.Join(",", new List<string>(counts.Keys).ToArray()));
        int total = 0;
        foreach (int v in counts.Values)
        {
            total += v;
        }

        Transcript.WriteLine(total + " " + counts.Keys.Count + " " + counts.Values.Count);
        counts[""] = -1;
        Transcript.WriteLine(counts[""]);
        try
        {
            counts[null!] = 1;
        }
        catch (System.ArgumentNullException e)
        {
            Transcript.WriteLine("ArgumentNullException " + e.ParamName);
        }

        var unicode = new Dictionary<string, string> { ["\u00e9t\u00e9"] = "summer", ["\U0001F600"] = "smile", ["e\u0301te\u0301"] = "decomposed" };
        Transcript.WriteLine(unicode["\u00e9t\u00e9"] + " " + unicode["\U0001F600"] + " " + unicode.Count);
        return 0;
    }
}

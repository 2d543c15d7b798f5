using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Dictionary enumeration and mutation: adding invalidates the enumerator, removing and overwriting during enumeration do not (.NET Core 3+).</summary>
public static class DictionaryEnumeratorInvalidation
{
    public static int Main()
    {
        var d = new Dictionary<int, int>();
        for (int i = 0; i < 6; i++)
        {
            d[i] = i * i;
        }

        try
        {
            foreach (KeyValuePair<int, int> kv in d)
            {
                if (kv.Key == 2)
                {
                    d[100] = 1;
                }
            }
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine("add: " + e.Message);
        }

        foreach (KeyValuePair<int, int> kv in d)
        {
            if (kv.Key % 2 == 0)
            {
                d.Remove(kv.Key);
            }
        }

        Transcript.WriteLine(d.Count);
        foreach (int key in new List<int>(d.Keys))
        {
            d[key] = -d[key];
        }

        foreach (KeyValuePair<int, int> kv in d)
        {
            d[kv.Key] = kv.Value * 10;
        }

        foreach (KeyValuePair<int, int> kv in d)
        {
            Transcript.Write(kv.Key + "=" + kv.Value + " ");
        }

        Transcript.WriteLine();
        try
        {
            foreach (int k in d.Keys)
            {
                d.Add(k + 1000, 0);
            }
        }
        catch (InvalidOperationException)
        {
            Transcript.WriteLine("keys enumerator invalidated");
        }

        Transcript.WriteLine(d.Count);
        return 0;
    }
}

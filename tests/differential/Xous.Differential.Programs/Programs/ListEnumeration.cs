using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>List enumeration: foreach, the struct enumerator, modification during enumeration throws InvalidOperationException; setting an item does too.</summary>
public static class ListEnumeration
{
    public static int Main()
    {
        var list = new List<string> { "one", "two", "three" };
        foreach (string s in list)
        {
            Transcript.Write(s + " ");
        }

        Transcript.WriteLine();
        List<string>.Enumerator e = list.GetEnumerator();
        while (e.MoveNext())
        {
            Transcript.Write(e.Current.Length + " ");
        }

        Transcript.WriteLine();
        e.Dispose();
        Try("add during foreach", () =>
        {
            foreach (string s in list)
            {
                if (s == "two")
                {
                    list.Add("four");
                }
            }
        });
        Try("remove during foreach", () =>
        {
            foreach (string s in list)
            {
                list.Remove(s);
            }
        });
        Try("set during foreach", () =>
        {
            foreach (string s in list)
            {
                list[0] = s;
            }
        });
        Try("remove on last element", () =>
        {
            var nums = new List<int> { 1, 2, 3 };
            int seen = 0;
            foreach (int n in nums)
            {
                seen++;
                if (n == 2)
                {
                    nums.RemoveAt(2);
                }
            }

            Transcript.WriteLine("finished after " + seen + " with count " + nums.Count);
        });
        Transcript.WriteLine(string.Join(",", list.ToArray()));
        IEnumerable<string> asInterface = list;
        int total = 0;
        foreach (string s in asInterface)
        {
            total += s.Length;
        }

        Transcript.WriteLine(total);
        IEnumerator<string> ie = asInterface.GetEnumerator();
        ie.MoveNext();
        list.Add("x");
        try
        {
            ie.MoveNext();
        }
        catch (InvalidOperationException ex)
        {
            Transcript.WriteLine("interface enumerator: " + ex.Message);
        }

        return 0;
    }

    private static void Try(string what, Action a)
    {
        try
        {
            a();
            Transcript.WriteLine(what + ": no exception");
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine(what + ": " + e.Message);
        }
    }
}

using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Array.IndexOf&lt;T&gt;/LastIndexOf&lt;T&gt; with ranges, Array.Reverse&lt;T&gt; of whole and part, Array.Resize growing and shrinking, Array.Empty.</summary>
public static class ArraySearchReverseResize
{
    public static int Main()
    {
        int[] a = { 5, 3, 9, 3, 7, 3, 1 };
        Transcript.WriteLine(Array.IndexOf(a, 3));
        Transcript.WriteLine(Array.IndexOf(a, 3, 2));
        Transcript.WriteLine(Array.IndexOf(a, 3, 4, 2));
        Transcript.WriteLine(Array.IndexOf(a, 42));
        Transcript.WriteLine(Array.LastIndexOf(a, 3));
        Transcript.WriteLine(Array.LastIndexOf(a, 3, 4));
        Transcript.WriteLine(Array.LastIndexOf(a, 5, 6, 3));
        string?[] s = { "x", null, "y", "x" };
        Transcript.WriteLine(Array.IndexOf(s, null));
        Transcript.WriteLine(Array.LastIndexOf(s, "x"));
        Transcript.WriteLine(Array.IndexOf(s, "z"));
        Array.Reverse(a);
        Print(a);
        Array.Reverse(a, 1, 4);
        Print(a);
        char[] letters = "abcdef".ToCharArray();
        Array.Reverse(letters, 2, 4);
        Transcript.WriteLine(new string(letters));
        int[]? grow = { 1, 2, 3 };
        Array.Resize(ref grow, 6);
        Print(grow);
        Array.Resize(ref grow, 2);
        Print(grow);
        int[]? nothing = null;
        Array.Resize(ref nothing, 3);
        Print(nothing);
        int[] e1 = Array.Empty<int>();
        int[] e2 = Array.Empty<int>();
        Transcript.WriteLine(e1.Length + " " + ReferenceEquals(e1, e2));
        Transcript.WriteLine(Array.Empty<string>().Length);
        try
        {
            Array.IndexOf(a, 1, 10);
        }
        catch (ArgumentOutOfRangeException)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException");
        }

        return 0;
    }

    private static void Print(int[] a)
    {
        string s = a.Length + ":";
        foreach (int v in a)
        {
            s += " " + v;
        }

        Transcript.WriteLine(s);
    }
}

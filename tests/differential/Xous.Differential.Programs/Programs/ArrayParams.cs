using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>params arrays and params spans: zero, one and many arguments, passing an existing array, and mixed with fixed parameters.</summary>
public static class ArrayParams
{
    public static int Main()
    {
        Transcript.WriteLine(Sum());
        Transcript.WriteLine(Sum(5));
        Transcript.WriteLine(Sum(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        int[] existing = { 100, 200 };
        Transcript.WriteLine(Sum(existing));
        Transcript.WriteLine(Label("list"));
        Transcript.WriteLine(Label("list", "a"));
        Transcript.WriteLine(Label("list", "a", "b", "c"));
        Transcript.WriteLine(Label("nulls", null!, "x"));
        Transcript.WriteLine(CountObjects(1, "two", 3L, null));
        Transcript.WriteLine(CountObjects());
        Transcript.WriteLine(SpanSum(1, 2, 3));
        Transcript.WriteLine(SpanSum());
        Transcript.WriteLine(Join('-', "a", "b", "c"));
        return 0;
    }

    private static int Sum(params int[] values)
    {
        int s = 0;
        foreach (int v in values)
        {
            s += v;
        }

        return s;
    }

    private static string Label(string head, params string[] tail)
    {
        string s = head + "(" + tail.Length + ")";
        foreach (string t in tail)
        {
            s += " " + (t ?? "<null>");
        }

        return s;
    }

    private static int CountObjects(params object?[] items)
    {
        int nonNull = 0;
        foreach (object? o in items)
        {
            if (o != null)
            {
                nonNull++;
            }
        }

        return (items.Length * 10) + nonNull;
    }

    private static long SpanSum(params ReadOnlySpan<long> values)
    {
        long s = 0;
        foreach (long v in values)
        {
            s += v << 32;
        }

        return s;
    }

    private static string Join(char sep, params ReadOnlySpan<string?> parts) => string.Join(sep, parts);
}

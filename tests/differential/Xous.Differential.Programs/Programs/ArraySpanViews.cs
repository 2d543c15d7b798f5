using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Arrays through AsSpan with ranges and indexes (instead of array[a..b]), CopyTo, ToArray and span writes reaching the array.</summary>
public static class ArraySpanViews
{
    public static int Main()
    {
        int[] a = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        Span<int> middle = a.AsSpan(3..7);
        middle[0] = 30;
        middle[^1] = 60;
        Print(a);
        Span<int> tail = a.AsSpan(^3);
        tail.Fill(-1);
        Print(a);
        int[] copy = a.AsSpan(1, 4).ToArray();
        Print(copy);
        a.AsSpan(0, 3).CopyTo(a.AsSpan(5));
        Print(a);
        a.AsSpan(2..^2).Reverse();
        Print(a);
        a.AsSpan().Clear();
        Print(a);
        Transcript.WriteLine(a[^1] + a[^10]);
        try
        {
            _ = a.AsSpan(8, 5);
        }
        catch (ArgumentOutOfRangeException)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException");
        }

        return 0;
    }

    private static void Print(ReadOnlySpan<int> s)
    {
        string line = s.Length + ":";
        foreach (int v in s)
        {
            line += " " + v;
        }

        Transcript.WriteLine(line);
    }
}

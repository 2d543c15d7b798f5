using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Span&lt;T&gt;/ReadOnlySpan&lt;T&gt; slicing, indexing with ^ and ranges, Fill/Clear/CopyTo/TryCopyTo, SequenceEqual, IndexOf and bounds errors.</summary>
public static class StructSpanSlicing
{
    public static int Main()
    {
        int[] data = new int[12];
        Span<int> all = data;
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = i * 3;
        }

        Span<int> mid = all.Slice(3, 5);
        Span<int> tail = all[8..];
        Transcript.WriteLine(mid[0] + " " + mid[^1] + " " + tail.Length + " " + tail[^1]);
        mid.Slice(1, 2).Fill(-1);
        tail[..2].Clear();
        Print(data);
        ReadOnlySpan<int> ro = data;
        Transcript.WriteLine(ro.IndexOf(-1) + " " + ro.LastIndexOf(-1) + " " + ro.IndexOf(999) + " " + ro.Contains(21));
        Transcript.WriteLine(ro.Slice(0, 3).SequenceEqual(new[] { 0, 3, 6 }) + " " + ro.Slice(0, 3).SequenceEqual(new[] { 0, 3 }));
        Transcript.WriteLine(ro.StartsWith(new[] { 0, 3 }) + " " + ro.EndsWith(new[] { 30, 33 }));
        int[] small = new int[3];
        Transcript.WriteLine(ro.Slice(9).TryCopyTo(small) + " " + ro.TryCopyTo(small));
        Print(small);
        all.Slice(0, 4).CopyTo(all.Slice(2));
        Print(data);
        all.Reverse();
        Print(data);
        Transcript.WriteLine(Span<int>.Empty.IsEmpty + " " + all.Slice(12).IsEmpty + " " + default(ReadOnlySpan<byte>).Length);
        Try(() => data.AsSpan().Slice(13));
        Try(() => data.AsSpan().Slice(5, 8));
        Try(() => data.AsSpan().Slice(-1, 2));
        try
        {
            Transcript.WriteLine(all[12]);
        }
        catch (IndexOutOfRangeException)
        {
            Transcript.WriteLine("IndexOutOfRangeException");
        }

        int sum = 0;
        foreach (ref int x in all.Slice(0, 4))
        {
            x *= 2;
            sum += x;
        }

        Transcript.WriteLine(sum + " " + data[11]);
        return 0;
    }

    private delegate void SpanAction();

    private static void Try(SpanAction a)
    {
        try
        {
            a();
            Transcript.WriteLine("ok");
        }
        catch (ArgumentOutOfRangeException)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException");
        }
    }

    private static void Print(ReadOnlySpan<int> s)
    {
        string line = "";
        foreach (int v in s)
        {
            line += v + " ";
        }

        Transcript.WriteLine(line);
    }
}

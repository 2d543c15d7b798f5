using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>IndexOf/LastIndexOf of chars with start and count, IndexOfAny, Contains, StartsWith/EndsWith(char) and span searches for substrings.</summary>
public static class StringSearching
{
    public static int Main()
    {
        string s = "mississippi river";
        Transcript.WriteLine(s.IndexOf('s'));
        Transcript.WriteLine(s.IndexOf('s', 4));
        Transcript.WriteLine(s.IndexOf('s', 7, 3));
        Transcript.WriteLine(s.IndexOf('z'));
        Transcript.WriteLine(s.LastIndexOf('i'));
        Transcript.WriteLine(s.LastIndexOf('i', 10));
        Transcript.WriteLine(s.LastIndexOf('s', 5, 2));
        Transcript.WriteLine(s.IndexOfAny(new[] { 'p', 'v' }));
        Transcript.WriteLine(s.IndexOfAny(new[] { 'x', 'y' }));
        Transcript.WriteLine(s.Contains('r') + " " + s.Contains('R'));
        Transcript.WriteLine(s.Contains("ssip") + " " + s.Contains("sip r") + " " + s.Contains("rivers") + " " + s.Contains(""));
        Transcript.WriteLine(s.StartsWith('m') + " " + s.EndsWith('r') + " " + "".StartsWith('a') + " " + "".EndsWith('a'));
        ReadOnlySpan<char> span = s;
        Transcript.WriteLine(span.IndexOf("ssi".AsSpan()));
        Transcript.WriteLine(span.LastIndexOf("ssi".AsSpan()));
        Transcript.WriteLine(span.IndexOf("river".AsSpan()));
        Transcript.WriteLine(span.StartsWith("miss".AsSpan()) + " " + span.EndsWith("ver".AsSpan()));
        Transcript.WriteLine(span.Slice(4).IndexOf('i'));
        int count = 0;
        int at = -1;
        while ((at = s.IndexOf('i', at + 1)) >= 0)
        {
            count++;
        }

        Transcript.WriteLine(count);
        try
        {
            s.IndexOf('i', 18);
        }
        catch (ArgumentOutOfRangeException)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException");
        }

        return 0;
    }
}

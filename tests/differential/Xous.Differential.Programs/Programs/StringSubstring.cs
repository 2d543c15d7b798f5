using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Substring, ranges and indexes on strings, Insert and Remove, with ArgumentOutOfRangeException for bad arguments.</summary>
public static class StringSubstring
{
    public static int Main()
    {
        string s = "The quick brown fox";
        Transcript.WriteLine(s.Substring(4));
        Transcript.WriteLine(s.Substring(4, 5));
        Transcript.WriteLine(s.Substring(19).Length);
        Transcript.WriteLine(s.Substring(0, 0).Length);
        Transcript.WriteLine(s[10..15]);
        Transcript.WriteLine(s[^3..]);
        Transcript.WriteLine(s[..3]);
        Transcript.Write(s[^1]);
        Transcript.Write(s[0]);
        Transcript.WriteLine();
        Transcript.WriteLine(s.Insert(4, "very "));
        Transcript.WriteLine(s.Insert(s.Length, "!"));
        Transcript.WriteLine(s.Remove(3));
        Transcript.WriteLine(s.Remove(4, 6));
        Transcript.WriteLine(ReferenceEquals(s.Substring(0), s));
        Try(() => s.Substring(20));
        Try(() => s.Substring(-1));
        Try(() => s.Substring(5, 15));
        Try(() => s.Remove(25));
        Try(() => s.Insert(-2, "x"));
        try
        {
            Transcript.Write(s[19]);
        }
        catch (IndexOutOfRangeException e)
        {
            Transcript.WriteLine("IndexOutOfRangeException: " + e.Message);
        }

        return 0;
    }

    private static void Try(Func<string> f)
    {
        try
        {
            Transcript.WriteLine(f());
        }
        catch (ArgumentOutOfRangeException e)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException " + e.ParamName);
        }
    }
}

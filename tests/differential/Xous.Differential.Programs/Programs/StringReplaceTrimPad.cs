using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Replace (char and string, including removal and growth), Trim/TrimStart/TrimEnd variants, PadLeft/PadRight.</summary>
public static class StringReplaceTrimPad
{
    public static int Main()
    {
        string s = "a-b-c--d";
        Transcript.WriteLine(s.Replace('-', '+'));
        Transcript.WriteLine(s.Replace("-", ""));
        Transcript.WriteLine(s.Replace("--", "=="));
        Transcript.WriteLine(s.Replace("-", "<->"));
        Transcript.WriteLine(s.Replace("x", "y"));
        Transcript.WriteLine(s.Replace("-", null));
        Transcript.WriteLine("aaaa".Replace("aa", "a"));
        string padded = "  \t hello world \n ";
        Transcript.WriteLine("[" + padded.Trim() + "]");
        Transcript.WriteLine("[" + padded.TrimStart() + "]");
        Transcript.WriteLine("[" + padded.TrimEnd() + "]");
        Transcript.WriteLine("[" + "xxhixx".Trim('x') + "]");
        Transcript.WriteLine("[" + "xyhiyx".Trim('x', 'y') + "]");
        Transcript.WriteLine("[" + "00012300".TrimStart('0') + "]");
        Transcript.WriteLine("[" + "00012300".TrimEnd('0') + "]");
        Transcript.WriteLine("[" + "   ".Trim() + "]");
        Transcript.WriteLine("[" + "\u00a0nbsp\u2003".Trim() + "]");
        Transcript.WriteLine("[" + "42".PadLeft(6) + "]");
        Transcript.WriteLine("[" + "42".PadLeft(6, '0') + "]");
        Transcript.WriteLine("[" + "42".PadRight(6, '.') + "]");
        Transcript.WriteLine("[" + "toolong".PadLeft(3) + "]");
        for (int i = 1; i <= 100000; i *= 10)
        {
            Transcript.WriteLine(i.ToString().PadLeft(8, '_') + "|" + i.ToString().PadRight(8) + "|");
        }

        return 0;
    }
}

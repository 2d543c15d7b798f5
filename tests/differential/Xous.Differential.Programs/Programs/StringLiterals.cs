using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>ldstr: constant UTF-16 strings, including non-ASCII, surrogate pairs, escapes and the empty string.</summary>
public static class StringLiterals
{
    private static readonly string s_greeting = "static field literal";

    public static int Main()
    {
        Transcript.WriteLine("Hello from C# on RV32IMAC");
        Transcript.WriteLine("");
        Transcript.WriteLine("tab\there, \"quotes\", back\\slash, /* not a comment */");
        Transcript.WriteLine("accents: éàü ñ, CJK: 漢字, emoji: 🦀 (a surrogate pair)");
        Transcript.WriteLine(s_greeting);
        Transcript.WriteLine(Pick(0));
        Transcript.WriteLine(Pick(1));
        Transcript.WriteLine(ReferenceEquals(Pick(0), "zero") ? "literals are interned" : "literals are copies");
        Transcript.WriteLine("zero".Length);
        Transcript.WriteLine(string.Empty.Length);
        Transcript.Write('x');
        Transcript.Write('\u00e9');
        Transcript.WriteLine();
        string? nothing = null;
        Transcript.WriteLine(nothing);
        return 0;
    }

    private static string Pick(int i) => i == 0 ? "zero" : "not zero";
}

using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>String equality and ordinal comparison: ==, Equals, string.Equals with nulls, CompareOrdinal signs, interned vs built strings.</summary>
public static class StringEquality
{
    public static int Main()
    {
        string a = "hello";
        string b = "hel" + Suffix();
        Transcript.WriteLine(a == b);
        Transcript.WriteLine(ReferenceEquals(a, b));
        Transcript.WriteLine(a.Equals(b));
        Transcript.WriteLine(a.Equals((object)b));
        Transcript.WriteLine(a.Equals(null));
        Transcript.WriteLine(string.Equals(null, null));
        Transcript.WriteLine(string.Equals(a, null));
        Transcript.WriteLine(a != "Hello");
        Transcript.WriteLine("" == string.Empty);
        Transcript.WriteLine(new string('x', 0) == "");
        object boxed = b;
        Transcript.WriteLine(boxed.Equals(a));
        Transcript.WriteLine(boxed == (object?)a);
        string[] words = { "apple", "Apple", "apples", "app", "", "b", "\u00e9", "z" };
        foreach (string x in words)
        {
            string line = x.PadRight(7) + ":";
            foreach (string y in words)
            {
                int c = string.CompareOrdinal(x, y);
                line += c < 0 ? " <" : c > 0 ? " >" : " =";
            }

            Transcript.WriteLine(line);
        }

        Transcript.WriteLine(Sign(string.CompareOrdinal(null, "a")));
        Transcript.WriteLine(Sign(string.CompareOrdinal("a", null)));
        Transcript.WriteLine(Sign(string.CompareOrdinal(null, null)));
        Transcript.WriteLine(Sign(string.CompareOrdinal("xabcx", 1, "yabdy", 1, 2)));
        Transcript.WriteLine(Sign(string.CompareOrdinal("xabcx", 1, "yabdy", 1, 3)));
        Transcript.WriteLine(string.IsNullOrEmpty(null) + " " + string.IsNullOrEmpty("") + " " + string.IsNullOrEmpty(" "));
        Transcript.WriteLine(string.IsNullOrWhiteSpace(" \t\n") + " " + string.IsNullOrWhiteSpace(" x "));
        return 0;
    }

    private static string Suffix() => "lo";

    private static int Sign(int v) => v < 0 ? -1 : v > 0 ? 1 : 0;
}

using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>String concatenation: + with strings, numbers, chars, bools and null; compound +=; string.Concat overloads of 2 to 5 parts.</summary>
public static class StringConcatenation
{
    public static int Main()
    {
        string s = "a" + "b" + 1 + 2;
        Transcript.WriteLine(s);
        Transcript.WriteLine(1 + 2 + "c");
        Transcript.WriteLine("x" + 'y' + 'z');
        Transcript.WriteLine('y' + 'z' + "x");
        Transcript.WriteLine("b=" + true + "," + false);
        string? nothing = null;
        Transcript.WriteLine("[" + nothing + "]");
        Transcript.WriteLine("long " + long.MinValue + " ulong " + ulong.MaxValue + " uint " + uint.MaxValue);
        Transcript.WriteLine("short " + (short)-5 + " byte " + (byte)250 + " sbyte " + (sbyte)-128);
        string acc = "";
        for (int i = 0; i < 10; i++)
        {
            acc += i;
            acc += ',';
        }

        Transcript.WriteLine(acc);
        Transcript.WriteLine(acc.Length);
        Transcript.WriteLine(string.Concat("one", "two"));
        Transcript.WriteLine(string.Concat("one", "two", "three"));
        Transcript.WriteLine(string.Concat("1", "2", "3", "4"));
        Transcript.WriteLine(string.Concat(new[] { "a", "b", "c", "d", "e" }));
        Transcript.WriteLine(string.Concat(null, "x", null));
        Transcript.WriteLine(string.Concat((object)5, (object)'c'));
        Transcript.WriteLine(string.Concat(1, 2L, 3u));
        Transcript.WriteLine(string.Concat(new object?[] { 1, null, "z", true }));
        Transcript.WriteLine(string.Concat("ab".AsSpan(), "cd".AsSpan()));
        string empty = "" + "";
        Transcript.WriteLine(empty.Length);
        Transcript.WriteLine(ReferenceEquals(string.Concat("", ""), string.Empty));
        string big = "";
        for (int i = 0; i < 200; i++)
        {
            big += (char)('a' + (i % 26));
        }

        Transcript.WriteLine(big.Length + " " + big.Substring(190));
        return 0;
    }
}

using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>char arithmetic and the ASCII classification helpers: IsAsciiDigit/Letter/HexDigit, IsWhiteSpace, IsControl, manual case mapping.</summary>
public static class StringCharHandling
{
    public static int Main()
    {
        string sample = "Hello, World 42!\t~\u00e9\u00a0";
        int letters = 0;
        int digits = 0;
        int spaces = 0;
        int upper = 0;
        int hex = 0;
        int controls = 0;
        int ascii = 0;
        foreach (char c in sample.AsSpan())
        {
            letters += char.IsAsciiLetter(c) ? 1 : 0;
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            spaces += char.IsWhiteSpace(c) ? 1 : 0;
            upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
            hex += char.IsAsciiHexDigit(c) ? 1 : 0;
            controls += char.IsControl(c) ? 1 : 0;
            ascii += char.IsAscii(c) ? 1 : 0;
        }

        Transcript.WriteLine(letters + " " + digits + " " + spaces + " " + upper + " " + hex + " " + controls + " " + ascii);
        Transcript.WriteLine(Swap(sample));
        Transcript.WriteLine(Rot13("Why did the chicken cross the road?"));
        char c1 = 'a';
        c1++;
        c1 += (char)2;
        Transcript.Write(c1);
        Transcript.WriteLine();
        Transcript.WriteLine((int)char.MaxValue + " " + (int)char.MinValue);
        Transcript.WriteLine('7' - '0');
        Transcript.WriteLine(char.IsBetween('m', 'a', 'z') + " " + char.IsBetween('M', 'a', 'z'));
        Transcript.WriteLine(char.IsAsciiLetterOrDigit('_') + " " + char.IsAsciiHexDigitLower('F') + " " + char.IsAsciiHexDigitUpper('F'));
        Transcript.WriteLine('x'.ToString() + char.ToString('y'));
        Transcript.WriteLine('a'.Equals('a') + " " + 'a'.CompareTo('c'));
        Transcript.WriteLine(char.Parse("Z") == 'Z');
        Transcript.WriteLine(char.TryParse("ab", out char parsed) + " " + (int)parsed);
        return 0;
    }

    private static string Swap(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (char.IsAsciiLetterLower(c))
            {
                chars[i] = (char)(c - 32);
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                chars[i] = (char)(c + 32);
            }
        }

        return new string(chars);
    }

    private static string Rot13(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (char.IsAsciiLetterLower(c))
            {
                chars[i] = (char)('a' + ((c - 'a' + 13) % 26));
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                chars[i] = (char)('A' + ((c - 'A' + 13) % 26));
            }
        }

        return new string(chars);
    }
}

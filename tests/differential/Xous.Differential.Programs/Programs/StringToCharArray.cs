using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Strings as char sequences: ToCharArray (whole and part), new string(char, count), foreach over chars, building from char arrays.</summary>
public static class StringToCharArray
{
    public static int Main()
    {
        string s = "abcdefgh";
        char[] all = s.ToCharArray();
        char[] part = s.ToCharArray(2, 3);
        Transcript.WriteLine(all.Length + " " + part.Length + " " + new string(part));
        all[0] = 'Z';
        Transcript.WriteLine(s + " " + new string(all));
        Transcript.WriteLine(new string('*', 12));
        Transcript.WriteLine(new string('-', 0).Length);
        int checksum = 0;
        for (int i = 0; i < s.Length; i++)
        {
            checksum = (checksum * 31) + s[i];
        }

        Transcript.WriteLine(checksum);
        var sorted = "hello world".ToCharArray();
        for (int i = 1; i < sorted.Length; i++)
        {
            char key = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > key)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = key;
        }

        Transcript.WriteLine("[" + new string(sorted) + "]");
        bool palindrome = IsPalindrome("racecar") && !IsPalindrome("raceca") && IsPalindrome("");
        Transcript.WriteLine(palindrome);
        Transcript.WriteLine(Reverse("stressed"));
        Transcript.WriteLine(new string(s.AsSpan(3, 4)));
        Transcript.WriteLine(string.Empty.ToCharArray().Length);
        return 0;
    }

    private static bool IsPalindrome(string s)
    {
        for (int i = 0, j = s.Length - 1; i < j; i++, j--)
        {
            if (s[i] != s[j])
            {
                return false;
            }
        }

        return true;
    }

    private static string Reverse(string s)
    {
        char[] a = s.ToCharArray();
        Array.Reverse(a);
        return new string(a);
    }
}

using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>int/long/uint/byte Parse and TryParse: signs, whitespace, overflow, bad formats, null; messages of FormatException and OverflowException.</summary>
public static class StringParsing
{
    public static int Main()
    {
        string?[] inputs = { "0", "42", "-42", "+7", "  12  ", "2147483647", "-2147483648", "2147483648", "abc", "", "1 2", "0x10", "-0", "007", null };
        foreach (string? s in inputs)
        {
            bool ok = int.TryParse(s, out int v);
            Transcript.WriteLine("[" + (s ?? "null") + "] int " + ok + " " + v);
        }

        Transcript.WriteLine(long.TryParse("-9223372036854775808", out long l) + " " + l);
        Transcript.WriteLine(long.TryParse("9223372036854775808", out l) + " " + l);
        Transcript.WriteLine(uint.TryParse("4294967295", out uint u) + " " + u);
        Transcript.WriteLine(uint.TryParse("-1", out u) + " " + u);
        Transcript.WriteLine(byte.TryParse("255", out byte b) + " " + b);
        Transcript.WriteLine(byte.TryParse("256", out b) + " " + b);
        Transcript.WriteLine(int.TryParse("123".AsSpan(1), out int fromSpan) + " " + fromSpan);
        Transcript.WriteLine(int.Parse("-99") * 2);
        TryParse("12x");
        TryParse("99999999999");
        TryParse("");
        try
        {
            byte.Parse("300");
        }
        catch (OverflowException e)
        {
            Transcript.WriteLine("OverflowException: " + e.Message);
        }

        int sum = 0;
        string csv = "10,20,,30,-5,x,7";
        int start = 0;
        while (start <= csv.Length)
        {
            int comma = csv.IndexOf(',', start);
            int end = comma < 0 ? csv.Length : comma;
            if (int.TryParse(csv.AsSpan(start, end - start), out int field))
            {
                sum += field;
            }

            start = end + 1;
        }

        Transcript.WriteLine(sum);
        return 0;
    }

    private static void TryParse(string s)
    {
        try
        {
            Transcript.WriteLine(int.Parse(s));
        }
        catch (FormatException e)
        {
            Transcript.WriteLine("FormatException: " + e.Message);
        }
        catch (OverflowException e)
        {
            Transcript.WriteLine("OverflowException: " + e.Message);
        }
    }
}

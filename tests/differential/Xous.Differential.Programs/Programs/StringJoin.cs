using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>string.Join with string and char separators over arrays and spans, nulls, empty input; string.Create filling a span.</summary>
public static class StringJoin
{
    public static int Main()
    {
        string[] parts = { "red", "green", "blue" };
        Transcript.WriteLine(string.Join(", ", parts));
        Transcript.WriteLine(string.Join('|', parts));
        Transcript.WriteLine(string.Join("", parts));
        Transcript.WriteLine(string.Join(null, parts));
        Transcript.WriteLine("[" + string.Join(",", new string[0]) + "]");
        Transcript.WriteLine(string.Join(",", new string?[] { null, "x", null }));
        Transcript.WriteLine(string.Join(" + ", "one"));
        Transcript.WriteLine(string.Join("-", "a", "b", "c", "d"));
        ReadOnlySpan<string?> span = new string?[] { "s1", "s2" };
        Transcript.WriteLine(string.Join("::", span));
        string created = string.Create(10, 'a', (chars, first) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)(first + (i * 2));
            }
        });
        Transcript.WriteLine(created);
        string numbers = string.Create(5, 12345, (chars, value) =>
        {
            for (int i = chars.Length - 1; i >= 0; i--)
            {
                chars[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        });
        Transcript.WriteLine(numbers);
        var chars = new char[4];
        "wxyz".CopyTo(1, chars, 0, 3);
        chars[3] = '!';
        Transcript.WriteLine(new string(chars));
        Span<char> dest = stackalloc char[6];
        Transcript.WriteLine("abc".TryCopyTo(dest));
        Transcript.WriteLine("abcdefg".TryCopyTo(dest));
        Transcript.WriteLine(new string(dest.Slice(0, 3)));
        return 0;
    }
}

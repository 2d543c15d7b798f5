using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Parsing a small key=value configuration text with spans and IndexOf, without string.Split.</summary>
public static class StringSpanParsing
{
    public static int Main()
    {
        string config = "name = xous\n  cores=1\n# comment\nheap = 1048576 \nflags=a,b,c\nempty=\nbad line\nport=-80";
        int lineStart = 0;
        int lineNo = 0;
        while (lineStart < config.Length)
        {
            int newline = config.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? config.Length : newline;
            ReadOnlySpan<char> line = config.AsSpan(lineStart, lineEnd - lineStart).TrimSpaces();
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                Transcript.WriteLine(lineNo + ": skip");
            }
            else
            {
                int eq = line.IndexOf('=');
                if (eq < 0)
                {
                    Transcript.WriteLine(lineNo + ": error, no '='");
                }
                else
                {
                    string key = new string(line.Slice(0, eq).TrimSpaces());
                    ReadOnlySpan<char> value = line.Slice(eq + 1).TrimSpaces();
                    if (int.TryParse(value, out int number))
                    {
                        Transcript.WriteLine(lineNo + ": " + key + " -> int " + number + " (0x" + number.ToString("X") + ")");
                    }
                    else
                    {
                        Transcript.WriteLine(lineNo + ": " + key + " -> text [" + new string(value) + "] items=" + (Count(value, ',') + (value.Length > 0 ? 1 : 0)));
                    }
                }
            }

            lineStart = lineEnd + 1;
        }

        return 0;
    }

    private static ReadOnlySpan<char> TrimSpaces(this ReadOnlySpan<char> s)
    {
        int start = 0;
        int end = s.Length;
        while (start < end && s[start] == ' ')
        {
            start++;
        }

        while (end > start && s[end - 1] == ' ')
        {
            end--;
        }

        return s.Slice(start, end - start);
    }

    private static int Count(ReadOnlySpan<char> s, char c)
    {
        int n = 0;
        foreach (char x in s)
        {
            if (x == c)
            {
                n++;
            }
        }

        return n;
    }
}

using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Building text without StringBuilder: a char[] buffer that grows, a hex dump formatter and a word wrapper.</summary>
public static class StringBuildingLoop
{
    private sealed class Buffer
    {
        private char[] _chars = new char[4];
        private int _length;

        public int Grows { get; private set; }

        public void Append(string s)
        {
            foreach (char c in s.AsSpan())
            {
                Append(c);
            }
        }

        public void Append(char c)
        {
            if (_length == _chars.Length)
            {
                Array.Resize(ref _chars, _chars.Length * 2);
                Grows++;
            }

            _chars[_length++] = c;
        }

        public override string ToString() => new string(_chars, 0, _length);
    }

    public static int Main()
    {
        var buf = new Buffer();
        for (int i = 0; i < 40; i++)
        {
            buf.Append(i.ToString("X2"));
            buf.Append(i % 8 == 7 ? '\n' : ' ');
        }

        Transcript.Write(buf.ToString());
        Transcript.WriteLine(buf.Grows);
        string text = "the device profile of C# compiles to RV32 and prints exactly what the host prints";
        int column = 0;
        var wrapped = new Buffer();
        int start = 0;
        while (start < text.Length)
        {
            int space = text.IndexOf(' ', start);
            int end = space < 0 ? text.Length : space;
            string word = text.Substring(start, end - start);
            if (column + word.Length > 20 && column > 0)
            {
                wrapped.Append('\n');
                column = 0;
            }
            else if (column > 0)
            {
                wrapped.Append(' ');
                column++;
            }

            wrapped.Append(word);
            column += word.Length;
            start = end + 1;
        }

        Transcript.WriteLine(wrapped.ToString());
        return 0;
    }
}

using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>ref structs holding spans: a tokenizer and a writer over stack memory, passed by ref, with scoped parameters.</summary>
public static class StructRefStruct
{
    private ref struct Tokenizer
    {
        private ReadOnlySpan<char> _rest;

        public Tokenizer(ReadOnlySpan<char> text)
        {
            _rest = text;
        }

        public bool Next(out ReadOnlySpan<char> token)
        {
            int i = 0;
            while (i < _rest.Length && _rest[i] == ' ')
            {
                i++;
            }

            _rest = _rest.Slice(i);
            if (_rest.IsEmpty)
            {
                token = default;
                return false;
            }

            int end = _rest.IndexOf(' ');
            if (end < 0)
            {
                end = _rest.Length;
            }

            token = _rest.Slice(0, end);
            _rest = _rest.Slice(end);
            return true;
        }
    }

    private ref struct Writer
    {
        private readonly Span<char> _buffer;
        private int _pos;

        public Writer(Span<char> buffer)
        {
            _buffer = buffer;
            _pos = 0;
        }

        public readonly int Length => _pos;

        public void Append(scoped ReadOnlySpan<char> s)
        {
            s.CopyTo(_buffer.Slice(_pos));
            _pos += s.Length;
        }

        public void Append(char c) => _buffer[_pos++] = c;

        public readonly override string ToString() => new string(_buffer.Slice(0, _pos));
    }

    public static int Main()
    {
        var t = new Tokenizer("  the   quick brown  fox ");
        Span<char> buffer = stackalloc char[64];
        var w = new Writer(buffer);
        int count = 0;
        while (t.Next(out ReadOnlySpan<char> token))
        {
            if (count++ > 0)
            {
                w.Append('|');
            }

            w.Append(token);
            Transcript.WriteLine(new string(token) + " " + token.Length);
        }

        Transcript.WriteLine(w.ToString() + " (" + w.Length + ")");
        AppendTwice(ref w, "!?");
        Transcript.WriteLine(w.ToString());
        Transcript.WriteLine(buffer[0].ToString() + buffer[w.Length - 1]);
        return 0;
    }

    private static void AppendTwice(ref Writer w, string s)
    {
        w.Append(s);
        w.Append(s);
    }
}

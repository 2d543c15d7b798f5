using System;

namespace Xous.Log.Core;

/// <summary>
/// Builds one output line in a fixed buffer. Text from clients goes through <see cref="AppendText"/>, which makes it
/// valid, single-line UTF-8: each byte of an invalid sequence becomes U+FFFD, carriage returns are dropped and every
/// other control character (C0, DEL, C1 — including a line feed) becomes '?', so a client can neither forge a line nor
/// send terminal escape sequences. Past <see cref="Capacity"/> the line is cut at a character boundary.
/// </summary>
internal sealed class LineBuilder
{
    /// <summary>Enough for the longest line the core builds (a 4 KiB panic text, every byte replaced, plus a prefix).</summary>
    public const int Capacity = 16384;

    private readonly byte[] _buffer = new byte[Capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>Empties the line.</summary>
    public void Clear() => Length = 0;

    /// <summary>Cuts the line back to <paramref name="length"/> bytes (to reuse a prefix).</summary>
    public void Rewind(int length) => Length = length;

    /// <summary>Appends ASCII text written by the core itself.</summary>
    public void AppendAscii(string text)
    {
        if (Length + text.Length > Capacity)
        {
            return;
        }

        for (int i = 0; i < text.Length; i++)
        {
            _buffer[Length++] = (byte)text[i];
        }
    }

    /// <summary>Appends a number in decimal.</summary>
    public void AppendDecimal(uint value)
    {
        Span<byte> digits = stackalloc byte[10];
        int count = 0;
        do
        {
            digits[count++] = (byte)('0' + (value % 10));
            value /= 10;
        }
        while (value != 0);

        if (Length + count > Capacity)
        {
            return;
        }

        while (count > 0)
        {
            _buffer[Length++] = digits[--count];
        }
    }

    /// <summary>Appends client text, made safe (see the type).</summary>
    public void AppendText(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length)
        {
            byte lead = text[i];
            if (lead < 0x80)
            {
                if (lead != (byte)'\r')
                {
                    Put(IsControl(lead) ? (byte)'?' : lead);
                }

                i++;
                continue;
            }

            int size = SequenceLength(text.Slice(i), out uint codePoint);
            if (size == 0)
            {
                PutReplacement();
                i++;
            }
            else
            {
                if (codePoint <= 0x9F)
                {
                    Put((byte)'?');     // C1 control (U+0080..U+009F)
                }
                else if (Length + size <= Capacity)
                {
                    text.Slice(i, size).CopyTo(_buffer.AsSpan(Length));
                    Length += size;
                }

                i += size;
            }
        }
    }

    private static bool IsControl(byte value) => (value < 0x20 && value != (byte)'\t') || value == 0x7F;

    /// <summary>The length of the well-formed UTF-8 sequence at the start of <paramref name="text"/>, or 0.</summary>
    private static int SequenceLength(ReadOnlySpan<byte> text, out uint codePoint)
    {
        byte lead = text[0];
        int size;
        uint minimum;
        if ((lead & 0xE0) == 0xC0)
        {
            size = 2;
            codePoint = lead & 0x1Fu;
            minimum = 0x80;
        }
        else if ((lead & 0xF0) == 0xE0)
        {
            size = 3;
            codePoint = lead & 0x0Fu;
            minimum = 0x800;
        }
        else if ((lead & 0xF8) == 0xF0)
        {
            size = 4;
            codePoint = lead & 0x07u;
            minimum = 0x10000;
        }
        else
        {
            codePoint = 0;
            return 0;
        }

        if (text.Length < size)
        {
            return 0;
        }

        for (int j = 1; j < size; j++)
        {
            byte next = text[j];
            if ((next & 0xC0) != 0x80)
            {
                return 0;
            }

            codePoint = (codePoint << 6) | (next & 0x3Fu);
        }

        bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
        return codePoint < minimum || codePoint > 0x10FFFF || surrogate ? 0 : size;
    }

    private void Put(byte value)
    {
        if (Length < Capacity)
        {
            _buffer[Length++] = value;
        }
    }

    private void PutReplacement()
    {
        if (Length + 3 <= Capacity)
        {
            _buffer[Length++] = 0xEF;
            _buffer[Length++] = 0xBF;
            _buffer[Length++] = 0xBD;
        }
    }
}

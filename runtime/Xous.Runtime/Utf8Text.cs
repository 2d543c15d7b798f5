using System;

namespace Xous.Runtime;

/// <summary>
/// UTF-8 for fixed-size buffers (the device corlib has no <c>System.Text</c>): encoding UTF-16 text into a bounded
/// destination and cutting UTF-8 bytes, both only ever on a code-point boundary, so a truncated text is still valid
/// UTF-8. Unpaired surrogates are written as U+FFFD, as .NET's encoder does. Pure functions, no state.
/// </summary>
public static class Utf8Text
{
    /// <summary>
    /// Encodes as much of <paramref name="text"/> as fits into <paramref name="destination"/>, stopping before the
    /// first character whose bytes would not fit whole.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination) => Encode(text, destination, out _);

    /// <summary>
    /// Encodes as much of <paramref name="text"/> as fits into <paramref name="destination"/>, stopping before the
    /// first character whose bytes would not fit whole; <paramref name="charsConsumed"/> tells where to continue.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination, out int charsConsumed)
    {
        int written = 0;
        int index = 0;
        while (index < text.Length)
        {
            uint codePoint = text[index];
            int consumed = 1;
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
            {
                bool paired = codePoint <= 0xDBFF && index + 1 < text.Length && text[index + 1] >= 0xDC00 && text[index + 1] <= 0xDFFF;
                if (paired)
                {
                    codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (uint)(text[index + 1] - 0xDC00);
                    consumed = 2;
                }
                else
                {
                    codePoint = 0xFFFD;
                }
            }

            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (written + size > destination.Length)
            {
                break;
            }

            Write(codePoint, size, destination.Slice(written));
            written += size;
            index += consumed;
        }

        charsConsumed = index;
        return written;
    }

    /// <summary>
    /// The number of bytes of UTF-8 <paramref name="text"/> to keep so that at most <paramref name="maxBytes"/> are
    /// kept and the cut does not split a multi-byte sequence (continuation bytes at the cut are dropped with their
    /// lead byte).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is negative.</exception>
    public static int BoundaryAtOrBefore(ReadOnlySpan<byte> text, int maxBytes)
    {
        if (maxBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBytes), "A length cannot be negative.");
        }

        if (text.Length <= maxBytes)
        {
            return text.Length;
        }

        int cut = maxBytes;

        // text[cut] is the first byte dropped: while it continues a sequence, the sequence's start moves the cut back.
        while (cut > 0 && (text[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }

    /// <summary>
    /// Copies <paramref name="text"/> into <paramref name="destination"/>, truncated on a code-point boundary to the
    /// destination's length.
    /// </summary>
    /// <returns>The number of bytes copied.</returns>
    public static int CopyTruncated(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        int length = BoundaryAtOrBefore(text, destination.Length);
        text.Slice(0, length).CopyTo(destination);
        return length;
    }

    private static void Write(uint codePoint, int size, Span<byte> destination)
    {
        switch (size)
        {
            case 1:
                destination[0] = (byte)codePoint;
                break;
            case 2:
                destination[0] = (byte)(0xC0 | (codePoint >> 6));
                destination[1] = (byte)(0x80 | (codePoint & 0x3F));
                break;
            case 3:
                destination[0] = (byte)(0xE0 | (codePoint >> 12));
                destination[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                destination[2] = (byte)(0x80 | (codePoint & 0x3F));
                break;
            default:
                destination[0] = (byte)(0xF0 | (codePoint >> 18));
                destination[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                destination[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                destination[3] = (byte)(0x80 | (codePoint & 0x3F));
                break;
        }
    }
}

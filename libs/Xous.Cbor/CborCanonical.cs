using System;

namespace Xous.Cbor;

/// <summary>CTAP2 canonical key order and UTF-8 rules shared by the writer and the reader.</summary>
internal static class CborCanonical
{
    /// <summary>
    /// Compares two encoded map keys in CTAP2 canonical order: lower major type first (so integers before byte
    /// strings before text), then shorter encoding first, then bytewise. Zero means the keys are equal.
    /// </summary>
    public static int CompareKeys(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        int leftMajor = left[0] >> 5;
        int rightMajor = right[0] >> 5;
        if (leftMajor != rightMajor)
        {
            return leftMajor - rightMajor;
        }

        if (left.Length != right.Length)
        {
            return left.Length - right.Length;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return left[i] - right[i];
            }
        }

        return 0;
    }

    /// <summary>
    /// Checks that <paramref name="utf8"/> is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
    /// above U+10FFFF) and counts the UTF-16 code units it decodes to. Returns -1 when it is not well-formed.
    /// </summary>
    public static int Utf16LengthOfUtf8(ReadOnlySpan<byte> utf8)
    {
        int units = 0;
        int i = 0;
        while (i < utf8.Length)
        {
            int sequenceLength = SequenceLength(utf8, i);
            if (sequenceLength == 0)
            {
                return -1;
            }

            units += sequenceLength == 4 ? 2 : 1;
            i += sequenceLength;
        }

        return units;
    }

    /// <summary>Decodes well-formed UTF-8 (already checked by <see cref="Utf16LengthOfUtf8"/>) into UTF-16.</summary>
    public static void DecodeUtf8(ReadOnlySpan<byte> utf8, Span<char> destination)
    {
        int i = 0;
        int o = 0;
        while (i < utf8.Length)
        {
            int b0 = utf8[i];
            if (b0 < 0x80)
            {
                destination[o++] = (char)b0;
                i++;
            }
            else if (b0 < 0xE0)
            {
                destination[o++] = (char)(((b0 & 0x1F) << 6) | (utf8[i + 1] & 0x3F));
                i += 2;
            }
            else if (b0 < 0xF0)
            {
                destination[o++] = (char)(((b0 & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F));
                i += 3;
            }
            else
            {
                int scalar = ((b0 & 0x07) << 18) | ((utf8[i + 1] & 0x3F) << 12) | ((utf8[i + 2] & 0x3F) << 6) | (utf8[i + 3] & 0x3F);
                scalar -= 0x10000;
                destination[o++] = (char)(0xD800 + (scalar >> 10));
                destination[o++] = (char)(0xDC00 + (scalar & 0x3FF));
                i += 4;
            }
        }
    }

    /// <summary>
    /// Length of the well-formed UTF-8 sequence starting at <paramref name="i"/>, or 0 when it is not well-formed
    /// (Unicode Table 3-7).
    /// </summary>
    private static int SequenceLength(ReadOnlySpan<byte> utf8, int i)
    {
        int b0 = utf8[i];
        if (b0 < 0x80)
        {
            return 1;
        }

        int remaining = utf8.Length - i;
        if (b0 >= 0xC2 && b0 <= 0xDF)
        {
            return remaining >= 2 && IsContinuation(utf8[i + 1]) ? 2 : 0;
        }

        if (b0 >= 0xE0 && b0 <= 0xEF)
        {
            if (remaining < 3)
            {
                return 0;
            }

            int b1 = utf8[i + 1];
            int low = b0 == 0xE0 ? 0xA0 : 0x80;
            int high = b0 == 0xED ? 0x9F : 0xBF;
            return b1 >= low && b1 <= high && IsContinuation(utf8[i + 2]) ? 3 : 0;
        }

        if (b0 >= 0xF0 && b0 <= 0xF4)
        {
            if (remaining < 4)
            {
                return 0;
            }

            int b1 = utf8[i + 1];
            int low = b0 == 0xF0 ? 0x90 : 0x80;
            int high = b0 == 0xF4 ? 0x8F : 0xBF;
            return b1 >= low && b1 <= high && IsContinuation(utf8[i + 2]) && IsContinuation(utf8[i + 3]) ? 4 : 0;
        }

        return 0;
    }

    private static bool IsContinuation(int b) => (b & 0xC0) == 0x80;

    /// <summary>
    /// UTF-8 length of <paramref name="text"/>, or -1 when it contains an unpaired surrogate.
    /// </summary>
    public static long Utf8LengthOfUtf16(ReadOnlySpan<char> text)
    {
        long length = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                length += 1;
            }
            else if (c < 0x800)
            {
                length += 2;
            }
            else if (c >= 0xD800 && c <= 0xDBFF)
            {
                if (i + 1 >= text.Length || text[i + 1] < 0xDC00 || text[i + 1] > 0xDFFF)
                {
                    return -1;
                }

                length += 4;
                i++;
            }
            else if (c >= 0xDC00 && c <= 0xDFFF)
            {
                return -1;
            }
            else
            {
                length += 3;
            }
        }

        return length;
    }

    /// <summary>Encodes UTF-16 already checked by <see cref="Utf8LengthOfUtf16"/> into UTF-8.</summary>
    public static void EncodeUtf8(ReadOnlySpan<char> text, Span<byte> destination)
    {
        int o = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (c < 0x80)
            {
                destination[o++] = (byte)c;
            }
            else if (c < 0x800)
            {
                destination[o++] = (byte)(0xC0 | (c >> 6));
                destination[o++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (c >= 0xD800 && c <= 0xDBFF)
            {
                int scalar = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                i++;
                destination[o++] = (byte)(0xF0 | (scalar >> 18));
                destination[o++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                destination[o++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                destination[o++] = (byte)(0x80 | (scalar & 0x3F));
            }
            else
            {
                destination[o++] = (byte)(0xE0 | (c >> 12));
                destination[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                destination[o++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }
}

using System;

namespace Xous.Pddb.Format;

/// <summary>
/// Names of bases, dictionaries and keys, and passwords, as the UTF-8 bytes stored on flash. Limits are in bytes
/// (a multi-byte character counts for each of its bytes). The codec is written by hand (the device corlib has no
/// <c>System.Text.Encoding</c>) and is strict: lone surrogates are never encoded, and overlong forms, encoded
/// surrogates, code points past U+10FFFF and truncated sequences are never decoded.
/// </summary>
public static class PddbNames
{
    /// <summary>Longest basis name (BASIS_NAME_LEN 64 includes the length byte).</summary>
    public const int MaxBasisNameBytes = 63;

    /// <summary>Longest dictionary name (DICT_NAME_LEN 111 includes the length byte).</summary>
    public const int MaxDictionaryNameBytes = 110;

    /// <summary>Longest key name (KEY_NAME_LEN 95 includes the length byte).</summary>
    public const int MaxKeyNameBytes = 94;

    /// <summary>Longest basis password (bcrypt uses at most 72 key bytes).</summary>
    public const int MaxPasswordBytes = 72;

    /// <summary>
    /// Encodes <paramref name="name"/> as UTF-8. False (and an empty array) for a null or empty name, a lone
    /// surrogate, U+0000, or an encoding longer than <paramref name="maxBytes"/>.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="maxBytes">The limit in bytes, such as <see cref="MaxKeyNameBytes"/>.</param>
    /// <param name="utf8">The UTF-8 bytes on success.</param>
    /// <returns>Whether the name is acceptable.</returns>
    public static bool TryEncode(string name, int maxBytes, out byte[] utf8)
    {
        utf8 = [];
        if (name is null || name.Length == 0)
        {
            return false;
        }

        int length = 0;
        for (int i = 0; i < name.Length; i++)
        {
            int codePoint = ReadCodePoint(name, ref i);
            if (codePoint <= 0)
            {
                return false;
            }

            length += EncodedLength(codePoint);
            if (length > maxBytes)
            {
                return false;
            }
        }

        byte[] bytes = new byte[length];
        int offset = 0;
        for (int i = 0; i < name.Length; i++)
        {
            int codePoint = ReadCodePoint(name, ref i);
            offset += WriteCodePoint(codePoint, bytes.AsSpan(offset));
        }

        utf8 = bytes;
        return true;
    }

    /// <summary>Decodes strict UTF-8.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The string (empty for no bytes).</returns>
    /// <exception cref="FormatException">The bytes are not well-formed UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> utf8)
    {
        int charCount = CountChars(utf8);
        if (charCount < 0)
        {
            throw new FormatException("The name is not well-formed UTF-8.");
        }

        if (charCount == 0)
        {
            return string.Empty;
        }

        char[] chars = new char[charCount];
        int written = 0;
        int offset = 0;
        while (offset < utf8.Length)
        {
            int codePoint = DecodeOne(utf8.Slice(offset), out int consumed);
            offset += consumed;
            if (codePoint >= 0x10000)
            {
                int value = codePoint - 0x10000;
                chars[written++] = (char)(0xD800 + (value >> 10));
                chars[written++] = (char)(0xDC00 + (value & 0x3FF));
            }
            else
            {
                chars[written++] = (char)codePoint;
            }
        }

        return new string(chars, 0, written);
    }

    /// <summary>
    /// Whether <paramref name="utf8"/> is well-formed UTF-8 (RFC 3629; U+0000 is well-formed). An empty span is valid.
    /// </summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>True when every sequence is a shortest-form scalar value.</returns>
    public static bool IsValidUtf8(ReadOnlySpan<byte> utf8) => CountChars(utf8) >= 0;

    /// <summary>UTF-16 chars the bytes decode to, or −1 when they are malformed.</summary>
    private static int CountChars(ReadOnlySpan<byte> utf8)
    {
        int chars = 0;
        int offset = 0;
        while (offset < utf8.Length)
        {
            int codePoint = DecodeOne(utf8.Slice(offset), out int consumed);
            if (codePoint < 0)
            {
                return -1;
            }

            offset += consumed;
            chars += codePoint >= 0x10000 ? 2 : 1;
        }

        return chars;
    }

    /// <summary>Decodes the sequence at the start of <paramref name="utf8"/>; −1 when it is malformed.</summary>
    private static int DecodeOne(ReadOnlySpan<byte> utf8, out int consumed)
    {
        consumed = 1;
        int lead = utf8[0];
        if (lead < 0x80)
        {
            return lead;
        }

        int length;
        int codePoint;
        int minimum;
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            length = 2;
            codePoint = lead & 0x1F;
            minimum = 0x80;
        }
        else if (lead >= 0xE0 && lead <= 0xEF)
        {
            length = 3;
            codePoint = lead & 0x0F;
            minimum = 0x800;
        }
        else if (lead >= 0xF0 && lead <= 0xF4)
        {
            length = 4;
            codePoint = lead & 0x07;
            minimum = 0x10000;
        }
        else
        {
            return -1;
        }

        if (utf8.Length < length)
        {
            return -1;
        }

        for (int i = 1; i < length; i++)
        {
            int continuation = utf8[i];
            if ((continuation & 0xC0) != 0x80)
            {
                return -1;
            }

            codePoint = (codePoint << 6) | (continuation & 0x3F);
        }

        if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            return -1;
        }

        consumed = length;
        return codePoint;
    }

    /// <summary>The scalar value at <paramref name="index"/> (advancing past a surrogate pair); −1 for a lone surrogate.</summary>
    private static int ReadCodePoint(string text, ref int index)
    {
        char c = text[index];
        if (c < 0xD800 || c > 0xDFFF)
        {
            return c;
        }

        if (c <= 0xDBFF && index + 1 < text.Length)
        {
            char low = text[index + 1];
            if (low >= 0xDC00 && low <= 0xDFFF)
            {
                index++;
                return 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            }
        }

        return -1;
    }

    private static int EncodedLength(int codePoint) => codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

    private static int WriteCodePoint(int codePoint, Span<byte> destination)
    {
        if (codePoint < 0x80)
        {
            destination[0] = (byte)codePoint;
            return 1;
        }

        if (codePoint < 0x800)
        {
            destination[0] = (byte)(0xC0 | (codePoint >> 6));
            destination[1] = (byte)(0x80 | (codePoint & 0x3F));
            return 2;
        }

        if (codePoint < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (codePoint >> 12));
            destination[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (codePoint & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (codePoint >> 18));
        destination[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (codePoint & 0x3F));
        return 4;
    }
}

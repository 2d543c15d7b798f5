using System;

namespace Xous.Crypto;

/// <summary>
/// bcrypt's own base 64: the alphabet <c>./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789</c>, three
/// bytes to four characters, most significant bits first, no padding (one trailing byte gives two characters, two
/// give three). Encoding maps a 6-bit value to its character with arithmetic rather than a table lookup.
/// </summary>
internal static class BcryptBase64
{
    /// <summary>Characters for <paramref name="byteCount"/> bytes: ceil(8 · byteCount / 6).</summary>
    public static int EncodedLength(int byteCount) => ((byteCount * 8) + 5) / 6;

    /// <summary>Encodes <paramref name="source"/> into exactly <see cref="EncodedLength"/> characters.</summary>
    public static void Encode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        int written = 0;
        int i = 0;
        while (i < source.Length)
        {
            int first = source[i];
            int second = i + 1 < source.Length ? source[i + 1] : 0;
            int third = i + 2 < source.Length ? source[i + 2] : 0;
            int remaining = source.Length - i;
            destination[written++] = Character(first >> 2);
            destination[written++] = Character(((first & 0x03) << 4) | (second >> 4));
            if (remaining > 1)
            {
                destination[written++] = Character(((second & 0x0F) << 2) | (third >> 6));
            }

            if (remaining > 2)
            {
                destination[written++] = Character(third & 0x3F);
            }

            i += 3;
        }
    }

    /// <summary>
    /// Decodes exactly <paramref name="destination"/>.Length bytes from <paramref name="source"/>
    /// (<see cref="EncodedLength"/> characters). False when a character is outside the alphabet or when the unused
    /// low bits of the last character are not zero (a non-canonical encoding). Not constant-time: use it on public
    /// data (salts) only.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> source, Span<byte> destination)
    {
        if (source.Length != EncodedLength(destination.Length))
        {
            return false;
        }

        int accumulator = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < source.Length; i++)
        {
            int value = Value(source[i]);
            if (value < 0)
            {
                return false;
            }

            accumulator = (accumulator << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(accumulator >> bits);
                accumulator &= (1 << bits) - 1;
            }
        }

        // What is left over are the padding bits of the last character; a canonical encoding leaves them zero.
        return accumulator == 0;
    }

    /// <summary>The character for a 6-bit value, without branches or table lookups.</summary>
    private static char Character(int value)
    {
        int c = value + '.';
        c += ((1 - value) >> 31) & ('A' - 2 - '.');
        c += ((27 - value) >> 31) & (('a' - 28) - ('A' - 2));
        c += ((53 - value) >> 31) & (('0' - 54) - ('a' - 28));
        return (char)c;
    }

    /// <summary>The 6-bit value of a character, or −1 when it is not in the alphabet.</summary>
    private static int Value(char c)
    {
        if (c is '.' or '/')
        {
            return c - '.';
        }

        if (c is >= 'A' and <= 'Z')
        {
            return c - 'A' + 2;
        }

        if (c is >= 'a' and <= 'z')
        {
            return c - 'a' + 28;
        }

        if (c is >= '0' and <= '9')
        {
            return c - '0' + 54;
        }

        return -1;
    }
}

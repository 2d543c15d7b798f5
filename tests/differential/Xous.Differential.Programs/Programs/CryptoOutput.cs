using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Shared by the Crypto* programs: fixed inputs and hexadecimal output of results.</summary>
internal static class CryptoOutput
{
    /// <summary>Fills <paramref name="destination"/> from a xorshift32 generator seeded with <paramref name="seed"/> (non-zero).</summary>
    public static void Fill(Span<byte> destination, uint seed)
    {
        uint state = seed;
        for (int i = 0; i < destination.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            destination[i] = (byte)(state >> 24);
        }
    }

    /// <summary>A buffer of <paramref name="length"/> bytes filled from <paramref name="seed"/>.</summary>
    public static byte[] Bytes(int length, uint seed)
    {
        byte[] bytes = new byte[length];
        Fill(bytes, seed);
        return bytes;
    }

    /// <summary>Prints "label: hex".</summary>
    public static void Line(string label, ReadOnlySpan<byte> value)
    {
        const string Digits = "0123456789abcdef";
        char[] text = new char[value.Length * 2];
        for (int i = 0; i < value.Length; i++)
        {
            text[2 * i] = Digits[value[i] >> 4];
            text[(2 * i) + 1] = Digits[value[i] & 15];
        }

        Transcript.WriteLine(label + ": " + new string(text));
    }

    /// <summary>Prints "label: True/False".</summary>
    public static void Line(string label, bool value) => Transcript.WriteLine(label + ": " + (value ? "True" : "False"));
}

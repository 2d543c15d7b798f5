using System;

namespace Xous.Abi;

/// <summary>Allocation-free lowercase hexadecimal for ABI values' <c>ToString</c>.</summary>
internal static class Hex
{
    private const string Digits = "0123456789abcdef";

    /// <summary>Writes <paramref name="value"/> as eight hex digits into <paramref name="destination"/>.</summary>
    public static void WriteWord(uint value, Span<char> destination)
    {
        for (int i = 7; i >= 0; i--)
        {
            destination[i] = Digits[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    /// <summary>"0x" followed by eight hex digits.</summary>
    public static string Format(uint value)
    {
        Span<char> text = stackalloc char[10];
        text[0] = '0';
        text[1] = 'x';
        WriteWord(value, text.Slice(2));
        return new string(text);
    }
}

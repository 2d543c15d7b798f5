using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>RVA data read in place: ReadOnlySpan&lt;byte&gt; properties over constant byte arrays and UTF-8 literals ("..."u8).</summary>
public static class RvaByteTables
{
    private static ReadOnlySpan<byte> Sbox => new byte[]
    {
        0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
        0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
        0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
        0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    };

    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    private static ReadOnlySpan<sbyte> Deltas => new sbyte[] { -128, -1, 0, 1, 127, -64, 63, -2, 2, 100, -100, 50 };

    private static ReadOnlySpan<bool> Flags => new bool[] { true, false, false, true, true, false, true, false };

    public static int Main()
    {
        Transcript.WriteLine(Sbox.Length);
        int sum = 0;
        foreach (byte b in Sbox)
        {
            sum += b;
        }

        Transcript.WriteLine(sum);
        Transcript.WriteLine(Sbox[0] + " " + Sbox[63] + " " + Sbox[17]);
        byte[] input = { 0, 1, 2, 63, 32, 48 };
        string mapped = "";
        foreach (byte b in input)
        {
            byte s = Sbox[b];
            mapped += (char)Hex[s >> 4];
            mapped += (char)Hex[s & 15];
            mapped += ' ';
        }

        Transcript.WriteLine(mapped);
        ReadOnlySpan<byte> greeting = "Grüße, Xous! 🦀"u8;
        Transcript.WriteLine(greeting.Length);
        string bytes = "";
        foreach (byte b in greeting)
        {
            bytes += b.ToString("X2");
        }

        Transcript.WriteLine(bytes);
        int deltaSum = 0;
        foreach (sbyte d in Deltas)
        {
            deltaSum += d;
        }

        Transcript.WriteLine(deltaSum + " " + Deltas[0] + " " + Deltas[^1]);
        int bits = 0;
        for (int i = 0; i < Flags.Length; i++)
        {
            bits |= Flags[i] ? 1 << i : 0;
        }

        Transcript.WriteLine(bits);
        Transcript.WriteLine(Sbox.Slice(16, 4).IndexOf((byte)0x7d) + " " + Hex.IndexOf((byte)'f'));
        return 0;
    }
}

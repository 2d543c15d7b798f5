using System.Numerics;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>BitOperations: PopCount, Leading/TrailingZeroCount, Log2, IsPow2, RoundUpToPowerOf2, RotateLeft/Right and CRC-32C, on 32 and 64 bits.</summary>
public static class BitOperationsFunctions
{
    public static int Main()
    {
        uint[] values = { 0, 1, 2, 3, 0x80000000, 0xFFFFFFFF, 0x00F0F000, 12345678, 1u << 20, (1u << 20) + 1 };
        foreach (uint v in values)
        {
            Transcript.WriteLine(v.ToString("X8") + ": pop " + BitOperations.PopCount(v) + " lzc " + BitOperations.LeadingZeroCount(v) + " tzc " + BitOperations.TrailingZeroCount(v) + " log2 " + BitOperations.Log2(v) + " pow2 " + BitOperations.IsPow2(v) + " up " + BitOperations.RoundUpToPowerOf2(v));
        }

        ulong[] wide = { 0, 1, 0x8000000000000000, ulong.MaxValue, 0x0000000100000000, 0x00FF00FF00FF00FF };
        foreach (ulong v in wide)
        {
            Transcript.WriteLine(v.ToString("X16") + ": pop " + BitOperations.PopCount(v) + " lzc " + BitOperations.LeadingZeroCount(v) + " tzc " + BitOperations.TrailingZeroCount(v) + " log2 " + BitOperations.Log2(v) + " pow2 " + BitOperations.IsPow2(v));
        }

        Transcript.WriteLine(BitOperations.RotateLeft(0x80000001u, 1).ToString("X8") + " " + BitOperations.RotateRight(0x80000001u, 1).ToString("X8") + " " + BitOperations.RotateLeft(0x12345678u, 36).ToString("X8"));
        Transcript.WriteLine(BitOperations.RotateLeft(0x8000000000000001UL, 4).ToString("X16") + " " + BitOperations.RotateRight(1UL, 1).ToString("X16"));
        Transcript.WriteLine(BitOperations.IsPow2(0) + " " + BitOperations.IsPow2(-8) + " " + BitOperations.IsPow2(64) + " " + BitOperations.IsPow2(1L << 62) + " " + BitOperations.TrailingZeroCount(-8) + " " + BitOperations.TrailingZeroCount(0L));
        Transcript.WriteLine(BitOperations.RoundUpToPowerOf2(0x80000001u) + " " + BitOperations.RoundUpToPowerOf2(1000UL));
        uint crc = 0xFFFFFFFF;
        string text = "123456789";
        for (int i = 0; i < text.Length; i++)
        {
            crc = BitOperations.Crc32C(crc, (byte)text[i]);
        }

        Transcript.WriteLine((~crc).ToString("X8"));
        Transcript.WriteLine(BitOperations.Crc32C(0u, 0xDEADBEEFu).ToString("X8") + " " + BitOperations.Crc32C(1u, (ushort)0xBEEF).ToString("X8") + " " + BitOperations.Crc32C(0xFFFFFFFFu, 0x0123456789ABCDEFUL).ToString("X8"));
        return 0;
    }
}

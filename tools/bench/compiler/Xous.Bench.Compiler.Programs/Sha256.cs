using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Xous.Bench.Compiler.Programs;

/// <summary>SHA-256 (FIPS 180-4) of 64 KiB of LCG bytes, the twin of ../c/sha256.c.</summary>
public static class Sha256
{
    /// <summary>The length of the hashed input in bytes.</summary>
    public const int InputLength = 65536;

    /// <summary>The LCG seed of the input (one word per 4 bytes, little-endian).</summary>
    public const uint Seed = 0x5348;

    private static readonly byte[] s_input = new byte[InputLength];

    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5,
        0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174,
        0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
        0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967,
        0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85,
        0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
        0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3,
        0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2,
    ];

    /// <summary>Generates the input and hashes it; the checksum is the first word of the digest (big-endian).</summary>
    public static uint Run()
    {
        Span<byte> input = s_input;
        var lcg = new Lcg(Seed);
        for (int i = 0; i < input.Length; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(input.Slice(i), lcg.Next());
        }

        Span<uint> state = stackalloc uint[] { 0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19 };
        Span<uint> schedule = stackalloc uint[64];
        for (int offset = 0; offset < input.Length; offset += 64)
        {
            Compress(state, schedule, input.Slice(offset, 64));
        }

        // The input is a whole number of blocks, so the padding is one block: 0x80, zeros, the length in bits.
        Span<byte> last = stackalloc byte[64];
        last[0] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(last.Slice(56), (ulong)InputLength * 8);
        Compress(state, schedule, last);
        return state[0];
    }

    private static void Compress(Span<uint> state, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (int i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4));
        }

        for (int i = 16; i < 64; i++)
        {
            uint s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }

        ReadOnlySpan<uint> k = RoundConstants;
        uint a = state[0], b = state[1], c = state[2], d = state[3];
        uint e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; i++)
        {
            uint t1 = h + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25)) +
                      ((e & f) ^ (~e & g)) + k[i] + w[i];
            uint t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22)) +
                      ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}

using System;
using System.Buffers.Binary;

namespace Xous.Bench.Crypto.Programs;

/// <summary>Fixed pseudo-random inputs (xorshift32), the same on the CLR and on the device.</summary>
public static class Inputs
{
    /// <summary>Fills <paramref name="destination"/> from <paramref name="seed"/> (non-zero), one xorshift step per 4 bytes.</summary>
    public static void Fill(Span<byte> destination, uint seed)
    {
        uint state = seed;
        int i = 0;
        for (; i + 4 <= destination.Length; i += 4)
        {
            state = Next(state);
            BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(i), state);
        }

        for (; i < destination.Length; i++)
        {
            state = Next(state);
            destination[i] = (byte)state;
        }
    }

    /// <summary>Mixes <paramref name="value"/> into <paramref name="checksum"/> (FNV-style, order-sensitive).</summary>
    public static uint Mix(uint checksum, uint value) => (checksum ^ value) * 0x0100_0193;

    private static uint Next(uint state)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }

    /// <summary>The first four bytes of <paramref name="result"/> as a little-endian word: the checksum of a run.</summary>
    public static uint Checksum(ReadOnlySpan<byte> result) => BinaryPrimitives.ReadUInt32LittleEndian(result);
}

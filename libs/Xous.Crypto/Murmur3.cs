using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Xous.Crypto;

/// <summary>
/// MurmurHash3, x86 32-bit variant (murmur3_32), for hash tables and bucketing. It is not a cryptographic hash:
/// anyone who knows the seed can build collisions, so never use it for integrity or authentication.
/// </summary>
public static class Murmur3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    /// <summary>Hashes <paramref name="data"/> with <paramref name="seed"/>. Allocation-free.</summary>
    /// <param name="data">The bytes to hash; may be empty.</param>
    /// <param name="seed">The seed (the initial hash value).</param>
    /// <returns>The 32-bit hash.</returns>
    public static uint Hash32(ReadOnlySpan<byte> data, uint seed = 0)
    {
        uint hash = seed;
        int whole = data.Length & ~3;
        for (int offset = 0; offset < whole; offset += 4)
        {
            hash ^= Scramble(BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]));
            hash = BitOperations.RotateLeft(hash, 13);
            hash = unchecked((hash * 5) + 0xe6546b64);
        }

        ReadOnlySpan<byte> tail = data[whole..];
        if (tail.Length > 0)
        {
            uint k = 0;
            for (int i = tail.Length - 1; i >= 0; i--)
            {
                k = (k << 8) | tail[i];
            }

            hash ^= Scramble(k);
        }

        hash ^= unchecked((uint)data.Length);
        hash ^= hash >> 16;
        hash = unchecked(hash * 0x85ebca6b);
        hash ^= hash >> 13;
        hash = unchecked(hash * 0xc2b2ae35);
        hash ^= hash >> 16;
        return hash;
    }

    private static uint Scramble(uint k)
    {
        k = unchecked(k * C1);
        k = BitOperations.RotateLeft(k, 15);
        return unchecked(k * C2);
    }
}

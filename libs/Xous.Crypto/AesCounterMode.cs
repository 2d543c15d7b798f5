using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// The counter-mode key streams of GCM (a 32-bit big-endian counter in bytes 12–15, SP 800-38D inc32) and GCM-SIV
/// (a 32-bit little-endian counter in bytes 0–3, RFC 8452 §4), four blocks per AES pass, over any
/// <see cref="IBlockOperations"/> engine (the software <see cref="AesEngine"/> or an injected
/// <see cref="IBlockCipher"/>). The counter wraps modulo 2^32 as both specifications say; callers keep messages
/// short enough that it never repeats (int lengths do).
/// </summary>
internal static class AesCounterMode
{
    /// <summary>
    /// XORs the key stream starting at <paramref name="counterBlock"/> into <paramref name="source"/>, writing
    /// <paramref name="destination"/> (same length; may be the same memory). The key stream is wiped afterwards.
    /// </summary>
    public static void Transform<TCipher>(
        ref TCipher engine, ReadOnlySpan<byte> counterBlock, bool littleEndianCounterFirst, ReadOnlySpan<byte> source, Span<byte> destination)
        where TCipher : struct, IBlockOperations
    {
        Span<byte> counters = stackalloc byte[16 * AesEngine.ParallelBlocks];
        Span<byte> keyStream = stackalloc byte[16 * AesEngine.ParallelBlocks];
        uint counter = littleEndianCounterFirst
            ? BinaryPrimitives.ReadUInt32LittleEndian(counterBlock)
            : BinaryPrimitives.ReadUInt32BigEndian(counterBlock[12..]);
        for (int offset = 0; offset < source.Length; offset += keyStream.Length)
        {
            int take = Math.Min(keyStream.Length, source.Length - offset);
            int blocks = (take + 15) / 16;
            for (int b = 0; b < blocks; b++)
            {
                Span<byte> block = counters.Slice(16 * b, 16);
                counterBlock.CopyTo(block);
                if (littleEndianCounterFirst)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(block, counter);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32BigEndian(block[12..], counter);
                }

                counter = unchecked(counter + 1);
            }

            engine.EncryptBlocks(counters, keyStream, blocks);
            int i = 0;
            for (; i + 8 <= take; i += 8)
            {
                ulong word = BinaryPrimitives.ReadUInt64LittleEndian(source[(offset + i)..])
                    ^ BinaryPrimitives.ReadUInt64LittleEndian(keyStream[i..]);
                BinaryPrimitives.WriteUInt64LittleEndian(destination[(offset + i)..], word);
            }

            for (; i < take; i++)
            {
                destination[offset + i] = (byte)(source[offset + i] ^ keyStream[i]);
            }
        }

        keyStream.Clear();
        counters.Clear();
    }
}

using System;
using Xous.Crypto;

namespace Xous.Vault.Pin;

/// <summary>
/// AES-256-CBC without padding over Xous.Crypto's block cipher, as the PIN/UV auth protocols use it (CTAP 2.1
/// §6.5.6 and §6.5.7): whole blocks only, the IV supplied by the caller.
/// </summary>
internal static class AesCbc
{
    /// <summary>The AES block size.</summary>
    public const int BlockSize = 16;

    /// <summary>Encrypts whole blocks; <paramref name="output"/> must be as long as <paramref name="input"/>.</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        CheckLengths(iv, input, output);
        Span<byte> chain = stackalloc byte[BlockSize];
        iv.CopyTo(chain);
        using var aes = new Aes(key);
        for (int offset = 0; offset < input.Length; offset += BlockSize)
        {
            for (int i = 0; i < BlockSize; i++)
            {
                chain[i] ^= input[offset + i];
            }

            aes.EncryptBlock(chain, chain);
            chain.CopyTo(output.Slice(offset, BlockSize));
        }

        chain.Clear();
    }

    /// <summary>Decrypts whole blocks; <paramref name="output"/> must be as long as <paramref name="input"/> (not overlapping it).</summary>
    public static void Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        CheckLengths(iv, input, output);
        Span<byte> block = stackalloc byte[BlockSize];
        using var aes = new Aes(key);
        for (int offset = 0; offset < input.Length; offset += BlockSize)
        {
            aes.DecryptBlock(input.Slice(offset, BlockSize), block);
            ReadOnlySpan<byte> previous = offset == 0 ? iv : input.Slice(offset - BlockSize, BlockSize);
            for (int i = 0; i < BlockSize; i++)
            {
                output[offset + i] = (byte)(block[i] ^ previous[i]);
            }
        }

        block.Clear();
    }

    private static void CheckLengths(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (iv.Length != BlockSize)
        {
            throw new ArgumentException("The IV must be 16 bytes.", nameof(iv));
        }

        if (input.Length % BlockSize != 0 || output.Length != input.Length)
        {
            throw new ArgumentException("CBC input must be whole blocks and the output as long as the input.", nameof(output));
        }
    }
}

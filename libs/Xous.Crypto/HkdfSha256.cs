using System;

namespace Xous.Crypto;

/// <summary>HKDF with HMAC-SHA-256 (RFC 5869): extract, expand, and both in one call. Allocation-free.</summary>
public static class HkdfSha256
{
    /// <summary>HashLen: the size of the pseudorandom key and of one expansion block.</summary>
    public const int HashSizeInBytes = 32;

    /// <summary>The longest output RFC 5869 allows: 255 · HashLen = 8160 bytes.</summary>
    public const int MaxOutputLength = 255 * HashSizeInBytes;

    /// <summary>HKDF-Extract: PRK = HMAC-SHA-256(salt, IKM).</summary>
    /// <param name="inputKeyMaterial">IKM.</param>
    /// <param name="salt">The salt; empty means HashLen zero bytes (RFC 5869 §2.2), which HMAC treats alike.</param>
    /// <param name="pseudoRandomKey">Exactly <see cref="HashSizeInBytes"/> bytes for PRK.</param>
    /// <exception cref="ArgumentException"><paramref name="pseudoRandomKey"/> has the wrong length.</exception>
    public static void Extract(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, Span<byte> pseudoRandomKey)
    {
        Check.Length(pseudoRandomKey.Length, HashSizeInBytes, nameof(pseudoRandomKey));
        HmacSha256.Compute(salt, inputKeyMaterial, pseudoRandomKey);
    }

    /// <summary>HKDF-Expand: fills <paramref name="output"/> with T(1) | T(2) | … truncated to its length.</summary>
    /// <param name="pseudoRandomKey">PRK, at least <see cref="HashSizeInBytes"/> bytes (RFC 5869 §2.3).</param>
    /// <param name="info">Context and application-specific information; may be empty.</param>
    /// <param name="output">OKM; its length L is at most <see cref="MaxOutputLength"/>. Must not overlap <paramref name="info"/>.</param>
    /// <exception cref="ArgumentException">L exceeds <see cref="MaxOutputLength"/>, or PRK is shorter than HashLen.</exception>
    public static void Expand(ReadOnlySpan<byte> pseudoRandomKey, ReadOnlySpan<byte> info, Span<byte> output)
    {
        if (output.Length > MaxOutputLength)
        {
            throw new ArgumentException(
                $"HKDF-SHA-256 can derive at most {MaxOutputLength} bytes (255 blocks of {HashSizeInBytes}); {output.Length} were asked for.",
                nameof(output));
        }

        if (pseudoRandomKey.Length < HashSizeInBytes)
        {
            throw new ArgumentException(
                $"The pseudorandom key must be at least {HashSizeInBytes} bytes; got {pseudoRandomKey.Length}.",
                nameof(pseudoRandomKey));
        }

        HmacEngine<Sha256Engine> mac = default;
        mac.Initialize(pseudoRandomKey);
        Span<byte> block = stackalloc byte[HashSizeInBytes];
        Span<byte> counter = stackalloc byte[1];
        int written = 0;
        for (int index = 1; written < output.Length; index++)
        {
            if (index > 1)
            {
                mac.Append(block);
            }

            mac.Append(info);
            counter[0] = (byte)index;
            mac.Append(counter);
            mac.Finish(block);
            int take = Math.Min(HashSizeInBytes, output.Length - written);
            block[..take].CopyTo(output[written..]);
            written += take;
        }

        block.Clear();
        mac.Clear();
    }

    /// <summary>Extract then expand: OKM = HKDF-Expand(HKDF-Extract(salt, IKM), info, L).</summary>
    /// <param name="inputKeyMaterial">IKM.</param>
    /// <param name="salt">The salt; may be empty.</param>
    /// <param name="info">The info; may be empty.</param>
    /// <param name="output">OKM, at most <see cref="MaxOutputLength"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is longer than <see cref="MaxOutputLength"/>.</exception>
    public static void DeriveKey(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
    {
        if (output.Length > MaxOutputLength)
        {
            throw new ArgumentException(
                $"HKDF-SHA-256 can derive at most {MaxOutputLength} bytes (255 blocks of {HashSizeInBytes}); {output.Length} were asked for.",
                nameof(output));
        }

        Span<byte> pseudoRandomKey = stackalloc byte[HashSizeInBytes];
        Extract(inputKeyMaterial, salt, pseudoRandomKey);
        Expand(pseudoRandomKey, info, output);
        pseudoRandomKey.Clear();
    }
}

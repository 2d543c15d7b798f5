using System;

namespace Xous.Crypto;

/// <summary>
/// The seam for a block-cipher engine: a keyed permutation of fixed-size blocks. The software <see cref="Aes"/> is
/// the default; a hardware engine (the Precursor's VexRiscv AES instructions) implements the same interface and takes
/// over where it is composed in.
/// </summary>
/// <remarks>
/// Contract every implementation keeps: the key is fixed at construction; <see cref="EncryptBlock"/> and
/// <see cref="DecryptBlock"/> transform exactly one block of <see cref="BlockSize"/> bytes and are inverse to each
/// other; <see cref="EncryptBlocks"/> and <see cref="DecryptBlocks"/> equal the single-block calls applied to each
/// block in turn (electronic code book) but may work on several blocks at once; source and destination may be the
/// same memory (in place) and must not otherwise overlap; the time taken depends on the lengths only, never on the
/// key or the data; <see cref="IDisposable.Dispose"/> wipes the key and every derived value (round keys), after
/// which every member but <c>Dispose</c> throws <see cref="ObjectDisposedException"/>. Implementations are not
/// thread-safe.
/// </remarks>
public interface IBlockCipher : IDisposable
{
    /// <summary>The block size in bytes (16 for AES).</summary>
    int BlockSize { get; }

    /// <summary>The key size in bytes (16, 24 or 32 for AES).</summary>
    int KeySize { get; }

    /// <summary>Encrypts one block.</summary>
    /// <param name="source">Exactly <see cref="BlockSize"/> bytes of plaintext.</param>
    /// <param name="destination">Exactly <see cref="BlockSize"/> bytes; may be the same memory as <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException">A span is not <see cref="BlockSize"/> bytes long.</exception>
    void EncryptBlock(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>Decrypts one block.</summary>
    /// <param name="source">Exactly <see cref="BlockSize"/> bytes of ciphertext.</param>
    /// <param name="destination">Exactly <see cref="BlockSize"/> bytes; may be the same memory as <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException">A span is not <see cref="BlockSize"/> bytes long.</exception>
    void DecryptBlock(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>Encrypts consecutive blocks independently (ECB); an engine may process several at once (CTR key streams).</summary>
    /// <param name="source">A whole number of blocks; may be empty.</param>
    /// <param name="destination">The same length as <paramref name="source"/>; may be the same memory.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="BlockSize"/>, or the lengths differ.</exception>
    void EncryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>Decrypts consecutive blocks independently (ECB).</summary>
    /// <param name="source">A whole number of blocks; may be empty.</param>
    /// <param name="destination">The same length as <paramref name="source"/>; may be the same memory.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="BlockSize"/>, or the lengths differ.</exception>
    void DecryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination);
}

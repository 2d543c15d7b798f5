using System;

namespace Xous.Crypto;

/// <summary>
/// AES (FIPS 197) with 128-, 192- or 256-bit keys in constant time: a bitsliced implementation (the S-box as a
/// Boolean circuit) with no secret-dependent table lookups or branches, in the key schedule as well. One or two blocks
/// are processed side by side in eight 32-bit words, three or four in eight 64-bit words, so a single block costs as
/// much as two (and, on a 64-bit host, about a third of four): <see cref="EncryptBlocks"/> and
/// <see cref="DecryptBlocks"/> are several times cheaper per block than repeated single-block calls. The raw block
/// cipher is the building block for modes (<see cref="AesGcmSiv"/>, <see cref="AesGcm"/>,
/// <see cref="AesKeyWrapPadded"/>); do not use ECB on data directly. Not thread-safe; <see cref="Dispose"/> wipes the
/// round keys.
/// </summary>
public sealed class Aes : IBlockCipher
{
    /// <summary>The block size in bytes.</summary>
    public const int BlockSizeInBytes = 16;

    private AesEngine _engine;
    private readonly int _keySize;
    private bool _disposed;

    /// <summary>Expands <paramref name="key"/> into bitsliced round keys.</summary>
    /// <param name="key">16, 24 or 32 bytes (AES-128, AES-192, AES-256); copied, so the caller may wipe its copy.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> has another length.</exception>
    public Aes(ReadOnlySpan<byte> key)
    {
        CheckKey(key.Length, nameof(key));
        _keySize = key.Length;
        _engine.Initialize(key);
    }

    /// <inheritdoc/>
    public int BlockSize => BlockSizeInBytes;

    /// <inheritdoc/>
    public int KeySize => _keySize;

    /// <inheritdoc/>
    public void EncryptBlock(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Check.NotDisposed(_disposed, nameof(Aes));
        Check.Length(source.Length, BlockSizeInBytes, nameof(source));
        Check.Length(destination.Length, BlockSizeInBytes, nameof(destination));
        _engine.EncryptBlocks(source, destination, 1);
    }

    /// <inheritdoc/>
    public void DecryptBlock(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Check.NotDisposed(_disposed, nameof(Aes));
        Check.Length(source.Length, BlockSizeInBytes, nameof(source));
        Check.Length(destination.Length, BlockSizeInBytes, nameof(destination));
        _engine.DecryptBlocks(source, destination, 1);
    }

    /// <inheritdoc/>
    public void EncryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Check.NotDisposed(_disposed, nameof(Aes));
        CheckBlocks(source.Length, destination.Length);
        _engine.EncryptMany(source, destination);
    }

    /// <inheritdoc/>
    public void DecryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Check.NotDisposed(_disposed, nameof(Aes));
        CheckBlocks(source.Length, destination.Length);
        _engine.DecryptMany(source, destination);
    }

    /// <summary>Wipes the round keys.</summary>
    public void Dispose()
    {
        _engine.Clear();
        _disposed = true;
    }

    /// <summary>Throws unless <paramref name="length"/> is an AES key size (16, 24 or 32 bytes).</summary>
    internal static void CheckKey(int length, string parameterName)
    {
        if (length != 16 && length != 24 && length != 32)
        {
            throw new ArgumentException($"An AES key is 16, 24 or 32 bytes, got {length}.", parameterName);
        }
    }

    private static void CheckBlocks(int sourceLength, int destinationLength)
    {
        if (sourceLength % BlockSizeInBytes != 0)
        {
            throw new ArgumentException($"Expected a multiple of {BlockSizeInBytes} bytes, got {sourceLength}.", "source");
        }

        Check.Length(destinationLength, sourceLength, "destination");
    }
}

using System;

namespace Xous.Crypto;

/// <summary>
/// The ChaCha20 stream cipher of RFC 8439 (32-byte key, 12-byte nonce, 32-bit block counter): XORs the key stream
/// into data, so the same call encrypts and decrypts. It gives confidentiality only; authenticate the ciphertext
/// (e.g. with a MAC) before trusting it. One key and nonce yield at most 2^32 blocks (256 GiB) counted from block 0;
/// asking for more is an <see cref="ArgumentException"/> and nothing is written. Never reuse a key and nonce pair
/// for two messages. Not thread-safe; <see cref="Dispose"/> wipes the key, nonce and key stream.
/// </summary>
public sealed class ChaCha20 : IDisposable
{
    /// <summary>The key size in bytes (256 bits).</summary>
    public const int KeySizeInBytes = 32;

    /// <summary>The nonce size in bytes (96 bits).</summary>
    public const int NonceSizeInBytes = 12;

    /// <summary>The size of one key-stream block in bytes.</summary>
    public const int BlockSizeInBytes = 64;

    private ChaCha20Engine _engine;
    private bool _disposed;

    /// <summary>Starts a key stream at block <paramref name="initialCounter"/>.</summary>
    /// <param name="key">Exactly <see cref="KeySizeInBytes"/> bytes; copied, so the caller may wipe its copy.</param>
    /// <param name="nonce">Exactly <see cref="NonceSizeInBytes"/> bytes.</param>
    /// <param name="initialCounter">The first block counter (RFC 8439 uses 1 when block 0 keys Poly1305).</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="nonce"/> has the wrong length.</exception>
    public ChaCha20(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint initialCounter = 0)
    {
        Check.Length(key.Length, KeySizeInBytes, nameof(key));
        Check.Length(nonce.Length, NonceSizeInBytes, nameof(nonce));
        _engine.Initialize(key, nonce, initialCounter);
    }

    /// <summary>Key-stream bytes still available before the block counter would pass 2^32 − 1.</summary>
    public ulong RemainingBytes
    {
        get
        {
            Check.NotDisposed(_disposed, nameof(ChaCha20));
            return _engine.RemainingBytes;
        }
    }

    /// <summary>
    /// XORs the next <paramref name="source"/>.Length key-stream bytes into <paramref name="source"/> and writes the
    /// result to <paramref name="destination"/>. Calls continue the stream, so data may arrive in pieces of any size.
    /// </summary>
    /// <param name="source">Plaintext or ciphertext.</param>
    /// <param name="destination">The same length as <paramref name="source"/>; may be the same memory (in place), must not otherwise overlap.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the key stream has fewer bytes left than asked for.</exception>
    /// <exception cref="ObjectDisposedException">The cipher was disposed.</exception>
    public void Transform(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Check.NotDisposed(_disposed, nameof(ChaCha20));
        Check.Length(destination.Length, source.Length, nameof(destination));
        CheckRemaining(_engine.RemainingBytes, source.Length, nameof(source));
        _engine.Transform(source, destination);
    }

    /// <summary>One-shot <see cref="Transform(ReadOnlySpan{byte}, Span{byte})"/> that runs on the stack and allocates nothing.</summary>
    /// <param name="key">Exactly <see cref="KeySizeInBytes"/> bytes.</param>
    /// <param name="nonce">Exactly <see cref="NonceSizeInBytes"/> bytes.</param>
    /// <param name="initialCounter">The first block counter.</param>
    /// <param name="source">Plaintext or ciphertext.</param>
    /// <param name="destination">The same length as <paramref name="source"/>; may be the same memory, must not otherwise overlap.</param>
    /// <exception cref="ArgumentException">A length is wrong, or the data would need a block counter past 2^32 − 1.</exception>
    public static void Transform(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint initialCounter, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Check.Length(key.Length, KeySizeInBytes, nameof(key));
        Check.Length(nonce.Length, NonceSizeInBytes, nameof(nonce));
        Check.Length(destination.Length, source.Length, nameof(destination));
        ChaCha20Engine engine = default;
        engine.Initialize(key, nonce, initialCounter);
        CheckRemaining(engine.RemainingBytes, source.Length, nameof(source));
        engine.Transform(source, destination);
        engine.Clear();
    }

    /// <summary>The ChaCha20 block function (RFC 8439 §2.3): one 64-byte key-stream block.</summary>
    /// <param name="key">Exactly <see cref="KeySizeInBytes"/> bytes.</param>
    /// <param name="nonce">Exactly <see cref="NonceSizeInBytes"/> bytes.</param>
    /// <param name="counter">The block counter.</param>
    /// <param name="destination">Exactly <see cref="BlockSizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static void Block(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter, Span<byte> destination)
    {
        Check.Length(key.Length, KeySizeInBytes, nameof(key));
        Check.Length(nonce.Length, NonceSizeInBytes, nameof(nonce));
        Check.Length(destination.Length, BlockSizeInBytes, nameof(destination));
        Words32x16 input = default;
        ChaCha20Engine.LoadInput(input, key, nonce, counter);
        ChaCha20Engine.Block(input, destination);
        ((Span<uint>)input).Clear();
    }

    /// <summary>Wipes the key, nonce and key stream.</summary>
    public void Dispose()
    {
        _engine.Clear();
        _disposed = true;
    }

    private static void CheckRemaining(ulong remaining, int requested, string parameterName)
    {
        if ((ulong)requested > remaining)
        {
            throw new ArgumentException(
                "ChaCha20 produces at most 2^32 blocks of 64 bytes per key and nonce; the block counter would pass 2^32 - 1.",
                parameterName);
        }
    }
}

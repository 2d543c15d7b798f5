using System;

namespace Xous.Crypto;

/// <summary>
/// SHA-256 (FIPS 180-4) in software: an incremental <see cref="IHashFunction"/> and the allocation-free one-shot
/// <see cref="Hash"/>. Not thread-safe; one instance hashes one message at a time.
/// </summary>
public sealed class Sha256 : IHashFunction
{
    /// <summary>The digest size in bytes (256 bits).</summary>
    public const int HashSizeInBytes = 32;

    /// <summary>The block size in bytes.</summary>
    public const int BlockSizeInBytes = 64;

    private Sha256Engine _engine;
    private bool _disposed;

    /// <summary>Creates a hash function ready for the first message.</summary>
    public Sha256() => _engine.Initialize();

    /// <inheritdoc/>
    public int BlockSize => BlockSizeInBytes;

    /// <inheritdoc/>
    public int OutputSize => HashSizeInBytes;

    /// <summary>Hashes <paramref name="source"/> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="source">The whole message.</param>
    /// <param name="destination">Exactly <see cref="HashSizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Check.Length(destination.Length, HashSizeInBytes, nameof(destination));
        Sha256Engine engine = default;
        engine.Initialize();
        engine.Append(source);
        engine.Finish(destination);
        engine.Clear();
    }

    /// <inheritdoc/>
    public void Append(ReadOnlySpan<byte> data)
    {
        Check.NotDisposed(_disposed, nameof(Sha256));
        _engine.Append(data);
    }

    /// <inheritdoc/>
    public void Finish(Span<byte> destination)
    {
        Check.NotDisposed(_disposed, nameof(Sha256));
        Check.Length(destination.Length, HashSizeInBytes, nameof(destination));
        _engine.Finish(destination);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Check.NotDisposed(_disposed, nameof(Sha256));
        _engine.Initialize();
    }

    /// <summary>Wipes the hash state and the buffered input.</summary>
    public void Dispose()
    {
        _engine.Clear();
        _disposed = true;
    }
}

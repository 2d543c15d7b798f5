using System;

namespace Xous.Crypto;

/// <summary>
/// HMAC (RFC 2104) over any <see cref="IHashFunction"/>, so a hardware hash engine can serve it. Keys longer than
/// the hash's block are hashed first. Takes ownership of the hash function: <see cref="Dispose"/> disposes it.
/// For SHA-256 and SHA-512 in software, <see cref="HmacSha256.Compute"/> and <see cref="HmacSha512.Compute"/> do
/// the same without allocating.
/// </summary>
public sealed class Hmac : IDisposable
{
    private readonly IHashFunction _hash;
    private readonly byte[] _innerPad;
    private readonly byte[] _outerPad;
    private readonly byte[] _innerHash;
    private bool _disposed;

    /// <summary>Keys a MAC.</summary>
    /// <param name="hash">The hash function; owned by the MAC from now on. Its current message is discarded.</param>
    /// <param name="key">The key, any length (longer than <see cref="IHashFunction.BlockSize"/> is hashed).</param>
    /// <exception cref="ArgumentNullException"><paramref name="hash"/> is null.</exception>
    /// <exception cref="ArgumentException">The hash's output is longer than its block, which HMAC does not allow.</exception>
    public Hmac(IHashFunction hash, ReadOnlySpan<byte> key)
    {
        if (hash is null)
        {
            throw new ArgumentNullException(nameof(hash));
        }

        if (hash.OutputSize > hash.BlockSize || hash.OutputSize <= 0)
        {
            throw new ArgumentException("HMAC needs a hash whose output fits in one block.", nameof(hash));
        }

        _hash = hash;
        _innerPad = new byte[hash.BlockSize];
        _outerPad = new byte[hash.BlockSize];
        _innerHash = new byte[hash.OutputSize];
        hash.Reset();
        if (key.Length > hash.BlockSize)
        {
            hash.Append(key);
            hash.Finish(_innerPad.AsSpan(0, hash.OutputSize));
        }
        else
        {
            key.CopyTo(_innerPad);
        }

        for (int i = 0; i < _innerPad.Length; i++)
        {
            _outerPad[i] = (byte)(_innerPad[i] ^ 0x5c);
            _innerPad[i] ^= 0x36;
        }

        hash.Append(_innerPad);
    }

    /// <summary>The MAC size in bytes (the hash's output size).</summary>
    public int OutputSize => _innerHash.Length;

    /// <summary>Appends message bytes.</summary>
    /// <param name="data">The next bytes of the message; may be empty.</param>
    public void Append(ReadOnlySpan<byte> data)
    {
        Check.NotDisposed(_disposed, nameof(Hmac));
        _hash.Append(data);
    }

    /// <summary>Writes the MAC of the message appended since the last reset and resets for the next message.</summary>
    /// <param name="destination">Exactly <see cref="OutputSize"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    public void Finish(Span<byte> destination)
    {
        Check.NotDisposed(_disposed, nameof(Hmac));
        Check.Length(destination.Length, OutputSize, nameof(destination));
        _hash.Finish(_innerHash);
        _hash.Append(_outerPad);
        _hash.Append(_innerHash);
        _hash.Finish(destination);
        _innerHash.AsSpan().Clear();
        _hash.Append(_innerPad);
    }

    /// <summary>Discards the message so far; the key stays.</summary>
    public void Reset()
    {
        Check.NotDisposed(_disposed, nameof(Hmac));
        _hash.Reset();
        _hash.Append(_innerPad);
    }

    /// <summary>Wipes the key pads and disposes the hash function (which wipes its state).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _innerPad.AsSpan().Clear();
        _outerPad.AsSpan().Clear();
        _innerHash.AsSpan().Clear();
        _hash.Dispose();
        _disposed = true;
    }
}

using System;

namespace Xous.Crypto;

/// <summary>HMAC-SHA-512 (RFC 2104, RFC 4231) in software.</summary>
public static class HmacSha512
{
    /// <summary>The MAC size in bytes.</summary>
    public const int HashSizeInBytes = 64;

    /// <summary>Computes HMAC-SHA-512 of <paramref name="message"/> without allocating; intermediate state is wiped.</summary>
    /// <param name="key">The key, any length (longer than 128 bytes is hashed first).</param>
    /// <param name="message">The whole message.</param>
    /// <param name="destination">Exactly <see cref="HashSizeInBytes"/> bytes. Truncate a copy if a protocol wants fewer.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Check.Length(destination.Length, HashSizeInBytes, nameof(destination));
        HmacEngine<Sha512Engine> mac = default;
        mac.Initialize(key);
        mac.Append(message);
        mac.Finish(destination);
        mac.Clear();
    }

    /// <summary>Creates an incremental HMAC-SHA-512 keyed with <paramref name="key"/>; dispose it to wipe the key.</summary>
    /// <param name="key">The key, any length.</param>
    /// <returns>A keyed <see cref="Hmac"/> over a new <see cref="Sha512"/>.</returns>
    public static Hmac Create(ReadOnlySpan<byte> key) => new(new Sha512(), key);
}

using System;

namespace Xous.Crypto;

/// <summary>
/// The seam for a hash engine: an incremental hash function. The software implementations
/// (<see cref="Sha256"/>, <see cref="Sha512"/>, <see cref="Sha512Truncated256"/>) are the default; a hardware
/// engine (the Precursor's SHA-512 block) implements the same interface and takes over where it is composed in.
/// </summary>
/// <remarks>
/// Contract every implementation keeps: <see cref="Finish"/> writes exactly <see cref="OutputSize"/> bytes and
/// leaves the function reset, ready for the next message; <see cref="Reset"/> discards what was appended;
/// <see cref="IDisposable.Dispose"/> wipes the internal state, after which every member but <c>Dispose</c> throws
/// <see cref="ObjectDisposedException"/>.
/// </remarks>
public interface IHashFunction : IDisposable
{
    /// <summary>The size in bytes of one block of the compression function (HMAC pads keys to it).</summary>
    int BlockSize { get; }

    /// <summary>The size in bytes of the digest <see cref="Finish"/> writes.</summary>
    int OutputSize { get; }

    /// <summary>Appends <paramref name="data"/> to the message being hashed.</summary>
    /// <param name="data">The next bytes of the message; may be empty.</param>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Writes the digest of everything appended since the last reset and resets the function.</summary>
    /// <param name="destination">Exactly <see cref="OutputSize"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not <see cref="OutputSize"/> bytes long.</exception>
    void Finish(Span<byte> destination);

    /// <summary>Discards everything appended and wipes the buffered input.</summary>
    void Reset();
}

using System;

namespace Xous.Crypto;

/// <summary>
/// The default <see cref="IBlockCipherFactory"/>: creates the software <see cref="Aes"/>. Passing it to the factory
/// overloads of <see cref="AesGcmSiv"/> and <see cref="AesGcm"/> gives the same bytes as the key-only methods, which
/// use the software engine on the stack without any allocation and stay the faster choice for software AES.
/// </summary>
public sealed class AesSoftwareFactory : IBlockCipherFactory
{
    /// <summary>Creates <c>new Aes(key)</c>.</summary>
    /// <param name="key">16, 24 or 32 bytes; copied.</param>
    /// <returns>A new <see cref="Aes"/>; the caller disposes it.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> has another length.</exception>
    public IBlockCipher Create(ReadOnlySpan<byte> key) => new Aes(key);
}

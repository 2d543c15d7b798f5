using System;

namespace Xous.Crypto;

/// <summary>
/// The seam for modes that key AES afresh per message (<see cref="AesGcmSiv"/> derives per-nonce keys,
/// <see cref="AesGcm"/> keys AES per call): creates a keyed <see cref="IBlockCipher"/>. The software
/// <see cref="AesSoftwareFactory"/> is the default; a hardware engine supplies its own factory.
/// </summary>
public interface IBlockCipherFactory
{
    /// <summary>
    /// Creates a block cipher with a 16-byte block keyed with <paramref name="key"/>. The caller owns the result and
    /// disposes it (which wipes the key); the modes in this library dispose every cipher they create before returning.
    /// </summary>
    /// <param name="key">16, 24 or 32 bytes (AES-128, AES-192, AES-256); the factory copies what it keeps, so the caller may wipe its copy.</param>
    /// <returns>A new cipher whose <see cref="IBlockCipher.KeySize"/> is <paramref name="key"/>.Length.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> has another length.</exception>
    IBlockCipher Create(ReadOnlySpan<byte> key);
}

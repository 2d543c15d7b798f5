using System;

namespace Xous.Crypto;

/// <summary>
/// The block operations the AES modes need, as a constraint for generic struct type parameters: the modes are written
/// once over <c>TCipher : struct, IBlockOperations</c> and instantiated with the software <see cref="AesEngine"/> (the
/// default, no indirection) or with <see cref="BlockCipherOperations"/> around an injected <see cref="IBlockCipher"/>.
/// Callers pass engines by <c>ref</c>, never <c>in</c>, so no defensive copy of round keys is made.
/// </summary>
internal interface IBlockOperations
{
    /// <summary>Encrypts the first <paramref name="blocks"/> (1–4) 16-byte blocks; the spans may be the same memory.</summary>
    void EncryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination, int blocks);

    /// <summary>Decrypts the first <paramref name="blocks"/> (1–4) 16-byte blocks; the spans may be the same memory.</summary>
    void DecryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination, int blocks);
}

/// <summary>
/// Adapts a keyed <see cref="IBlockCipher"/> (a hardware engine, or <see cref="Aes"/>) to <see cref="IBlockOperations"/>.
/// One block goes to <see cref="IBlockCipher.EncryptBlock"/>, several to <see cref="IBlockCipher.EncryptBlocks"/>.
/// Does not own the cipher.
/// </summary>
internal readonly struct BlockCipherOperations : IBlockOperations
{
    private readonly IBlockCipher _cipher;

    /// <summary>Wraps <paramref name="cipher"/> (checked by <see cref="CheckCipher"/> or <see cref="Create"/>).</summary>
    public BlockCipherOperations(IBlockCipher cipher)
    {
        _cipher = cipher;
    }

    /// <inheritdoc/>
    public void EncryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination, int blocks)
    {
        if (blocks == 1)
        {
            _cipher.EncryptBlock(source[..16], destination[..16]);
        }
        else
        {
            _cipher.EncryptBlocks(source[..(16 * blocks)], destination[..(16 * blocks)]);
        }
    }

    /// <inheritdoc/>
    public void DecryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination, int blocks)
    {
        if (blocks == 1)
        {
            _cipher.DecryptBlock(source[..16], destination[..16]);
        }
        else
        {
            _cipher.DecryptBlocks(source[..(16 * blocks)], destination[..(16 * blocks)]);
        }
    }

    /// <summary>Throws unless <paramref name="cipher"/> is non-null with a 16-byte block and an AES key size.</summary>
    public static void CheckCipher(IBlockCipher cipher, string parameterName)
    {
        if (cipher == null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (cipher.BlockSize != Aes.BlockSizeInBytes)
        {
            throw new ArgumentException($"Expected a {Aes.BlockSizeInBytes}-byte block cipher, got {cipher.BlockSize} bytes.", parameterName);
        }

        Aes.CheckKey(cipher.KeySize, parameterName);
    }

    /// <summary>
    /// Asks <paramref name="factory"/> (non-null, checked by the caller) for a cipher keyed with <paramref name="key"/>
    /// and checks that it is one: a 16-byte block and a key of <paramref name="key"/>'s length. A wrong cipher is
    /// disposed before <see cref="InvalidOperationException"/> is thrown.
    /// </summary>
    public static IBlockCipher Create(IBlockCipherFactory factory, ReadOnlySpan<byte> key)
    {
        IBlockCipher cipher = factory.Create(key);
        if (cipher == null)
        {
            throw new InvalidOperationException("The block-cipher factory returned null.");
        }

        if (cipher.BlockSize != Aes.BlockSizeInBytes || cipher.KeySize != key.Length)
        {
            cipher.Dispose();
            throw new InvalidOperationException($"The block-cipher factory returned a cipher with a {cipher.BlockSize}-byte block and a {cipher.KeySize}-byte key; expected 16 and {key.Length}.");
        }

        return cipher;
    }
}

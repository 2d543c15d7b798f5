using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// AES-GCM-SIV (RFC 8452): nonce-misuse-resistant authenticated encryption with 16- or 32-byte keys, a 12-byte nonce
/// and a 16-byte tag. Repeating a nonce reveals only whether two (message, associated data) pairs are equal. Each call
/// derives per-nonce authentication and encryption keys (§4), hashes with POLYVAL and encrypts with AES-CTR, all
/// constant-time (bitsliced AES, multiplication-based POLYVAL). Plaintext and associated data are limited to 2^36
/// bytes by the RFC, more than an <see cref="int"/> length can reach. Everything is computed on the stack; derived
/// keys, round keys, hash state and key stream are wiped before returning. The overloads taking an
/// <see cref="IBlockCipherFactory"/> run AES on an injected engine (a hardware AES), one created and disposed for the
/// key-generating key and one for the derived encryption key per call; the key-only methods use the software engine
/// on the stack.
/// </summary>
public static class AesGcmSiv
{
    /// <summary>The nonce size in bytes (96 bits).</summary>
    public const int NonceSizeInBytes = 12;

    /// <summary>The tag size in bytes (128 bits).</summary>
    public const int TagSizeInBytes = 16;

    /// <summary>Encrypts and authenticates <paramref name="plaintext"/> and <paramref name="associatedData"/>.</summary>
    /// <param name="key">The key-generating key: 16 bytes (AES-128-GCM-SIV) or 32 bytes (AES-256-GCM-SIV).</param>
    /// <param name="nonce">Exactly <see cref="NonceSizeInBytes"/> bytes.</param>
    /// <param name="plaintext">The message; may be empty.</param>
    /// <param name="associatedData">Data authenticated but not encrypted; may be empty.</param>
    /// <param name="ciphertext">The same length as <paramref name="plaintext"/>; may be the same memory (in place).</param>
    /// <param name="tag">Exactly <see cref="TagSizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException">A key, nonce, tag or ciphertext length is wrong.</exception>
    public static void Encrypt(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData,
        Span<byte> ciphertext, Span<byte> tag)
    {
        CheckArguments(key, nonce, tag.Length);
        Check.Length(ciphertext.Length, plaintext.Length, nameof(ciphertext));
        Span<byte> encryptionKey = stackalloc byte[32];
        AesEngine engine = default;
        engine.Initialize(key);
        DeriveKeys(ref engine, key.Length, nonce, out PolyvalEngine polyval, encryptionKey);
        engine.Clear();
        engine.Initialize(encryptionKey[..key.Length]);
        encryptionKey.Clear();
        EncryptCore(ref engine, ref polyval, nonce, plaintext, associatedData, ciphertext, tag);
        engine.Clear();
    }

    /// <summary>
    /// Encrypts and authenticates with AES supplied by <paramref name="factory"/> (a hardware engine); the same bytes
    /// as <see cref="Encrypt(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte}, Span{byte})"/>.
    /// Both ciphers the factory creates are disposed before returning.
    /// </summary>
    /// <param name="factory">Creates AES keyed with the key-generating key and then with the derived encryption key.</param>
    /// <param name="key">The key-generating key: 16 bytes (AES-128-GCM-SIV) or 32 bytes (AES-256-GCM-SIV).</param>
    /// <param name="nonce">Exactly <see cref="NonceSizeInBytes"/> bytes.</param>
    /// <param name="plaintext">The message; may be empty.</param>
    /// <param name="associatedData">Data authenticated but not encrypted; may be empty.</param>
    /// <param name="ciphertext">The same length as <paramref name="plaintext"/>; may be the same memory (in place).</param>
    /// <param name="tag">Exactly <see cref="TagSizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException">A key, nonce, tag or ciphertext length is wrong.</exception>
    /// <exception cref="InvalidOperationException">The factory returned null or a cipher of the wrong block or key size.</exception>
    public static void Encrypt(
        IBlockCipherFactory factory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag)
    {
        ArgumentNullException.ThrowIfNull(factory);
        CheckArguments(key, nonce, tag.Length);
        Check.Length(ciphertext.Length, plaintext.Length, nameof(ciphertext));
        Span<byte> encryptionKey = stackalloc byte[32];
        PolyvalEngine polyval = default;
        IBlockCipher? cipher = null;
        try
        {
            cipher = CreateMessageCipher(factory, key, nonce, ref polyval, encryptionKey);
            BlockCipherOperations operations = new BlockCipherOperations(cipher);
            EncryptCore(ref operations, ref polyval, nonce, plaintext, associatedData, ciphertext, tag);
        }
        finally
        {
            cipher?.Dispose();
            polyval.Clear();
        }
    }

    /// <summary>
    /// Decrypts <paramref name="ciphertext"/> and checks the tag in constant time. On failure nothing is released:
    /// <paramref name="plaintext"/> is cleared and false is returned.
    /// </summary>
    /// <param name="key">The key-generating key: 16 or 32 bytes.</param>
    /// <param name="nonce">Exactly <see cref="NonceSizeInBytes"/> bytes.</param>
    /// <param name="ciphertext">The encrypted message; may be empty.</param>
    /// <param name="tag">Exactly <see cref="TagSizeInBytes"/> bytes.</param>
    /// <param name="associatedData">The associated data given to Encrypt.</param>
    /// <param name="plaintext">The same length as <paramref name="ciphertext"/>; may be the same memory (in place).</param>
    /// <returns>True when the tag is authentic (then <paramref name="plaintext"/> holds the message).</returns>
    /// <exception cref="ArgumentException">A key, nonce, tag or plaintext length is wrong.</exception>
    public static bool Decrypt(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag,
        ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        CheckArguments(key, nonce, tag.Length);
        Check.Length(plaintext.Length, ciphertext.Length, nameof(plaintext));
        Span<byte> encryptionKey = stackalloc byte[32];
        AesEngine engine = default;
        engine.Initialize(key);
        DeriveKeys(ref engine, key.Length, nonce, out PolyvalEngine polyval, encryptionKey);
        engine.Clear();
        engine.Initialize(encryptionKey[..key.Length]);
        encryptionKey.Clear();
        bool authentic = DecryptCore(ref engine, ref polyval, nonce, ciphertext, tag, associatedData, plaintext);
        engine.Clear();
        return authentic;
    }

    /// <summary>
    /// Decrypts and checks the tag with AES supplied by <paramref name="factory"/> (a hardware engine); the same
    /// result as the key-only Decrypt. Both ciphers the factory creates are disposed before returning.
    /// </summary>
    /// <param name="factory">Creates AES keyed with the key-generating key and then with the derived encryption key.</param>
    /// <param name="key">The key-generating key: 16 or 32 bytes.</param>
    /// <param name="nonce">Exactly <see cref="NonceSizeInBytes"/> bytes.</param>
    /// <param name="ciphertext">The encrypted message; may be empty.</param>
    /// <param name="tag">Exactly <see cref="TagSizeInBytes"/> bytes.</param>
    /// <param name="associatedData">The associated data given to Encrypt.</param>
    /// <param name="plaintext">The same length as <paramref name="ciphertext"/>; may be the same memory (in place).</param>
    /// <returns>True when the tag is authentic (then <paramref name="plaintext"/> holds the message).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException">A key, nonce, tag or plaintext length is wrong.</exception>
    /// <exception cref="InvalidOperationException">The factory returned null or a cipher of the wrong block or key size.</exception>
    public static bool Decrypt(
        IBlockCipherFactory factory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(factory);
        CheckArguments(key, nonce, tag.Length);
        Check.Length(plaintext.Length, ciphertext.Length, nameof(plaintext));
        Span<byte> encryptionKey = stackalloc byte[32];
        PolyvalEngine polyval = default;
        IBlockCipher? cipher = null;
        try
        {
            cipher = CreateMessageCipher(factory, key, nonce, ref polyval, encryptionKey);
            BlockCipherOperations operations = new BlockCipherOperations(cipher);
            return DecryptCore(ref operations, ref polyval, nonce, ciphertext, tag, associatedData, plaintext);
        }
        finally
        {
            cipher?.Dispose();
            polyval.Clear();
        }
    }

    private static void CheckArguments(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, int tagLength)
    {
        if (key.Length != 16 && key.Length != 32)
        {
            throw new ArgumentException($"An AES-GCM-SIV key is 16 or 32 bytes, got {key.Length}.", nameof(key));
        }

        Check.Length(nonce.Length, NonceSizeInBytes, nameof(nonce));
        Check.Length(tagLength, TagSizeInBytes, "tag");
    }

    /// <summary>
    /// Derives the per-nonce keys with a cipher from <paramref name="factory"/> under the key-generating key (disposed
    /// at once) and returns a second cipher keyed with the message-encryption key; <paramref name="encryptionKey"/>
    /// (32 bytes of scratch) is wiped. The caller wipes <paramref name="polyval"/> and disposes the result.
    /// </summary>
    private static IBlockCipher CreateMessageCipher(
        IBlockCipherFactory factory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ref PolyvalEngine polyval,
        Span<byte> encryptionKey)
    {
        try
        {
            IBlockCipher keyGenerating = BlockCipherOperations.Create(factory, key);
            try
            {
                BlockCipherOperations operations = new BlockCipherOperations(keyGenerating);
                DeriveKeys(ref operations, key.Length, nonce, out polyval, encryptionKey);
            }
            finally
            {
                keyGenerating.Dispose();
            }

            return BlockCipherOperations.Create(factory, encryptionKey[..key.Length]);
        }
        finally
        {
            encryptionKey.Clear();
        }
    }

    /// <summary>Computes the tag, then encrypts under the tag-derived counter (RFC 8452 §4); wipes the hash state.</summary>
    private static void EncryptCore<TCipher>(
        ref TCipher encryption, ref PolyvalEngine polyval, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag)
        where TCipher : struct, IBlockOperations
    {
        Span<byte> counterBlock = stackalloc byte[16];
        FinishTag(ref polyval, ref encryption, nonce, plaintext, associatedData, tag);
        tag.CopyTo(counterBlock);
        counterBlock[15] |= 0x80;
        AesCounterMode.Transform(ref encryption, counterBlock, littleEndianCounterFirst: true, plaintext, ciphertext);
        counterBlock.Clear();
    }

    /// <summary>Decrypts under the received tag's counter, recomputes the tag and compares in constant time.</summary>
    private static bool DecryptCore<TCipher>(
        ref TCipher encryption, ref PolyvalEngine polyval, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
        where TCipher : struct, IBlockOperations
    {
        Span<byte> counterBlock = stackalloc byte[16];
        Span<byte> expected = stackalloc byte[TagSizeInBytes];
        Span<byte> received = stackalloc byte[TagSizeInBytes];

        // The tag may live in the ciphertext buffer that is decrypted in place; keep a copy.
        tag.CopyTo(received);
        received.CopyTo(counterBlock);
        counterBlock[15] |= 0x80;
        AesCounterMode.Transform(ref encryption, counterBlock, littleEndianCounterFirst: true, ciphertext, plaintext);
        FinishTag(ref polyval, ref encryption, nonce, plaintext, associatedData, expected);
        counterBlock.Clear();
        bool authentic = FixedTime.Equals(expected, received);
        expected.Clear();
        if (!authentic)
        {
            plaintext.Clear();
        }

        return authentic;
    }

    /// <summary>
    /// RFC 8452 §4: block i = LE32(i) ‖ nonce, encrypted under the key-generating key; the first 8 bytes of blocks
    /// 0–1 form the POLYVAL key, those of blocks 2–3 (2–5 for a 32-byte key) the message-encryption key, written to
    /// the first <paramref name="keyLength"/> bytes of <paramref name="encryptionKey"/>.
    /// </summary>
    private static void DeriveKeys<TCipher>(
        ref TCipher keyGenerating, int keyLength, ReadOnlySpan<byte> nonce, out PolyvalEngine polyval, Span<byte> encryptionKey)
        where TCipher : struct, IBlockOperations
    {
        int blocks = keyLength == 32 ? 6 : 4;
        Span<byte> input = stackalloc byte[16 * 6];
        Span<byte> output = stackalloc byte[16 * 6];
        Span<byte> derived = stackalloc byte[8 * 6];
        input.Clear();
        for (int i = 0; i < blocks; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(input[(16 * i)..], (uint)i);
            nonce.CopyTo(input[((16 * i) + 4)..]);
        }

        keyGenerating.EncryptBlocks(input, output, 4);
        if (blocks == 6)
        {
            keyGenerating.EncryptBlocks(input[64..], output[64..], 2);
        }

        for (int i = 0; i < blocks; i++)
        {
            output.Slice(16 * i, 8).CopyTo(derived[(8 * i)..]);
        }

        polyval = default;
        polyval.InitializePolyval(derived[..16]);
        derived.Slice(16, keyLength).CopyTo(encryptionKey);
        output.Clear();
        derived.Clear();
    }

    /// <summary>POLYVAL over padded AAD, padded plaintext and the bit lengths; XOR nonce, clear bit 127, encrypt.</summary>
    private static void FinishTag<TCipher>(
        ref PolyvalEngine polyval, ref TCipher encryption, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData, Span<byte> tag)
        where TCipher : struct, IBlockOperations
    {
        Span<byte> block = stackalloc byte[16];
        polyval.AppendPadded(associatedData);
        polyval.AppendPadded(plaintext);
        BinaryPrimitives.WriteUInt64LittleEndian(block, (ulong)associatedData.Length * 8);
        BinaryPrimitives.WriteUInt64LittleEndian(block[8..], (ulong)plaintext.Length * 8);
        polyval.AppendBlock(block);
        polyval.Finish(block);
        polyval.Clear();
        for (int i = 0; i < NonceSizeInBytes; i++)
        {
            block[i] ^= nonce[i];
        }

        block[15] &= 0x7F;
        encryption.EncryptBlocks(block, block, 1);
        block.CopyTo(tag);
        block.Clear();
    }
}

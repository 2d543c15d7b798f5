using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// AES-GCM (NIST SP 800-38D) with 16-, 24- or 32-byte keys, a 16-byte tag and a nonce of at least one byte (12 bytes
/// recommended: other lengths are hashed with GHASH into the initial counter). Constant-time: bitsliced AES and a
/// multiplication-based GHASH sharing the POLYVAL core. Never reuse a key and nonce pair: unlike
/// <see cref="AesGcmSiv"/>, GCM loses confidentiality and authenticity when a nonce repeats. Truncated tags are not
/// supported. Everything is computed on the stack; round keys, hash key, hash state and key stream are wiped before
/// returning. The overloads taking an <see cref="IBlockCipherFactory"/> run AES on an injected engine (a hardware
/// AES), created for the call and disposed before returning; the key-only methods use the software engine on the
/// stack.
/// </summary>
public static class AesGcm
{
    /// <summary>The recommended nonce size in bytes (96 bits).</summary>
    public const int NonceSizeInBytes = 12;

    /// <summary>The tag size in bytes (128 bits); shorter tags are rejected.</summary>
    public const int TagSizeInBytes = 16;

    /// <summary>Encrypts and authenticates <paramref name="plaintext"/> and <paramref name="associatedData"/>.</summary>
    /// <param name="key">16, 24 or 32 bytes.</param>
    /// <param name="nonce">At least one byte; <see cref="NonceSizeInBytes"/> is recommended.</param>
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
        AesEngine engine = default;
        engine.Initialize(key);
        EncryptCore(ref engine, nonce, plaintext, associatedData, ciphertext, tag);
        engine.Clear();
    }

    /// <summary>
    /// Encrypts and authenticates with AES supplied by <paramref name="factory"/> (a hardware engine); the same bytes
    /// as <see cref="Encrypt(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte}, Span{byte})"/>.
    /// The cipher the factory creates is disposed before returning.
    /// </summary>
    /// <param name="factory">Creates AES keyed with <paramref name="key"/>.</param>
    /// <param name="key">16, 24 or 32 bytes.</param>
    /// <param name="nonce">At least one byte; <see cref="NonceSizeInBytes"/> is recommended.</param>
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
        IBlockCipher cipher = BlockCipherOperations.Create(factory, key);
        try
        {
            BlockCipherOperations operations = new BlockCipherOperations(cipher);
            EncryptCore(ref operations, nonce, plaintext, associatedData, ciphertext, tag);
        }
        finally
        {
            cipher.Dispose();
        }
    }

    /// <summary>
    /// Checks the tag in constant time and decrypts <paramref name="ciphertext"/>. On failure nothing is released:
    /// <paramref name="plaintext"/> is cleared and false is returned.
    /// </summary>
    /// <param name="key">16, 24 or 32 bytes.</param>
    /// <param name="nonce">At least one byte.</param>
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
        AesEngine engine = default;
        engine.Initialize(key);
        bool authentic = DecryptCore(ref engine, nonce, ciphertext, tag, associatedData, plaintext);
        engine.Clear();
        return authentic;
    }

    /// <summary>
    /// Checks the tag and decrypts with AES supplied by <paramref name="factory"/> (a hardware engine); the same
    /// result as the key-only Decrypt. The cipher the factory creates is disposed before returning.
    /// </summary>
    /// <param name="factory">Creates AES keyed with <paramref name="key"/>.</param>
    /// <param name="key">16, 24 or 32 bytes.</param>
    /// <param name="nonce">At least one byte.</param>
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
        IBlockCipher cipher = BlockCipherOperations.Create(factory, key);
        try
        {
            BlockCipherOperations operations = new BlockCipherOperations(cipher);
            return DecryptCore(ref operations, nonce, ciphertext, tag, associatedData, plaintext);
        }
        finally
        {
            cipher.Dispose();
        }
    }

    /// <summary>Starts GHASH and the counter, encrypts, then finishes the tag.</summary>
    private static void EncryptCore<TCipher>(
        ref TCipher engine, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData,
        Span<byte> ciphertext, Span<byte> tag)
        where TCipher : struct, IBlockOperations
    {
        Span<byte> counterBlock = stackalloc byte[16];
        Span<byte> block = stackalloc byte[16];
        Start(ref engine, nonce, counterBlock, out PolyvalEngine ghash);
        AesCounterMode.Transform(ref engine, counterBlock, littleEndianCounterFirst: false, plaintext, ciphertext);
        Finish(ref engine, ref ghash, counterBlock, associatedData, ciphertext, block);
        block.CopyTo(tag);
        counterBlock.Clear();
        block.Clear();
    }

    /// <summary>Checks the tag over the ciphertext, then decrypts only when it is authentic.</summary>
    private static bool DecryptCore<TCipher>(
        ref TCipher engine, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag,
        ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
        where TCipher : struct, IBlockOperations
    {
        Span<byte> counterBlock = stackalloc byte[16];
        Span<byte> expected = stackalloc byte[16];
        Start(ref engine, nonce, counterBlock, out PolyvalEngine ghash);

        // GCM authenticates the ciphertext, so the tag is checked before anything is decrypted.
        Finish(ref engine, ref ghash, counterBlock, associatedData, ciphertext, expected);
        bool authentic = FixedTime.Equals(expected, tag);
        expected.Clear();
        if (authentic)
        {
            AesCounterMode.Transform(ref engine, counterBlock, littleEndianCounterFirst: false, ciphertext, plaintext);
        }
        else
        {
            plaintext.Clear();
        }

        counterBlock.Clear();
        return authentic;
    }

    private static void CheckArguments(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, int tagLength)
    {
        Aes.CheckKey(key.Length, nameof(key));
        if (nonce.Length == 0)
        {
            throw new ArgumentException("An AES-GCM nonce is at least 1 byte, got 0.", nameof(nonce));
        }

        Check.Length(tagLength, TagSizeInBytes, "tag");
    }

    /// <summary>
    /// H = E(0¹²⁸) keys GHASH; J0 = nonce ‖ 0³¹1 for a 12-byte nonce, else GHASH(nonce ‖ pad ‖ 0⁶⁴ ‖ [bits]₆₄).
    /// Leaves inc32(J0), the first counter for data, in <paramref name="counterBlock"/>.
    /// </summary>
    private static void Start<TCipher>(ref TCipher engine, ReadOnlySpan<byte> nonce, Span<byte> counterBlock, out PolyvalEngine ghash)
        where TCipher : struct, IBlockOperations
    {
        Span<byte> h = stackalloc byte[16];
        h.Clear();
        engine.EncryptBlocks(h, h, 1);
        ghash = default;
        ghash.InitializeGhash(h);
        if (nonce.Length == NonceSizeInBytes)
        {
            counterBlock.Clear();
            nonce.CopyTo(counterBlock);
            counterBlock[15] = 1;
        }
        else
        {
            Span<byte> lengths = stackalloc byte[16];
            lengths.Clear();
            BinaryPrimitives.WriteUInt64BigEndian(lengths[8..], (ulong)nonce.Length * 8);
            ghash.AppendPadded(nonce);
            ghash.AppendBlock(lengths);
            ghash.Finish(counterBlock);
            ghash.InitializeGhash(h);
        }

        h.Clear();
        uint counter = BinaryPrimitives.ReadUInt32BigEndian(counterBlock[12..]);
        BinaryPrimitives.WriteUInt32BigEndian(counterBlock[12..], unchecked(counter + 1));
    }

    /// <summary>T = E(J0) ⊕ GHASH(A ‖ pad ‖ C ‖ pad ‖ [len A]₆₄ ‖ [len C]₆₄), with J0 recovered from inc32(J0).</summary>
    private static void Finish<TCipher>(
        ref TCipher engine, ref PolyvalEngine ghash, ReadOnlySpan<byte> counterBlock, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> ciphertext, Span<byte> tag)
        where TCipher : struct, IBlockOperations
    {
        Span<byte> block = stackalloc byte[16];
        Span<byte> mask = stackalloc byte[16];
        ghash.AppendPadded(associatedData);
        ghash.AppendPadded(ciphertext);
        BinaryPrimitives.WriteUInt64BigEndian(block, (ulong)associatedData.Length * 8);
        BinaryPrimitives.WriteUInt64BigEndian(block[8..], (ulong)ciphertext.Length * 8);
        ghash.AppendBlock(block);
        ghash.Finish(block);
        ghash.Clear();
        counterBlock.CopyTo(mask);
        uint counter = BinaryPrimitives.ReadUInt32BigEndian(mask[12..]);
        BinaryPrimitives.WriteUInt32BigEndian(mask[12..], unchecked(counter - 1));
        engine.EncryptBlocks(mask, mask, 1);
        for (int i = 0; i < 16; i++)
        {
            tag[i] = (byte)(block[i] ^ mask[i]);
        }

        block.Clear();
        mask.Clear();
    }
}

using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// AES-GCM (NIST SP 800-38D) with 16-, 24- or 32-byte keys, a 16-byte tag and a nonce of at least one byte (12 bytes
/// recommended: other lengths are hashed with GHASH into the initial counter). Constant-time: bitsliced AES and a
/// multiplication-based GHASH sharing the POLYVAL core. Never reuse a key and nonce pair: unlike
/// <see cref="AesGcmSiv"/>, GCM loses confidentiality and authenticity when a nonce repeats. Truncated tags are not
/// supported. Everything is computed on the stack; round keys, hash key, hash state and key stream are wiped before
/// returning.
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
        Span<byte> counterBlock = stackalloc byte[16];
        Span<byte> block = stackalloc byte[16];
        AesEngine engine = default;
        engine.Initialize(key);
        Start(engine, nonce, counterBlock, out PolyvalEngine ghash);
        AesCounterMode.Transform(engine, counterBlock, littleEndianCounterFirst: false, plaintext, ciphertext);
        Finish(engine, ref ghash, counterBlock, associatedData, ciphertext, block);
        block.CopyTo(tag);
        engine.Clear();
        counterBlock.Clear();
        block.Clear();
    }

    /// <summary>
    /// Checks the tag in constant time and decrypts <paramref name="ciphertext"/>. On failure nothing is released:
    /// <paramref name="plaintext"/> is cleared and false is returned.
    /// </summary>
    /// <param name="key">16, 24 or 32 bytes.</param>
    /// <param name="nonce">At least one byte.</param>
    /// <param name="ciphertext">The encrypted message; may be empty.</param>
    /// <param name="tag">Exactly <see cref="TagSizeInBytes"/> bytes.</param>
    /// <param name="associatedData">The associated data given to <see cref="Encrypt"/>.</param>
    /// <param name="plaintext">The same length as <paramref name="ciphertext"/>; may be the same memory (in place).</param>
    /// <returns>True when the tag is authentic (then <paramref name="plaintext"/> holds the message).</returns>
    /// <exception cref="ArgumentException">A key, nonce, tag or plaintext length is wrong.</exception>
    public static bool Decrypt(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag,
        ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        CheckArguments(key, nonce, tag.Length);
        Check.Length(plaintext.Length, ciphertext.Length, nameof(plaintext));
        Span<byte> counterBlock = stackalloc byte[16];
        Span<byte> expected = stackalloc byte[16];
        AesEngine engine = default;
        engine.Initialize(key);
        Start(engine, nonce, counterBlock, out PolyvalEngine ghash);

        // GCM authenticates the ciphertext, so the tag is checked before anything is decrypted.
        Finish(engine, ref ghash, counterBlock, associatedData, ciphertext, expected);
        bool authentic = FixedTime.Equals(expected, tag);
        expected.Clear();
        if (authentic)
        {
            AesCounterMode.Transform(engine, counterBlock, littleEndianCounterFirst: false, ciphertext, plaintext);
        }
        else
        {
            plaintext.Clear();
        }

        engine.Clear();
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
    private static void Start(in AesEngine engine, ReadOnlySpan<byte> nonce, Span<byte> counterBlock, out PolyvalEngine ghash)
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
    private static void Finish(
        in AesEngine engine, ref PolyvalEngine ghash, ReadOnlySpan<byte> counterBlock, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> ciphertext, Span<byte> tag)
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

using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// AES key wrap with padding (RFC 5649, NIST SP 800-38F KWP) under a 16-, 24- or 32-byte key-encryption key: wraps
/// a key of 1 or more bytes into <see cref="WrappedLength"/> bytes (8 more than the key rounded up to 8 bytes; a
/// 32-byte key becomes 40 bytes). Unwrapping checks the alternative initial value, the message length indicator and
/// the zero padding without branching on them, and releases nothing when a check fails. Round keys and intermediate
/// blocks are wiped before returning.
/// </summary>
public static class AesKeyWrapPadded
{
    /// <summary>The longest key this implementation wraps (the wrapped form must fit an <see cref="int"/> length).</summary>
    public const int MaxKeyLength = int.MaxValue - 15;

    private const uint AlternativeInitialValue = 0xA65959A6;

    /// <summary>The wrapped length of a key of <paramref name="keyLength"/> bytes: 8 + the length rounded up to 8.</summary>
    /// <param name="keyLength">1 to <see cref="MaxKeyLength"/>.</param>
    /// <returns>The number of bytes <see cref="Wrap(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> writes.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyLength"/> is out of range.</exception>
    public static int WrappedLength(int keyLength)
    {
        if (keyLength < 1 || keyLength > MaxKeyLength)
        {
            throw new ArgumentException($"KWP wraps 1 to {MaxKeyLength} bytes, got {keyLength}.", nameof(keyLength));
        }

        return 8 + ((keyLength + 7) & ~7);
    }

    /// <summary>Wraps <paramref name="key"/> under <paramref name="keyEncryptionKey"/>.</summary>
    /// <param name="keyEncryptionKey">16, 24 or 32 bytes.</param>
    /// <param name="key">1 to <see cref="MaxKeyLength"/> bytes to protect.</param>
    /// <param name="wrapped">Exactly <see cref="WrappedLength"/>(<paramref name="key"/>.Length) bytes; must not overlap <paramref name="key"/>.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static void Wrap(ReadOnlySpan<byte> keyEncryptionKey, ReadOnlySpan<byte> key, Span<byte> wrapped)
    {
        Aes.CheckKey(keyEncryptionKey.Length, nameof(keyEncryptionKey));
        Check.Length(wrapped.Length, WrappedLength(key.Length), nameof(wrapped));
        AesEngine engine = default;
        engine.Initialize(keyEncryptionKey);
        WrapCore(ref engine, key, wrapped);
        engine.Clear();
    }

    /// <summary>
    /// Wraps <paramref name="key"/> with a block cipher already keyed with the key-encryption key, such as a hardware
    /// AES engine; the same bytes as <see cref="Wrap(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> under
    /// that key.
    /// </summary>
    /// <param name="keyEncryptionKey">An AES engine keyed with the key-encryption key (16-byte block, 16-, 24- or 32-byte key); the caller keeps ownership and disposes it.</param>
    /// <param name="key">1 to <see cref="MaxKeyLength"/> bytes to protect.</param>
    /// <param name="wrapped">Exactly <see cref="WrappedLength"/>(<paramref name="key"/>.Length) bytes; must not overlap <paramref name="key"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keyEncryptionKey"/> is null.</exception>
    /// <exception cref="ArgumentException">A length is wrong, or the cipher's block or key size is not AES's.</exception>
    public static void Wrap(IBlockCipher keyEncryptionKey, ReadOnlySpan<byte> key, Span<byte> wrapped)
    {
        BlockCipherOperations.CheckCipher(keyEncryptionKey, nameof(keyEncryptionKey));
        Check.Length(wrapped.Length, WrappedLength(key.Length), nameof(wrapped));
        BlockCipherOperations cipher = new BlockCipherOperations(keyEncryptionKey);
        WrapCore(ref cipher, key, wrapped);
    }

    /// <summary>
    /// Unwraps <paramref name="wrapped"/>. Returns false, with <paramref name="key"/> cleared and
    /// <paramref name="keyLength"/> 0, when the input is not a whole number of 8-byte blocks of at least 16 bytes or
    /// when the integrity check (initial value, length indicator, zero padding) fails.
    /// </summary>
    /// <param name="keyEncryptionKey">16, 24 or 32 bytes.</param>
    /// <param name="wrapped">The wrapped key.</param>
    /// <param name="key">At least <paramref name="wrapped"/>.Length − 8 bytes; receives the key followed by zero bytes; must not overlap <paramref name="wrapped"/>.</param>
    /// <param name="keyLength">The length of the unwrapped key; 0 on failure.</param>
    /// <returns>Whether the wrapped key was authentic.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyEncryptionKey"/> has a wrong length or <paramref name="key"/> is too short.</exception>
    public static bool Unwrap(ReadOnlySpan<byte> keyEncryptionKey, ReadOnlySpan<byte> wrapped, Span<byte> key, out int keyLength)
    {
        Aes.CheckKey(keyEncryptionKey.Length, nameof(keyEncryptionKey));
        keyLength = 0;
        if (!CheckUnwrapLengths(wrapped, key))
        {
            return false;
        }

        AesEngine engine = default;
        engine.Initialize(keyEncryptionKey);
        bool authentic = UnwrapCore(ref engine, wrapped, key, out keyLength);
        engine.Clear();
        return authentic;
    }

    /// <summary>
    /// Unwraps <paramref name="wrapped"/> with a block cipher already keyed with the key-encryption key, such as a
    /// hardware AES engine; the same result as the key overload under that key. Returns false, with
    /// <paramref name="key"/> cleared and <paramref name="keyLength"/> 0, when the input is not a whole number of
    /// 8-byte blocks of at least 16 bytes or when the integrity check (initial value, length indicator, zero padding)
    /// fails.
    /// </summary>
    /// <param name="keyEncryptionKey">An AES engine keyed with the key-encryption key (16-byte block, 16-, 24- or 32-byte key); the caller keeps ownership and disposes it.</param>
    /// <param name="wrapped">The wrapped key.</param>
    /// <param name="key">At least <paramref name="wrapped"/>.Length − 8 bytes; receives the key followed by zero bytes; must not overlap <paramref name="wrapped"/>.</param>
    /// <param name="keyLength">The length of the unwrapped key; 0 on failure.</param>
    /// <returns>Whether the wrapped key was authentic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keyEncryptionKey"/> is null.</exception>
    /// <exception cref="ArgumentException">The cipher's block or key size is not AES's, or <paramref name="key"/> is too short.</exception>
    public static bool Unwrap(IBlockCipher keyEncryptionKey, ReadOnlySpan<byte> wrapped, Span<byte> key, out int keyLength)
    {
        BlockCipherOperations.CheckCipher(keyEncryptionKey, nameof(keyEncryptionKey));
        keyLength = 0;
        if (!CheckUnwrapLengths(wrapped, key))
        {
            return false;
        }

        BlockCipherOperations cipher = new BlockCipherOperations(keyEncryptionKey);
        return UnwrapCore(ref cipher, wrapped, key, out keyLength);
    }

    /// <summary>False (with <paramref name="key"/> cleared) for a malformed wrapped length; throws for a short key buffer.</summary>
    private static bool CheckUnwrapLengths(ReadOnlySpan<byte> wrapped, Span<byte> key)
    {
        if (wrapped.Length < 16 || wrapped.Length % 8 != 0)
        {
            key.Clear();
            return false;
        }

        if (key.Length < wrapped.Length - 8)
        {
            throw new ArgumentException($"Expected at least {wrapped.Length - 8} bytes, got {key.Length}.", nameof(key));
        }

        return true;
    }

    /// <summary>RFC 5649 §4.1 over a keyed engine; lengths checked by the caller.</summary>
    private static void WrapCore<TCipher>(ref TCipher cipher, ReadOnlySpan<byte> key, Span<byte> wrapped)
        where TCipher : struct, IBlockOperations
    {
        wrapped.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(wrapped, AlternativeInitialValue);
        BinaryPrimitives.WriteUInt32BigEndian(wrapped[4..], (uint)key.Length);
        key.CopyTo(wrapped[8..]);
        int n = (wrapped.Length / 8) - 1;
        if (n == 1)
        {
            cipher.EncryptBlocks(wrapped, wrapped, 1);
        }
        else
        {
            // RFC 3394 §2.2.1 W: six passes; A lives in wrapped[0..8], R[i] in wrapped[8i..8i+8].
            Span<byte> block = stackalloc byte[16];
            wrapped[..8].CopyTo(block);
            for (int j = 0; j < 6; j++)
            {
                for (int i = 1; i <= n; i++)
                {
                    wrapped.Slice(8 * i, 8).CopyTo(block[8..]);
                    cipher.EncryptBlocks(block, block, 1);
                    ulong t = ((ulong)n * (ulong)j) + (ulong)i;
                    BinaryPrimitives.WriteUInt64BigEndian(block, BinaryPrimitives.ReadUInt64BigEndian(block) ^ t);
                    block[8..].CopyTo(wrapped.Slice(8 * i, 8));
                }
            }

            block[..8].CopyTo(wrapped);
            block.Clear();
        }
    }

    /// <summary>RFC 5649 §4.2 over a keyed engine; lengths checked by <see cref="CheckUnwrapLengths"/>.</summary>
    private static bool UnwrapCore<TCipher>(ref TCipher cipher, ReadOnlySpan<byte> wrapped, Span<byte> key, out int keyLength)
        where TCipher : struct, IBlockOperations
    {
        keyLength = 0;
        Span<byte> block = stackalloc byte[16];
        int n = (wrapped.Length / 8) - 1;
        if (n == 1)
        {
            cipher.DecryptBlocks(wrapped, block, 1);
            block[8..].CopyTo(key);
        }
        else
        {
            // RFC 3394 §2.2.2 W⁻¹, with R[i] kept in key[8(i−1)..8i].
            wrapped[..8].CopyTo(block);
            wrapped[8..].CopyTo(key);
            for (int j = 5; j >= 0; j--)
            {
                for (int i = n; i >= 1; i--)
                {
                    ulong t = ((ulong)n * (ulong)j) + (ulong)i;
                    BinaryPrimitives.WriteUInt64BigEndian(block, BinaryPrimitives.ReadUInt64BigEndian(block) ^ t);
                    key.Slice(8 * (i - 1), 8).CopyTo(block[8..]);
                    cipher.DecryptBlocks(block, block, 1);
                    block[8..].CopyTo(key.Slice(8 * (i - 1), 8));
                }
            }
        }

        // RFC 5649 §3: A = A65959A6 ‖ MLI with 8(n − 1) < MLI ≤ 8n and zero bytes after MLI. All checks are folded
        // into one word so their time does not depend on which one fails.
        uint prefix = BinaryPrimitives.ReadUInt32BigEndian(block);
        uint indicated = BinaryPrimitives.ReadUInt32BigEndian(block[4..]);
        block.Clear();
        ulong difference = prefix ^ AlternativeInitialValue;
        long padding = (8L * n) - indicated;
        difference |= (ulong)padding & ~7UL;
        for (int i = 0; i < 8; i++)
        {
            long position = (8L * (n - 1)) + i;
            ulong isPadding = (ulong)(((long)indicated - 1 - position) >> 63);
            difference |= key[(int)position] & isPadding;
        }

        if (difference != 0)
        {
            key.Clear();
            return false;
        }

        keyLength = (int)indicated;
        return true;
    }
}

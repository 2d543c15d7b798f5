using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using BouncyCastleAes = Org.BouncyCastle.Crypto.Engines.AesEngine;

namespace Xous.Pddb.Tests.Format;

/// <summary>
/// Independent computations the format tests compare against: BouncyCastle for every cryptographic primitive, and a
/// small murmur3_32 written from the algorithm's description (itself checked against published vectors).
/// </summary>
internal static class FormatOracle
{
    public static byte[] Bytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static byte[] AesEcb(bool encrypt, byte[] key, byte[] block)
    {
        var engine = new BouncyCastleAes();
        engine.Init(encrypt, new KeyParameter(key));
        byte[] output = new byte[16];
        engine.ProcessBlock(block, 0, output, 0);
        return output;
    }

    /// <summary>AES-GCM-SIV: ciphertext ‖ tag.</summary>
    public static byte[] GcmSivSeal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData)
    {
        var cipher = new GcmSivBlockCipher(new BouncyCastleAes());
        cipher.Init(true, new AeadParameters(new KeyParameter(key), 128, nonce, associatedData));
        byte[] output = new byte[cipher.GetOutputSize(plaintext.Length)];
        int written = cipher.ProcessBytes(plaintext, 0, plaintext.Length, output, 0);
        cipher.DoFinal(output, written);
        return output;
    }

    /// <summary>AES-GCM-SIV open of ciphertext ‖ tag; null when the tag is wrong.</summary>
    public static byte[]? GcmSivOpen(byte[] key, byte[] nonce, byte[] sealedMessage, byte[] associatedData)
    {
        var cipher = new GcmSivBlockCipher(new BouncyCastleAes());
        cipher.Init(false, new AeadParameters(new KeyParameter(key), 128, nonce, associatedData));
        byte[] output = new byte[cipher.GetOutputSize(sealedMessage.Length)];
        try
        {
            int written = cipher.ProcessBytes(sealedMessage, 0, sealedMessage.Length, output, 0);
            cipher.DoFinal(output, written);
            return output;
        }
        catch (InvalidCipherTextException)
        {
            return null;
        }
    }

    public static byte[] Sha512_256(params byte[][] parts)
    {
        var digest = new Sha512tDigest(256);
        foreach (byte[] part in parts)
        {
            digest.BlockUpdate(part, 0, part.Length);
        }

        byte[] output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] Hkdf(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length)
    {
        var hkdf = new HkdfBytesGenerator(new Sha256Digest());
        hkdf.Init(new HkdfParameters(inputKeyMaterial, salt, info));
        byte[] output = new byte[length];
        hkdf.GenerateBytes(output, 0, length);
        return output;
    }

    /// <summary>Raw 24-byte bcrypt of exactly <paramref name="key"/> (no terminator added).</summary>
    public static byte[] Bcrypt(byte[] key, byte[] salt, int cost) => BCrypt.Generate(key, salt, cost, addTerminator: false);

    public static byte[] KwpWrap(byte[] keyEncryptionKey, byte[] key)
    {
        var engine = new Rfc5649WrapEngine(new BouncyCastleAes());
        engine.Init(true, new KeyParameter(keyEncryptionKey));
        return engine.Wrap(key, 0, key.Length);
    }

    public static byte[]? KwpUnwrap(byte[] keyEncryptionKey, byte[] wrapped)
    {
        var engine = new Rfc5649WrapEngine(new BouncyCastleAes());
        engine.Init(false, new KeyParameter(keyEncryptionKey));
        try
        {
            return engine.Unwrap(wrapped, 0, wrapped.Length);
        }
        catch (InvalidCipherTextException)
        {
            return null;
        }
    }

    /// <summary>MurmurHash3_x86_32 written from Appleby's description, independently of Xous.Crypto's.</summary>
    public static uint Murmur3(byte[] data, uint seed)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint h = seed;
        int blocks = data.Length / 4;
        for (int b = 0; b < blocks; b++)
        {
            uint k = (uint)(data[4 * b] | (data[(4 * b) + 1] << 8) | (data[(4 * b) + 2] << 16) | (data[(4 * b) + 3] << 24));
            k = unchecked(k * c1);
            k = (k << 15) | (k >> 17);
            k = unchecked(k * c2);
            h ^= k;
            h = (h << 13) | (h >> 19);
            h = unchecked((h * 5) + 0xe6546b64);
        }

        uint tail = 0;
        int rest = data.Length & 3;
        if (rest >= 3)
        {
            tail ^= (uint)data[(blocks * 4) + 2] << 16;
        }

        if (rest >= 2)
        {
            tail ^= (uint)data[(blocks * 4) + 1] << 8;
        }

        if (rest >= 1)
        {
            tail ^= data[blocks * 4];
            tail = unchecked(tail * c1);
            tail = (tail << 15) | (tail >> 17);
            tail = unchecked(tail * c2);
            h ^= tail;
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h = unchecked(h * 0x85ebca6b);
        h ^= h >> 13;
        h = unchecked(h * 0xc2b2ae35);
        h ^= h >> 16;
        return h;
    }

    public static byte[] U32(uint value) => BitConverter.GetBytes(value);

    public static byte[] U64(ulong value) => BitConverter.GetBytes(value);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}

using System;
using Xous.Crypto;

namespace Xous.Bench.Crypto.Programs;

// Each kernel runs one measured operation (or a fixed number of them, Units) on inputs from Inputs.Fill and returns a
// checksum of the result. The bench divides the instructions of one call by Units. Input generation is inside the
// measured call; it is small beside the operation (a few instructions per input byte).

/// <summary>SHA-256 of 4,087 bytes: exactly 64 compression calls (the last block holds the padding).</summary>
public static class Sha256Blocks
{
    /// <summary>Compression calls per run.</summary>
    public const int Units = 64;

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> message = stackalloc byte[(64 * Units) - 9];
        Inputs.Fill(message, 0x5348_3235);
        Span<byte> digest = stackalloc byte[32];
        Sha256.Hash(message, digest);
        return Inputs.Checksum(digest);
    }
}

/// <summary>SHA-512 of 4,079 bytes: exactly 32 compression calls.</summary>
public static class Sha512Blocks
{
    /// <summary>Compression calls per run.</summary>
    public const int Units = 32;

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> message = stackalloc byte[(128 * Units) - 17];
        Inputs.Fill(message, 0x5348_3531);
        Span<byte> digest = stackalloc byte[64];
        Sha512.Hash(message, digest);
        return Inputs.Checksum(digest);
    }
}

/// <summary>ChaCha20 over 4 KiB: 64 key-stream blocks.</summary>
public static class ChaCha20Blocks
{
    /// <summary>Key-stream blocks per run.</summary>
    public const int Units = 64;

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> key = stackalloc byte[32];
        Span<byte> nonce = stackalloc byte[12];
        Inputs.Fill(key, 0x4348_4143);
        Inputs.Fill(nonce, 0x4E4F_4E43);
        Span<byte> data = stackalloc byte[64 * Units];
        Inputs.Fill(data, 0x4441_5441);
        ChaCha20.Transform(key, nonce, 1, data, data);
        return Inputs.Checksum(data.Slice(data.Length - 4));
    }
}

/// <summary>bcrypt at cost 7 (what root-keys and the PDDB run to unlock): one raw 24-byte hash.</summary>
public static class Bcrypt7
{
    /// <summary>Hashes per run.</summary>
    public const int Units = 1;

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> key = stackalloc byte[16];
        Inputs.Fill(key, 0x4243_5259);
        key[15] = 0;
        Span<byte> salt = stackalloc byte[16];
        Inputs.Fill(salt, 0x5341_4C54);
        Span<byte> output = stackalloc byte[Bcrypt.OutputSizeInBytes];
        Bcrypt.HashRaw(key, salt, 7, output);
        return Inputs.Checksum(output);
    }
}

/// <summary>The ChaCha DRBG filling one 4 KiB flash page with noise (the PDDB's format and churn).</summary>
public static class DrbgPage
{
    /// <summary>Pages per run.</summary>
    public const int Units = 4;

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> seed = stackalloc byte[32];
        Inputs.Fill(seed, 0x4452_4247);
        using ChaChaDrbg drbg = ChaChaDrbg.CreateInsecureDeterministic(seed, default);
        byte[] page = new byte[4096];
        uint checksum = 0;
        for (int i = 0; i < Units; i++)
        {
            drbg.Generate(page);
            checksum ^= Inputs.Checksum(page);
        }

        return checksum;
    }
}

/// <summary>AES-256 encryption of 64 single blocks, one call each (how the PDDB handles page-table entries).</summary>
public static class Aes256Blocks
{
    /// <summary>Blocks per run.</summary>
    public const int Units = 64;

    /// <summary>Runs the kernel.</summary>
    public static uint Run() => Chain(decrypt: false, 0x4145_5331);

    /// <summary>Encrypts or decrypts one block <see cref="Units"/> times in a chain, one call per block.</summary>
    public static uint Chain(bool decrypt, uint seed)
    {
        Span<byte> key = stackalloc byte[32];
        Inputs.Fill(key, seed);
        Span<byte> block = stackalloc byte[16];
        Inputs.Fill(block, ~seed);
        using var aes = new Aes(key);
        for (int i = 0; i < Units; i++)
        {
            if (decrypt)
            {
                aes.DecryptBlock(block, block);
            }
            else
            {
                aes.EncryptBlock(block, block);
            }
        }

        return Inputs.Checksum(block);
    }
}

/// <summary>AES-256 decryption of 64 single blocks (the PDDB's mount scan decrypts each page-table entry).</summary>
public static class Aes256DecryptBlocks
{
    /// <summary>Blocks per run.</summary>
    public const int Units = Aes256Blocks.Units;

    /// <summary>Runs the kernel.</summary>
    public static uint Run() => Aes256Blocks.Chain(decrypt: true, 0x4145_5332);
}

/// <summary>AES-256-GCM-SIV decryption of one PDDB data page (4,068 bytes of ciphertext, a 40-byte AAD).</summary>
public static class GcmSivPage
{
    /// <summary>Pages per run (one encryption to make the page, then the measured decryptions).</summary>
    public const int Units = 2;

    /// <summary>Runs the kernel: encrypts a page, then decrypts it twice; the checksum covers tag and plaintext.</summary>
    public static uint Run()
    {
        Span<byte> key = stackalloc byte[32];
        Inputs.Fill(key, 0x5349_5631);
        Span<byte> nonce = stackalloc byte[AesGcmSiv.NonceSizeInBytes];
        Inputs.Fill(nonce, 0x5349_5632);
        Span<byte> aad = stackalloc byte[40];
        Inputs.Fill(aad, 0x5349_5633);
        byte[] page = new byte[4068];
        Inputs.Fill(page, 0x5349_5634);
        Span<byte> tag = stackalloc byte[AesGcmSiv.TagSizeInBytes];
        AesGcmSiv.Encrypt(key, nonce, page, aad, page, tag);
        byte[] plain = new byte[page.Length];
        uint checksum = Inputs.Checksum(tag);
        for (int i = 0; i < Units - 1; i++)
        {
            if (!AesGcmSiv.Decrypt(key, nonce, page, tag, aad, plain))
            {
                return 0;
            }

            checksum ^= Inputs.Checksum(plain.AsSpan(plain.Length - 4));
        }

        return checksum;
    }
}

/// <summary>AES-KWP unwrap of a 32-byte key under a 32-byte key-encryption key (the PDDB's .System keys).</summary>
public static class KwpUnwrap
{
    /// <summary>Unwraps per run (after one wrap).</summary>
    public const int Units = 2;

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> kek = stackalloc byte[32];
        Inputs.Fill(kek, 0x4B57_5031);
        Span<byte> key = stackalloc byte[32];
        Inputs.Fill(key, 0x4B57_5032);
        Span<byte> wrapped = stackalloc byte[40];
        AesKeyWrapPadded.Wrap(kek, key, wrapped);
        uint checksum = Inputs.Checksum(wrapped);
        for (int i = 0; i < Units - 1; i++)
        {
            if (!AesKeyWrapPadded.Unwrap(kek, wrapped, key, out int length) || length != 32)
            {
                return 0;
            }

            checksum ^= Inputs.Checksum(key);
        }

        return checksum;
    }
}

/// <summary>Ed25519 verification of RFC 8032 §7.1 test 2 (a one-byte message), as at boot (image signatures).</summary>
public static class Ed25519Verify
{
    /// <summary>Verifications per run.</summary>
    public const int Units = 1;

    private static ReadOnlySpan<byte> PublicKey =>
    [
        0x3D, 0x40, 0x17, 0xC3, 0xE8, 0x43, 0x89, 0x5A, 0x92, 0xB7, 0x0A, 0xA7, 0x4D, 0x1B, 0x7E, 0xBC,
        0x9C, 0x98, 0x2C, 0xCF, 0x2E, 0xC4, 0x96, 0x8C, 0xC0, 0xCD, 0x55, 0xF1, 0x2A, 0xF4, 0x66, 0x0C,
    ];

    private static ReadOnlySpan<byte> Signature =>
    [
        0x92, 0xA0, 0x09, 0xA9, 0xF0, 0xD4, 0xCA, 0xB8, 0x72, 0x0E, 0x82, 0x0B, 0x5F, 0x64, 0x25, 0x40,
        0xA2, 0xB2, 0x7B, 0x54, 0x16, 0x50, 0x3F, 0x8F, 0xB3, 0x76, 0x22, 0x23, 0xEB, 0xDB, 0x69, 0xDA,
        0x08, 0x5A, 0xC1, 0xE4, 0x3E, 0x15, 0x99, 0x6E, 0x45, 0x8F, 0x36, 0x13, 0xD0, 0xF1, 0x1D, 0x8C,
        0x38, 0x7B, 0x2E, 0xAE, 0xB4, 0x30, 0x2A, 0xEE, 0xB0, 0x0D, 0x29, 0x16, 0x12, 0xBB, 0x0C, 0x00,
    ];

    /// <summary>Runs the kernel: 1 when the signature verifies, and 0 when it does not.</summary>
    public static uint Run()
    {
        ReadOnlySpan<byte> message = [0x72];
        return Ed25519.Verify(PublicKey, message, Signature) ? 1u : 0u;
    }
}

/// <summary>Ed25519 signing of a 64-byte message (public key derivation included, as Ed25519.Sign does it).</summary>
public static class Ed25519Sign
{
    /// <summary>Signatures per run.</summary>
    public const int Units = 1;

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> privateKey = stackalloc byte[Ed25519.PrivateKeySizeInBytes];
        Inputs.Fill(privateKey, 0x4544_5331);
        Span<byte> message = stackalloc byte[64];
        Inputs.Fill(message, 0x4544_5332);
        Span<byte> signature = stackalloc byte[Ed25519.SignatureSizeInBytes];
        Ed25519.Sign(privateKey, message, signature);
        return Inputs.Checksum(signature.Slice(32));
    }
}

/// <summary>X25519: one shared secret from a private key and a peer's public key.</summary>
public static class X25519Shared
{
    /// <summary>Scalar multiplications per run.</summary>
    public const int Units = 1;

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> privateKey = stackalloc byte[X25519.KeySizeInBytes];
        Inputs.Fill(privateKey, 0x5832_3531);
        Span<byte> peer = stackalloc byte[X25519.KeySizeInBytes];
        Inputs.Fill(peer, 0x5832_3532);
        Span<byte> shared = stackalloc byte[X25519.KeySizeInBytes];
        return X25519.ScalarMultiply(privateKey, peer, shared) ? Inputs.Checksum(shared) : 0u;
    }
}

/// <summary>P-256 ECDSA signing with the RFC 6979 nonce: <see cref="Units"/> signatures of different hashes.</summary>
/// <remarks>The first signature builds the base-point table (once per boot); <see cref="P256SignOnce"/> measures one.</remarks>
public static class P256Sign
{
    /// <summary>Signatures per run.</summary>
    public const int Units = 8;

    /// <summary>Runs the kernel.</summary>
    public static uint Run() => SignMany(Units);

    /// <summary>Signs <paramref name="count"/> hashes under one key; the checksum mixes every signature.</summary>
    public static uint SignMany(int count)
    {
        Span<byte> privateKey = stackalloc byte[32];
        Inputs.Fill(privateKey, 0x5032_3536);
        privateKey[0] &= 0x7F;
        Span<byte> hash = stackalloc byte[32];
        Span<byte> signature = stackalloc byte[64];
        uint checksum = 0;
        for (int i = 0; i < count; i++)
        {
            Inputs.Fill(hash, 0x4841_5348 + (uint)i);
            P256.Sign(privateKey, hash, signature);
            checksum ^= Inputs.Checksum(signature.Slice(32 + (4 * (i % 8))));
        }

        return checksum;
    }
}

/// <summary>One P-256 signature, the first after start-up: it includes building the base-point table.</summary>
public static class P256SignOnce
{
    /// <summary>Signatures per run.</summary>
    public const int Units = 1;

    /// <summary>Runs the kernel.</summary>
    public static uint Run() => P256Sign.SignMany(Units);
}

/// <summary>
/// P-256 ECDSA verification of the RFC 6979 A.2.5 signature of "sample" (SHA-256 of the message included), after
/// the one signature of <see cref="P256SignOnce"/>, which builds the base-point table verification also uses; the
/// bench subtracts that kernel, leaving the verification.
/// </summary>
public static class P256Verify
{
    /// <summary>Operations per run: the signature of <see cref="P256SignOnce"/> and one verification.</summary>
    public const int Units = 2;

    private static ReadOnlySpan<byte> PublicKey =>
    [
        0x04, 0x60, 0xFE, 0xD4, 0xBA, 0x25, 0x5A, 0x9D, 0x31, 0xC9, 0x61, 0xEB, 0x74, 0xC6, 0x35, 0x6D,
        0x68, 0xC0, 0x49, 0xB8, 0x92, 0x3B, 0x61, 0xFA, 0x6C, 0xE6, 0x69, 0x62, 0x2E, 0x60, 0xF2, 0x9F,
        0xB6, 0x79, 0x03, 0xFE, 0x10, 0x08, 0xB8, 0xBC, 0x99, 0xA4, 0x1A, 0xE9, 0xE9, 0x56, 0x28, 0xBC,
        0x64, 0xF2, 0xF1, 0xB2, 0x0C, 0x2D, 0x7E, 0x9F, 0x51, 0x77, 0xA3, 0xC2, 0x94, 0xD4, 0x46, 0x22,
        0x99,
    ];

    private static ReadOnlySpan<byte> Signature =>
    [
        0xEF, 0xD4, 0x8B, 0x2A, 0xAC, 0xB6, 0xA8, 0xFD, 0x11, 0x40, 0xDD, 0x9C, 0xD4, 0x5E, 0x81, 0xD6,
        0x9D, 0x2C, 0x87, 0x7B, 0x56, 0xAA, 0xF9, 0x91, 0xC3, 0x4D, 0x0E, 0xA8, 0x4E, 0xAF, 0x37, 0x16,
        0xF7, 0xCB, 0x1C, 0x94, 0x2D, 0x65, 0x7C, 0x41, 0xD4, 0x36, 0xC7, 0xA1, 0xB6, 0xE2, 0x9F, 0x65,
        0xF3, 0xE9, 0x00, 0xDB, 0xB9, 0xAF, 0xF4, 0x06, 0x4D, 0xC4, 0xAB, 0x2F, 0x84, 0x3A, 0xCD, 0xA8,
    ];

    /// <summary>Runs the kernel: the signature's checksum when the verification succeeds, its complement when not.</summary>
    public static uint Run()
    {
        uint checksum = P256Sign.SignMany(1);
        ReadOnlySpan<byte> message = [0x73, 0x61, 0x6D, 0x70, 0x6C, 0x65];
        return P256.VerifyData(PublicKey, message, Signature) ? checksum : ~checksum;
    }
}

/// <summary>P-256 ECDH: one shared secret with the RFC 6979 A.2.5 public key as the peer.</summary>
public static class P256Ecdh
{
    /// <summary>Key agreements per run.</summary>
    public const int Units = 1;

    private static ReadOnlySpan<byte> PeerPublicKey =>
    [
        0x04, 0x60, 0xFE, 0xD4, 0xBA, 0x25, 0x5A, 0x9D, 0x31, 0xC9, 0x61, 0xEB, 0x74, 0xC6, 0x35, 0x6D,
        0x68, 0xC0, 0x49, 0xB8, 0x92, 0x3B, 0x61, 0xFA, 0x6C, 0xE6, 0x69, 0x62, 0x2E, 0x60, 0xF2, 0x9F,
        0xB6, 0x79, 0x03, 0xFE, 0x10, 0x08, 0xB8, 0xBC, 0x99, 0xA4, 0x1A, 0xE9, 0xE9, 0x56, 0x28, 0xBC,
        0x64, 0xF2, 0xF1, 0xB2, 0x0C, 0x2D, 0x7E, 0x9F, 0x51, 0x77, 0xA3, 0xC2, 0x94, 0xD4, 0x46, 0x22,
        0x99,
    ];

    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        Span<byte> privateKey = stackalloc byte[32];
        Inputs.Fill(privateKey, 0x4543_4448);
        privateKey[0] &= 0x7F;
        Span<byte> shared = stackalloc byte[32];
        return P256.SharedSecret(privateKey, PeerPublicKey, shared) ? Inputs.Checksum(shared) : 0u;
    }
}

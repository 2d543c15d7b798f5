using CsCheck;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// The hardware-engine seams of the AES modes: the <see cref="IBlockCipher"/> overloads of
/// <see cref="AesKeyWrapPadded"/> and the <see cref="IBlockCipherFactory"/> overloads of <see cref="AesGcmSiv"/> and
/// <see cref="AesGcm"/> must give exactly the bytes and accept/reject results of the key-only methods (which use the
/// internal software engine), and the injected cipher must really be the one doing the work: a counting wrapper
/// around <see cref="Aes"/> proves it, and its factory checks that every created cipher is disposed.
/// </summary>
public class BlockCipherSeamTests(ITestOutputHelper output)
{
    private const int SeamCases = 1_000;

    [Fact]
    public void Key_wrap_through_cipher_matches_key_overload()
    {
        Gen<(byte[] Kek, byte[] Key, int Tamper)> cases = Gen.Select(
            Gen.OneOfConst(16, 24, 32).SelectMany(n => Gen.Byte.Array[n]),
            Deterministic.Length(8, 72).Select(n => Math.Max(n, 1)).SelectMany(n => Gen.Byte.Array[n]),
            Gen.Int[0, int.MaxValue]);
        Deterministic.Run(
            cases,
            3394,
            c =>
            {
                int wrappedLength = AesKeyWrapPadded.WrappedLength(c.Key.Length);
                byte[] expected = new byte[wrappedLength], actual = new byte[wrappedLength];
                AesKeyWrapPadded.Wrap(c.Kek, c.Key, expected);
                using var cipher = new CountingBlockCipher(c.Kek);
                AesKeyWrapPadded.Wrap(cipher, c.Key, actual);
                Assert.Equal(expected, actual);
                int blocks = (wrappedLength / 8) - 1;
                Assert.Equal(blocks == 1 ? 1 : 6 * blocks, cipher.EncryptedBlocks);

                // Unwrap the genuine and a tampered form (one bit flipped, or a truncated length) both ways.
                byte[] tampered = (byte[])expected.Clone();
                if (c.Tamper % 5 == 0)
                {
                    tampered = tampered[..^8];
                }
                else
                {
                    tampered[c.Tamper % tampered.Length] ^= (byte)(1 << (c.Tamper / tampered.Length % 8));
                }

                foreach (byte[] wrapped in new[] { expected, tampered })
                {
                    byte[] keyA = [.. Enumerable.Repeat((byte)0xEE, wrappedLength)], keyB = [.. Enumerable.Repeat((byte)0xEE, wrappedLength)];
                    bool acceptedA = AesKeyWrapPadded.Unwrap(c.Kek, wrapped, keyA, out int lengthA);
                    int before = cipher.DecryptedBlocks;
                    bool acceptedB = AesKeyWrapPadded.Unwrap(cipher, wrapped, keyB, out int lengthB);
                    Assert.Equal(acceptedA, acceptedB);
                    Assert.Equal(lengthA, lengthB);
                    Assert.Equal(keyA, keyB);
                    Assert.Equal(wrapped.Length >= 16, cipher.DecryptedBlocks > before);
                }

                Assert.Equal(c.Key.Length, AesKeyWrapPadded.Unwrap(cipher, expected, new byte[wrappedLength], out int length) ? length : -1);
            },
            output,
            cases: SeamCases);
    }

    [Fact]
    public void Gcm_siv_through_factory_matches_key_overload()
    {
        Deterministic.Run(
            AeadCases(Gen.OneOfConst(16, 32), Gen.Const(AesGcmSiv.NonceSizeInBytes)),
            8452,
            c =>
            {
                var factory = new CountingFactory();
                CheckAead(c, AesGcmSiv.Encrypt, AesGcmSiv.Decrypt, factory, AesGcmSiv.Encrypt, AesGcmSiv.Decrypt);

                // Each call derives keys with one cipher and encrypts with another: two per call, three calls.
                Assert.Equal(6, factory.Created.Count);
            },
            output,
            cases: SeamCases);
    }

    [Fact]
    public void Gcm_through_factory_matches_key_overload()
    {
        Deterministic.Run(
            AeadCases(Gen.OneOfConst(16, 24, 32), Gen.Frequency((3, Gen.Const(AesGcm.NonceSizeInBytes)), (1, Gen.Int[1, 40]))),
            3800,
            c =>
            {
                var factory = new CountingFactory();
                CheckAead(c, AesGcm.Encrypt, AesGcm.Decrypt, factory, AesGcm.Encrypt, AesGcm.Decrypt);
                Assert.Equal(3, factory.Created.Count);
            },
            output,
            cases: SeamCases);
    }

    [Fact]
    public void Software_factory_gives_the_same_bytes_as_key_overloads()
    {
        var factory = new AesSoftwareFactory();
        byte[] key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)], nonce = new byte[12], message = new byte[100];
        byte[] expected = new byte[100], actual = new byte[100], expectedTag = new byte[16], actualTag = new byte[16];
        AesGcmSiv.Encrypt(key, nonce, message, [], expected, expectedTag);
        AesGcmSiv.Encrypt(factory, key, nonce, message, [], actual, actualTag);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedTag, actualTag);
        AesGcm.Encrypt(key[..24], nonce, message, [], expected, expectedTag);
        AesGcm.Encrypt(factory, key[..24], nonce, message, [], actual, actualTag);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedTag, actualTag);
        using IBlockCipher created = factory.Create(key[..16]);
        Assert.IsType<Aes>(created);
        Assert.Equal(16, created.KeySize);
    }

    [Fact]
    public void Factory_ciphers_are_disposed_on_success_failure_and_errors()
    {
        byte[] key = new byte[16], nonce = new byte[12], data = new byte[40], tag = new byte[16];
        var siv = new CountingFactory();
        AesGcmSiv.Encrypt(siv, key, nonce, data, [], new byte[40], tag);
        Assert.False(AesGcmSiv.Decrypt(siv, key, nonce, data, tag, [], new byte[40]));
        Assert.Equal(4, siv.Created.Count);
        Assert.All(siv.Created, c => Assert.True(c.Disposed));

        var gcm = new CountingFactory();
        AesGcm.Encrypt(gcm, key, nonce, data, [], new byte[40], tag);
        Assert.False(AesGcm.Decrypt(gcm, key, nonce, data, tag, [], new byte[40]));
        Assert.Equal(2, gcm.Created.Count);
        Assert.All(gcm.Created, c => Assert.True(c.Disposed));

        // A cipher failing mid-call is still disposed (with the key-generating one for GCM-SIV).
        var failing = new CountingFactory { FailAfterBlocks = 0 };
        Assert.Throws<IOException>(() => AesGcmSiv.Encrypt(failing, key, nonce, data, [], new byte[40], tag));
        Assert.Throws<IOException>(() => AesGcm.Decrypt(failing, key, nonce, data, tag, [], new byte[40]));
        Assert.Equal(2, failing.Created.Count);
        Assert.All(failing.Created, c => Assert.True(c.Disposed));

        // A factory handing back a cipher of the wrong key size: that cipher is disposed and the call refused.
        var lying = new CountingFactory { KeySizeOverride = 24 };
        Assert.Throws<InvalidOperationException>(() => AesGcm.Encrypt(lying, key, nonce, data, [], new byte[40], tag));
        Assert.Throws<InvalidOperationException>(() => AesGcmSiv.Decrypt(lying, key, nonce, data, tag, [], new byte[40]));
        Assert.Equal(2, lying.Created.Count);
        Assert.All(lying.Created, c => Assert.True(c.Disposed));

        // The key-wrap overloads do not own the cipher: it stays usable after the call.
        using var kek = new CountingBlockCipher(key);
        byte[] wrapped = new byte[24];
        AesKeyWrapPadded.Wrap(kek, data[..16], wrapped);
        Assert.False(kek.Disposed);
        Assert.True(AesKeyWrapPadded.Unwrap(kek, wrapped, new byte[16], out int length));
        Assert.Equal(16, length);
    }

    [Fact]
    public void Seam_argument_errors()
    {
        byte[] key = new byte[16], nonce = new byte[12], data = new byte[8], tag = new byte[16];
        Assert.Equal("keyEncryptionKey", Assert.Throws<ArgumentNullException>(() => AesKeyWrapPadded.Wrap((IBlockCipher)null!, data, new byte[16])).ParamName);
        Assert.Equal("keyEncryptionKey", Assert.Throws<ArgumentNullException>(() => AesKeyWrapPadded.Unwrap((IBlockCipher)null!, new byte[16], new byte[8], out _)).ParamName);
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => AesGcmSiv.Encrypt(null!, key, nonce, data, [], new byte[8], tag)).ParamName);
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => AesGcmSiv.Decrypt(null!, key, nonce, data, tag, [], new byte[8])).ParamName);
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => AesGcm.Encrypt(null!, key, nonce, data, [], new byte[8], tag)).ParamName);
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => AesGcm.Decrypt(null!, key, nonce, data, tag, [], new byte[8])).ParamName);

        // Wrong key sizes: the factories refuse them, and the modes refuse them before asking the factory.
        var software = new AesSoftwareFactory();
        var counting = new CountingFactory();
        foreach (int size in new[] { 0, 8, 15, 17, 31, 33, 64 })
        {
            Assert.Throws<ArgumentException>(() => software.Create(new byte[size]));
            Assert.Throws<ArgumentException>(() => counting.Create(new byte[size]));
            Assert.Throws<ArgumentException>(() => AesGcm.Encrypt(counting, new byte[size], nonce, data, [], new byte[8], tag));
        }

        Assert.Equal("key", Assert.Throws<ArgumentException>(() => AesGcmSiv.Encrypt(counting, new byte[24], nonce, data, [], new byte[8], tag)).ParamName);
        Assert.Throws<ArgumentException>(() => AesGcmSiv.Decrypt(counting, key, new byte[11], data, tag, [], new byte[8]));
        Assert.Throws<ArgumentException>(() => AesGcm.Decrypt(counting, key, [], data, tag, [], new byte[8]));
        Assert.Throws<ArgumentException>(() => AesGcm.Encrypt(counting, key, nonce, data, [], new byte[7], tag));
        Assert.Empty(counting.Created);

        // A cipher that is not 16-byte-block AES is refused by the key-wrap overloads; a short key buffer too.
        using var wide = new CountingBlockCipher(key) { BlockSizeOverride = 8 };
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.Wrap(wide, data, new byte[16]));
        using var kek = new CountingBlockCipher(key);
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.Wrap(kek, data, new byte[24]));
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.Unwrap(kek, new byte[24], new byte[15], out _));
        Assert.False(AesKeyWrapPadded.Unwrap(kek, new byte[20], new byte[20], out _));
        Assert.Equal(0, kek.EncryptedBlocks + kek.DecryptedBlocks);
    }

    [Fact]
    public void Wycheproof_aes_gcm_siv_through_factory() =>
        RunWycheproofAead("aes_gcm_siv_test.json", AesGcmSiv.Encrypt, AesGcmSiv.Decrypt);

    [Fact]
    public void Wycheproof_aes_kwp_through_cipher() =>
        Wycheproof.Run(output, "aes_kwp_test.json", test =>
        {
            byte[] kekBytes = test.Bytes("key"), key = test.Bytes("msg"), wrapped = test.Bytes("ct");
            using var kek = new CountingBlockCipher(kekBytes);
            byte[] unwrapped = new byte[Math.Max(0, wrapped.Length - 8)];
            bool accepted = AesKeyWrapPadded.Unwrap(kek, wrapped, unwrapped, out int length);
            if (!accepted)
            {
                Assert.Equal(0, length);
                Assert.All(unwrapped, b => Assert.Equal(0, b));
                return false;
            }

            Assert.True(kek.DecryptedBlocks > 0);
            Assert.Equal(key, unwrapped[..length]);
            byte[] rewrapped = new byte[AesKeyWrapPadded.WrappedLength(key.Length)];
            AesKeyWrapPadded.Wrap(kek, key, rewrapped);
            Assert.Equal(wrapped, rewrapped);
            Assert.True(kek.EncryptedBlocks > 0);
            return true;
        }, via: "through IBlockCipher");

    private delegate void Encrypt(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData,
        Span<byte> ciphertext, Span<byte> tag);

    private delegate void FactoryEncrypt(
        IBlockCipherFactory factory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag);

    private delegate bool FactoryDecrypt(
        IBlockCipherFactory factory, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext);

    private static Gen<AeadCase> AeadCases(Gen<int> keySizes, Gen<int> nonceSizes) =>
        Gen.Select(
            keySizes.SelectMany(n => Gen.Byte.Array[n]),
            nonceSizes.SelectMany(n => Gen.Byte.Array[n]),
            Deterministic.Bytes(16, 300),
            Deterministic.Bytes(16, 64),
            Gen.Int[0, 3],
            Gen.Int[0, int.MaxValue],
            (key, nonce, message, aad, tamper, index) => new AeadCase(key, nonce, message, aad, tamper, index));

    /// <summary>
    /// Encrypts both ways (same ciphertext and tag, in place too), decrypts the genuine message both ways (accepted,
    /// same plaintext) and a tampered one both ways (rejected, output cleared), each factory call counted.
    /// </summary>
    private static void CheckAead(
        AeadCase c, Encrypt encrypt, AesAeadTampering.Decrypt decrypt, CountingFactory factory, FactoryEncrypt factoryEncrypt,
        FactoryDecrypt factoryDecrypt)
    {
        byte[] ciphertext = new byte[c.Message.Length], tag = new byte[16];
        encrypt(c.Key, c.Nonce, c.Message, c.Aad, ciphertext, tag);
        byte[] inPlace = (byte[])c.Message.Clone(), ownTag = new byte[16];
        factoryEncrypt(factory, c.Key, c.Nonce, inPlace, c.Aad, inPlace, ownTag);
        Assert.Equal(ciphertext, inPlace);
        Assert.Equal(tag, ownTag);
        Assert.True(factory.EncryptedBlocks > 0);

        byte[] plaintext = new byte[c.Message.Length];
        Assert.True(decrypt(c.Key, c.Nonce, ciphertext, tag, c.Aad, plaintext));
        byte[] ownPlaintext = new byte[c.Message.Length];
        Assert.True(factoryDecrypt(factory, c.Key, c.Nonce, ciphertext, tag, c.Aad, ownPlaintext));
        Assert.Equal(c.Message, plaintext);
        Assert.Equal(plaintext, ownPlaintext);

        AesAeadTampering.AssertRejected(c.Key, c.Nonce, c.Aad, ciphertext, tag, c.Tamper, c.Index, decrypt);
        AesAeadTampering.AssertRejected(
            c.Key, c.Nonce, c.Aad, ciphertext, tag, c.Tamper, c.Index,
            (key, nonce, ct, t, aad, pt) => factoryDecrypt(factory, key, nonce, ct, t, aad, pt));
        Assert.All(factory.Created, cipher => Assert.True(cipher.Disposed));
    }

    /// <summary>Wycheproof AEAD cases through the factory overloads with a counting factory.</summary>
    private void RunWycheproofAead(string file, FactoryEncrypt encrypt, FactoryDecrypt decrypt) =>
        Wycheproof.Run(output, file, test =>
        {
            byte[] key = test.Bytes("key"), nonce = test.Bytes("iv"), aad = test.Bytes("aad");
            byte[] message = test.Bytes("msg"), ciphertext = test.Bytes("ct"), tag = test.Bytes("tag");
            var factory = new CountingFactory();
            byte[] plaintext = new byte[ciphertext.Length];
            bool accepted = decrypt(factory, key, nonce, ciphertext, tag, aad, plaintext);
            Assert.True(factory.EncryptedBlocks > 0);
            if (!accepted)
            {
                Assert.All(plaintext, b => Assert.Equal(0, b));
                return false;
            }

            if (test.Result == "valid")
            {
                byte[] ownCiphertext = new byte[message.Length], ownTag = new byte[16];
                encrypt(factory, key, nonce, message, aad, ownCiphertext, ownTag);
                Assert.Equal(ciphertext, ownCiphertext);
                Assert.Equal(tag, ownTag);
            }

            Assert.All(factory.Created, cipher => Assert.True(cipher.Disposed));
            return plaintext.AsSpan().SequenceEqual(message);
        }, via: "through IBlockCipherFactory");

    private sealed record AeadCase(byte[] Key, byte[] Nonce, byte[] Message, byte[] Aad, int Tamper, int Index);
}

/// <summary>
/// A test-only <see cref="IBlockCipher"/>: the software <see cref="Aes"/> behind a wrapper that counts the blocks it
/// transforms, records disposal and can fail on demand (standing in for a hardware engine).
/// </summary>
internal sealed class CountingBlockCipher(ReadOnlySpan<byte> key) : IBlockCipher
{
    private readonly Aes _aes = new(key);

    public int EncryptedBlocks { get; private set; }

    public int DecryptedBlocks { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Throw <see cref="IOException"/> once this many blocks have been transformed (never when null).</summary>
    public int? FailAfterBlocks { get; init; }

    public int? BlockSizeOverride { get; init; }

    public int? KeySizeOverride { get; init; }

    public int BlockSize => BlockSizeOverride ?? _aes.BlockSize;

    public int KeySize => KeySizeOverride ?? _aes.KeySize;

    public void EncryptBlock(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Count(1, encrypt: true);
        _aes.EncryptBlock(source, destination);
    }

    public void DecryptBlock(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Count(1, encrypt: false);
        _aes.DecryptBlock(source, destination);
    }

    public void EncryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Count(source.Length / 16, encrypt: true);
        _aes.EncryptBlocks(source, destination);
    }

    public void DecryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Count(source.Length / 16, encrypt: false);
        _aes.DecryptBlocks(source, destination);
    }

    public void Dispose()
    {
        Disposed = true;
        _aes.Dispose();
    }

    private void Count(int blocks, bool encrypt)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (EncryptedBlocks + DecryptedBlocks >= FailAfterBlocks)
        {
            throw new IOException("Simulated engine failure.");
        }

        if (encrypt)
        {
            EncryptedBlocks += blocks;
        }
        else
        {
            DecryptedBlocks += blocks;
        }
    }
}

/// <summary>A test-only <see cref="IBlockCipherFactory"/> creating <see cref="CountingBlockCipher"/>s and keeping them.</summary>
internal sealed class CountingFactory : IBlockCipherFactory
{
    public List<CountingBlockCipher> Created { get; } = [];

    public int? FailAfterBlocks { get; init; }

    public int? KeySizeOverride { get; init; }

    /// <summary>Blocks encrypted by every cipher created so far.</summary>
    public int EncryptedBlocks => Created.Sum(c => c.EncryptedBlocks);

    public IBlockCipher Create(ReadOnlySpan<byte> key)
    {
        var cipher = new CountingBlockCipher(key) { FailAfterBlocks = FailAfterBlocks, KeySizeOverride = KeySizeOverride };
        Created.Add(cipher);
        return cipher;
    }
}

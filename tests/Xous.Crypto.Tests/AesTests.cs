using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.InteropServices;
using CsCheck;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit.Abstractions;
using BouncyCastleAes = Org.BouncyCastle.Crypto.Engines.AesEngine;

namespace Xous.Crypto.Tests;

/// <summary>
/// AES: FIPS 197 Appendix C examples and Appendix A key expansions, both bitsliced S-boxes (four-block 64-bit and
/// two-block 32-bit) against the definition for all 256 inputs, 10,000 cases against BouncyCastle's <c>AesEngine</c>
/// (1–9 blocks, so both forms and their mix run), unhappy paths and wiping.
/// </summary>
public class AesTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Fips197AppendixC => new()
    {
        // C.1 AES-128, C.2 AES-192, C.3 AES-256: plaintext 00112233445566778899aabbccddeeff.
        { "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a" },
        { "000102030405060708090a0b0c0d0e0f1011121314151617", "00112233445566778899aabbccddeeff", "dda97ca4864cdfe06eaf70a0ec0d7191" },
        { "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00112233445566778899aabbccddeeff", "8ea2b7ca516745bfeafc49904b496089" },
    };

    public static TheoryData<string, string, string> Fips197AppendixA => new()
    {
        // The key, then the first two expanded words after the key and the last round key (w[4·Nr] … w[4·Nr + 3]).
        { "2b7e151628aed2a6abf7158809cf4f3c", "a0fafe1788542cb1", "d014f9a8c9ee2589e13f0cc8b6630ca6" },
        { "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "fe0c91f72402f5a5", "e98ba06f448c773c8ecc720401002202" },
        { "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "9ba354118e6925af", "fe4890d1e6188d0b046df344706c631e" },
    };

    [Theory]
    [MemberData(nameof(Fips197AppendixC))]
    public void Fips197_appendix_C_encrypts_and_decrypts(string key, string plaintext, string ciphertext)
    {
        using var aes = new Aes(Convert.FromHexString(key));
        Assert.Equal(key.Length / 2, aes.KeySize);
        Assert.Equal(16, aes.BlockSize);
        byte[] output = new byte[16];
        aes.EncryptBlock(Convert.FromHexString(plaintext), output);
        Assert.Equal(ciphertext, Convert.ToHexStringLower(output));
        aes.DecryptBlock(output, output);
        Assert.Equal(plaintext, Convert.ToHexStringLower(output));
    }

    [Theory]
    [MemberData(nameof(Fips197AppendixA))]
    public void Fips197_appendix_A_key_expansion(string key, string firstWords, string lastRoundKey)
    {
        byte[] keyBytes = Convert.FromHexString(key);
        uint[] words = new uint[60];
        int roundKeys = AesEngine.ExpandKey(keyBytes, words);
        Assert.Equal((keyBytes.Length / 4) + 7, roundKeys);
        byte[] expanded = new byte[4 * 4 * roundKeys];
        for (int i = 0; i < 4 * roundKeys; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(expanded.AsSpan(4 * i), words[i]);
        }

        Assert.Equal(key, Convert.ToHexStringLower(expanded[..keyBytes.Length]));
        Assert.Equal(firstWords, Convert.ToHexStringLower(expanded.AsSpan(keyBytes.Length, 8)));
        Assert.Equal(lastRoundKey, Convert.ToHexStringLower(expanded[^16..]));
    }

    [Fact]
    public void Bitsliced_sbox_matches_the_definition_for_every_byte()
    {
        byte[] expected = ReferenceSbox();
        byte[] input = new byte[64];
        byte[] output = new byte[64];
        for (int start = 0; start < 256; start += 64)
        {
            for (int i = 0; i < 64; i++)
            {
                input[i] = (byte)(start + i);
            }

            BitslicedState state = default;
            AesBitslice.Load(input, 4, ref state);
            AesBitslice.SubBytes(ref state);
            AesBitslice.Store(ref state, 4, output);
            for (int i = 0; i < 64; i++)
            {
                Assert.Equal(expected[start + i], output[i]);
            }

            AesBitslice.Load(output, 4, ref state);
            AesBitslice.InvSubBytes(ref state);
            AesBitslice.Store(ref state, 4, output);
            Assert.Equal(input, output);
        }
    }

    [Fact]
    public void Two_block_bitsliced_sbox_matches_the_definition_for_every_byte()
    {
        byte[] expected = ReferenceSbox();
        byte[] input = new byte[32];
        byte[] output = new byte[32];
        for (int start = 0; start < 256; start += 32)
        {
            for (int i = 0; i < 32; i++)
            {
                input[i] = (byte)(start + i);
            }

            BitslicedState32 state = default;
            AesBitslice32.Load(input, 2, ref state);
            AesBitslice32.SubBytes(ref state);
            AesBitslice32.Store(ref state, 2, output);
            for (int i = 0; i < 32; i++)
            {
                Assert.Equal(expected[start + i], output[i]);
            }

            AesBitslice32.Load(output, 2, ref state);
            AesBitslice32.InvSubBytes(ref state);
            AesBitslice32.Store(ref state, 2, output);
            Assert.Equal(input, output);
        }
    }

    [Fact]
    public void Aes_equals_BouncyCastle()
    {
        Gen<(byte[] Key, byte[] Data)> cases = Gen.Select(
            Gen.OneOfConst(16, 24, 32).SelectMany(n => Gen.Byte.Array[n]),
            Gen.Int[0, 9].SelectMany(blocks => Gen.Byte.Array[16 * blocks]));
        var reference = new BouncyCastleAes();
        Deterministic.Run(cases, 197, c =>
        {
            byte[] expected = new byte[c.Data.Length];
            reference.Init(true, new KeyParameter(c.Key));
            for (int offset = 0; offset < c.Data.Length; offset += 16)
            {
                reference.ProcessBlock(c.Data, offset, expected, offset);
            }

            using var aes = new Aes(c.Key);
            byte[] bulk = new byte[c.Data.Length];
            aes.EncryptBlocks(c.Data, bulk);
            Assert.Equal(expected, bulk);

            byte[] single = (byte[])c.Data.Clone();
            for (int offset = 0; offset < single.Length; offset += 16)
            {
                aes.EncryptBlock(single.AsSpan(offset, 16), single.AsSpan(offset, 16));
            }

            Assert.Equal(expected, single);

            aes.DecryptBlocks(bulk, bulk);
            Assert.Equal(c.Data, bulk);
            if (expected.Length >= 16)
            {
                byte[] block = new byte[16];
                aes.DecryptBlock(expected.AsSpan(^16), block);
                Assert.Equal(c.Data[^16..], block);
            }
        }, output);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(33)]
    public void Wrong_key_lengths_are_refused(int length)
    {
        ArgumentException refused = Assert.Throws<ArgumentException>(() => new Aes(new byte[length]));
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_block_lengths_are_refused()
    {
        using var aes = new Aes(new byte[16]);
        Assert.Throws<ArgumentException>(() => aes.EncryptBlock(new byte[15], new byte[16]));
        Assert.Throws<ArgumentException>(() => aes.EncryptBlock(new byte[16], new byte[17]));
        Assert.Throws<ArgumentException>(() => aes.DecryptBlock(new byte[32], new byte[16]));
        Assert.Throws<ArgumentException>(() => aes.EncryptBlocks(new byte[20], new byte[20]));
        Assert.Throws<ArgumentException>(() => aes.DecryptBlocks(new byte[32], new byte[16]));
    }

    [Fact]
    public void Disposed_cipher_throws_and_holds_no_round_keys()
    {
        var aes = new Aes(Convert.FromHexString("000102030405060708090a0b0c0d0e0f"));
        FieldInfo engineField = typeof(Aes).GetField("_engine", BindingFlags.NonPublic | BindingFlags.Instance)!;
        Assert.False(IsAllZero((AesEngine)engineField.GetValue(aes)!));
        aes.Dispose();
        Assert.True(IsAllZero((AesEngine)engineField.GetValue(aes)!));
        Assert.Throws<ObjectDisposedException>(() => aes.EncryptBlock(new byte[16], new byte[16]));
        Assert.Throws<ObjectDisposedException>(() => aes.DecryptBlock(new byte[16], new byte[16]));
        Assert.Throws<ObjectDisposedException>(() => aes.EncryptBlocks(new byte[16], new byte[16]));
        Assert.Throws<ObjectDisposedException>(() => aes.DecryptBlocks(new byte[16], new byte[16]));
        aes.Dispose();
    }

    [Fact]
    public void Cleared_engine_holds_only_zero_bytes()
    {
        AesEngine engine = default;
        engine.Initialize(new byte[32]);
        Assert.False(IsAllZero(engine));
        engine.Clear();
        Assert.True(IsAllZero(engine));
    }

    internal static bool IsAllZero<T>(T value)
        where T : struct =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1)).IndexOfAnyExcept((byte)0) < 0;

    /// <summary>The S-box from its definition: the inverse in GF(2^8) (0 maps to 0), then the affine map with 0x63.</summary>
    private static byte[] ReferenceSbox()
    {
        byte[] sbox = new byte[256];
        for (int x = 0; x < 256; x++)
        {
            int inverse = 0;
            for (int y = 1; y < 256 && x != 0; y++)
            {
                if (Multiply(x, y) == 1)
                {
                    inverse = y;
                    break;
                }
            }

            int s = inverse;
            for (int shift = 1; shift <= 4; shift++)
            {
                s ^= ((inverse << shift) | (inverse >> (8 - shift))) & 0xFF;
            }

            sbox[x] = (byte)(s ^ 0x63);
        }

        return sbox;
    }

    private static int Multiply(int a, int b)
    {
        int product = 0;
        for (int i = 0; i < 8; i++)
        {
            if ((b & (1 << i)) != 0)
            {
                product ^= a;
            }

            a = (a << 1) ^ ((a & 0x80) != 0 ? 0x11B : 0);
        }

        return product;
    }
}

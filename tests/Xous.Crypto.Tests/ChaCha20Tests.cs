using System.Runtime.InteropServices;
using System.Text;
using CsCheck;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// ChaCha20 (RFC 8439): the §2.3.2 block and §2.4.2 encryption vectors, Appendix A.1/A.2 vectors, 10,000
/// generated cases against BouncyCastle's <c>ChaCha7539Engine</c> with split transforms, the 2^32-block limit,
/// unhappy paths and wiping.
/// </summary>
public class ChaCha20Tests(ITestOutputHelper output)
{
    private const string Sunscreen =
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";

    private static readonly byte[] s_sequentialKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    [Fact]
    public void Block_matches_RFC_8439_2_3_2()
    {
        byte[] block = new byte[ChaCha20.BlockSizeInBytes];
        ChaCha20.Block(s_sequentialKey, Convert.FromHexString("000000090000004a00000000"), 1, block);
        Assert.Equal(
            "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
            + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e",
            Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Encryption_matches_RFC_8439_2_4_2()
    {
        byte[] nonce = Convert.FromHexString("000000000000004a00000000");
        byte[] plaintext = Encoding.ASCII.GetBytes(Sunscreen);
        const string expected =
            "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
            + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
            + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
            + "5af90bbf74a35be6b40b8eedf2785e42874d";

        byte[] ciphertext = new byte[plaintext.Length];
        ChaCha20.Transform(s_sequentialKey, nonce, 1, plaintext, ciphertext);
        Assert.Equal(expected, Convert.ToHexStringLower(ciphertext));

        // Incremental, in uneven pieces, and in place; decryption is the same operation.
        byte[] buffer = (byte[])plaintext.Clone();
        using (var cipher = new ChaCha20(s_sequentialKey, nonce, 1))
        {
            cipher.Transform(buffer.AsSpan(0, 7), buffer.AsSpan(0, 7));
            cipher.Transform(buffer.AsSpan(7, 64), buffer.AsSpan(7, 64));
            cipher.Transform(buffer.AsSpan(71), buffer.AsSpan(71));
        }

        Assert.Equal(expected, Convert.ToHexStringLower(buffer));
        byte[] decrypted = new byte[ciphertext.Length];
        ChaCha20.Transform(s_sequentialKey, nonce, 1, ciphertext, decrypted);
        Assert.Equal(plaintext, decrypted);
    }

    public static TheoryData<uint, string> AppendixA1Vectors => new()
    {
        {
            0,
            "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
            + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"
        },
        {
            1,
            "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
            + "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f"
        },
    };

    [Theory]
    [MemberData(nameof(AppendixA1Vectors))]
    public void Block_matches_RFC_8439_A_1_with_zero_key_and_nonce(uint counter, string expected)
    {
        byte[] block = new byte[ChaCha20.BlockSizeInBytes];
        ChaCha20.Block(new byte[32], new byte[12], counter, block);
        Assert.Equal(expected, Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Encryption_matches_RFC_8439_A_2_vector_1()
    {
        byte[] ciphertext = new byte[64];
        ChaCha20.Transform(new byte[32], new byte[12], 0, new byte[64], ciphertext);
        Assert.Equal(
            "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
            + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586",
            Convert.ToHexStringLower(ciphertext));
    }

    [Fact]
    public void ChaCha20_equals_BouncyCastle()
    {
        Gen<(byte[] Key, byte[] Nonce, byte[] Message, int[] Cuts)> cases =
            from key in Gen.Byte.Array[ChaCha20.KeySizeInBytes]
            from nonce in Gen.Byte.Array[ChaCha20.NonceSizeInBytes]
            from message in Deterministic.Bytes(ChaCha20.BlockSizeInBytes)
            from cuts in Deterministic.Cuts(message.Length)
            select (key, nonce, message, cuts);
        var reference = new ChaCha7539Engine();
        Deterministic.Run(cases, 8439, c =>
        {
            reference.Init(true, new ParametersWithIV(new KeyParameter(c.Key), c.Nonce));
            byte[] expected = new byte[c.Message.Length];
            reference.ProcessBytes(c.Message, 0, c.Message.Length, expected, 0);

            byte[] actual = new byte[c.Message.Length];
            ChaCha20.Transform(c.Key, c.Nonce, 0, c.Message, actual);
            Assert.Equal(expected, actual);

            using var cipher = new ChaCha20(c.Key, c.Nonce);
            byte[] pieces = new byte[c.Message.Length];
            int previous = 0;
            foreach (int cut in c.Cuts.Append(c.Message.Length))
            {
                cipher.Transform(c.Message.AsSpan(previous, cut - previous), pieces.AsSpan(previous, cut - previous));
                previous = cut;
            }

            Assert.Equal(expected, pieces);
        }, output);
    }

    [Fact]
    public void Key_stream_ends_after_block_counter_2_pow_32_minus_1()
    {
        byte[] lastBlock = new byte[64];
        ChaCha20.Block(s_sequentialKey, new byte[12], uint.MaxValue, lastBlock);

        using var cipher = new ChaCha20(s_sequentialKey, new byte[12], uint.MaxValue);
        Assert.Equal(64ul, cipher.RemainingBytes);
        Assert.Throws<ArgumentException>("source", () => cipher.Transform(new byte[65], new byte[65]));

        // The refused call consumed nothing: the last block is still all there.
        byte[] output = new byte[64];
        cipher.Transform(new byte[10], output.AsSpan(0, 10));
        cipher.Transform(new byte[54], output.AsSpan(10));
        Assert.Equal(lastBlock, output);
        Assert.Equal(0ul, cipher.RemainingBytes);
        cipher.Transform([], []);
        Assert.Throws<ArgumentException>("source", () => cipher.Transform(new byte[1], new byte[1]));

        Assert.Throws<ArgumentException>("source", () => ChaCha20.Transform(s_sequentialKey, new byte[12], uint.MaxValue, new byte[65], new byte[65]));
        using var fresh = new ChaCha20(s_sequentialKey, new byte[12]);
        Assert.Equal((1ul << 32) * 64, fresh.RemainingBytes);
    }

    [Fact]
    public void Wrong_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>("key", () => new ChaCha20(new byte[31], new byte[12]));
        Assert.Throws<ArgumentException>("nonce", () => new ChaCha20(new byte[32], new byte[8]));
        Assert.Throws<ArgumentException>("key", () => ChaCha20.Block(new byte[33], new byte[12], 0, new byte[64]));
        Assert.Throws<ArgumentException>("destination", () => ChaCha20.Block(new byte[32], new byte[12], 0, new byte[63]));
        Assert.Throws<ArgumentException>("destination", () => ChaCha20.Transform(new byte[32], new byte[12], 0, new byte[5], new byte[4]));
        using var cipher = new ChaCha20(new byte[32], new byte[12]);
        Assert.Throws<ArgumentException>("destination", () => cipher.Transform(new byte[5], new byte[6]));
    }

    [Fact]
    public void Disposed_cipher_is_unusable()
    {
        var cipher = new ChaCha20(new byte[32], new byte[12]);
        cipher.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cipher.Transform(new byte[1], new byte[1]));
        Assert.Throws<ObjectDisposedException>(() => cipher.RemainingBytes);
    }

    [Fact]
    public void Cleared_engine_holds_only_zero_bytes()
    {
        ChaCha20Engine engine = default;
        engine.Initialize(s_sequentialKey, Convert.FromHexString("000000090000004a00000000"), 1);
        engine.Transform(new byte[10], new byte[10]);
        Assert.False(IsAllZero(ref engine));
        engine.Clear();
        Assert.True(IsAllZero(ref engine));
    }

    [Fact]
    public void Dispose_wipes_the_key_and_key_stream()
    {
        var cipher = new ChaCha20(s_sequentialKey, new byte[12]);
        cipher.Transform(new byte[10], new byte[10]);
        var field = typeof(ChaCha20).GetField("_engine", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var before = (ChaCha20Engine)field.GetValue(cipher)!;
        Assert.False(IsAllZero(ref before));
        cipher.Dispose();
        var after = (ChaCha20Engine)field.GetValue(cipher)!;
        Assert.True(IsAllZero(ref after));
    }

    private static bool IsAllZero<T>(ref T value)
        where T : struct =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1)).IndexOfAnyExcept((byte)0) < 0;
}

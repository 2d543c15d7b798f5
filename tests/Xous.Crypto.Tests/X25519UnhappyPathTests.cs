namespace Xous.Crypto.Tests;

/// <summary>Wrong lengths, all-zero shared secrets from low-order and non-canonical peer keys, and the engine seam.</summary>
public class X25519UnhappyPathTests
{
    private static readonly byte[] s_privateKey = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void Wrong_lengths_are_refused_naming_the_length(int length)
    {
        byte[] wrong = new byte[length];
        ArgumentException refused = Assert.Throws<ArgumentException>("privateKey", () => X25519.GetPublicKey(wrong, new byte[32]));
        Assert.Contains($"got {length}", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("publicKey", () => X25519.GetPublicKey(s_privateKey, wrong));
        Assert.Throws<ArgumentException>("privateKey", () => X25519.ScalarMultiply(wrong, new byte[32], new byte[32]));
        Assert.Throws<ArgumentException>("peerPublicKey", () => X25519.ScalarMultiply(s_privateKey, wrong, new byte[32]));
        Assert.Throws<ArgumentException>("sharedSecret", () => X25519.ScalarMultiply(s_privateKey, new byte[32], wrong));
        Assert.Throws<ArgumentException>("u", () => new Curve25519SoftwareEngine().ScalarMultiply(s_privateKey, wrong, new byte[32]));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // u = 0
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")] // u = 1 (order 4)
    [InlineData("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")] // order 8
    [InlineData("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157")] // order 8
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // u = p − 1 (order 2)
    [InlineData("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // u = p ≡ 0, non-canonical
    [InlineData("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // u = p + 1 ≡ 1, non-canonical
    [InlineData("0000000000000000000000000000000000000000000000000000000000000080")] // u = 0 with bit 255 set
    [InlineData("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")] // p + 1 with bit 255 set
    public void Low_order_peer_keys_give_false_and_an_all_zero_secret(string peer)
    {
        byte[] shared = Enumerable.Repeat((byte)0xA5, 32).ToArray();
        Assert.False(X25519.ScalarMultiply(s_privateKey, Convert.FromHexString(peer), shared));
        Assert.All(shared, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Bit_255_of_the_peer_key_is_ignored()
    {
        byte[] peer = Convert.FromHexString("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] expected = new byte[32], actual = new byte[32];
        Assert.True(X25519.ScalarMultiply(s_privateKey, peer, expected));
        peer[31] |= 0x80;
        Assert.True(X25519.ScalarMultiply(s_privateKey, peer, actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_engine_seam_gets_the_unclamped_key_and_its_zero_result_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => X25519.ScalarMultiply(null!, s_privateKey, new byte[32], new byte[32]));
        Assert.Throws<ArgumentNullException>(() => X25519.GetPublicKey(null!, s_privateKey, new byte[32]));

        var engine = new RecordingEngine();
        byte[] unclamped = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        byte[] peer = new byte[32];
        peer[0] = 42;
        byte[] shared = new byte[32];
        Assert.True(X25519.ScalarMultiply(engine, unclamped, peer, shared));
        Assert.Equal(unclamped, engine.Scalar);
        Assert.Equal(peer, engine.U);
        Assert.All(shared, b => Assert.Equal(7, b));

        byte[] publicKey = new byte[32];
        X25519.GetPublicKey(engine, unclamped, publicKey);
        Assert.Equal(9, engine.U![0]);

        engine.Output = 0;
        Assert.False(X25519.ScalarMultiply(engine, unclamped, peer, shared));
        Assert.All(shared, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Clamping_makes_the_low_three_bits_and_bit_255_of_the_private_key_irrelevant()
    {
        byte[] peer = Convert.FromHexString("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] expected = new byte[32], actual = new byte[32];
        X25519.ScalarMultiply(s_privateKey, peer, expected);
        byte[] varied = (byte[])s_privateKey.Clone();
        varied[0] ^= 7;
        varied[31] ^= 0xC0; // bit 255 and bit 254 (which clamping sets)
        X25519.ScalarMultiply(varied, peer, actual);
        Assert.Equal(expected, actual);
    }

    private sealed class RecordingEngine : ICurve25519Engine
    {
        public byte Output { get; set; } = 7;

        public byte[]? Scalar { get; private set; }

        public byte[]? U { get; private set; }

        public void ScalarMultiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> u, Span<byte> result)
        {
            Scalar = scalar.ToArray();
            U = u.ToArray();
            result.Fill(Output);
        }
    }
}

namespace Xous.Crypto.Tests;

/// <summary>Wrong lengths, malleable and forged signatures, bad and small-order public keys, contexts.</summary>
public class Ed25519UnhappyPathTests
{
    private static readonly byte[] s_seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static readonly byte[] s_publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static readonly byte[] s_signature = Convert.FromHexString(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    /// <summary>The group order L, little-endian.</summary>
    private static readonly byte[] s_order = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Wrong_private_key_lengths_are_refused_naming_the_length(int length)
    {
        byte[] key = new byte[length];
        ArgumentException refused = Assert.Throws<ArgumentException>("privateKey", () => Ed25519.GetPublicKey(key, new byte[32]));
        Assert.Contains($"got {length}", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("privateKey", () => Ed25519.Sign(key, "m"u8, new byte[64]));
        Assert.Throws<ArgumentException>("privateKey", () => Ed25519ph.Sign(key, "m"u8, new byte[64]));
        Assert.Throws<ArgumentException>("privateKey", () => Ed25519ph.SignPrehash(key, new byte[64], new byte[64]));
    }

    [Fact]
    public void Wrong_output_and_input_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>("publicKey", () => Ed25519.GetPublicKey(s_seed, new byte[31]));
        Assert.Throws<ArgumentException>("signature", () => Ed25519.Sign(s_seed, "m"u8, new byte[63]));
        Assert.Throws<ArgumentException>("signature", () => Ed25519ph.Sign(s_seed, "m"u8, new byte[65]));
        Assert.Throws<ArgumentException>("publicKey", () => Ed25519.Verify(new byte[31], "m"u8, s_signature));
        Assert.Throws<ArgumentException>("publicKey", () => Ed25519ph.Verify(new byte[33], "m"u8, s_signature));
        Assert.Throws<ArgumentException>("prehash", () => Ed25519ph.SignPrehash(s_seed, new byte[63], new byte[64]));
        Assert.Throws<ArgumentException>("prehash", () => Ed25519ph.VerifyPrehash(s_publicKey, new byte[32], s_signature));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(96)]
    public void A_signature_of_the_wrong_length_is_simply_invalid(int length)
    {
        byte[] signature = new byte[length];
        s_signature.AsSpan(0, Math.Min(64, length)).CopyTo(signature);
        Assert.False(Ed25519.Verify(s_publicKey, [], signature));
        Assert.False(Ed25519ph.Verify(s_publicKey, [], signature));
    }

    [Fact]
    public void A_context_longer_than_255_bytes_is_refused()
    {
        byte[] context = new byte[256];
        ArgumentException refused = Assert.Throws<ArgumentException>("context", () => Ed25519ph.Sign(s_seed, "m"u8, new byte[64], context));
        Assert.Contains("256", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("context", () => Ed25519ph.Verify(s_publicKey, "m"u8, s_signature, context));

        // 255 bytes is the limit and works.
        byte[] signature = new byte[64];
        Ed25519ph.Sign(s_seed, "m"u8, signature, context.AsSpan(0, 255));
        Assert.True(Ed25519ph.Verify(s_publicKey, "m"u8, signature, context.AsSpan(0, 255)));
        Assert.False(Ed25519ph.Verify(s_publicKey, "m"u8, signature, context.AsSpan(0, 254)));
    }

    [Fact]
    public void Non_canonical_S_is_rejected()
    {
        Assert.True(Ed25519.Verify(s_publicKey, [], s_signature));

        // S + L is the same scalar modulo L: accepting it would make signatures malleable.
        byte[] malleable = (byte[])s_signature.Clone();
        int carry = 0;
        for (int i = 0; i < 32; i++)
        {
            int sum = malleable[32 + i] + s_order[i] + carry;
            malleable[32 + i] = (byte)sum;
            carry = sum >> 8;
        }

        Assert.Equal(0, carry);
        Assert.False(Ed25519.Verify(s_publicKey, [], malleable));

        // S = L, and S with the top bit set, are out of range too.
        byte[] sIsL = (byte[])s_signature.Clone();
        s_order.CopyTo(sIsL, 32);
        Assert.False(Ed25519.Verify(s_publicKey, [], sIsL));
        byte[] topBit = (byte[])s_signature.Clone();
        topBit[63] |= 0x80;
        Assert.False(Ed25519.Verify(s_publicKey, [], topBit));
    }

    [Theory]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000080")]
    [InlineData("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")]
    [InlineData("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85")]
    [InlineData("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")]
    [InlineData("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa")]
    public void Small_order_public_keys_are_rejected(string publicKey)
    {
        // With A of small order and R = A·0 = identity, S = 0 satisfies [S]B = R + [k]A whenever [k]A is the
        // identity (always for A = identity): the cofactorless equation alone would accept it for any message.
        byte[] key = Convert.FromHexString(publicKey);
        byte[] forged = new byte[64];
        forged[0] = 1;
        Assert.False(Ed25519.Verify(key, "any message"u8, forged));
        Assert.False(Ed25519ph.Verify(key, "any message"u8, forged));
    }

    [Theory]
    [InlineData("f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // y = p + 3, a curve point
    [InlineData("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // y = p
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")] // y = 2^255 − 1, sign set
    [InlineData("0200000000000000000000000000000000000000000000000000000000000000")] // y = 2: no x exists
    [InlineData("0100000000000000000000000000000000000000000000000000000000000080")] // y = 1 with the sign of x = 0 set
    public void Public_keys_that_do_not_decode_are_rejected(string publicKey) =>
        Assert.False(Ed25519.Verify(Convert.FromHexString(publicKey), [], s_signature));

    [Fact]
    public void Changing_the_key_the_message_or_either_half_of_the_signature_fails()
    {
        byte[] otherKey = new byte[32];
        Ed25519.GetPublicKey(new byte[32], otherKey);
        Assert.False(Ed25519.Verify(otherKey, [], s_signature));
        Assert.False(Ed25519.Verify(s_publicKey, [0], s_signature));
        for (int i = 0; i < 64; i += 7)
        {
            byte[] tampered = (byte[])s_signature.Clone();
            tampered[i] ^= 0x10;
            Assert.False(Ed25519.Verify(s_publicKey, [], tampered));
        }
    }
}

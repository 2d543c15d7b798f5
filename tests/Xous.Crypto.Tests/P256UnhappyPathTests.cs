using System.Runtime.InteropServices;
using Org.BouncyCastle.Math;

namespace Xous.Crypto.Tests;

/// <summary>
/// P-256 unhappy paths: invalid private keys, wrong lengths, invalid public points, out-of-range signatures,
/// non-DER signature encodings, and wiping that can be observed from outside.
/// </summary>
public class P256UnhappyPathTests
{
    private const string OrderHex = "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";
    private const string PrimeHex = "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF";

    private const string FiveY = "459243B9AA581806FE913BCE99817ADE11CA503C64D9A3C533415C083248FBCC";
    private const string FivePlusP = "FFFFFFFF00000001000000000000000000000001000000000000000000000004";

    private static readonly byte[] s_privateKey = Convert.FromHexString("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
    private static readonly byte[] s_hash = Convert.FromHexString("AF2BDBE1AA9B6EC1E2ADE1D694F41FC71A831D0268E9891562113D8A62ADD1BF");

    public static TheoryData<string> InvalidPrivateKeys => new()
    {
        "0000000000000000000000000000000000000000000000000000000000000000",
        OrderHex,
        "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632552",
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
    };

    [Theory]
    [MemberData(nameof(InvalidPrivateKeys))]
    public void Invalid_private_keys_are_refused_everywhere(string hex)
    {
        byte[] key = Convert.FromHexString(hex);
        Assert.False(P256.IsValidPrivateKey(key));
        AssertRefused(() => P256.GeneratePublicKey(key, new byte[65]), hex);
        AssertRefused(() => P256.Sign(key, s_hash, new byte[64]), hex);
        AssertRefused(() => P256.SignData(key, s_hash, new byte[64]), hex);
        AssertRefused(() => P256.SharedSecret(key, PublicKey(), new byte[32]), hex);
    }

    [Fact]
    public void Edge_private_keys_are_accepted()
    {
        Assert.True(P256.IsValidPrivateKey(Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000001")));
        Assert.True(P256.IsValidPrivateKey(Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632550")));
        Assert.False(P256.IsValidPrivateKey(new byte[31]));
    }

    [Fact]
    public void Wrong_lengths_are_argument_exceptions()
    {
        Assert.Throws<ArgumentException>(() => P256.GeneratePublicKey(new byte[31], new byte[65]));
        Assert.Throws<ArgumentException>(() => P256.GeneratePublicKey(s_privateKey, new byte[64]));
        Assert.Throws<ArgumentException>(() => P256.Sign(s_privateKey, new byte[31], new byte[64]));
        Assert.Throws<ArgumentException>(() => P256.Sign(s_privateKey, new byte[33], new byte[64]));
        Assert.Throws<ArgumentException>(() => P256.Sign(new byte[33], s_hash, new byte[64]));
        Assert.Throws<ArgumentException>(() => P256.Sign(s_privateKey, s_hash, new byte[63]));
        Assert.Throws<ArgumentException>(() => P256.Verify(PublicKey(), new byte[20], new byte[64]));
        Assert.Throws<ArgumentException>(() => P256.SharedSecret(s_privateKey, PublicKey(), new byte[31]));
        Assert.Throws<ArgumentException>(() => P256.SharedSecret(new byte[32 + 1], PublicKey(), new byte[32]));
        Assert.Throws<ArgumentException>(() => P256.EncodeDerSignature(new byte[63], new byte[72]));
        Assert.Throws<ArgumentException>(() => P256.EncodeDerSignature(Signature(), new byte[8]));
        Assert.Throws<ArgumentException>(() => P256.TryDecodeDerSignature(new byte[8], new byte[63]));

        // Signatures and keys come from outside: a wrong length is a rejection, not an exception.
        byte[] signature = Signature();
        Assert.False(P256.Verify(PublicKey(), s_hash, signature.AsSpan(0, 63)));
        Assert.False(P256.Verify(PublicKey(), s_hash, [.. signature, 0]));
        Assert.False(P256.Verify(PublicKey().AsSpan(0, 64), s_hash, signature));
    }

    [Fact]
    public void Invalid_public_points_are_rejected()
    {
        byte[] good = PublicKey();
        Assert.True(P256.Verify(good, s_hash, Signature()));
        foreach (byte[] bad in InvalidPoints(good))
        {
            Assert.False(P256.IsValidPublicKey(bad));
            Assert.False(P256.Verify(bad, s_hash, Signature()));
            byte[] shared = [.. Enumerable.Repeat((byte)0xAA, 32)];
            Assert.False(P256.SharedSecret(s_privateKey, bad, shared));
            Assert.Equal(new byte[32], shared);
        }
    }

    [Fact]
    public void Canonical_small_x_point_is_accepted()
    {
        byte[] point = Convert.FromHexString("04" + new string('0', 62) + "05" + FiveY);
        Assert.True(P256.IsValidPublicKey(point));
        Assert.True(P256.IsValidPublicKey([(byte)(0x02 | (point[64] & 1)), .. point.AsSpan(1, 32)]));
    }

    [Fact]
    public void Compressed_keys_decode_to_the_same_point()
    {
        byte[] good = PublicKey();
        byte[] compressed = [(byte)(0x02 | (good[64] & 1)), .. good.AsSpan(1, 32)];
        Assert.True(P256.Verify(compressed, s_hash, Signature()));

        // The other parity is the negated point: valid, but not the signer's key.
        compressed[0] ^= 1;
        Assert.True(P256.IsValidPublicKey(compressed));
        Assert.False(P256.Verify(compressed, s_hash, Signature()));
    }

    [Theory]
    [InlineData("r", "0")]
    [InlineData("s", "0")]
    [InlineData("r", "n")]
    [InlineData("s", "n")]
    [InlineData("r", "n+1")]
    [InlineData("s", "max")]
    public void Out_of_range_r_or_s_is_rejected(string which, string value)
    {
        byte[] signature = Signature();
        BigInteger n = new(OrderHex, 16);
        BigInteger replacement = value switch
        {
            "0" => BigInteger.Zero,
            "n" => n,
            "n+1" => n.Add(BigInteger.One),
            _ => BigInteger.One.ShiftLeft(256).Subtract(BigInteger.One),
        };
        Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, replacement).CopyTo(signature, which == "r" ? 0 : 32);
        Assert.False(P256.Verify(PublicKey(), s_hash, signature));
    }

    [Theory]
    [InlineData("3006020101020101", true)] // minimal: r = s = 1
    [InlineData("3006020100020101", true)] // r = 0 is DER (Verify rejects it, not the decoder)
    [InlineData("3106020101020101", false)] // SET, not SEQUENCE
    [InlineData("300602010102010100", false)] // trailing byte
    [InlineData("3007020101020101", false)] // length too long
    [InlineData("3005020101020101", false)] // length too short
    [InlineData("308106020101020101", false)] // long-form length where short form fits
    [InlineData("3080020101020101" + "0000", false)] // indefinite length (BER)
    [InlineData("300702020001020101", false)] // superfluous leading zero
    [InlineData("3006020181020101", false)] // negative r
    [InlineData("3006020101020181", false)] // negative s
    [InlineData("3006030101020101", false)] // BIT STRING instead of INTEGER
    [InlineData("30050200020101", false)] // empty INTEGER
    [InlineData("3007028101010201" + "01", false)] // long-form INTEGER length
    [InlineData("3003020101", false)] // s missing
    [InlineData("", false)]
    [InlineData("30", false)]
    public void Der_decoder_is_strict(string hex, bool accepted)
    {
        byte[] signature = new byte[64];
        Assert.Equal(accepted, P256.TryDecodeDerSignature(Convert.FromHexString(hex), signature));
        if (!accepted)
        {
            Assert.Equal(new byte[64], signature);
        }
    }

    [Fact]
    public void Der_decoder_rejects_integers_above_256_bits_and_accepts_33_byte_positive_ones()
    {
        string full = "00" + new string('F', 64);
        byte[] signature = new byte[64];
        Assert.True(P256.TryDecodeDerSignature(Convert.FromHexString("3046" + "0221" + full + "0221" + full), signature));
        Assert.Equal(Enumerable.Repeat((byte)0xFF, 64), signature);
        string tooBig = "01" + new string('0', 64);
        Assert.False(P256.TryDecodeDerSignature(Convert.FromHexString("3046" + "0221" + tooBig + "0221" + full), signature));
    }

    [Fact]
    public void Nonce_generator_state_is_wiped()
    {
        Rfc6979 nonces = default;
        nonces.Initialize(s_privateKey, s_hash);
        byte[] k = new byte[32];
        nonces.Next(k);
        Assert.Contains(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref nonces, 1)).ToArray(), b => b != 0);
        nonces.Clear();
        Assert.All(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref nonces, 1)).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Internal_multiplications_agree_and_handle_zero_and_n()
    {
        byte[] zero = new byte[32];
        byte[] order = Convert.FromHexString(OrderHex);
        P256Multiply.MultiplyBase(zero, out ProjectivePoint p);
        Assert.NotEqual(0U, P256Point.ToAffine(p, out _));
        P256Multiply.Multiply(P256Point.Generator, order, out p);
        Assert.NotEqual(0U, P256Point.ToAffine(p, out _));
        P256Multiply.MultiplyBase(order, out p);
        Assert.NotEqual(0U, P256Point.ToAffine(p, out _));
        P256Multiply.MultiplyPublic(P256Point.Generator, order, out p);
        Assert.NotEqual(0U, P256Point.ToAffine(p, out _));

        byte[] k = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632550");
        P256Multiply.MultiplyBase(k, out p);
        P256Point.ToAffine(p, out AffinePoint a);
        P256Multiply.Multiply(P256Point.Generator, k, out p);
        P256Point.ToAffine(p, out AffinePoint b);
        P256Multiply.MultiplyBasePublic(k, out p);
        P256Point.ToAffine(p, out AffinePoint c);
        P256Point.Negate(P256Point.Generator, out AffinePoint minusG);
        Assert.Equal(minusG, a);
        Assert.Equal(minusG, b);
        Assert.Equal(minusG, c);
    }

    private static IEnumerable<byte[]> InvalidPoints(byte[] good)
    {
        byte[] offCurve = (byte[])good.Clone();
        offCurve[64] ^= 1;
        yield return offCurve;
        byte[] wrongPrefix = (byte[])good.Clone();
        wrongPrefix[0] = 0x05;
        yield return wrongPrefix;
        yield return [0x00];
        yield return [0x04, .. new byte[64]];
        yield return [];
        yield return good.AsSpan(0, 33).ToArray(); // 0x04 prefix with a compressed length
        yield return [0x04, .. Convert.FromHexString(PrimeHex), .. good.AsSpan(33, 32)]; // x = p
        yield return [0x04, .. good.AsSpan(1, 32), .. Convert.FromHexString(PrimeHex)]; // y = p

        // x = 5 is on the curve with this y; x + p (still below 2^256) names the same point mod p but is not canonical.
        yield return Convert.FromHexString("04" + FivePlusP + FiveY);

        // Compressed: x = p, and x = 1 (x^3 - 3x + b is not a square), and a truncated key.
        yield return [0x02, .. Convert.FromHexString(PrimeHex)];
        yield return [0x03, .. new byte[31], 0x01];
        yield return [0x04, .. good.AsSpan(1, 32)];
    }

    private static byte[] PublicKey()
    {
        byte[] publicKey = new byte[65];
        P256.GeneratePublicKey(s_privateKey, publicKey);
        return publicKey;
    }

    private static byte[] Signature()
    {
        byte[] signature = new byte[64];
        P256.Sign(s_privateKey, s_hash, signature);
        return signature;
    }

    private static void AssertRefused(Action action, string keyHex)
    {
        ArgumentException refused = Assert.Throws<ArgumentException>(action);
        Assert.DoesNotContain(keyHex, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("privateKey", refused.ParamName);
    }
}

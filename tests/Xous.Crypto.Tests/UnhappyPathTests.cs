namespace Xous.Crypto.Tests;

/// <summary>Wrong sizes, over-long HKDF output, disposed objects and unequal comparisons.</summary>
public class UnhappyPathTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Sha256_rejects_a_destination_that_is_not_32_bytes(int length)
    {
        byte[] destination = new byte[length];
        Assert.Throws<ArgumentException>("destination", () => Sha256.Hash("abc"u8, destination));
        using var hash = new Sha256();
        Assert.Throws<ArgumentException>("destination", () => hash.Finish(destination));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(65)]
    public void Sha512_rejects_a_destination_that_is_not_64_bytes(int length)
    {
        byte[] destination = new byte[length];
        Assert.Throws<ArgumentException>("destination", () => Sha512.Hash("abc"u8, destination));
        using var hash = new Sha512();
        Assert.Throws<ArgumentException>("destination", () => hash.Finish(destination));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(64)]
    public void Sha512_256_rejects_a_destination_that_is_not_32_bytes(int length)
    {
        byte[] destination = new byte[length];
        Assert.Throws<ArgumentException>("destination", () => Sha512Truncated256.Hash("abc"u8, destination));
        using var hash = new Sha512Truncated256();
        Assert.Throws<ArgumentException>("destination", () => hash.Finish(destination));
    }

    [Fact]
    public void Hmac_rejects_wrong_destination_sizes()
    {
        Assert.Throws<ArgumentException>("destination", () => HmacSha256.Compute("k"u8, "m"u8, new byte[16]));
        Assert.Throws<ArgumentException>("destination", () => HmacSha512.Compute("k"u8, "m"u8, new byte[32]));
        using Hmac mac = HmacSha256.Create("k"u8);
        Assert.Throws<ArgumentException>("destination", () => mac.Finish(new byte[33]));
    }

    [Fact]
    public void Hmac_rejects_a_null_hash() =>
        Assert.Throws<ArgumentNullException>("hash", () => new Hmac(null!, "k"u8));

    [Fact]
    public void Hkdf_refuses_more_than_255_blocks_with_a_clear_error()
    {
        byte[] prk = new byte[32];
        byte[] tooLong = new byte[HkdfSha256.MaxOutputLength + 1];
        ArgumentException expand = Assert.Throws<ArgumentException>("output", () => HkdfSha256.Expand(prk, [], tooLong));
        Assert.Contains("8160", expand.Message, StringComparison.Ordinal);
        ArgumentException derive = Assert.Throws<ArgumentException>("output", () => HkdfSha256.DeriveKey(prk, [], [], tooLong));
        Assert.Contains("8160", derive.Message, StringComparison.Ordinal);
        Assert.Equal(8160, HkdfSha256.MaxOutputLength);
    }

    [Fact]
    public void Hkdf_derives_exactly_the_maximum_length()
    {
        byte[] output = new byte[HkdfSha256.MaxOutputLength];
        HkdfSha256.DeriveKey("ikm"u8, "salt"u8, "info"u8, output);
        // The last block (T(255)) is written: the tail is not left zero.
        Assert.False(output.AsSpan(output.Length - 32).IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public void Hkdf_rejects_a_short_pseudorandom_key_and_a_wrong_extract_size()
    {
        Assert.Throws<ArgumentException>("pseudoRandomKey", () => HkdfSha256.Expand(new byte[31], [], new byte[16]));
        Assert.Throws<ArgumentException>("pseudoRandomKey", () => HkdfSha256.Extract("ikm"u8, "salt"u8, new byte[31]));
        Assert.Throws<ArgumentException>("pseudoRandomKey", () => HkdfSha256.Extract("ikm"u8, "salt"u8, new byte[64]));
    }

    [Fact]
    public void FixedTime_equals_is_false_for_different_lengths_or_contents()
    {
        Assert.False(FixedTime.Equals([1, 2, 3], [1, 2]));
        Assert.False(FixedTime.Equals([], [0]));
        Assert.False(FixedTime.Equals([1, 2, 3], [1, 2, 4]));
        Assert.False(FixedTime.Equals([0x80, 2, 3], [0, 2, 3]));
        Assert.True(FixedTime.Equals([], []));
        Assert.True(FixedTime.Equals([1, 2, 3], [1, 2, 3]));
    }

    [Fact]
    public void Disposed_hashes_and_macs_refuse_to_work()
    {
        var hash = new Sha256();
        hash.Dispose();
        hash.Dispose();
        Assert.Throws<ObjectDisposedException>(() => hash.Append("x"u8));
        Assert.Throws<ObjectDisposedException>(() => hash.Finish(new byte[32]));
        Assert.Throws<ObjectDisposedException>(hash.Reset);

        Hmac mac = HmacSha512.Create("key"u8);
        mac.Dispose();
        mac.Dispose();
        Assert.Throws<ObjectDisposedException>(() => mac.Append("x"u8));
        Assert.Throws<ObjectDisposedException>(() => mac.Finish(new byte[64]));
        Assert.Throws<ObjectDisposedException>(mac.Reset);
    }

    [Fact]
    public void Hmac_reset_discards_the_message_but_keeps_the_key()
    {
        byte[] expected = new byte[32];
        HmacSha256.Compute("key"u8, "message"u8, expected);
        using Hmac mac = HmacSha256.Create("key"u8);
        mac.Append("something else"u8);
        mac.Reset();
        mac.Append("message"u8);
        byte[] actual = new byte[32];
        mac.Finish(actual);
        Assert.Equal(expected, actual);
    }
}

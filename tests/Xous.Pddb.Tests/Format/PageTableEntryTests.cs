using Xous.Crypto;
using Xous.Pddb.Format;
using static Xous.Pddb.Tests.Format.FormatOracle;

namespace Xous.Pddb.Tests.Format;

/// <summary>Page-table entries (§5.5): plain layout, checksum, AES-256-ECB against BouncyCastle, rejection.</summary>
public class PageTableEntryTests
{
    [Theory]
    [InlineData("", 0u, 0x00000000u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("", 0xFFFFFFFFu, 0x81F16F39u)]
    [InlineData("Hello, world!", 1234u, 0xFAF6CDB3u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x9747b28cu, 0x2FA826CDu)]
    public void Murmur3_oracle_matches_published_vectors(string text, uint seed, uint expected)
    {
        Assert.Equal(expected, Murmur3(System.Text.Encoding.ASCII.GetBytes(text), seed));
    }

    [Fact]
    public void Plain_layout_matches_an_independent_computation()
    {
        var random = new Random(5005);
        for (int i = 0; i < 400; i++)
        {
            ulong vpn = (ulong)random.NextInt64() & PageTableEntry.MaxVirtualPage;
            byte flags = (byte)random.Next(256);
            uint nonce = (uint)random.NextInt64(0, 1L << 32);
            var entry = new PageTableEntry(vpn, flags, nonce);
            byte[] block = new byte[16];
            entry.WritePlain(block);

            byte[] expected = new byte[16];
            for (int b = 0; b < 7; b++)
            {
                expected[b] = (byte)(vpn >> (8 * b));
            }

            expected[7] = flags;
            U32(nonce).CopyTo(expected, 8);
            U32(Murmur3(expected[..12], nonce)).CopyTo(expected, 12);
            Assert.Equal(expected, block);

            Assert.True(PageTableEntry.TryReadPlain(block, out PageTableEntry read));
            Assert.Equal(vpn, read.VirtualPage);
            Assert.Equal(flags, read.Flags);
            Assert.Equal(nonce, read.Nonce);
        }
    }

    [Fact]
    public void Flags_sit_in_byte_7_above_a_full_56_bit_page_number()
    {
        byte[] block = new byte[16];
        new PageTableEntry(PageTableEntry.MaxVirtualPage, PageTableEntry.FlagClean | PageTableEntry.FlagChecked, 0x01020304).WritePlain(block);
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x03, 0x04, 0x03, 0x02, 0x01 }, block[..12]);
        Assert.True(PageTableEntry.TryReadPlain(block, out PageTableEntry read));
        Assert.Equal(PageTableEntry.MaxVirtualPage, read.VirtualPage);
        Assert.Equal(3, read.Flags);
    }

    [Fact]
    public void Page_number_over_56_bits_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageTableEntry(PageTableEntry.MaxVirtualPage + 1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageTableEntry(ulong.MaxValue, 0, 0));
    }

    [Fact]
    public void Every_single_bit_flip_of_a_plain_block_is_rejected()
    {
        var random = new Random(77);
        for (int i = 0; i < 20; i++)
        {
            byte[] block = new byte[16];
            new PageTableEntry((ulong)random.Next(), (byte)random.Next(4), (uint)random.Next()).WritePlain(block);
            for (int bit = 0; bit < 128; bit++)
            {
                byte[] flipped = (byte[])block.Clone();
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.False(PageTableEntry.TryReadPlain(flipped, out PageTableEntry entry), $"bit {bit}");
                Assert.Equal(default, entry);
            }
        }
    }

    [Fact]
    public void Erased_and_zero_blocks_are_not_entries()
    {
        Assert.False(PageTableEntry.TryReadPlain(Enumerable.Repeat((byte)0xFF, 16).ToArray(), out _));
        Assert.False(PageTableEntry.TryReadPlain(new byte[16], out _));
    }

    [Fact]
    public void Encrypt_is_AES_256_ECB_of_the_plain_block_and_decrypts_back()
    {
        var random = new Random(197);
        for (int i = 0; i < 300; i++)
        {
            byte[] key = Bytes(random, 32);
            var entry = new PageTableEntry((ulong)random.NextInt64() & PageTableEntry.MaxVirtualPage, (byte)random.Next(256), (uint)random.Next());
            byte[] plain = new byte[16];
            entry.WritePlain(plain);
            byte[] encrypted = new byte[16];
            using var cipher = new Aes(key);
            entry.Encrypt(cipher, encrypted);
            Assert.Equal(AesEcb(true, key, plain), encrypted);

            Assert.True(PageTableEntry.TryDecrypt(cipher, encrypted, out PageTableEntry read));
            Assert.Equal(entry, read);
        }
    }

    [Fact]
    public void A_block_under_another_key_or_tampered_is_rejected()
    {
        var random = new Random(1999);
        using var right = new Aes(Bytes(random, 32));
        int rejected = 0;
        for (int i = 0; i < 500; i++)
        {
            var entry = new PageTableEntry((ulong)i, PageTableEntry.FlagClean, (uint)random.Next());
            byte[] encrypted = new byte[16];
            entry.Encrypt(right, encrypted);
            using var wrong = new Aes(Bytes(random, 32));
            Assert.False(PageTableEntry.TryDecrypt(wrong, encrypted, out PageTableEntry none));
            Assert.Equal(default, none);
            encrypted[random.Next(16)] ^= (byte)(1 << random.Next(8));
            rejected += PageTableEntry.TryDecrypt(right, encrypted, out _) ? 0 : 1;
        }

        Assert.Equal(500, rejected);
    }

    [Fact]
    public void Noise_blocks_almost_never_pass()
    {
        var random = new Random(3);
        using var cipher = new Aes(Bytes(random, 32));
        for (int i = 0; i < 2000; i++)
        {
            Assert.False(PageTableEntry.TryDecrypt(cipher, Bytes(random, 16), out _));
        }
    }

    [Fact]
    public void Wrong_lengths_throw()
    {
        var entry = new PageTableEntry(1, 0, 2);
        using var cipher = new Aes(new byte[32]);
        Assert.Throws<ArgumentException>(() => entry.WritePlain(new byte[15]));
        Assert.Throws<ArgumentException>(() => entry.WritePlain(new byte[17]));
        Assert.Throws<ArgumentException>(() => PageTableEntry.TryReadPlain(new byte[15], out _));
        Assert.Throws<ArgumentException>(() => entry.Encrypt(cipher, new byte[32]));
        Assert.Throws<ArgumentException>(() => PageTableEntry.TryDecrypt(cipher, new byte[32], out _));
        Assert.Throws<ArgumentNullException>(() => PageTableEntry.TryDecrypt(null!, new byte[16], out _));
    }
}

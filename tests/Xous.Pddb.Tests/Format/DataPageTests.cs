using Xous.Pddb.Format;
using static Xous.Pddb.Tests.Format.FormatOracle;

namespace Xous.Pddb.Tests.Format;

/// <summary>Plain data pages (§5.6) against BouncyCastle's AES-GCM-SIV, round trips and tamper rejection.</summary>
public class DataPageTests
{
    private static byte[] Aad(string name, ulong dna)
    {
        byte[] aad = new byte[AssociatedData.MaxLength];
        int length = AssociatedData.Write(System.Text.Encoding.UTF8.GetBytes(name), dna, aad);
        return aad[..length];
    }

    [Fact]
    public void Sizes_add_up()
    {
        Assert.Equal(4068, DataPage.PlaintextSize);
        Assert.Equal(4096, PddbLayout.NonceSize + DataPage.PlaintextSize + PddbLayout.TagSize);
    }

    [Fact]
    public void Seal_is_nonce_then_BouncyCastle_GCM_SIV_of_journal_and_page()
    {
        var random = new Random(8452);
        for (int i = 0; i < 25; i++)
        {
            byte[] key = Bytes(random, 32);
            byte[] nonce = Bytes(random, 12);
            uint journal = (uint)random.NextInt64(0, 1L << 32);
            byte[] content = Bytes(random, 4064);
            byte[] aad = Aad(i % 2 == 0 ? ".System" : "secret basis " + i, (ulong)random.NextInt64());
            byte[] page = new byte[4096];
            DataPage.Seal(key, nonce, journal, content, aad, page);

            byte[] expected = Concat(nonce, GcmSivSeal(key, nonce, Concat(U32(journal), content), aad));
            Assert.Equal(expected, page);

            // The journal is the first 4 plaintext bytes, as BouncyCastle sees them.
            byte[]? plaintext = GcmSivOpen(key, nonce, page[12..], aad);
            Assert.NotNull(plaintext);
            Assert.Equal(U32(journal), plaintext![..4]);
            Assert.Equal(content, plaintext[4..]);
        }
    }

    [Fact]
    public void A_page_sealed_by_BouncyCastle_opens()
    {
        var random = new Random(11);
        byte[] key = Bytes(random, 32);
        byte[] nonce = Bytes(random, 12);
        byte[] content = Bytes(random, 4064);
        byte[] aad = Aad(".System", 42);
        byte[] page = Concat(nonce, GcmSivSeal(key, nonce, Concat(U32(0xDEADBEEF), content), aad));
        byte[] read = new byte[4064];
        Assert.True(DataPage.TryOpen(key, page, aad, out uint journal, read));
        Assert.Equal(0xDEADBEEFu, journal);
        Assert.Equal(content, read);
    }

    [Fact]
    public void Round_trips_on_random_inputs()
    {
        var random = new Random(404);
        byte[] page = new byte[4096];
        byte[] read = new byte[4064];
        for (int i = 0; i < 200; i++)
        {
            byte[] key = Bytes(random, 32);
            byte[] content = Bytes(random, 4064);
            uint journal = (uint)random.NextInt64(0, 1L << 32);
            byte[] aad = Bytes(random, random.Next(12, 76));
            DataPage.Seal(key, Bytes(random, 12), journal, content, aad, page);
            Assert.True(DataPage.TryOpen(key, page, aad, out uint readJournal, read));
            Assert.Equal(journal, readJournal);
            Assert.Equal(content, read);
        }
    }

    [Fact]
    public void Sealing_in_place_gives_the_same_page()
    {
        var random = new Random(12);
        byte[] key = Bytes(random, 32);
        byte[] nonce = Bytes(random, 12);
        byte[] content = Bytes(random, 4064);
        byte[] aad = Aad("x", 1);
        byte[] expected = new byte[4096];
        DataPage.Seal(key, nonce, 5, content, aad, expected);

        byte[] page = new byte[4096];
        content.CopyTo(page, 16);
        DataPage.Seal(key, nonce, 5, page.AsSpan(16, 4064), aad, page);
        Assert.Equal(expected, page);

        // Content at the very start of the page (overlapping the nonce and journal) is moved before being covered.
        page = new byte[4096];
        content.CopyTo(page, 0);
        DataPage.Seal(key, nonce, 5, page.AsSpan(0, 4064), aad, page);
        Assert.Equal(expected, page);
    }

    public static TheoryData<int> TamperOffsets => new() { 0, 5, 11, 12, 13, 15, 16, 17, 1000, 2048, 4000, 4079, 4080, 4087, 4095 };

    [Theory]
    [MemberData(nameof(TamperOffsets))]
    public void Any_changed_byte_is_rejected_and_nothing_is_released(int offset)
    {
        var random = new Random(offset);
        byte[] key = Bytes(random, 32);
        byte[] aad = Aad(".System", 7);
        byte[] page = new byte[4096];
        DataPage.Seal(key, Bytes(random, 12), 99, Bytes(random, 4064), aad, page);
        for (int bit = 0; bit < 8; bit++)
        {
            byte[] tampered = (byte[])page.Clone();
            tampered[offset] ^= (byte)(1 << bit);
            byte[] read = Enumerable.Repeat((byte)0xAA, 4064).ToArray();
            Assert.False(DataPage.TryOpen(key, tampered, aad, out uint journal, read));
            Assert.Equal(0u, journal);
            Assert.All(read, b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void Every_region_of_the_page_is_authenticated()
    {
        var random = new Random(13);
        byte[] key = Bytes(random, 32);
        byte[] aad = Aad(".System", 7);
        byte[] page = new byte[4096];
        DataPage.Seal(key, Bytes(random, 12), 99, Bytes(random, 4064), aad, page);
        byte[] read = new byte[4064];
        for (int offset = 0; offset < 4096; offset += 37)
        {
            byte[] tampered = (byte[])page.Clone();
            tampered[offset] ^= 0x80;
            Assert.False(DataPage.TryOpen(key, tampered, aad, out _, read), $"offset {offset}");
        }

        Assert.True(DataPage.TryOpen(key, page, aad, out _, read));
    }

    [Fact]
    public void Wrong_key_basis_name_or_device_is_rejected()
    {
        var random = new Random(14);
        byte[] key = Bytes(random, 32);
        byte[] page = new byte[4096];
        DataPage.Seal(key, Bytes(random, 12), 1, Bytes(random, 4064), Aad("work", 0x1122), page);
        byte[] read = Enumerable.Repeat((byte)0x55, 4064).ToArray();
        Assert.False(DataPage.TryOpen(Bytes(random, 32), page, Aad("work", 0x1122), out _, read));
        Assert.All(read, b => Assert.Equal(0, b));
        Assert.False(DataPage.TryOpen(key, page, Aad("Work", 0x1122), out _, read));
        Assert.False(DataPage.TryOpen(key, page, Aad("work", 0x1123), out _, read));
        Assert.False(DataPage.TryOpen(key, page, Aad("work", 0x1122)[..^1], out _, read));
        Assert.True(DataPage.TryOpen(key, page, Aad("work", 0x1122), out _, read));
    }

    [Fact]
    public void Wrong_lengths_throw()
    {
        byte[] key = new byte[32];
        Assert.Throws<ArgumentException>(() => DataPage.Seal(new byte[16], new byte[12], 0, new byte[4064], [], new byte[4096]));
        Assert.Throws<ArgumentException>(() => DataPage.Seal(key, new byte[11], 0, new byte[4064], [], new byte[4096]));
        Assert.Throws<ArgumentException>(() => DataPage.Seal(key, new byte[12], 0, new byte[4063], [], new byte[4096]));
        Assert.Throws<ArgumentException>(() => DataPage.Seal(key, new byte[12], 0, new byte[4064], [], new byte[4095]));
        Assert.Throws<ArgumentException>(() => DataPage.TryOpen(key, new byte[4095], [], out _, new byte[4064]));
        Assert.Throws<ArgumentException>(() => DataPage.TryOpen(key, new byte[4096], [], out _, new byte[4065]));
    }
}

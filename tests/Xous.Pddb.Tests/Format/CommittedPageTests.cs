using Xous.Pddb.Format;
using static Xous.Pddb.Tests.Format.FormatOracle;

namespace Xous.Pddb.Tests.Format;

/// <summary>Key-committed pages (§5.6), decrypted independently with BouncyCastle, and tamper rejection.</summary>
public class CommittedPageTests
{
    private static readonly byte[] s_encryptionLabel = [0x43, 0x6F, 0x06, 0xD6, 0x0D, 0x69, 0x74, 0x01, 0x01];
    private static readonly byte[] s_commitmentLabel = [0x43, 0x6F, 0x06, 0xD6, 0x0D, 0x69, 0x74, 0x01, 0x02];

    private static byte[] Aad(string name, ulong dna)
    {
        byte[] aad = new byte[AssociatedData.MaxLength];
        int length = AssociatedData.Write(System.Text.Encoding.UTF8.GetBytes(name), dna, aad);
        return aad[..length];
    }

    [Fact]
    public void Sizes_add_up()
    {
        Assert.Equal(4096, 12 + 4 + CommittedPage.DataSize + CommittedPage.CommitmentNonceSize + 32 + 16);
    }

    [Fact]
    public void Layout_and_keys_match_an_independent_BouncyCastle_computation()
    {
        var random = new Random(2022);
        for (int i = 0; i < 20; i++)
        {
            byte[] key = Bytes(random, 32);
            byte[] nonce = Bytes(random, 12);
            byte[] commitmentNonce = Bytes(random, 32);
            uint journal = (uint)random.NextInt64(0, 1L << 32);
            byte[] data = Bytes(random, 4000);
            byte[] aad = Aad(".System", (ulong)random.NextInt64());
            byte[] page = new byte[4096];
            CommittedPage.Seal(key, nonce, commitmentNonce, journal, data, aad, page);

            byte[] encryptionKey = Sha512_256(key, s_encryptionLabel, commitmentNonce);
            byte[] commitment = Sha512_256(key, s_commitmentLabel, commitmentNonce);
            byte[] sealedMessage = GcmSivSeal(encryptionKey, nonce, Concat(U32(journal), data), aad);
            byte[] expected = Concat(nonce, sealedMessage[..4004], commitmentNonce, commitment, sealedMessage[4004..]);
            Assert.Equal(expected, page);

            // BouncyCastle opens our page with k_enc, and the journal is the first 4 plaintext bytes.
            byte[]? plaintext = GcmSivOpen(encryptionKey, page[..12], Concat(page[12..4016], page[4080..]), aad);
            Assert.NotNull(plaintext);
            Assert.Equal(U32(journal), plaintext![..4]);
            Assert.Equal(data, plaintext[4..]);
            Assert.Equal(commitmentNonce, page[4016..4048]);
            Assert.Equal(commitment, page[4048..4080]);
        }
    }

    [Fact]
    public void A_page_built_with_BouncyCastle_opens()
    {
        var random = new Random(3);
        byte[] key = Bytes(random, 32);
        byte[] nonce = Bytes(random, 12);
        byte[] commitmentNonce = Bytes(random, 32);
        byte[] data = Bytes(random, 4000);
        byte[] aad = Aad("basis", 5);
        byte[] sealedMessage = GcmSivSeal(Sha512_256(key, s_encryptionLabel, commitmentNonce), nonce, Concat(U32(77), data), aad);
        byte[] page = Concat(nonce, sealedMessage[..4004], commitmentNonce, Sha512_256(key, s_commitmentLabel, commitmentNonce), sealedMessage[4004..]);
        byte[] read = new byte[4000];
        Assert.True(CommittedPage.TryOpen(key, page, aad, out uint journal, read));
        Assert.Equal(77u, journal);
        Assert.Equal(data, read);
    }

    [Fact]
    public void Round_trips_on_random_inputs()
    {
        var random = new Random(55);
        byte[] page = new byte[4096];
        byte[] read = new byte[4000];
        for (int i = 0; i < 200; i++)
        {
            byte[] key = Bytes(random, 32);
            byte[] data = Bytes(random, 4000);
            uint journal = (uint)random.NextInt64(0, 1L << 32);
            byte[] aad = Bytes(random, random.Next(12, 76));
            CommittedPage.Seal(key, Bytes(random, 12), Bytes(random, 32), journal, data, aad, page);
            Assert.True(CommittedPage.TryOpen(key, page, aad, out uint readJournal, read));
            Assert.Equal(journal, readJournal);
            Assert.Equal(data, read);
        }
    }

    public static TheoryData<string, int> Regions => new()
    {
        { "nonce", 0 }, { "nonce", 11 },
        { "ciphertext (journal)", 12 }, { "ciphertext", 2000 }, { "ciphertext", 4015 },
        { "kcom nonce", 4016 }, { "kcom nonce", 4047 },
        { "kcom", 4048 }, { "kcom", 4079 },
        { "tag", 4080 }, { "tag", 4095 },
    };

    [Theory]
    [MemberData(nameof(Regions))]
    public void A_change_in_any_region_is_rejected_and_nothing_is_released(string region, int offset)
    {
        var random = new Random(offset);
        byte[] key = Bytes(random, 32);
        byte[] aad = Aad(".System", 9);
        byte[] page = new byte[4096];
        CommittedPage.Seal(key, Bytes(random, 12), Bytes(random, 32), 3, Bytes(random, 4000), aad, page);
        for (int bit = 0; bit < 8; bit++)
        {
            byte[] tampered = (byte[])page.Clone();
            tampered[offset] ^= (byte)(1 << bit);
            byte[] read = Enumerable.Repeat((byte)0xAA, 4000).ToArray();
            Assert.False(CommittedPage.TryOpen(key, tampered, aad, out uint journal, read), region);
            Assert.Equal(0u, journal);
            Assert.All(read, b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void A_wrong_commitment_is_rejected_even_when_the_ciphertext_is_authentic()
    {
        // The commitment is not covered by the GCM-SIV tag: only the commitment check can reject this page.
        var random = new Random(4);
        byte[] key = Bytes(random, 32);
        byte[] aad = Aad("b", 1);
        byte[] page = new byte[4096];
        CommittedPage.Seal(key, Bytes(random, 12), Bytes(random, 32), 3, Bytes(random, 4000), aad, page);
        page[4060] ^= 1;
        byte[] encryptionKey = Sha512_256(key, s_encryptionLabel, page[4016..4048]);
        Assert.NotNull(GcmSivOpen(encryptionKey, page[..12], Concat(page[12..4016], page[4080..]), aad));
        Assert.False(CommittedPage.TryOpen(key, page, aad, out _, new byte[4000]));
    }

    [Fact]
    public void Wrong_key_or_associated_data_is_rejected()
    {
        var random = new Random(5);
        byte[] key = Bytes(random, 32);
        byte[] page = new byte[4096];
        CommittedPage.Seal(key, Bytes(random, 12), Bytes(random, 32), 3, Bytes(random, 4000), Aad("b", 1), page);
        byte[] read = new byte[4000];
        Assert.False(CommittedPage.TryOpen(Bytes(random, 32), page, Aad("b", 1), out _, read));
        Assert.False(CommittedPage.TryOpen(key, page, Aad("c", 1), out _, read));
        Assert.False(CommittedPage.TryOpen(key, page, Aad("b", 2), out _, read));
        Assert.True(CommittedPage.TryOpen(key, page, Aad("b", 1), out _, read));
    }

    [Fact]
    public void A_plain_data_page_is_not_a_committed_page()
    {
        var random = new Random(6);
        byte[] key = Bytes(random, 32);
        byte[] page = new byte[4096];
        DataPage.Seal(key, Bytes(random, 12), 1, Bytes(random, 4064), Aad("b", 1), page);
        Assert.False(CommittedPage.TryOpen(key, page, Aad("b", 1), out _, new byte[4000]));
    }

    [Fact]
    public void Wrong_lengths_throw()
    {
        byte[] key = new byte[32];
        Assert.Throws<ArgumentException>(() => CommittedPage.Seal(key, new byte[12], new byte[31], 0, new byte[4000], [], new byte[4096]));
        Assert.Throws<ArgumentException>(() => CommittedPage.Seal(key, new byte[12], new byte[32], 0, new byte[4001], [], new byte[4096]));
        Assert.Throws<ArgumentException>(() => CommittedPage.Seal(new byte[31], new byte[12], new byte[32], 0, new byte[4000], [], new byte[4096]));
        Assert.Throws<ArgumentException>(() => CommittedPage.TryOpen(key, new byte[4096], [], out _, new byte[3999]));
    }
}

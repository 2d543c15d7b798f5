using Xous.Pddb.Format;
using static Xous.Pddb.Tests.Format.FormatOracle;

namespace Xous.Pddb.Tests.Format;

/// <summary>The static crypto data page (§5.3): offsets and classification.</summary>
public class StaticCryptoDataTests
{
    [Fact]
    public void Offsets_follow_the_reference_table()
    {
        Assert.Equal(0, StaticCryptoData.VersionOffset);
        Assert.Equal(4, StaticCryptoData.SystemPageTableKeyOffset);
        Assert.Equal(44, StaticCryptoData.SystemDataKeyOffset);
        Assert.Equal(84, StaticCryptoData.SaltBaseOffset);
        Assert.Equal(4096, StaticCryptoData.SaltBaseOffset + StaticCryptoData.SaltBaseSize);
    }

    [Fact]
    public void Write_lays_out_version_keys_and_salt()
    {
        var random = new Random(98);
        byte[] wrappedPageTableKey = Bytes(random, 40);
        byte[] wrappedDataKey = Bytes(random, 40);
        byte[] saltBase = Bytes(random, 4012);
        byte[] page = Enumerable.Repeat((byte)0xFF, 4096).ToArray();
        StaticCryptoData.Write(page, wrappedPageTableKey, wrappedDataKey, saltBase);
        Assert.Equal(Concat([2, 0, 0, 0], wrappedPageTableKey, wrappedDataKey, saltBase), page);
        Assert.Equal(StaticCryptoDataState.Present, StaticCryptoData.Classify(page));
    }

    [Fact]
    public void Classify_tells_erased_present_and_unrecognised_apart()
    {
        byte[] page = Enumerable.Repeat((byte)0xFF, 4096).ToArray();
        Assert.Equal(StaticCryptoDataState.Erased, StaticCryptoData.Classify(page));

        page[4095] = 0xFE;
        Assert.Equal(StaticCryptoDataState.Unrecognised, StaticCryptoData.Classify(page));

        page[4095] = 0xFF;
        page[0] = 2;
        page[1] = page[2] = page[3] = 0;
        Assert.Equal(StaticCryptoDataState.Present, StaticCryptoData.Classify(page));

        page[0] = 1;
        Assert.Equal(StaticCryptoDataState.Unrecognised, StaticCryptoData.Classify(page));
        page[0] = 2;
        page[3] = 1;
        Assert.Equal(StaticCryptoDataState.Unrecognised, StaticCryptoData.Classify(page));
        Assert.Equal(StaticCryptoDataState.Unrecognised, StaticCryptoData.Classify(new byte[4096]));
    }

    [Fact]
    public void Wrong_lengths_throw()
    {
        Assert.Throws<ArgumentException>(() => StaticCryptoData.Classify(new byte[4095]));
        Assert.Throws<ArgumentException>(() => StaticCryptoData.Write(new byte[4096], new byte[39], new byte[40], new byte[4012]));
        Assert.Throws<ArgumentException>(() => StaticCryptoData.Write(new byte[4096], new byte[40], new byte[41], new byte[4012]));
        Assert.Throws<ArgumentException>(() => StaticCryptoData.Write(new byte[4096], new byte[40], new byte[40], new byte[4011]));
        Assert.Throws<ArgumentException>(() => StaticCryptoData.Write(new byte[4097], new byte[40], new byte[40], new byte[4012]));
    }
}

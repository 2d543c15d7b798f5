using System.Buffers.Binary;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Xous.Hal.Simulation;
using Xous.Pddb.Format;
using Xous.Pddb.Storage;
using BouncyCastleAes = Org.BouncyCastle.Crypto.Engines.AesEngine;

namespace Xous.Pddb.Tests.Storage;

/// <summary>Byte layout of PhysicalPage, SpaceUpdate records (AES-ECB, checksum) and the FastSpace record (AES-GCM-SIV), checked with BouncyCastle.</summary>
public class StorageFormatTests
{
    [Fact]
    public void PhysicalPage_bit_layout()
    {
        var page = new PhysicalPage(0xABCDE, SpaceState.Dirty, clean: true, journal: 9);
        Assert.Equal(0x0000_0000u | 0xABCDEu | (1u << 20) | (1u << 21) | (3u << 22) | (9u << 24), page.Raw);
        Assert.Equal(0x09FA_BCDEu, page.Raw);
        Assert.Equal(0xABCDE, page.PageNumber);
        Assert.True(page.IsValid);
        Assert.True(page.IsClean);
        Assert.Equal(SpaceState.Dirty, page.State);
        Assert.Equal(9, page.Journal);

        var used = new PhysicalPage(5, SpaceState.Used, clean: false, journal: 0);
        Assert.Equal(5u | (1u << 21) | (2u << 22), used.Raw);
        var raw = new PhysicalPage(0x0012_3456u);
        Assert.False(raw.IsValid);
        Assert.Equal(0x23456, raw.PageNumber);
        Assert.True(raw.IsClean);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhysicalPage(1 << 20, SpaceState.Free, false, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhysicalPage(1, SpaceState.Free, false, 16));
    }

    [Fact]
    public void SpaceUpdate_is_aes_ecb_of_nonce_page_checksum_with_big_endian_seed()
    {
        using var aes = new Xous.Crypto.Aes(StorageTestSupport.PageTableKey);
        ulong nonce = 0x0001_2345_DEAD_BEEFUL;
        var page = new PhysicalPage(777, SpaceState.Used, false, 3);
        byte[] cipher = new byte[16];
        SpaceUpdateRecord.Encrypt(aes, nonce, page, cipher);

        var reference = new BouncyCastleAes();
        reference.Init(false, new KeyParameter(StorageTestSupport.PageTableKey));
        byte[] plain = new byte[16];
        reference.ProcessBlock(cipher, 0, plain, 0);
        Assert.Equal(nonce, BinaryPrimitives.ReadUInt64LittleEndian(plain));
        Assert.Equal(page.Raw, BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(8)));
        uint seed = BinaryPrimitives.ReadUInt32BigEndian(plain.AsSpan(4, 4));
        Assert.Equal(StorageTestSupport.ReferenceMurmur3(plain.AsSpan(0, 12), seed), BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(12)));
        Assert.NotEqual(StorageTestSupport.ReferenceMurmur3(plain.AsSpan(0, 12), BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(4, 4))),
            BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(12)));

        Assert.True(SpaceUpdateRecord.TryDecrypt(aes, cipher, out ulong readNonce, out PhysicalPage readPage));
        Assert.Equal(nonce, readNonce);
        Assert.Equal(page.Raw, readPage.Raw);
        cipher[3] ^= 1;
        Assert.False(SpaceUpdateRecord.TryDecrypt(aes, cipher, out _, out _));
    }

    [Fact]
    public void FastSpace_record_decrypts_with_bouncycastle_gcm_siv()
    {
        var geometry = new PddbGeometry(256);
        var flash = new SimulatedFlash(geometry.TotalPages);
        byte[] aad = StorageTestSupport.FastSpaceAssociatedData();
        using var random = StorageTestSupport.InsecureRandom(1);
        using var cache = new FreeSpaceCache(flash, geometry, StorageTestSupport.PageTableKey, StorageTestSupport.DataKey, aad, random);
        int[] pages = { 3, 17, 42, 100 };
        cache.Create(pages);

        byte[] image = flash.Snapshot();
        int start = -1;
        for (int p = 0; p < PddbLayout.FreeSpaceCachePages; p++)
        {
            int offset = (geometry.FreeSpaceCacheFirstPage + p) * 4096;
            if (image.AsSpan(offset, 16).ToArray().Any(b => b != 0xFF))
            {
                start = offset;
                break;
            }
        }

        Assert.True(start >= 0);
        byte[] record = image.AsSpan(start, 8192).ToArray();
        var reference = new GcmSivBlockCipher(new BouncyCastleAes());
        reference.Init(false, new AeadParameters(new KeyParameter(StorageTestSupport.DataKey), 128, record.AsSpan(0, 12).ToArray(), aad));
        byte[] plain = new byte[reference.GetOutputSize(8192 - 12)];
        int n = reference.ProcessBytes(record, 12, 8192 - 12, plain, 0);
        n += reference.DoFinal(plain, n);
        Assert.Equal(2041 * 4, n);
        for (int i = 0; i < pages.Length; i++)
        {
            var entry = new PhysicalPage(BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(i * 4)));
            Assert.True(entry.IsValid);
            Assert.Equal(SpaceState.Free, entry.State);
            Assert.Equal(pages[i], entry.PageNumber);
        }

        for (int i = pages.Length; i < 2040; i++)
        {
            Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(i * 4)));
        }

        uint generationEntry = BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(2040 * 4));
        Assert.False(new PhysicalPage(generationEntry).IsValid);
        Assert.Equal(0u, generationEntry & ~0xFFFFFu);

        // Every other FSCB page is blank; a wrong AAD does not decrypt.
        Assert.Equal(PddbLayout.FreeSpaceCachePages * 4096 - 8192,
            image.AsSpan(geometry.FreeSpaceCacheFirstPage * 4096, 16 * 4096).ToArray().Count(b => b == 0xFF) - CountFf(record));
        aad[0] ^= 1;
        reference.Init(false, new AeadParameters(new KeyParameter(StorageTestSupport.DataKey), 128, record.AsSpan(0, 12).ToArray(), aad));
        n = reference.ProcessBytes(record, 12, 8192 - 12, plain, 0);
        Assert.ThrowsAny<Exception>(() => reference.DoFinal(plain, n));
    }

    [Fact]
    public void Log_records_sit_in_pages_whose_first_16_bytes_stay_erased()
    {
        var geometry = new PddbGeometry(256);
        var flash = new SimulatedFlash(geometry.TotalPages);
        using var random = StorageTestSupport.InsecureRandom(2);
        using var cache = new FreeSpaceCache(flash, geometry, StorageTestSupport.PageTableKey, StorageTestSupport.DataKey,
            StorageTestSupport.FastSpaceAssociatedData(), random);
        cache.Create(new[] { 1, 2, 3 });
        Assert.True(cache.TryAllocate(out int page));
        byte[] image = flash.Snapshot();
        using var aes = new Xous.Crypto.Aes(StorageTestSupport.PageTableKey);
        int logPages = 0;
        for (int p = 0; p < 16; p++)
        {
            int offset = (geometry.FreeSpaceCacheFirstPage + p) * 4096;
            bool headerBlank = image.AsSpan(offset, 16).ToArray().All(b => b == 0xFF);
            bool secondNotBlank = image.AsSpan(offset + 16, 16).ToArray().Any(b => b != 0xFF);
            if (headerBlank && secondNotBlank)
            {
                logPages++;
                Assert.True(SpaceUpdateRecord.TryDecrypt(aes, image.AsSpan(offset + 16, 16), out ulong nonce, out PhysicalPage update));
                Assert.Equal(page, update.PageNumber);
                Assert.Equal(SpaceState.Used, update.State);
                Assert.True(update.IsValid);
                Assert.True(nonce >> 32 <= 0xFFFFF);
            }
        }

        Assert.Equal(1, logPages);
    }

    private static int CountFf(byte[] bytes) => bytes.Count(b => b == 0xFF);
}

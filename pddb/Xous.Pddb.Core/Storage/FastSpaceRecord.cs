using System;
using System.Buffers.Binary;
using Xous.Crypto;

namespace Xous.Pddb.Storage;

/// <summary>
/// The FastSpace record (reference §5.8): <c>nonce[12] ‖ AES-256-GCM-SIV(.System data key, AAD){2041 × PhysPage u32 LE}
/// ‖ tag[16]</c> = 8192 bytes = 2 pages. Unused entries are 0. This implementation reserves the last entry (index 2040):
/// it never describes a page; with its valid bit clear it carries the 20-bit compaction generation in bits [19:0]
/// (invisible to a reader of Xous's format, which skips invalid entries).
/// </summary>
public static class FastSpaceRecord
{
    /// <summary>Bytes of a record (two pages).</summary>
    public const int Size = 8192;

    /// <summary>PhysPage entries in a record.</summary>
    public const int Entries = 2041;

    /// <summary>Entries that can describe pages (the last one holds the generation).</summary>
    public const int PageEntries = Entries - 1;

    /// <summary>Mask of the 20-bit generation.</summary>
    public const uint GenerationMask = 0x000F_FFFF;

    private const int NonceSize = AesGcmSiv.NonceSizeInBytes;
    private const int TagSize = AesGcmSiv.TagSizeInBytes;
    private const int PayloadSize = Entries * 4;

    /// <summary>
    /// Encrypts a record listing <paramref name="pages"/> (written as valid, Free, clean, journal 0) and
    /// <paramref name="generation"/> into <paramref name="destination"/> (8192 bytes) under <paramref name="nonce"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A length is wrong or there are more than <see cref="PageEntries"/> pages.</exception>
    public static void Encrypt(
        ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> nonce, ReadOnlySpan<int> pages,
        uint generation, Span<byte> destination)
    {
        if (destination.Length != Size)
        {
            throw new ArgumentException("a FastSpace record is 8192 bytes", nameof(destination));
        }

        if (pages.Length > PageEntries)
        {
            throw new ArgumentException("too many pages for one FastSpace record", nameof(pages));
        }

        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException("the nonce is 12 bytes", nameof(nonce));
        }

        byte[] plain = new byte[PayloadSize];
        for (int i = 0; i < pages.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(plain.AsSpan(i * 4), new PhysicalPage(pages[i], SpaceState.Free, true, 0).Raw);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(plain.AsSpan(PageEntries * 4), generation & GenerationMask);
        nonce.CopyTo(destination);
        AesGcmSiv.Encrypt(dataKey, nonce, plain, associatedData, destination.Slice(NonceSize, PayloadSize),
            destination.Slice(NonceSize + PayloadSize, TagSize));
        plain.AsSpan().Clear();
    }

    /// <summary>
    /// Decrypts a record; on success adds every valid Free entry's page number to <paramref name="freePages"/> and
    /// returns the generation.
    /// </summary>
    /// <returns>False when the tag does not verify (not a record under this key).</returns>
    /// <exception cref="ArgumentException"><paramref name="record"/> is not 8192 bytes.</exception>
    public static bool TryDecrypt(
        ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> record,
        System.Collections.Generic.List<int> freePages, out uint generation)
    {
        if (record.Length != Size)
        {
            throw new ArgumentException("a FastSpace record is 8192 bytes", nameof(record));
        }

        generation = 0;
        byte[] plain = new byte[PayloadSize];
        if (!AesGcmSiv.Decrypt(dataKey, record.Slice(0, NonceSize), record.Slice(NonceSize, PayloadSize),
                record.Slice(NonceSize + PayloadSize, TagSize), associatedData, plain))
        {
            return false;
        }

        for (int i = 0; i < PageEntries; i++)
        {
            var entry = new PhysicalPage(BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(i * 4)));
            if (entry.IsValid && entry.State == SpaceState.Free)
            {
                freePages.Add(entry.PageNumber);
            }
        }

        uint last = BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(PageEntries * 4));
        generation = last & GenerationMask;
        plain.AsSpan().Clear();
        return true;
    }
}

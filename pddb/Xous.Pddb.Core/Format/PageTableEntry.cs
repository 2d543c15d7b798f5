using System;
using System.Buffers.Binary;
using Xous.Crypto;

namespace Xous.Pddb.Format;

/// <summary>
/// A page-table entry (reference §5.5): one AES block that maps a physical data page to a basis's virtual page.
/// Plain layout, 16 bytes: virtual page number 56-bit little-endian (bytes 0..6), flags (byte 7), nonce u32 LE
/// (bytes 8..11), checksum u32 LE (bytes 12..15) = murmur3_32(bytes 0..11, seed = nonce). On flash the block is
/// encrypted with the basis's page-table key in AES-256-ECB, one block on its own; a block that decrypts to a matching
/// checksum under a candidate key belongs to that basis (a false positive is possible and is caught later when the
/// data page fails to authenticate).
/// </summary>
public readonly struct PageTableEntry
{
    /// <summary>The data page matches flash (CLEAN).</summary>
    public const byte FlagClean = 0x01;

    /// <summary>The data page has been authenticated by a successful decrypt (CHECKED).</summary>
    public const byte FlagChecked = 0x02;

    /// <summary>The largest virtual page number: 56 bits.</summary>
    public const ulong MaxVirtualPage = (1UL << 56) - 1;

    private const int ChecksumOffset = 12;

    /// <summary>An entry mapping virtual page <paramref name="virtualPage"/>.</summary>
    /// <param name="virtualPage">The virtual page number (VA / 4064), at most <see cref="MaxVirtualPage"/>.</param>
    /// <param name="flags">A combination of <see cref="FlagClean"/> and <see cref="FlagChecked"/> (other bits are kept as given).</param>
    /// <param name="nonce">A random value, fresh on every re-map, so that re-mapping the same page gives another block.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="virtualPage"/> exceeds 56 bits.</exception>
    public PageTableEntry(ulong virtualPage, byte flags, uint nonce)
    {
        if (virtualPage > MaxVirtualPage)
        {
            throw new ArgumentOutOfRangeException(nameof(virtualPage), "a virtual page number has 56 bits");
        }

        VirtualPage = virtualPage;
        Flags = flags;
        Nonce = nonce;
    }

    /// <summary>The virtual page number.</summary>
    public ulong VirtualPage { get; }

    /// <summary>The flags byte.</summary>
    public byte Flags { get; }

    /// <summary>The entry's nonce (also the checksum's seed).</summary>
    public uint Nonce { get; }

    /// <summary>Writes the plain (unencrypted) 16-byte block, checksum included.</summary>
    /// <param name="block">Exactly 16 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="block"/> is not 16 bytes.</exception>
    public void WritePlain(Span<byte> block)
    {
        CheckBlock(block.Length, nameof(block));
        BinaryPrimitives.WriteUInt64LittleEndian(block, VirtualPage);
        block[7] = Flags;
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(8, 4), Nonce);
        uint checksum = Murmur3.Hash32(block.Slice(0, ChecksumOffset), Nonce);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(ChecksumOffset, 4), checksum);
    }

    /// <summary>Reads a plain block; false (and a default entry) when the checksum does not match.</summary>
    /// <param name="block">Exactly 16 bytes.</param>
    /// <param name="entry">The entry when the checksum matches.</param>
    /// <returns>Whether the checksum matched.</returns>
    /// <exception cref="ArgumentException"><paramref name="block"/> is not 16 bytes.</exception>
    public static bool TryReadPlain(ReadOnlySpan<byte> block, out PageTableEntry entry)
    {
        CheckBlock(block.Length, nameof(block));
        uint nonce = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(8, 4));
        uint checksum = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(ChecksumOffset, 4));
        if (Murmur3.Hash32(block.Slice(0, ChecksumOffset), nonce) != checksum)
        {
            entry = default;
            return false;
        }

        ulong virtualPage = BinaryPrimitives.ReadUInt64LittleEndian(block) & MaxVirtualPage;
        entry = new PageTableEntry(virtualPage, block[7], nonce);
        return true;
    }

    /// <summary>Writes the block encrypted with the basis's page-table key (AES-256, one ECB block).</summary>
    /// <param name="pageTableCipher">AES keyed with the basis's page-table key (an <see cref="Aes"/> or a hardware engine); not disposed.</param>
    /// <param name="block">Exactly 16 bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pageTableCipher"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="block"/> is not 16 bytes, or the cipher's block is not 16 bytes.</exception>
    public void Encrypt(IBlockCipher pageTableCipher, Span<byte> block)
    {
        CheckCipher(pageTableCipher);
        Span<byte> plain = stackalloc byte[PddbLayout.PageTableEntrySize];
        WritePlain(plain);
        CheckBlock(block.Length, nameof(block));
        pageTableCipher.EncryptBlock(plain, block);
        plain.Clear();
    }

    /// <summary>
    /// Decrypts a page-table block with a candidate page-table key; false when the checksum does not match (the block
    /// belongs to another basis, is noise, or is erased).
    /// </summary>
    /// <param name="pageTableCipher">AES keyed with the candidate page-table key; not disposed.</param>
    /// <param name="block">Exactly 16 bytes read from the page table.</param>
    /// <param name="entry">The entry when the checksum matches; default otherwise.</param>
    /// <returns>Whether the block decrypted to a well-formed entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pageTableCipher"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="block"/> is not 16 bytes, or the cipher's block is not 16 bytes.</exception>
    public static bool TryDecrypt(IBlockCipher pageTableCipher, ReadOnlySpan<byte> block, out PageTableEntry entry)
    {
        CheckCipher(pageTableCipher);
        CheckBlock(block.Length, nameof(block));
        Span<byte> plain = stackalloc byte[PddbLayout.PageTableEntrySize];
        pageTableCipher.DecryptBlock(block, plain);
        bool ok = TryReadPlain(plain, out entry);
        plain.Clear();
        return ok;
    }

    private static void CheckBlock(int length, string name)
    {
        if (length != PddbLayout.PageTableEntrySize)
        {
            throw new ArgumentException("a page-table entry is 16 bytes", name);
        }
    }

    private static void CheckCipher(IBlockCipher cipher)
    {
        if (cipher is null)
        {
            throw new ArgumentNullException(nameof(cipher));
        }

        if (cipher.BlockSize != PddbLayout.PageTableEntrySize)
        {
            throw new ArgumentException("the page-table cipher must have 16-byte blocks (AES)", nameof(cipher));
        }
    }
}

using System;

namespace Xous.Pddb.Storage;

/// <summary>The state of a data page as the free-space cache records it (PhysPage bits [23:22]).</summary>
public enum SpaceState : byte
{
    /// <summary>Free: may be allocated.</summary>
    Free = 0,

    /// <summary>Possibly used (Xous's MaybeUsed).</summary>
    MaybeUsed = 1,

    /// <summary>Used: allocated to some basis.</summary>
    Used = 2,

    /// <summary>Dirty: used and not yet written back.</summary>
    Dirty = 3,
}

/// <summary>
/// Xous's PhysPage, a u32 bitfield (reference §5.8): [19:0] page number (a data page index, 0-based, as page-table entry
/// n ↔ data page n), [20] clean, [21] valid, [23:22] <see cref="SpaceState"/>, [27:24] journal (0..15); bits [31:28] are 0.
/// </summary>
public readonly struct PhysicalPage
{
    /// <summary>Largest page number the 20-bit field holds.</summary>
    public const int MaxPageNumber = (1 << 20) - 1;

    /// <summary>Largest journal value the 4-bit field holds.</summary>
    public const int MaxJournal = 15;

    private const uint PageMask = 0x000F_FFFF;
    private const uint CleanBit = 1u << 20;
    private const uint ValidBit = 1u << 21;
    private const int StateShift = 22;
    private const int JournalShift = 24;

    /// <summary>Wraps a raw u32 as read from flash (any value).</summary>
    public PhysicalPage(uint raw)
    {
        Raw = raw;
    }

    /// <summary>Creates a valid entry.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page number or journal is out of its field's range, or the state is undefined.</exception>
    public PhysicalPage(int pageNumber, SpaceState state, bool clean, int journal)
    {
        if (pageNumber < 0 || pageNumber > MaxPageNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(pageNumber));
        }

        if (journal < 0 || journal > MaxJournal)
        {
            throw new ArgumentOutOfRangeException(nameof(journal));
        }

        if ((byte)state > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(state));
        }

        Raw = (uint)pageNumber | (clean ? CleanBit : 0) | ValidBit | ((uint)state << StateShift) | ((uint)journal << JournalShift);
    }

    /// <summary>The u32 as stored (little-endian on flash).</summary>
    public uint Raw { get; }

    /// <summary>Bits [19:0]: the data page number.</summary>
    public int PageNumber => (int)(Raw & PageMask);

    /// <summary>Bit 21: the entry is valid.</summary>
    public bool IsValid => (Raw & ValidBit) != 0;

    /// <summary>Bit 20: the page matches flash.</summary>
    public bool IsClean => (Raw & CleanBit) != 0;

    /// <summary>Bits [23:22].</summary>
    public SpaceState State => (SpaceState)((Raw >> StateShift) & 3);

    /// <summary>Bits [27:24].</summary>
    public int Journal => (int)((Raw >> JournalShift) & 0xF);
}

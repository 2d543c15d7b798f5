using Xous.Pddb.Format;

namespace Xous.Pddb.Engine;

/// <summary>
/// The virtual address space of a basis (reference §5.7), in virtual page numbers (VA / 4064). Identical for every basis.
/// </summary>
internal static class VirtualLayout
{
    /// <summary>VPAGE 1: the basis root (key-committed).</summary>
    public const ulong RootPage = 1;

    /// <summary>Virtual pages per dictionary area (DICT_VSIZE 0xFE_0000 / 4064).</summary>
    public const ulong PagesPerDictionary = 4096;

    /// <summary>Dictionaries per basis (DICT_MAXCOUNT).</summary>
    public const int MaxDictionaries = 16_383;

    /// <summary>Keys per dictionary (KEY_MAXCOUNT = 2^17 − 1); descriptor slots 1..131071.</summary>
    public const int MaxKeys = 131_071;

    /// <summary>Descriptor slots per virtual page (4064 / 127).</summary>
    public const int SlotsPerPage = 32;

    /// <summary>Bytes per descriptor slot.</summary>
    public const int SlotSize = 127;

    /// <summary>First page of the small-data pools: VA 0x3F_8000_0000.</summary>
    public const ulong SmallPoolFirstPage = 1UL << 26;

    /// <summary>First page of the large pool: VA 0xFE00_0000_0000.</summary>
    public const ulong LargePoolFirstPage = 1UL << 36;

    /// <summary>Size of each large key's VA window (LARGE_FILE_MAX_SIZE, 32 GiB).</summary>
    public const ulong LargeWindowBytes = 0x8_0000_0000;

    /// <summary>Values shorter than this live in the small-data pool; others get a large-pool window.</summary>
    public const int SmallValueLimit = PddbLayout.VirtualPageSize;

    /// <summary>Largest value a key may hold here: the window, capped to what an <see cref="int"/> page index reaches.</summary>
    public const long MaxValueLength = (long)int.MaxValue * PddbLayout.VirtualPageSize < (long)LargeWindowBytes
        ? (long)int.MaxValue * PddbLayout.VirtualPageSize
        : (long)LargeWindowBytes;

    /// <summary>First page of dictionary area <paramref name="index"/> (1..16383): its header and first 31 key slots.</summary>
    public static ulong DictionaryFirstPage(int index) => (ulong)index * PagesPerDictionary;

    /// <summary>First page of the small-data pool of dictionary <paramref name="index"/>.</summary>
    public static ulong PoolFirstPage(int index) => SmallPoolFirstPage + ((ulong)(index - 1) * PagesPerDictionary);

    /// <summary>
    /// First page of large window <paramref name="window"/>: the first virtual page at or after
    /// VA 0xFE00_0000_0000 + window × 32 GiB.
    /// </summary>
    public static ulong LargeWindowFirstPage(ulong window) =>
        LargePoolFirstPage + (((window * LargeWindowBytes) + PddbLayout.VirtualPageSize - 1) / PddbLayout.VirtualPageSize);

    /// <summary>The window holding virtual page <paramref name="page"/> (large pool pages only).</summary>
    public static ulong LargeWindowOf(ulong page)
    {
        ulong offsetBytes = (page - LargePoolFirstPage) * PddbLayout.VirtualPageSize;
        ulong window = offsetBytes / LargeWindowBytes;
        return LargeWindowFirstPage(window + 1) <= page ? window + 1 : window;
    }

    /// <summary>The virtual address of a page (what descriptors store).</summary>
    public static ulong AddressOf(ulong page) => page * PddbLayout.VirtualPageSize;

    /// <summary>The page of an address that starts a page, or <c>ulong.MaxValue</c> when it does not.</summary>
    public static ulong PageOfAddress(ulong address) =>
        address % PddbLayout.VirtualPageSize == 0 ? address / PddbLayout.VirtualPageSize : ulong.MaxValue;

    /// <summary>Classifies a page: 0 root, 1 dictionary area, 2 small pool, 3 large pool, −1 outside every area.</summary>
    public static int AreaOf(ulong page, out int dictionary, out int pageInArea)
    {
        dictionary = 0;
        pageInArea = 0;
        if (page == RootPage)
        {
            return 0;
        }

        if (page >= PagesPerDictionary && page < SmallPoolFirstPage)
        {
            dictionary = (int)(page / PagesPerDictionary);
            pageInArea = (int)(page % PagesPerDictionary);
            return dictionary <= MaxDictionaries ? 1 : -1;
        }

        if (page >= SmallPoolFirstPage && page < SmallPoolFirstPage + ((ulong)MaxDictionaries * PagesPerDictionary))
        {
            dictionary = (int)((page - SmallPoolFirstPage) / PagesPerDictionary) + 1;
            pageInArea = (int)((page - SmallPoolFirstPage) % PagesPerDictionary);
            return 2;
        }

        return page >= LargePoolFirstPage && page <= PageTableEntry.MaxVirtualPage ? 3 : -1;
    }
}

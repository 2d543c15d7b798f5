using System;

namespace Xous.Pddb.Format;

/// <summary>Constants of the on-flash format (reference §5; docs/pddb-format.md).</summary>
public static class PddbLayout
{
    /// <summary>Physical page = flash erase sector.</summary>
    public const int PageSize = 4096;

    /// <summary>Usable bytes of a data page: 4096 − 12 nonce − 16 tag − 4 journal.</summary>
    public const int VirtualPageSize = 4064;

    /// <summary>AES-GCM-SIV nonce bytes at the start of a data page.</summary>
    public const int NonceSize = 12;

    /// <summary>AES-GCM-SIV tag bytes at the end of a data page.</summary>
    public const int TagSize = 16;

    /// <summary>Journal number bytes at the start of a data page's plaintext.</summary>
    public const int JournalSize = 4;

    /// <summary>A page-table entry: one AES block.</summary>
    public const int PageTableEntrySize = 16;

    /// <summary>Page-table entries per page-table page.</summary>
    public const int EntriesPerPageTablePage = PageSize / PageTableEntrySize;

    /// <summary>Make-before-break pages.</summary>
    public const int MakeBeforeBreakPages = 10;

    /// <summary>Free-space cache (FSCB) pages.</summary>
    public const int FreeSpaceCachePages = 16;

    /// <summary>Pages of one FastSpace record.</summary>
    public const int FastSpacePages = 2;

    /// <summary>PhysPage entries of one FastSpace record: (8192 − 28) / 4.</summary>
    public const int FastSpaceEntries = 2041;

    /// <summary>PDDB_VERSION, bound into every data page's associated data.</summary>
    public const uint PddbVersion = 0x0000_0201;

    /// <summary>SCD_VERSION, the static crypto data page's (unauthenticated) version hint.</summary>
    public const uint StaticCryptoDataVersion = 2;

    /// <summary>Pages of the full-size Precursor PDDB (98 MiB).</summary>
    public const int PrecursorPages = 25_088;

    /// <summary>Pages of the hosted/CI PDDB (4 MiB, as Xous's PDDB_A_LEN for hosted builds).</summary>
    public const int HostedPages = 1_024;

    /// <summary>The name of the system basis.</summary>
    public const string SystemBasisName = ".System";

    /// <summary>The pseudo-basis name used in the FastSpace record's associated data.</summary>
    public const string FastSpaceName = ".FastSpace";
}

/// <summary>
/// Where each area of a PDDB of a given size lies (in pages from the start of the region). For 25,088 pages this is
/// the Precursor's layout: 98 page-table pages from 0, the static crypto data at page 98 (+0x6_2000), 10 MBBB pages
/// from 99 (+0x6_3000), 16 FSCB pages from 109 (+0x6_D000) and data from page 125 (+0x7_D000).
/// </summary>
public readonly struct PddbGeometry
{
    /// <summary>Smallest supported region: the metadata plus 64 data pages.</summary>
    public const int MinimumPages = 256;

    /// <summary>Describes a region of <paramref name="totalPages"/> pages (a multiple of 16, i.e. 64 KiB-aligned).</summary>
    public PddbGeometry(int totalPages)
    {
        if (totalPages < MinimumPages || totalPages % 16 != 0 || totalPages > (1 << 20))
        {
            throw new ArgumentOutOfRangeException(nameof(totalPages), "a PDDB is 256 to 2^20 pages, a multiple of 16");
        }

        TotalPages = totalPages;
        PageTablePages = (totalPages + PddbLayout.EntriesPerPageTablePage - 1) / PddbLayout.EntriesPerPageTablePage;
    }

    /// <summary>Pages in the region.</summary>
    public int TotalPages { get; }

    /// <summary>Pages of the page table (16 bytes per page of the region, rounded up).</summary>
    public int PageTablePages { get; }

    /// <summary>The static crypto data page.</summary>
    public int StaticCryptoDataPage => PageTablePages;

    /// <summary>First make-before-break page.</summary>
    public int MakeBeforeBreakFirstPage => PageTablePages + 1;

    /// <summary>First free-space cache page.</summary>
    public int FreeSpaceCacheFirstPage => MakeBeforeBreakFirstPage + PddbLayout.MakeBeforeBreakPages;

    /// <summary>First data page; data page n (0-based) is page <c>DataFirstPage + n</c> and has page-table entry n.</summary>
    public int DataFirstPage => FreeSpaceCacheFirstPage + PddbLayout.FreeSpaceCachePages;

    /// <summary>Number of data pages (page-table entries past this count are unused).</summary>
    public int DataPageCount => TotalPages - DataFirstPage;

    /// <summary>Bytes in the region.</summary>
    public long TotalBytes => (long)TotalPages * PddbLayout.PageSize;

    /// <summary>The region page holding data page <paramref name="dataPage"/>.</summary>
    public int PageOfData(int dataPage) => DataFirstPage + dataPage;

    /// <summary>The page-table page holding entry <paramref name="dataPage"/>.</summary>
    public static int PageTablePageOf(int dataPage) => dataPage / PddbLayout.EntriesPerPageTablePage;

    /// <summary>Byte offset of page-table entry <paramref name="dataPage"/> from the start of the region.</summary>
    public static long PageTableEntryOffset(int dataPage) => (long)dataPage * PddbLayout.PageTableEntrySize;
}

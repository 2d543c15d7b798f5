using System;
using Xous.Hal;
using Xous.Pddb.Format;
using Xous.Pddb.Storage;

namespace Xous.Pddb.Engine;

/// <summary>What every open basis of one mounted PDDB shares: the flash, its areas, randomness and counters.</summary>
internal sealed class PddbContext
{
    public PddbContext(IFlashPages flash, PddbGeometry geometry, PddbRandom random, ulong deviceDna, PddbOptions options)
    {
        Flash = flash;
        Geometry = geometry;
        Random = random;
        DeviceDna = deviceDna;
        Options = options;
        PageTable = new PageTableStore(flash, geometry, random);
    }

    public IFlashPages Flash { get; }

    public PddbGeometry Geometry { get; }

    public PddbRandom Random { get; }

    public ulong DeviceDna { get; }

    public PddbOptions Options { get; }

    public PageTableStore PageTable { get; }

    /// <summary>The free-space cache, once the system keys are known.</summary>
    public FreeSpaceCache? Space { get; set; }

    public FreeSpaceCache RequireSpace => Space ?? throw new InvalidOperationException("the free-space cache is not loaded");

    public PddbCounters Counters { get; } = new();

    /// <summary>Reads the whole page table (raw, encrypted entries) for a scan.</summary>
    public byte[] ReadPageTable()
    {
        byte[] entries = new byte[Geometry.DataPageCount * PddbLayout.PageTableEntrySize];
        PageTable.ReadEntries(0, entries);
        return entries;
    }

    /// <summary>Erases data page <paramref name="dataPage"/> and programs <paramref name="page"/> (4096 bytes) into it.</summary>
    public void WriteDataPage(int dataPage, ReadOnlySpan<byte> page)
    {
        Flash.EraseAndProgramSector(Geometry.PageOfData(dataPage), page);
        Counters.DataPagesWritten++;
    }

    /// <summary>Reads data page <paramref name="dataPage"/> (4096 bytes).</summary>
    public void ReadDataPage(int dataPage, Span<byte> page)
    {
        Flash.Read((long)Geometry.PageOfData(dataPage) * PddbLayout.PageSize, page);
        Counters.DataPagesRead++;
    }
}

/// <summary>Operation counters of a mounted PDDB (house rule 10).</summary>
public sealed class PddbCounters
{
    /// <summary>Data pages written (sealed and programmed).</summary>
    public long DataPagesWritten { get; set; }

    /// <summary>Data pages read from flash.</summary>
    public long DataPagesRead { get; set; }

    /// <summary>Syncs that wrote something.</summary>
    public long Syncs { get; set; }

    /// <summary>Free-space cache refills.</summary>
    public long Refills { get; set; }

    /// <summary>Page-table entries retired (overwritten with noise).</summary>
    public long EntriesRetired { get; set; }

    /// <summary>Value bytes written by callers.</summary>
    public long ValueBytesWritten { get; set; }

    /// <summary>Page-table entries that decrypted under a basis key but were not usable (stale, from an interrupted sync, duplicates).</summary>
    public long GarbageFound { get; set; }
}

using System.Collections.Generic;
using Xous.Pddb.Engine;

namespace Xous.Pddb;

/// <summary>What a mounted PDDB holds, for <c>stat</c> and the service's statistics.</summary>
public readonly struct PddbBasisStatistics
{
    /// <summary>Creates the record.</summary>
    public PddbBasisStatistics(string name, int dictionaries, int keys, int mappedPages, uint generation, int garbageEntries)
    {
        Name = name;
        Dictionaries = dictionaries;
        Keys = keys;
        MappedPages = mappedPages;
        Generation = generation;
        GarbageEntries = garbageEntries;
    }

    /// <summary>Basis name.</summary>
    public string Name { get; }

    /// <summary>Dictionaries in the basis.</summary>
    public int Dictionaries { get; }

    /// <summary>Keys in all its dictionaries.</summary>
    public int Keys { get; }

    /// <summary>Data pages it maps.</summary>
    public int MappedPages { get; }

    /// <summary>Committed generation (number of syncs).</summary>
    public uint Generation { get; }

    /// <summary>Page-table entries to retire at the next sync (after a power cut).</summary>
    public int GarbageEntries { get; }
}

/// <summary>Checking and statistics.</summary>
public sealed partial class PddbEngine
{
    /// <summary>Statistics of every open basis, oldest first.</summary>
    public void GetStatistics(List<PddbBasisStatistics> bases)
    {
        foreach (OpenBasis basis in _open)
        {
            int keys = 0;
            foreach (KeyValuePair<string, DictionaryState> dictionary in basis.Dictionaries)
            {
                keys += dictionary.Value.Keys.Count;
            }

            bases.Add(new PddbBasisStatistics(basis.Name, basis.Dictionaries.Count, keys, basis.MappedPages, basis.Generation, basis.GarbageEntries));
        }
    }

    /// <summary>
    /// Verifies every page-table entry and data page of every open basis (each mapped page must authenticate and carry
    /// its entry's generation), the structures (headers, counts, pool layout), and that the free-space cache offers no
    /// page an open basis uses. Adds one line per problem; none means clean. Garbage left by a power cut is not a
    /// problem (the next sync retires it); see <see cref="PddbBasisStatistics.GarbageEntries"/>.
    /// </summary>
    public void Check(List<string> problems)
    {
        var used = new HashSet<int>();
        foreach (OpenBasis basis in _open)
        {
            basis.Verify(problems, used);
        }

        foreach (int dataPage in used)
        {
            if (_context.RequireSpace.IsFree(dataPage))
            {
                problems.Add("free-space cache offers data page " + dataPage.ToString() + ", which an open basis maps");
            }
        }

        if (_context.RequireSpace.FreeCount > FreeSpaceCacheLimit())
        {
            problems.Add("free-space cache holds more pages than the data area has");
        }
    }

    // Not FreeSpaceCache.Capacity: released pages may take the in-RAM free set past it until the next compaction
    // (documented on FreeSpaceCache.Release), e.g. right after a mount replays a log of releases.
    private int FreeSpaceCacheLimit() => _context.Geometry.DataPageCount;
}

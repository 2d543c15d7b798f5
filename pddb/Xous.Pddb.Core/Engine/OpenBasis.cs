using System;
using System.Collections.Generic;
using Xous.Crypto;
using Xous.Pddb.Format;

namespace Xous.Pddb.Engine;

/// <summary>Where a virtual page of a basis lives: its data page and the generation that wrote it (the PTE nonce).</summary>
internal readonly struct PageLocation
{
    public PageLocation(int dataPage, uint generation)
    {
        DataPage = dataPage;
        Generation = generation;
    }

    public int DataPage { get; }

    public uint Generation { get; }
}

/// <summary>
/// An unlocked basis: its keys, the map from virtual to data pages, its dictionaries and keys, and what the next sync
/// must write. Commit protocol (docs/pddb-format.md "Sync"): every page a sync writes carries the basis generation
/// G = committed + 1 as its journal and PTE nonce; the root page is mapped last, and mapping it commits G; entries of
/// generations above the committed one are garbage from an interrupted sync.
/// </summary>
internal sealed partial class OpenBasis : IDisposable
{
    private readonly PddbContext _context;
    private readonly byte[] _dataKey = new byte[32];
    private readonly Aes _pageTableCipher;
    private readonly byte[] _associatedData;
    private readonly Dictionary<ulong, PageLocation> _map = new();
    private readonly List<int> _garbage = new();
    private readonly Dictionary<string, DictionaryState> _dictionaries = new();
    private readonly Dictionary<int, DictionaryState> _dictionariesByIndex = new();
    private readonly HashSet<ulong> _unmap = new();
    private readonly Dictionary<ulong, byte[]> _pendingPages = new();
    private ulong _nextLargeWindow;
    private bool _rootDirty;
    private bool _disposed;

    private OpenBasis(PddbContext context, string name, byte[] nameUtf8, ReadOnlySpan<byte> pageTableKey, ReadOnlySpan<byte> dataKey)
    {
        _context = context;
        Name = name;
        NameUtf8 = nameUtf8;
        dataKey.CopyTo(_dataKey);
        _pageTableCipher = new Aes(pageTableKey);
        _associatedData = new byte[AssociatedData.MaxLength];
        int length = AssociatedData.Write(nameUtf8, context.DeviceDna, _associatedData);
        Array.Resize(ref _associatedData, length);
    }

    public string Name { get; }

    public byte[] NameUtf8 { get; }

    /// <summary>The committed generation (the root page's journal).</summary>
    public uint Generation { get; private set; }

    /// <summary>True when the next sync has something to write.</summary>
    public bool IsDirty => _rootDirty || _pendingPages.Count > 0 || _unmap.Count > 0 || HasDirtyDictionaries();

    /// <summary>Data pages this basis maps (its used space).</summary>
    public int MappedPages => _map.Count;

    /// <summary>Garbage entries waiting to be retired at the next sync.</summary>
    public int GarbageEntries => _garbage.Count;

    public IReadOnlyDictionary<string, DictionaryState> Dictionaries => _dictionaries;

    /// <summary>Problems found while loading (damaged pages); empty on a healthy basis.</summary>
    public List<string> LoadProblems { get; } = new();

    /// <summary>Creates a new, empty basis in memory; the first sync writes its root.</summary>
    public static OpenBasis CreateEmpty(PddbContext context, string name, byte[] nameUtf8, ReadOnlySpan<byte> pageTableKey, ReadOnlySpan<byte> dataKey)
    {
        var basis = new OpenBasis(context, name, nameUtf8, pageTableKey, dataKey);
        basis._rootDirty = true;
        return basis;
    }

    /// <summary>
    /// Scans the page table with the basis keys and loads the root, dictionaries and key descriptors. Returns null when no
    /// root decrypts (no such basis, or a wrong password — the same answer).
    /// </summary>
    public static OpenBasis? TryLoad(PddbContext context, string name, byte[] nameUtf8, ReadOnlySpan<byte> pageTableKey, ReadOnlySpan<byte> dataKey, byte[] rawPageTable)
    {
        var basis = new OpenBasis(context, name, nameUtf8, pageTableKey, dataKey);
        if (!basis.Load(rawPageTable))
        {
            basis.Dispose();
            return null;
        }

        return basis;
    }

    /// <summary>Adds every data page this basis maps (garbage included) to <paramref name="used"/>.</summary>
    public void CollectUsedPages(HashSet<int> used)
    {
        foreach (KeyValuePair<ulong, PageLocation> entry in _map)
        {
            used.Add(entry.Value.DataPage);
        }

        foreach (int page in _garbage)
        {
            used.Add(page);
        }
    }

    /// <summary>Calls <paramref name="visit"/> for every data page the basis maps (garbage included).</summary>
    public void ForEachMappedPage(Action<int> visit)
    {
        foreach (KeyValuePair<ulong, PageLocation> entry in _map)
        {
            visit(entry.Value.DataPage);
        }

        foreach (int page in _garbage)
        {
            visit(page);
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            CryptographicClear(_dataKey);
            _pageTableCipher.Dispose();
            foreach (KeyValuePair<ulong, byte[]> page in _pendingPages)
            {
                CryptographicClear(page.Value);
            }

            foreach (KeyValuePair<string, DictionaryState> dictionary in _dictionaries)
            {
                foreach (KeyValuePair<string, KeyState> key in dictionary.Value.Keys)
                {
                    if (key.Value.Value is byte[] value)
                    {
                        CryptographicClear(value);
                    }
                }
            }
        }
    }

    private static void CryptographicClear(byte[] data) => data.AsSpan().Clear();

    private bool HasDirtyDictionaries()
    {
        foreach (KeyValuePair<string, DictionaryState> entry in _dictionaries)
        {
            DictionaryState dictionary = entry.Value;
            if (dictionary.DirtyDescriptorPages.Count > 0 || dictionary.DirtyPoolPages.Count > 0 || dictionary.EmptiedPoolPages.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool Load(byte[] rawPageTable)
    {
        // 1. Trial-decrypt every entry (bulk AES), keep those whose checksum matches.
        int count = rawPageTable.Length / PddbLayout.PageTableEntrySize;
        byte[] plain = new byte[rawPageTable.Length];
        _pageTableCipher.DecryptBlocks(rawPageTable, plain);
        var found = new List<(int Slot, ulong Page, uint Generation)>();
        var roots = new List<(int Slot, uint Generation)>();
        for (int slot = 0; slot < count; slot++)
        {
            if (PageTableEntry.TryReadPlain(plain.AsSpan(slot * PddbLayout.PageTableEntrySize, PddbLayout.PageTableEntrySize), out PageTableEntry entry))
            {
                if (entry.VirtualPage == VirtualLayout.RootPage)
                {
                    roots.Add((slot, entry.Nonce));
                }
                else
                {
                    found.Add((slot, entry.VirtualPage, entry.Nonce));
                }
            }
        }

        plain.AsSpan().Clear();

        // 2. The committed root: the newest candidate that opens with a journal equal to its entry's generation.
        roots.Sort(static (a, b) => b.Generation.CompareTo(a.Generation));
        byte[] rootData = new byte[CommittedPage.DataSize];
        int rootSlot = -1;
        foreach ((int slot, uint generation) in roots)
        {
            if (rootSlot < 0 && ReadCommittedRoot(slot, generation, rootData))
            {
                rootSlot = slot;
                Generation = generation;
            }
            else
            {
                _garbage.Add(slot);
            }
        }

        if (rootSlot < 0 || !BasisRoot.TryRead(rootData, out BasisRoot root))
        {
            return false;
        }

        _map[VirtualLayout.RootPage] = new PageLocation(rootSlot, Generation);

        // 3. Every other entry: newer than the commit → garbage; else the newest per page wins.
        foreach ((int slot, ulong page, uint generation) in found)
        {
            if (generation > Generation)
            {
                _garbage.Add(slot);
            }
            else if (_map.TryGetValue(page, out PageLocation existing))
            {
                if (generation > existing.Generation)
                {
                    _garbage.Add(existing.DataPage);
                    _map[page] = new PageLocation(slot, generation);
                }
                else
                {
                    _garbage.Add(slot);
                }
            }
            else
            {
                _map[page] = new PageLocation(slot, generation);
            }
        }

        LoadStructures(root);
        _context.Counters.GarbageFound += _garbage.Count;
        return true;
    }

    private bool ReadCommittedRoot(int dataPage, uint generation, Span<byte> rootData)
    {
        byte[] page = new byte[PddbLayout.PageSize];
        _context.ReadDataPage(dataPage, page);
        return CommittedPage.TryOpen(_dataKey, page, _associatedData, out uint journal, rootData) && journal == generation;
    }

    /// <summary>Reads and decrypts a mapped page; false (with a load problem noted) when it does not open.</summary>
    private bool ReadMappedPage(ulong virtualPage, Span<byte> content)
    {
        if (_pendingPages.TryGetValue(virtualPage, out byte[]? pending))
        {
            pending.CopyTo(content);
            return true;
        }

        if (!_map.TryGetValue(virtualPage, out PageLocation location))
        {
            content.Clear();
            return false;
        }

        byte[] page = new byte[PddbLayout.PageSize];
        _context.ReadDataPage(location.DataPage, page);
        if (DataPage.TryOpen(_dataKey, page, _associatedData, out uint journal, content) && journal == location.Generation)
        {
            return true;
        }

        LoadProblems.Add("basis " + Name + ": virtual page 0x" + virtualPage.ToString("X") + " in data page "
            + location.DataPage.ToString() + " does not decrypt (or its journal disagrees with its page-table entry)");
        content.Clear();
        return false;
    }

    private void LoadStructures(BasisRoot root)
    {
        // Bucket the mapped pages by area.
        var headerPages = new List<int>();
        var descriptorPages = new Dictionary<int, List<int>>();
        var poolPages = new Dictionary<int, List<int>>();
        var largePages = new List<ulong>();
        var outside = new List<ulong>();
        foreach (KeyValuePair<ulong, PageLocation> entry in _map)
        {
            switch (VirtualLayout.AreaOf(entry.Key, out int dictionary, out int pageInArea))
            {
                case 0:
                    break;
                case 1:
                    if (pageInArea == 0)
                    {
                        headerPages.Add(dictionary);
                    }
                    else
                    {
                        ListOf(descriptorPages, dictionary).Add(pageInArea);
                    }

                    break;
                case 2:
                    ListOf(poolPages, dictionary).Add(pageInArea);
                    break;
                case 3:
                    largePages.Add(entry.Key);
                    break;
                default:
                    outside.Add(entry.Key);
                    break;
            }
        }

        foreach (ulong page in outside)
        {
            Unreachable(page);
        }

        byte[] content = new byte[PddbLayout.VirtualPageSize];
        foreach (int index in headerPages)
        {
            ulong firstPage = VirtualLayout.DictionaryFirstPage(index);
            if (!ReadMappedPage(firstPage, content)
                || !DictionaryHeader.TryRead(content.AsSpan(0, DictionaryHeader.Size), out DictionaryHeader header)
                || (header.Flags & DictionaryHeader.FlagValid) == 0
                || _map[firstPage].Generation < header.Age
                || !PddbNames.IsValidUtf8(header.Name))
            {
                Unreachable(firstPage);
                continue;
            }

            string name = PddbNames.Decode(header.Name);
            if (_dictionaries.ContainsKey(name))
            {
                LoadProblems.Add("basis " + Name + ": dictionary name '" + name + "' appears twice");
                Unreachable(firstPage);
                continue;
            }

            var dictionary = new DictionaryState(name, header.Name, index, header.Age);
            _dictionaries[name] = dictionary;
            _dictionariesByIndex[index] = dictionary;
            LoadDescriptors(dictionary, 0, content);
            if (descriptorPages.TryGetValue(index, out List<int>? pages))
            {
                foreach (int pageInArea in pages)
                {
                    ulong page = firstPage + (ulong)pageInArea;
                    if (_map[page].Generation < dictionary.Age || !ReadMappedPage(page, content))
                    {
                        Unreachable(page);
                        continue;
                    }

                    LoadDescriptors(dictionary, pageInArea, content);
                }
            }

            if (dictionary.Keys.Count != header.KeyCount)
            {
                LoadProblems.Add("basis " + Name + ": dictionary '" + name + "' header counts " + header.KeyCount.ToString()
                    + " keys, descriptors hold " + dictionary.Keys.Count.ToString());
            }
        }

        // Descriptor pages of dictionaries that are not valid, and pool pages nobody references, are unreachable.
        foreach (KeyValuePair<int, List<int>> entry in descriptorPages)
        {
            if (!_dictionariesByIndex.ContainsKey(entry.Key))
            {
                foreach (int pageInArea in entry.Value)
                {
                    Unreachable(VirtualLayout.DictionaryFirstPage(entry.Key) + (ulong)pageInArea);
                }
            }
        }

        foreach (KeyValuePair<int, List<int>> entry in poolPages)
        {
            _dictionariesByIndex.TryGetValue(entry.Key, out DictionaryState? dictionary);
            foreach (int pageInArea in entry.Value)
            {
                ulong page = VirtualLayout.PoolFirstPage(entry.Key) + (ulong)pageInArea;
                if (dictionary is null || !dictionary.PoolPages.ContainsKey(pageInArea) || _map[page].Generation < dictionary.Age)
                {
                    Unreachable(page);
                }
            }
        }

        // Large pages: inside the window of a live key and not older than the key's storage.
        var windows = new Dictionary<ulong, KeyState>();
        foreach (KeyValuePair<string, DictionaryState> dictionary in _dictionaries)
        {
            foreach (KeyValuePair<string, KeyState> key in dictionary.Value.Keys)
            {
                if (key.Value.IsLarge)
                {
                    ulong window = VirtualLayout.LargeWindowOf(key.Value.FirstPage);
                    windows[window] = key.Value;
                    if (window + 1 > _nextLargeWindow)
                    {
                        _nextLargeWindow = window + 1;
                    }
                }
            }
        }

        foreach (ulong page in largePages)
        {
            if (!windows.TryGetValue(VirtualLayout.LargeWindowOf(page), out KeyState? key)
                || page < key.FirstPage
                || page >= key.FirstPage + (ulong)PagesFor(key.Reserved)
                || _map[page].Generation < key.Age)
            {
                Unreachable(page);
            }
        }

        if (root.DictionaryCount != (uint)_dictionaries.Count)
        {
            LoadProblems.Add("basis " + Name + ": root counts " + root.DictionaryCount.ToString() + " dictionaries, "
                + _dictionaries.Count.ToString() + " found");
        }
    }

    private void LoadDescriptors(DictionaryState dictionary, int pageInArea, byte[] content)
    {
        for (int i = 0; i < VirtualLayout.SlotsPerPage; i++)
        {
            int slot = (pageInArea * VirtualLayout.SlotsPerPage) + i;
            if (slot == 0)
            {
                continue;
            }

            ReadOnlySpan<byte> bytes = content.AsSpan(i * VirtualLayout.SlotSize, VirtualLayout.SlotSize);
            if (!KeyDescriptor.TryRead(bytes, out KeyDescriptor descriptor) || (descriptor.Flags & KeyDescriptor.FlagValid) == 0)
            {
                continue;
            }

            string name = PddbNames.Decode(descriptor.Name);
            if (dictionary.Keys.ContainsKey(name) || !DescriptorFits(dictionary, descriptor))
            {
                LoadProblems.Add("basis " + Name + ": dictionary '" + dictionary.Name + "' slot " + slot.ToString()
                    + " holds a duplicate or out-of-bounds key descriptor");
                continue;
            }

            var key = new KeyState(name, descriptor.Name, slot)
            {
                Start = descriptor.Start,
                Length = (long)descriptor.Length,
                Reserved = (long)descriptor.Reserved,
                Age = descriptor.Age,
            };
            dictionary.AddKey(key);
        }
    }

    private static bool DescriptorFits(DictionaryState dictionary, KeyDescriptor descriptor)
    {
        if (descriptor.Length > descriptor.Reserved || descriptor.Reserved > (ulong)VirtualLayout.MaxValueLength)
        {
            return false;
        }

        ulong page = descriptor.Start / PddbLayout.VirtualPageSize;
        if (page >= VirtualLayout.LargePoolFirstPage)
        {
            return descriptor.Start % PddbLayout.VirtualPageSize == 0;
        }

        ulong poolFirst = VirtualLayout.PoolFirstPage(dictionary.Index);
        ulong offset = descriptor.Start % PddbLayout.VirtualPageSize;
        return page >= poolFirst && page < poolFirst + VirtualLayout.PagesPerDictionary
            && offset + descriptor.Reserved <= PddbLayout.VirtualPageSize;
    }

    private void Unreachable(ulong page)
    {
        if (_map.Remove(page, out PageLocation location))
        {
            _garbage.Add(location.DataPage);
        }
    }

    private static List<int> ListOf(Dictionary<int, List<int>> buckets, int key)
    {
        if (!buckets.TryGetValue(key, out List<int>? list))
        {
            list = new List<int>();
            buckets[key] = list;
        }

        return list;
    }

    private static long PagesFor(long bytes) => (bytes + PddbLayout.VirtualPageSize - 1) / PddbLayout.VirtualPageSize;
}

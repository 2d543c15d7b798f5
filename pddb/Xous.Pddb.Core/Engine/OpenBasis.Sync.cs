using System;
using System.Collections.Generic;
using Xous.Pddb.Format;
using Xous.Pddb.Storage;

namespace Xous.Pddb.Engine;

/// <summary>Reserves free data pages for a sync (the engine refills the free-space cache when it must).</summary>
internal interface ISpaceReservation
{
    /// <summary>
    /// Makes sure <paramref name="pages"/> free pages can be allocated. A sync that grows the used space must also leave
    /// <see cref="PddbEngine.ShrinkReservePages"/> pages free; one that does not grow it (<paramref name="shrinking"/>)
    /// may use them, so that deleting is always possible on a full flash (make before break needs new pages first).
    /// </summary>
    PddbStatus Reserve(int pages, bool shrinking);
}

/// <summary>
/// The sync of one basis. Order (each step survives a power cut; docs/pddb-format.md "Sync"):
/// 0. retire garbage entries (interrupted syncs, stale and unreachable pages): nothing committed references them;
/// 1. write every changed virtual page to a fresh data page, journal = G = committed generation + 1;
/// 2. map them (page-table entries with nonce G), except the root;
/// 3. map the root: this commits G;
/// 4. retire the entries the commit superseded or unmapped, and give their pages back to the free-space cache.
/// </summary>
internal sealed partial class OpenBasis
{
    /// <summary>Writes everything pending. <see cref="PddbStatus.NoSpace"/> (nothing written) when the flash is full.</summary>
    public PddbStatus Sync(ISpaceReservation space, bool force = false)
    {
        if (!force && !IsDirty && _garbage.Count == 0 && _deletedDictionaryIndexes.Count == 0)
        {
            return PddbStatus.Ok;
        }

        uint generation = Generation + 1;
        var writes = new List<(ulong Page, byte[] Content)>();
        var unmapAfter = new HashSet<ulong>(_unmap);
        var deletedHeaders = new List<ulong>();
        RenderDictionaries(writes, unmapAfter, deletedHeaders);
        foreach (KeyValuePair<ulong, byte[]> pending in _pendingPages)
        {
            writes.Add((pending.Key, pending.Value));
        }

        PddbStatus status = space.Reserve(writes.Count + 1, writes.Count + 1 <= CountRetiredByCommit(writes, unmapAfter, deletedHeaders));
        if (status != PddbStatus.Ok)
        {
            foreach ((ulong page, byte[] content) in writes)
            {
                if (!_pendingPages.ContainsKey(page))
                {
                    content.AsSpan().Clear();
                }
            }

            return status;
        }

        FreeSpaceCache freeSpace = _context.RequireSpace;

        // 0. Garbage first, so generation G is never found twice for one page.
        if (_garbage.Count > 0)
        {
            Retire(_garbage);
            _garbage.Clear();
        }

        // 1. Data pages.
        byte[] sealedPage = new byte[PddbLayout.PageSize];
        byte[] nonce = new byte[PddbLayout.NonceSize];
        var newLocations = new List<(ulong Page, int DataPage)>(writes.Count + 1);
        foreach ((ulong page, byte[] content) in writes)
        {
            int dataPage = Allocate(freeSpace);
            _context.Random.Fill(nonce);
            DataPage.Seal(_dataKey, nonce, generation, content, _associatedData, sealedPage);
            _context.WriteDataPage(dataPage, sealedPage);
            newLocations.Add((page, dataPage));
        }

        int rootDataPage = Allocate(freeSpace);
        WriteRoot(rootDataPage, generation, sealedPage);

        // 2. Map everything but the root; 3. map the root (the commit).
        var entries = new List<PageTableWrite>(newLocations.Count);
        foreach ((ulong page, int dataPage) in newLocations)
        {
            entries.Add(new PageTableWrite(dataPage, EncryptEntry(page, generation)));
        }

        if (entries.Count > 0)
        {
            _context.PageTable.Apply(entries);
        }

        _context.PageTable.Apply(new[] { new PageTableWrite(rootDataPage, EncryptEntry(VirtualLayout.RootPage, generation)) });
        Generation = generation;

        // 4. Retire what the commit superseded or unmapped.
        var retire = new List<int>();
        newLocations.Add((VirtualLayout.RootPage, rootDataPage));
        foreach ((ulong page, int dataPage) in newLocations)
        {
            if (_map.TryGetValue(page, out PageLocation old))
            {
                retire.Add(old.DataPage);
            }

            _map[page] = new PageLocation(dataPage, generation);
            unmapAfter.Remove(page);
        }

        foreach (ulong page in unmapAfter)
        {
            if (_map.Remove(page, out PageLocation old))
            {
                retire.Add(old.DataPage);
            }
        }

        // The invalid headers of deleted dictionaries go last, after the valid headers they superseded: a cut in
        // between leaves an invalid header, never an old valid one alone.
        var retireLast = new List<int>();
        foreach (ulong page in deletedHeaders)
        {
            if (_map.Remove(page, out PageLocation header))
            {
                retireLast.Add(header.DataPage);
            }
        }

        Retire(retire);
        Retire(retireLast);

        // Fold the free-space log at the end of every sync: its records (under the .System keys) would show whoever
        // has the PIN which pages a secret basis took or gave back, and a log that survives only some syncs would
        // itself be a tell. Costs one two-page record write and the erase of the old record and log pages.
        if (freeSpace.HasLog)
        {
            freeSpace.Compact();
        }

        ClearPending();
        _context.Counters.Syncs++;
        return PddbStatus.Ok;
    }

    /// <summary>Mapped pages a commit of <paramref name="writes"/> gives back (superseded, unmapped, deleted headers).</summary>
    private int CountRetiredByCommit(List<(ulong Page, byte[] Content)> writes, HashSet<ulong> unmapAfter, List<ulong> deletedHeaders)
    {
        var retired = new HashSet<ulong> { VirtualLayout.RootPage };
        foreach ((ulong page, _) in writes)
        {
            if (_map.ContainsKey(page))
            {
                retired.Add(page);
            }
        }

        foreach (ulong page in unmapAfter)
        {
            if (_map.ContainsKey(page))
            {
                retired.Add(page);
            }
        }

        // A deleted header is written (invalid) and then unmapped: its new page comes back too.
        return retired.Count + deletedHeaders.Count;
    }

    /// <summary>
    /// Re-encrypts up to <paramref name="maxPages"/> mapped pages under fresh nonces (churn), starting after
    /// <paramref name="resumeAfter"/>; returns the last page rewritten, or <c>ulong.MaxValue</c> when done.
    /// </summary>
    public ulong QueueRewrite(ulong resumeAfter, int maxPages)
    {
        var pages = new List<ulong>();
        foreach (KeyValuePair<ulong, PageLocation> entry in _map)
        {
            if (entry.Key != VirtualLayout.RootPage && (resumeAfter == ulong.MaxValue || entry.Key > resumeAfter) && !_pendingPages.ContainsKey(entry.Key))
            {
                pages.Add(entry.Key);
            }
        }

        pages.Sort();
        int count = Math.Min(maxPages, pages.Count);
        for (int i = 0; i < count; i++)
        {
            byte[] content = new byte[PddbLayout.VirtualPageSize];
            if (ReadMappedPage(pages[i], content))
            {
                _pendingPages[pages[i]] = content;
            }
        }

        _rootDirty = true;
        return count == pages.Count ? ulong.MaxValue : pages[count - 1];
    }

    /// <summary>Retires every page of this basis (delete): the root first, so a cut leaves no half-deleted basis that mounts.</summary>
    public void RetireEverything()
    {
        if (_map.Remove(VirtualLayout.RootPage, out PageLocation root))
        {
            Retire(new List<int> { root.DataPage });
        }

        var rest = new List<int>(_garbage);
        foreach (KeyValuePair<ulong, PageLocation> entry in _map)
        {
            rest.Add(entry.Value.DataPage);
        }

        Retire(rest);
        _map.Clear();
        _garbage.Clear();
        ClearPending();
    }

    private int Allocate(FreeSpaceCache freeSpace)
    {
        if (!freeSpace.TryAllocate(out int dataPage))
        {
            throw new InvalidOperationException("the free-space cache ran dry after a successful reservation");
        }

        return dataPage;
    }

    private void WriteRoot(int dataPage, uint generation, byte[] sealedPage)
    {
        byte[] data = new byte[CommittedPage.DataSize];
        var root = new BasisRoot
        {
            Version = PddbLayout.PddbVersion,
            Age = generation,
            DictionaryCount = (uint)_dictionaries.Count,
            Name = NameUtf8,
        };
        root.Write(data);
        byte[] nonce = new byte[PddbLayout.NonceSize];
        byte[] commitmentNonce = new byte[CommittedPage.CommitmentNonceSize];
        _context.Random.Fill(nonce);
        _context.Random.Fill(commitmentNonce);
        CommittedPage.Seal(_dataKey, nonce, commitmentNonce, generation, data, _associatedData, sealedPage);
        _context.WriteDataPage(dataPage, sealedPage);
    }

    private byte[] EncryptEntry(ulong page, uint generation)
    {
        byte[] block = new byte[PddbLayout.PageTableEntrySize];
        new PageTableEntry(page, PageTableEntry.FlagClean, generation).Encrypt(_pageTableCipher, block);
        return block;
    }

    /// <summary>Overwrites the entries of <paramref name="dataPages"/> with noise, then frees the pages.</summary>
    private void Retire(List<int> dataPages)
    {
        if (dataPages.Count == 0)
        {
            return;
        }

        var entries = new List<PageTableWrite>(dataPages.Count);
        foreach (int dataPage in dataPages)
        {
            byte[] noise = new byte[PddbLayout.PageTableEntrySize];
            _context.Random.Fill(noise);
            entries.Add(new PageTableWrite(dataPage, noise));
        }

        _context.PageTable.Apply(entries);
        FreeSpaceCache freeSpace = _context.RequireSpace;
        foreach (int dataPage in dataPages)
        {
            freeSpace.Release(dataPage);
        }

        _context.Counters.EntriesRetired += dataPages.Count;
    }

    private void RenderDictionaries(List<(ulong Page, byte[] Content)> writes, HashSet<ulong> unmapAfter, List<ulong> deletedHeaders)
    {
        // Deleted dictionaries: an invalid header supersedes the old one at the commit; then every page goes.
        foreach (int index in _deletedDictionaryIndexes)
        {
            ulong first = VirtualLayout.DictionaryFirstPage(index);
            var header = new DictionaryHeader { Flags = 0, Name = Array.Empty<byte>() };
            byte[] content = new byte[PddbLayout.VirtualPageSize];
            header.Write(content);
            writes.Add((first, content));
            ulong poolFirst = VirtualLayout.PoolFirstPage(index);
            foreach (KeyValuePair<ulong, PageLocation> entry in _map)
            {
                ulong page = entry.Key;
                if ((page > first && page < first + VirtualLayout.PagesPerDictionary)
                    || (page >= poolFirst && page < poolFirst + VirtualLayout.PagesPerDictionary))
                {
                    unmapAfter.Add(page);
                }
            }

            deletedHeaders.Add(first);
        }

        foreach (KeyValuePair<string, DictionaryState> entry in _dictionaries)
        {
            DictionaryState dictionary = entry.Value;
            foreach (int pageInArea in dictionary.DirtyDescriptorPages)
            {
                writes.Add((VirtualLayout.DictionaryFirstPage(dictionary.Index) + (ulong)pageInArea, RenderDescriptorPage(dictionary, pageInArea)));
            }

            foreach (int pageInPool in dictionary.DirtyPoolPages)
            {
                byte[] content = new byte[PddbLayout.VirtualPageSize];
                dictionary.RenderPoolPage(pageInPool, content);
                writes.Add((VirtualLayout.PoolFirstPage(dictionary.Index) + (ulong)pageInPool, content));
            }

            foreach (int pageInPool in dictionary.EmptiedPoolPages)
            {
                unmapAfter.Add(VirtualLayout.PoolFirstPage(dictionary.Index) + (ulong)pageInPool);
            }
        }
    }

    private static byte[] RenderDescriptorPage(DictionaryState dictionary, int pageInArea)
    {
        byte[] content = new byte[PddbLayout.VirtualPageSize];
        for (int i = 0; i < VirtualLayout.SlotsPerPage; i++)
        {
            int slot = (pageInArea * VirtualLayout.SlotsPerPage) + i;
            Span<byte> bytes = content.AsSpan(i * VirtualLayout.SlotSize, VirtualLayout.SlotSize);
            if (slot == 0)
            {
                var header = new DictionaryHeader
                {
                    Flags = DictionaryHeader.FlagValid,
                    Age = dictionary.Age,
                    KeyCount = (uint)dictionary.Keys.Count,
                    FreeKeyIndex = (uint)dictionary.FirstFreeSlot,
                    Name = dictionary.NameUtf8,
                };
                header.Write(bytes);
            }
            else if (dictionary.BySlot.TryGetValue(slot, out KeyState? key))
            {
                var descriptor = new KeyDescriptor
                {
                    Start = key.Start,
                    Length = (ulong)key.Length,
                    Reserved = (ulong)key.Reserved,
                    Flags = KeyDescriptor.FlagValid,
                    Age = key.Age,
                    Name = key.NameUtf8,
                };
                descriptor.Write(bytes);
            }
        }

        return content;
    }

    private void ClearPending()
    {
        foreach (KeyValuePair<ulong, byte[]> pending in _pendingPages)
        {
            pending.Value.AsSpan().Clear();
        }

        _pendingPages.Clear();
        _unmap.Clear();
        _deletedDictionaryIndexes.Clear();
        _rootDirty = false;
        foreach (KeyValuePair<string, DictionaryState> entry in _dictionaries)
        {
            entry.Value.DirtyDescriptorPages.Clear();
            entry.Value.DirtyPoolPages.Clear();
            entry.Value.EmptiedPoolPages.Clear();
        }
    }
}

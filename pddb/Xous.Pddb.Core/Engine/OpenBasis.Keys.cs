using System;
using System.Collections.Generic;
using Xous.Pddb.Format;

namespace Xous.Pddb.Engine;

/// <summary>Dictionary and key operations on one open basis (in RAM until the next sync).</summary>
internal sealed partial class OpenBasis
{
    private readonly HashSet<int> _deletedDictionaryIndexes = new();
    private ulong _cachedPage = ulong.MaxValue;
    private readonly byte[] _cachedContent = new byte[PddbLayout.VirtualPageSize];

    public DictionaryState? FindDictionary(string name) => _dictionaries.TryGetValue(name, out DictionaryState? d) ? d : null;

    public PddbStatus CreateDictionary(string name, byte[] nameUtf8)
    {
        if (_dictionaries.ContainsKey(name))
        {
            return PddbStatus.AlreadyExists;
        }

        int index = 1;
        while (index <= VirtualLayout.MaxDictionaries && (_dictionariesByIndex.ContainsKey(index) || _deletedDictionaryIndexes.Contains(index)))
        {
            index++;
        }

        if (index > VirtualLayout.MaxDictionaries)
        {
            return PddbStatus.LimitReached;
        }

        var dictionary = new DictionaryState(name, nameUtf8, index, Generation + 1) { ValuesLoaded = true };
        dictionary.DirtyDescriptorPages.Add(0);
        _dictionaries[name] = dictionary;
        _dictionariesByIndex[index] = dictionary;
        _rootDirty = true;
        return PddbStatus.Ok;
    }

    public void DeleteDictionary(DictionaryState dictionary)
    {
        _dictionaries.Remove(dictionary.Name);
        _dictionariesByIndex.Remove(dictionary.Index);
        _deletedDictionaryIndexes.Add(dictionary.Index);
        foreach (KeyValuePair<string, KeyState> key in dictionary.Keys)
        {
            if (key.Value.IsLarge)
            {
                DropLargePages(key.Value, 0);
            }

            if (key.Value.Value is byte[] value)
            {
                value.AsSpan().Clear();
            }
        }

        _rootDirty = true;
    }

    /// <summary>Makes sure the small values of <paramref name="dictionary"/> are in RAM (reads its pool pages once).</summary>
    public void LoadValues(DictionaryState dictionary)
    {
        if (dictionary.ValuesLoaded)
        {
            return;
        }

        byte[] content = new byte[PddbLayout.VirtualPageSize];
        foreach (KeyValuePair<int, List<KeyState>> pool in dictionary.PoolPages)
        {
            ulong page = VirtualLayout.PoolFirstPage(dictionary.Index) + (ulong)pool.Key;
            bool ok = ReadMappedPage(page, content);
            foreach (KeyState key in pool.Value)
            {
                byte[] value = new byte[key.Length];
                if (ok)
                {
                    content.AsSpan(key.PoolOffset, (int)key.Length).CopyTo(value);
                }

                key.Value = value;
            }
        }

        content.AsSpan().Clear();
        foreach (KeyValuePair<string, KeyState> key in dictionary.Keys)
        {
            key.Value.Value ??= key.Value.IsLarge ? null : new byte[key.Value.Length];
        }

        dictionary.ValuesLoaded = true;
    }

    /// <summary>Replaces the whole value of <paramref name="keyName"/> (created when absent).</summary>
    public PddbStatus WriteKey(DictionaryState dictionary, string keyName, byte[] keyNameUtf8, ReadOnlySpan<byte> value)
    {
        LoadValues(dictionary);
        KeyState? key = FindOrCreateKey(dictionary, keyName, keyNameUtf8, out PddbStatus status);
        if (key is null)
        {
            return status;
        }

        return StoreValue(dictionary, key, value);
    }

    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/>, extending the value (zero-filled) if needed.</summary>
    public PddbStatus WriteKeyAt(DictionaryState dictionary, string keyName, byte[] keyNameUtf8, long offset, ReadOnlySpan<byte> data)
    {
        if (offset < 0 || offset + data.Length > VirtualLayout.MaxValueLength)
        {
            return PddbStatus.OutOfRange;
        }

        LoadValues(dictionary);
        KeyState? key = FindOrCreateKey(dictionary, keyName, keyNameUtf8, out PddbStatus status);
        if (key is null)
        {
            return status;
        }

        long newLength = Math.Max(key.Length, offset + data.Length);
        if (!key.IsLarge || key.Reserved == 0)
        {
            if (newLength < VirtualLayout.SmallValueLimit || key.Reserved == 0)
            {
                byte[] combined = new byte[newLength];
                if (key.Value is byte[] old)
                {
                    old.AsSpan(0, (int)key.Length).CopyTo(combined);
                }

                data.CopyTo(combined.AsSpan((int)offset));
                PddbStatus result = StoreValue(dictionary, key, combined);
                combined.AsSpan().Clear();
                return result;
            }

            // A small key grows into the large pool: move what it holds, then write the new bytes page by page.
            byte[] current = key.Value ?? Array.Empty<byte>();
            byte[] copy = current.AsSpan(0, (int)key.Length).ToArray();
            PddbStatus moved = StoreValue(dictionary, key, copy, forceLarge: true);
            copy.AsSpan().Clear();
            if (moved != PddbStatus.Ok)
            {
                return moved;
            }
        }

        WriteLargeRange(key, offset, data);
        if (newLength > key.Length)
        {
            key.Length = newLength;
            key.Reserved = PagesFor(newLength) * PddbLayout.VirtualPageSize;
        }

        dictionary.MarkSlotDirty(key.Slot);
        _context.Counters.ValueBytesWritten += data.Length;
        return PddbStatus.Ok;
    }

    /// <summary>Copies up to <paramref name="destination"/>.Length bytes of the value from <paramref name="offset"/>.</summary>
    public int ReadKey(DictionaryState dictionary, KeyState key, long offset, Span<byte> destination)
    {
        if (offset >= key.Length)
        {
            return 0;
        }

        int count = (int)Math.Min(destination.Length, key.Length - offset);
        if (!key.IsLarge)
        {
            LoadValues(dictionary);
            key.Value.AsSpan((int)offset, count).CopyTo(destination);
            return count;
        }

        int done = 0;
        while (done < count)
        {
            long position = offset + done;
            ulong page = key.FirstPage + (ulong)(position / PddbLayout.VirtualPageSize);
            int inPage = (int)(position % PddbLayout.VirtualPageSize);
            int chunk = Math.Min(count - done, PddbLayout.VirtualPageSize - inPage);
            LoadLargePage(key, page);
            _cachedContent.AsSpan(inPage, chunk).CopyTo(destination.Slice(done));
            done += chunk;
        }

        return count;
    }

    public void DeleteKey(DictionaryState dictionary, KeyState key)
    {
        LoadValues(dictionary);
        if (key.IsLarge)
        {
            DropLargePages(key, 0);
        }

        key.Value?.AsSpan().Clear();
        dictionary.RemoveKey(key);
    }

    /// <summary>Pending raw pages (large values and churn) held in RAM until the next sync.</summary>
    public int PendingPages => _pendingPages.Count;

    private KeyState? FindOrCreateKey(DictionaryState dictionary, string keyName, byte[] keyNameUtf8, out PddbStatus status)
    {
        status = PddbStatus.Ok;
        if (dictionary.Keys.TryGetValue(keyName, out KeyState? key))
        {
            return key;
        }

        int slot = dictionary.TakeSlot();
        if (slot == 0)
        {
            status = PddbStatus.LimitReached;
            return null;
        }

        key = new KeyState(keyName, keyNameUtf8, slot) { Value = Array.Empty<byte>(), Age = Generation + 1 };
        dictionary.AddKey(key);
        dictionary.MarkSlotDirty(slot);
        return key;
    }

    private PddbStatus StoreValue(DictionaryState dictionary, KeyState key, ReadOnlySpan<byte> value, bool forceLarge = false)
    {
        bool large = forceLarge || value.Length >= VirtualLayout.SmallValueLimit;
        if (!large)
        {
            int reserved = Math.Max(8, (value.Length + 7) & ~7);
            if (key.IsLarge || key.Reserved < value.Length || key.Reserved == 0)
            {
                ReleaseStorage(dictionary, key);
                if (!dictionary.PlaceInPool(key, reserved))
                {
                    return PddbStatus.NoSpace;
                }

                key.Age = Generation + 1;
            }
            else
            {
                dictionary.DirtyPoolPages.Add(key.PoolPage(dictionary.Index));
            }

            key.Value?.AsSpan().Clear();
            key.Value = value.ToArray();
            key.Length = value.Length;
        }
        else
        {
            if (!key.IsLarge || key.Reserved == 0)
            {
                ReleaseStorage(dictionary, key);
                key.Start = VirtualLayout.AddressOf(VirtualLayout.LargeWindowFirstPage(_nextLargeWindow++));
                key.Age = Generation + 1;
                key.Value = null;
            }
            else
            {
                DropLargePages(key, PagesFor(value.Length));

                // A kept page still waiting for the sync may hold the longer old value past the new end: zero it, so
                // bytes past a value's length are always zero (a later extension with a gap reads zeros there).
                int tail = value.Length % PddbLayout.VirtualPageSize;
                ulong lastPage = key.FirstPage + (ulong)(PagesFor(value.Length) - 1);
                if (tail != 0 && _pendingPages.TryGetValue(lastPage, out byte[]? pending))
                {
                    pending.AsSpan(tail).Clear();
                }
            }

            key.Length = 0;
            WriteLargeRange(key, 0, value);
            key.Length = value.Length;
            key.Reserved = PagesFor(value.Length) * PddbLayout.VirtualPageSize;
        }

        dictionary.MarkSlotDirty(key.Slot);
        _context.Counters.ValueBytesWritten += value.Length;
        return PddbStatus.Ok;
    }

    private void ReleaseStorage(DictionaryState dictionary, KeyState key)
    {
        if (key.Reserved == 0)
        {
            return;
        }

        if (key.IsLarge)
        {
            DropLargePages(key, 0);
        }
        else
        {
            dictionary.ReleasePoolSpace(key);
        }

        key.Reserved = 0;
        key.Start = 0;
    }

    /// <summary>Unmaps (at the next sync) the key's large pages from page index <paramref name="keepPages"/> on.</summary>
    private void DropLargePages(KeyState key, long keepPages)
    {
        long pages = PagesFor(key.Reserved);
        for (long i = keepPages; i < pages; i++)
        {
            ulong page = key.FirstPage + (ulong)i;
            if (_pendingPages.Remove(page, out byte[]? content))
            {
                content.AsSpan().Clear();
            }

            if (_map.ContainsKey(page))
            {
                _unmap.Add(page);
            }
        }

        _cachedPage = ulong.MaxValue;
    }

    private void WriteLargeRange(KeyState key, long offset, ReadOnlySpan<byte> data)
    {
        int done = 0;
        while (done < data.Length)
        {
            long position = offset + done;
            ulong page = key.FirstPage + (ulong)(position / PddbLayout.VirtualPageSize);
            int inPage = (int)(position % PddbLayout.VirtualPageSize);
            int chunk = Math.Min(data.Length - done, PddbLayout.VirtualPageSize - inPage);
            if (!_pendingPages.TryGetValue(page, out byte[]? content))
            {
                content = new byte[PddbLayout.VirtualPageSize];
                bool whole = inPage == 0 && chunk == PddbLayout.VirtualPageSize;
                long pageStart = position - inPage;
                if (!whole && pageStart < key.Length)
                {
                    LoadLargePage(key, page);
                    _cachedContent.CopyTo(content);
                }

                _pendingPages[page] = content;
                _unmap.Remove(page);
            }

            data.Slice(done, chunk).CopyTo(content.AsSpan(inPage));
            done += chunk;
        }

        _cachedPage = ulong.MaxValue;
    }

    /// <summary>Puts large page <paramref name="page"/> of <paramref name="key"/> into the one-page cache (zeros when never written).</summary>
    private void LoadLargePage(KeyState key, ulong page)
    {
        if (_cachedPage == page)
        {
            return;
        }

        if (_pendingPages.TryGetValue(page, out byte[]? pending))
        {
            pending.AsSpan().CopyTo(_cachedContent);
        }
        // A page waiting in _unmap was dropped (the value shrank) but stays in _map until the sync: it reads as zeros,
        // like a page that was never written, or a later extension past a gap would show the dropped bytes.
        else if (_unmap.Contains(page) || !_map.TryGetValue(page, out PageLocation location) || location.Generation < key.Age || !ReadMappedPage(page, _cachedContent))
        {
            Array.Clear(_cachedContent);
        }

        _cachedPage = page;
    }
}

using System;
using System.Collections.Generic;
using Xous.Pddb.Format;

namespace Xous.Pddb.Engine;

/// <summary>A key of an open basis, as its descriptor says, plus the cached value of a small key.</summary>
internal sealed class KeyState
{
    public KeyState(string name, byte[] nameUtf8, int slot)
    {
        Name = name;
        NameUtf8 = nameUtf8;
        Slot = slot;
    }

    public string Name { get; }

    public byte[] NameUtf8 { get; }

    /// <summary>Descriptor slot (1..131071) in the dictionary area.</summary>
    public int Slot { get; }

    /// <summary>Start of the storage, a virtual address (descriptor <c>start</c>).</summary>
    public ulong Start { get; set; }

    /// <summary>Bytes of the value.</summary>
    public long Length { get; set; }

    /// <summary>Bytes allocated for it (descriptor <c>reserved</c>).</summary>
    public long Reserved { get; set; }

    /// <summary>Generation at which the storage was allocated; large-pool pages older than this are stale.</summary>
    public uint Age { get; set; }

    /// <summary>True when the storage is a large-pool window.</summary>
    public bool IsLarge => Start >= VirtualLayout.AddressOf(VirtualLayout.LargePoolFirstPage);

    /// <summary>Small keys: the value (Length bytes) once the dictionary's pool is loaded.</summary>
    public byte[]? Value { get; set; }

    /// <summary>Large keys: first virtual page of the window.</summary>
    public ulong FirstPage => Start / PddbLayout.VirtualPageSize;

    /// <summary>Small keys: pool page (within the dictionary's pool) and byte offset in it.</summary>
    public int PoolPage(int dictionary) => (int)((Start / PddbLayout.VirtualPageSize) - VirtualLayout.PoolFirstPage(dictionary));

    public int PoolOffset => (int)(Start % PddbLayout.VirtualPageSize);
}

/// <summary>A dictionary of an open basis: header, keys by name and by slot, and the small-data pool's occupancy.</summary>
internal sealed class DictionaryState
{
    private int _lowestFreeHint = 1;
    private readonly Dictionary<int, List<KeyState>> _poolPages = new();
    private readonly Dictionary<int, int> _poolReserved = new();
    private int _highestPoolPage = -1;

    public DictionaryState(string name, byte[] nameUtf8, int index, uint age)
    {
        Name = name;
        NameUtf8 = nameUtf8;
        Index = index;
        Age = age;
    }

    public string Name { get; }

    public byte[] NameUtf8 { get; }

    /// <summary>Dictionary area index, 1..16383.</summary>
    public int Index { get; }

    /// <summary>Generation at which the dictionary was created; its pages older than this are stale.</summary>
    public uint Age { get; }

    public Dictionary<string, KeyState> Keys { get; } = new();

    public Dictionary<int, KeyState> BySlot { get; } = new();

    /// <summary>Highest slot ever handed out (slots above it are all free).</summary>
    public int HighestSlot { get; private set; }

    /// <summary>True once the small values have been read from the pool pages (or the dictionary is new).</summary>
    public bool ValuesLoaded { get; set; }

    /// <summary>Descriptor-area pages (0..4095) to rewrite at the next sync (page 0 holds the header).</summary>
    public HashSet<int> DirtyDescriptorPages { get; } = new();

    /// <summary>Pool pages (0..4095) to rewrite at the next sync.</summary>
    public HashSet<int> DirtyPoolPages { get; } = new();

    /// <summary>Pool pages that hold no key any more and are to be unmapped at the next sync.</summary>
    public HashSet<int> EmptiedPoolPages { get; } = new();

    /// <summary>Pool pages known to hold keys.</summary>
    public IReadOnlyDictionary<int, List<KeyState>> PoolPages => _poolPages;

    /// <summary>The lowest free slot (descriptor header <c>free_key_index</c>).</summary>
    public int FirstFreeSlot
    {
        get
        {
            int slot = TakeSlot();
            return slot == 0 ? HighestSlot + 1 : slot;
        }
    }

    /// <summary>Records a key read from flash or just created in <paramref name="key"/>.Slot.</summary>
    public void AddKey(KeyState key)
    {
        Keys[key.Name] = key;
        BySlot[key.Slot] = key;
        if (key.Slot > HighestSlot)
        {
            HighestSlot = key.Slot;
        }

        if (!key.IsLarge && key.Reserved > 0)
        {
            AddToPool(key.PoolPage(Index), key);
        }
    }

    /// <summary>A free descriptor slot, or 0 when the dictionary is full.</summary>
    public int TakeSlot()
    {
        // Slots below the hint are all taken; walk up to the first gap (amortised: the hint only moves back on removal).
        int slot = _lowestFreeHint;
        while (slot <= HighestSlot && BySlot.ContainsKey(slot))
        {
            slot++;
        }

        _lowestFreeHint = slot;
        return slot <= VirtualLayout.MaxKeys ? slot : 0;
    }

    /// <summary>Forgets a key; its slot becomes free and its pool space is released.</summary>
    public void RemoveKey(KeyState key)
    {
        Keys.Remove(key.Name);
        BySlot.Remove(key.Slot);
        if (key.Slot < _lowestFreeHint)
        {
            _lowestFreeHint = key.Slot;
        }
        MarkSlotDirty(key.Slot);
        if (!key.IsLarge && key.Reserved > 0)
        {
            ReleasePoolSpace(key);
        }
    }

    /// <summary>Marks the descriptor page holding <paramref name="slot"/> (and the header page) for rewriting.</summary>
    public void MarkSlotDirty(int slot)
    {
        DirtyDescriptorPages.Add(slot / VirtualLayout.SlotsPerPage);
        DirtyDescriptorPages.Add(0);
    }

    /// <summary>Removes a small key from its pool page (the page is rewritten without it, or unmapped when empty).</summary>
    public void ReleasePoolSpace(KeyState key)
    {
        int page = key.PoolPage(Index);
        if (_poolPages.TryGetValue(page, out List<KeyState>? list) && list.Remove(key))
        {
            _poolReserved[page] -= (int)key.Reserved;
            if (list.Count == 0)
            {
                _poolPages.Remove(page);
                DirtyPoolPages.Remove(page);
                EmptiedPoolPages.Add(page);
            }
            else
            {
                DirtyPoolPages.Add(page);
            }
        }
    }

    /// <summary>
    /// Finds room for <paramref name="reserved"/> bytes (≤ 4064) in the pool, first fit, and places
    /// <paramref name="key"/> there (sets Start and Reserved). False when the pool is full.
    /// </summary>
    public bool PlaceInPool(KeyState key, int reserved)
    {
        // First fit. A page whose reserved bytes leave less than the size cannot fit it (checked without walking it),
        // so filling a dictionary costs one comparison per full page, not a walk of every key.
        int last = Math.Min(_highestPoolPage + 1, (int)VirtualLayout.PagesPerDictionary - 1);
        for (int page = 0; page <= last; page++)
        {
            if (_poolReserved.TryGetValue(page, out int used) && PddbLayout.VirtualPageSize - used < reserved)
            {
                continue;
            }

            int offset = FindGap(page, reserved);
            if (offset >= 0)
            {
                key.Start = VirtualLayout.AddressOf(VirtualLayout.PoolFirstPage(Index) + (ulong)page) + (ulong)offset;
                key.Reserved = reserved;
                AddToPool(page, key);
                EmptiedPoolPages.Remove(page);
                DirtyPoolPages.Add(page);
                return true;
            }
        }

        return false;
    }

    /// <summary>Assembles pool page <paramref name="page"/> from the values of its keys.</summary>
    public void RenderPoolPage(int page, Span<byte> content)
    {
        content.Clear();
        if (_poolPages.TryGetValue(page, out List<KeyState>? list))
        {
            foreach (KeyState key in list)
            {
                byte[] value = key.Value ?? throw new InvalidOperationException("pool page rendered before its values were loaded");
                value.AsSpan(0, (int)key.Length).CopyTo(content.Slice(key.PoolOffset));
            }
        }
    }

    /// <summary>Adds <paramref name="key"/> to pool page <paramref name="page"/>'s list, kept in offset order.</summary>
    private void AddToPool(int page, KeyState key)
    {
        if (!_poolPages.TryGetValue(page, out List<KeyState>? list))
        {
            list = new List<KeyState>();
            _poolPages[page] = list;
            _poolReserved[page] = 0;
        }

        int at = list.Count;
        while (at > 0 && list[at - 1].PoolOffset > key.PoolOffset)
        {
            at--;
        }

        list.Insert(at, key);
        _poolReserved[page] += (int)key.Reserved;
        if (page > _highestPoolPage)
        {
            _highestPoolPage = page;
        }
    }

    private int FindGap(int page, int size)
    {
        if (!_poolPages.TryGetValue(page, out List<KeyState>? list) || list.Count == 0)
        {
            return size <= PddbLayout.VirtualPageSize ? 0 : -1;
        }

        // The page's list is in offset order (AddToPool): walk the gaps.
        int cursor = 0;
        foreach (KeyState key in list)
        {
            if (key.PoolOffset - cursor >= size)
            {
                return cursor;
            }

            cursor = Math.Max(cursor, key.PoolOffset + (int)key.Reserved);
        }

        return PddbLayout.VirtualPageSize - cursor >= size ? cursor : -1;
    }
}

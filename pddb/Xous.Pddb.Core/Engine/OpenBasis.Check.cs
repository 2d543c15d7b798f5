using System;
using System.Collections.Generic;
using Xous.Pddb.Format;

namespace Xous.Pddb.Engine;

/// <summary>Consistency check of one open basis (the host tool's <c>check</c>).</summary>
internal sealed partial class OpenBasis
{
    /// <summary>Decrypts every mapped page and cross-checks the structures; adds one line per problem.</summary>
    public void Verify(List<string> problems, HashSet<int> usedByOthers)
    {
        problems.AddRange(LoadProblems);
        byte[] page = new byte[PddbLayout.PageSize];
        byte[] content = new byte[PddbLayout.VirtualPageSize];
        byte[] rootData = new byte[CommittedPage.DataSize];
        foreach (KeyValuePair<ulong, PageLocation> entry in _map)
        {
            if (!usedByOthers.Add(entry.Value.DataPage))
            {
                problems.Add("basis " + Name + ": data page " + entry.Value.DataPage.ToString() + " is mapped twice");
            }

            _context.ReadDataPage(entry.Value.DataPage, page);
            uint journal;
            bool opened = entry.Key == VirtualLayout.RootPage
                ? CommittedPage.TryOpen(_dataKey, page, _associatedData, out journal, rootData)
                : DataPage.TryOpen(_dataKey, page, _associatedData, out journal, content);
            if (!opened)
            {
                problems.Add("basis " + Name + ": virtual page 0x" + entry.Key.ToString("X") + " (data page "
                    + entry.Value.DataPage.ToString() + ") fails authentication");
            }
            else if (journal != entry.Value.Generation || journal > Generation)
            {
                problems.Add("basis " + Name + ": virtual page 0x" + entry.Key.ToString("X") + " has journal "
                    + journal.ToString() + ", its entry says generation " + entry.Value.Generation.ToString());
            }
        }

        content.AsSpan().Clear();
        foreach (KeyValuePair<string, DictionaryState> dictionary in _dictionaries)
        {
            DictionaryState state = dictionary.Value;
            if (!_map.ContainsKey(VirtualLayout.DictionaryFirstPage(state.Index)) && !state.DirtyDescriptorPages.Contains(0))
            {
                problems.Add("basis " + Name + ": dictionary '" + state.Name + "' has no header page");
            }

            foreach (KeyValuePair<int, List<KeyState>> pool in state.PoolPages)
            {
                ulong poolPage = VirtualLayout.PoolFirstPage(state.Index) + (ulong)pool.Key;
                if (!_map.ContainsKey(poolPage) && !state.DirtyPoolPages.Contains(pool.Key))
                {
                    problems.Add("basis " + Name + ": dictionary '" + state.Name + "' pool page " + pool.Key.ToString()
                        + " holding " + pool.Value.Count.ToString() + " keys is not mapped");
                }

                CheckOverlaps(state, pool.Value, problems);
            }
        }
    }

    private void CheckOverlaps(DictionaryState state, List<KeyState> keys, List<string> problems)
    {
        keys.Sort(static (a, b) => a.PoolOffset.CompareTo(b.PoolOffset));
        int end = 0;
        foreach (KeyState key in keys)
        {
            if (key.PoolOffset < end || key.Length > key.Reserved || key.PoolOffset + key.Reserved > PddbLayout.VirtualPageSize)
            {
                problems.Add("basis " + Name + ": dictionary '" + state.Name + "' key '" + key.Name + "' overlaps another key or its page");
            }

            end = Math.Max(end, key.PoolOffset + (int)key.Reserved);
        }
    }
}

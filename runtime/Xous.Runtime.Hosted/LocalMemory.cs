using Xous.Abi;

namespace Xous.Runtime.Hosted;

/// <summary>
/// The process's local copy of every range it has mapped or received: a sorted list of disjoint runs, each backed by
/// one array, adjacent runs merged. All members lock; a span handed out stays valid until the run it points into is
/// changed (mapped next to, unmapped).
/// </summary>
internal sealed class LocalMemory
{
    private readonly Lock _lock = new();
    private readonly List<Run> _runs = new();

    /// <summary>Mapped runs (after merging), for tests and diagnostics.</summary>
    public int RunCount
    {
        get
        {
            lock (_lock)
            {
                return _runs.Count;
            }
        }
    }

    /// <summary>The span of <paramref name="range"/>; false unless it lies wholly within one run.</summary>
    public bool TryGetSpan(MemoryRange range, out Span<byte> span)
    {
        lock (_lock)
        {
            int index = Find(range);
            if (index < 0)
            {
                span = default;
                return false;
            }

            Run run = _runs[index];
            span = run.Data.AsSpan((int)(range.Address - run.Start), (int)range.Size);
            return true;
        }
    }

    /// <summary>Copies the local bytes of <paramref name="range"/> into <paramref name="destination"/>, or zeros when it is not mapped.</summary>
    public void CopyOut(MemoryRange range, Span<byte> destination)
    {
        lock (_lock)
        {
            int index = Find(range);
            if (index < 0)
            {
                destination.Clear();
                return;
            }

            Run run = _runs[index];
            run.Data.AsSpan((int)(range.Address - run.Start), (int)range.Size).CopyTo(destination);
        }
    }

    /// <summary>Overwrites the local bytes of <paramref name="range"/> if it is mapped (a lend came back).</summary>
    public void CopyIn(MemoryRange range, ReadOnlySpan<byte> source)
    {
        lock (_lock)
        {
            int index = Find(range);
            if (index >= 0)
            {
                Run run = _runs[index];
                source.CopyTo(run.Data.AsSpan((int)(range.Address - run.Start), (int)range.Size));
            }
        }
    }

    /// <summary>
    /// Maps <paramref name="range"/>. With <paramref name="contents"/> (a received buffer) those bytes replace whatever
    /// was there; without, bytes already mapped are kept and new ones read as zeros (MapMemory, IncreaseHeap).
    /// </summary>
    public void Map(MemoryRange range, ReadOnlySpan<byte> contents, bool replace)
    {
        lock (_lock)
        {
            ulong start = range.Address;
            ulong end = start + range.Size;
            int first = 0;
            while (first < _runs.Count && _runs[first].End < start)
            {
                first++;
            }

            int last = first;
            ulong mergedStart = start;
            ulong mergedEnd = end;
            while (last < _runs.Count && _runs[last].Start <= end)
            {
                mergedStart = Math.Min(mergedStart, _runs[last].Start);
                mergedEnd = Math.Max(mergedEnd, _runs[last].End);
                last++;
            }

            if (last == first + 1 && _runs[first].Start <= start && _runs[first].End >= end)
            {
                // Already mapped as a whole: only a replacement changes anything.
                if (replace)
                {
                    contents.CopyTo(_runs[first].Data.AsSpan((int)(start - _runs[first].Start)));
                }

                return;
            }

            byte[] data = new byte[checked((int)(mergedEnd - mergedStart))];
            for (int i = first; i < last; i++)
            {
                _runs[i].Data.CopyTo(data.AsSpan((int)(_runs[i].Start - mergedStart)));
            }

            Span<byte> target = data.AsSpan((int)(start - mergedStart), (int)range.Size);
            if (replace)
            {
                target.Clear();
                contents.CopyTo(target);
            }

            _runs.RemoveRange(first, last - first);
            _runs.Insert(first, new Run(mergedStart, data));
        }
    }

    /// <summary>Unmaps <paramref name="range"/> wherever it overlaps mapped runs (partial unmaps split a run).</summary>
    public void Unmap(MemoryRange range)
    {
        lock (_lock)
        {
            ulong start = range.Address;
            ulong end = start + range.Size;
            for (int i = 0; i < _runs.Count; i++)
            {
                Run run = _runs[i];
                if (run.End <= start || run.Start >= end)
                {
                    continue;
                }

                _runs.RemoveAt(i);
                if (run.End > end)
                {
                    _runs.Insert(i, new Run(end, run.Data.AsSpan((int)(end - run.Start)).ToArray()));
                }

                if (run.Start < start)
                {
                    _runs.Insert(i, new Run(run.Start, run.Data.AsSpan(0, (int)(start - run.Start)).ToArray()));
                    i++;
                }

                i--;
            }
        }
    }

    /// <summary>The end of the run that starts at or contains <paramref name="address"/>, or 0 if none does.</summary>
    public ulong EndOfRunContaining(ulong address)
    {
        lock (_lock)
        {
            foreach (Run run in _runs)
            {
                if (run.Start <= address && address < run.End)
                {
                    return run.End;
                }
            }

            return 0;
        }
    }

    private int Find(MemoryRange range)
    {
        ulong start = range.Address;
        ulong end = start + range.Size;
        for (int i = 0; i < _runs.Count; i++)
        {
            Run run = _runs[i];
            if (run.Start <= start && end <= run.End)
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct Run(ulong Start, byte[] Data)
    {
        public ulong End => Start + (ulong)Data.Length;
    }
}

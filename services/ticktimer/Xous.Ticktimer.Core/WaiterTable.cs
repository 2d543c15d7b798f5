using System;

namespace Xous.Ticktimer.Core;

/// <summary>
/// A bounded table of <see cref="Waiter"/>s kept dense and in arrival order, so "the oldest" is the first match.
/// Every operation is a linear scan of the used entries (at most <see cref="Capacity"/>). Besides the total, each
/// process may hold at most a fixed number of entries, so one process cannot use up the table for the others.
/// </summary>
internal sealed class WaiterTable
{
    private readonly Waiter[] _entries;
    private readonly int _perProcessLimit;

    public WaiterTable(int capacity, int perProcessLimit)
    {
        _entries = new Waiter[capacity];
        _perProcessLimit = perProcessLimit;
    }

    public int Capacity => _entries.Length;

    public int Count { get; private set; }

    public ref readonly Waiter this[int index] => ref _entries[index];

    /// <summary>Appends the entry; false when the table or the process's share of it is full.</summary>
    public bool TryAdd(in Waiter waiter)
    {
        if (Count == _entries.Length || CountFor(waiter.Process) >= _perProcessLimit)
        {
            return false;
        }

        _entries[Count++] = waiter;
        return true;
    }

    /// <summary>How many entries <paramref name="process"/> holds.</summary>
    public int CountFor(byte process)
    {
        int count = 0;
        for (int i = 0; i < Count; i++)
        {
            count += _entries[i].Process == process ? 1 : 0;
        }

        return count;
    }

    /// <summary>Index of the oldest entry of that kind, process and key; -1 when there is none.</summary>
    public int IndexOfOldest(WaiterKind kind, byte process, ulong key)
    {
        for (int i = 0; i < Count; i++)
        {
            ref readonly Waiter entry = ref _entries[i];
            if (entry.Kind == kind && entry.Process == process && entry.Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Index of the expired entry (deadline ≤ <paramref name="nowMs"/>) with the earliest deadline, the oldest among
    /// equal deadlines; -1 when nothing has expired.
    /// </summary>
    public int IndexOfEarliestExpired(ulong nowMs)
    {
        int found = -1;
        for (int i = 0; i < Count; i++)
        {
            ulong deadline = _entries[i].DeadlineMs;
            if (deadline <= nowMs && deadline != ulong.MaxValue && (found < 0 || deadline < _entries[found].DeadlineMs))
            {
                found = i;
            }
        }

        return found;
    }

    /// <summary>The earliest deadline of any entry; <see cref="ulong.MaxValue"/> when none has one.</summary>
    public ulong EarliestDeadline()
    {
        ulong earliest = ulong.MaxValue;
        for (int i = 0; i < Count; i++)
        {
            earliest = Math.Min(earliest, _entries[i].DeadlineMs);
        }

        return earliest;
    }

    /// <summary>Removes the entry at <paramref name="index"/>, keeping the others in arrival order.</summary>
    public Waiter RemoveAt(int index)
    {
        Waiter removed = _entries[index];
        Array.Copy(_entries, index + 1, _entries, index, Count - index - 1);
        _entries[--Count] = default;
        return removed;
    }

    /// <summary>Removes every entry of <paramref name="process"/>; returns how many.</summary>
    public int RemoveProcess(byte process)
    {
        int kept = 0;
        int removed = 0;
        for (int i = 0; i < Count; i++)
        {
            if (_entries[i].Process == process)
            {
                removed++;
            }
            else
            {
                _entries[kept++] = _entries[i];
            }
        }

        Array.Clear(_entries, kept, Count - kept);
        Count = kept;
        return removed;
    }
}

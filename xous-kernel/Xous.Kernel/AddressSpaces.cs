using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// The address spaces of all processes: per process a sorted table of <see cref="Region"/>s, plus the frame pool.
/// Every operation either checks first and then cannot fail, or is documented as needing room checked by the caller
/// (<see cref="HasRoom"/>), so a failed syscall leaves the tables unchanged.
/// </summary>
internal sealed class AddressSpaces
{
    private const MemoryFlags Access = MemoryFlags.R | MemoryFlags.W | MemoryFlags.X;
    private readonly Region[] _regions;
    private readonly int[] _counts;
    private readonly int _capacity;
    private readonly FramePool _frames;
    private readonly IKernelArch _arch;

    public AddressSpaces(int processes, int regionsPerProcess, FramePool frames, IKernelArch arch)
    {
        _regions = new Region[processes * regionsPerProcess];
        _counts = new int[processes];
        _capacity = regionsPerProcess;
        _frames = frames;
        _arch = arch;
    }

    /// <summary>Regions each process may have.</summary>
    public int Capacity => _capacity;

    /// <summary>Regions of a process.</summary>
    public int Count(int process) => _counts[process];

    /// <summary>Region <paramref name="index"/> of a process (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public ref Region At(int process, int index) => ref _regions[(process * _capacity) + index];

    /// <summary>True when <paramref name="extra"/> more regions fit in the process's table.</summary>
    public bool HasRoom(int process, int extra) => _counts[process] + extra <= _capacity;

    /// <summary>The index of the region containing <paramref name="page"/>, or -1.</summary>
    public int IndexOf(int process, uint page)
    {
        int i = FirstEndingAfter(process, page);
        return i < _counts[process] && At(process, i).Page <= page ? i : -1;
    }

    /// <summary>True when no page of the range is mapped.</summary>
    public bool IsFree(int process, uint page, uint pages)
    {
        int i = FirstEndingAfter(process, page);
        return i >= _counts[process] || At(process, i).Page >= page + pages;
    }

    /// <summary>The lowest free run of <paramref name="pages"/> pages in [from, limit).</summary>
    public bool TryFindGap(int process, uint from, uint limit, uint pages, out uint page)
    {
        uint candidate = from;
        for (int i = FirstEndingAfter(process, from); i < _counts[process]; i++)
        {
            ref Region r = ref At(process, i);
            if (r.Page >= limit || (r.Page >= candidate && r.Page - candidate >= pages))
            {
                break;
            }

            candidate = r.End > candidate ? r.End : candidate;
        }

        page = candidate;
        return candidate < limit && limit - candidate >= pages;
    }

    /// <summary>
    /// Checks that the process owns every page of the range in a state that allows <paramref name="use"/>.
    /// BadAddress for an unmapped page (or one that is not the caller's to use that way), ShareViolation for a page
    /// that is lent or moving (or for lending or moving pages that are not the caller's own).
    /// </summary>
    public XousError CheckOwned(int process, uint page, uint pages, RangeUse use)
    {
        uint end = page + pages;
        int i = IndexOf(process, page);
        if (i < 0)
        {
            return XousError.BadAddress;
        }

        uint p = page;
        while (true)
        {
            ref Region r = ref At(process, i);
            if (r.Page > p)
            {
                return XousError.BadAddress;
            }

            XousError error = Check(in r, use);
            if (error != XousError.NoError)
            {
                return error;
            }

            p = r.End;
            i++;
            if (p >= end)
            {
                return XousError.NoError;
            }

            if (i >= _counts[process])
            {
                return XousError.BadAddress;
            }
        }
    }

    /// <summary>Regions that splitting at the range's two ends would add (0..2).</summary>
    public int SplitsNeeded(int process, uint page, uint pages)
    {
        int splits = 0;
        int first = IndexOf(process, page);
        if (first >= 0 && At(process, first).Page < page)
        {
            splits++;
        }

        int last = IndexOf(process, page + pages - 1);
        if (last >= 0 && At(process, last).End > page + pages)
        {
            splits++;
        }

        return splits;
    }

    /// <summary>Regions that cover the range (after splitting at its ends).</summary>
    public int CountRegions(int process, uint page, uint pages)
    {
        int n = 0;
        for (int i = FirstEndingAfter(process, page); i < _counts[process] && At(process, i).Page < page + pages; i++)
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// Maps fresh, zeroed frames at a free range. OutOfMemory when the pool or the region table is too small; the
    /// caller has checked that the range is free.
    /// </summary>
    public XousError MapNew(int process, uint page, uint pages, MemoryFlags flags, bool heap, byte pid)
    {
        if (pages > (uint)_frames.Free)
        {
            return XousError.OutOfMemory;
        }

        int count = (int)pages;
        bool single = _frames.TryFindRun(count, out int start);
        int runs = single ? 1 : _frames.CountRuns(count);
        if (runs == int.MaxValue || !HasRoom(process, runs))
        {
            return XousError.OutOfMemory;
        }

        var region = new Region { Page = page, Flags = flags & Access, Kind = RegionKind.Owned, Heap = heap };
        if (single)
        {
            _frames.Take(start, count, pid);
            region.Pages = pages;
            region.Frame = start;
            Insert(process, region);
        }
        else
        {
            while (count > 0)
            {
                int length = _frames.TakeFirstRun(count, pid, out int runStart);
                region.Pages = (uint)length;
                region.Frame = runStart;
                Insert(process, region);
                region.Page += (uint)length;
                count -= length;
            }
        }

        for (uint i = 0; i < pages; i++)
        {
            ClearPage(process, page + i);
        }

        Coalesce(process);
        return XousError.NoError;
    }

    /// <summary>Removes the range's regions, returning their frames to the pool when <paramref name="freeFrames"/>.</summary>
    /// <remarks>The caller has checked the range is mapped and that splitting it fits.</remarks>
    public void Unmap(int process, uint page, uint pages, bool freeFrames)
    {
        Isolate(process, page, pages, out int first, out int last);
        for (int i = first; i <= last; i++)
        {
            ref Region r = ref At(process, i);
            if (freeFrames && r.OwnsFrames)
            {
                _frames.Release(r.Frame, (int)r.Pages);
            }
        }

        RemoveAt(process, first, last - first + 1);
    }

    /// <summary>Changes the kind of every region of the range (splitting at its ends; room checked by the caller).</summary>
    public void SetKind(int process, uint page, uint pages, RegionKind kind)
    {
        Isolate(process, page, pages, out int first, out int last);
        for (int i = first; i <= last; i++)
        {
            At(process, i).Kind = kind;
        }

        if (kind == RegionKind.Owned)
        {
            Coalesce(process);
        }
    }

    /// <summary>Sets R/W/X of every region of the range (splitting at its ends; room checked by the caller).</summary>
    public void SetFlags(int process, uint page, uint pages, MemoryFlags flags)
    {
        Isolate(process, page, pages, out int first, out int last);
        for (int i = first; i <= last; i++)
        {
            At(process, i).Flags = flags & Access;
        }

        Coalesce(process);
    }

    /// <summary>
    /// Maps the frames of a lender's range into a server as <see cref="RegionKind.Borrowed"/>: read-only, or as
    /// writable as each lender page when <paramref name="mutable"/>. The caller has checked room and the gap.
    /// </summary>
    public void MapBorrowed(int lender, uint lenderPage, int server, uint serverPage, uint pages, bool mutable)
    {
        uint p = lenderPage;
        uint end = lenderPage + pages;
        while (p < end)
        {
            Region source = At(lender, IndexOf(lender, p));
            uint offset = p - source.Page;
            uint length = (source.End < end ? source.End : end) - p;
            bool writable = mutable && (source.Flags & MemoryFlags.W) != 0;
            Insert(server, new Region
            {
                Page = serverPage + (p - lenderPage),
                Pages = length,
                Frame = source.Frame + (int)offset,
                Flags = writable ? MemoryFlags.R | MemoryFlags.W : MemoryFlags.R,
                Kind = RegionKind.Borrowed,
            });
            p += length;
        }
    }

    /// <summary>
    /// Moves the <see cref="RegionKind.Moving"/> regions of a sender's range into a server, which then owns them, as
    /// <paramref name="kind"/>: <see cref="RegionKind.Owned"/> when the server receives the Move,
    /// <see cref="RegionKind.Moving"/> (still inaccessible) when the sender ends before that. The caller has checked
    /// room and the gap.
    /// </summary>
    public void TransferMoved(int sender, uint senderPage, int server, uint serverPage, uint pages, byte serverPid, RegionKind kind)
    {
        uint p = senderPage;
        uint end = senderPage + pages;
        while (p < end)
        {
            int i = IndexOf(sender, p);
            Region r = At(sender, i);
            RemoveAt(sender, i, 1);
            _frames.Transfer(r.Frame, (int)r.Pages, serverPid);
            r.Page = serverPage + (p - senderPage);
            r.Kind = kind;
            r.Heap = false;
            Insert(server, r);
            p += r.Pages;
        }

        Coalesce(server);
    }

    /// <summary>
    /// A lender ended while a server held its pages: the lender's lent regions disappear without freeing their
    /// frames, which now belong to the server (its borrowed view becomes <see cref="RegionKind.Forgotten"/>).
    /// </summary>
    public void Forget(int lender, uint lenderPage, int server, uint serverPage, uint pages, byte serverPid)
    {
        uint end = lenderPage + pages;
        uint p = lenderPage;
        while (p < end)
        {
            int i = IndexOf(lender, p);
            Region r = At(lender, i);
            _frames.Transfer(r.Frame, (int)r.Pages, serverPid);
            RemoveAt(lender, i, 1);
            p = r.End;
        }

        for (int i = FirstEndingAfter(server, serverPage); i < _counts[server] && At(server, i).Page < serverPage + pages; i++)
        {
            At(server, i).Kind = RegionKind.Forgotten;
        }
    }

    /// <summary>Drops every region of an ending process and frees the frames it owns.</summary>
    public void ReleaseAll(int process)
    {
        for (int i = 0; i < _counts[process]; i++)
        {
            ref Region r = ref At(process, i);
            if (r.OwnsFrames)
            {
                _frames.Release(r.Frame, (int)r.Pages);
            }
        }

        _counts[process] = 0;
    }

    /// <summary>
    /// The frame of each page of [page, page + pages), when every page is accessible (and writable when asked).
    /// </summary>
    public bool TryGetFrames(int process, uint page, uint pages, bool forWrite, System.Span<int> frames)
    {
        uint end = page + pages;
        uint p = page;
        int k = 0;
        while (p < end)
        {
            int i = IndexOf(process, p);
            if (i < 0)
            {
                return false;
            }

            ref Region r = ref At(process, i);
            MemoryFlags needed = forWrite ? MemoryFlags.W : MemoryFlags.R;
            if (!r.IsAccessible || (r.Flags & needed) == 0)
            {
                return false;
            }

            for (; p < end && p < r.End; p++)
            {
                frames[k++] = r.Frame + (int)(p - r.Page);
            }
        }

        return true;
    }

    private static XousError Check(in Region r, RangeUse use)
    {
        if (r.Kind is RegionKind.Lent or RegionKind.Moving)
        {
            return XousError.ShareViolation;
        }

        if (r.Kind is RegionKind.Borrowed or RegionKind.Forgotten)
        {
            return use is RangeUse.Lend or RangeUse.Move ? XousError.ShareViolation : XousError.BadAddress;
        }

        return use switch
        {
            RangeUse.Unmap => r.Heap ? XousError.BadAddress : XousError.NoError,
            RangeUse.Move => r.Heap ? XousError.ShareViolation : XousError.NoError,
            RangeUse.HeapShrink => r.Heap ? XousError.NoError : XousError.BadAddress,
            _ => XousError.NoError,
        };
    }

    private void ClearPage(int process, uint page)
    {
        ref Region r = ref At(process, IndexOf(process, page));
        _arch.ClearFrame(r.Frame + (int)(page - r.Page));
    }

    /// <summary>The first region whose end is after <paramref name="page"/> (binary search).</summary>
    private int FirstEndingAfter(int process, uint page)
    {
        int low = 0;
        int high = _counts[process];
        while (low < high)
        {
            int mid = (low + high) >> 1;
            if (At(process, mid).End <= page)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void Isolate(int process, uint page, uint pages, out int first, out int last)
    {
        Split(process, page);
        Split(process, page + pages);
        first = IndexOf(process, page);
        last = IndexOf(process, page + pages - 1);
    }

    private void Split(int process, uint page)
    {
        int i = IndexOf(process, page);
        if (i < 0 || At(process, i).Page == page)
        {
            return;
        }

        Region upper = At(process, i);
        ref Region lower = ref At(process, i);
        lower.Pages = page - lower.Page;
        upper.Frame += (int)lower.Pages;
        upper.Pages -= lower.Pages;
        upper.Page = page;
        Insert(process, upper);
    }

    private void Insert(int process, Region region)
    {
        int count = _counts[process];
        int at = FirstEndingAfter(process, region.Page);
        int baseIndex = process * _capacity;
        for (int i = count; i > at; i--)
        {
            _regions[baseIndex + i] = _regions[baseIndex + i - 1];
        }

        _regions[baseIndex + at] = region;
        _counts[process] = count + 1;
    }

    private void RemoveAt(int process, int index, int count)
    {
        int baseIndex = process * _capacity;
        int total = _counts[process];
        for (int i = index; i + count < total; i++)
        {
            _regions[baseIndex + i] = _regions[baseIndex + i + count];
        }

        _counts[process] = total - count;
    }

    /// <summary>Merges neighbouring owned regions with consecutive frames and equal flags.</summary>
    private void Coalesce(int process)
    {
        int baseIndex = process * _capacity;
        int count = _counts[process];
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            Region r = _regions[baseIndex + i];
            if (kept > 0)
            {
                ref Region previous = ref _regions[baseIndex + kept - 1];
                if (previous.Kind == RegionKind.Owned && r.Kind == RegionKind.Owned && previous.Flags == r.Flags &&
                    previous.Heap == r.Heap && previous.End == r.Page && previous.Frame + (int)previous.Pages == r.Frame)
                {
                    previous.Pages += r.Pages;
                    continue;
                }
            }

            _regions[baseIndex + kept] = r;
            kept++;
        }

        _counts[process] = kept;
    }
}

namespace Xous.Kernel;

/// <summary>
/// The physical page tracker: one owner PID per frame, 0 for free (Xous's runtime page tracker). Frames are handed
/// out in runs so that a region of contiguous virtual pages usually has contiguous frames.
/// </summary>
internal sealed class FramePool
{
    private readonly byte[] _owner;

    public FramePool(int frames)
    {
        _owner = new byte[frames];
        Free = frames;
    }

    /// <summary>Frames in the pool.</summary>
    public int Count => _owner.Length;

    /// <summary>Frames owned by nobody.</summary>
    public int Free { get; private set; }

    /// <summary>The owner PID of a frame, 0 when free.</summary>
    public byte OwnerOf(int frame) => _owner[frame];

    /// <summary>Hands an owned frame to another process (a Move, or lent pages of a dead lender).</summary>
    public void Transfer(int frame, int pages, byte pid)
    {
        for (int i = 0; i < pages; i++)
        {
            _owner[frame + i] = pid;
        }
    }

    /// <summary>The first run of at least <paramref name="pages"/> free frames, if there is one.</summary>
    public bool TryFindRun(int pages, out int start)
    {
        int run = 0;
        for (int f = 0; f < _owner.Length; f++)
        {
            run = _owner[f] == 0 ? run + 1 : 0;
            if (run == pages)
            {
                start = f - pages + 1;
                return true;
            }
        }

        start = -1;
        return false;
    }

    /// <summary>How many runs <see cref="TakeFirstRun"/> would hand out for <paramref name="pages"/> frames.</summary>
    public int CountRuns(int pages)
    {
        int runs = 0;
        int remaining = pages;
        bool inRun = false;
        for (int f = 0; f < _owner.Length && remaining > 0; f++)
        {
            if (_owner[f] == 0)
            {
                if (!inRun)
                {
                    runs++;
                    inRun = true;
                }

                remaining--;
            }
            else
            {
                inRun = false;
            }
        }

        return remaining == 0 ? runs : int.MaxValue;
    }

    /// <summary>Takes the lowest run of free frames, at most <paramref name="maxPages"/> long, for a process.</summary>
    /// <returns>The run's length (0 when the pool is empty).</returns>
    public int TakeFirstRun(int maxPages, byte pid, out int start)
    {
        start = -1;
        int length = 0;
        for (int f = 0; f < _owner.Length && length < maxPages; f++)
        {
            if (_owner[f] == 0)
            {
                if (start < 0)
                {
                    start = f;
                }

                _owner[f] = pid;
                length++;
            }
            else if (start >= 0)
            {
                break;
            }
        }

        Free -= length;
        return length;
    }

    /// <summary>Marks a run of free frames as owned.</summary>
    public void Take(int start, int pages, byte pid)
    {
        for (int i = 0; i < pages; i++)
        {
            _owner[start + i] = pid;
        }

        Free -= pages;
    }

    /// <summary>Returns a run of frames to the pool.</summary>
    public void Release(int start, int pages)
    {
        for (int i = 0; i < pages; i++)
        {
            _owner[start + i] = 0;
        }

        Free += pages;
    }
}

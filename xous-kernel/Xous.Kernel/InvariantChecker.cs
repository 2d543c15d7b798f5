using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// Walks every table and checks the rules that tie them together (<see cref="Kernel.FindInvariantViolation"/>).
/// Scratch arrays are allocated once; a description string is built only when something is wrong.
/// </summary>
internal sealed class InvariantChecker
{
    private readonly KernelTables _t;
    private readonly int[] _owners;
    private readonly int[] _borrows;

    public InvariantChecker(KernelTables tables)
    {
        _t = tables;
        _owners = new int[tables.Frames.Count];
        _borrows = new int[tables.Frames.Count];
    }

    /// <summary>The first violation, or null.</summary>
    public string? Find() =>
        _t.Processes.Violation ?? CheckProcesses() ?? CheckFrames() ?? CheckServers() ?? CheckThreads() ?? CheckConnections();

    private static string Where(int process) => ProcessTable.PidOf(process).ToString() + ": ";

    private string? CheckProcesses()
    {
        for (int p = 0; p < _t.Processes.Slots; p++)
        {
            ref ProcessEntry entry = ref _t.Processes.Process(p);
            if (!entry.Alive)
            {
                if (_t.Memory.Count(p) != 0 || _t.Processes.LiveThreads(p) != 0 || entry.Dying)
                {
                    return Where(p) + "a free process slot holds regions or threads";
                }

                continue;
            }

            if (p == 0 || entry.Dying)
            {
                return Where(p) + "the kernel slot is alive or a process was left dying";
            }

            if (_t.Processes.LiveThreads(p) == 0)
            {
                return Where(p) + "a live process has no thread";
            }

            string? regions = CheckRegions(p, in entry);
            if (regions != null)
            {
                return regions;
            }
        }

        return null;
    }

    private string? CheckRegions(int p, in ProcessEntry entry)
    {
        uint previousEnd = 1;
        uint heapPages = 0;
        uint heapLimit = Layout.HeapBasePage + (uint)(entry.HeapSize >> Layout.PageShift);
        for (int i = 0; i < _t.Memory.Count(p); i++)
        {
            ref Region r = ref _t.Memory.At(p, i);
            if (r.Pages == 0 || r.Page < previousEnd || r.End > Layout.UserEndPage || r.End < r.Page)
            {
                return Where(p) + "regions overlap, are empty or leave user space at index " + i.ToString();
            }

            if (r.Frame < 0 || r.Frame + (long)r.Pages > _t.Frames.Count)
            {
                return Where(p) + "a region points outside the frame pool";
            }

            if (r.Heap)
            {
                if (r.Page < Layout.HeapBasePage || r.End > heapLimit || r.Kind is not (RegionKind.Owned or RegionKind.Lent))
                {
                    return Where(p) + "a heap region lies outside the heap or is in the wrong state";
                }

                heapPages += r.Pages;
            }

            previousEnd = r.End;
        }

        if (heapPages != heapLimit - Layout.HeapBasePage || entry.HeapSize > entry.HeapMaximum)
        {
            return Where(p) + "heap size does not match its pages or exceeds the maximum";
        }

        return null;
    }

    private string? CheckFrames()
    {
        System.Array.Clear(_owners);
        System.Array.Clear(_borrows);
        for (int p = 1; p < _t.Processes.Slots; p++)
        {
            for (int i = 0; i < _t.Memory.Count(p); i++)
            {
                ref Region r = ref _t.Memory.At(p, i);
                for (int f = r.Frame; f < r.Frame + (int)r.Pages; f++)
                {
                    if (!r.OwnsFrames)
                    {
                        _borrows[f]++;
                    }
                    else if (_t.Frames.OwnerOf(f) != ProcessTable.PidOf(p).Value)
                    {
                        return Where(p) + "frame " + f.ToString() + " is mapped as owned but tracked for another owner";
                    }
                    else
                    {
                        _owners[f]++;
                    }
                }
            }
        }

        int free = 0;
        for (int f = 0; f < _owners.Length; f++)
        {
            bool tracked = _t.Frames.OwnerOf(f) != 0;
            free += tracked ? 0 : 1;
            if (_owners[f] != (tracked ? 1 : 0) || _borrows[f] > 1 || (_borrows[f] == 1 && !tracked))
            {
                return "frame " + f.ToString() + " has " + _owners[f].ToString() + " owner mappings and " +
                    _borrows[f].ToString() + " borrowed mappings";
            }
        }

        return free == _t.Frames.Free ? null : "the free frame count is wrong";
    }

    private string? CheckServers()
    {
        int live = 0;
        uint lent = 0;
        uint borrowed = 0;
        for (int s = 0; s < Layout.MaxServers; s++)
        {
            ref ServerEntry server = ref _t.Servers.Server(s);
            int occupied = 0;
            int queued = 0;
            for (int slot = 0; slot < Layout.QueueLength; slot++)
            {
                ref MessageSlot m = ref _t.Servers.Slot(s, slot);
                if (m.State == SlotState.Free)
                {
                    continue;
                }

                occupied++;
                queued += m.State == SlotState.Queued ? 1 : 0;
                string? error = CheckSlot(s, slot, in server, in m);
                if (error != null)
                {
                    return "server " + s.ToString() + " slot " + slot.ToString() + ": " + error;
                }

                if (MessageKindCodes.HasMemory(m.Kind) && m.State != SlotState.Forgotten)
                {
                    lent += m.Pages;
                    borrowed += m.State == SlotState.InFlight && m.Kind != MessageKind.Move ? m.Pages : 0;
                }
            }

            if (occupied != server.Occupied || queued != server.Queued || (!server.Live && occupied != 0))
            {
                return "server " + s.ToString() + " queue counters are wrong";
            }

            if (server.Live)
            {
                live++;
                if (!_t.Processes.Process(server.Owner).Alive || _t.Servers.Find(server.Sid) != s)
                {
                    return "server " + s.ToString() + " has a dead owner or a duplicate SID";
                }
            }
        }

        if (live != _t.Statistics.Servers)
        {
            return "the live server count is wrong";
        }

        CountPages(out uint lentPages, out uint borrowedPages);
        return lentPages == lent && borrowedPages == borrowed ? null : "lent or borrowed pages exist without a message";
    }

    private string? CheckSlot(int s, int slot, in ServerEntry server, in MessageSlot m)
    {
        if (!server.Live)
        {
            return "a dead server holds a message";
        }

        if (m.State == SlotState.Forgotten)
        {
            if (!MessageKindCodes.IsBlocking(m.Kind) || (MessageKindCodes.HasMemory(m.Kind) &&
                !Covers(server.Owner, m.ServerPage, m.Pages, RegionKind.Forgotten)))
            {
                return "a forgotten message without its pages";
            }

            return null;
        }

        if (m.ClientEnded)
        {
            if (m.State != SlotState.Queued || m.Kind is not (MessageKind.Scalar or MessageKind.Move) || m.ClientPid < 2)
            {
                return "a message of an ended client is not a queued Scalar or Move";
            }

            return m.Kind == MessageKind.Move && !Covers(server.Owner, m.ServerPage, m.Pages, RegionKind.Moving)
                ? "the server does not hold the pages of a Move whose sender ended"
                : null;
        }

        if (m.Client <= 0 || m.Client >= _t.Processes.Slots)
        {
            return "a message names no client slot";
        }

        ref ProcessEntry client = ref _t.Processes.Process(m.Client);
        if (!client.Alive || m.ClientPid != ProcessTable.PidOf(m.Client).Value)
        {
            return "the client of a live message is gone";
        }

        if (MessageKindCodes.IsBlocking(m.Kind))
        {
            ref ThreadEntry t = ref _t.Processes.Thread(m.Client, m.ClientThread);
            if (t.State != ThreadState.Blocked || t.Wait != WaitReason.Reply || t.WaitServer != s || t.WaitSlot != slot)
            {
                return "the sender of a blocking message is not waiting for it";
            }
        }
        else if (m.State != SlotState.Queued)
        {
            return "a non-blocking message is in flight";
        }

        if (!MessageKindCodes.HasMemory(m.Kind))
        {
            return null;
        }

        RegionKind state = m.Kind == MessageKind.Move ? RegionKind.Moving : RegionKind.Lent;
        if (!Covers(m.Client, m.ClientPage, m.Pages, state))
        {
            return state == RegionKind.Moving ? "the sender's buffer is not marked moving" : "the sender's buffer is not marked lent";
        }

        if (m.State == SlotState.InFlight)
        {
            if (!Covers(server.Owner, m.ServerPage, m.Pages, RegionKind.Borrowed))
            {
                return "the server's view of a lent buffer is missing";
            }

            for (uint i = 0; i < m.Pages; i++)
            {
                if (FrameAt(m.Client, m.ClientPage + i) != FrameAt(server.Owner, m.ServerPage + i))
                {
                    return "the server sees other frames than the lender lent";
                }
            }
        }

        return null;
    }

    private string? CheckThreads()
    {
        int sendRetryWaiters = 0;
        for (int p = 1; p < _t.Processes.Slots; p++)
        {
            if (!_t.Processes.Process(p).Alive)
            {
                continue;
            }

            for (int tid = 0; tid < Layout.MaxThreads; tid++)
            {
                ref ThreadEntry t = ref _t.Processes.Thread(p, tid);
                if (t.Wait == WaitReason.SendRetry)
                {
                    sendRetryWaiters++;
                }

                string? error = t.State switch
                {
                    ThreadState.Free => t.InCall || t.Wait != WaitReason.None ? "a free thread is in a call" : null,
                    ThreadState.Running => t.InCall || t.Wait != WaitReason.None ? "a running thread has a call pending" : null,
                    ThreadState.Exited => t.InCall || t.Wait != WaitReason.None ? "an exited thread is in a call" : null,
                    _ => t.InCall ? CheckWait(p, tid, in t) : "a blocked thread has no call",
                };
                if (error != null)
                {
                    return Where(p) + "tid" + tid.ToString() + ": " + error;
                }
            }
        }

        if (sendRetryWaiters != _t.Processes.SendRetryWaiters)
        {
            return "the count of threads waiting to retry a send is " + _t.Processes.SendRetryWaiters.ToString() +
                   ", but " + sendRetryWaiters.ToString() + " do";
        }

        return null;
    }

    private string? CheckWait(int p, int tid, in ThreadEntry t)
    {
        bool serverOk = t.WaitServer >= 0 && t.WaitServer < Layout.MaxServers && _t.Servers.Server(t.WaitServer).Live;
        switch (t.Wait)
        {
            case WaitReason.Reply:
                if (!serverOk || t.WaitSlot < 0 || t.WaitSlot >= Layout.QueueLength)
                {
                    return "waits for a reply from no server";
                }

                ref MessageSlot m = ref _t.Servers.Slot(t.WaitServer, t.WaitSlot);
                return m.State is SlotState.Queued or SlotState.InFlight && m.Client == p && m.ClientThread == tid &&
                    MessageKindCodes.IsBlocking(m.Kind) ? null : "waits for a reply to a message that is not its own";
            case WaitReason.Receive:
                return serverOk && _t.Servers.Server(t.WaitServer).Owner == p && _t.Servers.Server(t.WaitServer).Queued == 0
                    ? null
                    : "waits to receive while a message is queued, or on a server it does not own";
            case WaitReason.SendRetry:
                return serverOk && _t.Servers.Server(t.WaitServer).Occupied == Layout.QueueLength
                    ? null
                    : "waits for queue space that exists";
            case WaitReason.Connect:
                return _t.Servers.Find(t.WaitSid) < 0 ? null : "waits to connect to a server that exists";
            case WaitReason.Join:
                return t.JoinTarget != tid && t.JoinTarget >= 0 && t.JoinTarget < Layout.MaxThreads &&
                    _t.Processes.Thread(p, t.JoinTarget).State is ThreadState.Running or ThreadState.Blocked ? null : "joins a thread that is not live";
            case WaitReason.Event:
                return _t.Servers.AnyQueuedFor(p) ? "waits for an event that happened" : null;
            default:
                return "is blocked for no reason";
        }
    }

    private string? CheckConnections()
    {
        for (int p = 1; p < _t.Processes.Slots; p++)
        {
            bool alive = _t.Processes.Process(p).Alive;
            for (int i = 0; i < Layout.MaxConnections; i++)
            {
                ref Connection c = ref _t.Connections.At(p, i);
                if (!c.Used)
                {
                    continue;
                }

                if (!alive || c.Server < 0 || c.Server >= Layout.MaxServers)
                {
                    return Where(p) + "a connection of a dead process or to no server slot";
                }

                if (!_t.Connections.IsLive(in c))
                {
                    continue;
                }

                if (_t.Servers.Server(c.Server).Sid != c.Sid)
                {
                    return Where(p) + "a live connection names another SID";
                }

                for (int j = i + 1; j < Layout.MaxConnections; j++)
                {
                    ref Connection other = ref _t.Connections.At(p, j);
                    if (other.Server == c.Server && _t.Connections.IsLive(in other))
                    {
                        return Where(p) + "two connections to one server";
                    }
                }
            }
        }

        return null;
    }

    private void CountPages(out uint lentOrMoving, out uint borrowed)
    {
        lentOrMoving = 0;
        borrowed = 0;
        for (int p = 1; p < _t.Processes.Slots; p++)
        {
            for (int i = 0; i < _t.Memory.Count(p); i++)
            {
                ref Region r = ref _t.Memory.At(p, i);
                lentOrMoving += r.Kind is RegionKind.Lent or RegionKind.Moving ? r.Pages : 0;
                borrowed += r.Kind == RegionKind.Borrowed ? r.Pages : 0;
            }
        }
    }

    /// <summary>True when regions of one kind cover exactly [page, page + pages), with boundaries at both ends.</summary>
    private bool Covers(int process, uint page, uint pages, RegionKind kind)
    {
        int i = _t.Memory.IndexOf(process, page);
        if (i < 0 || _t.Memory.At(process, i).Page != page)
        {
            return false;
        }

        uint p = page;
        while (p < page + pages)
        {
            if (i >= _t.Memory.Count(process))
            {
                return false;
            }

            ref Region r = ref _t.Memory.At(process, i);
            if (r.Page != p || r.Kind != kind || r.End > page + pages)
            {
                return false;
            }

            p = r.End;
            i++;
        }

        return true;
    }

    private int FrameAt(int process, uint page)
    {
        int i = _t.Memory.IndexOf(process, page);
        return i < 0 ? -1 : _t.Memory.At(process, i).Frame + (int)(page - _t.Memory.At(process, i).Page);
    }
}

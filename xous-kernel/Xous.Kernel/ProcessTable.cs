using Xous.Abi;

namespace Xous.Kernel;

/// <summary>Per-process bookkeeping (the address space and connections live in their own tables).</summary>
internal struct ProcessEntry
{
    /// <summary>The slot holds a process.</summary>
    public bool Alive;

    /// <summary>The process is being torn down: nothing is delivered to its threads any more.</summary>
    public bool Dying;

    /// <summary>Bytes of heap mapped from <see cref="Layout.HeapBase"/>.</summary>
    public nuint HeapSize;

    /// <summary>The heap limit (AdjustProcessLimit HeapMaximum).</summary>
    public nuint HeapMaximum;
}

/// <summary>The state of a thread slot.</summary>
internal enum ThreadState : byte
{
    /// <summary>No thread.</summary>
    Free,

    /// <summary>Allocated and able to make a call.</summary>
    Running,

    /// <summary>Waiting for the result of a call (see <see cref="WaitReason"/>).</summary>
    Blocked,

    /// <summary>
    /// Finished, with its return value kept for a later JoinThread (<see cref="ThreadEntry.ExitValue"/>). The slot is
    /// reclaimed by that join or, when no slot is free, by CreateThread (oldest first), so unjoined threads never
    /// exhaust the table.
    /// </summary>
    Exited,
}

/// <summary>Why a blocked thread waits.</summary>
internal enum WaitReason : byte
{
    /// <summary>Not waiting.</summary>
    None,

    /// <summary>Sent a blocking message (slot <see cref="ThreadEntry.WaitSlot"/> of <see cref="ThreadEntry.WaitServer"/>).</summary>
    Reply,

    /// <summary>In ReceiveMessage or ReplyAndReceiveNext on <see cref="ThreadEntry.WaitServer"/>.</summary>
    Receive,

    /// <summary>SendMessage found the queue of <see cref="ThreadEntry.WaitServer"/> full; re-executes <see cref="ThreadEntry.PendingCall"/>.</summary>
    SendRetry,

    /// <summary>Connect to <see cref="ThreadEntry.WaitSid"/>, which has no server yet.</summary>
    Connect,

    /// <summary>JoinThread on <see cref="ThreadEntry.JoinTarget"/>.</summary>
    Join,

    /// <summary>WaitEvent: until a message is queued to one of the process's servers.</summary>
    Event,
}

/// <summary>One thread slot.</summary>
internal struct ThreadEntry
{
    /// <summary>Free, running or blocked.</summary>
    public ThreadState State;

    /// <summary>Why it is blocked.</summary>
    public WaitReason Wait;

    /// <summary>A call was executed and its result is not delivered yet.</summary>
    public bool InCall;

    /// <summary>The number of the call in progress (for the statistics).</summary>
    public SyscallNumber Call;

    /// <summary>The server of a Reply, Receive or SendRetry wait.</summary>
    public int WaitServer;

    /// <summary>The queue slot of a Reply wait.</summary>
    public int WaitSlot;

    /// <summary>The SID of a Connect wait.</summary>
    public Sid WaitSid;

    /// <summary>The thread of a Join wait.</summary>
    public int JoinTarget;

    /// <summary>Orders waiters first come, first served.</summary>
    public ulong Ticket;

    /// <summary>The send to re-execute (SendRetry).</summary>
    public Syscall PendingCall;

    /// <summary>The return value of an <see cref="ThreadState.Exited"/> thread.</summary>
    public nuint ExitValue;
}

/// <summary>
/// Processes and their threads, and the one place results are delivered (<see cref="Deliver"/>), which enforces
/// "exactly one Resume per executed call".
/// </summary>
internal sealed class ProcessTable
{
    private readonly ProcessEntry[] _processes;
    private int _lastAllocated;
    private int _sendRetryWaiters;
    private readonly ThreadEntry[] _threads;
    private readonly IKernelArch _arch;
    private readonly KernelStatistics _statistics;
    private ulong _nextTicket;

    public ProcessTable(int slots, IKernelArch arch, KernelStatistics statistics)
    {
        _processes = new ProcessEntry[slots];
        _threads = new ThreadEntry[slots * Layout.MaxThreads];
        _arch = arch;
        _statistics = statistics;
    }

    /// <summary>Process slots (slot 0 is the kernel and never alive).</summary>
    public int Slots => _processes.Length;

    /// <summary>The first broken rule seen while delivering (a second Resume for one call), or null.</summary>
    public string? Violation { get; private set; }

    /// <summary>The PID of a slot.</summary>
    public static Pid PidOf(int slot) => new((byte)(slot + 1));

    /// <summary>A process slot.</summary>
    public ref ProcessEntry Process(int slot) => ref _processes[slot];

    /// <summary>A thread slot.</summary>
    public ref ThreadEntry Thread(int slot, int tid) => ref _threads[(slot * Layout.MaxThreads) + tid];

    /// <summary>The slot of a live (not dying) process.</summary>
    public bool TryGetSlot(Pid pid, out int slot)
    {
        slot = pid.Value - 1;
        return slot > 0 && slot < _processes.Length && _processes[slot].Alive && !_processes[slot].Dying;
    }

    /// <summary>The slot of a live (not dying) process from a raw PID word.</summary>
    public bool TryGetSlot(nuint pidWord, out int slot)
    {
        if (pidWord == 0 || pidWord > byte.MaxValue)
        {
            slot = -1;
            return false;
        }

        return TryGetSlot(new Pid((byte)pidWord), out slot);
    }

    /// <summary>
    /// The next free process slot above the kernel's, searching round-robin from the one after the last handed out, or
    /// -1. Round-robin makes a PID's reuse as late as possible, so a stale PID (in a MessageSender, in a server's
    /// bookkeeping) is unlikely to name a new process.
    /// </summary>
    public int FindFreeSlot()
    {
        int count = _processes.Length - 1;
        for (int i = 0; i < count; i++)
        {
            int slot = 1 + ((_lastAllocated + i) % count);
            if (!_processes[slot].Alive)
            {
                _lastAllocated = slot;
                return slot;
            }
        }

        return -1;
    }

    /// <summary>
    /// The lowest free thread id ≥ <see cref="Layout.FirstCreatedThread"/>; when none is free, the exited thread that
    /// nobody joined for longest; -1 when every slot holds a live thread.
    /// </summary>
    public int FindFreeThread(int slot)
    {
        int oldestExited = -1;
        for (int tid = Layout.FirstCreatedThread; tid < Layout.MaxThreads; tid++)
        {
            ref ThreadEntry t = ref Thread(slot, tid);
            if (t.State == ThreadState.Free)
            {
                return tid;
            }

            if (t.State == ThreadState.Exited && (oldestExited < 0 || t.Ticket < Thread(slot, oldestExited).Ticket))
            {
                oldestExited = tid;
            }
        }

        return oldestExited;
    }

    /// <summary>Marks a thread finished, keeping its return value for a later join.</summary>
    public void MarkExited(int slot, int tid, nuint value)
    {
        ref ThreadEntry t = ref Thread(slot, tid);
        t = default;
        t.State = ThreadState.Exited;
        t.ExitValue = value;
        t.Ticket = ++_nextTicket;
    }

    /// <summary>Threads of a process that are running or blocked.</summary>
    public int LiveThreads(int slot)
    {
        int n = 0;
        for (int tid = 0; tid < Layout.MaxThreads; tid++)
        {
            if (Thread(slot, tid).State is ThreadState.Running or ThreadState.Blocked)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// How many threads wait to re-execute a send (<see cref="WaitReason.SendRetry"/>); when none does, freeing a queue
    /// slot needs no search for one.
    /// </summary>
    public int SendRetryWaiters => _sendRetryWaiters;

    /// <summary>Blocks a thread that is in a call.</summary>
    public void Block(int slot, int tid, WaitReason reason, int server = -1, int queueSlot = -1)
    {
        ref ThreadEntry t = ref Thread(slot, tid);
        if (reason == WaitReason.SendRetry)
        {
            _sendRetryWaiters++;
        }

        t.State = ThreadState.Blocked;
        t.Wait = reason;
        t.WaitServer = server;
        t.WaitSlot = queueSlot;
        t.Ticket = ++_nextTicket;
    }

    /// <summary>
    /// Delivers the result of a thread's call: the thread runs again and the arch gets exactly one Resume. Nothing
    /// is delivered to a process that is ending.
    /// </summary>
    public void Deliver(int slot, int tid, in SyscallResult result, MemoryRange attached)
    {
        ref ProcessEntry p = ref _processes[slot];
        if (!p.Alive || p.Dying)
        {
            return;
        }

        ref ThreadEntry t = ref Thread(slot, tid);
        bool inCall = t.InCall && t.State is ThreadState.Running or ThreadState.Blocked;
        if (t.State is ThreadState.Running or ThreadState.Blocked)
        {
            t.State = ThreadState.Running;
        }

        t.InCall = false;
        StopWaiting(ref t);
        t.PendingCall = default;
        if (!inCall)
        {
            Violation ??= "second result for one call of " + PidOf(slot).ToString() + " tid" + tid.ToString();
            return;
        }
        if (result.IsError)
        {
            _statistics.CountError(t.Call);
        }

        _arch.Resume(PidOf(slot), new Tid((nuint)tid), in result, attached);
    }

    /// <summary>Delivers an error; see <see cref="Deliver"/>.</summary>
    public void Fail(int slot, int tid, XousError error, MemoryRange attached = default) =>
        Deliver(slot, tid, SyscallResult.Failure(error), attached);

    /// <summary>
    /// The longest-waiting thread blocked for <paramref name="reason"/> on <paramref name="server"/>, in one process
    /// (<paramref name="onlySlot"/> ≥ 0) or in all.
    /// </summary>
    public bool TryFindWaiter(WaitReason reason, int server, int onlySlot, out int slot, out int tid)
    {
        slot = -1;
        tid = -1;
        ulong best = ulong.MaxValue;
        int firstSlot = onlySlot >= 0 ? onlySlot : 1;
        int lastSlot = onlySlot >= 0 ? onlySlot : _processes.Length - 1;
        for (int s = firstSlot; s <= lastSlot; s++)
        {
            if (!_processes[s].Alive || _processes[s].Dying)
            {
                continue;
            }

            for (int t = 0; t < Layout.MaxThreads; t++)
            {
                ref ThreadEntry entry = ref Thread(s, t);
                if (entry.State == ThreadState.Blocked && entry.Wait == reason && entry.WaitServer == server && entry.Ticket < best)
                {
                    best = entry.Ticket;
                    slot = s;
                    tid = t;
                }
            }
        }

        return slot >= 0;
    }

    /// <summary>Frees every thread of a process without delivering anything.</summary>
    public void ClearThreads(int slot)
    {
        for (int tid = 0; tid < Layout.MaxThreads; tid++)
        {
            StopWaiting(ref Thread(slot, tid));
            Thread(slot, tid) = default;
        }
    }

    /// <summary>Ends a thread's wait (keeping <see cref="SendRetryWaiters"/> exact); its state is the caller's.</summary>
    public void StopWaiting(ref ThreadEntry t)
    {
        if (t.Wait == WaitReason.SendRetry)
        {
            _sendRetryWaiters--;
        }

        t.Wait = WaitReason.None;
    }

    /// <summary>Records a broken rule for <see cref="Kernel.FindInvariantViolation"/>.</summary>
    public void RecordViolation(string description) => Violation ??= description;
}

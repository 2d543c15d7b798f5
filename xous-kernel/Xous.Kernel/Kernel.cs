using System;
using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// The portable Xous microkernel core: processes, threads, servers, connections, address spaces and the message
/// state machine (docs/kernel.md). A single-threaded state machine: the caller serialises every call. Results reach
/// threads through <see cref="IKernelArch.Resume"/>, exactly once per executed syscall. No call allocates; every
/// table is allocated by the constructor. No input from a process makes it throw: a bad argument is an error result.
/// </summary>
public sealed class Kernel
{
    private readonly KernelTables _t;
    private readonly MemoryCalls _memory;
    private readonly MessageCalls _messages;
    private readonly ServerCalls _servers;
    private readonly ThreadCalls _threads;
    private readonly Teardown _teardown;
    private readonly InvariantChecker _invariants;

    /// <summary>Creates a kernel with no processes and every frame free.</summary>
    /// <param name="arch">Carries results to threads and owns page contents.</param>
    /// <param name="config">Table sizes.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A <paramref name="config"/> value is out of range.</exception>
    public Kernel(IKernelArch arch, KernelConfig config)
    {
        if (arch is null)
        {
            throw new ArgumentNullException(nameof(arch));
        }

        if (config is null)
        {
            throw new ArgumentNullException(nameof(config));
        }

        config.Validate();
        _t = new KernelTables(arch, config);
        _teardown = new Teardown(_t);
        _memory = new MemoryCalls(_t);
        _messages = new MessageCalls(_t);
        _servers = new ServerCalls(_t, _teardown);
        _threads = new ThreadCalls(_t, _teardown);
        _invariants = new InvariantChecker(_t);
    }

    /// <summary>Counters: calls and errors per syscall, messages, processes, servers, pages.</summary>
    public KernelStatistics Statistics => _t.Statistics;

    /// <summary>
    /// Creates a process whose initial thread (TID 2) is running, with an empty address space and the default heap
    /// maximum. PIDs are handed out from 2 upwards, the lowest free one first.
    /// </summary>
    /// <param name="process">The new process's id.</param>
    /// <returns><see cref="XousError.NoError"/>, or <see cref="XousError.OutOfMemory"/> when every slot is used.</returns>
    public XousError CreateProcess(out Pid process) => _threads.CreateProcess(out process);

    /// <summary>
    /// Executes one syscall of a thread. The result is delivered through <see cref="IKernelArch.Resume"/>, before this
    /// returns or later when the thread unblocks. A call from a thread that is not running (free slot, or blocked in
    /// a call) is answered at once with Error(InvalidThread). A call naming a process that does not exist (or PID 1)
    /// is ignored: there is nobody to resume. TerminateProcess gets no result.
    /// </summary>
    public void Execute(Pid process, Tid thread, in Syscall call)
    {
        if (!_t.Processes.TryGetSlot(process, out int slot))
        {
            return;
        }

        if (thread.Value >= Layout.MaxThreads || !IsRunning(slot, (int)thread.Value))
        {
            _t.Statistics.CountCall(call.Number);
            _t.Statistics.CountError(call.Number);
            _t.Arch.Resume(process, thread, SyscallResult.Failure(XousError.InvalidThread), default);
            return;
        }

        int tid = (int)thread.Value;
        ref ThreadEntry t = ref _t.Processes.Thread(slot, tid);
        t.InCall = true;
        t.Call = call.Number;
        _t.Statistics.CountCall(call.Number);
        var context = new CallContext(slot, tid);
        SyscallResult result = Dispatch(ref context, in call);
        if (!context.Blocked)
        {
            _t.Processes.Deliver(slot, tid, in result, context.Attached);
        }

        _messages.RetryBlockedSends();
    }

    /// <summary>
    /// A running thread finished with a return value (device: it returned to EXIT_THREAD; hosted: its exit call).
    /// Threads joined to it get Scalar1(returnValue). When the last thread exits the process ends with exit code 0.
    /// </summary>
    /// <returns>
    /// <see cref="XousError.NoError"/>; <see cref="XousError.ProcessNotFound"/> for a process that does not exist;
    /// <see cref="XousError.InvalidThread"/> for a thread that is free or blocked in a call (nothing changes).
    /// </returns>
    public XousError ExitThread(Pid process, Tid thread, nuint returnValue)
    {
        if (!_t.Processes.TryGetSlot(process, out int slot))
        {
            return XousError.ProcessNotFound;
        }

        if (thread.Value >= Layout.MaxThreads)
        {
            return XousError.InvalidThread;
        }

        XousError error = _threads.Exit(slot, (int)thread.Value, returnValue);
        _messages.RetryBlockedSends();
        return error;
    }

    /// <summary>
    /// Ends a process as its TerminateProcess syscall would (hosted: its stream closed), whatever its threads are
    /// doing; <see cref="IKernelArch.ProcessEnded"/> is called with <paramref name="exitCode"/>.
    /// </summary>
    /// <returns><see cref="XousError.NoError"/>, or <see cref="XousError.ProcessNotFound"/>.</returns>
    public XousError TerminateProcess(Pid process, uint exitCode)
    {
        if (!_t.Processes.TryGetSlot(process, out int slot))
        {
            return XousError.ProcessNotFound;
        }

        _teardown.EndProcess(slot, exitCode);
        _messages.RetryBlockedSends();
        return XousError.NoError;
    }

    /// <summary>
    /// For the arch: the frame behind each page that <paramref name="range"/> touches (page-rounded, first page
    /// first), if the process may read (or, with <paramref name="forWrite"/>, write) all of them now. False if any
    /// page is unmapped, lent out or being moved, not readable (not writable), if the process does not exist or if
    /// <paramref name="frames"/> is too short.
    /// </summary>
    public bool TryGetFrames(Pid process, MemoryRange range, bool forWrite, Span<int> frames)
    {
        if (!_t.Processes.TryGetSlot(process, out int slot) || range.IsEmpty || !Layout.IsUserRange(range.Address, range.Size))
        {
            return false;
        }

        uint first = Layout.PageOf(range.Address);
        uint count = Layout.PageOf(range.Address + range.Size - 1) - first + 1;
        return frames.Length >= count && _t.Memory.TryGetFrames(slot, first, count, forWrite, frames);
    }

    /// <summary>True when the thread is allocated and not blocked in a call.</summary>
    public bool IsThreadRunning(Pid process, Tid thread) =>
        _t.Processes.TryGetSlot(process, out int slot) && thread.Value < Layout.MaxThreads && IsRunning(slot, (int)thread.Value);

    /// <summary>True when the process exists.</summary>
    public bool IsProcessAlive(Pid process) => _t.Processes.TryGetSlot(process, out _);

    /// <summary>
    /// Checks every cross-table invariant (frames, regions, heap, queues against waiting threads, lends, connections,
    /// one result per call) and returns a description of the first violation, or null. For tests; it walks every
    /// table.
    /// </summary>
    public string? FindInvariantViolation() => _invariants.Find();

    private bool IsRunning(int slot, int tid)
    {
        ref ThreadEntry t = ref _t.Processes.Thread(slot, tid);
        return t.State == ThreadState.Running && !t.InCall;
    }

    private SyscallResult Dispatch(ref CallContext c, in Syscall call)
    {
        switch (call.Number)
        {
            case SyscallNumber.MapMemory:
                return _memory.Map(ref c, in call);
            case SyscallNumber.UnmapMemory:
                return _memory.Unmap(ref c, in call);
            case SyscallNumber.IncreaseHeap:
                return _memory.IncreaseHeap(ref c, in call);
            case SyscallNumber.DecreaseHeap:
                return _memory.DecreaseHeap(ref c, in call);
            case SyscallNumber.UpdateMemoryFlags:
                return _memory.UpdateFlags(ref c, in call);
            case SyscallNumber.AdjustProcessLimit:
                return _memory.AdjustLimit(ref c, in call);
            case SyscallNumber.CreateServerWithAddress:
                return _servers.CreateWithAddress(ref c, in call);
            case SyscallNumber.CreateServer:
                return _servers.CreateRandom(ref c);
            case SyscallNumber.CreateServerId:
                return _servers.CreateId();
            case SyscallNumber.DestroyServer:
                return _servers.Destroy(ref c, in call);
            case SyscallNumber.Connect:
                return _servers.Connect(ref c, in call, tryOnly: false);
            case SyscallNumber.TryConnect:
                return _servers.Connect(ref c, in call, tryOnly: true);
            case SyscallNumber.ConnectForProcess:
                return _servers.ConnectForProcess(in call);
            case SyscallNumber.Disconnect:
                return _servers.Disconnect(ref c, in call);
            case SyscallNumber.SendMessage:
                return _messages.Send(ref c, in call, tryOnly: false);
            case SyscallNumber.TrySendMessage:
                return _messages.Send(ref c, in call, tryOnly: true);
            case SyscallNumber.ReceiveMessage:
                return _messages.Receive(ref c, in call, tryOnly: false);
            case SyscallNumber.TryReceiveMessage:
                return _messages.Receive(ref c, in call, tryOnly: true);
            case SyscallNumber.ReturnScalar1:
                return _messages.ReturnScalar(ref c, in call, 1);
            case SyscallNumber.ReturnScalar2:
                return _messages.ReturnScalar(ref c, in call, 2);
            case SyscallNumber.ReturnScalar5:
                return _messages.ReturnScalar(ref c, in call, 5);
            case SyscallNumber.ReturnMemory:
                return _messages.ReturnMemory(ref c, in call);
            case SyscallNumber.ReplyAndReceiveNext:
                return _messages.ReplyAndReceiveNext(ref c, in call);
            case SyscallNumber.CreateThread:
                return _threads.CreateThread(ref c);
            case SyscallNumber.JoinThread:
                return _threads.Join(ref c, in call);
            case SyscallNumber.WaitEvent:
                return _threads.WaitEvent(ref c);
            case SyscallNumber.Yield:
                return SyscallResult.Ok();
            case SyscallNumber.GetThreadId:
                return SyscallResult.FromThreadId(new Tid((nuint)c.Thread));
            case SyscallNumber.GetProcessId:
                return SyscallResult.FromProcessId(ProcessTable.PidOf(c.Process));
            case SyscallNumber.TerminateProcess:
                _teardown.EndProcess(c.Process, (uint)call.Arg1);
                c.Blocked = true;
                return default;
            case SyscallNumber.Shutdown:
                _t.Arch.ShutdownRequested(ProcessTable.PidOf(c.Process));
                return SyscallResult.Ok();
            case SyscallNumber.ReturnToParent:
            case SyscallNumber.ClaimInterrupt:
            case SyscallNumber.FreeInterrupt:
            case SyscallNumber.SwitchTo:
            case SyscallNumber.ReadyThreads:
            case SyscallNumber.SetMemRegion:
            case SyscallNumber.CreateProcess:
            case SyscallNumber.SetExceptionHandler:
            case SyscallNumber.VirtToPhys:
            case SyscallNumber.VirtToPhysPid:
            case SyscallNumber.RegisterSwapper:
            case SyscallNumber.SwapOp:
            case SyscallNumber.RawTrng:
            case SyscallNumber.PlatformSpecific:
                return KernelTables.Fail(XousError.UnhandledSyscall);
            default:
                return KernelTables.Fail(XousError.InvalidSyscall);
        }
    }
}

using Xous.Abi;

namespace Xous.Kernel;

/// <summary>Threads and processes: CreateThread, JoinThread, WaitEvent, thread exit and process creation.</summary>
internal sealed class ThreadCalls
{
    private readonly KernelTables _t;
    private readonly Teardown _teardown;

    public ThreadCalls(KernelTables tables, Teardown teardown)
    {
        _t = tables;
        _teardown = teardown;
    }

    /// <summary>A new process with TID 2 running; OutOfMemory when every slot is used.</summary>
    public XousError CreateProcess(out Pid process)
    {
        int slot = _t.Processes.FindFreeSlot();
        if (slot < 0)
        {
            process = default;
            return XousError.OutOfMemory;
        }

        ref ProcessEntry p = ref _t.Processes.Process(slot);
        p = default;
        p.Alive = true;
        p.HeapMaximum = _t.Config.DefaultHeapMaximum;
        _t.Processes.ClearThreads(slot);
        _t.Processes.Thread(slot, Layout.InitialThread).State = ThreadState.Running;
        _t.Statistics.ProcessesCreated++;
        process = ProcessTable.PidOf(slot);
        return XousError.NoError;
    }

    /// <summary>CreateThread: the lowest free TID ≥ 3, running at once; ThreadNotAvailable when none is free.</summary>
    public SyscallResult CreateThread(ref CallContext c)
    {
        int tid = _t.Processes.FindFreeThread(c.Process);
        if (tid < 0)
        {
            return KernelTables.Fail(XousError.ThreadNotAvailable);
        }

        _t.Processes.Thread(c.Process, tid) = default;
        _t.Processes.Thread(c.Process, tid).State = ThreadState.Running;
        return SyscallResult.FromThreadId(new Tid((nuint)tid));
    }

    /// <summary>
    /// JoinThread(tid): Scalar1(return value) at once if that thread has exited (its slot is freed), otherwise blocks
    /// until it exits; ThreadNotAvailable for self or a free slot.
    /// </summary>
    public SyscallResult Join(ref CallContext c, in Syscall call)
    {
        nuint target = call.Arg1;
        if (target >= Layout.MaxThreads || (int)target == c.Thread ||
            _t.Processes.Thread(c.Process, (int)target).State == ThreadState.Free)
        {
            return KernelTables.Fail(XousError.ThreadNotAvailable);
        }

        ref ThreadEntry joined = ref _t.Processes.Thread(c.Process, (int)target);
        if (joined.State == ThreadState.Exited)
        {
            nuint value = joined.ExitValue;
            joined = default;
            return SyscallResult.Scalar1(value);
        }

        _t.Processes.Block(c.Process, c.Thread, WaitReason.Join);
        _t.Processes.Thread(c.Process, c.Thread).JoinTarget = (int)target;
        c.Blocked = true;
        return default;
    }

    /// <summary>WaitEvent: Ok once one of the process's servers has a queued message (at once if one has).</summary>
    public SyscallResult WaitEvent(ref CallContext c)
    {
        if (_t.Servers.AnyQueuedFor(c.Process))
        {
            return SyscallResult.Ok();
        }

        _t.Processes.Block(c.Process, c.Thread, WaitReason.Event);
        c.Blocked = true;
        return default;
    }

    /// <summary>A running thread finished: joiners get Scalar1(value); the last thread ends the process (code 0).</summary>
    public XousError Exit(int process, int tid, nuint returnValue)
    {
        ref ThreadEntry exiting = ref _t.Processes.Thread(process, tid);
        if (exiting.State != ThreadState.Running || exiting.InCall)
        {
            return XousError.InvalidThread;
        }

        exiting = default;
        bool joined = false;
        for (int other = 0; other < Layout.MaxThreads; other++)
        {
            ref ThreadEntry t = ref _t.Processes.Thread(process, other);
            if (t.State == ThreadState.Blocked && t.Wait == WaitReason.Join && t.JoinTarget == tid)
            {
                _t.Processes.Deliver(process, other, SyscallResult.Scalar1(returnValue), default);
                joined = true;
            }
        }

        if (!joined)
        {
            _t.Processes.MarkExited(process, tid, returnValue);
        }

        if (_t.Processes.LiveThreads(process) == 0)
        {
            _teardown.EndProcess(process, 0);
        }

        return XousError.NoError;
    }
}

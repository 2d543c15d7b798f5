using Xous.Abi;
using static Xous.Kernel.Tests.Harness;

namespace Xous.Kernel.Tests;

public class ThreadTests
{
    [Fact]
    public void Processes_get_pids_from_2_and_there_are_63_of_them()
    {
        var h = new Harness();
        for (int i = 2; i <= Limits.MaxProcesses; i++)
        {
            Assert.Equal(new Pid((byte)i), h.NewProcess());
        }

        Assert.Equal(XousError.OutOfMemory, h.Kernel.CreateProcess(out _));
        Assert.Equal(XousError.NoError, h.Kernel.TerminateProcess(new Pid(7), 3));
        Assert.Equal((new Pid(7), 3u), h.Arch.Ended.Single());
        Assert.Equal(new Pid(7), h.NewProcess());
        Assert.False(h.Kernel.IsProcessAlive(Pid.Kernel));
        Assert.Equal((ulong)64, h.Kernel.Statistics.ProcessesCreated);
    }

    [Fact]
    public void Ids_yield_and_shutdown()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Assert.Equal(T2, h.Ok(p, T2, Syscall.GetThreadId()).ThreadId);
        Assert.Equal(p, h.Ok(p, T2, Syscall.GetProcessId()).ProcessId);
        Assert.Equal(ResultTag.Ok, h.Ok(p, T2, Syscall.Yield()).Tag);
        Assert.Equal(ResultTag.Ok, h.Ok(p, T2, Syscall.Shutdown()).Tag);
        Assert.Equal(p, h.Arch.Shutdowns.Single());
        Assert.Equal((ulong)1, h.Kernel.Statistics.GetCalls(SyscallNumber.Yield));
    }

    [Fact]
    public void CreateThread_hands_out_tids_3_to_30()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        MemoryRange stack = h.Map(p, 1);
        for (int tid = 3; tid < Limits.MaxThreadsPerProcess; tid++)
        {
            SyscallResult r = h.Ok(p, T2, Syscall.CreateThread(0x1000, stack, 1, 2, 3, 4));
            Assert.Equal(new Tid((nuint)tid), r.ThreadId);
            Assert.True(h.Kernel.IsThreadRunning(p, r.ThreadId));
        }

        h.AssertCallFails(XousError.ThreadNotAvailable, p, T2, Syscall.CreateThread(0x1000, stack));
        Assert.Equal(XousError.NoError, h.Kernel.ExitThread(p, new Tid(5), 0));
        Assert.Equal(new Tid(5), h.Ok(p, T2, Syscall.CreateThread(0x1000, stack)).ThreadId);
    }

    [Fact]
    public void JoinThread_waits_for_the_return_value()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Tid t3 = h.Ok(p, T2, Syscall.CreateThread(0x1000, h.Map(p, 1))).ThreadId;
        h.CallBlocks(p, T2, Syscall.JoinThread(t3));
        h.Mark();
        Assert.Equal(XousError.NoError, h.Kernel.ExitThread(p, t3, 1234));
        Assert.Equal((nuint)1234, h.Woken(p, T2).Result.GetScalar(0));
        Assert.False(h.Kernel.IsThreadRunning(p, t3));
    }

    [Fact]
    public void JoinThread_after_the_exit_returns_the_kept_value_once()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Tid t3 = h.Ok(p, T2, Syscall.CreateThread(0x1000, h.Map(p, 1))).ThreadId;
        Assert.Equal(XousError.NoError, h.Kernel.ExitThread(p, t3, 77));
        Assert.Equal((nuint)77, h.Ok(p, T2, Syscall.JoinThread(t3)).GetScalar(0));
        h.AssertCallFails(XousError.ThreadNotAvailable, p, T2, Syscall.JoinThread(t3));
        h.AssertInvariants();
    }

    [Fact]
    public void Unjoined_exited_threads_never_exhaust_the_table_and_the_oldest_is_reclaimed_first()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        MemoryRange stack = h.Map(p, 1);
        for (int tid = 3; tid < Limits.MaxThreadsPerProcess; tid++)
        {
            h.Ok(p, T2, Syscall.CreateThread(0x1000, stack));
        }

        Assert.Equal(XousError.NoError, h.Kernel.ExitThread(p, new Tid(9), 9));
        Assert.Equal(XousError.NoError, h.Kernel.ExitThread(p, new Tid(4), 4));
        Assert.Equal(new Tid(9), h.Ok(p, T2, Syscall.CreateThread(0x1000, stack)).ThreadId);
        Assert.Equal(new Tid(4), h.Ok(p, T2, Syscall.CreateThread(0x1000, stack)).ThreadId);
        h.AssertCallFails(XousError.ThreadNotAvailable, p, T2, Syscall.CreateThread(0x1000, stack));

        // The process ends when its last live thread exits, whatever exited threads it still keeps.
        for (int tid = 3; tid < Limits.MaxThreadsPerProcess; tid++)
        {
            Assert.Equal(XousError.NoError, h.Kernel.ExitThread(p, new Tid((nuint)tid), 0));
        }

        Assert.True(h.Kernel.IsProcessAlive(p));
        Assert.Equal(XousError.NoError, h.Kernel.ExitThread(p, T2, 0));
        Assert.False(h.Kernel.IsProcessAlive(p));
        h.AssertInvariants();
    }

    [Fact]
    public void JoinThread_errors()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        h.AssertCallFails(XousError.ThreadNotAvailable, p, T2, Syscall.JoinThread(T2));
        h.AssertCallFails(XousError.ThreadNotAvailable, p, T2, Syscall.JoinThread(new Tid(9)));
        h.AssertCallFails(XousError.ThreadNotAvailable, p, T2, Syscall.JoinThread(new Tid(31)));
        h.AssertCallFails(XousError.ThreadNotAvailable, p, T2, Syscall.JoinThread(new Tid(0)));
    }

    [Fact]
    public void Calls_from_threads_that_cannot_call_get_InvalidThread()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        h.AssertCallFails(XousError.InvalidThread, p, new Tid(3), Syscall.Yield());
        h.AssertCallFails(XousError.InvalidThread, p, new Tid(99), Syscall.Yield());
        h.CallBlocks(p, T2, Syscall.Connect(TestSid(1)));
        h.Mark();
        h.Kernel.Execute(p, T2, Syscall.Yield());
        AssertError(XousError.InvalidThread, h.Woken(p, T2).Result);
        h.AssertInvariants();

        int before = h.Arch.Resumes.Count;
        h.Kernel.Execute(new Pid(50), T2, Syscall.Yield());
        h.Kernel.Execute(Pid.Kernel, T2, Syscall.Yield());
        Assert.Equal(before, h.Arch.Resumes.Count);
    }

    [Fact]
    public void Unknown_and_unhandled_syscalls()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        h.AssertCallFails(XousError.InvalidSyscall, p, T2, default);
        h.AssertCallFails(XousError.InvalidSyscall, p, T2, Forge((SyscallNumber)1));
        h.AssertCallFails(XousError.InvalidSyscall, p, T2, Forge((SyscallNumber)47));
        Syscall[] unhandled =
        [
            Syscall.ReturnToParent(p, 0), Syscall.ClaimInterrupt(1, 0x1000, 0), Syscall.FreeInterrupt(1),
            Syscall.SwitchTo(p, 0), Syscall.ReadyThreads(p), Syscall.SetMemRegion(p, MemoryRegionType.Heap, 0x1000, 0),
            Syscall.CreateProcess(MemoryRange.Create(0x1000, Page), MemoryRange.Create(0x2000, Page), 0, 0x1000),
            Syscall.SetExceptionHandler(0x1000, 0x2000), Syscall.VirtToPhys(0x1000), Syscall.VirtToPhysPid(p, 0x1000),
            Syscall.RegisterSwapper(TestSid(1), 0, 0), Syscall.SwapOp(0, 0, 0, 0, 0, 0, 0), Syscall.RawTrng(0, 0, 0, 0, 0, 0, 0),
            Syscall.PlatformSpecific(0, 0, 0, 0, 0, 0, 0),
        ];
        foreach (Syscall call in unhandled)
        {
            h.AssertCallFails(XousError.UnhandledSyscall, p, T2, call);
        }

        Assert.Equal((ulong)(unhandled.Length + 3), h.Kernel.Statistics.Errors);
    }

    [Fact]
    public void ExitThread_errors_and_the_last_thread_ends_the_process()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Assert.Equal(XousError.InvalidThread, h.Kernel.ExitThread(p, new Tid(3), 0));
        Assert.Equal(XousError.InvalidThread, h.Kernel.ExitThread(p, new Tid(40), 0));
        Assert.Equal(XousError.ProcessNotFound, h.Kernel.ExitThread(new Pid(9), T2, 0));
        Tid t3 = h.Ok(p, T2, Syscall.CreateThread(0x1000, h.Map(p, 1))).ThreadId;
        h.CallBlocks(p, t3, Syscall.WaitEvent());
        Assert.Equal(XousError.InvalidThread, h.Kernel.ExitThread(p, t3, 0));
        Assert.Equal(XousError.NoError, h.Kernel.ExitThread(p, T2, 0));
        Assert.True(h.Kernel.IsProcessAlive(p));

        Pid q = h.NewProcess();
        h.Map(q, 2);
        Assert.Equal(XousError.NoError, h.Kernel.ExitThread(q, T2, 5));
        Assert.False(h.Kernel.IsProcessAlive(q));
        Assert.Equal((q, 0u), h.Arch.Ended.Single());
        Assert.Equal(XousError.ProcessNotFound, h.Kernel.TerminateProcess(q, 0));
        Assert.Equal(h.Config.PhysicalPages - 1, h.Kernel.Statistics.FreePages);
        h.AssertInvariants();
    }

    [Fact]
    public void TerminateProcess_syscall_ends_the_caller_without_a_result()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        h.Map(p, 3);
        int before = h.Arch.Resumes.Count;
        h.Kernel.Execute(p, T2, Syscall.TerminateProcess(77));
        Assert.Equal(before, h.Arch.Resumes.Count);
        Assert.Equal((p, 77u), h.Arch.Ended.Single());
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
        h.AssertInvariants();
    }
}

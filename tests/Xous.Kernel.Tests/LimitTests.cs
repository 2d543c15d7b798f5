using Xous.Abi;
using static Xous.Kernel.Tests.Harness;

namespace Xous.Kernel.Tests;

/// <summary>The OutOfMemory answers of a full region table or connection table, and what is refused on lent pages.</summary>
public class LimitTests
{
    private const MemoryFlags Rw = MemoryFlags.R | MemoryFlags.W;

    /// <summary>A process whose 4-slot region table is full: a 3-page read-only region, then three 1-page regions.</summary>
    private static MemoryRange FillRegions(Harness h, Pid p)
    {
        MemoryRange big = h.Map(p, 3, MemoryFlags.R);
        h.Map(p, 1, Rw);
        h.Map(p, 1, MemoryFlags.R);
        h.Map(p, 1, Rw);
        return big;
    }

    [Fact]
    public void Splitting_a_region_in_a_full_table_is_out_of_memory()
    {
        var h = new Harness(new KernelConfig { MaxRegionsPerProcess = 4 });
        Pid server = h.NewProcess();
        Pid p = h.NewProcess();
        h.NewServer(server, TestSid(1));
        Cid cid = h.ConnectTo(p, TestSid(1));
        MemoryRange big = FillRegions(h, p);
        var middle = MemoryRange.Create(big.Address + Page, Page);
        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.UnmapMemory(middle));
        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.UpdateMemoryFlags(middle, Rw));
        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.SendMessage(cid, Message.Borrow(1, middle)));
        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.IncreaseHeap(Page, Rw));
        h.Ok(p, T2, Syscall.UnmapMemory(big));
        h.Ok(p, T2, Syscall.IncreaseHeap(2 * Page, Rw));
        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.DecreaseHeap(Page));
    }

    [Fact]
    public void A_server_without_room_cannot_receive_memory_until_it_makes_room()
    {
        var h = new Harness(new KernelConfig { MaxRegionsPerProcess = 4 });
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        MemoryRange big = FillRegions(h, server);
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Borrow(1, h.Map(client, 1))));
        h.AssertCallFails(XousError.OutOfMemory, server, T2, Syscall.ReceiveMessage(TestSid(1)));
        h.AssertCallFails(XousError.OutOfMemory, server, T2, Syscall.TryReceiveMessage(TestSid(1)));
        h.Ok(server, T2, Syscall.UnmapMemory(big));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        h.Mark();
        h.Ok(server, T2, Syscall.ReturnMemory(e.Sender, e.Body.Buffer));
        Assert.Equal(ResultTag.MemoryReturned, h.Woken(client, T2).Result.Tag);
    }

    [Fact]
    public void ConnectForProcess_into_a_full_table_is_out_of_memory()
    {
        var h = new Harness();
        Pid owner = h.NewProcess();
        Pid owner2 = h.NewProcess();
        Pid target = h.NewProcess();
        for (uint i = 0; i < 33; i++)
        {
            h.NewServer(i < 20 ? owner : owner2, TestSid(i));
            if (i < 32)
            {
                h.Ok(owner, T2, Syscall.ConnectForProcess(target, TestSid(i)));
            }
        }

        h.AssertCallFails(XousError.OutOfMemory, owner2, T2, Syscall.ConnectForProcess(target, TestSid(32)));
    }

    [Fact]
    public void Lent_pages_keep_their_flags_and_forged_words_are_refused()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        MemoryRange buffer = h.Map(client, 1);
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Borrow(1, buffer)));
        var t3 = new Tid(3);
        h.AssertCallFails(XousError.ShareViolation, client, t3, Syscall.UpdateMemoryFlags(buffer, MemoryFlags.R));
        h.AssertCallFails(XousError.InvalidSyscall, client, t3, Forge(SyscallNumber.UpdateMemoryFlags, buffer.Address, Page, 0x100));
        h.AssertCallFails(XousError.InvalidSyscall, client, t3, Forge(SyscallNumber.Connect, unchecked((nuint)ulong.MaxValue)));
        h.AssertCallFails(XousError.InvalidSyscall, client, t3, Forge(SyscallNumber.ReceiveMessage, unchecked((nuint)ulong.MaxValue)));
        h.AssertCallFails(XousError.InvalidSyscall, client, t3, Forge(SyscallNumber.DestroyServer, unchecked((nuint)ulong.MaxValue)));
        h.AssertCallFails(XousError.InvalidSyscall, client, t3, Forge(SyscallNumber.ConnectForProcess, 2, unchecked((nuint)ulong.MaxValue)));
        h.AssertCallFails(XousError.ProcessNotFound, client, t3, Forge(SyscallNumber.ConnectForProcess, 0, 1, 2, 3, 4));
    }
}

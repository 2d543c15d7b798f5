using Xous.Abi;
using static Xous.Kernel.Tests.Harness;

namespace Xous.Kernel.Tests;

public class MemoryTests
{
    private const MemoryFlags Rw = MemoryFlags.R | MemoryFlags.W;

    [Fact]
    public void MapMemory_allocates_zeroed_pages_from_the_default_base()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        h.Write(p, h.Map(p, 2), [1, 2, 3]);
        h.Ok(p, T2, Syscall.UnmapMemory(MemoryRange.Create(0x6000_0000, 2 * Page)));

        MemoryRange range = h.Map(p, 3);
        Assert.Equal((nuint)0x6000_0000, range.Address);
        Assert.Equal((nuint)(3 * Page), range.Size);
        Assert.Equal(new byte[3], h.Read(p, range, 3));
        Assert.Equal(h.Config.PhysicalPages - 3, h.Kernel.Statistics.FreePages);
        Assert.Equal((nuint)0x6000_3000, h.Map(p, 1).Address);
    }

    [Fact]
    public void MapMemory_at_a_chosen_address()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        MemoryRange r = h.Ok(p, T2, Syscall.MapMemory(0, 0x1000_0000, 2 * Page, Rw)).MemoryRange;
        Assert.Equal((nuint)0x1000_0000, r.Address);
        Assert.True(h.CanWrite(p, r));
    }

    [Fact]
    public void MapMemory_errors()
    {
        var h = new Harness(new KernelConfig { PhysicalPages = 16 });
        Pid p = h.NewProcess();
        h.AssertCallFails(XousError.AccessDenied, p, T2, Syscall.MapMemory(0x4000_0000, 0, Page, Rw));
        h.AssertCallFails(XousError.BadAlignment, p, T2, Syscall.MapMemory(0, 0, 100, Rw));
        h.AssertCallFails(XousError.BadAlignment, p, T2, Syscall.MapMemory(0, 0x1000_0010, Page, Rw));
        h.AssertCallFails(XousError.BadAddress, p, T2, Syscall.MapMemory(0, 0xFF00_0000, Page, Rw));
        h.AssertCallFails(XousError.BadAddress, p, T2, Syscall.MapMemory(0, 0xFEFF_F000, 2 * Page, Rw));
        h.AssertCallFails(XousError.InvalidArgument, p, T2, Syscall.MapMemory(0, 0, Page, MemoryFlags.W));
        h.AssertCallFails(XousError.InvalidArgument, p, T2, Forge(SyscallNumber.MapMemory, 0, 0, 0, (nuint)Rw));
        h.AssertCallFails(XousError.InvalidSyscall, p, T2, Forge(SyscallNumber.MapMemory, 0, 0, Page, 0x40));
        h.Ok(p, T2, Syscall.MapMemory(0, 0x1000_0000, 2 * Page, Rw));
        h.AssertCallFails(XousError.MemoryInUse, p, T2, Syscall.MapMemory(0, 0x1000_1000, 2 * Page, Rw));
        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.MapMemory(0, 0, 15 * Page, Rw));
        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.MapMemory(0, 0, unchecked((nuint)0xA000_0000), Rw));
        Assert.Equal(14, h.Kernel.Statistics.FreePages);
    }

    [Fact]
    public void MapMemory_fails_when_the_region_table_is_full()
    {
        var h = new Harness(new KernelConfig { MaxRegionsPerProcess = 4 });
        Pid p = h.NewProcess();
        for (uint i = 0; i < 4; i++)
        {
            // Read-only and read-write alternate, so neighbours cannot merge.
            h.Ok(p, T2, Syscall.MapMemory(0, 0, Page, i % 2 == 0 ? MemoryFlags.R : Rw));
        }

        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.MapMemory(0, 0, Page, MemoryFlags.R));
    }

    [Fact]
    public void UnmapMemory_returns_frames_and_may_cut_a_mapping()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        MemoryRange r = h.Map(p, 4);
        h.Ok(p, T2, Syscall.UnmapMemory(MemoryRange.Create(r.Address + Page, 2 * Page)));
        Assert.Equal(h.Config.PhysicalPages - 2, h.Kernel.Statistics.FreePages);
        Assert.True(h.CanRead(p, MemoryRange.Create(r.Address, Page)));
        Assert.False(h.CanRead(p, MemoryRange.Create(r.Address + Page, Page)));
        Assert.True(h.CanRead(p, MemoryRange.Create(r.Address + (3 * Page), Page)));
        h.AssertCallFails(XousError.BadAddress, p, T2, Syscall.UnmapMemory(r));
    }

    [Fact]
    public void UnmapMemory_errors()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        MemoryRange r = h.Map(p, 2);
        h.AssertCallFails(XousError.BadAlignment, p, T2, Syscall.UnmapMemory(MemoryRange.Create(r.Address + 1, Page)));
        h.AssertCallFails(XousError.BadAlignment, p, T2, Syscall.UnmapMemory(MemoryRange.Create(r.Address, 10)));
        h.AssertCallFails(XousError.BadAddress, p, T2, Syscall.UnmapMemory(MemoryRange.Create(0x7000_0000, Page)));
        h.AssertCallFails(XousError.BadAddress, p, T2, Syscall.UnmapMemory(MemoryRange.Create(r.Address, 3 * Page)));
        h.AssertCallFails(XousError.BadAddress, p, T2, Syscall.UnmapMemory(MemoryRange.Create(0xFF00_0000, Page)));
        h.AssertCallFails(XousError.InvalidArgument, p, T2, Forge(SyscallNumber.UnmapMemory, r.Address, 0));

        MemoryRange heap = h.Ok(p, T2, Syscall.IncreaseHeap(Page, Rw)).MemoryRange;
        h.AssertCallFails(XousError.BadAddress, p, T2, Syscall.UnmapMemory(heap));
    }

    [Fact]
    public void UnmapMemory_of_lent_pages_is_a_share_violation()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        MemoryRange buffer = h.Map(client, 1);
        var t3 = new Tid(3);
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Borrow(1, buffer)));
        h.AssertCallFails(XousError.ShareViolation, client, t3, Syscall.UnmapMemory(buffer));
    }

    [Fact]
    public void Heap_grows_shrinks_and_is_queried()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        SyscallResult query = h.Ok(p, T2, Syscall.IncreaseHeap(0, Rw));
        Assert.Equal(ResultTag.MemoryAddress, query.Tag);
        Assert.Equal((nuint)0x2000_0000, query.MemoryAddress);

        Assert.Equal(MemoryRange.Create(0x2000_0000, 2 * Page), h.Ok(p, T2, Syscall.IncreaseHeap(2 * Page, Rw)).MemoryRange);
        Assert.Equal(MemoryRange.Create(0x2000_2000, Page), h.Ok(p, T2, Syscall.IncreaseHeap(Page, Rw)).MemoryRange);
        Assert.Equal(MemoryRange.Create(0x2000_0000, 3 * Page), h.Ok(p, T2, Syscall.IncreaseHeap(0, Rw)).MemoryRange);
        Assert.True(h.CanWrite(p, MemoryRange.Create(0x2000_0000, 3 * Page)));

        Assert.Equal(MemoryRange.Create(0x2000_1000, 2 * Page), h.Ok(p, T2, Syscall.DecreaseHeap(2 * Page)).MemoryRange);
        Assert.Equal(MemoryRange.Create(0x2000_0000, Page), h.Ok(p, T2, Syscall.DecreaseHeap(0)).MemoryRange);
        Assert.Equal(h.Config.PhysicalPages - 1, h.Kernel.Statistics.FreePages);
    }

    [Fact]
    public void Heap_errors()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        h.AssertCallFails(XousError.BadAlignment, p, T2, Syscall.IncreaseHeap(100, Rw));
        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.IncreaseHeap(h.Config.DefaultHeapMaximum + Page, Rw));
        h.AssertCallFails(XousError.InvalidArgument, p, T2, Syscall.IncreaseHeap(Page, MemoryFlags.W));
        h.AssertCallFails(XousError.InvalidSyscall, p, T2, Forge(SyscallNumber.IncreaseHeap, Page, 0x80));
        h.Ok(p, T2, Syscall.MapMemory(0, 0x2000_1000, Page, Rw));
        h.Ok(p, T2, Syscall.IncreaseHeap(Page, Rw));
        h.AssertCallFails(XousError.MemoryInUse, p, T2, Syscall.IncreaseHeap(Page, Rw));

        h.AssertCallFails(XousError.BadAlignment, p, T2, Syscall.DecreaseHeap(10));
        h.AssertCallFails(XousError.InvalidArgument, p, T2, Syscall.DecreaseHeap(2 * Page));
    }

    [Fact]
    public void DecreaseHeap_of_a_lent_page_is_a_share_violation()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        MemoryRange heap = h.Ok(client, T2, Syscall.IncreaseHeap(Page, Rw)).MemoryRange;
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Borrow(1, heap)));
        h.AssertCallFails(XousError.ShareViolation, client, new Tid(3), Syscall.DecreaseHeap(Page));
    }

    [Fact]
    public void AdjustProcessLimit_compares_and_sets()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        nuint max = h.Config.DefaultHeapMaximum;
        SyscallResult r = h.Ok(p, T2, Syscall.AdjustProcessLimit(ProcessLimit.HeapMaximum, 1, 2 * max));
        Assert.Equal((1u, max), ((uint)r.GetScalar(0), r.GetScalar(1)));
        r = h.Ok(p, T2, Syscall.AdjustProcessLimit(ProcessLimit.HeapMaximum, max, 2 * max));
        Assert.Equal(2 * max, r.GetScalar(1));
        h.Ok(p, T2, Syscall.IncreaseHeap(max + Page, Rw));

        r = h.Ok(p, T2, Syscall.AdjustProcessLimit(ProcessLimit.HeapSize, 0, 0));
        Assert.Equal((2u, max + Page), ((uint)r.GetScalar(0), r.GetScalar(1)));
        r = h.Ok(p, T2, Syscall.AdjustProcessLimit(ProcessLimit.HeapSize, max + Page, max + Page));
        Assert.Equal(max + Page, r.GetScalar(1));
    }

    [Fact]
    public void AdjustProcessLimit_errors()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        nuint max = h.Config.DefaultHeapMaximum;
        h.Ok(p, T2, Syscall.IncreaseHeap(2 * Page, MemoryFlags.R | MemoryFlags.W));
        h.AssertCallFails(XousError.InvalidLimit, p, T2, Syscall.AdjustProcessLimit(ProcessLimit.HeapMaximum, max, Page));
        h.AssertCallFails(XousError.InvalidLimit, p, T2, Syscall.AdjustProcessLimit(ProcessLimit.HeapMaximum, max, 0x4000_0000));
        h.AssertCallFails(XousError.InvalidLimit, p, T2, Syscall.AdjustProcessLimit(ProcessLimit.HeapMaximum, max, (3 * Page) + 1));
        h.AssertCallFails(XousError.InvalidLimit, p, T2, Syscall.AdjustProcessLimit(ProcessLimit.HeapSize, 2 * Page, Page));
        h.AssertCallFails(XousError.InvalidLimit, p, T2, Forge(SyscallNumber.AdjustProcessLimit, 3, 0, 0));
    }

    [Fact]
    public void UpdateMemoryFlags_changes_access()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        MemoryRange r = h.Map(p, 3);
        MemoryRange middle = MemoryRange.Create(r.Address + Page, Page);
        h.Ok(p, T2, Syscall.UpdateMemoryFlags(middle, MemoryFlags.R));
        Assert.False(h.CanWrite(p, middle));
        Assert.True(h.CanRead(p, middle));
        Assert.True(h.CanWrite(p, MemoryRange.Create(r.Address, Page)));
        h.Ok(p, T2, Syscall.UpdateMemoryFlags(r, Rw, p));
        Assert.True(h.CanWrite(p, r));

        Pid other = h.NewProcess();
        h.AssertCallFails(XousError.ProcessNotChild, p, T2, Syscall.UpdateMemoryFlags(r, Rw, other));
        h.AssertCallFails(XousError.InvalidArgument, p, T2, Syscall.UpdateMemoryFlags(r, MemoryFlags.W));
        h.AssertCallFails(XousError.BadAddress, p, T2, Syscall.UpdateMemoryFlags(MemoryRange.Create(0x7000_0000, Page), Rw));
        h.AssertCallFails(XousError.BadAlignment, p, T2, Syscall.UpdateMemoryFlags(MemoryRange.Create(r.Address, 5), Rw));
    }

    [Fact]
    public void TryGetFrames_refuses_bad_requests()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        MemoryRange r = h.Map(p, 2, MemoryFlags.R);
        Assert.False(h.Kernel.TryGetFrames(p, r, false, new int[1]));
        Assert.True(h.Kernel.TryGetFrames(p, MemoryRange.Create(r.Address + 10, Page), false, new int[2]));
        Assert.False(h.CanWrite(p, r));
        Assert.False(h.Kernel.TryGetFrames(new Pid(40), r, false, new int[4]));
        Assert.False(h.Kernel.TryGetFrames(p, default, false, new int[4]));
        Assert.False(h.Kernel.TryGetFrames(p, MemoryRange.Create(0xFFFF_0000, Page), false, new int[4]));
    }
}

namespace Xous.Abi.Tests;

/// <summary>One well-formed example of every syscall, with the register words Xous puts them in.</summary>
internal static class SyscallSamples
{
    public static readonly Sid NameServer = Sid.FromBytes("xous-name-server"u8);
    public static readonly MessageSender Sender = MessageSender.Create(new Pid(5), 3, 17);

    public static IEnumerable<(Syscall Call, nuint[] Words)> All()
    {
        MemoryRange range = MemoryRange.Create(0x4000_0000, 0x2000);
        Sid s = NameServer;
        nuint w0 = s.Word0, w1 = s.Word1, w2 = s.Word2, w3 = s.Word3;
        yield return (Syscall.MapMemory(0xF000_1000, 0x6000_0000, 0x1000, MemoryFlags.R | MemoryFlags.W | MemoryFlags.Dev), [2, 0xF000_1000, 0x6000_0000, 0x1000, 0b10110, 0, 0, 0]);
        yield return (Syscall.Yield(), [3, 0, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.ReturnToParent(Pid.Kernel, 0), [4, 1, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.ClaimInterrupt(8, 0x1_0040, 0x2000_0000), [5, 8, 0x1_0040, 0x2000_0000, 0, 0, 0, 0]);
        yield return (Syscall.FreeInterrupt(8), [6, 8, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.SwitchTo(new Pid(2), 0), [7, 2, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.ReadyThreads(new Pid(3)), [8, 3, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.WaitEvent(), [9, 0, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.IncreaseHeap(0x4000, MemoryFlags.R | MemoryFlags.W), [10, 0x4000, 0b110, 0, 0, 0, 0, 0]);
        yield return (Syscall.DecreaseHeap(0x1000), [11, 0x1000, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.UpdateMemoryFlags(range, MemoryFlags.R, new Pid(9)), [12, 0x4000_0000, 0x2000, 0b10, 9, 0, 0, 0]);
        yield return (Syscall.SetMemRegion(new Pid(4), MemoryRegionType.Stack, 0x7000_0000, 0x2_0000), [13, 4, 4, 0x7000_0000, 0x2_0000, 0, 0, 0]);
        yield return (Syscall.CreateServerWithAddress(s), [14, w0, w1, w2, w3, 0, 0, 0]);
        yield return (Syscall.ReceiveMessage(s), [15, w0, w1, w2, w3, 0, 0, 0]);
        yield return (Syscall.SendMessage(new Cid(2), Message.BlockingScalar(7, 1, 2, 3, 4)), [16, 2, 5, 7, 1, 2, 3, 4]);
        yield return (Syscall.Connect(s), [17, w0, w1, w2, w3, 0, 0, 0]);
        yield return (Syscall.CreateThread(0x1_0100, MemoryRange.Create(0x6000_0000, 0x2_0000), 11, 12, 13, 14), [18, 0x1_0100, 0x6000_0000, 0x2_0000, 11, 12, 13, 14]);
        yield return (Syscall.UnmapMemory(range), [19, 0x4000_0000, 0x2000, 0, 0, 0, 0, 0]);
        yield return (Syscall.ReturnMemory(Sender, range, 16, 100), [20, Sender.Value, 0x4000_0000, 0x2000, 16, 100, 0, 0]);
        yield return (Syscall.CreateProcess(MemoryRange.Create(0x7FFF_0000, 0x1_0000), MemoryRange.Create(0x2000_1000, 0x8000), 0x1_0000, 0x1_0074), [21, 0x7FFF_0000, 0x1_0000, 0x2000_1000, 0x8000, 0x1_0000, 0x1_0074, 0]);
        yield return (Syscall.TerminateProcess(3), [22, 3, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.Shutdown(), [23, 0, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.TrySendMessage(new Cid(33), Message.MutableBorrow(2, range, 8, 64)), [24, 33, 1, 2, 0x4000_0000, 0x2000, 8, 64]);
        yield return (Syscall.TryConnect(s), [25, w0, w1, w2, w3, 0, 0, 0]);
        yield return (Syscall.ReturnScalar1(Sender, 42), [26, Sender.Value, 42, 0, 0, 0, 0, 0]);
        yield return (Syscall.ReturnScalar2(Sender, 42, 43), [27, Sender.Value, 42, 43, 0, 0, 0, 0]);
        yield return (Syscall.TryReceiveMessage(s), [28, w0, w1, w2, w3, 0, 0, 0]);
        yield return (Syscall.CreateServer(), [29, 0, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.ConnectForProcess(new Pid(12), s), [30, 12, w0, w1, w2, w3, 0, 0]);
        yield return (Syscall.CreateServerId(), [31, 0, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.GetThreadId(), [32, 0, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.GetProcessId(), [33, 0, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.DestroyServer(s), [34, w0, w1, w2, w3, 0, 0, 0]);
        yield return (Syscall.Disconnect(new Cid(4)), [35, 4, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.JoinThread(new Tid(3)), [36, 3, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.SetExceptionHandler(0x1_0200, 0x6001_0000), [37, 0x1_0200, 0x6001_0000, 0, 0, 0, 0, 0]);
        yield return (Syscall.AdjustProcessLimit(ProcessLimit.HeapMaximum, 0x8_0000, 0xC0_0000), [38, 1, 0x8_0000, 0xC0_0000, 0, 0, 0, 0]);
        yield return (Syscall.VirtToPhys(0x2000_0000), [39, 0x2000_0000, 0, 0, 0, 0, 0, 0]);
        yield return (Syscall.ReturnScalar5(Sender, 1, 2, 3, 4, 5), [40, Sender.Value, 1, 2, 3, 4, 5, 0]);
        yield return (Syscall.ReplyAndReceiveNext(Sender, ReplyKind.Scalar2, 9, 10), [41, Sender.Value, 9, 10, 0, 0, 0, 2]);
        yield return (Syscall.VirtToPhysPid(new Pid(6), 0x2000_0000), [42, 6, 0x2000_0000, 0, 0, 0, 0, 0]);
        yield return (Syscall.RegisterSwapper(s, 0x1_0300, 0x2000_4000), [43, w0, w1, w2, w3, 0x1_0300, 0x2000_4000, 0]);
        yield return (Syscall.SwapOp(1, 2, 3, 4, 5, 6, 7), [44, 1, 2, 3, 4, 5, 6, 7]);
        yield return (Syscall.RawTrng(7, 6, 5, 4, 3, 2, 1), [45, 7, 6, 5, 4, 3, 2, 1]);
        yield return (Syscall.PlatformSpecific(0x100, 2, 3, 4, 5, 6, 7), [46, 0x100, 2, 3, 4, 5, 6, 7]);
        // Second shapes of the calls that have more than one.
        yield return (Syscall.ReplyAndReceiveNextWithMemory(Sender, range, 4, 12), [41, Sender.Value, 0x4000_0000, 0x2000, 4, 12, 0, nuint.MaxValue]);
        yield return (Syscall.SendMessage(new Cid(2), Message.Move(9, range)), [16, 2, 3, 9, 0x4000_0000, 0x2000, 0, 0]);
        yield return (Syscall.SendMessage(new Cid(2), Message.Borrow(9, range, 1, 2)), [16, 2, 2, 9, 0x4000_0000, 0x2000, 1, 2]);
        yield return (Syscall.SendMessage(new Cid(2), Message.Scalar(9, 5, 6, 7, 8)), [16, 2, 4, 9, 5, 6, 7, 8]);
        yield return (Syscall.UpdateMemoryFlags(range, MemoryFlags.R | MemoryFlags.X), [12, 0x4000_0000, 0x2000, 0b1010, 0, 0, 0, 0]);
    }
}

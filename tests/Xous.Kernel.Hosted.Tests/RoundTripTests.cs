using System.Collections.Concurrent;
using Xous.Abi;
using Xous.Runtime.Hosted;

namespace Xous.Kernel.Hosted.Tests;

/// <summary>In-process units talking through KernelHost and HostedKernelPort.</summary>
public sealed class RoundTripTests
{
    private static readonly MemoryFlags s_readWrite = MemoryFlags.R | MemoryFlags.W;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AllFiveMessageKinds_RoundTrip(bool replyAndReceiveNext)
    {
        using var harness = new Harness();
        var sid = new Sid(1, 2, 3, 4);
        var ready = new ManualResetEventSlim();
        var seen = new ConcurrentQueue<string>();
        Task<int> server = harness.Run("server", port => EchoServer.Serve(port, sid, ready, seen, replyAndReceiveNext));
        Assert.True(ready.Wait(Harness.Timeout));

        Task<bool> client = harness.Run("client", port =>
        {
            Cid cid = EchoServer.Connect(port, sid);
            Assert.Equal(ResultTag.Ok, port.Call(Syscall.SendMessage(cid, Message.Scalar(7, 8))).Tag);

            SyscallResult sum = port.Call(Syscall.SendMessage(cid, Message.BlockingScalar(EchoServer.AddId, 40, 2)));
            Assert.Equal(ResultTag.Scalar1, sum.Tag);
            Assert.Equal((nuint)42, sum.GetScalar(0));

            // MutableBorrow over three pages: the server's increments come back, and so do offset + 1 and valid + 1.
            MemoryRange buffer = Map(port, 3 * Limits.PageSize);
            Span<byte> local = port.GetMemory(buffer);
            for (int i = 0; i < local.Length; i++)
            {
                local[i] = (byte)i;
            }

            SyscallResult back = port.Call(Syscall.SendMessage(cid, Message.MutableBorrow(5, buffer, offset: 10, valid: 100)));
            Assert.Equal(ResultTag.MemoryReturned, back.Tag);
            Assert.Equal((nuint)11, back.ReturnedOffset);
            Assert.Equal((nuint)101, back.ReturnedValid);
            local = port.GetMemory(buffer);
            for (int i = 0; i < local.Length; i++)
            {
                Assert.Equal((byte)(i + 1), local[i]);
            }

            // Borrow: the server scribbles over its copy; the lender's bytes do not change.
            local.Fill(0x11);
            SyscallResult borrowed = port.Call(Syscall.SendMessage(cid, Message.Borrow(6, buffer, offset: 3, valid: 4)));
            Assert.Equal(ResultTag.MemoryReturned, borrowed.Tag);
            Assert.Equal((nuint)3, borrowed.ReturnedOffset);
            Assert.Equal((nuint)4, borrowed.ReturnedValid);
            Assert.True(port.GetMemory(buffer).IndexOfAnyExcept((byte)0x11) < 0, "a Borrow changed the lender's buffer");

            // Move: the pages leave the sender.
            MemoryRange moved = Map(port, 2 * Limits.PageSize);
            port.GetMemory(moved).Fill(0x77);
            Assert.Equal(ResultTag.Ok, port.Call(Syscall.SendMessage(cid, Message.Move(8, moved))).Tag);
            Assert.Throws<ArgumentException>(() => port.GetMemory(moved));

            EchoServer.Quit(port, cid);
            return true;
        });

        Assert.True(Units.Result(client));
        Assert.Equal(6, Units.Result(server));
        Assert.Equal(
            ["scalar 7 8", "mutable 0 12288", "borrow 17 17", "move 119 119", "quit"],
            seen.ToArray());
        Assert.Null(harness.Host.FindInvariantViolation());
    }

    [Fact]
    public void StartThread_RunsEntry_AndJoinReturnsItsValue()
    {
        using var harness = new Harness();
        Task<(nuint, nuint, XousError)> unit = harness.Run("threads", port =>
        {
            var initial = new Tid(2);
            Assert.Equal(XousError.NoError, port.StartThread(
                argument =>
                {
                    harness.WaitUntilNotRunning(port.Process, initial);
                    return argument * 2;
                },
                21,
                out Tid first));
            Assert.Equal(XousError.NoError, port.StartThread(_ => port.CurrentThread.Value, 0, out Tid second));
            SyscallResult joined = port.Call(Syscall.JoinThread(first));
            Assert.Equal(ResultTag.Scalar1, joined.Tag);

            // The first was joined before it exited; the second has exited before its join, which still gets its value.
            harness.WaitUntilNotRunning(port.Process, second);
            SyscallResult late = port.Call(Syscall.JoinThread(second));
            Assert.Equal(ResultTag.Scalar1, late.Tag);
            Assert.Equal(second.Value, late.GetScalar(0));

            // A .NET thread the port did not start is no Xous thread.
            XousError foreign = XousError.NoError;
            var stranger = new Thread(() => foreign = port.Call(Syscall.GetThreadId()).Error);
            stranger.Start();
            stranger.Join();
            return (joined.GetScalar(0), first.Value, foreign);
        });

        (nuint value, nuint tid, XousError foreignError) = Units.Result(unit);
        Assert.Equal((nuint)42, value);
        Assert.Equal((nuint)3, tid);
        Assert.Equal(XousError.InvalidThread, foreignError);
        Assert.Null(harness.Host.FindInvariantViolation());
    }

    [Fact]
    public void ManyThreads_ShareOneStream()
    {
        using var harness = new Harness();
        var sid = new Sid(9, 9, 9, 9);
        var ready = new ManualResetEventSlim();
        Task<int> server = harness.Run("server", port => EchoServer.Serve(port, sid, ready));
        Assert.True(ready.Wait(Harness.Timeout));
        const int Threads = 4;
        const int Calls = 200;
        Task<bool> client = harness.Run("client", port =>
        {
            Cid cid = EchoServer.Connect(port, sid);
            int failures = 0;
            using var finished = new CountdownEvent(Threads);
            for (int t = 0; t < Threads; t++)
            {
                Assert.Equal(XousError.NoError, port.StartThread(
                    seed =>
                    {
                        MemoryRange page = Map(port, Limits.PageSize);
                        for (nuint i = 0; i < Calls; i++)
                        {
                            SyscallResult r = port.Call(Syscall.SendMessage(cid, Message.BlockingScalar(EchoServer.AddId, seed, i)));
                            int bad = r.Tag == ResultTag.Scalar1 && r.GetScalar(0) == seed + i ? 0 : 1;
                            port.GetMemory(page)[0] = (byte)i;
                            SyscallResult lent = port.Call(Syscall.SendMessage(cid, Message.MutableBorrow(2, page)));
                            bad += lent.Tag == ResultTag.MemoryReturned && port.GetMemory(page)[0] == (byte)(i + 1) ? 0 : 1;
                            Interlocked.Add(ref failures, bad);
                        }

                        finished.Signal();
                        return 0;
                    },
                    (nuint)(1000 * (t + 1)),
                    out _));
            }

            // The initial thread keeps calling while the others do.
            for (nuint i = 0; i < Calls; i++)
            {
                SyscallResult r = port.Call(Syscall.SendMessage(cid, Message.BlockingScalar(EchoServer.AddId, 5, i)));
                Interlocked.Add(ref failures, r.Tag == ResultTag.Scalar1 && r.GetScalar(0) == 5 + i ? 0 : 1);
            }

            Assert.True(finished.Wait(Harness.Timeout));
            EchoServer.Quit(port, cid);
            return failures == 0;
        });

        Assert.True(Units.Result(client));
        Assert.Equal((2 * Threads * Calls) + Calls + 1, Units.Result(server));
        Assert.Null(harness.Host.FindInvariantViolation());
    }

    [Fact]
    public void LocalMemory_FollowsHeapAndPartialUnmaps()
    {
        using var harness = new Harness();
        Task<bool> unit = harness.Run("memory", port =>
        {
            MemoryRange first = port.Call(Syscall.IncreaseHeap(Limits.PageSize, s_readWrite)).MemoryRange;
            MemoryRange second = port.Call(Syscall.IncreaseHeap(2 * Limits.PageSize, s_readWrite)).MemoryRange;
            Assert.Equal(first.Address + first.Size, second.Address);
            MemoryRange heap = MemoryRange.Create(first.Address, 3 * Limits.PageSize);
            port.GetMemory(heap).Fill(0x42); // adjacent heap growth reads as one range

            SyscallResult shrunk = port.Call(Syscall.DecreaseHeap(Limits.PageSize));
            Assert.Equal(ResultTag.MemoryRange, shrunk.Tag);
            Assert.Throws<ArgumentException>(() => port.GetMemory(heap));
            Assert.Equal(0x42, port.GetMemory(MemoryRange.Create(first.Address, 2 * Limits.PageSize))[^1]);

            MemoryRange mapped = Map(port, 4 * Limits.PageSize);
            port.GetMemory(mapped).Fill(9);
            MemoryRange middle = MemoryRange.Create(mapped.Address + Limits.PageSize, 2 * Limits.PageSize);
            Assert.Equal(ResultTag.Ok, port.Call(Syscall.UnmapMemory(middle)).Tag);
            Assert.Throws<ArgumentException>(() => port.GetMemory(middle));
            Assert.Throws<ArgumentException>(() => port.GetMemory(mapped));
            Assert.Equal(9, port.GetMemory(MemoryRange.Create(mapped.Address, Limits.PageSize))[0]);
            Assert.Equal(9, port.GetMemory(MemoryRange.Create(mapped.Address + (3 * Limits.PageSize), Limits.PageSize))[0]);
            return true;
        });

        Assert.True(Units.Result(unit));
        Assert.Null(harness.Host.FindInvariantViolation());
    }

    [Fact]
    public void TerminateProcess_EndsTheProcess_AndLaterCallsFail()
    {
        using var harness = new Harness();
        Pid pid = default;
        Task<XousError> unit = harness.Run("quitter", port =>
        {
            pid = port.Process;
            Assert.Equal(XousError.ProcessTerminated, port.Call(Syscall.TerminateProcess(5)).Error);
            return port.Call(Syscall.GetProcessId()).Error;
        });

        Assert.Equal(XousError.ProcessTerminated, Units.Result(unit));
        Assert.Equal(5u, harness.WaitForExit(pid));
        harness.AssertStillServes();
    }

    internal static MemoryRange Map(HostedKernelPort port, nuint size)
    {
        SyscallResult mapped = port.Call(Syscall.MapMemory(0, 0, size, s_readWrite));
        Assert.Equal(ResultTag.MemoryRange, mapped.Tag);
        return mapped.MemoryRange;
    }
}

using Xous.Abi;
using static Xous.Kernel.Tests.Harness;

namespace Xous.Kernel.Tests;

public class ServerTests
{
    [Fact]
    public void CreateServerWithAddress_returns_the_sid_and_a_connection_from_cid_2()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        SyscallResult r = h.Ok(p, T2, Syscall.CreateServerWithAddress(TestSid(1)));
        Assert.Equal(ResultTag.NewServerId, r.Tag);
        Assert.Equal(TestSid(1), r.ServerId);
        Assert.Equal(new Cid(2), r.ConnectionId);
        Assert.Equal(new Cid(2), h.ConnectTo(p, TestSid(1)));
        Assert.Equal(1, h.Kernel.Statistics.Servers);
    }

    [Fact]
    public void CreateServerWithAddress_errors()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Pid q = h.NewProcess();
        h.NewServer(p, TestSid(1));
        h.AssertCallFails(XousError.ServerExists, q, T2, Syscall.CreateServerWithAddress(TestSid(1)));
        h.AssertCallFails(XousError.InvalidSyscall, q, T2, Forge(SyscallNumber.CreateServerWithAddress, unchecked((nuint)ulong.MaxValue), 0, 0, 0));

        // 128 servers system-wide; a process has only 32 connections, so spread them over processes.
        Pid[] owners = [p, q, h.NewProcess(), h.NewProcess()];
        for (uint i = 2; i <= 128; i++)
        {
            h.NewServer(owners[(i - 1) / 32], TestSid(i));
        }

        Pid last = h.NewProcess();
        h.AssertCallFails(XousError.OutOfMemory, last, T2, Syscall.CreateServerWithAddress(TestSid(500)));
        h.AssertCallFails(XousError.OutOfMemory, last, T2, Syscall.CreateServer());
    }

    [Fact]
    public void CreateServerWithAddress_needs_a_free_connection()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        for (uint i = 0; i < 32; i++)
        {
            h.NewServer(p, TestSid(i));
        }

        h.AssertCallFails(XousError.OutOfMemory, p, T2, Syscall.CreateServerWithAddress(TestSid(99)));
        Assert.Equal(32, h.Kernel.Statistics.Servers);
    }

    [Fact]
    public void CreateServer_draws_random_sids_and_redraws_on_collision()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Sid taken = TestSid(7);
        h.NewServer(p, taken);
        foreach (uint w in new[] { taken.Word0, taken.Word1, taken.Word2, taken.Word3, 1u, 2u, 3u, 4u })
        {
            h.Arch.ScriptedRandom.Enqueue(w);
        }

        SyscallResult r = h.Ok(p, T2, Syscall.CreateServer());
        Assert.Equal(new Sid(1, 2, 3, 4), r.ServerId);
        Assert.Equal(new Cid(3), r.ConnectionId);

        for (int i = 0; i < 4 * 16; i++)
        {
            h.Arch.ScriptedRandom.Enqueue(i % 4 == 0 ? 1u : i % 4 == 1 ? 2u : i % 4 == 2 ? 3u : 4u);
        }

        h.AssertCallFails(XousError.InternalError, p, T2, Syscall.CreateServer());
    }

    [Fact]
    public void CreateServerId_returns_random_bits_without_a_server()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        foreach (uint w in new[] { 9u, 8u, 7u, 6u })
        {
            h.Arch.ScriptedRandom.Enqueue(w);
        }

        Assert.Equal(new Sid(9, 8, 7, 6), h.Ok(p, T2, Syscall.CreateServerId()).ServerId);
        Assert.Equal(0, h.Kernel.Statistics.Servers);
    }

    [Fact]
    public void Connect_gives_one_cid_per_sid_and_refuses_the_33rd()
    {
        var h = new Harness();
        Pid owner = h.NewProcess();
        Pid owner2 = h.NewProcess();
        Pid client = h.NewProcess();
        for (uint i = 0; i < 33; i++)
        {
            h.NewServer(i < 20 ? owner : owner2, TestSid(i));
        }

        for (uint i = 0; i < 32; i++)
        {
            Assert.Equal(new Cid(i + 2), h.ConnectTo(client, TestSid(i)));
        }

        Assert.Equal(new Cid(7), h.ConnectTo(client, TestSid(5)));
        h.AssertCallFails(XousError.OutOfMemory, client, T2, Syscall.Connect(TestSid(32)));
        h.AssertCallFails(XousError.OutOfMemory, client, T2, Syscall.TryConnect(TestSid(32)));
        h.AssertCallFails(XousError.OutOfMemory, client, T2, Syscall.Connect(TestSid(999)));

        h.Ok(client, T2, Syscall.Disconnect(new Cid(7)));
        Assert.Equal(new Cid(7), h.ConnectTo(client, TestSid(32)));
    }

    [Fact]
    public void Connect_blocks_until_the_server_is_created()
    {
        var h = new Harness();
        Pid client = h.NewProcess();
        Pid server = h.NewProcess();
        h.CallBlocks(client, T2, Syscall.Connect(TestSid(3)));
        h.AssertCallFails(XousError.ServerNotFound, server, T2, Syscall.TryConnect(TestSid(3)));
        h.Mark();
        h.NewServer(server, TestSid(3));
        ResumeRecord woken = h.Woken(client, T2);
        Assert.Equal(new Cid(2), woken.Result.ConnectionId);
        Assert.True(h.Kernel.IsThreadRunning(client, T2));
    }

    [Fact]
    public void ConnectForProcess_creates_the_connection_in_the_target()
    {
        var h = new Harness();
        Pid names = h.NewProcess();
        Pid server = h.NewProcess();
        Pid client = h.NewProcess();
        h.NewServer(server, TestSid(1));
        SyscallResult r = h.Ok(names, T2, Syscall.ConnectForProcess(client, TestSid(1)));
        Assert.Equal(new Cid(2), r.ConnectionId);
        h.Ok(client, T2, Syscall.SendMessage(new Cid(2), Message.Scalar(5)));
        h.AssertCallFails(XousError.ServerNotFound, names, T2, Syscall.SendMessage(new Cid(2), Message.Scalar(5)));

        h.AssertCallFails(XousError.ProcessNotFound, names, T2, Syscall.ConnectForProcess(new Pid(60), TestSid(1)));
        h.AssertCallFails(XousError.ProcessNotFound, names, T2, Syscall.ConnectForProcess(Pid.Kernel, TestSid(1)));
        h.AssertCallFails(XousError.ServerNotFound, names, T2, Syscall.ConnectForProcess(client, TestSid(2)));
    }

    [Fact]
    public void Disconnect_frees_the_slot_and_refuses_unknown_cids()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Cid cid = h.NewServer(p, TestSid(1));
        h.Ok(p, T2, Syscall.Disconnect(cid));
        h.AssertCallFails(XousError.ServerNotFound, p, T2, Syscall.SendMessage(cid, Message.Scalar(1)));
        h.AssertCallFails(XousError.ServerNotFound, p, T2, Syscall.Disconnect(cid));
        h.AssertCallFails(XousError.ServerNotFound, p, T2, Syscall.Disconnect(new Cid(0)));
        h.AssertCallFails(XousError.ServerNotFound, p, T2, Syscall.Disconnect(new Cid(34)));
    }

    [Fact]
    public void DestroyServer_errors()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Pid q = h.NewProcess();
        h.NewServer(p, TestSid(1));
        h.AssertCallFails(XousError.ServerNotFound, p, T2, Syscall.DestroyServer(TestSid(2)));
        h.AssertCallFails(XousError.AccessDenied, q, T2, Syscall.DestroyServer(TestSid(1)));
        h.Ok(p, T2, Syscall.DestroyServer(TestSid(1)));
        h.AssertCallFails(XousError.ServerNotFound, p, T2, Syscall.DestroyServer(TestSid(1)));
        Assert.Equal(0, h.Kernel.Statistics.Servers);
    }

    [Fact]
    public void DestroyServer_answers_senders_and_receivers_and_leaves_connections_stale()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        var t3 = new Tid(3);
        var t4 = new Tid(4);
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        h.Ok(server, T2, Syscall.CreateThread(0x1000, h.Map(server, 1)));
        MemoryRange buffer = h.Map(client, 2);
        h.Write(client, buffer, [42]);

        // t3: a blocking scalar that the server receives; t4: a lend that stays queued; then a waiting receiver.
        h.CallBlocks(client, t3, Syscall.SendMessage(cid, Message.BlockingScalar(1)));
        h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1)));
        h.CallBlocks(client, t4, Syscall.SendMessage(cid, Message.MutableBorrow(2, buffer)));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(3, h.Map(client, 1))));
        Assert.False(h.CanRead(client, buffer));

        h.Mark();
        h.Ok(server, T2, Syscall.DestroyServer(TestSid(1)));
        AssertError(XousError.ServerNotFound, h.Woken(client, t3).Result);
        ResumeRecord lend = h.Woken(client, t4);
        AssertError(XousError.ServerNotFound, lend.Result);
        Assert.Equal(buffer, lend.Attached);
        Assert.Equal([42], h.Read(client, buffer, 1));
        h.Ok(server, T2, Syscall.CreateServerWithAddress(TestSid(2)));
        h.CallBlocks(server, new Tid(3), Syscall.ReceiveMessage(TestSid(2)));
        h.Mark();
        h.Ok(server, T2, Syscall.DestroyServer(TestSid(2)));
        AssertError(XousError.ServerNotFound, h.Woken(server, new Tid(3)).Result);

        h.AssertCallFails(XousError.ServerNotFound, client, T2, Syscall.SendMessage(cid, Message.Scalar(1)));
        h.NewServer(server, TestSid(1));
        Assert.Equal(cid, h.ConnectTo(client, TestSid(1)));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(1)));
        Assert.Equal(h.Config.PhysicalPages - 5, h.Kernel.Statistics.FreePages);
    }

    [Fact]
    public void DestroyServer_wakes_senders_waiting_for_queue_space()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        for (int i = 0; i < Limits.ServerQueueLength; i++)
        {
            h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar((nuint)i)));
        }

        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Scalar(999)));
        h.Mark();
        h.Ok(server, T2, Syscall.DestroyServer(TestSid(1)));
        AssertError(XousError.ServerNotFound, h.Woken(client, T2).Result);
    }
}

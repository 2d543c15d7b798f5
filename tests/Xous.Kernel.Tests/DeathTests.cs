using Xous.Abi;
using static Xous.Kernel.Tests.Harness;

namespace Xous.Kernel.Tests;

public class DeathTests
{
    [Fact]
    public void A_server_that_dies_holding_lent_memory_gives_it_back_with_ServerNotFound()
    {
        var h = new Harness();
        Pid server = h.NewProcess();
        Pid client = h.NewProcess();
        h.NewServer(server, TestSid(1));
        Cid cid = h.ConnectTo(client, TestSid(1));
        MemoryRange buffer = h.Map(client, 2);
        byte[] data = Pattern(8192, 1);
        h.Write(client, buffer, data);
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.MutableBorrow(1, buffer)));
        h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1)));

        h.Mark();
        Assert.Equal(XousError.NoError, h.Kernel.TerminateProcess(server, 9));
        ResumeRecord r = h.Woken(client, T2);
        AssertError(XousError.ServerNotFound, r.Result);
        Assert.Equal(buffer, r.Attached);
        Assert.Equal(data, h.Read(client, buffer, data.Length));
        h.AssertInvariants();

        h.AssertCallFails(XousError.ServerNotFound, client, T2, Syscall.SendMessage(cid, Message.Scalar(1)));
        Assert.Equal(h.Config.PhysicalPages - 2, h.Kernel.Statistics.FreePages);
    }

    [Fact]
    public void A_lender_that_dies_leaves_the_server_a_reply_that_frees_the_pages()
    {
        var h = new Harness();
        Pid server = h.NewProcess();
        Pid client = h.NewProcess();
        h.NewServer(server, TestSid(1));
        Cid cid = h.ConnectTo(client, TestSid(1));
        MemoryRange buffer = h.Map(client, 3);
        h.Write(client, buffer, [5]);
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Borrow(1, buffer)));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;

        Assert.Equal(XousError.NoError, h.Kernel.TerminateProcess(client, 1));
        h.AssertInvariants();
        Assert.Equal(h.Config.PhysicalPages - 3, h.Kernel.Statistics.FreePages);
        Assert.Equal([5], h.Read(server, e.Body.Buffer, 1));

        h.Ok(server, T2, Syscall.ReturnMemory(e.Sender, e.Body.Buffer));
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
        Assert.False(h.CanRead(server, e.Body.Buffer));
        h.AssertCallFails(XousError.DoubleFree, server, T2, Syscall.ReturnMemory(e.Sender, e.Body.Buffer));
    }

    [Fact]
    public void A_blocking_scalar_of_a_dead_client_is_answered_into_the_void()
    {
        var h = new Harness();
        Pid server = h.NewProcess();
        Pid client = h.NewProcess();
        h.NewServer(server, TestSid(1));
        Cid cid = h.ConnectTo(client, TestSid(1));
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.BlockingScalar(1)));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        h.Kernel.TerminateProcess(client, 0);
        int before = h.Arch.Resumes.Count;
        h.Ok(server, T2, Syscall.ReturnScalar1(e.Sender, 3));
        Assert.Equal(before + 1, h.Arch.Resumes.Count);
    }

    [Fact]
    public void A_dying_sender_loses_its_queued_messages_and_moved_pages()
    {
        var h = new Harness();
        Pid server = h.NewProcess();
        Pid client = h.NewProcess();
        h.NewServer(server, TestSid(1));
        Cid cid = h.ConnectTo(client, TestSid(1));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(1, h.Map(client, 2))));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(2)));
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        h.CallBlocks(client, new Tid(3), Syscall.SendMessage(cid, Message.Borrow(3, h.Map(client, 1))));

        h.Kernel.TerminateProcess(client, 0);
        h.AssertInvariants();
        Assert.Equal(ResultTag.None, h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))).Tag);
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
        Assert.Equal((ulong)3, h.Kernel.Statistics.MessagesDropped);
    }

    [Fact]
    public void A_process_sending_to_its_own_server_can_die_mid_message()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Pid other = h.NewProcess();
        Cid cid = h.NewServer(p, TestSid(1));
        h.Ok(p, T2, Syscall.CreateThread(0x1000, h.Map(p, 1)));
        h.CallBlocks(p, T2, Syscall.SendMessage(cid, Message.MutableBorrow(1, h.Map(p, 2))));
        h.Ok(p, new Tid(3), Syscall.ReceiveMessage(TestSid(1)));
        h.CallBlocks(other, T2, Syscall.Connect(TestSid(2)));
        h.Kernel.TerminateProcess(p, 0);
        h.AssertInvariants();
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
        Assert.False(h.Kernel.IsThreadRunning(other, T2));
    }
}

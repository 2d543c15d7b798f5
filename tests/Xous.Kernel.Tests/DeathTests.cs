using Xous.Abi;
using static Xous.Kernel.Tests.Harness;

namespace Xous.Kernel.Tests;

public class DeathTests
{
    [Fact]
    public void A_server_that_dies_holding_lent_memory_gives_it_back_with_ServerNotFound()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
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
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
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
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.BlockingScalar(1)));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        h.Kernel.TerminateProcess(client, 0);
        int before = h.Arch.Resumes.Count;
        h.Ok(server, T2, Syscall.ReturnScalar1(e.Sender, 3));
        Assert.Equal(before + 1, h.Arch.Resumes.Count);
    }

    [Fact]
    public void A_dead_clients_queued_scalar_and_move_are_still_delivered()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        MemoryRange buffer = h.Map(client, 2);
        byte[] data = Pattern(2 * (int)Page, 3);
        h.Write(client, buffer, data);
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(7, 1, 2, 3, 4)));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(8, buffer, 5, 6)));

        h.Mark();
        Assert.Equal(XousError.NoError, h.Kernel.TerminateProcess(client, 0));
        h.AssertInvariants();
        Assert.Equal(h.Config.PhysicalPages - 2, h.Kernel.Statistics.FreePages);
        Assert.Equal((ulong)0, h.Kernel.Statistics.MessagesDropped);

        MessageEnvelope scalar = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        Assert.Equal(MessageKind.Scalar, scalar.Body.Kind);
        Assert.Equal((nuint)7, scalar.Body.Id);
        Assert.Equal(Message.Scalar(7, 1, 2, 3, 4), scalar.Body);
        Assert.Equal(client, scalar.Sender.ProcessId);

        ResumeRecord moved = h.CallWithRecord(server, T2, Syscall.ReceiveMessage(TestSid(1)));
        MessageEnvelope move = moved.Result.Envelope;
        Assert.Equal(MessageKind.Move, move.Body.Kind);
        Assert.Equal((nuint)8, move.Body.Id);
        Assert.Equal(client, move.Sender.ProcessId);
        Assert.Equal(2 * (nuint)Page, move.Body.Buffer.Size);
        Assert.Equal((nuint)0x4000_0000, move.Body.Buffer.Address);
        Assert.Equal(move.Body.Buffer, moved.Attached);
        Assert.Equal(data, h.Read(server, move.Body.Buffer, data.Length));
        Assert.True(h.CanWrite(server, move.Body.Buffer));

        // Neither takes a reply; nobody is resumed for them.
        h.AssertCallFails(XousError.DoubleFree, server, T2, Syscall.ReturnScalar1(scalar.Sender, 1));
        h.AssertCallFails(XousError.DoubleFree, server, T2, Syscall.ReturnMemory(move.Sender, move.Body.Buffer));
        Assert.Empty(h.ResumesOf(client, T2));
        Assert.Equal(ResultTag.None, h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))).Tag);

        h.Ok(server, T2, Syscall.UnmapMemory(move.Body.Buffer));
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
        Assert.Equal(XousError.NoError, h.Kernel.TerminateProcess(server, 0));
        h.AssertInvariants();
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
        Assert.Equal((ulong)0, h.Kernel.Statistics.MessagesDropped);
    }

    [Fact]
    public void A_move_of_a_dead_client_is_held_by_the_server_but_inaccessible_until_received()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        MemoryRange first = h.Map(client, 1);
        MemoryRange second = h.Map(client, 3);
        h.Write(client, second, [9, 8, 7]);
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(1, first)));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(2, second)));
        h.Kernel.TerminateProcess(client, 0);
        h.AssertInvariants();

        // The server holds both at message addresses but cannot touch, unmap or re-map over them yet.
        var held = MemoryRange.Create(0x4000_0000, 4 * Page);
        Assert.False(h.CanRead(server, held));
        h.AssertCallFails(XousError.ShareViolation, server, T2, Syscall.UnmapMemory(held));
        h.AssertCallFails(XousError.MemoryInUse, server, T2, Syscall.MapMemory(0, 0x4000_0000, Page, MemoryFlags.R | MemoryFlags.W));

        MessageEnvelope a = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        MessageEnvelope b = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        Assert.Equal(MemoryRange.Create(0x4000_0000, Page), a.Body.Buffer);
        Assert.Equal(MemoryRange.Create(0x4000_0000 + Page, 3 * Page), b.Body.Buffer);
        Assert.Equal([9, 8, 7], h.Read(server, b.Body.Buffer, 3));
        h.Ok(server, T2, Syscall.UnmapMemory(held));
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
    }

    [Fact]
    public void A_dead_clients_queued_blocking_messages_are_dropped_and_its_other_messages_kept()
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(1)));
        h.CallBlocks(client, new Tid(3), Syscall.SendMessage(cid, Message.BlockingScalar(2)));
        h.CallBlocks(client, new Tid(4), Syscall.SendMessage(cid, Message.MutableBorrow(3, h.Map(client, 2))));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(4, h.Map(client, 1))));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(5)));

        h.Kernel.TerminateProcess(client, 0);
        h.AssertInvariants();
        Assert.Equal((ulong)2, h.Kernel.Statistics.MessagesDropped);
        Assert.Equal(h.Config.PhysicalPages - 1, h.Kernel.Statistics.FreePages);

        var ids = new List<nuint>();
        for (SyscallResult r = h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))); r.Tag == ResultTag.MessageEnvelope;
            r = h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))))
        {
            Assert.Equal(client, r.Envelope.Sender.ProcessId);
            ids.Add(r.Envelope.Body.Id);
        }

        Assert.Equal([1, 4, 5], ids);
        h.Kernel.TerminateProcess(server, 0);
        h.AssertInvariants();
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_server_that_dies_with_a_queue_full_of_a_dead_clients_moves_frees_every_page(bool destroyOnly)
    {
        var h = new Harness();
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        for (int i = 0; i < Limits.ServerQueueLength; i++)
        {
            h.Ok(client, T2, Syscall.TrySendMessage(cid, Message.Move((nuint)i, h.Map(client, 1))));
        }

        h.AssertCallFails(XousError.ServerQueueFull, client, T2, Syscall.TrySendMessage(cid, Message.Move(999, h.Map(client, 1))));
        h.Kernel.TerminateProcess(client, 0);
        h.AssertInvariants();
        Assert.Equal(h.Config.PhysicalPages - Limits.ServerQueueLength, h.Kernel.Statistics.FreePages);

        if (destroyOnly)
        {
            h.Ok(server, T2, Syscall.DestroyServer(TestSid(1)));
            Assert.True(h.Kernel.IsProcessAlive(server));
        }
        else
        {
            h.Kernel.TerminateProcess(server, 0);
        }

        h.AssertInvariants();
        Assert.Equal(h.Config.PhysicalPages, h.Kernel.Statistics.FreePages);
        Assert.Equal((ulong)Limits.ServerQueueLength, h.Kernel.Statistics.MessagesDropped);
    }

    [Fact]
    public void A_dead_clients_move_the_server_has_no_room_for_is_dropped()
    {
        var h = new Harness(new KernelConfig { MaxRegionsPerProcess = 4 });
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(1, h.Map(client, 1))));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(2)));

        // Fill the server's region table (alternating flags, so nothing merges).
        for (int i = 0; i < 4; i++)
        {
            h.Map(server, 1, i % 2 == 0 ? MemoryFlags.R | MemoryFlags.W : MemoryFlags.R);
        }

        h.Kernel.TerminateProcess(client, 0);
        h.AssertInvariants();
        Assert.Equal((ulong)1, h.Kernel.Statistics.MessagesDropped);
        Assert.Equal(h.Config.PhysicalPages - 4, h.Kernel.Statistics.FreePages);
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        Assert.Equal((nuint)2, e.Body.Id);
        Assert.Equal(ResultTag.None, h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))).Tag);
    }

    [Fact]
    public void A_dead_clients_scalar_survives_a_new_process_in_its_slot_and_keeps_the_old_pid()
    {
        var h = new Harness(new KernelConfig { MaxProcesses = 4 });
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(1)));
        h.Kernel.TerminateProcess(client, 0);

        // A new process takes the freed slot and PID (round robin: 4, then 3), queues a blocking message and dies:
        // that one is dropped, the old sender's Scalar stays.
        h.NewProcess();
        Pid newcomer = h.NewProcess();
        Assert.Equal(client, newcomer);
        Cid other = h.ConnectTo(newcomer, TestSid(1));
        h.CallBlocks(newcomer, T2, Syscall.SendMessage(other, Message.BlockingScalar(3)));
        h.Kernel.TerminateProcess(newcomer, 0);
        h.AssertInvariants();
        Assert.Equal((ulong)1, h.Kernel.Statistics.MessagesDropped);

        h.Ok(server, T2, Syscall.WaitEvent());
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        Assert.Equal((nuint)1, e.Body.Id);
        Assert.Equal(client, e.Sender.ProcessId);
        Assert.Equal(ResultTag.None, h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))).Tag);
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

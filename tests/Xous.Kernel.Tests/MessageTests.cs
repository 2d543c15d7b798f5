using Xous.Abi;
using static Xous.Kernel.Tests.Harness;

namespace Xous.Kernel.Tests;

public class MessageTests
{
    private static readonly Tid s_t3 = new(3);

    /// <summary>A server process (SID 1) and a client process connected to it, each with threads 2 and 3.</summary>
    private static (Harness H, Pid Server, Pid Client, Cid Cid) Pair(KernelConfig? config = null)
    {
        var h = new Harness(config);
        (Pid server, Pid client, Cid cid) = h.ServerWithClient(TestSid(1));
        h.Ok(server, T2, Syscall.CreateThread(0x1000, h.Map(server, 1)));
        h.Ok(client, T2, Syscall.CreateThread(0x1000, h.Map(client, 1)));
        return (h, server, client, cid);
    }

    [Fact]
    public void Scalar_is_fire_and_forget()
    {
        var (h, server, client, cid) = Pair();
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(7, 1, 2, 3, 4)));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        Assert.Equal(Message.Scalar(7, 1, 2, 3, 4), e.Body);
        Assert.Equal(client, e.Sender.ProcessId);
        Assert.Equal(0, e.Sender.ServerIndex);
        AssertError(XousError.DoubleFree, h.Call(server, T2, Syscall.ReturnScalar1(e.Sender, 1)));
    }

    [Fact]
    public void BlockingScalar_waits_for_ReturnScalar_1_2_and_5()
    {
        var (h, server, client, cid) = Pair();
        for (int n = 0; n < 3; n++)
        {
            h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.BlockingScalar(9, 10, 20, 30, 40)));
            MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
            Assert.Equal(Message.BlockingScalar(9, 10, 20, 30, 40), e.Body);
            h.Mark();
            Syscall reply = n switch
            {
                0 => Syscall.ReturnScalar1(e.Sender, 11),
                1 => Syscall.ReturnScalar2(e.Sender, 11, 12),
                _ => Syscall.ReturnScalar5(e.Sender, 11, 12, 13, 14, 15),
            };
            h.Ok(server, T2, reply);
            SyscallResult r = h.Woken(client, T2).Result;
            Assert.Equal(n == 0 ? 1 : n == 1 ? 2 : 5, r.ScalarCount);
            Assert.Equal((nuint)11, r.GetScalar(0));
            AssertError(XousError.DoubleFree, h.Call(server, T2, reply));
        }
    }

    [Fact]
    public void Receive_blocks_until_a_message_arrives_and_waiters_are_served_in_order()
    {
        var (h, server, client, cid) = Pair();
        h.CallBlocks(server, T2, Syscall.ReceiveMessage(TestSid(1)));
        h.CallBlocks(server, s_t3, Syscall.ReceiveMessage(TestSid(1)));
        h.Mark();
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(1)));
        Assert.Equal((nuint)1, h.Woken(server, T2).Result.Envelope.Body.Id);
        Assert.Empty(h.ResumesOf(server, s_t3));
        h.Mark();
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(2)));
        Assert.Equal((nuint)2, h.Woken(server, s_t3).Result.Envelope.Body.Id);
    }

    [Fact]
    public void Receive_errors_and_TryReceive()
    {
        var (h, server, client, _) = Pair();
        Assert.Equal(ResultTag.None, h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))).Tag);
        h.AssertCallFails(XousError.ServerNotFound, server, T2, Syscall.ReceiveMessage(TestSid(9)));
        h.AssertCallFails(XousError.ServerNotFound, server, T2, Syscall.TryReceiveMessage(TestSid(9)));
        h.AssertCallFails(XousError.AccessDenied, client, T2, Syscall.ReceiveMessage(TestSid(1)));
        h.AssertCallFails(XousError.AccessDenied, client, T2, Syscall.TryReceiveMessage(TestSid(1)));
    }

    [Fact]
    public void Borrow_lends_read_only_pages_and_returns_them_unchanged()
    {
        var (h, server, client, cid) = Pair();
        MemoryRange buffer = h.Map(client, 3);
        byte[] data = Pattern((int)(3 * Page), 5);
        h.Write(client, buffer, data);
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Borrow(4, buffer, 100, 3000)));
        Assert.False(h.CanRead(client, buffer));

        ResumeRecord received = h.CallWithRecord(server, T2, Syscall.ReceiveMessage(TestSid(1)));
        Message body = received.Result.Envelope.Body;
        Assert.Equal(MessageKind.Borrow, body.Kind);
        Assert.Equal((nuint)0x4000_0000, body.Buffer.Address);
        Assert.Equal(buffer.Size, body.Buffer.Size);
        Assert.Equal((100u, 3000u), ((uint)body.Offset, (uint)body.Valid));
        Assert.Equal(body.Buffer, received.Attached);
        Assert.Equal(data, h.Read(server, body.Buffer, data.Length));
        Assert.False(h.CanWrite(server, body.Buffer));

        h.Mark();
        h.Ok(server, T2, Syscall.ReturnMemory(received.Result.Envelope.Sender, body.Buffer, 1, 2));
        ResumeRecord back = h.Woken(client, T2);
        Assert.Equal(ResultTag.MemoryReturned, back.Result.Tag);
        Assert.Equal((1u, 2u), ((uint)back.Result.ReturnedOffset, (uint)back.Result.ReturnedValid));
        Assert.Equal(buffer, back.Attached);
        Assert.Equal(data, h.Read(client, buffer, data.Length));
        Assert.True(h.CanWrite(client, buffer));
        Assert.False(h.CanRead(server, body.Buffer));
    }

    [Fact]
    public void MutableBorrow_changes_are_visible_to_the_lender()
    {
        var (h, server, client, cid) = Pair();
        MemoryRange buffer = h.Map(client, 2);
        h.Write(client, buffer, [1, 2, 3]);
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.MutableBorrow(4, buffer)));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        Assert.Equal(MessageKind.MutableBorrow, e.Body.Kind);
        MemoryRange view = e.Body.Buffer;
        byte[] reply = Pattern((int)(2 * Page), 77);
        h.Write(server, view, reply);
        h.Mark();
        h.Ok(server, T2, Syscall.ReturnMemory(e.Sender, view, 17, 4096));
        Assert.Equal((nuint)17, h.Woken(client, T2).Result.ReturnedOffset);
        Assert.Equal(reply, h.Read(client, buffer, reply.Length));
    }

    [Fact]
    public void MutableBorrow_of_read_only_pages_is_read_only_in_the_server()
    {
        var (h, server, client, cid) = Pair();
        MemoryRange buffer = h.Map(client, 1, MemoryFlags.R);
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.MutableBorrow(4, buffer)));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        Assert.True(h.CanRead(server, e.Body.Buffer));
        Assert.False(h.CanWrite(server, e.Body.Buffer));
    }

    [Fact]
    public void Move_gives_the_pages_to_the_server()
    {
        var (h, server, client, cid) = Pair();
        MemoryRange buffer = h.Map(client, 2);
        byte[] data = Pattern(5000, 3);
        h.Write(client, buffer, data);
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(8, buffer, 0, 5000)));
        Assert.False(h.CanRead(client, buffer));
        int free = h.Kernel.Statistics.FreePages;

        ResumeRecord received = h.CallWithRecord(server, T2, Syscall.ReceiveMessage(TestSid(1)));
        Message body = received.Result.Envelope.Body;
        Assert.Equal(MessageKind.Move, body.Kind);
        Assert.Equal((nuint)5000, body.Valid);
        Assert.Equal(data, h.Read(server, body.Buffer, data.Length));
        Assert.True(h.CanWrite(server, body.Buffer));
        h.AssertCallFails(XousError.BadAddress, client, T2, Syscall.UnmapMemory(buffer));
        h.Ok(client, T2, Syscall.MapMemory(0, buffer.Address, buffer.Size, MemoryFlags.R));
        Assert.Equal(free - 2, h.Kernel.Statistics.FreePages);
        h.Ok(server, T2, Syscall.UnmapMemory(body.Buffer));
        Assert.Equal(free, h.Kernel.Statistics.FreePages);
    }

    [Fact]
    public void Memory_message_errors()
    {
        var (h, _, client, cid) = Pair(new KernelConfig { MaxMessageBytes = 4 * Page });
        MemoryRange buffer = h.Map(client, 5);
        MemoryRange heap = h.Ok(client, T2, Syscall.IncreaseHeap(Page, MemoryFlags.R | MemoryFlags.W)).MemoryRange;
        var twoPages = MemoryRange.Create(buffer.Address, 2 * Page);
        h.AssertCallFails(XousError.BadAlignment, client, T2, Syscall.SendMessage(cid, Message.Borrow(1, MemoryRange.Create(buffer.Address + 8, Page))));
        h.AssertCallFails(XousError.BadAlignment, client, T2, Syscall.SendMessage(cid, Message.Move(1, MemoryRange.Create(buffer.Address, 100))));
        h.AssertCallFails(XousError.InvalidArgument, client, T2, Syscall.SendMessage(cid, Message.Borrow(1, buffer)));
        h.AssertCallFails(XousError.BadAddress, client, T2, Syscall.SendMessage(cid, Message.Borrow(1, MemoryRange.Create(0x7000_0000, Page))));
        h.AssertCallFails(XousError.BadAddress, client, T2, Syscall.TrySendMessage(cid, Message.MutableBorrow(1, MemoryRange.Create(0xFFFF_F000, Page))));
        h.AssertCallFails(XousError.ShareViolation, client, T2, Syscall.SendMessage(cid, Message.Move(1, heap)));
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Move(1, twoPages)));
        h.AssertCallFails(XousError.ShareViolation, client, T2, Syscall.SendMessage(cid, Message.Borrow(1, twoPages)));
        h.AssertCallFails(XousError.ShareViolation, client, T2, Syscall.SendMessage(cid, Message.Move(1, MemoryRange.Create(buffer.Address, 3 * Page))));

        // Zero-length buffers: the ABI refuses to decode them, and a forged one is refused by the kernel.
        Span<nuint> words = [16, cid.Value, 2, 1, buffer.Address, 0, 0, 0];
        Assert.False(Syscall.TryDecode(words, out _, out XousError decodeError));
        Assert.Equal(XousError.InvalidSyscall, decodeError);
        h.AssertCallFails(XousError.InvalidArgument, client, T2, Forge(SyscallNumber.SendMessage, cid.Value, 2, 1, buffer.Address, 0));
        h.AssertCallFails(XousError.InvalidArgument, client, T2, Forge(SyscallNumber.SendMessage, cid.Value, 1, 1, 0, Page));
        h.AssertCallFails(XousError.InvalidSyscall, client, T2, Forge(SyscallNumber.SendMessage, cid.Value, 6, 1));
        h.AssertCallFails(XousError.ServerNotFound, client, T2, Syscall.SendMessage(new Cid(9), Message.Scalar(1)));
    }

    [Fact]
    public void Received_borrowed_pages_cannot_be_passed_on_or_unmapped()
    {
        var (h, server, client, cid) = Pair();
        Cid own = h.ConnectTo(server, TestSid(1));
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.MutableBorrow(1, h.Map(client, 1))));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        h.AssertCallFails(XousError.ShareViolation, server, T2, Syscall.SendMessage(own, Message.Borrow(2, e.Body.Buffer)));
        h.AssertCallFails(XousError.BadAddress, server, T2, Syscall.UnmapMemory(e.Body.Buffer));
    }

    [Fact]
    public void Reply_errors()
    {
        var (h, server, client, cid) = Pair();
        Pid other = h.NewProcess();
        h.NewServer(other, TestSid(2));
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.MutableBorrow(1, h.Map(client, 2))));
        MessageEnvelope e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;

        h.AssertCallFails(XousError.AccessDenied, other, T2, Syscall.ReturnMemory(e.Sender, e.Body.Buffer));
        h.AssertCallFails(XousError.ServerNotFound, server, T2, Syscall.ReturnMemory(new MessageSender(e.Sender.Value | 0x00FF_0000), e.Body.Buffer));
        h.AssertCallFails(XousError.InvalidArgument, server, T2, Syscall.ReturnScalar1(e.Sender, 1));
        h.AssertCallFails(XousError.BadAddress, server, T2, Syscall.ReturnMemory(e.Sender, MemoryRange.Create(e.Body.Buffer.Address, Page)));
        h.AssertCallFails(XousError.DoubleFree, server, T2, Syscall.ReturnMemory(new MessageSender(e.Sender.Value + 0x80), e.Body.Buffer));
        h.AssertCallFails(XousError.InvalidArgument, server, T2, Syscall.ReturnMemory(new MessageSender(e.Sender.Value + 1), e.Body.Buffer));
        h.AssertCallFails(XousError.InvalidArgument, server, T2, Syscall.ReturnMemory(new MessageSender(e.Sender.Value ^ 0x0100_0000), e.Body.Buffer));
        h.AssertCallFails(XousError.InvalidArgument, server, T2, Forge(SyscallNumber.ReturnMemory, unchecked((nuint)ulong.MaxValue), Page, Page));
        h.Ok(server, T2, Syscall.ReturnMemory(e.Sender, e.Body.Buffer));
        h.AssertCallFails(XousError.DoubleFree, server, T2, Syscall.ReturnMemory(e.Sender, e.Body.Buffer));

        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.BlockingScalar(1)));
        e = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        h.AssertCallFails(XousError.InvalidArgument, server, T2, Syscall.ReturnMemory(e.Sender, MemoryRange.Create(0x4000_0000, Page)));
        h.AssertCallFails(XousError.AccessDenied, other, T2, Syscall.ReturnScalar2(e.Sender, 1, 2));
        h.Ok(server, T2, Syscall.ReturnScalar2(e.Sender, 1, 2));
        h.AssertCallFails(XousError.DoubleFree, server, T2, Syscall.ReturnScalar5(e.Sender, 1, 2, 3, 4, 5));
    }

    [Fact]
    public void ReplyAndReceiveNext_replies_then_receives()
    {
        var (h, server, client, cid) = Pair();
        MemoryRange buffer = h.Map(client, 1);
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.BlockingScalar(1)));
        h.CallBlocks(client, s_t3, Syscall.SendMessage(cid, Message.MutableBorrow(2, buffer)));
        MessageEnvelope first = h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope;

        h.Mark();
        ResumeRecord next = h.CallWithRecord(server, T2, Syscall.ReplyAndReceiveNext(first.Sender, ReplyKind.Scalar2, 5, 6));
        Assert.Equal((nuint)6, h.Woken(client, T2).Result.GetScalar(1));
        MessageEnvelope second = next.Result.Envelope;
        Assert.Equal((nuint)2, second.Body.Id);
        Assert.Equal(second.Body.Buffer, next.Attached);

        h.AssertCallFails(XousError.BadAddress, server, T2, Syscall.ReplyAndReceiveNextWithMemory(second.Sender, MemoryRange.Create(0x5000_0000, Page)));
        h.AssertCallFails(XousError.DoubleFree, server, T2, Syscall.ReplyAndReceiveNext(first.Sender, ReplyKind.Scalar1, 1));
        h.AssertCallFails(XousError.InvalidSyscall, server, T2, Forge(SyscallNumber.ReplyAndReceiveNext, second.Sender.Value, 0, 0, 0, 0, 0, 3));
        h.Mark();
        h.CallBlocks(server, T2, Syscall.ReplyAndReceiveNextWithMemory(second.Sender, second.Body.Buffer, 9, 10));
        Assert.Equal((nuint)10, h.Woken(client, s_t3).Result.ReturnedValid);
        h.Mark();
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(3)));
        Assert.Equal((nuint)3, h.Woken(server, T2).Result.Envelope.Body.Id);
    }

    [Fact]
    public void Full_queue_blocks_SendMessage_and_fails_TrySendMessage()
    {
        var (h, server, client, cid) = Pair();
        for (int i = 0; i < Limits.ServerQueueLength; i++)
        {
            h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar((nuint)i)));
        }

        h.AssertCallFails(XousError.ServerQueueFull, client, T2, Syscall.TrySendMessage(cid, Message.Scalar(500)));
        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Scalar(128)));
        h.Mark();
        Assert.Equal((nuint)0, h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope.Body.Id);
        Assert.Equal(ResultTag.Ok, h.Woken(client, T2).Result.Tag);
        for (int i = 1; i <= 128; i++)
        {
            Assert.Equal((nuint)i, h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope.Body.Id);
        }

        Assert.Equal(ResultTag.None, h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))).Tag);
    }

    [Fact]
    public void A_blocked_send_is_retried_when_a_reply_frees_a_slot_and_goes_straight_to_a_waiting_receiver()
    {
        var (h, server, client, cid) = Pair();
        Pid other = h.NewProcess();
        Cid otherCid = h.ConnectTo(other, TestSid(1));
        // 28 received-but-unanswered blocking scalars stay in flight; 100 queued scalars fill the rest.
        Pid filler = h.NewProcess();
        Cid fillerCid = h.ConnectTo(filler, TestSid(1));
        var inFlight = new List<MessageEnvelope>();
        for (int i = 0; i < 28; i++)
        {
            SyscallResult created = h.Ok(filler, T2, Syscall.CreateThread(0x1000, MemoryRange.Create(0x1000, Page)));
            h.CallBlocks(filler, created.ThreadId, Syscall.SendMessage(fillerCid, Message.BlockingScalar((nuint)i)));
            inFlight.Add(h.Ok(server, T2, Syscall.ReceiveMessage(TestSid(1))).Envelope);
        }

        for (int i = 28; i < Limits.ServerQueueLength; i++)
        {
            h.Ok(filler, T2, Syscall.SendMessage(fillerCid, Message.Scalar((nuint)i)));
        }

        h.CallBlocks(client, T2, Syscall.SendMessage(cid, Message.Scalar(1000)));
        h.CallBlocks(other, T2, Syscall.SendMessage(otherCid, Message.Scalar(2000)));
        for (int i = 28; i < Limits.ServerQueueLength; i++)
        {
            h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1)));
        }

        // Draining the scalars freed slots: both blocked senders were retried in order.
        Assert.Equal((nuint)1000, h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))).Envelope.Body.Id);
        Assert.Equal((nuint)2000, h.Ok(server, T2, Syscall.TryReceiveMessage(TestSid(1))).Envelope.Body.Id);
        h.Mark();
        h.Ok(server, T2, Syscall.ReturnScalar1(inFlight[0].Sender, 1));
        Assert.Equal((nuint)1, h.Woken(filler, new Tid(3)).Result.GetScalar(0));
    }

    [Fact]
    public void WaitEvent_returns_when_a_message_is_queued()
    {
        var (h, server, client, cid) = Pair();
        h.CallBlocks(server, T2, Syscall.WaitEvent());
        h.Mark();
        h.Ok(client, T2, Syscall.SendMessage(cid, Message.Scalar(1)));
        Assert.Equal(ResultTag.Ok, h.Woken(server, T2).Result.Tag);
        Assert.Equal(ResultTag.Ok, h.Ok(server, T2, Syscall.WaitEvent()).Tag);
    }

    [Fact]
    public void Sending_to_ones_own_server_works()
    {
        var h = new Harness();
        Pid p = h.NewProcess();
        Cid cid = h.NewServer(p, TestSid(1));
        h.Ok(p, T2, Syscall.CreateThread(0x1000, h.Map(p, 1)));
        MemoryRange buffer = h.Map(p, 2);
        h.Write(p, buffer, [9, 9]);
        h.CallBlocks(p, T2, Syscall.SendMessage(cid, Message.MutableBorrow(1, buffer)));
        MessageEnvelope e = h.Ok(p, s_t3, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        h.Write(p, e.Body.Buffer, [7]);
        h.Ok(p, s_t3, Syscall.ReturnMemory(e.Sender, e.Body.Buffer));
        Assert.Equal([7, 9], h.Read(p, buffer, 2));

        h.Ok(p, T2, Syscall.SendMessage(cid, Message.Move(2, buffer)));
        e = h.Ok(p, s_t3, Syscall.ReceiveMessage(TestSid(1))).Envelope;
        Assert.Equal([7, 9], h.Read(p, e.Body.Buffer, 2));
    }
}

using Xous.Abi;
using Xous.Ipc;
using Xous.Ticktimer.Api;

namespace Xous.Runtime.Tests;

public sealed class ServerLoopTests
{
    private static readonly Sid s_sid = new(0x11, 0x22, 0x33, 0x44);
    private static readonly MessageSender s_client = MessageSender.Create(new Pid(9), 1, 5);

    private readonly FakeKernelPort _port = new();
    private readonly Queue<MessageEnvelope> _incoming = new();
    private readonly ServerLoop _loop;

    public ServerLoopTests()
    {
        _loop = new ServerLoop(new KernelCalls(_port), s_sid);

        // Receives (plain or combined with a reply) take the next queued envelope; an empty queue means the server is gone.
        _port.Script = call => call.Number is SyscallNumber.ReceiveMessage or SyscallNumber.ReplyAndReceiveNext
            ? _incoming.Count > 0 ? SyscallResult.FromEnvelope(_incoming.Dequeue()) : SyscallResult.Failure(XousError.ServerNotFound)
            : null;
    }

    [Fact]
    public void A_scalar5_reply_is_combined_with_the_next_receive_and_the_loop_stops_on_ServerNotFound()
    {
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.BlockingScalar(4, 10, 20, 30, 40)));
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.Scalar(5)));
        var dispatcher = new StubDispatcher((in IncomingMessage message) => message.Kind == MessageKind.BlockingScalar
            ? Reply.Scalar5(IpcStatus.Ok, (uint)message.Arg1 + 1, (uint)message.Arg2 + 1, (uint)message.Arg3 + 1, (uint)message.Arg4 + 1)
            : Reply.None);

        XousError result = _loop.Run(dispatcher);

        Assert.Equal(XousError.ServerNotFound, result);
        Assert.Equal(
            new[]
            {
                Syscall.ReceiveMessage(s_sid),
                Syscall.ReplyAndReceiveNext(s_client, ReplyKind.Scalar5, 0, 11, 21, 31, 41),
                Syscall.ReceiveMessage(s_sid),
            },
            _port.Calls);
        Assert.Equal((2u, 1u, 1u), (_loop.Messages, _loop.Replies, _loop.Errors));
        Assert.Equal(new nuint[] { 4, 5 }, dispatcher.Opcodes);
    }

    [Fact]
    public void The_status_travels_in_word_zero()
    {
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.BlockingScalar(99)));
        var dispatcher = new StubDispatcher((in IncomingMessage message) => Reply.Rejection(message.Kind, IpcStatus.UnknownOpcode));

        _loop.Run(dispatcher);

        Assert.Equal(Syscall.ReplyAndReceiveNext(s_client, ReplyKind.Scalar5, (uint)IpcStatus.UnknownOpcode), _port.Calls[1]);
        Assert.Equal((1u, 0u, 2u), (_loop.Messages, _loop.Replies, _loop.Errors)); // The failed combined call, then the receive.
    }

    [Fact]
    public void A_memory_reply_returns_the_buffer_with_offset_and_valid()
    {
        MemoryRange buffer = _port.MapFilled(4096, 0x42);
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.MutableBorrow(6, buffer, 0, 100)));
        var dispatcher = new StubDispatcher((in IncomingMessage message) =>
        {
            message.Buffer[0] = 1;
            return Reply.Memory(IpcStatus.MalformedPayload, 55);
        });

        _loop.Run(dispatcher);

        Assert.Equal(
            Syscall.ReplyAndReceiveNextWithMemory(s_client, buffer, (uint)IpcStatus.MalformedPayload, 55),
            _port.Calls[1]);
        byte[] seen = Assert.Single(dispatcher.Buffers);
        Assert.Equal(4096, seen.Length);
        Assert.Equal(0x42, seen[1]);
        Assert.Equal(1, _port.GetMemory(buffer)[0]);
    }

    [Fact]
    public void A_moved_buffer_is_unmapped_after_the_dispatch()
    {
        MemoryRange buffer = _port.MapFilled(8192, 7);
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.Move(3, buffer, 0, 50)));
        var dispatcher = new StubDispatcher((in IncomingMessage message) => Reply.None);

        _loop.Run(dispatcher);

        Assert.Equal(new[] { Syscall.ReceiveMessage(s_sid), Syscall.UnmapMemory(buffer), Syscall.ReceiveMessage(s_sid) }, _port.Calls);
        Assert.False(_port.IsMapped(buffer));
        Assert.Equal(7, dispatcher.Buffers.Single()[8191]);
    }

    [Fact]
    public void A_scalar_gets_no_reply()
    {
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.Scalar(3, 1)));

        _loop.Run(new StubDispatcher((in IncomingMessage message) => Reply.None));

        Assert.Equal(new[] { Syscall.ReceiveMessage(s_sid), Syscall.ReceiveMessage(s_sid) }, _port.Calls);
        Assert.Equal(0u, _loop.Replies);
    }

    [Theory]
    [InlineData(MessageKind.Borrow, ReplyShape.None)]
    [InlineData(MessageKind.MutableBorrow, ReplyShape.Deferred)]
    public void A_lend_without_a_memory_reply_is_still_returned(MessageKind kind, ReplyShape shape)
    {
        MemoryRange buffer = _port.MapFilled(4096, 0);
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.Memory(kind, 2, buffer, 8, 30)));
        Reply reply = shape == ReplyShape.None ? Reply.None : Reply.Deferred;

        _loop.Run(new StubDispatcher((in IncomingMessage message) => reply));

        Assert.Equal(Syscall.ReturnMemory(s_client, buffer, 8, 30), _port.Calls[1]);
        Assert.Equal(1u, _loop.Replies);
    }

    [Fact]
    public void A_deferred_reply_sends_nothing_until_completed_with_ReturnScalar5()
    {
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.BlockingScalar(TicktimerOpcodes.SleepMs, 100)));
        var handler = new DeferringTicktimer();

        _loop.Run(new TicktimerDispatcher(handler));
        Assert.Equal(new[] { Syscall.ReceiveMessage(s_sid), Syscall.ReceiveMessage(s_sid) }, _port.Calls);

        _loop.Complete(handler.Pending!.Value, TicktimerDispatcher.SleepMsReply());

        Assert.Equal(Syscall.ReturnScalar5(s_client, 0, 0, 0, 0, 0), _port.Calls[^1]);
        Assert.Equal(1u, _loop.Replies);
        Assert.Throws<ArgumentException>(() => _loop.Complete(handler.Pending!.Value, Reply.Memory(IpcStatus.Ok, 0)));
    }

    [Fact]
    public void A_stop_request_sends_the_pending_reply_on_its_own_and_receives_no_more()
    {
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.BlockingScalar(1)));
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.BlockingScalar(2)));
        var dispatcher = new StubDispatcher((in IncomingMessage message) =>
        {
            _loop.RequestStop();
            return Reply.Scalar5(IpcStatus.Ok, 9, 0, 0, 0);
        });

        Assert.Equal(XousError.NoError, _loop.Run(dispatcher));

        Assert.Equal(new[] { Syscall.ReceiveMessage(s_sid), Syscall.ReturnScalar5(s_client, 0, 9, 0, 0, 0) }, _port.Calls);
        Assert.Single(_incoming);
        Assert.Equal(XousError.NoError, _loop.Run(dispatcher)); // Still stopped: returns without receiving.
        Assert.Equal(2, _port.Calls.Count);
    }

    [Fact]
    public void A_failed_combined_reply_is_counted_and_followed_by_a_plain_receive()
    {
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.BlockingScalar(1)));
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.Scalar(2)));
        Func<Syscall, SyscallResult?> inner = _port.Script!;
        _port.Script = call => call.Number == SyscallNumber.ReplyAndReceiveNext ? SyscallResult.Failure(XousError.ProcessNotFound) : inner(call);
        var dispatcher = new StubDispatcher((in IncomingMessage message) =>
            message.Kind == MessageKind.BlockingScalar ? Reply.Scalar5(IpcStatus.Ok, 0, 0, 0, 0) : Reply.None);

        Assert.Equal(XousError.ServerNotFound, _loop.Run(dispatcher));

        Assert.Equal(new nuint[] { 1, 2 }, dispatcher.Opcodes);
        Assert.Equal(2u, _loop.Messages);
        Assert.Equal(2u, _loop.Errors); // The failed reply and the final receive.
    }

    [Fact]
    public void A_reply_that_does_not_fit_the_kind_fails_fast()
    {
        _incoming.Enqueue(new MessageEnvelope(s_client, Message.Scalar(1)));

        Assert.Throws<InvalidOperationException>(() => _loop.Run(new StubDispatcher((in IncomingMessage message) => Reply.Scalar5(IpcStatus.Ok, 0, 0, 0, 0))));
    }

    [Fact]
    public void HandleOne_dispatches_and_replies_without_receiving()
    {
        _loop.HandleOne(new StubDispatcher((in IncomingMessage message) => Reply.Scalar5(IpcStatus.Ok, 3, 0, 0, 0)), new MessageEnvelope(s_client, Message.BlockingScalar(1)));

        Assert.Equal(Syscall.ReturnScalar5(s_client, 0, 3, 0, 0, 0), Assert.Single(_port.Calls));
    }

    private sealed class DeferringTicktimer : ITicktimerHandler
    {
        public DeferredReply? Pending { get; private set; }

        public ulong ElapsedMs() => 0;

        public void SleepMs(uint milliseconds, DeferredReply reply) => Pending = reply;

        public void RecalculateSleep(MessageSender sender)
        {
        }

        public void LockMutex(ulong key, DeferredReply reply) => Pending = reply;

        public void UnlockMutex(MessageSender sender, ulong key)
        {
        }

        public void WaitForCondition(ulong key, uint timeoutMs, DeferredReply reply) => Pending = reply;

        public uint NotifyCondition(MessageSender sender, ulong key, uint count) => 0;

        public void FreeMutex(MessageSender sender, ulong key)
        {
        }

        public void FreeCondition(MessageSender sender, ulong key)
        {
        }
    }
}

using System.Buffers.Binary;
using Xous.Abi;
using Xous.Ipc.TestContracts;

namespace Xous.Ipc.Tests;

/// <summary>The server seam: messages, header validation, replies, counters, and the dispatcher used directly.</summary>
public sealed class ServerSeamTests
{
    private static readonly MessageSender s_sender = MessageSender.Create(new Pid(4), 1, 2);

    [Fact]
    public void Incoming_message_factories_refuse_the_other_family_of_kinds()
    {
        Assert.Throws<ArgumentException>(() => IncomingMessage.Scalar(s_sender, MessageKind.Borrow, 1, 0, 0, 0, 0));
        Assert.Throws<ArgumentException>(() => IncomingMessage.Memory(s_sender, MessageKind.BlockingScalar, 1, new byte[4096], 0, 24));
        IncomingMessage message = IncomingMessage.Memory(s_sender, MessageKind.MutableBorrow, 3, new byte[4096], 0, 24);
        Assert.True(message.IsBlocking);
        Assert.Equal(4096, message.Buffer.Length);
    }

    [Theory]
    [InlineData(MessageKind.BlockingScalar, ReplyShape.Scalar5)]
    [InlineData(MessageKind.Borrow, ReplyShape.Memory)]
    [InlineData(MessageKind.MutableBorrow, ReplyShape.Memory)]
    [InlineData(MessageKind.Scalar, ReplyShape.None)]
    [InlineData(MessageKind.Move, ReplyShape.None)]
    public void Rejection_is_shaped_for_the_waiting_sender(MessageKind kind, ReplyShape shape)
    {
        Reply reply = Reply.Rejection(kind, IpcStatus.PayloadTooLarge);

        Assert.Equal(shape, reply.Shape);
        if (shape != ReplyShape.None)
        {
            Assert.Equal(IpcStatus.PayloadTooLarge, reply.Status);
            Assert.Equal((nuint)4, reply.MemoryOffset);
        }
    }

    [Fact]
    public void Memory_reply_puts_the_status_in_offset_and_the_value_in_valid()
    {
        Reply reply = Reply.Memory(IpcStatus.Ok, 77);

        Assert.Equal((nuint)0, reply.MemoryOffset);
        Assert.Equal((nuint)77, reply.MemoryValid);
        Assert.Equal("Memory(0, 77)", reply.ToString());
        Assert.NotEqual(Reply.Memory(IpcStatus.Ok, 78), reply);
    }

    [Fact]
    public void Header_is_written_at_the_documented_offsets()
    {
        byte[] buffer = new byte[40];

        MemoryPayload.WriteHeader(buffer, 16, 0x11, 0x22, 0x33, 0x44);

        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(0)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(4)));
        Assert.Equal(0x11u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(8)));
        Assert.Equal(0x22u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(12)));
        Assert.Equal(0x33u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(16)));
        Assert.Equal(0x44u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(20)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoryPayload.WriteHeader(buffer, 17, 0, 0, 0, 0));
    }

    [Theory]
    [InlineData(8, 0u, 32u, IpcStatus.Ok)]
    [InlineData(8, 4u, 32u, IpcStatus.MalformedPayload)] // offset must be 0
    [InlineData(8, 0u, 33u, IpcStatus.MalformedPayload)] // valid disagrees with the header
    [InlineData(8, 0u, 23u, IpcStatus.MalformedPayload)] // valid shorter than the header
    [InlineData(12, 0u, 36u, IpcStatus.PayloadTooLarge)] // three elements of four bytes, two allowed
    [InlineData(6, 0u, 30u, IpcStatus.MalformedPayload)] // a partial element
    [InlineData(0, 0u, 24u, IpcStatus.Ok)] // empty span
    public void Memory_request_checks_the_header(int payloadLength, uint offset, uint valid, IpcStatus expected)
    {
        byte[] pages = new byte[4096];
        MemoryPayload.WriteHeader(pages, payloadLength, 9, 0, 0, 0);
        IncomingMessage message = IncomingMessage.Memory(s_sender, MessageKind.Borrow, 1, pages, offset, valid);

        IpcStatus status = MemoryRequest.TryRead(in message, elementSize: 4, minimumElements: 0, maximumElements: 2, out MemoryRequest request);

        Assert.Equal(expected, status);
        if (expected == IpcStatus.Ok)
        {
            Assert.Equal(payloadLength, request.Payload.Length);
            Assert.Equal(9u, request.Unit0);
        }
    }

    [Fact]
    public void Memory_request_needs_the_minimum_element_count()
    {
        byte[] pages = new byte[4096];
        MemoryPayload.WriteHeader(pages, 0, 0, 0, 0, 0);
        IncomingMessage message = IncomingMessage.Memory(s_sender, MessageKind.Borrow, 1, pages, 0, 24);

        Assert.Equal(IpcStatus.MalformedPayload, MemoryRequest.TryRead(in message, 16, 1, 1, out _));
    }

    [Fact]
    public void Memory_request_of_a_scalar_message_is_malformed()
    {
        IncomingMessage message = IncomingMessage.Scalar(s_sender, MessageKind.BlockingScalar, 1, 0, 0, 0, 0);

        Assert.Equal(IpcStatus.MalformedPayload, MemoryRequest.TryRead(in message, 1, 0, 1, out _));
    }

    [Fact]
    public void Counters_track_each_opcode_and_unknown_opcodes()
    {
        var counters = new OpcodeCounters(new uint[] { 5, 9 });
        IncomingMessage message = IncomingMessage.Scalar(s_sender, MessageKind.Scalar, 9, 0, 0, 0, 0);

        counters.CountRequest(1);
        counters.CountRequest(1);
        Reply rejected = counters.Reject(1, in message, IpcStatus.MalformedPayload);
        counters.RejectUnknownOpcode(in message);

        Assert.Equal(ReplyShape.None, rejected.Shape);
        Assert.Equal(2, counters.Count);
        Assert.Equal(9u, counters.OpcodeAt(1));
        Assert.Equal((0u, 0u), (counters.RequestsAt(0), counters.ErrorsAt(0)));
        Assert.Equal((2u, 1u), (counters.RequestsAt(1), counters.ErrorsAt(1)));
        Assert.Equal(1u, counters.UnknownOpcodeMessages);
    }

    [Fact]
    public void Dispatcher_does_not_catch_a_handler_exception()
    {
        var handler = new RecordingSampleHandler { Failure = new InvalidOperationException("invariant") };
        var dispatcher = new SampleDispatcher(handler);

        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            IncomingMessage message = IncomingMessage.Scalar(s_sender, MessageKind.BlockingScalar, SampleOpcodes.Add, 1, 2, 0, 0);
            dispatcher.Dispatch(in message);
        });

        Assert.Same(handler.Failure, thrown);
    }

    [Fact]
    public void Dispatcher_replies_to_a_borrow_without_touching_the_buffer()
    {
        var dispatcher = new SampleDispatcher(new RecordingSampleHandler());
        byte[] pages = new byte[4096];
        MemoryPayload.WriteHeader(pages, 3, 0, 0, 0, 0);
        pages[24] = 1;
        pages[25] = 2;
        pages[26] = 3;
        byte[] before = (byte[])pages.Clone();
        IncomingMessage message = IncomingMessage.Memory(s_sender, MessageKind.Borrow, SampleOpcodes.Checksum, pages, 0, 27);

        Reply reply = dispatcher.Dispatch(in message);

        Assert.Equal(Reply.Memory(IpcStatus.Ok, ((1u * 31) + 2) * 31 + 3), reply);
        Assert.Equal(before, pages);
    }

    [Fact]
    public void Deferred_dispatch_hands_the_sender_to_the_handler()
    {
        var handler = new RecordingSampleHandler();
        var dispatcher = new SampleDispatcher(handler);
        IncomingMessage message = IncomingMessage.Scalar(s_sender, MessageKind.BlockingScalar, SampleOpcodes.Sleep, 30, 0, 0, 0);

        Reply reply = dispatcher.Dispatch(in message);

        Assert.Equal(Reply.Deferred, reply);
        Assert.True(handler.Sleepers.TryDequeue(out (uint Milliseconds, DeferredReply Reply) sleeper));
        Assert.Equal(new DeferredReply(s_sender), sleeper.Reply);
        Assert.Equal(Reply.Scalar5(IpcStatus.Ok, 30, 0, 0, 0), SampleDispatcher.SleepReply(30));
    }

    [Fact]
    public void Opcode_wider_than_32_bits_is_unknown()
    {
        var dispatcher = new SampleDispatcher(new RecordingSampleHandler());
        IncomingMessage message = IncomingMessage.Scalar(
            s_sender, MessageKind.BlockingScalar, unchecked((nuint)((1UL << 32) | SampleOpcodes.Add)), 1, 2, 0, 0);

        Assert.Equal(Reply.Scalar5(IpcStatus.UnknownOpcode, 0, 0, 0, 0), dispatcher.Dispatch(in message));
    }

    [Fact]
    public void Ipc_exception_message_names_the_opcode_and_the_cause()
    {
        var transport = new IpcException(7, XousError.ServerQueueFull, IpcStatus.Ok);
        var status = new IpcException(7, XousError.NoError, IpcStatus.PayloadTooLarge);

        Assert.Contains("opcode 7", transport.Message, StringComparison.Ordinal);
        Assert.Contains("XousError 15", transport.Message, StringComparison.Ordinal);
        Assert.Contains("PayloadTooLarge", status.Message, StringComparison.Ordinal);
    }
}

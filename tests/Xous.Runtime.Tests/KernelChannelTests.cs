using Xous.Abi;
using Xous.Ipc;

namespace Xous.Runtime.Tests;

public sealed class KernelChannelTests
{
    private const uint Cid = 7;

    private readonly FakeKernelPort _port = new();
    private readonly KernelCalls _kernel;

    public KernelChannelTests() => _kernel = new KernelCalls(_port);

    private KernelChannel NewChannel(ChannelSendMode mode = ChannelSendMode.Wait) => new(_kernel, new Cid(Cid), mode);

    [Fact]
    public void AcquireBuffer_maps_whole_pages_once_and_reuses_them()
    {
        KernelChannel channel = NewChannel();

        Span<byte> first = channel.AcquireBuffer(100);
        Assert.Equal(100, first.Length);
        channel.AcquireBuffer(4096);
        channel.AcquireBuffer(1);

        Syscall map = Assert.Single(_port.CallsOf(SyscallNumber.MapMemory));
        Assert.Equal(Syscall.MapMemory(0, 0, 4096, MemoryFlags.R | MemoryFlags.W), map);
        Assert.Equal(1, channel.BuffersMapped);
        Assert.Empty(_port.CallsOf(SyscallNumber.UnmapMemory));
    }

    [Fact]
    public void AcquireBuffer_zeroes_every_page_it_hands_out_again()
    {
        KernelChannel channel = NewChannel();
        channel.AcquireBuffer(4096).Fill(0xAA);
        MemoryRange page = MemoryRange.Create(FakeKernelPort.FirstAddress, 4096);
        _port.GetMemory(page)[4095] = 0xBB;

        Span<byte> again = channel.AcquireBuffer(10);

        Assert.Equal(10, again.Length);
        Assert.True(_port.GetMemory(page).ToArray().All(value => value == 0), "the whole page must be zero, not only the requested bytes");
    }

    [Fact]
    public void AcquireBuffer_grows_by_unmapping_the_old_buffer_and_mapping_a_larger_one()
    {
        KernelChannel channel = NewChannel();
        channel.AcquireBuffer(100);
        MemoryRange old = MemoryRange.Create(FakeKernelPort.FirstAddress, 4096);

        Span<byte> larger = channel.AcquireBuffer(5000);

        Assert.Equal(5000, larger.Length);
        Assert.Equal(Syscall.UnmapMemory(old), Assert.Single(_port.CallsOf(SyscallNumber.UnmapMemory)));
        Assert.Equal(Syscall.MapMemory(0, 0, 8192, MemoryFlags.R | MemoryFlags.W), _port.CallsOf(SyscallNumber.MapMemory)[1]);
        Assert.False(_port.IsMapped(old));
        Assert.True(larger.ToArray().All(value => value == 0));
    }

    [Fact]
    public void Each_thread_gets_its_own_buffer()
    {
        KernelChannel channel = NewChannel();
        _port.CurrentThread = new Tid(2);
        channel.AcquireBuffer(10)[0] = 1;
        _port.CurrentThread = new Tid(3);
        channel.AcquireBuffer(10)[0] = 2;

        Assert.Equal(2, channel.BuffersMapped);
        _port.CurrentThread = new Tid(2);
        XousError error = channel.LendBuffer(5, false, 10, 0, 10, out _);

        Assert.Equal(XousError.ServerNotFound, error); // Nobody is hosted on the CID: only the lent range matters here.
        Message lent = Assert.Single(_port.MessagesTo(Cid));
        Assert.Equal(FakeKernelPort.FirstAddress, (uint)lent.Buffer.Address);
    }

    [Fact]
    public void LendBuffer_lends_whole_pages_and_returns_the_server_reply_and_bytes()
    {
        var dispatcher = new StubDispatcher((in IncomingMessage message) =>
        {
            message.Buffer[0] = 0x5A; // A MutableBorrow server writes into the lent pages.
            return Reply.Memory(IpcStatus.Ok, 77);
        });
        uint connection = _port.Host(new Sid(9, 9, 9, 9), dispatcher);
        var channel = new KernelChannel(_kernel, new Cid(connection));
        channel.AcquireBuffer(30)[1] = 3;

        XousError error = channel.LendBuffer(12, true, 30, 0, 30, out MemoryReply reply);

        Assert.Equal(XousError.NoError, error);
        Assert.Equal(new MemoryReply(0, 77), reply);
        Message sent = Assert.Single(_port.MessagesTo(connection));
        Assert.Equal(Message.MutableBorrow(12, MemoryRange.Create(FakeKernelPort.FirstAddress, 4096), 0, 30), sent);
        Assert.Equal(MessageKind.MutableBorrow, dispatcher.Kinds.Single());
        Span<byte> after = _port.GetMemory(MemoryRange.Create(FakeKernelPort.FirstAddress, 4096));
        Assert.Equal(0x5A, after[0]);
        Assert.Equal(3, after[1]);
    }

    [Fact]
    public void LendBuffer_sends_a_borrow_when_not_mutable()
    {
        var dispatcher = new StubDispatcher((in IncomingMessage message) => Reply.Memory(IpcStatus.Ok, 0));
        uint connection = _port.Host(new Sid(9, 9, 9, 9), dispatcher);
        var channel = new KernelChannel(_kernel, new Cid(connection));
        channel.AcquireBuffer(4097);

        Assert.Equal(XousError.NoError, channel.LendBuffer(1, false, 4097, 0, 4097, out _));

        Message sent = Assert.Single(_port.MessagesTo(connection));
        Assert.Equal(MessageKind.Borrow, sent.Kind);
        Assert.Equal((nuint)8192, sent.Buffer.Size);
    }

    [Fact]
    public void MoveBuffer_gives_the_pages_away_and_the_next_acquire_maps_new_ones()
    {
        var dispatcher = new StubDispatcher((in IncomingMessage message) => Reply.None);
        uint connection = _port.Host(new Sid(9, 9, 9, 9), dispatcher);
        var channel = new KernelChannel(_kernel, new Cid(connection));
        channel.AcquireBuffer(24);

        Assert.Equal(XousError.NoError, channel.MoveBuffer(0, 24, 0, 24));

        Assert.Equal(0, _port.MappedRegions);
        Assert.Equal(Message.Move(0, MemoryRange.Create(FakeKernelPort.FirstAddress, 4096), 0, 24), Assert.Single(_port.MessagesTo(connection)));
        Assert.Throws<InvalidOperationException>(() => channel.MoveBuffer(0, 24, 0, 24));
        channel.AcquireBuffer(24);
        Assert.Equal(2, _port.CallsOf(SyscallNumber.MapMemory).Length);
        Assert.Equal(1, _port.MappedRegions);
    }

    [Fact]
    public void MoveBuffer_of_part_of_a_larger_buffer_unmaps_the_rest()
    {
        var dispatcher = new StubDispatcher((in IncomingMessage message) => Reply.None);
        uint connection = _port.Host(new Sid(9, 9, 9, 9), dispatcher);
        var channel = new KernelChannel(_kernel, new Cid(connection));
        channel.AcquireBuffer(3 * 4096);
        channel.AcquireBuffer(100);

        Assert.Equal(XousError.NoError, channel.MoveBuffer(0, 100, 0, 100));

        Assert.Equal(
            Syscall.UnmapMemory(MemoryRange.Create(FakeKernelPort.FirstAddress + 4096, 2 * 4096)),
            Assert.Single(_port.CallsOf(SyscallNumber.UnmapMemory)));
        Assert.Equal(0, _port.MappedRegions);
    }

    [Fact]
    public void A_failed_move_keeps_the_buffer()
    {
        KernelChannel channel = NewChannel();
        channel.AcquireBuffer(100);

        Assert.Equal(XousError.ServerNotFound, channel.MoveBuffer(0, 100, 0, 100));

        channel.AcquireBuffer(100);
        Assert.Equal(1, channel.BuffersMapped);
    }

    [Fact]
    public void Wait_mode_uses_SendMessage_and_try_mode_uses_TrySendMessage()
    {
        _port.Script = call => call.Number == SyscallNumber.TrySendMessage ? SyscallResult.Failure(XousError.ServerQueueFull) : SyscallResult.Ok();

        Assert.Equal(XousError.NoError, NewChannel(ChannelSendMode.Wait).SendScalar(4, 1, 2, 3, 4));
        Assert.Equal(XousError.ServerQueueFull, NewChannel(ChannelSendMode.Try).SendScalar(4, 1, 2, 3, 4));

        Assert.Equal(
            new[] { Syscall.SendMessage(new Cid(Cid), Message.Scalar(4, 1, 2, 3, 4)), Syscall.TrySendMessage(new Cid(Cid), Message.Scalar(4, 1, 2, 3, 4)) },
            _port.Calls);
    }

    [Fact]
    public void SendBlockingScalar_pads_a_short_reply_with_zeros()
    {
        _port.Script = _ => SyscallResult.Scalar2(8, 9);

        Assert.Equal(XousError.NoError, NewChannel().SendBlockingScalar(2, 5, 6, 7, 8, out ScalarReply reply));

        Assert.Equal((8u, 9u, 0u, 0u, 0u), ((uint)reply.Word0, (uint)reply.Word1, (uint)reply.Word2, (uint)reply.Word3, (uint)reply.Word4));
        Assert.Equal(Syscall.SendMessage(new Cid(Cid), Message.BlockingScalar(2, 5, 6, 7, 8)), Assert.Single(_port.Calls));
    }

    [Fact]
    public void SendBlockingScalar_reports_the_error_with_an_empty_reply()
    {
        _port.Script = _ => SyscallResult.Failure(XousError.ServerNotFound);

        Assert.Equal(XousError.ServerNotFound, NewChannel().SendBlockingScalar(2, 0, 0, 0, 0, out ScalarReply reply));
        Assert.Equal(default, (reply.Word0, reply.Word1));
    }

    [Fact]
    public void Misuse_of_buffers_throws()
    {
        KernelChannel channel = NewChannel();

        Assert.Throws<InvalidOperationException>(() => channel.LendBuffer(1, false, 10, 0, 0, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => channel.AcquireBuffer(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => channel.AcquireBuffer(KernelChannel.DefaultMaxBufferBytes + 1));
        channel.AcquireBuffer(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => channel.LendBuffer(1, false, 11, 0, 0, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KernelChannel(_kernel, new Cid(Cid), ChannelSendMode.Wait, 1000));
    }

    [Fact]
    public void A_failed_map_is_out_of_memory()
    {
        _port.Script = call => call.Number == SyscallNumber.MapMemory ? SyscallResult.Failure(XousError.OutOfMemory) : null;

        Assert.Throws<OutOfMemoryException>(() => NewChannel().AcquireBuffer(10));
    }

    [Fact]
    public void ReleaseThreadBuffer_unmaps_the_calling_threads_buffer()
    {
        KernelChannel channel = NewChannel();
        channel.AcquireBuffer(10);

        Assert.Equal(XousError.NoError, channel.ReleaseThreadBuffer());

        Assert.Equal(0, _port.MappedRegions);
        Assert.Equal(XousError.NoError, channel.ReleaseThreadBuffer());
        Assert.Single(_port.CallsOf(SyscallNumber.UnmapMemory));
    }

    [Fact]
    public void Generated_clients_work_over_the_channel()
    {
        var process = new TestProcess();
        var client = new Xous.Names.Api.NamesClient(new KernelChannel(new KernelCalls(process.Port), new Cid(process.NamesConnection)));
        process.Names.ConnectAnswers.Enqueue((Xous.Names.Api.NamesStatus.Ok, 12, 3));
        var request = default(Xous.Names.Api.ConnectRequest);
        request.Name.Length = 1;

        Assert.Equal(Xous.Names.Api.NamesStatus.Ok, client.TryConnect(ref request));
        Assert.Equal(12u, request.Connection); // The MutableBorrow's result came back through the lent page.
        Assert.Equal(3u, request.Generation);
    }
}

internal delegate Reply DispatchFunction(in IncomingMessage message);

/// <summary>A dispatcher whose reply is a function of the message; records what it saw.</summary>
internal sealed class StubDispatcher : IIpcDispatcher
{
    private readonly DispatchFunction _function;

    public StubDispatcher(DispatchFunction function) => _function = function;

    public List<MessageKind> Kinds { get; } = new();

    public List<nuint> Opcodes { get; } = new();

    public List<byte[]> Buffers { get; } = new();

    public OpcodeCounters Counters { get; } = new(new uint[] { 0 });

    public Reply Dispatch(in IncomingMessage message)
    {
        Kinds.Add(message.Kind);
        Opcodes.Add(message.Opcode);
        Buffers.Add(message.Buffer.ToArray());
        return _function(in message);
    }
}

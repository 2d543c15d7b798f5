using System.Buffers.Binary;
using Xous.Abi;
using Xous.Ipc.TestContracts;

namespace Xous.Ipc.Tests;

/// <summary>
/// Malformed, misdirected and oversized messages sent raw through the in-memory kernel: the dispatcher replies with a
/// status (blocking kinds) or counts the error (non-blocking kinds) and never calls the handler.
/// </summary>
public sealed class UnhappyPathTests : IDisposable
{
    private readonly RecordingSampleHandler _handler = new();
    private readonly SampleDispatcher _dispatcher;
    private readonly InMemoryServer _server;
    private readonly InMemoryChannel _channel;
    private readonly SampleClient _client;

    public UnhappyPathTests()
    {
        _dispatcher = new SampleDispatcher(_handler);
        _server = new InMemoryServer(_dispatcher);
        _channel = new InMemoryChannel(_server);
        _client = new SampleClient(_channel);
    }

    public void Dispose()
    {
        Assert.Empty(_server.Violations);
        _server.Dispose();
    }

    [Theory]
    [InlineData(99u)]
    [InlineData(9u)] // retired
    [InlineData(0u)]
    public void Unknown_opcode_as_blocking_scalar_gets_a_status(uint opcode)
    {
        Assert.Equal(XousError.NoError, _channel.SendBlockingScalar(opcode, 1, 2, 3, 4, out ScalarReply reply));

        Assert.Equal((nuint)IpcStatus.UnknownOpcode, reply.Word0);
        Assert.Equal(1u, _dispatcher.Counters.UnknownOpcodeMessages);
        Assert.Equal(0, _handler.Calls);
    }

    [Fact]
    public void Unknown_opcode_as_borrow_gets_the_status_in_offset()
    {
        _channel.AcquireBuffer(MemoryPayload.HeaderSize);

        Assert.Equal(XousError.NoError, _channel.LendBuffer(1234, false, MemoryPayload.HeaderSize, 0, MemoryPayload.HeaderSize, out MemoryReply reply));

        Assert.Equal((nuint)IpcStatus.UnknownOpcode, reply.Offset);
        Assert.Equal((nuint)0, reply.Valid);
    }

    [Fact]
    public void Unknown_opcode_as_scalar_is_counted_and_dropped()
    {
        Assert.Equal(XousError.NoError, _channel.SendScalar(77, 0, 0, 0, 0));
        _client.Flush();

        Assert.Equal(1u, _dispatcher.Counters.UnknownOpcodeMessages);
        Assert.Equal(1, _handler.Calls); // Flush only.
    }

    [Fact]
    public void Wrong_kind_blocking_gets_a_status_and_counts_an_error()
    {
        // Checksum is a Borrow; send it as a BlockingScalar.
        Assert.Equal(XousError.NoError, _channel.SendBlockingScalar(SampleOpcodes.Checksum, 0, 0, 0, 0, out ScalarReply reply));

        Assert.Equal((nuint)IpcStatus.WrongMessageKind, reply.Word0);
        AssertCounts(SampleOpcodes.Checksum, requests: 1, errors: 1);
        Assert.Equal(0, _handler.Calls);
    }

    [Fact]
    public void Wrong_kind_non_blocking_is_counted_and_the_handler_is_not_called()
    {
        // Add is a BlockingScalar; a fire-and-forget Scalar with its opcode gets no reply and no call.
        Assert.Equal(XousError.NoError, _channel.SendScalar(SampleOpcodes.Add, 1, 2, 0, 0));
        _client.Flush();

        AssertCounts(SampleOpcodes.Add, requests: 1, errors: 1);
        Assert.Equal(1, _handler.Calls);
    }

    [Fact]
    public void Truncated_payload_is_malformed()
    {
        // The header claims 100 bytes of payload but valid covers only 50.
        MemoryReply reply = LendRaw(SampleOpcodes.Checksum, mutable: false, payloadLength: 100, valid: MemoryPayload.HeaderSize + 50);

        Assert.Equal((nuint)IpcStatus.MalformedPayload, reply.Offset);
        AssertRejectedWithoutCall(SampleOpcodes.Checksum);
    }

    [Fact]
    public void Payload_longer_than_max_length_is_too_large()
    {
        MemoryReply reply = LendRaw(SampleOpcodes.Checksum, mutable: false, payloadLength: 513, valid: MemoryPayload.HeaderSize + 513);

        Assert.Equal((nuint)IpcStatus.PayloadTooLarge, reply.Offset);
        AssertRejectedWithoutCall(SampleOpcodes.Checksum);
    }

    [Fact]
    public void Valid_beyond_the_lent_pages_is_malformed()
    {
        MemoryReply reply = LendRaw(SampleOpcodes.Checksum, mutable: false, payloadLength: 10, valid: (nuint)Limits.PageSize + 1);

        Assert.Equal((nuint)IpcStatus.MalformedPayload, reply.Offset);
        AssertRejectedWithoutCall(SampleOpcodes.Checksum);
    }

    [Fact]
    public void In_struct_of_the_wrong_size_is_malformed()
    {
        MemoryReply reply = LendRaw(SampleOpcodes.Area, mutable: false, payloadLength: 15, valid: MemoryPayload.HeaderSize + 15);

        Assert.Equal((nuint)IpcStatus.MalformedPayload, reply.Offset);
        AssertRejectedWithoutCall(SampleOpcodes.Area);
    }

    [Fact]
    public void Span_of_structs_with_a_partial_element_is_malformed()
    {
        MemoryReply reply = LendRaw(SampleOpcodes.AnyEnabled, mutable: false, payloadLength: 6, valid: MemoryPayload.HeaderSize + 6);

        Assert.Equal((nuint)IpcStatus.MalformedPayload, reply.Offset);
        AssertRejectedWithoutCall(SampleOpcodes.AnyEnabled);
    }

    [Fact]
    public void Bool_field_other_than_zero_or_one_is_malformed()
    {
        MemoryReply reply = LendRaw(
            SampleOpcodes.AnyEnabled,
            mutable: false,
            payloadLength: 8,
            valid: MemoryPayload.HeaderSize + 8,
            fill: payload => payload[4 + 2] = 2); // Enabled of the second Switch

        Assert.Equal((nuint)IpcStatus.MalformedPayload, reply.Offset);
        AssertRejectedWithoutCall(SampleOpcodes.AnyEnabled);
    }

    [Fact]
    public void Nonzero_format_version_is_malformed()
    {
        MemoryReply reply = LendRaw(
            SampleOpcodes.Checksum,
            mutable: false,
            payloadLength: 4,
            valid: MemoryPayload.HeaderSize + 4,
            header: header => BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(MemoryPayload.FormatVersionOffset), 1));

        Assert.Equal((nuint)IpcStatus.MalformedPayload, reply.Offset);
        AssertRejectedWithoutCall(SampleOpcodes.Checksum);
    }

    [Fact]
    public void Header_unit_out_of_range_is_malformed()
    {
        // Fill's first unit is a byte; 256 is not a byte.
        MemoryReply reply = LendRaw(
            SampleOpcodes.Fill,
            mutable: true,
            payloadLength: 4,
            valid: MemoryPayload.HeaderSize + 4,
            header: header => BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(MemoryPayload.UnitsOffset), 256));

        Assert.Equal((nuint)IpcStatus.MalformedPayload, reply.Offset);
        AssertRejectedWithoutCall(SampleOpcodes.Fill);
    }

    [Theory]
    [InlineData(2u, 0u, 0u)] // bool 2
    [InlineData(1u, 4u, 0x10000u)] // char above 0xFFFF
    [InlineData(1u, 256u, 65u)] // byte enum above 255
    public void Scalar_unit_that_is_not_an_exact_encoding_is_not_handled(uint enabled, uint level, uint tag)
    {
        Assert.Equal(XousError.NoError, _channel.SendScalar(SampleOpcodes.SetLevel, enabled, level, tag, 0));
        _client.Flush();

        Assert.Empty(_handler.Levels);
        AssertCounts(SampleOpcodes.SetLevel, requests: 1, errors: 1);
    }

    [Fact]
    public void Sbyte_unit_that_is_not_sign_extended_gets_malformed_payload()
    {
        // 0x80 is 128, not the sign extension of any sbyte (-128 is 0xFFFFFF80).
        Assert.Equal(XousError.NoError, _channel.SendBlockingScalar(SampleOpcodes.MakeRect, 0x80, 0, 0, 0, out ScalarReply reply));

        Assert.Equal((nuint)IpcStatus.MalformedPayload, reply.Word0);
        AssertRejectedWithoutCall(SampleOpcodes.MakeRect);
    }

    [Fact]
    public void Span_longer_than_max_length_throws_before_sending()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => _client.Checksum(new byte[513]));

        Assert.Equal("data", exception.ParamName);
        Assert.Equal(0, _channel.Sends);
    }

    [Fact]
    public void Full_queue_with_try_send_surfaces_as_ipc_exception()
    {
        var trying = new SampleClient(new InMemoryChannel(_server, trySend: true));
        _server.Pause();
        _client.Ping(0); // Taken by the server thread, which then waits at the pause gate.
        SpinWait.SpinUntil(() => _server.QueuedCount == 0, TimeSpan.FromSeconds(20));
        for (int index = 0; index < InMemoryServer.QueueCapacity; index++)
        {
            trying.Ping(index);
        }

        IpcException exception = Assert.Throws<IpcException>(() => trying.Ping(-1));

        Assert.Equal(XousError.ServerQueueFull, exception.TransportError);
        Assert.Equal(IpcStatus.Ok, exception.Status);
        Assert.Equal(SampleOpcodes.Ping, exception.Opcode);
        _server.Resume();
        _client.Flush();
        Assert.Equal(InMemoryServer.QueueCapacity + 1, _handler.Pings.Count);
    }

    [Fact]
    public void Handler_exception_is_not_caught_and_the_client_sees_server_not_found()
    {
        _handler.Failure = new InvalidOperationException("broken invariant");

        IpcException exception = Assert.Throws<IpcException>(() => _client.Add(1, 2));

        Assert.Equal(XousError.ServerNotFound, exception.TransportError);
        Assert.Same(_handler.Failure, _server.HandlerFailure);
    }

    [Fact]
    public void Counters_count_errors_per_opcode_separately()
    {
        LendRaw(SampleOpcodes.Checksum, mutable: false, payloadLength: 600, valid: MemoryPayload.HeaderSize + 600);
        LendRaw(SampleOpcodes.Checksum, mutable: false, payloadLength: 3, valid: MemoryPayload.HeaderSize + 2);
        _client.Checksum(new byte[] { 1, 2, 3 });
        _client.Add(1, 1);

        AssertCounts(SampleOpcodes.Checksum, requests: 3, errors: 2);
        AssertCounts(SampleOpcodes.Add, requests: 1, errors: 0);
        Assert.Equal(0u, _dispatcher.Counters.UnknownOpcodeMessages);
    }

    private MemoryReply LendRaw(
        uint opcode, bool mutable, int payloadLength, nuint valid, Action<Span<byte>>? fill = null, Action<Span<byte>>? header = null)
    {
        int length = MemoryPayload.HeaderSize + Math.Max(payloadLength, 0);
        Span<byte> buffer = _channel.AcquireBuffer(length);
        MemoryPayload.WriteHeader(buffer, payloadLength, 0, 0, 0, 0);
        fill?.Invoke(buffer.Slice(MemoryPayload.HeaderSize));
        header?.Invoke(buffer);
        Assert.Equal(XousError.NoError, _channel.LendBuffer(opcode, mutable, length, 0, valid, out MemoryReply reply));
        return reply;
    }

    private void AssertRejectedWithoutCall(uint opcode)
    {
        AssertCounts(opcode, requests: 1, errors: 1);
        Assert.Equal(0, _handler.Calls);
    }

    private void AssertCounts(uint opcode, uint requests, uint errors)
    {
        Assert.True(_dispatcher.Counters.TryGet(opcode, out uint actualRequests, out uint actualErrors));
        Assert.Equal(requests, actualRequests);
        Assert.Equal(errors, actualErrors);
    }
}

using Xous.Abi;
using Xous.Ipc.TestContracts;

namespace Xous.Ipc.Tests;

/// <summary>The generated client against a scripted channel: transport errors, statuses and replies that do not decode.</summary>
public sealed class ClientFailureTests
{
    public static TheoryData<string> EveryKind() => new() { "Scalar", "BlockingScalar", "Borrow", "MutableBorrow", "Move" };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Transport_error_becomes_ipc_exception_for_every_kind(string kind)
    {
        var channel = new ScriptedChannel { Error = XousError.ServerNotFound };
        var client = new SampleClient(channel);

        IpcException exception = Assert.Throws<IpcException>(() => Call(client, kind));

        Assert.Equal(XousError.ServerNotFound, exception.TransportError);
        Assert.Equal(IpcStatus.Ok, exception.Status);
        Assert.Equal(1, channel.Calls);
    }

    [Fact]
    public void Status_in_a_scalar_reply_becomes_ipc_exception()
    {
        var channel = new ScriptedChannel { Scalar = new ScalarReply((nuint)IpcStatus.WrongMessageKind, 5, 0, 0, 0) };

        IpcException exception = Assert.Throws<IpcException>(() => new SampleClient(channel).Add(1, 2));

        Assert.Equal(IpcStatus.WrongMessageKind, exception.Status);
        Assert.Equal(XousError.NoError, exception.TransportError);
        Assert.Equal(SampleOpcodes.Add, exception.Opcode);
    }

    [Fact]
    public void Status_in_a_memory_reply_becomes_ipc_exception_and_the_span_is_untouched()
    {
        var channel = new ScriptedChannel
        {
            Memory = new MemoryReply((nuint)IpcStatus.PayloadTooLarge, 0),
            ServerWrites = payload => payload.Fill(0xEE),
        };
        byte[] buffer = { 1, 2, 3 };

        IpcException exception = Assert.Throws<IpcException>(() => new SampleClient(channel).Fill(9, buffer));

        Assert.Equal(IpcStatus.PayloadTooLarge, exception.Status);
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer);
    }

    [Fact]
    public void Return_unit_out_of_range_is_a_malformed_reply()
    {
        var channel = new ScriptedChannel { Memory = new MemoryReply(0, 2) }; // a bool of 2

        IpcException exception = Assert.Throws<IpcException>(() => new SampleClient(channel).AnyEnabled(default));

        Assert.Equal(IpcStatus.MalformedReply, exception.Status);
    }

    [Fact]
    public void Reply_word_above_32_bits_is_a_malformed_reply()
    {
        Assert.Equal(8, nuint.Size); // Only a 64-bit host can put more than 32 bits in a word.
        var channel = new ScriptedChannel { Scalar = new ScalarReply(0, unchecked((nuint)(1UL << 32)), 0, 0, 0) };

        IpcException exception = Assert.Throws<IpcException>(() => new SampleClient(channel).Add(1, 2));

        Assert.Equal(IpcStatus.MalformedReply, exception.Status);
    }

    [Fact]
    public void Reply_words_past_the_return_value_are_ignored()
    {
        // Point takes two units; words 3 and 4 are not part of it.
        var channel = new ScriptedChannel { Scalar = new ScalarReply(0, 1, 2, 0xFFFF, 0xFFFF) };

        Point point = new SampleClient(channel).Mirror(default);

        Assert.Equal(1, point.X);
        Assert.Equal(2, point.Y);
    }

    [Fact]
    public void Mutable_borrow_result_with_a_bad_bool_is_a_malformed_reply_and_is_not_copied_back()
    {
        var channel = new ScriptedChannel
        {
            Memory = new MemoryReply(0, 0),
            ServerWrites = payload =>
            {
                payload[0] = 0x99; // Id of the first switch
                payload[4 + 3] = 7; // Locked of the second switch: not a bool
            },
        };
        Switch[] switches = { new() { Id = 1 }, new() { Id = 2 } };

        IpcException exception = Assert.Throws<IpcException>(() => new SampleClient(channel).Toggle(switches));

        Assert.Equal(IpcStatus.MalformedReply, exception.Status);
        Assert.Equal(1, switches[0].Id);
        Assert.False(switches[1].Locked);
    }

    [Fact]
    public void Client_sends_the_documented_header()
    {
        var channel = new ScriptedChannel { Memory = new MemoryReply(0, 0) };

        new SampleClient(channel).Fill(0x5A, new byte[] { 1, 2, 3 });

        byte[] sent = channel.LastSent!;
        Assert.Equal(MemoryPayload.HeaderSize + 3, sent.Length);
        Assert.Equal(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0, 0x5A, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3 }, sent);
        Assert.Equal((nuint)0, channel.LastOffset);
        Assert.Equal((nuint)sent.Length, channel.LastValid);
        Assert.True(channel.LastMutable);
    }

    private static void Call(SampleClient client, string kind)
    {
        switch (kind)
        {
            case "Scalar":
                client.Ping(1);
                break;
            case "BlockingScalar":
                client.Add(1, 2);
                break;
            case "Borrow":
                client.Checksum(new byte[] { 1 });
                break;
            case "MutableBorrow":
                client.Fill(1, new byte[2]);
                break;
            default:
                client.Log(Level.Info, "x");
                break;
        }
    }

    /// <summary>A channel that returns what the test scripted and records what it was asked to send.</summary>
    private sealed class ScriptedChannel : IIpcChannel
    {
        private byte[] _buffer = Array.Empty<byte>();

        public XousError Error { get; init; }

        public ScalarReply Scalar { get; init; }

        public MemoryReply Memory { get; init; }

        /// <summary>What the "server" writes into a MutableBorrow's payload before replying.</summary>
        public SpanAction? ServerWrites { get; init; }

        public int Calls { get; private set; }

        public byte[]? LastSent { get; private set; }

        public nuint LastOffset { get; private set; }

        public nuint LastValid { get; private set; }

        public bool LastMutable { get; private set; }

        public delegate void SpanAction(Span<byte> payload);

        public XousError SendScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4)
        {
            Calls++;
            return Error;
        }

        public XousError SendBlockingScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4, out ScalarReply reply)
        {
            Calls++;
            reply = Error == XousError.NoError ? Scalar : default;
            return Error;
        }

        public Span<byte> AcquireBuffer(int length)
        {
            _buffer = new byte[length];
            return _buffer;
        }

        public XousError LendBuffer(nuint opcode, bool mutable, int length, nuint offset, nuint valid, out MemoryReply reply)
        {
            Calls++;
            Record(length, offset, valid);
            LastMutable = mutable;
            if (mutable)
            {
                ServerWrites?.Invoke(_buffer.AsSpan(MemoryPayload.HeaderSize));
            }

            reply = Error == XousError.NoError ? Memory : default;
            return Error;
        }

        public XousError MoveBuffer(nuint opcode, int length, nuint offset, nuint valid)
        {
            Calls++;
            Record(length, offset, valid);
            return Error;
        }

        private void Record(int length, nuint offset, nuint valid)
        {
            LastSent = _buffer.AsSpan(0, length).ToArray();
            LastOffset = offset;
            LastValid = valid;
        }
    }
}

using Xous.Abi;
using Xous.Ipc.TestContracts;

namespace Xous.Ipc.Tests;

/// <summary>The generated client and dispatcher of <see cref="ISample"/>, every method, through the in-memory kernel.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly RecordingSampleHandler _handler = new();
    private readonly SampleDispatcher _dispatcher;
    private readonly InMemoryServer _server;
    private readonly InMemoryChannel _channel;
    private readonly SampleClient _client;

    public RoundTripTests()
    {
        _dispatcher = new SampleDispatcher(_handler);
        _server = new InMemoryServer(_dispatcher);
        _channel = new InMemoryChannel(_server, pid: 9);
        _client = new SampleClient(_channel);
    }

    public void Dispose()
    {
        Assert.Empty(_server.Violations);
        Assert.Null(_server.HandlerFailure);
        _server.Dispose();
    }

    [Fact]
    public void Scalar_is_delivered_in_order_without_a_reply()
    {
        _client.Ping(42);
        _client.Ping(-1);
        _client.Flush(); // One server thread and a FIFO queue: after Flush returns, the pings were handled.

        Assert.Equal(new[] { 42, -1 }, _handler.Pings.ToArray());
        Assert.Equal(1, _handler.Flushes);
    }

    [Theory]
    [InlineData(2, 40, 42)]
    [InlineData(int.MaxValue, 1, int.MinValue)]
    [InlineData(-5, -7, -12)]
    public void Blocking_scalar_returns_one_unit(int left, int right, int expected) =>
        Assert.Equal(expected, _client.Add(left, right));

    [Theory]
    [InlineData(3_000_000_000L, 3, 9_000_000_000L)]
    [InlineData(-4_294_967_297L, 2, -8_589_934_594L)]
    [InlineData(long.MinValue, 1, long.MinValue)]
    public void Blocking_scalar_carries_two_unit_arguments_and_returns(long left, int right, long expected) =>
        Assert.Equal(expected, _client.Multiply(left, right));

    [Fact]
    public void Struct_travels_by_value_in_units_both_ways()
    {
        Point mirrored = _client.Mirror(new Point { X = 3, Y = -70000 });

        Assert.Equal(70000, mirrored.X);
        Assert.Equal(-3, mirrored.Y);
    }

    [Fact]
    public void Four_unit_struct_return_and_signed_small_arguments()
    {
        Rect rect = _client.MakeRect(-5, -300, (7UL << 32) | 9);

        Assert.Equal(-5, rect.Origin.X);
        Assert.Equal(-300, rect.Origin.Y);
        Assert.Equal(7, rect.Width);
        Assert.Equal(9, rect.Height);
    }

    [Fact]
    public void Borrow_of_a_span_reaches_the_server_and_leaves_the_lender_unchanged()
    {
        byte[] data = Enumerable.Range(0, 300).Select(index => (byte)(index * 7)).ToArray();
        byte[] before = (byte[])data.Clone();
        uint expected = 0;
        foreach (byte value in data)
        {
            expected = unchecked((expected * 31) + value);
        }

        uint checksum = _client.Checksum(data);

        Assert.Equal(expected, checksum);
        Assert.Equal(before, data);
        Assert.Equal(data, _handler.LastChecksumData);
        Assert.Equal(0, _channel.LastServerBuffer!.Length % (int)Limits.PageSize);
    }

    [Fact]
    public void Borrow_of_an_empty_span_is_allowed() => Assert.Equal(0u, _client.Checksum(ReadOnlySpan<byte>.Empty));

    [Fact]
    public void Borrow_of_an_in_struct_with_a_header_scalar()
    {
        var rect = new Rect { Origin = new Point { X = 1, Y = 2 }, Width = 6, Height = 7 };

        Assert.Equal(6 * 7 * -3, _client.Area(in rect, -3));
        Assert.Equal(6, rect.Width);
    }

    [Fact]
    public void Move_delivers_the_span_and_the_enum()
    {
        _client.Log(Level.Warning, "disk nearly full");
        _client.Log(Level.Debug, string.Empty);
        _client.Flush();

        Assert.Equal(new[] { (Level.Warning, "disk nearly full"), (Level.Debug, string.Empty) }, _handler.Logs.ToArray());
    }

    [Fact]
    public void Mutable_borrow_of_a_span_copies_the_results_back()
    {
        byte[] buffer = Enumerable.Repeat((byte)0x11, 10).ToArray();

        int written = _client.Fill(0xAB, buffer);

        Assert.Equal(5, written);
        Assert.Equal(new byte[] { 0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 0x11, 0x11, 0x11, 0x11, 0x11 }, buffer);
    }

    [Fact]
    public void Mutable_borrow_of_a_ref_struct_copies_the_result_back()
    {
        var rect = new Rect { Origin = new Point { X = 10, Y = 20 }, Width = 3, Height = 4 };

        _client.Grow(ref rect, 2);

        Assert.Equal(8, rect.Origin.X);
        Assert.Equal(18, rect.Origin.Y);
        Assert.Equal(7, rect.Width);
        Assert.Equal(8, rect.Height);
    }

    [Fact]
    public async Task Deferred_reply_completes_the_waiting_call_later()
    {
        Task<uint> sleeping = Task.Run(() => _client.Sleep(250));
        (uint milliseconds, DeferredReply token) = WaitForSleeper();

        Assert.Equal(250u, milliseconds);
        Assert.NotSame(sleeping, await Task.WhenAny(sleeping, Task.Delay(100)));
        Assert.Equal(42, _client.Add(40, 2)); // The server keeps serving while the sleeper waits.

        _server.Complete(token, SampleDispatcher.SleepReply(17));

        Assert.Equal(17u, await sleeping.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Include_sender_gives_the_handler_the_caller() => Assert.Equal(9u, _client.WhoAmI());

    [Fact]
    public void Borrow_of_structs_with_bools_and_a_bool_return()
    {
        Switch[] switches =
        {
            new() { Id = 1, Enabled = true, Locked = true },
            new() { Id = 2, Enabled = false, Locked = false },
        };

        Assert.False(_client.AnyEnabled(switches));
        switches[1].Enabled = true;
        Assert.True(_client.AnyEnabled(switches));
    }

    [Fact]
    public void Mutable_borrow_of_structs_with_bools_copies_them_back()
    {
        Switch[] switches =
        {
            new() { Id = 1, Enabled = true, Locked = true },
            new() { Id = 2, Enabled = false, Locked = false },
            new() { Id = 3, Enabled = true, Locked = false },
        };

        _client.Toggle(switches);

        Assert.Equal(new[] { true, true, false }, switches.Select(item => item.Enabled).ToArray());
        Assert.Equal(new ushort[] { 1, 2, 3 }, switches.Select(item => item.Id).ToArray());
    }

    [Fact]
    public void Scalar_with_bool_enum_and_char()
    {
        _client.SetLevel(true, Level.Error, 'λ');
        _client.SetLevel(false, Level.Info, 'a');
        _client.Flush();

        Assert.Equal(new[] { (true, Level.Error, 'λ'), (false, Level.Info, 'a') }, _handler.Levels.ToArray());
    }

    [Fact]
    public void Counters_count_requests_per_opcode()
    {
        _client.Add(1, 2);
        _client.Add(3, 4);
        _client.Ping(1);
        _client.Flush();

        Assert.True(_dispatcher.Counters.TryGet(SampleOpcodes.Add, out uint addRequests, out uint addErrors));
        Assert.Equal(2u, addRequests);
        Assert.Equal(0u, addErrors);
        Assert.True(_dispatcher.Counters.TryGet(SampleOpcodes.Ping, out uint pingRequests, out _));
        Assert.Equal(1u, pingRequests);
        Assert.True(_dispatcher.Counters.TryGet(SampleOpcodes.Multiply, out uint multiplyRequests, out _));
        Assert.Equal(0u, multiplyRequests);
        Assert.False(_dispatcher.Counters.TryGet(9, out _, out _));
    }

    private (uint Milliseconds, DeferredReply Reply) WaitForSleeper()
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_handler.Sleepers.TryDequeue(out (uint, DeferredReply) sleeper))
            {
                return sleeper;
            }

            Thread.Sleep(5);
        }

        throw new TimeoutException("The deferred handler was never called.");
    }
}

using System.Buffers.Binary;
using Xous.Vault.Hid;

namespace Xous.Vault.Tests.Hid;

public sealed class CtapHidFramingTests
{
    private const uint Broadcast = CtapHidProtocol.BroadcastChannel;

    private static byte[] Pattern(int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)((i * 7) + (i >> 8) + 1);
        }
        return data;
    }

    [Fact]
    public void Init_on_broadcast_allocates_a_new_channel_and_echoes_the_nonce()
    {
        var hid = new CtapHidHarness();
        byte[] nonce = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
        hid.Send(Broadcast, CtapHidCommand.Init, nonce);

        HidMessage reply = Assert.Single(hid.ReadMessages());
        Assert.Equal(Broadcast, reply.Channel);
        Assert.Equal(CtapHidCommand.Init, reply.Command);
        Assert.Equal(17, reply.Payload.Length);
        Assert.Equal(nonce, reply.Payload[..8]);
        uint channel = BinaryPrimitives.ReadUInt32BigEndian(reply.Payload.AsSpan(8));
        Assert.NotEqual(0u, channel);
        Assert.NotEqual(Broadcast, channel);
        Assert.Equal(2, reply.Payload[12]);
        Assert.Equal(CtapHidProtocol.CapabilityWink | CtapHidProtocol.CapabilityCbor, reply.Payload[16]);
        Assert.Equal(0, reply.Payload[16] & CtapHidProtocol.CapabilityNoMessage);
        Assert.Equal(1, hid.Server.AllocatedChannelCount);
    }

    [Fact]
    public void Every_broadcast_init_gets_a_distinct_channel()
    {
        var hid = new CtapHidHarness();
        var seen = new HashSet<uint>();
        for (int i = 0; i < 10; i++)
        {
            Assert.True(seen.Add(hid.Allocate()));
        }
        Assert.Equal(10, hid.Server.Counters.ChannelsAllocated);
    }

    [Fact]
    public void The_channel_table_is_bounded_and_evicts_the_least_recently_used_channel()
    {
        var hid = new CtapHidHarness();
        uint first = hid.Allocate();
        uint second = hid.Allocate();
        for (int i = 2; i < CtapHidProtocol.MaxChannels; i++)
        {
            hid.Clock.ElapsedMilliseconds++;
            hid.Allocate();
        }
        hid.Clock.ElapsedMilliseconds++;
        hid.Send(first, CtapHidCommand.Ping, [1]);   // first is now recently used; second is the oldest
        hid.ReadMessages();
        hid.Clock.ElapsedMilliseconds++;
        uint newest = hid.Allocate();

        Assert.Equal(CtapHidProtocol.MaxChannels, hid.Server.AllocatedChannelCount);
        Assert.Equal(1, hid.Server.Counters.ChannelsEvicted);
        hid.Send(second, CtapHidCommand.Ping, [1]);
        hid.ExpectError(second, CtapHidError.InvalidChannel);
        hid.Send(first, CtapHidCommand.Ping, [2]);
        Assert.Equal([2], Assert.Single(hid.ReadMessages()).Payload);
        hid.Send(newest, CtapHidCommand.Ping, [3]);
        Assert.Equal([3], Assert.Single(hid.ReadMessages()).Payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(9)]
    public void Init_with_a_nonce_of_the_wrong_length_is_invalid_len(int length)
    {
        var hid = new CtapHidHarness();
        hid.Send(Broadcast, CtapHidCommand.Init, new byte[length]);
        hid.ExpectError(Broadcast, CtapHidError.InvalidLength);
        Assert.Equal(0, hid.Server.AllocatedChannelCount);
    }

    [Fact]
    public void Init_on_an_allocated_channel_resyncs_it_with_the_same_channel()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        byte[] nonce = [9, 8, 7, 6, 5, 4, 3, 2];
        hid.Send(channel, CtapHidCommand.Init, nonce);

        HidMessage reply = Assert.Single(hid.ReadMessages());
        Assert.Equal(channel, reply.Channel);
        Assert.Equal(nonce, reply.Payload[..8]);
        Assert.Equal(channel, BinaryPrimitives.ReadUInt32BigEndian(reply.Payload.AsSpan(8)));
        Assert.Equal([channel], hid.Application.ChannelResets);
        Assert.Equal(1, hid.Server.AllocatedChannelCount);
    }

    [Fact]
    public void Init_resync_aborts_a_transaction_in_reception()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, Pattern(200));
        hid.Port.Enqueue(packets[0]);
        hid.Pump();
        Assert.True(hid.Server.IsReceiving);

        hid.Send(channel, CtapHidCommand.Init, [1, 1, 1, 1, 1, 1, 1, 1]);
        Assert.False(hid.Server.IsReceiving);
        Assert.Equal(CtapHidCommand.Init, Assert.Single(hid.ReadMessages()).Command);

        hid.EnqueueAll(packets.Skip(1));   // the rest of the aborted transaction is stray now
        hid.Pump();
        Assert.Empty(hid.ReadMessages());
        Assert.Equal(3, hid.Server.Counters.StrayContinuations);
        hid.Send(channel, CtapHidCommand.Ping, [5]);
        Assert.Equal([5], Assert.Single(hid.ReadMessages()).Payload);
    }

    [Fact]
    public void Init_from_another_channel_is_served_in_the_middle_of_a_transaction_which_then_completes()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        byte[] payload = Pattern(300);
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, payload);
        hid.EnqueueAll(packets.Take(2));
        hid.Pump();

        hid.Send(Broadcast, CtapHidCommand.Init, [1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Equal(CtapHidCommand.Init, Assert.Single(hid.ReadMessages()).Command);

        hid.EnqueueAll(packets.Skip(2));
        hid.Pump();
        HidMessage echo = Assert.Single(hid.ReadMessages());
        Assert.Equal(channel, echo.Channel);
        Assert.Equal(payload, echo.Payload);
    }

    [Fact]
    public void Ping_of_the_maximum_size_is_echoed_in_129_packets()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        byte[] payload = Pattern(AuthenticatorLimits.MaxMessageSize);
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, payload);
        Assert.Equal(129, packets.Count);
        int before = hid.Port.Sent.Count;
        hid.EnqueueAll(packets);
        hid.Pump();

        Assert.Equal(129, hid.Port.Sent.Count - before);
        HidMessage echo = Assert.Single(hid.ReadMessages());
        Assert.Equal(CtapHidCommand.Ping, echo.Command);
        Assert.Equal(payload, echo.Payload);
    }

    [Fact]
    public void Ping_one_byte_over_the_maximum_is_invalid_len()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Port.Enqueue(CtapHidHarness.InitPacket(channel, CtapHidCommand.Ping, AuthenticatorLimits.MaxMessageSize + 1, Pattern(57)));
        hid.Pump();
        hid.ExpectError(channel, CtapHidError.InvalidLength);
        Assert.False(hid.Server.IsReceiving);
    }

    [Fact]
    public void A_skipped_sequence_number_is_invalid_seq_and_drops_the_transaction()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, Pattern(200));
        hid.Port.Enqueue(packets[0]);
        hid.Port.Enqueue(packets[2]);   // SEQ 1 where 0 is due
        hid.Pump();
        hid.ExpectError(channel, CtapHidError.InvalidSequence);
        Assert.False(hid.Server.IsReceiving);
    }

    [Fact]
    public void A_repeated_sequence_number_is_invalid_seq()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, Pattern(200));
        hid.EnqueueAll([packets[0], packets[1], packets[1]]);
        hid.Pump();
        hid.ExpectError(channel, CtapHidError.InvalidSequence);
    }

    [Fact]
    public void A_new_init_packet_on_the_receiving_channel_is_invalid_seq()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, Pattern(200));
        hid.Port.Enqueue(packets[0]);
        hid.Port.Enqueue(CtapHidHarness.InitPacket(channel, CtapHidCommand.Ping, 1, [1]));
        hid.Pump();
        hid.ExpectError(channel, CtapHidError.InvalidSequence);
        Assert.False(hid.Server.IsReceiving);
        hid.Send(channel, CtapHidCommand.Ping, [4]);
        Assert.Equal([4], Assert.Single(hid.ReadMessages()).Payload);
    }

    [Fact]
    public void A_stray_continuation_is_ignored()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Port.Enqueue(CtapHidHarness.ContinuationPacket(channel, 0, Pattern(59)));
        hid.Pump();
        Assert.Empty(hid.ReadMessages());
        Assert.Equal(1, hid.Server.Counters.StrayContinuations);
    }

    [Fact]
    public void A_stalled_transaction_times_out_with_msg_timeout_after_500_ms()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, Pattern(200));
        hid.Port.Enqueue(packets[0]);
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Pump();

        // The caller asks for a long wait; the server bounds it by the transaction deadline.
        Assert.False(hid.Server.ProcessOne(10_000));
        HidMessage error = Assert.Single(hid.ReadMessages());
        Assert.Equal(channel, error.Channel);
        Assert.Equal([CtapHidError.MessageTimeout], error.Payload);
        long elapsed = error.At - start;
        Assert.InRange(elapsed, 401, 999);
        Assert.Equal(AuthenticatorLimits.TransactionTimeoutMilliseconds, elapsed);
        Assert.Equal(1, hid.Server.Counters.Timeouts);

        // A late continuation after the time-out is stray.
        hid.Port.Enqueue(packets[1]);
        hid.Pump();
        Assert.Empty(hid.ReadMessages());
    }

    [Fact]
    public void An_unbounded_wait_is_cut_to_the_transaction_deadline()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Port.Enqueue(CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, Pattern(100))[0]);
        hid.Pump();
        hid.Clock.ElapsedMilliseconds += 120;
        hid.Port.Waits.Clear();
        Assert.False(hid.Server.ProcessOne(-1));
        Assert.Equal([380], hid.Port.Waits);
        hid.ExpectError(channel, CtapHidError.MessageTimeout);

        hid.Port.Waits.Clear();
        Assert.False(hid.Server.ProcessOne(-1));   // nothing pending: the caller's wait goes through unchanged
        Assert.Equal([-1], hid.Port.Waits);
    }

    [Fact]
    public void Continuations_arriving_in_time_keep_the_transaction_alive()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        byte[] payload = Pattern(200);
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, payload);
        long t = hid.Clock.ElapsedMilliseconds;
        for (int i = 0; i < packets.Count; i++)
        {
            hid.Port.Schedule(t + (i * 400), packets[i]);   // each gap is under 500 ms, the whole is 1.2 s
        }
        while (hid.Port.Pending > 0)
        {
            hid.Server.ProcessOne(1_000);
        }
        HidMessage echo = Assert.Single(hid.ReadMessages());
        Assert.Equal(CtapHidCommand.Ping, echo.Command);
        Assert.Equal(payload, echo.Payload);
    }

    [Fact]
    public void Another_channel_gets_channel_busy_while_the_first_continues_unharmed()
    {
        var hid = new CtapHidHarness();
        uint a = hid.Allocate();
        uint b = hid.Allocate();
        byte[] payload = Pattern(300);
        List<byte[]> packets = CtapHidHarness.Fragment(a, CtapHidCommand.Ping, payload);
        hid.Port.Enqueue(packets[0]);
        hid.Pump();
        hid.Send(b, CtapHidCommand.Ping, [1]);
        hid.ExpectError(b, CtapHidError.ChannelBusy);
        hid.Port.Enqueue(packets[1]);
        hid.Pump();
        hid.Send(b, CtapHidCommand.Cbor, [4]);
        hid.ExpectError(b, CtapHidError.ChannelBusy);
        hid.EnqueueAll(packets.Skip(2));
        hid.Pump();

        HidMessage echo = Assert.Single(hid.ReadMessages());
        Assert.Equal(a, echo.Channel);
        Assert.Equal(payload, echo.Payload);
        Assert.Equal(2, hid.Server.Counters.ErrorsSent(CtapHidError.ChannelBusy));
    }

    [Fact]
    public void The_busy_channel_still_times_out_on_its_own()
    {
        var hid = new CtapHidHarness();
        uint a = hid.Allocate();
        uint b = hid.Allocate();
        hid.Port.Enqueue(CtapHidHarness.Fragment(a, CtapHidCommand.Ping, Pattern(100))[0]);
        hid.Pump();
        hid.Clock.ElapsedMilliseconds += 100;
        hid.Send(b, CtapHidCommand.Ping, [1]);
        hid.ExpectError(b, CtapHidError.ChannelBusy);
        hid.Server.ProcessOne(2_000);
        hid.ExpectError(a, CtapHidError.MessageTimeout);
        hid.Send(b, CtapHidCommand.Ping, [1]);
        Assert.Equal([1], Assert.Single(hid.ReadMessages()).Payload);
    }

    [Fact]
    public void Channel_zero_is_invalid_even_for_init()
    {
        var hid = new CtapHidHarness();
        hid.Send(0, CtapHidCommand.Init, [1, 2, 3, 4, 5, 6, 7, 8]);
        hid.ExpectError(0, CtapHidError.InvalidChannel);
        hid.Send(0, CtapHidCommand.Ping, [1]);
        hid.ExpectError(0, CtapHidError.InvalidChannel);
        Assert.Equal(0, hid.Server.AllocatedChannelCount);
    }

    [Fact]
    public void A_non_init_command_on_broadcast_is_invalid_channel()
    {
        var hid = new CtapHidHarness();
        hid.Send(Broadcast, CtapHidCommand.Ping, [1]);
        hid.ExpectError(Broadcast, CtapHidError.InvalidChannel);
    }

    [Fact]
    public void A_channel_never_allocated_is_invalid_channel()
    {
        var hid = new CtapHidHarness();
        hid.Allocate();
        hid.Send(0x12345678, CtapHidCommand.Ping, [1]);
        hid.ExpectError(0x12345678, CtapHidError.InvalidChannel);
        hid.Send(0x12345678, CtapHidCommand.Init, [1, 2, 3, 4, 5, 6, 7, 8]);
        hid.ExpectError(0x12345678, CtapHidError.InvalidChannel);
    }

    [Theory]
    [InlineData(0x80 | 0x66)]
    [InlineData(0x80)]
    [InlineData(CtapHidCommand.KeepAlive)]
    [InlineData(CtapHidCommand.Error)]
    [InlineData(CtapHidCommand.VendorFirst)]
    [InlineData(0xFF)]
    public void Unknown_host_and_vendor_commands_are_invalid_cmd(int command)
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Send(channel, (byte)command, [1, 2, 3]);
        hid.ExpectError(channel, CtapHidError.InvalidCommand);
        Assert.Equal(1, hid.Server.Counters.CommandsReceived((byte)command));
    }

    [Theory]
    [InlineData(CtapHidCommand.Cbor)]
    [InlineData(CtapHidCommand.Message)]
    public void Empty_cbor_and_msg_are_invalid_len_without_reaching_the_application(byte command)
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Send(channel, command, []);
        hid.ExpectError(channel, CtapHidError.InvalidLength);
        Assert.Empty(hid.Application.CborRequests);
        Assert.Empty(hid.Application.ApduRequests);
    }

    [Fact]
    public void Cbor_and_msg_reach_the_application_and_the_reply_is_fragmented_on_the_same_channel()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        byte[] big = Pattern(1000);
        hid.Application.Cbor = (request, response, context) =>
        {
            big.CopyTo(response);
            return big.Length;
        };
        byte[] request = Pattern(150);
        hid.Send(channel, CtapHidCommand.Cbor, request);
        HidMessage reply = Assert.Single(hid.ReadMessages());
        Assert.Equal(channel, reply.Channel);
        Assert.Equal(CtapHidCommand.Cbor, reply.Command);
        Assert.Equal(big, reply.Payload);
        Assert.Equal(request, Assert.Single(hid.Application.CborRequests));
        Assert.Equal(channel, Assert.Single(hid.Application.ContextChannels));

        hid.Send(channel, CtapHidCommand.Message, [0x00, 0x03, 0x00, 0x00]);
        reply = Assert.Single(hid.ReadMessages());
        Assert.Equal(CtapHidCommand.Message, reply.Command);
        Assert.Equal([0x90, 0x00], reply.Payload);
        Assert.Equal(2, hid.Server.Counters.RequestsProcessed);
    }

    [Fact]
    public void An_application_answering_nothing_gets_error_other()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Application.Cbor = (request, response, context) => 0;
        hid.Send(channel, CtapHidCommand.Cbor, [4]);
        hid.ExpectError(channel, CtapHidError.Other);
    }

    [Fact]
    public void Wink_calls_the_application_and_answers_empty()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Send(channel, CtapHidCommand.Wink, []);
        HidMessage reply = Assert.Single(hid.ReadMessages());
        Assert.Equal(CtapHidCommand.Wink, reply.Command);
        Assert.Empty(reply.Payload);
        Assert.Equal(1, hid.Application.WinkCount);
    }

    [Fact]
    public void Lock_keeps_other_channels_busy_until_it_expires_or_is_released()
    {
        var hid = new CtapHidHarness();
        uint a = hid.Allocate();
        uint b = hid.Allocate();
        hid.Send(a, CtapHidCommand.Lock, [2]);
        HidMessage reply = Assert.Single(hid.ReadMessages());
        Assert.Equal(CtapHidCommand.Lock, reply.Command);
        Assert.Empty(reply.Payload);

        hid.Send(b, CtapHidCommand.Ping, [1]);
        hid.ExpectError(b, CtapHidError.ChannelBusy);
        hid.Send(a, CtapHidCommand.Ping, [2]);
        Assert.Equal([2], Assert.Single(hid.ReadMessages()).Payload);
        hid.Send(Broadcast, CtapHidCommand.Init, [1, 2, 3, 4, 5, 6, 7, 8]);   // INIT is never locked out
        Assert.Equal(CtapHidCommand.Init, Assert.Single(hid.ReadMessages()).Command);

        hid.Clock.ElapsedMilliseconds += 2_000;
        hid.Send(b, CtapHidCommand.Ping, [3]);
        Assert.Equal([3], Assert.Single(hid.ReadMessages()).Payload);

        hid.Send(a, CtapHidCommand.Lock, [10]);
        hid.ReadMessages();
        hid.Send(a, CtapHidCommand.Lock, [0]);
        Assert.Equal(CtapHidCommand.Lock, Assert.Single(hid.ReadMessages()).Command);
        hid.Send(b, CtapHidCommand.Ping, [4]);
        Assert.Equal([4], Assert.Single(hid.ReadMessages()).Payload);
    }

    [Fact]
    public void Lock_checks_its_length_and_range()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Send(channel, CtapHidCommand.Lock, []);
        hid.ExpectError(channel, CtapHidError.InvalidLength);
        hid.Send(channel, CtapHidCommand.Lock, [1, 1]);
        hid.ExpectError(channel, CtapHidError.InvalidLength);
        hid.Send(channel, CtapHidCommand.Lock, [11]);
        hid.ExpectError(channel, CtapHidError.InvalidParameter);
        uint other = hid.Allocate();
        hid.Send(other, CtapHidCommand.Ping, [1]);
        Assert.Equal([1], Assert.Single(hid.ReadMessages()).Payload);
    }

    [Fact]
    public void Counters_count_commands_and_errors_and_snapshots_do_not_move()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        CtapHidCounters before = hid.Server.Counters;
        hid.Send(channel, CtapHidCommand.Ping, [1]);
        hid.Send(0x0BAD_0BAD, CtapHidCommand.Ping, [1]);
        CtapHidCounters after = hid.Server.Counters;

        Assert.Equal(0, before.CommandsReceived(CtapHidCommand.Ping));
        Assert.Equal(2, after.CommandsReceived(CtapHidCommand.Ping));
        Assert.Equal(1, after.CommandsReceived(CtapHidCommand.Init));
        Assert.Equal(1, after.ErrorsSent(CtapHidError.InvalidChannel));
        Assert.Equal(1, after.TotalErrorsSent);
        Assert.Equal(0, before.TotalErrorsSent);
        Assert.Equal(3, after.ReportsReceived);
        Assert.Equal(3, after.ReportsSent);
    }
}

using Xous.Vault.Environment;
using Xous.Vault.Hid;

namespace Xous.Vault.Tests.Hid;

public sealed class CtapHidProcessingTests
{
    private const uint Broadcast = CtapHidProtocol.BroadcastChannel;
    private static readonly byte[] s_nonce = [1, 2, 3, 4, 5, 6, 7, 8];

    private static List<HidMessage> KeepAlives(List<HidMessage> messages, uint channel) =>
        messages.Where(m => m.Command == CtapHidCommand.KeepAlive && m.Channel == channel).ToList();

    [Fact]
    public void User_presence_sends_upneeded_immediately_and_every_100_ms_until_approved()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Presence.ApproveAt = start + 350;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.Send(channel, CtapHidCommand.Cbor, [2]);

        List<HidMessage> messages = hid.ReadMessages();
        List<HidMessage> keepAlives = KeepAlives(messages, channel);
        Assert.Equal([start, start + 100, start + 200, start + 300], keepAlives.Select(m => m.At));
        Assert.All(keepAlives, m => Assert.Equal([CtapHidKeepAliveStatus.UserPresenceNeeded], m.Payload));
        HidMessage reply = messages[^1];
        Assert.Equal(CtapHidCommand.Cbor, reply.Command);
        Assert.Equal([0x00], reply.Payload);
        Assert.Equal(UserPresenceResult.Approved, Assert.Single(hid.Application.PresenceResults));
        Assert.Equal(1, hid.Presence.BeginCount);
        Assert.Equal(1, hid.Presence.EndCount);
        Assert.False(hid.Presence.IsOpen);
        Assert.Equal(UserPresencePurpose.Authenticate, hid.Presence.LastRequest.Purpose);
        Assert.InRange(hid.Presence.PollCount, 30, 40);   // about every 10 ms
    }

    [Fact]
    public void User_presence_denied_closes_the_prompt()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Presence.DenyAt = hid.Clock.ElapsedMilliseconds + 50;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.Send(channel, CtapHidCommand.Cbor, [2]);
        Assert.Equal([0x27], hid.ReadMessages()[^1].Payload);
        Assert.Equal(UserPresenceResult.Denied, Assert.Single(hid.Application.PresenceResults));
        Assert.False(hid.Presence.IsOpen);
    }

    [Fact]
    public void User_presence_times_out_and_closes_the_prompt()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Application.Cbor = hid.Application.AskForPresence(1_000);
        hid.Send(channel, CtapHidCommand.Cbor, [2]);
        List<HidMessage> messages = hid.ReadMessages();
        Assert.Equal([0x2F], messages[^1].Payload);
        Assert.Equal(start + 1_000, messages[^1].At);
        Assert.Equal(10, KeepAlives(messages, channel).Count);
        Assert.Equal(UserPresenceResult.TimedOut, Assert.Single(hid.Application.PresenceResults));
        Assert.False(hid.Presence.IsOpen);
        Assert.Equal(1, hid.Presence.EndCount);
    }

    [Fact]
    public void Cancel_during_user_presence_returns_cancelled_closes_the_prompt_and_the_reply_goes_out()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.EnqueueAll(CtapHidHarness.Fragment(channel, CtapHidCommand.Cbor, [2]));
        hid.Port.Schedule(start + 250, CtapHidHarness.InitPacket(channel, CtapHidCommand.Cancel, 0, []));
        hid.Pump();

        List<HidMessage> messages = hid.ReadMessages();
        HidMessage reply = messages[^1];
        Assert.Equal(CtapHidCommand.Cbor, reply.Command);
        Assert.Equal([0x2D], reply.Payload);
        Assert.Equal(start + 250, reply.At);
        Assert.Equal(UserPresenceResult.Cancelled, Assert.Single(hid.Application.PresenceResults));
        Assert.False(hid.Presence.IsOpen);
        Assert.Equal(1, hid.Server.Counters.Cancels);
        Assert.DoesNotContain(messages, m => m.Command == CtapHidCommand.Cancel || m.Command == CtapHidCommand.Error);
    }

    [Fact]
    public void Cancel_on_another_channel_or_with_nothing_pending_is_ignored()
    {
        var hid = new CtapHidHarness();
        uint a = hid.Allocate();
        uint b = hid.Allocate();
        hid.Send(a, CtapHidCommand.Cancel, []);
        Assert.Empty(hid.ReadMessages());

        long start = hid.Clock.ElapsedMilliseconds;
        hid.Presence.ApproveAt = start + 300;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.EnqueueAll(CtapHidHarness.Fragment(a, CtapHidCommand.Cbor, [2]));
        hid.Port.Schedule(start + 50, CtapHidHarness.InitPacket(b, CtapHidCommand.Cancel, 0, []));
        hid.Pump();
        List<HidMessage> messages = hid.ReadMessages();
        Assert.Equal([0x00], messages[^1].Payload);
        Assert.Equal(UserPresenceResult.Approved, Assert.Single(hid.Application.PresenceResults));
        Assert.DoesNotContain(messages, m => m.Channel == b);
        Assert.Equal(2, hid.Server.Counters.CancelsIgnored);
        Assert.Equal(0, hid.Server.Counters.Cancels);
    }

    [Fact]
    public void While_waiting_for_presence_other_channels_get_busy_and_broadcast_init_still_allocates()
    {
        var hid = new CtapHidHarness();
        uint a = hid.Allocate();
        uint b = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Presence.ApproveAt = start + 500;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.EnqueueAll(CtapHidHarness.Fragment(a, CtapHidCommand.Cbor, [2]));
        hid.Port.Schedule(start + 120, CtapHidHarness.InitPacket(b, CtapHidCommand.Ping, 1, [1]));
        hid.Port.Schedule(start + 130, CtapHidHarness.InitPacket(Broadcast, CtapHidCommand.Init, 8, s_nonce));
        hid.Port.Schedule(start + 140, CtapHidHarness.InitPacket(Broadcast, CtapHidCommand.Ping, 1, [1]));
        hid.Port.Schedule(start + 150, CtapHidHarness.InitPacket(0x0BAD_0BAD, CtapHidCommand.Cbor, 1, [1]));
        hid.Port.Schedule(start + 160, CtapHidHarness.ContinuationPacket(b, 0, [1]));
        hid.Pump();

        List<HidMessage> messages = hid.ReadMessages().Where(m => m.Command != CtapHidCommand.KeepAlive).ToList();
        Assert.Equal(5, messages.Count);
        Assert.Equal((b, CtapHidCommand.Error, CtapHidError.ChannelBusy), (messages[0].Channel, messages[0].Command, messages[0].Payload[0]));
        Assert.Equal((Broadcast, CtapHidCommand.Init), (messages[1].Channel, messages[1].Command));
        Assert.Equal((Broadcast, CtapHidError.InvalidChannel), (messages[2].Channel, messages[2].Payload[0]));
        Assert.Equal((0x0BAD_0BADu, CtapHidError.InvalidChannel), (messages[3].Channel, messages[3].Payload[0]));
        Assert.Equal((a, CtapHidCommand.Cbor), (messages[4].Channel, messages[4].Command));
        Assert.Equal(3, hid.Server.AllocatedChannelCount);
        Assert.Equal(messages[0].At, start + 120);
    }

    [Fact]
    public void Init_resync_during_presence_cancels_answers_init_and_drops_the_old_reply()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.EnqueueAll(CtapHidHarness.Fragment(channel, CtapHidCommand.Cbor, [2]));
        hid.Port.Schedule(start + 150, CtapHidHarness.InitPacket(channel, CtapHidCommand.Init, 8, s_nonce));
        hid.Pump();

        List<HidMessage> messages = hid.ReadMessages().Where(m => m.Command != CtapHidCommand.KeepAlive).ToList();
        HidMessage init = Assert.Single(messages);
        Assert.Equal(CtapHidCommand.Init, init.Command);
        Assert.Equal(channel, init.Channel);
        Assert.Equal(UserPresenceResult.Cancelled, Assert.Single(hid.Application.PresenceResults));
        Assert.Equal([channel], hid.Application.ChannelResets);
        Assert.False(hid.Presence.IsOpen);

        hid.Presence.ApproveAt = 0;
        hid.Send(channel, CtapHidCommand.Cbor, [2]);
        Assert.Equal([0x00], hid.ReadMessages()[^1].Payload);
    }

    [Fact]
    public void Init_on_another_allocated_channel_during_presence_resyncs_that_channel_only()
    {
        var hid = new CtapHidHarness();
        uint a = hid.Allocate();
        uint b = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Presence.ApproveAt = start + 300;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.EnqueueAll(CtapHidHarness.Fragment(a, CtapHidCommand.Cbor, [2]));
        hid.Port.Schedule(start + 100, CtapHidHarness.InitPacket(b, CtapHidCommand.Init, 8, s_nonce));
        hid.Pump();

        List<HidMessage> messages = hid.ReadMessages().Where(m => m.Command != CtapHidCommand.KeepAlive).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal((b, CtapHidCommand.Init), (messages[0].Channel, messages[0].Command));
        Assert.Equal((a, CtapHidCommand.Cbor), (messages[1].Channel, messages[1].Command));
        Assert.Equal([0x00], messages[1].Payload);
        Assert.Equal([b], hid.Application.ChannelResets);
        Assert.Equal(UserPresenceResult.Approved, Assert.Single(hid.Application.PresenceResults));
    }

    [Fact]
    public void Issue_325_a_second_authenticator_answering_first_leaves_a_clean_state()
    {
        // The browser asked this authenticator and another one; the other was touched first, so the browser
        // cancels here and at once starts a new ceremony, first on the same channel and then on a new one.
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.EnqueueAll(CtapHidHarness.Fragment(channel, CtapHidCommand.Cbor, [1]));
        hid.Port.Schedule(start + 700, CtapHidHarness.InitPacket(channel, CtapHidCommand.Cancel, 0, []));
        hid.Pump();

        Assert.Equal([0x2D], hid.ReadMessages()[^1].Payload);
        Assert.False(hid.Presence.IsOpen);
        Assert.Equal(1, hid.Presence.EndCount);
        Assert.False(hid.Server.IsReceiving);

        hid.Presence.ApproveAt = hid.Clock.ElapsedMilliseconds + 150;
        hid.Send(channel, CtapHidCommand.Cbor, [2]);
        List<HidMessage> messages = hid.ReadMessages();
        Assert.Equal(CtapHidCommand.Cbor, messages[^1].Command);
        Assert.Equal([0x00], messages[^1].Payload);
        Assert.Equal(2, hid.Presence.BeginCount);
        Assert.Equal(2, hid.Presence.EndCount);

        uint other = hid.Allocate();
        hid.Presence.ApproveAt = hid.Clock.ElapsedMilliseconds;
        hid.Send(other, CtapHidCommand.Cbor, [2]);
        Assert.Equal([0x00], hid.ReadMessages()[^1].Payload);
        Assert.False(hid.Presence.IsOpen);
        Assert.Equal(0, hid.Server.Counters.ErrorsSent(CtapHidError.ChannelBusy));
    }

    [Fact]
    public void Issue_325_with_a_new_init_instead_of_cancel()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        hid.Application.Cbor = hid.Application.AskForPresence(30_000);
        hid.EnqueueAll(CtapHidHarness.Fragment(channel, CtapHidCommand.Cbor, [1]));
        hid.Port.Schedule(start + 400, CtapHidHarness.InitPacket(Broadcast, CtapHidCommand.Init, 8, s_nonce));
        hid.Port.Schedule(start + 401, CtapHidHarness.InitPacket(channel, CtapHidCommand.Init, 8, s_nonce));
        hid.Pump();
        Assert.False(hid.Presence.IsOpen);
        Assert.Equal(UserPresenceResult.Cancelled, Assert.Single(hid.Application.PresenceResults));

        hid.Presence.ApproveAt = hid.Clock.ElapsedMilliseconds;
        hid.Send(channel, CtapHidCommand.Ping, [7]);
        Assert.Equal([7], hid.ReadMessages()[^1].Payload);
    }

    [Fact]
    public void Cancel_before_presence_is_asked_skips_the_prompt()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        hid.Port.Schedule(hid.Clock.ElapsedMilliseconds + 1, CtapHidHarness.InitPacket(channel, CtapHidCommand.Cancel, 0, []));
        hid.Application.Cbor = (request, response, context) =>
        {
            while (!context.KeepAliveAndCheckCancel())
            {
                hid.Clock.ElapsedMilliseconds += 1;
            }
            UserPresenceResult result = context.WaitForUserPresence(new UserPresenceRequest(UserPresencePurpose.Register, "x"), 30_000);
            response[0] = result == UserPresenceResult.Cancelled ? (byte)0x2D : (byte)0;
            return 1;
        };
        hid.EnqueueAll(CtapHidHarness.Fragment(channel, CtapHidCommand.Cbor, [1]));
        hid.Pump();
        Assert.Equal([0x2D], hid.ReadMessages()[^1].Payload);
        Assert.Equal(0, hid.Presence.BeginCount);
    }

    [Fact]
    public void Keepalive_processing_goes_out_at_most_every_100_ms_when_the_application_checks_in()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        long start = hid.Clock.ElapsedMilliseconds;
        var checks = new List<bool>();
        hid.Application.Cbor = (request, response, context) =>
        {
            for (int i = 0; i < 50; i++)
            {
                hid.Clock.ElapsedMilliseconds += 10;   // a long computation in 10 ms steps
                checks.Add(context.KeepAliveAndCheckCancel());
            }
            response[0] = 0;
            return 1;
        };
        hid.Send(channel, CtapHidCommand.Cbor, [1]);
        List<HidMessage> keepAlives = KeepAlives(hid.ReadMessages(), channel);
        Assert.Equal([start + 100, start + 200, start + 300, start + 400, start + 500], keepAlives.Select(m => m.At));
        Assert.All(keepAlives, m => Assert.Equal([CtapHidKeepAliveStatus.Processing], m.Payload));
        Assert.DoesNotContain(true, checks);
    }

    [Fact]
    public void Keepalive_check_drains_reports_and_reports_a_cancel()
    {
        var hid = new CtapHidHarness();
        uint a = hid.Allocate();
        uint b = hid.Allocate();
        var checks = new List<bool>();
        hid.Application.Cbor = (request, response, context) =>
        {
            checks.Add(context.KeepAliveAndCheckCancel());
            hid.Port.Enqueue(CtapHidHarness.InitPacket(b, CtapHidCommand.Ping, 1, [1]));
            hid.Port.Enqueue(CtapHidHarness.InitPacket(a, CtapHidCommand.Cancel, 0, []));
            checks.Add(context.KeepAliveAndCheckCancel());
            response[0] = 0x2D;
            return 1;
        };
        hid.Send(a, CtapHidCommand.Cbor, [1]);
        Assert.Equal([false, true], checks);
        List<HidMessage> messages = hid.ReadMessages();
        Assert.Equal(2, messages.Count);
        Assert.Equal((b, CtapHidError.ChannelBusy), (messages[0].Channel, messages[0].Payload[0]));
        Assert.Equal([0x2D], messages[1].Payload);
    }

    [Fact]
    public void The_context_is_only_usable_during_a_request()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        ICtapRequestContext? captured = null;
        hid.Application.Cbor = (request, response, context) =>
        {
            captured = context;
            response[0] = 0;
            return 1;
        };
        hid.Send(channel, CtapHidCommand.Cbor, [1]);
        Assert.NotNull(captured);
        Assert.Equal(0u, captured.Channel);
        Assert.Throws<InvalidOperationException>(() => captured.KeepAliveAndCheckCancel());
    }

    [Fact]
    public void The_process_loop_allocates_nothing_per_packet_after_warm_up()
    {
        var hid = new CtapHidHarness();
        uint channel = hid.Allocate();
        byte[] payload = new byte[1000];
        List<byte[]> packets = CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, payload);
        hid.EnqueueAll(packets);
        hid.Pump();
        hid.ReadMessages();
        hid.Port.Sent.Capacity = 10_000;
        hid.Port.Waits.Capacity = 10_000;
        hid.EnqueueAll(packets);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < packets.Count; i++)
        {
            hid.Server.ProcessOne(0);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The fake port copies each sent report into a new 88-byte array (18 replies); the server adds nothing.
        Assert.InRange(allocated, 0, 18 * 88);
    }
}

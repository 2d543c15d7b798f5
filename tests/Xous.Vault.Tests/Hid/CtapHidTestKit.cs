using System.Buffers.Binary;
using Xous.Vault.Environment;
using Xous.Vault.Hid;

namespace Xous.Vault.Tests.Hid;

/// <summary>A clock the test moves.</summary>
internal sealed class FakeClock : IMonotonicClock
{
    public long ElapsedMilliseconds { get; set; }
}

/// <summary>
/// A report port whose incoming reports are scheduled at clock times. Waiting for a report moves the fake clock
/// forward (to the next scheduled report or by the whole timeout), so time-outs run without sleeping.
/// </summary>
internal sealed class FakeReportPort : IHidReportPort
{
    private readonly FakeClock _clock;
    private readonly List<(long At, long Order, byte[] Report)> _incoming = new();
    private long _order;

    public FakeReportPort(FakeClock clock) => _clock = clock;

    public List<(long At, byte[] Report)> Sent { get; } = new();

    public int Pending => _incoming.Count;

    public List<int> Waits { get; } = new();

    public void Schedule(long at, byte[] report)
    {
        Assert.Equal(64, report.Length);
        _incoming.Add((at, _order++, report));
    }

    public void Enqueue(byte[] report) => Schedule(_clock.ElapsedMilliseconds, report);

    public bool TryReceive(Span<byte> report, int timeoutMilliseconds)
    {
        Waits.Add(timeoutMilliseconds);
        int best = -1;
        for (int i = 0; i < _incoming.Count; i++)
        {
            if (best < 0 || _incoming[i].At < _incoming[best].At
                || (_incoming[i].At == _incoming[best].At && _incoming[i].Order < _incoming[best].Order))
            {
                best = i;
            }
        }
        long now = _clock.ElapsedMilliseconds;
        if (best >= 0 && (_incoming[best].At <= now || (timeoutMilliseconds >= 0 && _incoming[best].At <= now + timeoutMilliseconds)
            || timeoutMilliseconds < 0))
        {
            if (_incoming[best].At > now)
            {
                _clock.ElapsedMilliseconds = _incoming[best].At;
            }
            _incoming[best].Report.CopyTo(report);
            _incoming.RemoveAt(best);
            return true;
        }
        if (timeoutMilliseconds > 0)
        {
            _clock.ElapsedMilliseconds = now + timeoutMilliseconds;
        }
        return false;
    }

    public void Send(ReadOnlySpan<byte> report)
    {
        if (report.Length != 64)
        {
            throw new InvalidOperationException("a report of the wrong size was sent");
        }
        Sent.Add((_clock.ElapsedMilliseconds, report.ToArray()));
    }
}

/// <summary>A user-presence prompt answered by script: approve or deny at a clock time, or never.</summary>
internal sealed class FakeUserPresence : IUserPresence
{
    private readonly FakeClock _clock;

    public FakeUserPresence(FakeClock clock) => _clock = clock;

    public long? ApproveAt { get; set; }

    public long? DenyAt { get; set; }

    public int BeginCount { get; private set; }

    public int EndCount { get; private set; }

    public int PollCount { get; private set; }

    public bool IsOpen { get; private set; }

    public UserPresenceRequest LastRequest { get; private set; }

    public void Begin(in UserPresenceRequest request)
    {
        Assert.False(IsOpen, "a second prompt was opened while one was open");
        BeginCount++;
        IsOpen = true;
        LastRequest = request;
    }

    public UserPresenceState Poll()
    {
        Assert.True(IsOpen, "Poll without an open prompt");
        PollCount++;
        long now = _clock.ElapsedMilliseconds;
        if (ApproveAt is long approve && now >= approve)
        {
            return UserPresenceState.Approved;
        }
        if (DenyAt is long deny && now >= deny)
        {
            return UserPresenceState.Denied;
        }
        return UserPresenceState.Pending;
    }

    public void End()
    {
        EndCount++;
        IsOpen = false;
    }
}

/// <summary>An application whose CBOR and MSG handlers the test supplies; records what it was asked.</summary>
internal sealed class ScriptedApplication : ICtapApplication
{
    public delegate int Handler(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context);

    public Handler? Cbor { get; set; }

    public Handler? Apdu { get; set; }

    public List<byte[]> CborRequests { get; } = new();

    public List<byte[]> ApduRequests { get; } = new();

    public List<uint> ContextChannels { get; } = new();

    public List<uint> ChannelResets { get; } = new();

    public List<UserPresenceResult> PresenceResults { get; } = new();

    public int WinkCount { get; private set; }

    public int ProcessCbor(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context)
    {
        CborRequests.Add(request.ToArray());
        ContextChannels.Add(context.Channel);
        if (Cbor is not null)
        {
            return Cbor(request, response, context);
        }
        response[0] = 0x00;
        response[1] = 0xA0;
        return 2;
    }

    public int ProcessApdu(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context)
    {
        ApduRequests.Add(request.ToArray());
        ContextChannels.Add(context.Channel);
        if (Apdu is not null)
        {
            return Apdu(request, response, context);
        }
        response[0] = 0x90;
        response[1] = 0x00;
        return 2;
    }

    public void Wink() => WinkCount++;

    public void ChannelReset(uint channel) => ChannelResets.Add(channel);

    /// <summary>A CBOR handler that asks for user presence and answers the CTAP2 status the result maps to.</summary>
    public Handler AskForPresence(int timeoutMilliseconds) => (request, response, context) =>
    {
        UserPresenceResult result = context.WaitForUserPresence(
            new UserPresenceRequest(UserPresencePurpose.Authenticate, "example.com"), timeoutMilliseconds);
        PresenceResults.Add(result);
        response[0] = result switch
        {
            UserPresenceResult.Approved => 0x00,
            UserPresenceResult.Denied => 0x27,
            UserPresenceResult.TimedOut => 0x2F,
            _ => 0x2D,
        };
        return 1;
    };
}

/// <summary>One reassembled message from the authenticator.</summary>
internal readonly record struct HidMessage(uint Channel, byte Command, byte[] Payload, long At);

/// <summary>The CTAPHID server wired to fakes, with host-side helpers to build packets and read replies.</summary>
internal sealed class CtapHidHarness
{
    public CtapHidHarness()
    {
        Clock = new FakeClock { ElapsedMilliseconds = 1_000 };
        Port = new FakeReportPort(Clock);
        Presence = new FakeUserPresence(Clock);
        Application = new ScriptedApplication();
        Server = new CtapHidServer(Port, Clock, Presence, Application);
    }

    public FakeClock Clock { get; }

    public FakeReportPort Port { get; }

    public FakeUserPresence Presence { get; }

    public ScriptedApplication Application { get; }

    public CtapHidServer Server { get; }

    private int _readIndex;

    public static byte[] InitPacket(uint channel, byte command, int length, ReadOnlySpan<byte> data)
    {
        byte[] packet = new byte[64];
        BinaryPrimitives.WriteUInt32BigEndian(packet, channel);
        packet[4] = command;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(5), (ushort)length);
        data.Slice(0, Math.Min(data.Length, 57)).CopyTo(packet.AsSpan(7));
        return packet;
    }

    public static byte[] ContinuationPacket(uint channel, byte sequence, ReadOnlySpan<byte> data)
    {
        byte[] packet = new byte[64];
        BinaryPrimitives.WriteUInt32BigEndian(packet, channel);
        packet[4] = sequence;
        data.Slice(0, Math.Min(data.Length, 59)).CopyTo(packet.AsSpan(5));
        return packet;
    }

    /// <summary>The packets of one request, fragmented as a host does.</summary>
    public static List<byte[]> Fragment(uint channel, byte command, ReadOnlySpan<byte> payload)
    {
        var packets = new List<byte[]> { InitPacket(channel, command, payload.Length, payload) };
        int offset = Math.Min(payload.Length, 57);
        byte sequence = 0;
        while (offset < payload.Length)
        {
            packets.Add(ContinuationPacket(channel, sequence++, payload.Slice(offset)));
            offset += 59;
        }
        return packets;
    }

    public void EnqueueAll(IEnumerable<byte[]> packets)
    {
        foreach (byte[] packet in packets)
        {
            Port.Enqueue(packet);
        }
    }

    /// <summary>Handles every queued report (without waiting for more).</summary>
    public void Pump()
    {
        int guard = 0;
        while (Port.Pending > 0)
        {
            Server.ProcessOne(0);
            Assert.True(++guard < 100_000, "the server does not consume its reports");
        }
    }

    public void Send(uint channel, byte command, ReadOnlySpan<byte> payload)
    {
        EnqueueAll(Fragment(channel, command, payload));
        Pump();
    }

    /// <summary>Allocates a channel with INIT on broadcast and returns it.</summary>
    public uint Allocate()
    {
        byte[] nonce = [1, 2, 3, 4, 5, 6, 7, 8];
        Send(CtapHidProtocol.BroadcastChannel, CtapHidCommand.Init, nonce);
        HidMessage reply = Assert.Single(ReadMessages());
        Assert.Equal(CtapHidCommand.Init, reply.Command);
        return BinaryPrimitives.ReadUInt32BigEndian(reply.Payload.AsSpan(8));
    }

    /// <summary>Reassembles the reports sent since the last call into messages.</summary>
    public List<HidMessage> ReadMessages()
    {
        var messages = new List<HidMessage>();
        while (_readIndex < Port.Sent.Count)
        {
            (long at, byte[] packet) = Port.Sent[_readIndex++];
            uint channel = BinaryPrimitives.ReadUInt32BigEndian(packet);
            Assert.True((packet[4] & 0x80) != 0, "a reply began with a continuation packet");
            int length = BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(5));
            byte[] payload = new byte[length];
            int first = Math.Min(length, 57);
            packet.AsSpan(7, first).CopyTo(payload);
            Assert.True(packet.AsSpan(7 + first).IndexOfAnyExcept((byte)0) < 0, "unused bytes of an init packet are not zero");
            int offset = first;
            byte sequence = 0;
            while (offset < length)
            {
                (_, byte[] next) = Port.Sent[_readIndex++];
                Assert.Equal(channel, BinaryPrimitives.ReadUInt32BigEndian(next));
                Assert.Equal(sequence++, next[4]);
                int count = Math.Min(length - offset, 59);
                next.AsSpan(5, count).CopyTo(payload.AsSpan(offset));
                Assert.True(next.AsSpan(5 + count).IndexOfAnyExcept((byte)0) < 0, "unused bytes of a continuation packet are not zero");
                offset += count;
            }
            messages.Add(new HidMessage(channel, packet[4], payload, at));
        }
        return messages;
    }

    /// <summary>Asserts that the only message since the last read is ERROR <paramref name="code"/> on <paramref name="channel"/>.</summary>
    public void ExpectError(uint channel, byte code)
    {
        HidMessage message = Assert.Single(ReadMessages());
        Assert.Equal(channel, message.Channel);
        Assert.Equal(CtapHidCommand.Error, message.Command);
        Assert.Equal([code], message.Payload);
    }
}

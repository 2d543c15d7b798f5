using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Xous.Vault.Environment;
using Xous.Vault.Hid;
using Xous.Vault.Host.Transports;

namespace Xous.Vault.Tests.Transports;

public sealed class UdpHidPortTests
{
    private static Socket Client()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.ReceiveTimeout = 5_000;
        return socket;
    }

    private static byte[] Report(uint channel, byte marker)
    {
        byte[] report = new byte[64];
        BinaryPrimitives.WriteUInt32BigEndian(report, channel);
        report[4] = 0x81;
        report[6] = 1;
        report[7] = marker;
        return report;
    }

    private static byte[] ReceiveOne(Socket socket)
    {
        byte[] buffer = new byte[2048];
        int received = socket.Receive(buffer);
        return buffer.AsSpan(0, received).ToArray();
    }

    [Fact]
    public void Binds_an_ephemeral_port_and_exposes_it()
    {
        using var port = new UdpHidPort(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.NotEqual(0, port.LocalEndPoint.Port);
        Assert.Equal(IPAddress.Loopback, port.LocalEndPoint.Address);
        Assert.Equal(8111, UdpHidPort.DefaultEndPoint.Port);
    }

    [Fact]
    public void Nothing_arrives_within_the_timeout()
    {
        using var port = new UdpHidPort(new IPEndPoint(IPAddress.Loopback, 0));
        var report = new byte[64];
        long start = System.Environment.TickCount64;
        Assert.False(port.TryReceive(report, 50));
        Assert.InRange(System.Environment.TickCount64 - start, 30, 2_000);
    }

    [Fact]
    public void Two_clients_get_the_replies_for_their_own_channels()
    {
        using var port = new UdpHidPort(new IPEndPoint(IPAddress.Loopback, 0));
        using Socket first = Client();
        using Socket second = Client();
        first.SendTo(Report(0x0000_0001, 0xA1), port.LocalEndPoint);
        second.SendTo(Report(0x0000_0002, 0xB2), port.LocalEndPoint);

        var report = new byte[64];
        var seen = new HashSet<byte>();
        for (int i = 0; i < 2; i++)
        {
            Assert.True(port.TryReceive(report, 5_000));
            seen.Add(report[7]);
        }
        Assert.Equal(new byte[] { 0xA1, 0xB2 }, seen.Order().ToArray());

        port.Send(Report(0x0000_0002, 0x22));
        port.Send(Report(0x0000_0001, 0x11));
        Assert.Equal(Report(0x0000_0001, 0x11), ReceiveOne(first));
        Assert.Equal(Report(0x0000_0002, 0x22), ReceiveOne(second));
        Assert.Equal(2, port.ReportsSent);
    }

    [Fact]
    public void The_broadcast_reply_goes_to_the_client_that_sent_the_last_init()
    {
        using var port = new UdpHidPort(new IPEndPoint(IPAddress.Loopback, 0));
        using Socket first = Client();
        using Socket second = Client();
        var report = new byte[64];
        first.SendTo(Report(CtapHidProtocol.BroadcastChannel, 1), port.LocalEndPoint);
        Assert.True(port.TryReceive(report, 5_000));
        port.Send(Report(CtapHidProtocol.BroadcastChannel, 1));
        Assert.Equal(1, ReceiveOne(first)[7]);

        second.SendTo(Report(CtapHidProtocol.BroadcastChannel, 2), port.LocalEndPoint);
        Assert.True(port.TryReceive(report, 5_000));
        port.Send(Report(CtapHidProtocol.BroadcastChannel, 2));
        Assert.Equal(2, ReceiveOne(second)[7]);
        first.ReceiveTimeout = 100;
        Assert.Throws<SocketException>(() => ReceiveOne(first));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(1000)]
    public void Datagrams_of_the_wrong_size_are_dropped_and_counted(int size)
    {
        using var port = new UdpHidPort(new IPEndPoint(IPAddress.Loopback, 0));
        using Socket client = Client();
        client.SendTo(new byte[size], port.LocalEndPoint);
        client.SendTo(Report(7, 0x77), port.LocalEndPoint);
        var report = new byte[64];
        Assert.True(port.TryReceive(report, 5_000));
        Assert.Equal(0x77, report[7]);
        Assert.Equal(1, port.DatagramsDropped);
        Assert.Equal(2, port.DatagramsReceived);
        Assert.False(port.TryReceive(report, 20));
    }

    [Fact]
    public void A_report_for_a_channel_nobody_used_is_not_sent()
    {
        using var port = new UdpHidPort(new IPEndPoint(IPAddress.Loopback, 0));
        port.Send(Report(42, 1));
        Assert.Equal(1, port.ReportsUnroutable);
        Assert.Equal(0, port.ReportsSent);
        Assert.Throws<ArgumentException>(() => port.Send(new byte[63]));
    }

    [Fact]
    public void The_ctaphid_server_over_udp_serves_init_and_a_long_ping_to_a_real_socket_client()
    {
        using var port = new UdpHidPort(new IPEndPoint(IPAddress.Loopback, 0));
        var clock = new StopwatchClock();
        var server = new CtapHidServer(port, clock, new NoPresence(), new NoApplication());
        using var stop = new CancellationTokenSource();
        var loop = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                server.ProcessOne(20);
            }
        })
        { IsBackground = true };
        loop.Start();
        try
        {
            using Socket client = Client();
            byte[] init = new byte[64];
            BinaryPrimitives.WriteUInt32BigEndian(init, CtapHidProtocol.BroadcastChannel);
            init[4] = CtapHidCommand.Init;
            init[6] = 8;
            "ABCDEFGH"u8.CopyTo(init.AsSpan(7));
            client.SendTo(init, port.LocalEndPoint);
            byte[] reply = ReceiveOne(client);
            Assert.Equal(64, reply.Length);
            Assert.Equal("ABCDEFGH"u8.ToArray(), reply.AsSpan(7, 8).ToArray());
            uint channel = BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(15));

            byte[] payload = new byte[1000];
            Random.Shared.NextBytes(payload);
            var start = System.Diagnostics.Stopwatch.StartNew();
            foreach (byte[] packet in Hid.CtapHidHarness.Fragment(channel, CtapHidCommand.Ping, payload))
            {
                client.SendTo(packet, port.LocalEndPoint);
            }
            byte[] echo = new byte[payload.Length];
            byte[] first = ReceiveOne(client);
            Assert.Equal(CtapHidCommand.Ping, first[4]);
            Assert.Equal(1000, BinaryPrimitives.ReadUInt16BigEndian(first.AsSpan(5)));
            first.AsSpan(7, 57).CopyTo(echo);
            for (int offset = 57, sequence = 0; offset < payload.Length; offset += 59, sequence++)
            {
                byte[] next = ReceiveOne(client);
                Assert.Equal(sequence, next[4]);
                next.AsSpan(5, Math.Min(59, payload.Length - offset)).CopyTo(echo.AsSpan(offset));
            }
            Assert.Equal(payload, echo);
            Assert.True(start.ElapsedMilliseconds < 555, "fido2-tests wants a 1000-byte echo in under 555 ms");
        }
        finally
        {
            stop.Cancel();
            loop.Join(2_000);
        }
    }

    private sealed class StopwatchClock : IMonotonicClock
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();

        public long ElapsedMilliseconds => _watch.ElapsedMilliseconds;
    }

    private sealed class NoPresence : IUserPresence
    {
        public void Begin(in UserPresenceRequest request)
        {
        }

        public UserPresenceState Poll() => UserPresenceState.Approved;

        public void End()
        {
        }
    }

    private sealed class NoApplication : ICtapApplication
    {
        public int ProcessCbor(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context)
        {
            response[0] = 0x01;
            return 1;
        }

        public int ProcessApdu(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context)
        {
            response[0] = 0x6D;
            response[1] = 0x00;
            return 2;
        }

        public void Wink()
        {
        }

        public void ChannelReset(uint channel)
        {
        }
    }
}

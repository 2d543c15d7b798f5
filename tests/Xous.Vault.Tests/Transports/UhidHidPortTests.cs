using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Xous.Vault.Hid;
using Xous.Vault.Host.Transports;

namespace Xous.Vault.Tests.Transports;

/// <summary>
/// The uhid transport against a stand-in for /dev/uhid: a connected pair of Unix SOCK_SEQPACKET sockets, which keep
/// message boundaries as the character device keeps event boundaries (one event per read and per write).
/// </summary>
public sealed class UhidHidPortTests : IDisposable
{
    // xous-platform.md §4.8, written out independently of the product's copy.
    private static readonly byte[] s_expectedDescriptor =
    [
        0x06, 0xD0, 0xF1, 0x09, 0x01, 0xA1, 0x01,
        0x09, 0x20, 0x15, 0x00, 0x26, 0xFF, 0x00, 0x75, 0x08, 0x95, 0x40, 0x81, 0x02,
        0x09, 0x21, 0x15, 0x00, 0x26, 0xFF, 0x00, 0x75, 0x08, 0x95, 0x40, 0x91, 0x02,
        0xC0,
    ];

    private readonly string _directory;
    private readonly Socket _kernel;
    private readonly Socket _device;

    public UhidHidPortTests()
    {
        _directory = Directory.CreateTempSubdirectory("uhid-").FullName;
        string path = Path.Combine(_directory, "uhid.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        _device = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        _device.Connect(new UnixDomainSocketEndPoint(path));
        _kernel = listener.Accept();
        _kernel.ReceiveTimeout = 5_000;
    }

    public void Dispose()
    {
        _kernel.Dispose();
        _device.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private UhidHidPort OpenPort(out byte[] create)
    {
        var port = new UhidHidPort(new SeqPacketStream(_device), leaveOpen: false);
        create = ReadEvent();
        return port;
    }

    private byte[] ReadEvent()
    {
        byte[] buffer = new byte[UhidProtocol.EventSize + 100];
        int received = _kernel.Receive(buffer);
        return buffer.AsSpan(0, received).ToArray();
    }

    private void WriteEvent(uint type, Action<byte[]> fill)
    {
        byte[] ev = new byte[UhidProtocol.EventSize];
        BinaryPrimitives.WriteUInt32LittleEndian(ev, type);
        fill(ev);
        _kernel.Send(ev);
    }

    private void WriteOutput(ReadOnlySpan<byte> data, byte reportType = 1)
    {
        byte[] copy = data.ToArray();
        WriteEvent(UhidProtocol.Output, ev =>
        {
            copy.CopyTo(ev.AsSpan(4));
            BinaryPrimitives.WriteUInt16LittleEndian(ev.AsSpan(4100), (ushort)copy.Length);
            ev[4102] = reportType;
        });
    }

    private static string ReadString(ReadOnlySpan<byte> field) =>
        Encoding.ASCII.GetString(field.Slice(0, field.IndexOf((byte)0)));

    [Fact]
    public void Creation_writes_create2_with_the_fido_descriptor_and_the_precursor_ids()
    {
        using UhidHidPort port = OpenPort(out byte[] create);
        Assert.Equal(4380, create.Length);
        Assert.Equal(11u, BinaryPrimitives.ReadUInt32LittleEndian(create));
        Assert.Equal("Xous Precursor FIDO", ReadString(create.AsSpan(4, 128)));
        Assert.NotEmpty(ReadString(create.AsSpan(132, 64)));
        Assert.Equal(s_expectedDescriptor.Length, BinaryPrimitives.ReadUInt16LittleEndian(create.AsSpan(260)));
        Assert.Equal(0x03, BinaryPrimitives.ReadUInt16LittleEndian(create.AsSpan(262)));
        Assert.Equal(0x1209u, BinaryPrimitives.ReadUInt32LittleEndian(create.AsSpan(264)));
        Assert.Equal(0x3613u, BinaryPrimitives.ReadUInt32LittleEndian(create.AsSpan(268)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(create.AsSpan(276)));
        Assert.Equal(s_expectedDescriptor, create.AsSpan(280, s_expectedDescriptor.Length).ToArray());
        Assert.True(create.AsSpan(280 + s_expectedDescriptor.Length).IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(s_expectedDescriptor, UhidProtocol.FidoReportDescriptor.ToArray());
    }

    [Fact]
    public void An_output_event_with_the_report_number_byte_becomes_a_received_report()
    {
        using UhidHidPort port = OpenPort(out _);
        byte[] report = new byte[64];
        for (int i = 0; i < 64; i++)
        {
            report[i] = (byte)(i + 1);
        }
        WriteOutput([0x00, .. report]);
        byte[] received = new byte[64];
        Assert.True(port.TryReceive(received, 5_000));
        Assert.Equal(report, received);
        Assert.False(port.TryReceive(received, 20));
    }

    [Fact]
    public void A_bare_64_byte_output_is_accepted_too()
    {
        using UhidHidPort port = OpenPort(out _);
        byte[] report = Enumerable.Repeat((byte)0x5A, 64).ToArray();
        WriteOutput(report);
        byte[] received = new byte[64];
        Assert.True(port.TryReceive(received, 5_000));
        Assert.Equal(report, received);
    }

    [Fact]
    public void Malformed_outputs_are_dropped_and_counted()
    {
        using UhidHidPort port = OpenPort(out _);
        WriteOutput(new byte[10]);                          // wrong size
        WriteOutput([0x01, .. new byte[64]]);               // a report number this descriptor does not have
        WriteOutput([0x00, .. new byte[64]], reportType: 0); // a feature report, not output
        WriteOutput([0x00, .. Enumerable.Repeat((byte)7, 64)]);
        byte[] received = new byte[64];
        Assert.True(port.TryReceive(received, 5_000));
        Assert.Equal(7, received[0]);
        Assert.Equal(3, port.ReportsDropped);
    }

    [Fact]
    public void Send_writes_an_input2_event_with_the_report()
    {
        using UhidHidPort port = OpenPort(out _);
        byte[] report = Enumerable.Range(0, 64).Select(i => (byte)(0xC0 ^ i)).ToArray();
        port.Send(report);
        byte[] ev = ReadEvent();
        Assert.Equal(4380, ev.Length);
        Assert.Equal(12u, BinaryPrimitives.ReadUInt32LittleEndian(ev));
        Assert.Equal(64, BinaryPrimitives.ReadUInt16LittleEndian(ev.AsSpan(4)));
        Assert.Equal(report, ev.AsSpan(6, 64).ToArray());
        Assert.True(ev.AsSpan(70).IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(1, port.ReportsSent);
        Assert.Throws<ArgumentException>(() => port.Send(new byte[65]));
    }

    [Fact]
    public void Dispose_writes_destroy()
    {
        UhidHidPort port = OpenPort(out _);
        port.Dispose();
        byte[] ev = ReadEvent();
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(ev));
        Assert.Throws<ObjectDisposedException>(() => port.Send(new byte[64]));
    }

    [Fact]
    public void Start_stop_open_close_are_tracked_and_get_and_set_report_are_refused_with_eio()
    {
        using UhidHidPort port = OpenPort(out _);
        WriteEvent(UhidProtocol.Start, ev => { });
        WriteEvent(UhidProtocol.Open, ev => { });
        WriteEvent(UhidProtocol.GetReport, ev => BinaryPrimitives.WriteUInt32LittleEndian(ev.AsSpan(4), 0x1234));
        byte[] reply = ReadEvent();
        Assert.Equal(10u, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        Assert.Equal(0x1234u, BinaryPrimitives.ReadUInt32LittleEndian(reply.AsSpan(4)));
        Assert.Equal(5, BinaryPrimitives.ReadUInt16LittleEndian(reply.AsSpan(8)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(reply.AsSpan(10)));
        Assert.True(port.IsStarted);
        Assert.True(port.IsOpen);

        WriteEvent(UhidProtocol.SetReport, ev => BinaryPrimitives.WriteUInt32LittleEndian(ev.AsSpan(4), 77));
        reply = ReadEvent();
        Assert.Equal(14u, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        Assert.Equal(77u, BinaryPrimitives.ReadUInt32LittleEndian(reply.AsSpan(4)));
        Assert.Equal(5, BinaryPrimitives.ReadUInt16LittleEndian(reply.AsSpan(8)));

        WriteEvent(UhidProtocol.Close, ev => { });
        WriteEvent(UhidProtocol.Stop, ev => { });
        WriteEvent(UhidProtocol.Destroy + 100, ev => { });   // unknown: ignored
        WriteOutput([0x00, .. new byte[64]]);                 // a marker: everything before it was handled
        Assert.True(port.TryReceive(new byte[64], 5_000));
        Assert.False(port.IsOpen);
        Assert.False(port.IsStarted);
        Assert.Equal(8, port.EventsRead);
    }

    [Fact]
    public void The_end_of_the_event_stream_ends_receiving()
    {
        using UhidHidPort port = OpenPort(out _);
        _kernel.Shutdown(SocketShutdown.Both);
        Assert.False(port.TryReceive(new byte[64], 5_000));
        Assert.True(port.IsEnded);
    }

    [Fact]
    public void The_ctaphid_server_answers_init_through_uhid()
    {
        using UhidHidPort port = OpenPort(out _);
        var server = new CtapHidServer(port, new TickClock(), new Hid.FakeUserPresence(new Hid.FakeClock()), new Hid.ScriptedApplication());
        byte[] init = Hid.CtapHidHarness.InitPacket(CtapHidProtocol.BroadcastChannel, CtapHidCommand.Init, 8, "noncenon"u8);
        WriteOutput([0x00, .. init]);
        Assert.True(server.ProcessOne(5_000));
        byte[] ev = ReadEvent();
        Assert.Equal(12u, BinaryPrimitives.ReadUInt32LittleEndian(ev));
        Assert.Equal(0xFFFF_FFFFu, BinaryPrimitives.ReadUInt32BigEndian(ev.AsSpan(6)));
        Assert.Equal(CtapHidCommand.Init, ev[10]);
        Assert.Equal(17, BinaryPrimitives.ReadUInt16BigEndian(ev.AsSpan(11)));
        Assert.Equal("noncenon"u8.ToArray(), ev.AsSpan(13, 8).ToArray());
    }

    [Fact]
    public void Opening_the_real_device_either_works_or_says_why()
    {
        bool opened = UhidHidPort.TryOpenDevice(out UhidHidPort? port, out string reason);
        using (port)
        {
            if (opened)
            {
                Assert.NotNull(port);
                Assert.Empty(reason);
            }
            else
            {
                Assert.Null(port);
                Assert.Contains("uhid", reason, StringComparison.Ordinal);
            }
        }
        if (!File.Exists(UhidHidPort.DevicePath))
        {
            Assert.False(opened);
        }
    }

    private sealed class TickClock : Xous.Vault.Environment.IMonotonicClock
    {
        public long ElapsedMilliseconds => System.Environment.TickCount64;
    }

    /// <summary>A stream over a SOCK_SEQPACKET socket: one Read is one message, one Write one message.</summary>
    private sealed class SeqPacketStream : Stream
    {
        private readonly Socket _socket;

        public SeqPacketStream(Socket socket) => _socket = socket;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return _socket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException exception)
            {
                throw new IOException(exception.Message, exception);
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _socket.Send(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException exception)
            {
                throw new IOException(exception.Message, exception);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _socket.Shutdown(SocketShutdown.Both);
                _socket.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Xous.Vault.Hid;

namespace Xous.Vault.Host.Transports;

/// <summary>
/// CTAPHID over UDP (the SoloKeys simulator convention): each datagram is one 64-byte report without a report-ID
/// byte. Replies go to the sender: the port remembers, per CID, the endpoint of the last report received on it
/// (the broadcast CID included, so an INIT reply on broadcast returns to whoever sent the INIT), and sends each
/// outgoing report to the endpoint of its CID. Several clients are served with one device's semantics (busy and
/// lock are the CTAPHID layer's, global). Datagrams of any other size are dropped and counted.
/// </summary>
public sealed class UdpHidPort : IHidReportPort, IDisposable
{
    /// <summary>The default endpoint, 127.0.0.1:8111 (the SoloKeys simulator's port).</summary>
    public static readonly IPEndPoint DefaultEndPoint = new(IPAddress.Loopback, 8111);

    /// <summary>CID → endpoint entries kept at most; the table is cleared when it would grow past this.</summary>
    public const int MaxRoutes = 1024;

    private readonly Socket _socket;
    private readonly byte[] _datagram = new byte[2048];
    private readonly Dictionary<uint, EndPoint> _routes = new();
    private long _datagramsReceived;
    private long _datagramsDropped;
    private long _reportsSent;
    private long _reportsUnroutable;
    private bool _disposed;

    /// <summary>Binds a UDP socket to <paramref name="endPoint"/> (port 0: an ephemeral port, see <see cref="LocalEndPoint"/>).</summary>
    /// <exception cref="SocketException">The endpoint cannot be bound (in use, not permitted).</exception>
    public UdpHidPort(IPEndPoint? endPoint = null)
    {
        endPoint ??= DefaultEndPoint;
        _socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(endPoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The endpoint actually bound.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams received of any size.</summary>
    public long DatagramsReceived => Interlocked.Read(ref _datagramsReceived);

    /// <summary>Datagrams dropped because they were not exactly 64 bytes.</summary>
    public long DatagramsDropped => Interlocked.Read(ref _datagramsDropped);

    /// <summary>Reports sent.</summary>
    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    /// <summary>Reports not sent because no client had used their CID yet.</summary>
    public long ReportsUnroutable => Interlocked.Read(ref _reportsUnroutable);

    /// <inheritdoc />
    public bool TryReceive(Span<byte> report, int timeoutMilliseconds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (report.Length < IHidReportPort.ReportSize)
        {
            throw new ArgumentException("The report buffer must hold 64 bytes.", nameof(report));
        }

        long deadline = timeoutMilliseconds < 0 ? long.MaxValue : System.Environment.TickCount64 + timeoutMilliseconds;
        while (true)
        {
            long left = deadline == long.MaxValue ? -1 : deadline - System.Environment.TickCount64;
            if (left < 0 && deadline != long.MaxValue)
            {
                left = 0;
            }
            int microseconds = left < 0 ? -1 : left > int.MaxValue / 1000 ? int.MaxValue : (int)left * 1000;
            if (!_socket.Poll(microseconds, SelectMode.SelectRead))
            {
                return false;
            }

            EndPoint sender = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            int received;
            try
            {
                received = _socket.ReceiveFrom(_datagram, ref sender);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
            {
                // An ICMP "port unreachable" for an earlier reply (a client went away); not our peer's data.
                continue;
            }

            Interlocked.Increment(ref _datagramsReceived);
            if (received != IHidReportPort.ReportSize)
            {
                Interlocked.Increment(ref _datagramsDropped);
                if (left == 0)
                {
                    return false;
                }
                continue;
            }

            _datagram.AsSpan(0, IHidReportPort.ReportSize).CopyTo(report);
            Remember(BinaryPrimitives.ReadUInt32BigEndian(report), sender);
            return true;
        }
    }

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> report)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (report.Length != IHidReportPort.ReportSize)
        {
            throw new ArgumentException("A report is exactly 64 bytes.", nameof(report));
        }
        uint channel = BinaryPrimitives.ReadUInt32BigEndian(report);
        EndPoint? destination;
        lock (_routes)
        {
            _routes.TryGetValue(channel, out destination);
        }
        if (destination is null)
        {
            Interlocked.Increment(ref _reportsUnroutable);
            return;
        }
        try
        {
            _socket.SendTo(report, SocketFlags.None, destination);
            Interlocked.Increment(ref _reportsSent);
        }
        catch (SocketException)
        {
            // The client's socket is gone (or the network refuses); a lost report is what HID over UDP allows.
            Interlocked.Increment(ref _reportsUnroutable);
        }
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _socket.Dispose();
    }

    private void Remember(uint channel, EndPoint sender)
    {
        lock (_routes)
        {
            if (_routes.Count >= MaxRoutes && !_routes.ContainsKey(channel))
            {
                _routes.Clear();
            }
            _routes[channel] = sender;
        }
    }
}

using System.Buffers.Binary;
using Xous.Vault.Hid;

namespace Xous.Vault.Host.Transports;

/// <summary>
/// CTAPHID through a Linux uhid device: the authenticator appears to the host as a real FIDO HID device
/// (/dev/hidrawN), so unmodified browsers and libfido2 find it. Speaks the uhid event protocol over a
/// <see cref="Stream"/> that keeps one event per read and per write, as /dev/uhid does: writes UHID_CREATE2 when
/// created and UHID_DESTROY when disposed; a reader thread turns UHID_OUTPUT events into received reports (a
/// bounded queue of <see cref="MaxQueuedReports"/>), refuses GET_REPORT/SET_REPORT with EIO and tracks
/// START/STOP/OPEN/CLOSE; <see cref="Send"/> writes UHID_INPUT2.
/// </summary>
public sealed class UhidHidPort : IHidReportPort, IDisposable
{
    /// <summary>Reports queued between the reader thread and <see cref="TryReceive"/> at most; later ones are dropped and counted.</summary>
    public const int MaxQueuedReports = 128;

    /// <summary>The uhid character device.</summary>
    public const string DevicePath = "/dev/uhid";

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly object _writeGate = new();
    private readonly byte[] _writeEvent = new byte[UhidProtocol.EventSize];
    private readonly Queue<byte[]> _queue = new();
    private readonly Thread _reader;
    private long _eventsRead;
    private long _reportsDropped;
    private long _reportsSent;
    private volatile bool _started;
    private volatile bool _opened;
    private volatile bool _readerEnded;
    private bool _disposed;

    /// <summary>Creates the device on <paramref name="stream"/> (writes UHID_CREATE2) and starts reading its events.</summary>
    /// <param name="stream">/dev/uhid opened read-write, or a stand-in that keeps event boundaries.</param>
    /// <param name="identity">Name, ids and bus; the defaults describe the Precursor.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
    public UhidHidPort(Stream stream, UhidDeviceIdentity? identity = null, bool leaveOpen = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _leaveOpen = leaveOpen;
        lock (_writeGate)
        {
            UhidProtocol.WriteCreate2(_writeEvent, identity ?? new UhidDeviceIdentity(), UhidProtocol.FidoReportDescriptor);
            WriteEvent();
        }
        _reader = new Thread(ReadEvents) { IsBackground = true, Name = "uhid events" };
        _reader.Start();
    }

    /// <summary>Whether the kernel sent UHID_START (and no UHID_STOP since).</summary>
    public bool IsStarted => _started;

    /// <summary>Whether a host program has the hidraw node open (UHID_OPEN without UHID_CLOSE).</summary>
    public bool IsOpen => _opened;

    /// <summary>Whether the event stream ended (end of stream or an I/O error).</summary>
    public bool IsEnded => _readerEnded;

    /// <summary>Events read from the kernel.</summary>
    public long EventsRead => Interlocked.Read(ref _eventsRead);

    /// <summary>Output events dropped: not a 64-byte output report, or the queue was full.</summary>
    public long ReportsDropped => Interlocked.Read(ref _reportsDropped);

    /// <summary>Input reports written.</summary>
    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    /// <summary>
    /// Opens /dev/uhid and creates the device, or says why not: not Linux, the device node is missing (the uhid
    /// module is not loaded, or this is a container), or access is denied (it needs root or a udev rule).
    /// </summary>
    public static bool TryOpenDevice(out UhidHidPort? port, out string reason, UhidDeviceIdentity? identity = null)
    {
        port = null;
        if (!OperatingSystem.IsLinux())
        {
            reason = "uhid exists only on Linux";
            return false;
        }
        if (!File.Exists(DevicePath))
        {
            reason = DevicePath + " does not exist (load the uhid module: modprobe uhid)";
            return false;
        }
        Stream stream;
        try
        {
            stream = UhidDeviceStream.Open(DevicePath);
        }
        catch (UnauthorizedAccessException)
        {
            reason = DevicePath + " is not writable by this user (run as root or add a udev rule granting access)";
            return false;
        }
        catch (IOException exception)
        {
            reason = DevicePath + " cannot be opened: " + exception.Message;
            return false;
        }
        try
        {
            port = new UhidHidPort(stream, identity);
        }
        catch (IOException exception)
        {
            stream.Dispose();
            reason = "UHID_CREATE2 was refused: " + exception.Message;
            return false;
        }
        reason = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public bool TryReceive(Span<byte> report, int timeoutMilliseconds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[]? next;
        lock (_queue)
        {
            long deadline = timeoutMilliseconds < 0 ? long.MaxValue : System.Environment.TickCount64 + timeoutMilliseconds;
            while (_queue.Count == 0)
            {
                if (_readerEnded)
                {
                    return false;
                }
                long left = deadline == long.MaxValue ? Timeout.Infinite : deadline - System.Environment.TickCount64;
                if (deadline != long.MaxValue && left <= 0)
                {
                    return false;
                }
                Monitor.Wait(_queue, left > int.MaxValue ? int.MaxValue : (int)left);
            }
            next = _queue.Dequeue();
        }
        next.AsSpan().CopyTo(report);
        Array.Clear(next);
        return true;
    }

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> report)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (report.Length != IHidReportPort.ReportSize)
        {
            throw new ArgumentException("A report is exactly 64 bytes.", nameof(report));
        }
        lock (_writeGate)
        {
            UhidProtocol.WriteInput2(_writeEvent, report);
            WriteEvent();
        }
        Interlocked.Increment(ref _reportsSent);
    }

    /// <summary>Writes UHID_DESTROY (the hidraw node disappears) and closes the stream unless told to leave it open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            lock (_writeGate)
            {
                UhidProtocol.WriteTypeOnly(_writeEvent, UhidProtocol.Destroy);
                WriteEvent();
            }
        }
        catch (IOException)
        {
            // The other end is gone already; nothing left to destroy.
        }
        catch (ObjectDisposedException)
        {
        }
        if (!_leaveOpen)
        {
            _stream.Dispose();
            _reader.Join(1000);
        }
        lock (_queue)
        {
            _readerEnded = true;
            Monitor.PulseAll(_queue);
        }
    }

    private void WriteEvent()
    {
        _stream.Write(_writeEvent, 0, UhidProtocol.EventSize);
        _stream.Flush();
        Array.Clear(_writeEvent);
    }

    private void ReadEvents()
    {
        byte[] ev = new byte[UhidProtocol.EventSize];
        try
        {
            while (true)
            {
                Array.Clear(ev);
                int read = _stream.Read(ev, 0, ev.Length);
                if (read <= 0)
                {
                    break;
                }
                Interlocked.Increment(ref _eventsRead);
                if (read < 4)
                {
                    continue;
                }
                HandleEvent(ev);
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            Array.Clear(ev);
            lock (_queue)
            {
                _readerEnded = true;
                Monitor.PulseAll(_queue);
            }
        }
    }

    private void HandleEvent(byte[] ev)
    {
        uint type = BinaryPrimitives.ReadUInt32LittleEndian(ev);
        switch (type)
        {
            case UhidProtocol.Start:
                _started = true;
                break;
            case UhidProtocol.Stop:
                _started = false;
                break;
            case UhidProtocol.Open:
                _opened = true;
                break;
            case UhidProtocol.Close:
                _opened = false;
                break;
            case UhidProtocol.Output:
                Enqueue(ev);
                break;
            case UhidProtocol.GetReport:
            case UhidProtocol.SetReport:
                uint id = BinaryPrimitives.ReadUInt32LittleEndian(ev.AsSpan(UhidProtocol.RequestId));
                uint reply = type == UhidProtocol.GetReport ? UhidProtocol.GetReportReply : UhidProtocol.SetReportReply;
                lock (_writeGate)
                {
                    if (!_disposed)
                    {
                        UhidProtocol.WriteReportRefusal(_writeEvent, reply, id);
                        WriteEvent();
                    }
                }
                break;
            default:
                // Legacy or future events carry nothing a FIDO device needs.
                break;
        }
    }

    private void Enqueue(byte[] ev)
    {
        byte[] report = new byte[IHidReportPort.ReportSize];
        if (!UhidProtocol.TryReadOutputReport(ev, report))
        {
            Interlocked.Increment(ref _reportsDropped);
            return;
        }
        lock (_queue)
        {
            if (_queue.Count >= MaxQueuedReports)
            {
                Interlocked.Increment(ref _reportsDropped);
                return;
            }
            _queue.Enqueue(report);
            Monitor.PulseAll(_queue);
        }
    }
}

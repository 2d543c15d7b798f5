using System;
using System.Buffers.Binary;
using Xous.Vault.Environment;

namespace Xous.Vault.Hid;

/// <summary>
/// The CTAPHID layer (device profile, single-threaded): reassembles 64-byte reports into requests, keeps the channel
/// table, the busy/lock state and the transaction timer, runs CBOR and MSG requests through the application and
/// fragments the replies. While the application processes a request it may wait for user presence through the
/// <see cref="ICtapRequestContext"/>, during which this layer keeps reading reports: KEEPALIVE every 100 ms,
/// CANCEL and INIT honoured, other channels answered with CHANNEL_BUSY. Behaviour and limits: docs/ctaphid.md.
/// </summary>
/// <remarks>
/// Buffers are allocated once (two reports and two messages of <see cref="AuthenticatorLimits.MaxMessageSize"/>);
/// the packet path allocates nothing. Request and response bytes are zeroed after each request. The class is one
/// state machine (reception, processing, lock) and keeps its state together; it is split by phase into this file
/// (reception and replies) and CtapHidServer.RequestContext.cs (what happens while the application runs).
/// </remarks>
public sealed partial class CtapHidServer
{
    private readonly IHidReportPort _port;
    private readonly IMonotonicClock _clock;
    private readonly IUserPresence _userPresence;
    private readonly ICtapApplication _application;
    private readonly byte[] _inReport = new byte[IHidReportPort.ReportSize];
    private readonly byte[] _outReport = new byte[IHidReportPort.ReportSize];
    private readonly byte[] _request = new byte[AuthenticatorLimits.MaxMessageSize];
    private readonly byte[] _response = new byte[AuthenticatorLimits.MaxMessageSize];
    private readonly CtapHidChannelTable _channels = new();
    private readonly CtapHidCounters _counters = new();
    private readonly RequestContext _context;

    // The transaction being received (at most one: busy is global).
    private bool _receiving;
    private uint _receiveChannel;
    private byte _receiveCommand;
    private int _receiveLength;
    private int _receivedBytes;
    private int _nextSequence;
    private long _lastPacketTime;

    // The request being processed by the application (at most one).
    private bool _processing;
    private uint _processingChannel;
    private bool _cancelled;
    private bool _resynchronised;
    private long _lastKeepAliveTime;

    // CTAPHID_LOCK.
    private uint _lockChannel;
    private long _lockUntil;

    /// <summary>Creates the CTAPHID layer over a report port.</summary>
    public CtapHidServer(IHidReportPort port, IMonotonicClock clock, IUserPresence userPresence, ICtapApplication application)
    {
        _port = port ?? throw new ArgumentNullException(nameof(port));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _userPresence = userPresence ?? throw new ArgumentNullException(nameof(userPresence));
        _application = application ?? throw new ArgumentNullException(nameof(application));
        _context = new RequestContext(this);
    }

    /// <summary>A copy of the counters (commands received, errors sent, channels, time-outs, cancels).</summary>
    public CtapHidCounters Counters => _counters.Snapshot();

    /// <summary>Channels currently allocated (at most <see cref="CtapHidProtocol.MaxChannels"/>).</summary>
    public int AllocatedChannelCount => _channels.Count;

    /// <summary>Whether a multi-packet request is being received.</summary>
    public bool IsReceiving => _receiving;

    /// <summary>
    /// Waits up to <paramref name="maxWaitMilliseconds"/> for one report, handles it (running a completed request)
    /// and the timers. The wait is cut short when a transaction's MSG_TIMEOUT falls due, so a caller looping on this
    /// method gets the time-out on time. A negative wait means "until a report arrives or a timer is due" (passed to
    /// the port as is when no timer is pending).
    /// </summary>
    /// <returns>Whether a report was handled.</returns>
    public bool ProcessOne(int maxWaitMilliseconds)
    {
        long now = _clock.ElapsedMilliseconds;
        CheckTransactionTimeout(now);
        int wait = maxWaitMilliseconds;
        if (_receiving)
        {
            long remaining = _lastPacketTime + AuthenticatorLimits.TransactionTimeoutMilliseconds - now;
            if (remaining < 0)
            {
                remaining = 0;
            }
            if (wait < 0 || remaining < wait)
            {
                wait = (int)remaining;
            }
        }

        if (!_port.TryReceive(_inReport, wait))
        {
            CheckTransactionTimeout(_clock.ElapsedMilliseconds);
            return false;
        }

        _counters.CountReportReceived();
        now = _clock.ElapsedMilliseconds;
        CheckTransactionTimeout(now);
        HandleReport(_inReport, now);
        return true;
    }

    private void CheckTransactionTimeout(long now)
    {
        if (_receiving && now - _lastPacketTime >= AuthenticatorLimits.TransactionTimeoutMilliseconds)
        {
            uint channel = _receiveChannel;
            AbortReceive();
            _counters.CountTimeout();
            SendError(channel, CtapHidError.MessageTimeout);
        }
    }

    private void HandleReport(ReadOnlySpan<byte> report, long now)
    {
        uint channel = BinaryPrimitives.ReadUInt32BigEndian(report);
        byte commandOrSequence = report[4];
        if ((commandOrSequence & 0x80) == 0)
        {
            HandleContinuation(channel, commandOrSequence, report, now);
            return;
        }

        byte command = commandOrSequence;
        int length = BinaryPrimitives.ReadUInt16BigEndian(report.Slice(5, 2));
        _counters.CountCommand(command);
        if (channel == 0)
        {
            SendError(0, CtapHidError.InvalidChannel);
            return;
        }
        if (command == CtapHidCommand.Init)
        {
            HandleInit(channel, length, report, now);
            return;
        }
        if (command == CtapHidCommand.Cancel)
        {
            // Nothing is being processed here (see HandleReportWhileProcessing); CANCEL is never answered.
            _counters.CountCancelIgnored();
            return;
        }
        if (channel == CtapHidProtocol.BroadcastChannel || !_channels.Contains(channel))
        {
            SendError(channel, CtapHidError.InvalidChannel);
            return;
        }

        _channels.Touch(channel, now);
        if (_receiving)
        {
            if (channel == _receiveChannel)
            {
                AbortReceive();
                SendError(channel, CtapHidError.InvalidSequence);
            }
            else
            {
                SendError(channel, CtapHidError.ChannelBusy);
            }
            return;
        }
        if (IsLockedAgainst(channel, now))
        {
            SendError(channel, CtapHidError.ChannelBusy);
            return;
        }
        if (!IsRequestCommand(command))
        {
            SendError(channel, CtapHidError.InvalidCommand);
            return;
        }
        if (length > AuthenticatorLimits.MaxMessageSize)
        {
            SendError(channel, CtapHidError.InvalidLength);
            return;
        }

        int first = length < CtapHidProtocol.InitPayloadSize ? length : CtapHidProtocol.InitPayloadSize;
        report.Slice(7, first).CopyTo(_request);
        if (first == length)
        {
            Dispatch(channel, command, length, now);
            return;
        }

        _receiving = true;
        _receiveChannel = channel;
        _receiveCommand = command;
        _receiveLength = length;
        _receivedBytes = first;
        _nextSequence = 0;
        _lastPacketTime = now;
    }

    private void HandleContinuation(uint channel, byte sequence, ReadOnlySpan<byte> report, long now)
    {
        if (!_receiving || channel != _receiveChannel)
        {
            _counters.CountStrayContinuation();
            return;
        }
        if (sequence != _nextSequence)
        {
            AbortReceive();
            SendError(channel, CtapHidError.InvalidSequence);
            return;
        }

        int remaining = _receiveLength - _receivedBytes;
        int count = remaining < CtapHidProtocol.ContinuationPayloadSize ? remaining : CtapHidProtocol.ContinuationPayloadSize;
        report.Slice(5, count).CopyTo(_request.AsSpan(_receivedBytes));
        _receivedBytes += count;
        _nextSequence++;
        _lastPacketTime = now;
        _channels.Touch(channel, now);
        if (_receivedBytes == _receiveLength)
        {
            _receiving = false;
            Dispatch(channel, _receiveCommand, _receiveLength, now);
        }
    }

    private void HandleInit(uint channel, int length, ReadOnlySpan<byte> report, long now)
    {
        bool broadcast = channel == CtapHidProtocol.BroadcastChannel;
        if (!broadcast && !_channels.Contains(channel))
        {
            SendError(channel, CtapHidError.InvalidChannel);
            return;
        }
        if (length != CtapHidProtocol.InitNonceSize)
        {
            SendError(channel, CtapHidError.InvalidLength);
            return;
        }

        uint assigned;
        if (broadcast)
        {
            uint busyChannel = _receiving ? _receiveChannel : _processing ? _processingChannel : 0;
            uint lockChannel = IsLocked(now) ? _lockChannel : 0;
            assigned = _channels.Allocate(now, busyChannel, lockChannel, out bool evicted);
            _counters.CountChannelAllocated();
            if (evicted)
            {
                _counters.CountChannelEvicted();
            }
        }
        else
        {
            assigned = channel;
            _counters.CountResync();
            _channels.Touch(channel, now);
            if (_receiving && _receiveChannel == channel)
            {
                AbortReceive();
            }
            if (_processing && _processingChannel == channel)
            {
                // The application is still on the call stack: it learns of the abort as Cancelled, and is told
                // ChannelReset once it returns (RunRequest), so it is never re-entered mid-request.
                if (!_cancelled)
                {
                    _counters.CountCancel();
                }
                _cancelled = true;
                _resynchronised = true;
            }
            else
            {
                _application.ChannelReset(channel);
            }
        }

        Span<byte> reply = stackalloc byte[CtapHidProtocol.InitReplySize];
        report.Slice(7, CtapHidProtocol.InitNonceSize).CopyTo(reply);
        BinaryPrimitives.WriteUInt32BigEndian(reply.Slice(8, 4), assigned);
        reply[12] = CtapHidProtocol.ProtocolVersion;
        reply[13] = CtapHidProtocol.DeviceVersionMajor;
        reply[14] = CtapHidProtocol.DeviceVersionMinor;
        reply[15] = CtapHidProtocol.DeviceVersionBuild;
        reply[16] = CtapHidProtocol.Capabilities;
        SendMessage(channel, CtapHidCommand.Init, reply);
    }

    private void Dispatch(uint channel, byte command, int length, long now)
    {
        ReadOnlySpan<byte> payload = _request.AsSpan(0, length);
        switch (command)
        {
            case CtapHidCommand.Ping:
                SendMessage(channel, CtapHidCommand.Ping, payload);
                break;
            case CtapHidCommand.Wink:
                if (length != 0)
                {
                    SendError(channel, CtapHidError.InvalidLength);
                    break;
                }
                _application.Wink();
                SendMessage(channel, CtapHidCommand.Wink, ReadOnlySpan<byte>.Empty);
                break;
            case CtapHidCommand.Lock:
                HandleLock(channel, payload, now);
                break;
            case CtapHidCommand.Message:
            case CtapHidCommand.Cbor:
                if (length == 0)
                {
                    SendError(channel, CtapHidError.InvalidLength);
                    break;
                }
                RunRequest(channel, command, length);
                break;
            default:
                SendError(channel, CtapHidError.InvalidCommand);
                break;
        }
        _request.AsSpan(0, length).Clear();
    }

    private void HandleLock(uint channel, ReadOnlySpan<byte> payload, long now)
    {
        if (payload.Length != 1)
        {
            SendError(channel, CtapHidError.InvalidLength);
            return;
        }
        int seconds = payload[0];
        if (seconds > CtapHidProtocol.MaxLockSeconds)
        {
            SendError(channel, CtapHidError.InvalidParameter);
            return;
        }
        if (seconds == 0)
        {
            if (_lockChannel == channel)
            {
                _lockChannel = 0;
            }
        }
        else
        {
            _lockChannel = channel;
            _lockUntil = now + (seconds * 1000L);
        }
        SendMessage(channel, CtapHidCommand.Lock, ReadOnlySpan<byte>.Empty);
    }

    private void RunRequest(uint channel, byte command, int length)
    {
        _processing = true;
        _processingChannel = channel;
        _cancelled = false;
        _resynchronised = false;
        _lastKeepAliveTime = _clock.ElapsedMilliseconds;
        int responseLength = 0;
        try
        {
            ReadOnlySpan<byte> request = _request.AsSpan(0, length);
            responseLength = command == CtapHidCommand.Cbor
                ? _application.ProcessCbor(request, _response, _context)
                : _application.ProcessApdu(request, _response, _context);
            _processing = false;
            _counters.CountRequestProcessed();
            if (_resynchronised)
            {
                // The host re-initialised the channel and already has its INIT reply; the old answer is dropped.
                _application.ChannelReset(channel);
            }
            else if (responseLength < 1 || responseLength > _response.Length)
            {
                SendError(channel, CtapHidError.Other);
            }
            else
            {
                SendMessage(channel, command, _response.AsSpan(0, responseLength));
            }
        }
        finally
        {
            _processing = false;
            _response.AsSpan(0, responseLength > 0 && responseLength <= _response.Length ? responseLength : _response.Length).Clear();
        }
    }

    private void AbortReceive()
    {
        _receiving = false;
        _request.AsSpan(0, _receivedBytes).Clear();
        _receivedBytes = 0;
    }

    private bool IsLocked(long now)
    {
        if (_lockChannel != 0 && now >= _lockUntil)
        {
            _lockChannel = 0;
        }
        return _lockChannel != 0;
    }

    private bool IsLockedAgainst(uint channel, long now) => IsLocked(now) && _lockChannel != channel;

    private static bool IsRequestCommand(byte command) =>
        command == CtapHidCommand.Ping || command == CtapHidCommand.Message || command == CtapHidCommand.Lock
        || command == CtapHidCommand.Wink || command == CtapHidCommand.Cbor;

    private void SendMessage(uint channel, byte command, ReadOnlySpan<byte> payload)
    {
        Span<byte> packet = _outReport;
        packet.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(packet, channel);
        packet[4] = command;
        BinaryPrimitives.WriteUInt16BigEndian(packet.Slice(5, 2), (ushort)payload.Length);
        int first = payload.Length < CtapHidProtocol.InitPayloadSize ? payload.Length : CtapHidProtocol.InitPayloadSize;
        payload.Slice(0, first).CopyTo(packet.Slice(7));
        Send(packet);

        int offset = first;
        byte sequence = 0;
        while (offset < payload.Length)
        {
            int count = payload.Length - offset;
            if (count > CtapHidProtocol.ContinuationPayloadSize)
            {
                count = CtapHidProtocol.ContinuationPayloadSize;
            }
            packet.Clear();
            BinaryPrimitives.WriteUInt32BigEndian(packet, channel);
            packet[4] = sequence;
            payload.Slice(offset, count).CopyTo(packet.Slice(5));
            Send(packet);
            offset += count;
            sequence++;
        }
        packet.Clear();
    }

    private void SendError(uint channel, byte errorCode)
    {
        _counters.CountError(errorCode);
        Span<byte> payload = stackalloc byte[1];
        payload[0] = errorCode;
        SendMessage(channel, CtapHidCommand.Error, payload);
    }

    private void SendKeepAlive(uint channel, byte status)
    {
        _counters.CountKeepAlive();
        Span<byte> payload = stackalloc byte[1];
        payload[0] = status;
        SendMessage(channel, CtapHidCommand.KeepAlive, payload);
    }

    private void Send(ReadOnlySpan<byte> packet)
    {
        _counters.CountReportSent();
        _port.Send(packet);
    }
}

using System;
using System.Buffers.Binary;
using Xous.Vault.Environment;

namespace Xous.Vault.Hid;

public sealed partial class CtapHidServer
{
    /// <summary>
    /// Handles a report that arrives while the application processes a request: INIT is honoured (allocation on
    /// broadcast; resync of the processing channel cancels the request), CANCEL on the processing channel cancels,
    /// every other init packet gets CHANNEL_BUSY (or INVALID_CHANNEL for CID 0, broadcast and unknown CIDs), and
    /// continuation packets are ignored (no transaction can be in reception while one is processed).
    /// </summary>
    private void HandleReportWhileProcessing(ReadOnlySpan<byte> report)
    {
        _counters.CountReportReceived();
        long now = _clock.ElapsedMilliseconds;
        uint channel = BinaryPrimitives.ReadUInt32BigEndian(report);
        byte command = report[4];
        if ((command & 0x80) == 0)
        {
            _counters.CountStrayContinuation();
            return;
        }

        _counters.CountCommand(command);
        if (channel == 0)
        {
            SendError(0, CtapHidError.InvalidChannel);
            return;
        }
        if (command == CtapHidCommand.Init)
        {
            HandleInit(channel, BinaryPrimitives.ReadUInt16BigEndian(report.Slice(5, 2)), report, now);
            return;
        }
        if (command == CtapHidCommand.Cancel)
        {
            if (channel == _processingChannel && !_cancelled)
            {
                _cancelled = true;
                _counters.CountCancel();
            }
            else
            {
                _counters.CountCancelIgnored();
            }
            return;
        }
        if (channel == CtapHidProtocol.BroadcastChannel || !_channels.Contains(channel))
        {
            SendError(channel, CtapHidError.InvalidChannel);
            return;
        }
        SendError(channel, CtapHidError.ChannelBusy);
    }

    private UserPresenceResult WaitForUserPresence(in UserPresenceRequest request, int timeoutMilliseconds)
    {
        if (!_processing)
        {
            throw new InvalidOperationException("WaitForUserPresence is only valid while a CTAPHID request is processed.");
        }
        if (_cancelled)
        {
            return UserPresenceResult.Cancelled;
        }

        _userPresence.Begin(request);
        try
        {
            long start = _clock.ElapsedMilliseconds;
            bool keepAliveSent = false;
            while (true)
            {
                UserPresenceState state = _userPresence.Poll();
                if (state == UserPresenceState.Approved)
                {
                    return UserPresenceResult.Approved;
                }
                if (state == UserPresenceState.Denied)
                {
                    return UserPresenceResult.Denied;
                }
                if (_cancelled)
                {
                    return UserPresenceResult.Cancelled;
                }

                long now = _clock.ElapsedMilliseconds;
                long left = start + timeoutMilliseconds - now;
                if (left <= 0)
                {
                    return UserPresenceResult.TimedOut;
                }
                if (!keepAliveSent || now - _lastKeepAliveTime >= AuthenticatorLimits.KeepaliveIntervalMilliseconds)
                {
                    SendKeepAlive(_processingChannel, CtapHidKeepAliveStatus.UserPresenceNeeded);
                    _lastKeepAliveTime = now;
                    keepAliveSent = true;
                }

                long wait = CtapHidProtocol.UserPresencePollMilliseconds;
                long untilKeepAlive = _lastKeepAliveTime + AuthenticatorLimits.KeepaliveIntervalMilliseconds - now;
                if (untilKeepAlive < wait)
                {
                    wait = untilKeepAlive;
                }
                if (left < wait)
                {
                    wait = left;
                }
                if (wait < 0)
                {
                    wait = 0;
                }
                if (_port.TryReceive(_inReport, (int)wait))
                {
                    HandleReportWhileProcessing(_inReport);
                }
            }
        }
        finally
        {
            _userPresence.End();
        }
    }

    private bool KeepAliveAndCheckCancel()
    {
        if (!_processing)
        {
            throw new InvalidOperationException("KeepAliveAndCheckCancel is only valid while a CTAPHID request is processed.");
        }
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastKeepAliveTime >= AuthenticatorLimits.KeepaliveIntervalMilliseconds)
        {
            SendKeepAlive(_processingChannel, CtapHidKeepAliveStatus.Processing);
            _lastKeepAliveTime = now;
        }
        for (int i = 0; i < CtapHidProtocol.MaxReportsDrainedPerCheck && !_cancelled; i++)
        {
            if (!_port.TryReceive(_inReport, 0))
            {
                break;
            }
            HandleReportWhileProcessing(_inReport);
        }
        return _cancelled;
    }

    /// <summary>The <see cref="ICtapRequestContext"/> handed to the application: a view of the server's processing state.</summary>
    private sealed class RequestContext : ICtapRequestContext
    {
        private readonly CtapHidServer _server;

        public RequestContext(CtapHidServer server) => _server = server;

        public uint Channel => _server._processing ? _server._processingChannel : 0;

        public UserPresenceResult WaitForUserPresence(in UserPresenceRequest request, int timeoutMilliseconds) =>
            _server.WaitForUserPresence(request, timeoutMilliseconds);

        public bool KeepAliveAndCheckCancel() => _server.KeepAliveAndCheckCancel();
    }
}

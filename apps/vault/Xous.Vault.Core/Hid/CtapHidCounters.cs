using System;

namespace Xous.Vault.Hid;

/// <summary>
/// What the CTAPHID layer has seen and sent (house rule 10). The server updates its own instance; callers get a
/// copy from <see cref="CtapHidServer.Counters"/> that does not change under them.
/// </summary>
public sealed class CtapHidCounters
{
    private readonly long[] _commandsReceived = new long[128];
    private readonly long[] _errorsSent = new long[128];

    internal CtapHidCounters()
    {
    }

    /// <summary>Init packets received with <paramref name="command"/> (bit 7 set or not), valid or not.</summary>
    public long CommandsReceived(byte command) => _commandsReceived[command & 0x7F];

    /// <summary>CTAPHID_ERROR replies sent with <paramref name="errorCode"/>.</summary>
    public long ErrorsSent(byte errorCode) => _errorsSent[errorCode & 0x7F];

    /// <summary>All CTAPHID_ERROR replies sent.</summary>
    public long TotalErrorsSent
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _errorsSent.Length; i++)
            {
                total += _errorsSent[i];
            }
            return total;
        }
    }

    /// <summary>Channels allocated by INIT on the broadcast CID.</summary>
    public long ChannelsAllocated { get; private set; }

    /// <summary>Idle channels evicted from the full table to make room for a new one.</summary>
    public long ChannelsEvicted { get; private set; }

    /// <summary>Channels resynchronised by INIT on their own CID.</summary>
    public long ChannelResyncs { get; private set; }

    /// <summary>Multi-packet requests that stalled into MSG_TIMEOUT.</summary>
    public long Timeouts { get; private set; }

    /// <summary>Requests cancelled by CTAPHID_CANCEL (or resync) while they were being processed.</summary>
    public long Cancels { get; private set; }

    /// <summary>CTAPHID_CANCEL packets that had nothing to cancel (ignored).</summary>
    public long CancelsIgnored { get; private set; }

    /// <summary>Continuation packets with no transaction of theirs in progress (ignored).</summary>
    public long StrayContinuations { get; private set; }

    /// <summary>Complete requests handed to the application (CBOR and MSG).</summary>
    public long RequestsProcessed { get; private set; }

    /// <summary>Reports sent (replies, keep-alives and errors).</summary>
    public long ReportsSent { get; private set; }

    /// <summary>Reports received.</summary>
    public long ReportsReceived { get; private set; }

    /// <summary>KEEPALIVE packets sent.</summary>
    public long KeepAlivesSent { get; private set; }

    internal void CountCommand(byte command) => _commandsReceived[command & 0x7F]++;

    internal void CountError(byte errorCode) => _errorsSent[errorCode & 0x7F]++;

    internal void CountChannelAllocated() => ChannelsAllocated++;

    internal void CountChannelEvicted() => ChannelsEvicted++;

    internal void CountResync() => ChannelResyncs++;

    internal void CountTimeout() => Timeouts++;

    internal void CountCancel() => Cancels++;

    internal void CountCancelIgnored() => CancelsIgnored++;

    internal void CountStrayContinuation() => StrayContinuations++;

    internal void CountRequestProcessed() => RequestsProcessed++;

    internal void CountReportSent() => ReportsSent++;

    internal void CountReportReceived() => ReportsReceived++;

    internal void CountKeepAlive() => KeepAlivesSent++;

    /// <summary>A copy that later traffic does not change.</summary>
    public CtapHidCounters Snapshot()
    {
        var copy = new CtapHidCounters
        {
            ChannelsAllocated = ChannelsAllocated,
            ChannelsEvicted = ChannelsEvicted,
            ChannelResyncs = ChannelResyncs,
            Timeouts = Timeouts,
            Cancels = Cancels,
            CancelsIgnored = CancelsIgnored,
            StrayContinuations = StrayContinuations,
            RequestsProcessed = RequestsProcessed,
            ReportsSent = ReportsSent,
            ReportsReceived = ReportsReceived,
            KeepAlivesSent = KeepAlivesSent,
        };
        _commandsReceived.AsSpan().CopyTo(copy._commandsReceived);
        _errorsSent.AsSpan().CopyTo(copy._errorsSent);
        return copy;
    }
}

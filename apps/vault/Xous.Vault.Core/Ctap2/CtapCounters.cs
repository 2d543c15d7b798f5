namespace Xous.Vault.Ctap2;

/// <summary>Per-command request counts and per-status error counts of the authenticator (house rule 10).</summary>
public sealed class CtapCounters
{
    private readonly long[] _requests = new long[256];
    private readonly long[] _errors = new long[256];
    private readonly long[] _apduRequests = new long[256];
    private long _apduErrors;

    /// <summary>CTAP2 requests seen with this command byte.</summary>
    public long Requests(byte command) => _requests[command];

    /// <summary>CTAP2 responses with this (non-OK) status.</summary>
    public long Errors(CtapStatus status) => _errors[(byte)status];

    /// <summary>U2F APDUs seen with this instruction byte.</summary>
    public long ApduRequests(byte instruction) => _apduRequests[instruction];

    /// <summary>U2F APDUs answered with a status word other than 9000.</summary>
    public long ApduErrors => _apduErrors;

    /// <summary>Winks requested.</summary>
    public long Winks { get; private set; }

    internal void CountRequest(byte command) => _requests[command]++;

    internal void CountError(CtapStatus status) => _errors[(byte)status]++;

    internal void CountApdu(byte instruction, bool failed)
    {
        _apduRequests[instruction]++;
        if (failed)
        {
            _apduErrors++;
        }
    }

    internal void CountWink() => Winks++;
}

using Xous.Vault.Ctap2;
using Xous.Vault.Environment;
using Xous.Vault.Hid;

namespace Xous.Vault.Fuzz;

/// <summary>
/// A freshly powered-up authenticator for one input: the same stored state every time (a RAM store copied from a
/// template made once per process), fixed-seed entropy, a stepping clock and auto-approved user presence, so that an
/// input replays exactly.
/// </summary>
internal sealed class FuzzSession
{
    private static RamVaultStore? s_template;

    private FuzzSession(RamVaultStore store)
    {
        Store = store;
        Clock = new SteppingClock();
        UserPresence = new AutoApprovingTestUserPresence();
        Entropy = new FixedSeedTestEntropy(0x5A);
        Environment = new VaultEnvironment(Store, Entropy, Clock, UserPresence, TestAttestation.Create());
        Authenticator = new CtapAuthenticator(Environment);
    }

    /// <summary>The store of this session (a copy of the template).</summary>
    public RamVaultStore Store { get; }

    /// <summary>The clock.</summary>
    public SteppingClock Clock { get; }

    /// <summary>The user presence (approves everything).</summary>
    public AutoApprovingTestUserPresence UserPresence { get; }

    /// <summary>The entropy.</summary>
    public FixedSeedTestEntropy Entropy { get; }

    /// <summary>The environment the authenticator sees.</summary>
    public VaultEnvironment Environment { get; }

    /// <summary>The authenticator, just powered up.</summary>
    public CtapAuthenticator Authenticator { get; }

    /// <summary>A new session whose store is a copy of the template (made on first use by a first power-up).</summary>
    public static FuzzSession Create()
    {
        if (s_template is null)
        {
            var first = new FuzzSession(new RamVaultStore());
            s_template = first.Store.Clone();
        }

        return new FuzzSession(s_template.Clone());
    }

    /// <summary>A CTAPHID layer over <paramref name="port"/> in front of this session's authenticator.</summary>
    public CtapHidServer CreateHidServer(IHidReportPort port) => new(port, Clock, UserPresence, Authenticator);
}

/// <summary>
/// The request context of a direct call (no CTAPHID): user presence is asked through the environment and approved at
/// once; nothing is ever cancelled.
/// </summary>
internal sealed class DirectRequestContext : ICtapRequestContext
{
    private readonly IUserPresence _userPresence;

    public DirectRequestContext(IUserPresence userPresence) => _userPresence = userPresence;

    /// <inheritdoc/>
    public uint Channel => 0;

    /// <inheritdoc/>
    public UserPresenceResult WaitForUserPresence(in UserPresenceRequest request, int timeoutMilliseconds)
    {
        _userPresence.Begin(request);
        UserPresenceState state = _userPresence.Poll();
        _userPresence.End();
        return state switch
        {
            UserPresenceState.Approved => UserPresenceResult.Approved,
            UserPresenceState.Denied => UserPresenceResult.Denied,
            _ => UserPresenceResult.TimedOut,
        };
    }

    /// <inheritdoc/>
    public bool KeepAliveAndCheckCancel() => false;
}

/// <summary>
/// CTAPHID reports in memory: the reports of one input queued for <see cref="TryReceive"/>; replies counted, checked
/// for size and otherwise dropped (or kept, for the seed generator). Waiting for a report that is not there moves the
/// clock instead of sleeping.
/// </summary>
internal sealed class MemoryHidPort : IHidReportPort
{
    private readonly Queue<byte[]> _incoming = new();
    private readonly SteppingClock _clock;
    private readonly List<byte[]>? _kept;

    public MemoryHidPort(SteppingClock clock, List<byte[]>? keepReplies = null)
    {
        _clock = clock;
        _kept = keepReplies;
    }

    /// <summary>Reports waiting to be received.</summary>
    public int Pending => _incoming.Count;

    /// <summary>Replies sent so far.</summary>
    public int Sent { get; private set; }

    /// <summary>Queues one report (zero-padded to 64 bytes).</summary>
    public void Enqueue(ReadOnlySpan<byte> report)
    {
        byte[] copy = new byte[IHidReportPort.ReportSize];
        report[..Math.Min(report.Length, copy.Length)].CopyTo(copy);
        _incoming.Enqueue(copy);
    }

    /// <inheritdoc/>
    public bool TryReceive(Span<byte> report, int timeoutMilliseconds)
    {
        if (report.Length < IHidReportPort.ReportSize)
        {
            throw new FuzzOracleException($"TryReceive was given a {report.Length}-byte buffer.");
        }

        if (_incoming.TryDequeue(out byte[]? next))
        {
            next.CopyTo(report);
            return true;
        }

        _clock.Advance(Math.Max(timeoutMilliseconds, 0));
        return false;
    }

    /// <inheritdoc/>
    public void Send(ReadOnlySpan<byte> report)
    {
        if (report.Length != IHidReportPort.ReportSize)
        {
            throw new FuzzOracleException($"A {report.Length}-byte report was sent; reports are 64 bytes.");
        }

        Sent++;
        if (Sent > 100_000)
        {
            throw new FuzzOracleException("More than 100,000 replies to one input.");
        }

        _kept?.Add(report.ToArray());
    }
}

/// <summary>The harness's own finding: the authenticator broke a rule that is not an exception of its own.</summary>
internal sealed class FuzzOracleException : Exception
{
    public FuzzOracleException(string message)
        : base(message)
    {
    }
}

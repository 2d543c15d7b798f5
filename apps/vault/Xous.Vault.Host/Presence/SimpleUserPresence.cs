using Xous.Vault.Environment;

namespace Xous.Vault.Host.Presence;

/// <summary>
/// INSECURE, for tests and unattended demos only: approves every request at once, without a touch. Anything that can
/// reach the authenticator's transport can then register and sign. The serve command prints a loud warning when it is
/// chosen (<c>--user-presence auto</c>).
/// </summary>
public sealed class AutoApproveUserPresenceInsecure : IUserPresence
{
    private bool _open;

    /// <inheritdoc/>
    public void Begin(in UserPresenceRequest request) => _open = true;

    /// <inheritdoc/>
    public UserPresenceState Poll() => _open ? UserPresenceState.Approved : UserPresenceState.Pending;

    /// <inheritdoc/>
    public void End() => _open = false;
}

/// <summary>Declines every request at once (<c>--user-presence deny</c>): CTAP2 answers OPERATION_DENIED, U2F 0x6985.</summary>
public sealed class DenyUserPresence : IUserPresence
{
    private bool _open;

    /// <inheritdoc/>
    public void Begin(in UserPresenceRequest request) => _open = true;

    /// <inheritdoc/>
    public UserPresenceState Poll() => _open ? UserPresenceState.Denied : UserPresenceState.Pending;

    /// <inheritdoc/>
    public void End() => _open = false;
}

/// <summary>
/// Never answers (<c>--user-presence timeout</c>): every prompt stays pending until the CTAPHID layer's time-out
/// (USER_ACTION_TIMEOUT) or a CANCEL.
/// </summary>
public sealed class NeverAnsweringUserPresence : IUserPresence
{
    /// <inheritdoc/>
    public void Begin(in UserPresenceRequest request)
    {
    }

    /// <inheritdoc/>
    public UserPresenceState Poll() => UserPresenceState.Pending;

    /// <inheritdoc/>
    public void End()
    {
    }
}

/// <summary>
/// Approves each request <see cref="DelayMilliseconds"/> after it began (<c>--user-presence delay=MS</c>), so that
/// tests see KEEPALIVE UPNEEDED frames and can send CANCEL while the prompt is open. Not a security control: it
/// approves everything, only later — treat it as insecure as auto-approve.
/// </summary>
public sealed class DelayedUserPresence : IUserPresence
{
    private readonly IMonotonicClock _clock;
    private long _approveAt = -1;

    /// <summary>Approves <paramref name="delayMilliseconds"/> (0 to 600,000) after each <see cref="Begin"/>.</summary>
    public DelayedUserPresence(int delayMilliseconds, IMonotonicClock clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delayMilliseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delayMilliseconds, MaxDelayMilliseconds);
        DelayMilliseconds = delayMilliseconds;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The longest delay accepted (10 minutes).</summary>
    public const int MaxDelayMilliseconds = 600_000;

    /// <summary>How long each prompt stays pending.</summary>
    public int DelayMilliseconds { get; }

    /// <inheritdoc/>
    public void Begin(in UserPresenceRequest request) => _approveAt = _clock.ElapsedMilliseconds + DelayMilliseconds;

    /// <inheritdoc/>
    public UserPresenceState Poll() =>
        _approveAt >= 0 && _clock.ElapsedMilliseconds >= _approveAt ? UserPresenceState.Approved : UserPresenceState.Pending;

    /// <inheritdoc/>
    public void End() => _approveAt = -1;
}

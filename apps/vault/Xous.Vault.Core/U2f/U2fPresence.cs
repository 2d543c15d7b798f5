using Xous.Vault.Environment;

namespace Xous.Vault.U2f;

/// <summary>
/// U2F user presence without blocking: the first request opens a prompt (Begin) and is answered 0x6985; later
/// requests (the host polls) Poll it; the approval is consumed by the one register/authenticate that sees it. A prompt
/// stays open for <see cref="AuthenticatorLimits.U2fPresenceWindowMilliseconds"/>, after which the next request
/// starts a new one; a request for another purpose or application also starts a new one.
/// </summary>
internal sealed class U2fPresence
{
    private readonly IUserPresence _userPresence;
    private readonly IMonotonicClock _clock;
    private bool _promptOpen;
    private long _promptOpenedAt;
    private UserPresencePurpose _promptPurpose;
    private string _promptRelyingParty = string.Empty;

    public U2fPresence(IUserPresence userPresence, IMonotonicClock clock)
    {
        _userPresence = userPresence;
        _clock = clock;
    }

    /// <summary>Whether a prompt is open (a CTAP2 command closes it first).</summary>
    public bool PromptOpen => _promptOpen;

    /// <summary>Takes an approval for this request if there is one, starting or polling the prompt otherwise.</summary>
    public bool TryConsume(UserPresencePurpose purpose, string relyingParty)
    {
        long now = _clock.ElapsedMilliseconds;
        if (_promptOpen && (_promptPurpose != purpose || _promptRelyingParty != relyingParty
            || now - _promptOpenedAt > AuthenticatorLimits.U2fPresenceWindowMilliseconds))
        {
            Close();
        }

        if (!_promptOpen)
        {
            _userPresence.Begin(new UserPresenceRequest(purpose, relyingParty));
            _promptOpen = true;
            _promptOpenedAt = now;
            _promptPurpose = purpose;
            _promptRelyingParty = relyingParty;
        }

        switch (_userPresence.Poll())
        {
            case UserPresenceState.Approved:
                Close();
                return true;
            case UserPresenceState.Denied:
                Close();
                return false;
            default:
                return false;
        }
    }

    /// <summary>Closes an open prompt.</summary>
    public void Close()
    {
        if (_promptOpen)
        {
            _userPresence.End();
            _promptOpen = false;
        }
    }

}

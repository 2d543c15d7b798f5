namespace Xous.Vault.Environment;

/// <summary>What the user is asked to approve.</summary>
public enum UserPresencePurpose
{
    /// <summary>CTAP2 makeCredential (or an excluded credential being revealed).</summary>
    Register = 1,

    /// <summary>CTAP2 getAssertion.</summary>
    Authenticate = 2,

    /// <summary>authenticatorReset: wipes every credential.</summary>
    Reset = 3,

    /// <summary>authenticatorSelection, or the zero-length pinUvAuthParam probe.</summary>
    Selection = 4,

    /// <summary>U2F REGISTER.</summary>
    U2fRegister = 5,

    /// <summary>U2F AUTHENTICATE.</summary>
    U2fAuthenticate = 6,
}

/// <summary>A request for user presence: why, and for which relying party (empty when there is none).</summary>
public readonly struct UserPresenceRequest
{
    /// <summary>Creates a request.</summary>
    public UserPresenceRequest(UserPresencePurpose purpose, string relyingParty)
    {
        Purpose = purpose;
        RelyingParty = relyingParty;
    }

    /// <summary>Why the user is asked.</summary>
    public UserPresencePurpose Purpose { get; }

    /// <summary>The RP ID, the U2F application's name or hex id, or empty.</summary>
    public string RelyingParty { get; }
}

/// <summary>Where a user-presence prompt stands.</summary>
public enum UserPresenceState
{
    /// <summary>Still asking.</summary>
    Pending = 0,

    /// <summary>The user approved.</summary>
    Approved = 1,

    /// <summary>The user declined.</summary>
    Denied = 2,
}

/// <summary>
/// The user-presence seam: on the device Vault's "FIDO Request" modal (F1 denies, any other key approves); on a PC a
/// terminal prompt, or a policy for tests. Non-blocking: the CTAPHID layer polls it while it sends KEEPALIVE and
/// watches for CANCEL, and enforces the time-out itself.
/// </summary>
public interface IUserPresence
{
    /// <summary>Starts asking (shows the prompt). At most one prompt is open at a time.</summary>
    void Begin(in UserPresenceRequest request);

    /// <summary>Where the open prompt stands. Cheap; called about every 10 ms.</summary>
    UserPresenceState Poll();

    /// <summary>Closes the open prompt (after an answer, a time-out or a cancel). Harmless when none is open.</summary>
    void End();
}

using System;
using Xous.Vault.Credentials;
using Xous.Vault.Environment;
using Xous.Vault.Pin;

namespace Xous.Vault.Ctap2;

/// <summary>What the credential commands share: the environment, the persistent state, the resident store and PIN/UV.</summary>
internal sealed class AuthenticatorContext
{
    /// <summary>Creates the context (power-up: loads the state).</summary>
    public AuthenticatorContext(VaultEnvironment environment, IPinUvAuth pinUvAuth)
    {
        Environment = environment;
        PinUvAuth = pinUvAuth;
        State = new PersistentState(environment);
        Residents = new ResidentCredentialStore(environment.Store);
    }

    /// <summary>The platform.</summary>
    public VaultEnvironment Environment { get; }

    /// <summary>PIN/UV state and tokens.</summary>
    public IPinUvAuth PinUvAuth { get; }

    /// <summary>Master key and counter.</summary>
    public PersistentState State { get; }

    /// <summary>Resident credentials.</summary>
    public ResidentCredentialStore Residents { get; }

    /// <summary>Maps a user-presence result to a CTAP status (Ok when approved).</summary>
    public static CtapStatus StatusOf(UserPresenceResult result) => result switch
    {
        UserPresenceResult.Approved => CtapStatus.Ok,
        UserPresenceResult.Denied => CtapStatus.OperationDenied,
        UserPresenceResult.TimedOut => CtapStatus.UserActionTimeout,
        UserPresenceResult.Cancelled => CtapStatus.KeepaliveCancel,
        _ => CtapStatus.Other,
    };

    /// <summary>Waits for user presence through the transport.</summary>
    public static CtapStatus WaitForPresence(ICtapRequestContext context, UserPresencePurpose purpose, string relyingParty) =>
        StatusOf(context.WaitForUserPresence(new UserPresenceRequest(purpose, relyingParty), AuthenticatorLimits.UserPresenceTimeoutMilliseconds));

    /// <summary>
    /// Opens a credential ID for an RP: null when it is not authentic for that RP, or when it names a resident
    /// credential whose record is gone (deleted, overwritten or reset).
    /// </summary>
    public CredentialSecrets? Open(ReadOnlySpan<byte> rpIdHash, ReadOnlySpan<byte> credentialId, out ResidentCredential? record)
    {
        record = null;
        CredentialSecrets? secrets = CredentialId.Open(State.WrappingKey, rpIdHash, credentialId);
        if (secrets is not null && secrets.Resident)
        {
            record = Residents.FindByCredentialId(credentialId);
            if (record is null)
            {
                secrets.Dispose();
                return null;
            }
        }

        return secrets;
    }

    /// <summary>The zero-length pinUvAuthParam probe: user presence, then PIN_NOT_SET or PIN_INVALID.</summary>
    public CtapStatus SelectionProbe(ICtapRequestContext context)
    {
        CtapStatus presence = WaitForPresence(context, UserPresencePurpose.Selection, string.Empty);
        if (presence != CtapStatus.Ok)
        {
            return presence;
        }

        return PinUvAuth.IsPinSet ? CtapStatus.PinInvalid : CtapStatus.PinNotSet;
    }

    /// <summary>
    /// The PIN/UV rules shared by makeCredential and getAssertion when pinUvAuthParam is absent: alwaysUv demands it
    /// (PUAT_REQUIRED with a PIN, PIN_NOT_SET without).
    /// </summary>
    public CtapStatus RequireTokenForAlwaysUv() => PinUvAuth.IsPinSet ? CtapStatus.PinUvAuthTokenRequired : CtapStatus.PinNotSet;
}

using System;
using Xous.Vault.Environment;

namespace Xous.Vault;

/// <summary>How a user-presence wait ended.</summary>
public enum UserPresenceResult
{
    /// <summary>The user approved.</summary>
    Approved = 1,
    /// <summary>The user declined (CTAP2_ERR_OPERATION_DENIED).</summary>
    Denied = 2,
    /// <summary>Nobody answered in time (CTAP2_ERR_USER_ACTION_TIMEOUT).</summary>
    TimedOut = 3,
    /// <summary>The host sent CTAPHID_CANCEL on this channel, or re-initialised it (CTAP2_ERR_KEEPALIVE_CANCEL).</summary>
    Cancelled = 4,
}

/// <summary>
/// What the transport layer (CTAPHID) offers the application while one request is being processed: a blocking
/// user-presence wait that keeps the channel alive (KEEPALIVE UPNEEDED every 100 ms), answers other channels with
/// CHANNEL_BUSY, and returns early on CANCEL.
/// </summary>
public interface ICtapRequestContext
{
    /// <summary>The CTAPHID channel of the request (0 when the request did not come over CTAPHID).</summary>
    uint Channel { get; }

    /// <summary>
    /// Asks the user through <see cref="VaultEnvironment.UserPresence"/> and waits up to <paramref name="timeoutMilliseconds"/>
    /// for an answer, keeping the channel alive; closes the prompt before returning.
    /// </summary>
    UserPresenceResult WaitForUserPresence(in UserPresenceRequest request, int timeoutMilliseconds);

    /// <summary>
    /// Sends one KEEPALIVE PROCESSING and reports whether the host cancelled meanwhile (for long operations such as a
    /// full flash sync). Cheap; call it between steps.
    /// </summary>
    bool KeepAliveAndCheckCancel();
}

/// <summary>
/// The application behind CTAPHID: the CTAP2 authenticator (CBOR) and the U2F applet (MSG). One request at a time.
/// </summary>
public interface ICtapApplication
{
    /// <summary>
    /// CTAPHID_CBOR: <paramref name="request"/> is the CTAP2 command byte and its CBOR parameters (at least one
    /// byte; the transport answers an empty payload with INVALID_LEN itself). Writes the status byte and the CBOR
    /// response into <paramref name="response"/> (<see cref="AuthenticatorLimits.MaxMessageSize"/> bytes).
    /// </summary>
    /// <returns>The response length (at least 1).</returns>
    int ProcessCbor(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context);

    /// <summary>
    /// CTAPHID_MSG: one ISO 7816-4 APDU (short or extended encoding); writes the response data and the two status
    /// word bytes into <paramref name="response"/>.
    /// </summary>
    /// <returns>The response length (at least 2).</returns>
    int ProcessApdu(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context);

    /// <summary>CTAPHID_WINK: show that this is the authenticator being talked to.</summary>
    void Wink();

    /// <summary>
    /// A transaction on <paramref name="channel"/> was aborted by INIT (resync) or by a new transaction on another
    /// channel: forget stateful-command state tied to it (getNextAssertion, credential enumeration).
    /// </summary>
    void ChannelReset(uint channel);
}

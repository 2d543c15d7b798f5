namespace Xous.Vault;

/// <summary>The authenticator's limits, advertised in getInfo and enforced everywhere (house rule 9).</summary>
public static class AuthenticatorLimits
{
    /// <summary>CTAPHID payload maximum: 57 + 128 × 59 bytes; also getInfo maxMsgSize.</summary>
    public const int MaxMessageSize = 7609;

    /// <summary>Resident (discoverable) credentials the store holds.</summary>
    public const int MaxResidentCredentials = 150;

    /// <summary>maxCredentialCountInList.</summary>
    public const int MaxCredentialCountInList = 16;

    /// <summary>maxCredentialIdLength (≤ 255 so that every credential ID is also a U2F key handle).</summary>
    public const int MaxCredentialIdLength = 255;

    /// <summary>maxCredBlobLength.</summary>
    public const int MaxCredBlobLength = 32;

    /// <summary>maxSerializedLargeBlobArray.</summary>
    public const int MaxLargeBlobArray = 2048;

    /// <summary>maxRPIDsForSetMinPINLength.</summary>
    public const int MaxRpIdsForSetMinPinLength = 8;

    /// <summary>PIN retries after a reset or a correct PIN.</summary>
    public const int MaxPinRetries = 8;

    /// <summary>Consecutive wrong PINs after which a power cycle is needed (PIN_AUTH_BLOCKED).</summary>
    public const int ConsecutivePinFailuresBeforeAuthBlock = 3;

    /// <summary>minPINLength after a reset (code points).</summary>
    public const int DefaultMinPinLength = 4;

    /// <summary>User name, display name and RP name stored with a resident credential, in bytes (longer is truncated at a UTF-8 boundary).</summary>
    public const int MaxStoredNameLength = 64;

    /// <summary>user.id maximum (bytes).</summary>
    public const int MaxUserIdLength = 64;

    /// <summary>How long a user-presence prompt waits (ms).</summary>
    public const int UserPresenceTimeoutMilliseconds = 30_000;

    /// <summary>authenticatorReset is allowed only this long after power-up (ms).</summary>
    public const int ResetWindowMilliseconds = 10_000;

    /// <summary>getNextAssertion / enumerate*GetNext are allowed this long after their begin command (ms).</summary>
    public const int StatefulCommandTimeoutMilliseconds = 30_000;

    /// <summary>A U2F user-presence approval stays usable this long (ms).</summary>
    public const int U2fPresenceWindowMilliseconds = 10_000;

    /// <summary>KEEPALIVE interval while a request is pending (ms).</summary>
    public const int KeepaliveIntervalMilliseconds = 100;

    /// <summary>A multi-packet CTAPHID request that stalls this long gets MSG_TIMEOUT (ms).</summary>
    public const int TransactionTimeoutMilliseconds = 500;
}

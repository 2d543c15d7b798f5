using System;

namespace Xous.Vault.Pin;

/// <summary>
/// What the credential commands (makeCredential, getAssertion, credentialManagement, the hmac-secret extension,
/// getInfo, reset) need from the PIN/UV subsystem (clientPIN, tokens, authenticatorConfig state). Implemented by
/// <c>PinSubsystem</c>; the contract between Ctap2/ and Pin/.
/// </summary>
public interface IPinUvAuth
{
    /// <summary>Whether a PIN is set (getInfo option clientPin).</summary>
    bool IsPinSet { get; }

    /// <summary>authenticatorConfig toggleAlwaysUv state (getInfo option alwaysUv).</summary>
    bool AlwaysUv { get; }

    /// <summary>forcePINChange (getInfo 0x0C).</summary>
    bool ForcePinChange { get; }

    /// <summary>The current minimum PIN length in code points (getInfo 0x0D).</summary>
    int MinPinLength { get; }

    /// <summary>Whether enterprise attestation was enabled by authenticatorConfig (getInfo option ep; false until then).</summary>
    bool EnterpriseAttestationEnabled { get; }

    /// <summary>Whether <paramref name="protocol"/> (1 or 2) is supported.</summary>
    bool IsProtocolSupported(ulong protocol);

    /// <summary>
    /// Verifies pinUvAuthParam = authenticate(pinUvAuthToken, <paramref name="message"/>) for the current token,
    /// that the token is in use (not expired), carries <paramref name="permission"/>, and — when
    /// <paramref name="rpId"/> is not null — is bound to that RP ID (binding it when it has none yet).
    /// </summary>
    /// <returns>Ok, PinAuthInvalid (no token, wrong MAC, wrong length for the protocol, wrong RP, missing permission),
    /// or InvalidParameter for an unsupported protocol.</returns>
    CtapStatus VerifyPinUvAuthParam(ulong protocol, ReadOnlySpan<byte> message, ReadOnlySpan<byte> pinUvAuthParam, PinUvAuthPermissions permission, string? rpId);

    /// <summary>The token's userPresent flag (set when the token was issued); reading clears it (CTAP 2.1 §6.5.2.1).</summary>
    bool TakeTokenUserPresence();

    /// <summary>
    /// CTAP 2.1 clearPinUvAuthTokenPermissionsExceptLbw(): after a makeCredential or getAssertion that a token
    /// authorised and that collected user presence, the token keeps only its largeBlobWrite permission, so one PIN
    /// entry authorises one operation.
    /// </summary>
    void ClearTokenPermissionsExceptLargeBlobWrite();

    /// <summary>
    /// Key agreement for the hmac-secret extension: ECDH between the authenticator's current key-agreement key and the
    /// platform's COSE key (the CBOR map bytes, kty 2 / crv 1 / alg -25 as getKeyAgreement gives), then the
    /// protocol's KDF. <paramref name="sharedSecret"/> must be 64 bytes; <paramref name="length"/> is 32 (v1) or 64 (v2).
    /// </summary>
    /// <returns>Ok, InvalidParameter (bad COSE key, point not on the curve, unsupported protocol) or MissingParameter.</returns>
    CtapStatus DeriveSharedSecret(ulong protocol, ReadOnlySpan<byte> platformCoseKey, Span<byte> sharedSecret, out int length);

    /// <summary>authenticate(sharedSecret, message) == param, in constant time, per the protocol (v1: 16-byte HMAC prefix; v2: 32 bytes).</summary>
    bool VerifyWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> message, ReadOnlySpan<byte> param);

    /// <summary>encrypt(sharedSecret, plaintext) per the protocol (v1: AES-256-CBC, zero IV; v2: random IV ‖ AES-256-CBC). Returns the bytes written.</summary>
    int EncryptWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> plaintext, Span<byte> output);

    /// <summary>decrypt(sharedSecret, ciphertext) per the protocol; false for a length that is not a whole number of blocks (plus IV for v2).</summary>
    bool DecryptWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> ciphertext, Span<byte> output, out int length);

    /// <summary>Whether the minPinLength extension may tell <paramref name="rpId"/> the minimum PIN length (setMinPINLength's RP list).</summary>
    bool IsMinPinLengthRpId(string rpId);

    /// <summary>
    /// authenticatorReset: forgets the PIN (retries back to 8), minPINLength, forcePINChange, alwaysUv, the
    /// minPinLength RP list, enterprise attestation and the large-blob array, and invalidates every token. Writes
    /// through the store; the caller commits.
    /// </summary>
    void Reset();
}

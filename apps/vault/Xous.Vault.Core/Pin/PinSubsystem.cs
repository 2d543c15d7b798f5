using System;
using Xous.Vault.Environment;

namespace Xous.Vault.Pin;

/// <summary>
/// The PIN/UV subsystem: authenticatorClientPIN (PIN protocols one and two, the retry and lockout state machine,
/// pinUvAuthTokens), authenticatorConfig, authenticatorLargeBlobs, and what the credential commands need from them
/// (<see cref="IPinUvAuth"/>). Persistent state lives in the PDDB dictionary <c>fido.cfg</c> (docs/vault-pin.md);
/// the key-agreement key, the token and the consecutive-failure count live in RAM, so constructing a new instance
/// over the same store is a power cycle.
/// </summary>
public sealed class PinSubsystem : IPinUvAuth
{
    private readonly VaultEnvironment _environment;
    private readonly PinStorage _storage;
    private readonly KeyAgreementKey _keyAgreement;
    private readonly PinUvAuthToken _token;
    private readonly ClientPinCommand _clientPin;
    private readonly ConfigCommand _config;
    private readonly LargeBlobsCommand _largeBlobs;

    /// <summary>Power-up: loads the persistent PIN state, makes a fresh key-agreement key and token.</summary>
    /// <exception cref="VaultStoreException">The store failed, or a record in <c>fido.cfg</c> is malformed.</exception>
    public PinSubsystem(VaultEnvironment environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _storage = new PinStorage(environment.Store, environment.Entropy);
        _keyAgreement = new KeyAgreementKey(environment.Entropy);
        _token = new PinUvAuthToken(environment.Entropy, environment.Clock);
        _clientPin = new ClientPinCommand(environment, _storage, _keyAgreement, _token);
        _config = new ConfigCommand(_storage, _token);
        _largeBlobs = new LargeBlobsCommand(environment.Store, _storage, _token);
    }

    /// <summary>authenticatorClientPIN (0x06).</summary>
    public ICtapCommand ClientPin => _clientPin;

    /// <summary>authenticatorConfig (0x0D).</summary>
    public ICtapCommand Config => _config;

    /// <summary>authenticatorLargeBlobs (0x0C).</summary>
    public ICtapCommand LargeBlobs => _largeBlobs;

    /// <inheritdoc/>
    public bool IsPinSet => _storage.IsPinSet;

    /// <inheritdoc/>
    public bool AlwaysUv => _storage.AlwaysUv;

    /// <inheritdoc/>
    public bool ForcePinChange => _storage.ForcePinChange;

    /// <inheritdoc/>
    public int MinPinLength => _storage.MinPinLength;

    /// <inheritdoc/>
    /// <remarks>Always false: this authenticator has no enterprise attestation (enableEnterpriseAttestation is refused).</remarks>
    public bool EnterpriseAttestationEnabled => false;

    /// <summary>The persistent PIN retry counter (getPINRetries).</summary>
    public int PinRetries => _storage.Retries;

    /// <summary>Whether three consecutive wrong PINs since power-up block PIN entry until the next power-up.</summary>
    public bool PowerCycleRequired => _clientPin.PowerCycleRequired;

    /// <inheritdoc/>
    public bool IsProtocolSupported(ulong protocol) => PinProtocol.IsSupported(protocol);

    /// <inheritdoc/>
    public CtapStatus VerifyPinUvAuthParam(ulong protocol, ReadOnlySpan<byte> message, ReadOnlySpan<byte> pinUvAuthParam, PinUvAuthPermissions permission, string? rpId) =>
        _token.Verify(protocol, message, pinUvAuthParam, permission, rpId);

    /// <inheritdoc/>
    public bool TakeTokenUserPresence() => _token.TakeUserPresence();

    /// <summary>
    /// After a makeCredential or getAssertion that used the token: clears its permissions except lbw and its
    /// userPresent flag (CTAP 2.1 clearPinUvAuthTokenPermissionsExceptLbw), so one token authorises one such operation.
    /// </summary>
    public void ClearTokenPermissionsExceptLargeBlobWrite() => _token.ClearPermissionsExceptLargeBlobWrite();

    /// <inheritdoc/>
    public CtapStatus DeriveSharedSecret(ulong protocol, ReadOnlySpan<byte> platformCoseKey, Span<byte> sharedSecret, out int length)
    {
        length = 0;
        if (!PinProtocol.IsSupported(protocol))
        {
            return CtapStatus.InvalidParameter;
        }

        if (sharedSecret.Length < PinProtocol.MaxSharedSecretLength)
        {
            throw new ArgumentException("The shared-secret buffer must be 64 bytes.", nameof(sharedSecret));
        }

        CtapStatus status = _keyAgreement.Decapsulate(protocol, platformCoseKey, sharedSecret);
        if (status == CtapStatus.Ok)
        {
            length = PinProtocol.SharedSecretLength(protocol);
        }

        return status;
    }

    /// <inheritdoc/>
    public bool VerifyWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> message, ReadOnlySpan<byte> param) =>
        PinProtocol.IsSupported(protocol) && sharedSecret.Length >= PinProtocol.SharedSecretLength(protocol)
        && PinProtocol.Verify(protocol, sharedSecret[..32], message, param);

    /// <inheritdoc/>
    public int EncryptWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        CheckSharedSecret(protocol, sharedSecret);
        if (plaintext.Length % 16 != 0)
        {
            throw new ArgumentException("The plaintext must be whole 16-byte blocks.", nameof(plaintext));
        }

        return PinProtocol.Encrypt(protocol, sharedSecret, plaintext, output, _environment.Entropy);
    }

    /// <inheritdoc/>
    public bool DecryptWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> ciphertext, Span<byte> output, out int length)
    {
        CheckSharedSecret(protocol, sharedSecret);
        return PinProtocol.Decrypt(protocol, sharedSecret, ciphertext, output, out length);
    }

    /// <inheritdoc/>
    public bool IsMinPinLengthRpId(string rpId)
    {
        for (int i = 0; i < _storage.MinPinLengthRpIds.Count; i++)
        {
            if (_storage.MinPinLengthRpIds[i] == rpId)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _storage.Reset();
        _largeBlobs.Reset();
        _clientPin.Reset();
        _keyAgreement.Regenerate();
        _token.Invalidate();
    }

    private static void CheckSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret)
    {
        if (!PinProtocol.IsSupported(protocol))
        {
            throw new ArgumentException("Unsupported PIN/UV auth protocol.", nameof(protocol));
        }

        if (sharedSecret.Length < PinProtocol.SharedSecretLength(protocol))
        {
            throw new ArgumentException("The shared secret is too short for the protocol.", nameof(sharedSecret));
        }
    }
}

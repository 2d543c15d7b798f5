using System;
using Xous.Cbor;
using Xous.Crypto;
using Xous.Vault.Environment;

namespace Xous.Vault.Pin;

/// <summary>
/// authenticatorClientPIN (0x06, CTAP 2.1 §6.5.5): getPINRetries, getKeyAgreement, setPIN, changePIN, getPinToken and
/// getPinUvAuthTokenUsingPinWithPermissions, for PIN/UV auth protocols one and two. The retry counter is decremented
/// and committed before every PIN comparison; three consecutive wrong PINs since power-up block PIN entry until the
/// next power-up (PIN_AUTH_BLOCKED), and a counter of 0 blocks it until authenticatorReset (PIN_BLOCKED).
/// </summary>
internal sealed class ClientPinCommand : ICtapCommand
{
    private const ulong GetPinRetries = 0x01;
    private const ulong GetKeyAgreement = 0x02;
    private const ulong SetPin = 0x03;
    private const ulong ChangePin = 0x04;
    private const ulong GetPinToken = 0x05;
    private const ulong GetPinUvAuthTokenUsingUvWithPermissions = 0x06;
    private const ulong GetUvRetries = 0x07;
    private const ulong GetPinUvAuthTokenUsingPinWithPermissions = 0x09;

    /// <summary>The padded PIN platforms send: 64 bytes (CTAP 2.1 §6.5.5.5).</summary>
    private const int PaddedPinLength = 64;

    /// <summary>The longest PIN, in UTF-8 bytes.</summary>
    private const int MaxPinLength = 63;

    /// <summary>The permissions this authenticator grants (everything but be: there is no built-in UV).</summary>
    private const PinUvAuthPermissions Supported = PinUvAuthPermissions.MakeCredential | PinUvAuthPermissions.GetAssertion
        | PinUvAuthPermissions.CredentialManagement | PinUvAuthPermissions.LargeBlobWrite | PinUvAuthPermissions.AuthenticatorConfig;

    private readonly VaultEnvironment _environment;
    private readonly PinStorage _storage;
    private readonly KeyAgreementKey _keyAgreement;
    private readonly PinUvAuthToken _token;

    /// <summary>Creates the command over the subsystem's state.</summary>
    public ClientPinCommand(VaultEnvironment environment, PinStorage storage, KeyAgreementKey keyAgreement, PinUvAuthToken token)
    {
        _environment = environment;
        _storage = storage;
        _keyAgreement = keyAgreement;
        _token = token;
    }

    /// <summary>Consecutive wrong PINs since power-up (RAM only: a power cycle clears it).</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Whether PIN entry is blocked until the next power-up.</summary>
    public bool PowerCycleRequired => ConsecutiveFailures >= AuthenticatorLimits.ConsecutivePinFailuresBeforeAuthBlock;

    /// <summary>authenticatorReset: clears the consecutive-failure count.</summary>
    public void Reset() => ConsecutiveFailures = 0;

    /// <inheritdoc/>
    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        CtapStatus status = ClientPinRequest.Parse(parameters, out ClientPinRequest request);
        if (status != CtapStatus.Ok)
        {
            return status;
        }

        if (!request.HasSubCommand)
        {
            return CtapStatus.MissingParameter;
        }

        if (request.SubCommand == GetPinRetries)
        {
            // pinUvAuthProtocol is optional here (CTAP 2.1 §6.5.5.2); when sent it must be one we speak.
            return request.HasProtocol && !PinProtocol.IsSupported(request.Protocol)
                ? CtapStatus.InvalidParameter
                : WriteRetries(response, out responseLength);
        }

        if (request.SubCommand is GetPinUvAuthTokenUsingUvWithPermissions or GetUvRetries)
        {
            // No built-in user verification (getInfo has no "uv" option): these sub-commands are not implemented.
            return CtapStatus.InvalidSubcommand;
        }

        if (request.SubCommand is not (GetKeyAgreement or SetPin or ChangePin or GetPinToken or GetPinUvAuthTokenUsingPinWithPermissions))
        {
            return CtapStatus.InvalidSubcommand;
        }

        if (!request.HasProtocol)
        {
            return CtapStatus.MissingParameter;
        }

        if (!PinProtocol.IsSupported(request.Protocol))
        {
            return CtapStatus.InvalidParameter;
        }

        try
        {
            return request.SubCommand switch
            {
                GetKeyAgreement => WriteKeyAgreement(response, out responseLength),
                SetPin => ProcessSetPin(ref request),
                ChangePin => ProcessChangePin(ref request),
                _ => ProcessGetToken(ref request, response, out responseLength),
            };
        }
        catch (VaultStoreException)
        {
            // The store could not make the state durable: nothing was compared or issued after the failed write.
            responseLength = 0;
            return CtapStatus.Other;
        }
    }

    private CtapStatus WriteRetries(Span<byte> response, out int responseLength)
    {
        var writer = new CborWriter(response);
        writer.WriteStartMap(2);
        writer.WriteUInt64(3);
        writer.WriteUInt64((ulong)_storage.Retries);
        writer.WriteUInt64(4);
        writer.WriteBoolean(PowerCycleRequired);
        writer.WriteEndMap();
        responseLength = writer.BytesWritten;
        return CtapStatus.Ok;
    }

    private CtapStatus WriteKeyAgreement(Span<byte> response, out int responseLength)
    {
        var writer = new CborWriter(response);
        writer.WriteStartMap(1);
        writer.WriteUInt64(1);
        _keyAgreement.WriteCoseKey(ref writer);
        writer.WriteEndMap();
        responseLength = writer.BytesWritten;
        return CtapStatus.Ok;
    }

    private CtapStatus ProcessSetPin(ref ClientPinRequest request)
    {
        if (request.KeyAgreement.IsEmpty || !request.HasPinUvAuthParam || !request.HasNewPinEncrypted)
        {
            return CtapStatus.MissingParameter;
        }

        if (_storage.IsPinSet)
        {
            return CtapStatus.NotAllowed;
        }

        ulong protocol = request.Protocol;
        Span<byte> shared = stackalloc byte[PinProtocol.MaxSharedSecretLength];
        Span<byte> padded = stackalloc byte[256];
        try
        {
            CtapStatus status = _keyAgreement.Decapsulate(protocol, request.KeyAgreement, shared);
            if (status != CtapStatus.Ok)
            {
                return status;
            }

            if (!PinProtocol.Verify(protocol, shared[..32], request.NewPinEncrypted, request.PinUvAuthParam))
            {
                return CtapStatus.PinAuthInvalid;
            }

            status = DecryptNewPin(protocol, shared, request.NewPinEncrypted, padded, out int pinLength, out int codePoints);
            if (status != CtapStatus.Ok)
            {
                return status;
            }

            _storage.SetPin(padded[..pinLength], codePoints);
            _storage.Commit();
            return CtapStatus.Ok;
        }
        finally
        {
            shared.Clear();
            padded.Clear();
        }
    }

    private CtapStatus ProcessChangePin(ref ClientPinRequest request)
    {
        if (request.KeyAgreement.IsEmpty || !request.HasPinUvAuthParam || !request.HasNewPinEncrypted || !request.HasPinHashEncrypted)
        {
            return CtapStatus.MissingParameter;
        }

        CtapStatus status = CheckPinUsable();
        if (status != CtapStatus.Ok)
        {
            return status;
        }

        ulong protocol = request.Protocol;
        Span<byte> shared = stackalloc byte[PinProtocol.MaxSharedSecretLength];
        Span<byte> padded = stackalloc byte[256];
        Span<byte> message = stackalloc byte[512];
        try
        {
            status = _keyAgreement.Decapsulate(protocol, request.KeyAgreement, shared);
            if (status != CtapStatus.Ok)
            {
                return status;
            }

            int messageLength = request.NewPinEncrypted.Length + request.PinHashEncrypted.Length;
            request.NewPinEncrypted.CopyTo(message);
            request.PinHashEncrypted.CopyTo(message[request.NewPinEncrypted.Length..]);
            if (!PinProtocol.Verify(protocol, shared[..32], message[..messageLength], request.PinUvAuthParam))
            {
                return CtapStatus.PinAuthInvalid;
            }

            status = CheckPinHash(protocol, shared, request.PinHashEncrypted);
            if (status != CtapStatus.Ok)
            {
                return status;
            }

            status = DecryptNewPin(protocol, shared, request.NewPinEncrypted, padded, out int pinLength, out int codePoints);
            if (status != CtapStatus.Ok)
            {
                return status;
            }

            if (_storage.ForcePinChange && IsCurrentPin(padded[..pinLength]))
            {
                return CtapStatus.PinPolicyViolation;
            }

            _storage.SetPin(padded[..pinLength], codePoints);
            _storage.Commit();
            _token.Invalidate();
            return CtapStatus.Ok;
        }
        finally
        {
            shared.Clear();
            padded.Clear();
            message.Clear();
        }
    }

    private CtapStatus ProcessGetToken(ref ClientPinRequest request, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        if (request.KeyAgreement.IsEmpty || !request.HasPinHashEncrypted)
        {
            return CtapStatus.MissingParameter;
        }

        PinUvAuthPermissions permissions;
        if (request.SubCommand == GetPinToken)
        {
            if (request.HasPermissions || request.RpId != null)
            {
                return CtapStatus.InvalidParameter;
            }

            permissions = PinUvAuthPermissions.MakeCredential | PinUvAuthPermissions.GetAssertion;
        }
        else
        {
            if (!request.HasPermissions)
            {
                return CtapStatus.MissingParameter;
            }

            if (request.Permissions == 0)
            {
                return CtapStatus.InvalidParameter;
            }

            if ((request.Permissions & ~(ulong)Supported) != 0)
            {
                return CtapStatus.UnauthorizedPermission;
            }

            permissions = (PinUvAuthPermissions)request.Permissions;
        }

        CtapStatus status = CheckPinUsable();
        if (status != CtapStatus.Ok)
        {
            return status;
        }

        ulong protocol = request.Protocol;
        Span<byte> shared = stackalloc byte[PinProtocol.MaxSharedSecretLength];
        Span<byte> token = stackalloc byte[PinUvAuthToken.Length];
        try
        {
            status = _keyAgreement.Decapsulate(protocol, request.KeyAgreement, shared);
            if (status != CtapStatus.Ok)
            {
                return status;
            }

            status = CheckPinHash(protocol, shared, request.PinHashEncrypted);
            if (status != CtapStatus.Ok)
            {
                return status;
            }

            if (_storage.ForcePinChange)
            {
                return CtapStatus.PinPolicyViolation;
            }

            // A PIN proves user verification, not presence: the userPresent flag starts false (CTAP 2.1 §6.5.5.7).
            _token.Issue(protocol, permissions, request.RpId, userPresent: false, token);
            Span<byte> encrypted = stackalloc byte[PinUvAuthToken.Length + AesCbc.BlockSize];
            int encryptedLength = PinProtocol.Encrypt(protocol, shared, token, encrypted, _environment.Entropy);
            scoped var writer = new CborWriter(response);
            writer.WriteStartMap(1);
            writer.WriteUInt64(2);
            writer.WriteByteString(encrypted[..encryptedLength]);
            writer.WriteEndMap();
            responseLength = writer.BytesWritten;
            return CtapStatus.Ok;
        }
        finally
        {
            shared.Clear();
            token.Clear();
        }
    }

    /// <summary>PIN_NOT_SET, PIN_BLOCKED (counter 0) or PIN_AUTH_BLOCKED (three misses since power-up), else Ok.</summary>
    private CtapStatus CheckPinUsable()
    {
        if (!_storage.IsPinSet)
        {
            return CtapStatus.PinNotSet;
        }

        if (_storage.Retries == 0)
        {
            return CtapStatus.PinBlocked;
        }

        return PowerCycleRequired ? CtapStatus.PinAuthBlocked : CtapStatus.Ok;
    }

    /// <summary>
    /// Decrements the retry counter and commits it, then decrypts pinHashEnc and compares it with the stored hash in
    /// constant time. A miss regenerates the key-agreement key and answers PIN_BLOCKED, PIN_AUTH_BLOCKED or PIN_INVALID;
    /// a match restores the counter to 8.
    /// </summary>
    private CtapStatus CheckPinHash(ulong protocol, ReadOnlySpan<byte> shared, ReadOnlySpan<byte> pinHashEncrypted)
    {
        if (pinHashEncrypted.Length != PinProtocol.EncryptedLength(protocol, 16))
        {
            return CtapStatus.InvalidParameter;
        }

        // Decrement and make it durable first: a power cut during the comparison must cost the attempt.
        _storage.DecrementRetries();
        _storage.Commit();

        Span<byte> pinHash = stackalloc byte[16];
        bool match = PinProtocol.Decrypt(protocol, shared, pinHashEncrypted, pinHash, out _) && _storage.MatchesPinHash(pinHash);
        pinHash.Clear();
        if (!match)
        {
            _keyAgreement.Regenerate();
            ConsecutiveFailures++;
            if (_storage.Retries == 0)
            {
                return CtapStatus.PinBlocked;
            }

            return PowerCycleRequired ? CtapStatus.PinAuthBlocked : CtapStatus.PinInvalid;
        }

        ConsecutiveFailures = 0;
        _storage.RestoreRetries();
        _storage.Commit();
        return CtapStatus.Ok;
    }

    /// <summary>
    /// Decrypts newPinEnc into <paramref name="padded"/> and applies the PIN policy: the padded PIN is 64 bytes
    /// (shorter: PIN_POLICY_VIOLATION as CTAP 2.0 words it; longer: INVALID_PARAMETER as CTAP 2.1 does), the PIN is the
    /// bytes before the first 0x00, at most 63 bytes and at least minPINLength code points.
    /// </summary>
    private CtapStatus DecryptNewPin(ulong protocol, ReadOnlySpan<byte> shared, ReadOnlySpan<byte> newPinEncrypted, Span<byte> padded, out int pinLength, out int codePoints)
    {
        pinLength = 0;
        codePoints = 0;
        if (!PinProtocol.Decrypt(protocol, shared, newPinEncrypted, padded, out int paddedLength))
        {
            return CtapStatus.InvalidParameter;
        }

        if (paddedLength < PaddedPinLength)
        {
            return CtapStatus.PinPolicyViolation;
        }

        if (paddedLength > PaddedPinLength)
        {
            return CtapStatus.InvalidParameter;
        }

        int length = padded[..PaddedPinLength].IndexOf((byte)0);
        if (length < 0 || length > MaxPinLength)
        {
            return CtapStatus.PinPolicyViolation;
        }

        int count = CountCodePoints(padded[..length]);
        if (count < _storage.MinPinLength)
        {
            return CtapStatus.PinPolicyViolation;
        }

        pinLength = length;
        codePoints = count;
        return CtapStatus.Ok;
    }

    private bool IsCurrentPin(ReadOnlySpan<byte> pin)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256.Hash(pin, digest);
        bool same = _storage.MatchesPinHash(digest[..16]);
        digest.Clear();
        return same;
    }

    /// <summary>UTF-8 code points: the bytes that do not continue a sequence (10xxxxxx).</summary>
    private static int CountCodePoints(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        for (int i = 0; i < utf8.Length; i++)
        {
            if ((utf8[i] & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }
}

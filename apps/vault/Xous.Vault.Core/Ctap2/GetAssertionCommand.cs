using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Xous.Cbor;
using Xous.Crypto;
using Xous.Vault.Credentials;
using Xous.Vault.Environment;
using Xous.Vault.Pin;

namespace Xous.Vault.Ctap2;

/// <summary>authenticatorGetAssertion (0x02) and authenticatorGetNextAssertion (0x08), CTAP 2.1 §6.2–6.3.</summary>
internal sealed class GetAssertionCommand : ICtapCommand
{
    private const byte FlagUserPresent = 0x01;
    private const byte FlagUserVerified = 0x04;
    private const byte FlagExtensionData = 0x80;

    private readonly AuthenticatorContext _authenticator;
    private readonly AssertionState _state = new();

    public GetAssertionCommand(AuthenticatorContext authenticator)
    {
        _authenticator = authenticator;
        Next = new NextAssertionCommand(this);
    }

    /// <summary>The getNextAssertion handler sharing this state.</summary>
    public ICtapCommand Next { get; }

    /// <summary>Forgets the getNextAssertion state (another command, a channel reset).</summary>
    public void ResetState() => _state.Clear();

    /// <summary>Forgets the getNextAssertion state if it belongs to <paramref name="channel"/>.</summary>
    public void ResetChannel(uint channel)
    {
        if (_state.Active && _state.Channel == channel)
        {
            _state.Clear();
        }
    }

    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        _state.Clear();
        GetAssertionRequest request;
        try
        {
            request = GetAssertionRequest.Parse(parameters);
        }
        catch (CborException exception)
        {
            return CborInput.StatusOf(exception);
        }

        IPinUvAuth pin = _authenticator.PinUvAuth;
        if (request.PinUvAuthParam is not null && request.PinUvAuthParam.Length == 0)
        {
            return _authenticator.SelectionProbe(context);
        }

        if (request.PinUvAuthParam is not null)
        {
            if (request.PinUvAuthProtocol is null)
            {
                return CtapStatus.MissingParameter;
            }

            if (!pin.IsProtocolSupported(request.PinUvAuthProtocol.Value))
            {
                return CtapStatus.InvalidParameter;
            }
        }

        if (request.RpId is null || request.ClientDataHash is null)
        {
            return CtapStatus.MissingParameter;
        }

        if (request.ClientDataHash.Length != 32)
        {
            return CtapStatus.InvalidLength;
        }

        if (request.AllowListStatus != CtapStatus.Ok)
        {
            return request.AllowListStatus;
        }

        if (request.HasResidentKeyOption)
        {
            return CtapStatus.UnsupportedOption;
        }

        if (request.UserVerification == true && request.PinUvAuthParam is null)
        {
            return CtapStatus.InvalidOption;
        }

        bool userPresence = request.UserPresence != false;
        string rpId = CborInput.Utf8ToString(request.RpId);
        bool userVerified = false;
        if (request.PinUvAuthParam is null)
        {
            if (pin.AlwaysUv && userPresence)
            {
                return _authenticator.RequireTokenForAlwaysUv();
            }
        }
        else
        {
            CtapStatus verified = pin.VerifyPinUvAuthParam(
                request.PinUvAuthProtocol!.Value, request.ClientDataHash, request.PinUvAuthParam, PinUvAuthPermissions.GetAssertion, rpId);
            if (verified != CtapStatus.Ok)
            {
                return verified;
            }

            userVerified = true;
        }

        Span<byte> rpIdHash = stackalloc byte[32];
        Sha256.Hash(request.RpId, rpIdHash);

        byte[]? allowed = null;
        List<ResidentCredential> discoverable = [];
        if (request.AllowList is not null && request.AllowList.Count > 0)
        {
            for (int i = 0; i < request.AllowList.Count && allowed is null; i++)
            {
                using CredentialSecrets? candidate = _authenticator.Open(rpIdHash, request.AllowList[i], out _);
                if (candidate is not null && (candidate.CredProtect < 3 || userVerified))
                {
                    allowed = request.AllowList[i];
                }
            }

            if (allowed is null)
            {
                return CtapStatus.NoCredentials;
            }
        }
        else if (request.AllowList is not null)
        {
            return CtapStatus.NoCredentials;
        }
        else
        {
            List<ResidentCredential> all = [];
            _authenticator.Residents.ListForRp(rpIdHash, all);
            for (int i = 0; i < all.Count; i++)
            {
                if (all[i].CredProtect < 2 || userVerified)
                {
                    discoverable.Add(all[i]);
                }
            }

            if (discoverable.Count == 0)
            {
                return CtapStatus.NoCredentials;
            }
        }

        rpIdHash.CopyTo(_state.RpIdHash);
        request.ClientDataHash.AsSpan().CopyTo(_state.ClientDataHash);
        _state.UserVerified = userVerified;
        _state.GetCredBlob = request.GetCredBlob;
        _state.LargeBlobKey = request.LargeBlobKey;
        if (request.HmacSecretRequested)
        {
            CtapStatus hmac = PrepareHmacSecret(request);
            if (hmac != CtapStatus.Ok)
            {
                _state.Clear();
                return hmac;
            }
        }

        if (userPresence && !(userVerified && pin.TakeTokenUserPresence()))
        {
            CtapStatus presence = AuthenticatorContext.WaitForPresence(context, UserPresencePurpose.Authenticate, rpId);
            if (presence != CtapStatus.Ok)
            {
                _state.Clear();
                return presence;
            }
        }

        _state.UserPresent = userPresence;
        CtapStatus status;
        if (allowed is not null)
        {
            status = WriteAssertion(allowed, 0, response, out responseLength);
            _state.Clear();
            ClearTokenAfterUse(status, userVerified, userPresence);
            return status;
        }

        status = WriteAssertion(discoverable[0].CredentialId, discoverable.Count, response, out responseLength);
        ClearTokenAfterUse(status, userVerified, userPresence);
        if (status == CtapStatus.Ok && discoverable.Count > 1)
        {
            _state.Active = true;
            _state.Channel = context.Channel;
            _state.StartedAt = _authenticator.Environment.Clock.ElapsedMilliseconds;
            _state.Remaining.AddRange(discoverable);
            _state.NextIndex = 1;
        }
        else
        {
            _state.Clear();
        }

        return status;
    }

    private CtapStatus ProcessNext(ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        long now = _authenticator.Environment.Clock.ElapsedMilliseconds;
        if (!_state.Active || _state.NextIndex >= _state.Remaining.Count || context.Channel != _state.Channel
            || now - _state.StartedAt > AuthenticatorLimits.StatefulCommandTimeoutMilliseconds)
        {
            _state.Clear();
            return CtapStatus.NotAllowed;
        }

        ResidentCredential record = _state.Remaining[_state.NextIndex++];
        _state.StartedAt = now;
        CtapStatus status = WriteAssertion(record.CredentialId, 0, response, out responseLength);
        if (_state.NextIndex >= _state.Remaining.Count)
        {
            _state.Clear();
        }

        return status;
    }

    private CtapStatus PrepareHmacSecret(GetAssertionRequest request)
    {
        IPinUvAuth pin = _authenticator.PinUvAuth;
        if (!pin.IsProtocolSupported(request.HmacProtocol))
        {
            return CtapStatus.InvalidParameter;
        }

        if (request.HmacKeyAgreement is null || request.HmacSaltEnc is null || request.HmacSaltAuth is null)
        {
            return CtapStatus.MissingParameter;
        }

        CtapStatus derived = pin.DeriveSharedSecret(request.HmacProtocol, request.HmacKeyAgreement, _state.SharedSecret, out int sharedLength);
        if (derived != CtapStatus.Ok)
        {
            return derived;
        }

        ReadOnlySpan<byte> shared = _state.SharedSecret.AsSpan(0, sharedLength);
        if (!pin.VerifyWithSharedSecret(request.HmacProtocol, shared, request.HmacSaltEnc, request.HmacSaltAuth))
        {
            return CtapStatus.PinAuthInvalid;
        }

        Span<byte> salts = stackalloc byte[96];
        if (request.HmacSaltEnc.Length > salts.Length
            || !pin.DecryptWithSharedSecret(request.HmacProtocol, shared, request.HmacSaltEnc, salts, out int saltLength)
            || (saltLength != 32 && saltLength != 64))
        {
            salts.Clear();
            return CtapStatus.InvalidLength;
        }

        salts[..saltLength].CopyTo(_state.Salts);
        salts.Clear();
        _state.SaltLength = saltLength;
        _state.HmacProtocol = request.HmacProtocol;
        _state.HmacSecret = true;
        return CtapStatus.Ok;
    }

    private CtapStatus WriteAssertion(byte[] credentialId, int numberOfCredentials, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        using CredentialSecrets? secrets = _authenticator.Open(_state.RpIdHash, credentialId, out ResidentCredential? record);
        if (secrets is null)
        {
            return CtapStatus.NoCredentials;
        }

        Span<byte> hmacOutput = new byte[96];
        int hmacLength = 0;
        if (_state.HmacSecret && secrets.HmacSecret)
        {
            Span<byte> credRandom = stackalloc byte[32];
            Span<byte> plain = stackalloc byte[64];
            CredentialKeys.DeriveCredRandom(secrets, _state.UserVerified, credRandom);
            HmacSha256.Compute(credRandom, _state.Salts.AsSpan(0, 32), plain[..32]);
            if (_state.SaltLength == 64)
            {
                HmacSha256.Compute(credRandom, _state.Salts.AsSpan(32, 32), plain[32..]);
            }

            ReadOnlySpan<byte> shared = _state.SharedSecret.AsSpan(0, _state.HmacProtocol == 1 ? 32 : 64);
            hmacLength = _authenticator.PinUvAuth.EncryptWithSharedSecret(_state.HmacProtocol, shared, plain[.._state.SaltLength], hmacOutput);
            credRandom.Clear();
            plain.Clear();
        }

        ReadOnlySpan<byte> credBlob = record is not null ? record.CredBlob : secrets.CredBlob;
        int extensionCount = (_state.GetCredBlob ? 1 : 0) + (hmacLength > 0 ? 1 : 0);
        uint counter = _authenticator.State.NextCounter();
        _authenticator.Environment.Store.Commit();

        Span<byte> authenticatorData = new byte[256];
        _state.RpIdHash.AsSpan().CopyTo(authenticatorData);
        authenticatorData[32] = (byte)((_state.UserPresent ? FlagUserPresent : 0) | (_state.UserVerified ? FlagUserVerified : 0)
            | (extensionCount > 0 ? FlagExtensionData : 0));
        BinaryPrimitives.WriteUInt32BigEndian(authenticatorData.Slice(33, 4), counter);
        int length = 37;
        if (extensionCount > 0)
        {
            CborWriter extensions = new(authenticatorData[length..]);
            extensions.WriteStartMap(extensionCount);
            if (_state.GetCredBlob)
            {
                extensions.WriteTextString("credBlob");
                extensions.WriteByteString(credBlob);
            }

            if (hmacLength > 0)
            {
                extensions.WriteTextString("hmac-secret");
                extensions.WriteByteString(hmacOutput[..hmacLength]);
            }

            extensions.WriteEndMap();
            length += extensions.BytesWritten;
        }

        hmacOutput.Clear();
        Span<byte> signed = stackalloc byte[256 + 32];
        authenticatorData[..length].CopyTo(signed);
        _state.ClientDataHash.AsSpan().CopyTo(signed[length..]);
        Span<byte> signature = new byte[CredentialKeys.MaxSignatureLength];
        int signatureLength = CredentialKeys.Sign(secrets, signed[..(length + 32)], signature);

        bool largeBlobKey = _state.LargeBlobKey && record is not null && record.LargeBlobKey.Length > 0;
        CborWriter writer = new(response);
        writer.WriteStartMap(3 + (record is not null ? 1 : 0) + (numberOfCredentials > 0 ? 1 : 0) + (largeBlobKey ? 1 : 0));
        writer.WriteUInt64(1);
        writer.WriteStartMap(2);
        writer.WriteTextString("id");
        writer.WriteByteString(credentialId);
        writer.WriteTextString("type");
        writer.WriteTextString("public-key");
        writer.WriteEndMap();
        writer.WriteUInt64(2);
        writer.WriteByteString(authenticatorData[..length]);
        writer.WriteUInt64(3);
        writer.WriteByteString(signature[..signatureLength]);
        if (record is not null)
        {
            writer.WriteUInt64(4);
            bool details = _state.UserVerified;
            int userPairs = 1 + (details && record.UserName.Length > 0 ? 1 : 0) + (details && record.UserDisplayName.Length > 0 ? 1 : 0);
            writer.WriteStartMap(userPairs);
            writer.WriteTextString("id");
            writer.WriteByteString(record.UserId);
            if (details && record.UserName.Length > 0)
            {
                writer.WriteTextString("name");
                writer.WriteTextStringUtf8(record.UserName);
            }

            if (details && record.UserDisplayName.Length > 0)
            {
                writer.WriteTextString("displayName");
                writer.WriteTextStringUtf8(record.UserDisplayName);
            }

            writer.WriteEndMap();
        }

        if (numberOfCredentials > 0)
        {
            writer.WriteUInt64(5);
            writer.WriteUInt64((ulong)numberOfCredentials);
        }

        if (largeBlobKey)
        {
            writer.WriteUInt64(7);
            writer.WriteByteString(record!.LargeBlobKey);
        }

        writer.WriteEndMap();
        responseLength = writer.BytesWritten;
        return CtapStatus.Ok;
    }

    /// <summary>CTAP 2.1: a token that authorised an assertion with user presence keeps only its lbw permission.</summary>
    private void ClearTokenAfterUse(CtapStatus status, bool userVerified, bool userPresence)
    {
        if (status == CtapStatus.Ok && userVerified && userPresence)
        {
            _authenticator.PinUvAuth.ClearTokenPermissionsExceptLargeBlobWrite();
        }
    }

    /// <summary>authenticatorGetNextAssertion (0x08).</summary>
    private sealed class NextAssertionCommand : ICtapCommand
    {
        private readonly GetAssertionCommand _owner;

        public NextAssertionCommand(GetAssertionCommand owner) => _owner = owner;

        public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength) =>
            _owner.ProcessNext(context, response, out responseLength);
    }
}

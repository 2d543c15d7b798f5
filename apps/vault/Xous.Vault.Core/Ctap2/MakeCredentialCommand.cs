using System;
using System.Buffers.Binary;
using Xous.Cbor;
using Xous.Crypto;
using Xous.Vault.Credentials;
using Xous.Vault.Environment;
using Xous.Vault.Pin;

namespace Xous.Vault.Ctap2;

/// <summary>authenticatorMakeCredential (0x01), CTAP 2.1 §6.1.2, with packed batch attestation.</summary>
internal sealed class MakeCredentialCommand : ICtapCommand
{
    private const byte FlagUserPresent = 0x01;
    private const byte FlagUserVerified = 0x04;
    private const byte FlagAttestedData = 0x40;
    private const byte FlagExtensionData = 0x80;

    private readonly AuthenticatorContext _authenticator;

    public MakeCredentialCommand(AuthenticatorContext authenticator) => _authenticator = authenticator;

    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        MakeCredentialRequest request;
        try
        {
            request = MakeCredentialRequest.Parse(parameters);
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

        if (request.ClientDataHash is null || !request.HasRp || request.RpId is null || !request.HasUser || request.UserId is null
            || !request.HasPubKeyCredParams)
        {
            return CtapStatus.MissingParameter;
        }

        if (request.ClientDataHash.Length != 32 || request.UserId.Length == 0 || request.UserId.Length > AuthenticatorLimits.MaxUserIdLength)
        {
            return CtapStatus.InvalidLength;
        }

        if (request.PubKeyCredParamsStatus != CtapStatus.Ok)
        {
            return request.PubKeyCredParamsStatus;
        }

        if (request.Algorithm == 0)
        {
            return CtapStatus.UnsupportedAlgorithm;
        }

        if (request.ExcludeListStatus != CtapStatus.Ok)
        {
            return request.ExcludeListStatus;
        }

        bool residentKey = request.ResidentKey == true;
        if (request.UserPresence == false)
        {
            return CtapStatus.InvalidOption;
        }

        if (request.UserVerification == true && request.PinUvAuthParam is null)
        {
            return CtapStatus.InvalidOption;
        }

        if (request.HasEnterpriseAttestation)
        {
            return CtapStatus.InvalidParameter;
        }

        string rpId = CborInput.Utf8ToString(request.RpId);
        bool userVerified = false;
        if (request.PinUvAuthParam is null)
        {
            if (pin.AlwaysUv)
            {
                return _authenticator.RequireTokenForAlwaysUv();
            }

            if (residentKey && pin.IsPinSet)
            {
                return CtapStatus.PinUvAuthTokenRequired;
            }
        }
        else
        {
            CtapStatus verified = pin.VerifyPinUvAuthParam(
                request.PinUvAuthProtocol!.Value, request.ClientDataHash, request.PinUvAuthParam, PinUvAuthPermissions.MakeCredential, rpId);
            if (verified != CtapStatus.Ok)
            {
                return verified;
            }

            userVerified = true;
        }

        Span<byte> rpIdHash = stackalloc byte[32];
        Sha256.Hash(request.RpId, rpIdHash);
        bool presenceCollected = false;
        for (int i = 0; i < request.ExcludeList.Count; i++)
        {
            using CredentialSecrets? excluded = _authenticator.Open(rpIdHash, request.ExcludeList[i], out _);
            if (excluded is null || (excluded.CredProtect == 3 && !userVerified))
            {
                continue;
            }

            CtapStatus presence = userVerified && pin.TakeTokenUserPresence()
                ? CtapStatus.Ok
                : AuthenticatorContext.WaitForPresence(context, UserPresencePurpose.Register, rpId);
            return presence == CtapStatus.Ok ? CtapStatus.CredentialExcluded : presence;
        }

        if (request.LargeBlobKey && !residentKey)
        {
            return CtapStatus.InvalidOption;
        }

        if (residentKey && _authenticator.Residents.FindByUser(rpIdHash, request.UserId) is null && _authenticator.Residents.Remaining <= 0)
        {
            return CtapStatus.KeyStoreFull;
        }

        if (!(userVerified && pin.TakeTokenUserPresence()))
        {
            CtapStatus presence = AuthenticatorContext.WaitForPresence(context, UserPresencePurpose.Register, rpId);
            if (presence != CtapStatus.Ok)
            {
                return presence;
            }
        }

        presenceCollected = true;
        CtapStatus created = Create(request, rpIdHash, residentKey, userVerified, presenceCollected, response, out responseLength);
        if (created == CtapStatus.Ok && userVerified)
        {
            pin.ClearTokenPermissionsExceptLargeBlobWrite();
        }

        return created;
    }

    private CtapStatus Create(
        MakeCredentialRequest request, ReadOnlySpan<byte> rpIdHash, bool residentKey, bool userVerified, bool userPresent,
        Span<byte> response, out int responseLength)
    {
        VaultEnvironment environment = _authenticator.Environment;
        bool credBlobAccepted = request.CredBlob is not null && request.CredBlob.Length <= AuthenticatorLimits.MaxCredBlobLength;
        using CredentialSecrets secrets = new()
        {
            Algorithm = request.Algorithm == CredentialSecrets.CoseEdDsa ? CredentialAlgorithm.EdDsa : CredentialAlgorithm.Es256,
            Resident = residentKey,
            HmacSecret = request.HmacSecret,
            CredProtect = request.CredProtect == 0 ? (byte)1 : request.CredProtect,
        };
        environment.Entropy.Fill(secrets.Seed);
        if (credBlobAccepted && !residentKey)
        {
            secrets.SetCredBlob(request.CredBlob);
        }

        Span<byte> credentialId = stackalloc byte[CredentialId.MaxLength];
        int idLength = CredentialId.Seal(_authenticator.State.WrappingKey, rpIdHash, secrets, environment.Entropy, credentialId);
        credentialId = credentialId[..idLength];

        byte[] largeBlobKey = [];
        if (residentKey)
        {
            if (request.LargeBlobKey)
            {
                largeBlobKey = new byte[32];
                environment.Entropy.Fill(largeBlobKey);
            }

            ResidentCredential record = new()
            {
                CredentialId = credentialId.ToArray(),
                RpId = request.RpId!,
                RpName = request.RpName,
                UserId = request.UserId!,
                UserName = request.UserName,
                UserDisplayName = request.UserDisplayName,
                Algorithm = secrets.CoseAlgorithm,
                CredProtect = secrets.CredProtect,
                CredBlob = credBlobAccepted ? request.CredBlob! : [],
                LargeBlobKey = largeBlobKey,
                CreationOrder = _authenticator.Residents.TakeCreationOrder(),
            };
            record.ComputeRpIdHash();
            _authenticator.Residents.Put(record);
        }

        uint counter = _authenticator.State.NextCounter();
        environment.Store.Commit();

        bool minPinLength = request.MinPinLength && _authenticator.PinUvAuth.IsMinPinLengthRpId(CborInput.Utf8ToString(request.RpId!));
        int extensionCount = (request.CredBlob is not null ? 1 : 0) + (request.CredProtect != 0 ? 1 : 0) + (request.HmacSecret ? 1 : 0)
            + (minPinLength ? 1 : 0);

        Span<byte> authenticatorData = new byte[512];
        rpIdHash.CopyTo(authenticatorData);
        authenticatorData[32] = (byte)((userPresent ? FlagUserPresent : 0) | (userVerified ? FlagUserVerified : 0) | FlagAttestedData
            | (extensionCount > 0 ? FlagExtensionData : 0));
        BinaryPrimitives.WriteUInt32BigEndian(authenticatorData.Slice(33, 4), counter);
        environment.Attestation.Aaguid.AsSpan().CopyTo(authenticatorData.Slice(37, 16));
        BinaryPrimitives.WriteUInt16BigEndian(authenticatorData.Slice(53, 2), (ushort)idLength);
        credentialId.CopyTo(authenticatorData[55..]);
        int length = 55 + idLength;
        length += CredentialKeys.WriteCosePublicKey(secrets, authenticatorData[length..]);
        if (extensionCount > 0)
        {
            CborWriter extensions = new(authenticatorData[length..]);
            extensions.WriteStartMap(extensionCount);
            if (request.CredBlob is not null)
            {
                extensions.WriteTextString("credBlob");
                extensions.WriteBoolean(credBlobAccepted);
            }

            if (request.CredProtect != 0)
            {
                extensions.WriteTextString("credProtect");
                extensions.WriteUInt64(secrets.CredProtect);
            }

            if (request.HmacSecret)
            {
                extensions.WriteTextString("hmac-secret");
                extensions.WriteBoolean(true);
            }

            if (minPinLength)
            {
                extensions.WriteTextString("minPinLength");
                extensions.WriteUInt64((ulong)_authenticator.PinUvAuth.MinPinLength);
            }

            extensions.WriteEndMap();
            length += extensions.BytesWritten;
        }

        ReadOnlySpan<byte> authData = authenticatorData[..length];
        Span<byte> signed = stackalloc byte[512 + 32];
        authData.CopyTo(signed);
        request.ClientDataHash.AsSpan().CopyTo(signed[length..]);
        Span<byte> signature = new byte[CredentialKeys.MaxSignatureLength];
        int signatureLength = CredentialKeys.SignEs256(environment.Attestation.BatchPrivateKey, signed[..(length + 32)], signature);

        CborWriter writer = new(response);
        writer.WriteStartMap(largeBlobKey.Length > 0 ? 4 : 3);
        writer.WriteUInt64(1);
        writer.WriteTextString("packed");
        writer.WriteUInt64(2);
        writer.WriteByteString(authData);
        writer.WriteUInt64(3);
        writer.WriteStartMap(3);
        writer.WriteTextString("alg");
        writer.WriteInt64(CredentialSecrets.CoseEs256);
        writer.WriteTextString("sig");
        writer.WriteByteString(signature[..signatureLength]);
        writer.WriteTextString("x5c");
        writer.WriteStartArray(1);
        writer.WriteByteString(environment.Attestation.CertificateDer);
        writer.WriteEndArray();
        writer.WriteEndMap();
        if (largeBlobKey.Length > 0)
        {
            writer.WriteUInt64(5);
            writer.WriteByteString(largeBlobKey);
        }

        writer.WriteEndMap();
        responseLength = writer.BytesWritten;
        return CtapStatus.Ok;
    }
}

using System;
using System.Collections.Generic;
using Xous.Cbor;
using Xous.Vault.Credentials;
using Xous.Vault.Pin;

namespace Xous.Vault.Ctap2;

/// <summary>
/// authenticatorCredentialManagement (0x0A) and its preview (0x41), CTAP 2.1 §6.8: getCredsMetadata,
/// enumerateRPs(Begin/GetNextRP), enumerateCredentials(Begin/GetNextCredential), deleteCredential and
/// updateUserInformation. Begin and the other sub-commands need a token with the cm permission over
/// subCommand ‖ CBOR(subCommandParams); the GetNext sub-commands are unauthenticated and continue the last begin.
/// </summary>
internal sealed class CredentialManagementCommand : ICtapCommand
{
    private const ulong GetCredsMetadata = 1;
    private const ulong EnumerateRpsBegin = 2;
    private const ulong EnumerateRpsGetNextRp = 3;
    private const ulong EnumerateCredentialsBegin = 4;
    private const ulong EnumerateCredentialsGetNextCredential = 5;
    private const ulong DeleteCredential = 6;
    private const ulong UpdateUserInformation = 7;

    private readonly AuthenticatorContext _authenticator;
    private readonly List<ResidentCredential> _pending = [];
    private ulong _enumerating;
    private int _next;
    private uint _channel;
    private long _startedAt;

    public CredentialManagementCommand(AuthenticatorContext authenticator) => _authenticator = authenticator;

    /// <summary>Forgets an enumeration in progress.</summary>
    public void ResetState()
    {
        _enumerating = 0;
        _pending.Clear();
        _next = 0;
    }

    /// <summary>Forgets an enumeration in progress on <paramref name="channel"/>.</summary>
    public void ResetChannel(uint channel)
    {
        if (_enumerating != 0 && _channel == channel)
        {
            ResetState();
        }
    }

    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        ulong? subCommand = null;
        ulong? protocol = null;
        byte[]? pinUvAuthParam = null;
        int paramsStart = 0;
        int paramsEnd = 0;
        byte[]? rpIdHash = null;
        byte[]? credentialId = null;
        bool credentialMissing = false;
        byte[]? userId = null;
        byte[]? userName = null;
        byte[]? userDisplayName = null;
        try
        {
            if (parameters.IsEmpty)
            {
                return CtapStatus.MissingParameter;
            }

            CborReader reader = new(parameters);
            int pairs = reader.ReadStartMap();
            for (int i = 0; i < pairs; i++)
            {
                if (!CborInput.TryReadIntegerKey(ref reader, out ulong key))
                {
                    continue;
                }

                switch (key)
                {
                    case 1:
                        subCommand = reader.ReadUInt64();
                        break;
                    case 2:
                        paramsStart = reader.BytesRead;
                        ReadSubCommandParams(ref reader, ref rpIdHash, ref credentialId, ref credentialMissing, ref userId, ref userName, ref userDisplayName);
                        paramsEnd = reader.BytesRead;
                        break;
                    case 3:
                        protocol = reader.ReadUInt64();
                        break;
                    case 4:
                        pinUvAuthParam = reader.ReadByteString().ToArray();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
        }
        catch (CborException exception)
        {
            return CborInput.StatusOf(exception);
        }

        if (subCommand is null)
        {
            return CtapStatus.MissingParameter;
        }

        if (subCommand == EnumerateRpsGetNextRp || subCommand == EnumerateCredentialsGetNextCredential)
        {
            return Next(subCommand.Value, context, response, out responseLength);
        }

        ResetState();
        if (subCommand < GetCredsMetadata || subCommand > UpdateUserInformation)
        {
            return CtapStatus.InvalidSubcommand;
        }

        CtapStatus authorised = Authorise(subCommand.Value, parameters[paramsStart..paramsEnd], protocol, pinUvAuthParam);
        if (authorised != CtapStatus.Ok)
        {
            return authorised;
        }

        CborWriter writer = new(response);
        CtapStatus status;
        switch (subCommand.Value)
        {
            case GetCredsMetadata:
                writer.WriteStartMap(2);
                writer.WriteUInt64(1);
                writer.WriteUInt64((ulong)_authenticator.Residents.Count);
                writer.WriteUInt64(2);
                writer.WriteUInt64((ulong)_authenticator.Residents.Remaining);
                writer.WriteEndMap();
                status = CtapStatus.Ok;
                break;
            case EnumerateRpsBegin:
                status = BeginRps(context, ref writer);
                break;
            case EnumerateCredentialsBegin:
                status = rpIdHash is null ? CtapStatus.MissingParameter : BeginCredentials(rpIdHash, context, ref writer);
                break;
            case DeleteCredential:
                status = credentialId is null || credentialMissing ? CtapStatus.MissingParameter : Delete(credentialId);
                break;
            default:
                status = credentialId is null || credentialMissing || userId is null
                    ? CtapStatus.MissingParameter
                    : Update(credentialId, userId, userName, userDisplayName);
                break;
        }

        responseLength = status == CtapStatus.Ok ? writer.BytesWritten : 0;
        return status;
    }

    private static void ReadSubCommandParams(
        ref CborReader reader, ref byte[]? rpIdHash, ref byte[]? credentialId, ref bool credentialMissing, ref byte[]? userId,
        ref byte[]? userName, ref byte[]? userDisplayName)
    {
        int pairs = reader.ReadStartMap();
        for (int i = 0; i < pairs; i++)
        {
            if (!CborInput.TryReadIntegerKey(ref reader, out ulong parameter))
            {
                continue;
            }

            switch (parameter)
            {
                case 1:
                    rpIdHash = reader.ReadByteString().ToArray();
                    break;
                case 2:
                    credentialId = null;
                    int descriptorPairs = reader.ReadStartMap();
                    bool hasType = false;
                    for (int p = 0; p < descriptorPairs; p++)
                    {
                        if (!CborInput.TryReadTextKey(ref reader, out ReadOnlySpan<byte> key))
                        {
                            reader.SkipValue();
                        }
                        else if (key.SequenceEqual("id"u8))
                        {
                            credentialId = reader.ReadByteString().ToArray();
                        }
                        else if (key.SequenceEqual("type"u8))
                        {
                            reader.ReadTextStringUtf8();
                            hasType = true;
                        }
                        else
                        {
                            reader.SkipValue();
                        }
                    }

                    reader.ReadEndMap();
                    credentialMissing = credentialId is null || !hasType;
                    break;
                case 3:
                    int userPairs = reader.ReadStartMap();
                    for (int p = 0; p < userPairs; p++)
                    {
                        if (!CborInput.TryReadTextKey(ref reader, out ReadOnlySpan<byte> key))
                        {
                            reader.SkipValue();
                        }
                        else if (key.SequenceEqual("id"u8))
                        {
                            userId = reader.ReadByteString().ToArray();
                        }
                        else if (key.SequenceEqual("name"u8))
                        {
                            userName = CborInput.CopyTruncated(reader.ReadTextStringUtf8(), AuthenticatorLimits.MaxStoredNameLength);
                        }
                        else if (key.SequenceEqual("displayName"u8))
                        {
                            userDisplayName = CborInput.CopyTruncated(reader.ReadTextStringUtf8(), AuthenticatorLimits.MaxStoredNameLength);
                        }
                        else
                        {
                            reader.SkipValue();
                        }
                    }

                    reader.ReadEndMap();
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        reader.ReadEndMap();
    }

    private CtapStatus Authorise(ulong subCommand, ReadOnlySpan<byte> subCommandParams, ulong? protocol, byte[]? pinUvAuthParam)
    {
        IPinUvAuth pin = _authenticator.PinUvAuth;
        if (pinUvAuthParam is null)
        {
            return CtapStatus.PinUvAuthTokenRequired;
        }

        if (protocol is null)
        {
            return CtapStatus.MissingParameter;
        }

        if (!pin.IsProtocolSupported(protocol.Value))
        {
            return CtapStatus.InvalidParameter;
        }

        byte[] message = new byte[1 + subCommandParams.Length];
        message[0] = (byte)subCommand;
        subCommandParams.CopyTo(message.AsSpan(1));
        return pin.VerifyPinUvAuthParam(protocol.Value, message, pinUvAuthParam, PinUvAuthPermissions.CredentialManagement, null);
    }

    private CtapStatus BeginRps(ICtapRequestContext context, ref CborWriter writer)
    {
        _authenticator.Residents.ListRps(_pending);
        if (_pending.Count == 0)
        {
            return CtapStatus.NoCredentials;
        }

        WriteRp(_pending[0], _pending.Count, ref writer);
        Start(EnumerateRpsGetNextRp, context);
        return CtapStatus.Ok;
    }

    private CtapStatus BeginCredentials(byte[] rpIdHash, ICtapRequestContext context, ref CborWriter writer)
    {
        _authenticator.Residents.ListForRp(rpIdHash, _pending);
        if (_pending.Count == 0)
        {
            return CtapStatus.NoCredentials;
        }

        CtapStatus status = WriteCredential(_pending[0], _pending.Count, ref writer);
        if (status == CtapStatus.Ok)
        {
            Start(EnumerateCredentialsGetNextCredential, context);
        }

        return status;
    }

    private void Start(ulong next, ICtapRequestContext context)
    {
        _enumerating = next;
        _next = 1;
        _channel = context.Channel;
        _startedAt = _authenticator.Environment.Clock.ElapsedMilliseconds;
    }

    private CtapStatus Next(ulong subCommand, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        long now = _authenticator.Environment.Clock.ElapsedMilliseconds;
        if (_enumerating != subCommand || _next >= _pending.Count || context.Channel != _channel
            || now - _startedAt > AuthenticatorLimits.StatefulCommandTimeoutMilliseconds)
        {
            ResetState();
            return CtapStatus.NotAllowed;
        }

        ResidentCredential record = _pending[_next++];
        _startedAt = now;
        CborWriter writer = new(response);
        CtapStatus status;
        if (subCommand == EnumerateRpsGetNextRp)
        {
            WriteRp(record, 0, ref writer);
            status = CtapStatus.Ok;
        }
        else
        {
            status = WriteCredential(record, 0, ref writer);
        }

        if (_next >= _pending.Count)
        {
            ResetState();
        }

        responseLength = status == CtapStatus.Ok ? writer.BytesWritten : 0;
        return status;
    }

    private static void WriteRp(ResidentCredential record, int total, ref CborWriter writer)
    {
        writer.WriteStartMap(total > 0 ? 3 : 2);
        writer.WriteUInt64(3);
        writer.WriteStartMap(record.RpName.Length > 0 ? 2 : 1);
        writer.WriteTextString("id");
        writer.WriteTextStringUtf8(record.RpId);
        if (record.RpName.Length > 0)
        {
            writer.WriteTextString("name");
            writer.WriteTextStringUtf8(record.RpName);
        }

        writer.WriteEndMap();
        writer.WriteUInt64(4);
        writer.WriteByteString(record.RpIdHash);
        if (total > 0)
        {
            writer.WriteUInt64(5);
            writer.WriteUInt64((ulong)total);
        }

        writer.WriteEndMap();
    }

    private CtapStatus WriteCredential(ResidentCredential record, int total, ref CborWriter writer)
    {
        using CredentialSecrets? secrets = CredentialId.Open(_authenticator.State.WrappingKey, record.RpIdHash, record.CredentialId);
        if (secrets is null)
        {
            return CtapStatus.Other;
        }

        bool largeBlobKey = record.LargeBlobKey.Length > 0;
        writer.WriteStartMap(4 + (total > 0 ? 1 : 0) + (largeBlobKey ? 1 : 0));
        writer.WriteUInt64(6);
        int userPairs = 1 + (record.UserName.Length > 0 ? 1 : 0) + (record.UserDisplayName.Length > 0 ? 1 : 0);
        writer.WriteStartMap(userPairs);
        writer.WriteTextString("id");
        writer.WriteByteString(record.UserId);
        if (record.UserName.Length > 0)
        {
            writer.WriteTextString("name");
            writer.WriteTextStringUtf8(record.UserName);
        }

        if (record.UserDisplayName.Length > 0)
        {
            writer.WriteTextString("displayName");
            writer.WriteTextStringUtf8(record.UserDisplayName);
        }

        writer.WriteEndMap();
        writer.WriteUInt64(7);
        writer.WriteStartMap(2);
        writer.WriteTextString("id");
        writer.WriteByteString(record.CredentialId);
        writer.WriteTextString("type");
        writer.WriteTextString("public-key");
        writer.WriteEndMap();
        writer.WriteUInt64(8);
        CredentialKeys.WriteCosePublicKey(secrets, ref writer);
        if (total > 0)
        {
            writer.WriteUInt64(9);
            writer.WriteUInt64((ulong)total);
        }

        writer.WriteUInt64(10);
        writer.WriteUInt64(record.CredProtect);
        if (largeBlobKey)
        {
            writer.WriteUInt64(11);
            writer.WriteByteString(record.LargeBlobKey);
        }

        writer.WriteEndMap();
        return CtapStatus.Ok;
    }

    private CtapStatus Delete(byte[] credentialId)
    {
        ResidentCredential? record = _authenticator.Residents.FindByCredentialId(credentialId);
        if (record is null)
        {
            return CtapStatus.NoCredentials;
        }

        _authenticator.Residents.Delete(record);
        _authenticator.Environment.Store.Commit();
        return CtapStatus.Ok;
    }

    private CtapStatus Update(byte[] credentialId, byte[] userId, byte[]? userName, byte[]? userDisplayName)
    {
        ResidentCredential? record = _authenticator.Residents.FindByCredentialId(credentialId);
        if (record is null)
        {
            return CtapStatus.NoCredentials;
        }

        if (!record.UserId.AsSpan().SequenceEqual(userId))
        {
            return CtapStatus.InvalidParameter;
        }

        record.UserName = userName ?? [];
        record.UserDisplayName = userDisplayName ?? [];
        _authenticator.Residents.Rewrite(record);
        _authenticator.Environment.Store.Commit();
        return CtapStatus.Ok;
    }
}

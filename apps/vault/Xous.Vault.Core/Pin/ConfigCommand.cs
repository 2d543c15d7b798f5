using System;
using System.Collections.Generic;
using Xous.Cbor;
using Xous.Vault.Ctap2;
using Xous.Vault.Environment;

namespace Xous.Vault.Pin;

/// <summary>
/// authenticatorConfig (0x0D, CTAP 2.1 §6.11): toggleAlwaysUv and setMinPINLength; enableEnterpriseAttestation is
/// answered INVALID_PARAMETER because this authenticator has no enterprise attestation (getInfo has no "ep").
/// Requests carry pinUvAuthParam = authenticate(token, 32×0xFF ‖ 0x0D ‖ subCommand ‖ subCommandParams) with the acfg
/// permission; while no PIN is set and alwaysUv is off, requests without one are allowed.
/// </summary>
internal sealed class ConfigCommand : ICtapCommand
{
    private const ulong EnableEnterpriseAttestation = 0x01;
    private const ulong ToggleAlwaysUv = 0x02;
    private const ulong SetMinPinLength = 0x03;

    /// <summary>The largest subCommandParams accepted (eight RP IDs of 255 bytes and the rest).</summary>
    private const int MaxParamsLength = PinStorage.MaxConfigRecordLength;

    private readonly PinStorage _storage;
    private readonly PinUvAuthToken _token;

    /// <summary>Creates the command over the subsystem's state.</summary>
    public ConfigCommand(PinStorage storage, PinUvAuthToken token)
    {
        _storage = storage;
        _token = token;
    }

    /// <inheritdoc/>
    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        bool hasSubCommand = false, hasProtocol = false, hasParam = false;
        ulong subCommand = 0, protocol = 0;
        ReadOnlySpan<byte> subCommandParams = default;
        ReadOnlySpan<byte> pinUvAuthParam = default;
        try
        {
            var reader = new CborReader(parameters);
            if (parameters.IsEmpty || reader.PeekState() != CborReaderState.StartMap)
            {
                return parameters.IsEmpty ? CtapStatus.MissingParameter : CtapStatus.CborUnexpectedType;
            }

            int pairs = reader.ReadStartMap();
            for (int i = 0; i < pairs; i++)
            {
                if (!CborInput.TryReadIntegerKey(ref reader, out ulong key))
                {
                    continue;
                }
                CborReaderState state = reader.PeekState();
                switch (key)
                {
                    case 1:
                    case 3:
                        if (state != CborReaderState.UnsignedInteger)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        if (key == 1)
                        {
                            hasSubCommand = true;
                            subCommand = reader.ReadUInt64();
                        }
                        else
                        {
                            hasProtocol = true;
                            protocol = reader.ReadUInt64();
                        }

                        break;
                    case 2:
                        if (state != CborReaderState.StartMap)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        int start = reader.BytesRead;
                        reader.SkipValue();
                        subCommandParams = parameters[start..reader.BytesRead];
                        break;
                    case 4:
                        if (state != CborReaderState.ByteString)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        hasParam = true;
                        pinUvAuthParam = reader.ReadByteString();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
            _ = reader.PeekState();
        }
        catch (CborException exception)
        {
            return exception.Error == CborError.UnexpectedType ? CtapStatus.CborUnexpectedType : CtapStatus.InvalidCbor;
        }

        if (!hasSubCommand)
        {
            return CtapStatus.MissingParameter;
        }

        if (subCommandParams.Length > MaxParamsLength)
        {
            return CtapStatus.InvalidLength;
        }

        CtapStatus status = Authorize(subCommand, subCommandParams, hasProtocol, protocol, hasParam, pinUvAuthParam);
        if (status != CtapStatus.Ok)
        {
            return status;
        }

        try
        {
            switch (subCommand)
            {
                case EnableEnterpriseAttestation:
                    return CtapStatus.InvalidParameter;
                case ToggleAlwaysUv:
                    _storage.ToggleAlwaysUv();
                    _storage.Commit();
                    return CtapStatus.Ok;
                case SetMinPinLength:
                    return ProcessSetMinPinLength(subCommandParams);
                default:
                    return CtapStatus.InvalidSubcommand;
            }
        }
        catch (VaultStoreException)
        {
            return CtapStatus.Other;
        }
    }

    private CtapStatus Authorize(ulong subCommand, ReadOnlySpan<byte> subCommandParams, bool hasProtocol, ulong protocol, bool hasParam, ReadOnlySpan<byte> pinUvAuthParam)
    {
        if (!hasParam)
        {
            return _storage.IsPinSet || _storage.AlwaysUv ? CtapStatus.PinUvAuthTokenRequired : CtapStatus.Ok;
        }

        if (!hasProtocol)
        {
            return CtapStatus.MissingParameter;
        }

        if (!PinProtocol.IsSupported(protocol))
        {
            return CtapStatus.InvalidParameter;
        }

        byte[] message = new byte[32 + 2 + subCommandParams.Length];
        message.AsSpan(0, 32).Fill(0xFF);
        message[32] = 0x0D;
        message[33] = (byte)subCommand;
        subCommandParams.CopyTo(message.AsSpan(34));
        return _token.Verify(protocol, message, pinUvAuthParam, PinUvAuthPermissions.AuthenticatorConfig, rpId: null);
    }

    private CtapStatus ProcessSetMinPinLength(ReadOnlySpan<byte> subCommandParams)
    {
        bool hasLength = false, forceChange = false;
        ulong newMinPinLength = 0;
        List<string>? rpIds = null;
        if (!subCommandParams.IsEmpty)
        {
            try
            {
                var reader = new CborReader(subCommandParams);
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
                            hasLength = true;
                            newMinPinLength = reader.ReadUInt64();
                            break;
                        case 2:
                            int count = reader.ReadStartArray();
                            if (count > AuthenticatorLimits.MaxRpIdsForSetMinPinLength)
                            {
                                return CtapStatus.KeyStoreFull;
                            }

                            rpIds = new List<string>(count);
                            for (int j = 0; j < count; j++)
                            {
                                if (reader.PeekState() != CborReaderState.TextString)
                                {
                                    return CtapStatus.CborUnexpectedType;
                                }

                                if (reader.ReadTextStringUtf8().Length > PinStorage.MaxRpIdLength)
                                {
                                    return CtapStatus.InvalidLength;
                                }
                            }

                            reader.ReadEndArray();
                            ReadRpIds(subCommandParams, rpIds);
                            break;
                        case 3:
                            forceChange = reader.ReadBoolean();
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
                return exception.Error == CborError.UnexpectedType ? CtapStatus.CborUnexpectedType : CtapStatus.InvalidCbor;
            }
        }

        ulong current = (ulong)_storage.MinPinLength;
        ulong minimum = hasLength ? newMinPinLength : current;
        if (minimum < current || minimum > 63)
        {
            return CtapStatus.PinPolicyViolation;
        }

        if (forceChange && !_storage.IsPinSet)
        {
            return CtapStatus.PinNotSet;
        }

        _storage.SetMinPinLength((int)minimum, rpIds);
        if (_storage.IsPinSet && (forceChange || _storage.PinCodePointLength < (int)minimum))
        {
            _storage.SetForcePinChange();
        }

        _storage.Commit();
        return CtapStatus.Ok;
    }

    /// <summary>Reads key 2's RP IDs as strings (a second pass over parameters already validated).</summary>
    private static void ReadRpIds(ReadOnlySpan<byte> subCommandParams, List<string> rpIds)
    {
        var reader = new CborReader(subCommandParams);
        int pairs = reader.ReadStartMap();
        for (int i = 0; i < pairs; i++)
        {
            bool isRpIds = reader.PeekState() == CborReaderState.UnsignedInteger ? reader.ReadUInt64() == 2 : SkipKey(ref reader);
            if (isRpIds)
            {
                int count = reader.ReadStartArray();
                for (int j = 0; j < count; j++)
                {
                    rpIds.Add(reader.ReadTextString());
                }

                return;
            }

            reader.SkipValue();
        }
    }

    private static bool SkipKey(ref CborReader reader)
    {
        reader.SkipValue();
        return false;
    }
}

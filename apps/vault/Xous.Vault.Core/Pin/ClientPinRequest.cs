using System;
using Xous.Cbor;
using Xous.Vault.Ctap2;

namespace Xous.Vault.Pin;

/// <summary>
/// The parameters of authenticatorClientPIN (CTAP 2.1 §6.5.5): keys 1 pinUvAuthProtocol, 2 subCommand,
/// 3 keyAgreement, 4 pinUvAuthParam, 5 newPinEnc, 6 pinHashEnc, 9 permissions, 0x0A rpId. Byte strings are slices of
/// the request buffer; keyAgreement is the raw encoded COSE map. Unknown keys are skipped.
/// </summary>
internal ref struct ClientPinRequest
{
    /// <summary>The largest accepted newPinEnc (protocol two: 16-byte IV ‖ a 64-byte padded PIN; longer paddings are refused anyway).</summary>
    private const int MaxEncryptedLength = 256;

    public bool HasProtocol;
    public ulong Protocol;
    public bool HasSubCommand;
    public ulong SubCommand;
    public ReadOnlySpan<byte> KeyAgreement;
    public bool HasPinUvAuthParam;
    public ReadOnlySpan<byte> PinUvAuthParam;
    public bool HasNewPinEncrypted;
    public ReadOnlySpan<byte> NewPinEncrypted;
    public bool HasPinHashEncrypted;
    public ReadOnlySpan<byte> PinHashEncrypted;
    public bool HasPermissions;
    public ulong Permissions;
    public string? RpId;

    /// <summary>Parses the parameter map.</summary>
    /// <returns>Ok, InvalidCbor (malformed or not canonical), CborUnexpectedType (a value of the wrong type) or InvalidLength.</returns>
    public static CtapStatus Parse(ReadOnlySpan<byte> parameters, out ClientPinRequest request)
    {
        request = default;
        if (parameters.IsEmpty)
        {
            return CtapStatus.Ok;
        }

        try
        {
            var reader = new CborReader(parameters);
            if (reader.PeekState() != CborReaderState.StartMap)
            {
                return CtapStatus.CborUnexpectedType;
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
                        if (state != CborReaderState.UnsignedInteger)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        request.HasProtocol = true;
                        request.Protocol = reader.ReadUInt64();
                        break;
                    case 2:
                        if (state != CborReaderState.UnsignedInteger)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        request.HasSubCommand = true;
                        request.SubCommand = reader.ReadUInt64();
                        break;
                    case 3:
                        if (state != CborReaderState.StartMap)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        int start = reader.BytesRead;
                        reader.SkipValue();
                        request.KeyAgreement = parameters[start..reader.BytesRead];
                        break;
                    case 4:
                    case 5:
                    case 6:
                        if (state != CborReaderState.ByteString)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        ReadOnlySpan<byte> bytes = reader.ReadByteString();
                        if (bytes.Length > MaxEncryptedLength)
                        {
                            return CtapStatus.InvalidLength;
                        }

                        if (key == 4)
                        {
                            request.HasPinUvAuthParam = true;
                            request.PinUvAuthParam = bytes;
                        }
                        else if (key == 5)
                        {
                            request.HasNewPinEncrypted = true;
                            request.NewPinEncrypted = bytes;
                        }
                        else
                        {
                            request.HasPinHashEncrypted = true;
                            request.PinHashEncrypted = bytes;
                        }

                        break;
                    case 9:
                        if (state != CborReaderState.UnsignedInteger)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        request.HasPermissions = true;
                        request.Permissions = reader.ReadUInt64();
                        break;
                    case 10:
                        if (state != CborReaderState.TextString)
                        {
                            return CtapStatus.CborUnexpectedType;
                        }

                        request.RpId = reader.ReadTextString();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
            _ = reader.PeekState();
            return CtapStatus.Ok;
        }
        catch (CborException exception)
        {
            return exception.Error == CborError.UnexpectedType ? CtapStatus.CborUnexpectedType : CtapStatus.InvalidCbor;
        }
    }
}

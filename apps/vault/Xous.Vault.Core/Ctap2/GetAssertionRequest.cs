using System;
using System.Collections.Generic;
using Xous.Cbor;

namespace Xous.Vault.Ctap2;

/// <summary>authenticatorGetAssertion parameters, type-checked (CTAP 2.1 §6.2.1).</summary>
internal sealed class GetAssertionRequest
{
    public byte[]? RpId { get; private set; }

    public byte[]? ClientDataHash { get; private set; }

    public List<byte[]>? AllowList { get; private set; }

    public CtapStatus AllowListStatus { get; private set; }

    public bool HmacSecretRequested { get; private set; }

    public byte[]? HmacKeyAgreement { get; private set; }

    public byte[]? HmacSaltEnc { get; private set; }

    public byte[]? HmacSaltAuth { get; private set; }

    public ulong HmacProtocol { get; private set; } = 1;

    public bool GetCredBlob { get; private set; }

    public bool LargeBlobKey { get; private set; }

    public bool HasResidentKeyOption { get; private set; }

    public bool? UserPresence { get; private set; }

    public bool? UserVerification { get; private set; }

    public byte[]? PinUvAuthParam { get; private set; }

    public ulong? PinUvAuthProtocol { get; private set; }

    /// <summary>Parses; CBOR type errors throw <see cref="CborException"/>.</summary>
    public static GetAssertionRequest Parse(ReadOnlySpan<byte> parameters)
    {
        GetAssertionRequest request = new();
        if (parameters.IsEmpty)
        {
            return request;
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
                    request.RpId = reader.ReadTextStringUtf8().ToArray();
                    break;
                case 2:
                    request.ClientDataHash = reader.ReadByteString().ToArray();
                    break;
                case 3:
                    CtapStatus listStatus = CtapStatus.Ok;
                    request.AllowList = CborInput.ReadDescriptorList(ref reader, ref listStatus);
                    request.AllowListStatus = listStatus;
                    break;
                case 4:
                    request.ReadExtensions(ref reader, parameters);
                    break;
                case 5:
                    request.ReadOptions(ref reader);
                    break;
                case 6:
                    request.PinUvAuthParam = reader.ReadByteString().ToArray();
                    break;
                case 7:
                    request.PinUvAuthProtocol = reader.ReadUInt64();
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        reader.ReadEndMap();
        return request;
    }

    private void ReadExtensions(ref CborReader reader, ReadOnlySpan<byte> parameters)
    {
        int pairs = reader.ReadStartMap();
        for (int i = 0; i < pairs; i++)
        {
            if (!CborInput.TryReadTextKey(ref reader, out ReadOnlySpan<byte> key))
            {
                reader.SkipValue();
                continue;
            }

            if (key.SequenceEqual("hmac-secret"u8))
            {
                ReadHmacSecret(ref reader, parameters);
            }
            else if (key.SequenceEqual("credBlob"u8) || key.SequenceEqual("getCredBlob"u8))
            {
                GetCredBlob = reader.ReadBoolean();
            }
            else if (key.SequenceEqual("largeBlobKey"u8))
            {
                LargeBlobKey = reader.ReadBoolean();
            }
            else
            {
                reader.SkipValue();
            }
        }

        reader.ReadEndMap();
    }

    private void ReadHmacSecret(ref CborReader reader, ReadOnlySpan<byte> parameters)
    {
        HmacSecretRequested = true;
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
                    if (reader.PeekState() != CborReaderState.StartMap)
                    {
                        reader.ReadStartMap();
                    }

                    int start = reader.BytesRead;
                    reader.SkipValue();
                    HmacKeyAgreement = parameters[start..reader.BytesRead].ToArray();
                    break;
                case 2:
                    HmacSaltEnc = reader.ReadByteString().ToArray();
                    break;
                case 3:
                    HmacSaltAuth = reader.ReadByteString().ToArray();
                    break;
                case 4:
                    HmacProtocol = reader.ReadUInt64();
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        reader.ReadEndMap();
    }

    private void ReadOptions(ref CborReader reader)
    {
        int pairs = reader.ReadStartMap();
        for (int i = 0; i < pairs; i++)
        {
            if (!CborInput.TryReadTextKey(ref reader, out ReadOnlySpan<byte> key))
            {
                reader.SkipValue();
                continue;
            }

            if (key.SequenceEqual("rk"u8))
            {
                reader.ReadBoolean();
                HasResidentKeyOption = true;
            }
            else if (key.SequenceEqual("up"u8))
            {
                UserPresence = reader.ReadBoolean();
            }
            else if (key.SequenceEqual("uv"u8))
            {
                UserVerification = reader.ReadBoolean();
            }
            else
            {
                reader.SkipValue();
            }
        }

        reader.ReadEndMap();
    }
}

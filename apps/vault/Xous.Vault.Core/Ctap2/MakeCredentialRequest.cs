using System;
using System.Collections.Generic;
using Xous.Cbor;

namespace Xous.Vault.Ctap2;

/// <summary>authenticatorMakeCredential parameters, type-checked (CTAP 2.1 §6.1.1).</summary>
internal sealed class MakeCredentialRequest
{
    public byte[]? ClientDataHash { get; private set; }

    public bool HasRp { get; private set; }

    public byte[]? RpId { get; private set; }

    public byte[] RpName { get; private set; } = [];

    public bool HasUser { get; private set; }

    public byte[]? UserId { get; private set; }

    public byte[] UserName { get; private set; } = [];

    public byte[] UserDisplayName { get; private set; } = [];

    public bool HasPubKeyCredParams { get; private set; }

    /// <summary>The COSE algorithm chosen (first supported), 0 when none.</summary>
    public long Algorithm { get; private set; }

    /// <summary>An error found in pubKeyCredParams entries (Ok when none).</summary>
    public CtapStatus PubKeyCredParamsStatus { get; private set; }

    public List<byte[]> ExcludeList { get; private set; } = [];

    /// <summary>An error found in excludeList entries.</summary>
    public CtapStatus ExcludeListStatus { get; private set; }

    public bool HmacSecret { get; private set; }

    /// <summary>The requested credProtect level (0 when none or out of range).</summary>
    public byte CredProtect { get; private set; }

    public byte[]? CredBlob { get; private set; }

    public bool LargeBlobKey { get; private set; }

    public bool MinPinLength { get; private set; }

    public bool? ResidentKey { get; private set; }

    public bool? UserPresence { get; private set; }

    public bool? UserVerification { get; private set; }

    public byte[]? PinUvAuthParam { get; private set; }

    public ulong? PinUvAuthProtocol { get; private set; }

    public bool HasEnterpriseAttestation { get; private set; }

    /// <summary>Parses; CBOR type errors throw <see cref="CborException"/>.</summary>
    public static MakeCredentialRequest Parse(ReadOnlySpan<byte> parameters)
    {
        MakeCredentialRequest request = new();
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
                    request.ClientDataHash = reader.ReadByteString().ToArray();
                    break;
                case 2:
                    request.ReadRp(ref reader);
                    break;
                case 3:
                    request.ReadUser(ref reader);
                    break;
                case 4:
                    request.ReadPubKeyCredParams(ref reader);
                    break;
                case 5:
                    CtapStatus listStatus = CtapStatus.Ok;
                    request.ExcludeList = CborInput.ReadDescriptorList(ref reader, ref listStatus);
                    request.ExcludeListStatus = listStatus;
                    break;
                case 6:
                    request.ReadExtensions(ref reader);
                    break;
                case 7:
                    request.ReadOptions(ref reader);
                    break;
                case 8:
                    request.PinUvAuthParam = reader.ReadByteString().ToArray();
                    break;
                case 9:
                    request.PinUvAuthProtocol = reader.ReadUInt64();
                    break;
                case 10:
                    reader.ReadUInt64();
                    request.HasEnterpriseAttestation = true;
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        reader.ReadEndMap();
        return request;
    }

    private void ReadRp(ref CborReader reader)
    {
        HasRp = true;
        int pairs = reader.ReadStartMap();
        for (int i = 0; i < pairs; i++)
        {
            if (!CborInput.TryReadTextKey(ref reader, out ReadOnlySpan<byte> key))
            {
                reader.SkipValue();
                continue;
            }

            if (key.SequenceEqual("id"u8))
            {
                RpId = reader.ReadTextStringUtf8().ToArray();
            }
            else if (key.SequenceEqual("name"u8))
            {
                RpName = CborInput.CopyTruncated(reader.ReadTextStringUtf8(), AuthenticatorLimits.MaxStoredNameLength);
            }
            else if (key.SequenceEqual("icon"u8))
            {
                reader.ReadTextStringUtf8();
            }
            else
            {
                reader.SkipValue();
            }
        }

        reader.ReadEndMap();
    }

    private void ReadUser(ref CborReader reader)
    {
        HasUser = true;
        int pairs = reader.ReadStartMap();
        for (int i = 0; i < pairs; i++)
        {
            if (!CborInput.TryReadTextKey(ref reader, out ReadOnlySpan<byte> key))
            {
                reader.SkipValue();
                continue;
            }

            if (key.SequenceEqual("id"u8))
            {
                UserId = reader.ReadByteString().ToArray();
            }
            else if (key.SequenceEqual("name"u8))
            {
                UserName = CborInput.CopyTruncated(reader.ReadTextStringUtf8(), AuthenticatorLimits.MaxStoredNameLength);
            }
            else if (key.SequenceEqual("displayName"u8))
            {
                UserDisplayName = CborInput.CopyTruncated(reader.ReadTextStringUtf8(), AuthenticatorLimits.MaxStoredNameLength);
            }
            else if (key.SequenceEqual("icon"u8))
            {
                reader.ReadTextStringUtf8();
            }
            else
            {
                reader.SkipValue();
            }
        }

        reader.ReadEndMap();
    }

    private void ReadPubKeyCredParams(ref CborReader reader)
    {
        HasPubKeyCredParams = true;
        int count = reader.ReadStartArray();
        for (int i = 0; i < count; i++)
        {
            bool hasType = false;
            bool publicKey = false;
            bool hasAlgorithm = false;
            long algorithm = 0;
            int pairs = reader.ReadStartMap();
            for (int p = 0; p < pairs; p++)
            {
                if (!CborInput.TryReadTextKey(ref reader, out ReadOnlySpan<byte> key))
                {
                    reader.SkipValue();
                    continue;
                }

                if (key.SequenceEqual("alg"u8))
                {
                    algorithm = reader.ReadInt64();
                    hasAlgorithm = true;
                }
                else if (key.SequenceEqual("type"u8))
                {
                    hasType = true;
                    publicKey = reader.ReadTextStringUtf8().SequenceEqual("public-key"u8);
                }
                else
                {
                    reader.SkipValue();
                }
            }

            reader.ReadEndMap();
            if (!hasType || (publicKey && !hasAlgorithm))
            {
                if (PubKeyCredParamsStatus == CtapStatus.Ok)
                {
                    PubKeyCredParamsStatus = CtapStatus.MissingParameter;
                }
            }
            else if (publicKey && Algorithm == 0 && (algorithm == -7 || algorithm == -8))
            {
                Algorithm = algorithm;
            }
        }

        reader.ReadEndArray();
    }

    private void ReadExtensions(ref CborReader reader)
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
                HmacSecret = reader.ReadBoolean();
            }
            else if (key.SequenceEqual("credProtect"u8))
            {
                ulong level = reader.ReadUInt64();
                CredProtect = level is >= 1 and <= 3 ? (byte)level : (byte)0;
            }
            else if (key.SequenceEqual("credBlob"u8))
            {
                CredBlob = reader.ReadByteString().ToArray();
            }
            else if (key.SequenceEqual("largeBlobKey"u8))
            {
                LargeBlobKey = reader.ReadBoolean();
            }
            else if (key.SequenceEqual("minPinLength"u8))
            {
                MinPinLength = reader.ReadBoolean();
            }
            else
            {
                reader.SkipValue();
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
                ResidentKey = reader.ReadBoolean();
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

using System;
using Xous.Cbor;
using Xous.Vault.Pin;

namespace Xous.Vault.Ctap2;

/// <summary>authenticatorGetInfo (0x04), CTAP 2.1 §6.4: every member canonical and of the right CBOR type.</summary>
internal sealed class GetInfoCommand : ICtapCommand
{
    /// <summary>firmwareVersion (0x0E).</summary>
    public const ulong FirmwareVersion = 0x0001_0000;

    private readonly AuthenticatorContext _authenticator;

    public GetInfoCommand(AuthenticatorContext authenticator) => _authenticator = authenticator;

    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        IPinUvAuth pin = _authenticator.PinUvAuth;
        CborWriter writer = new(response);
        writer.WriteStartMap(17);

        writer.WriteUInt64(0x01);
        writer.WriteStartArray(pin.AlwaysUv ? 2 : 3);
        if (!pin.AlwaysUv)
        {
            writer.WriteTextString("U2F_V2");
        }

        writer.WriteTextString("FIDO_2_0");
        writer.WriteTextString("FIDO_2_1");
        writer.WriteEndArray();

        writer.WriteUInt64(0x02);
        writer.WriteStartArray(5);
        writer.WriteTextString("credBlob");
        writer.WriteTextString("credProtect");
        writer.WriteTextString("hmac-secret");
        writer.WriteTextString("largeBlobKey");
        writer.WriteTextString("minPinLength");
        writer.WriteEndArray();

        writer.WriteUInt64(0x03);
        writer.WriteByteString(_authenticator.Environment.Attestation.Aaguid);

        writer.WriteUInt64(0x04);
        writer.WriteStartMap(11);
        WriteOption(ref writer, "rk", true);
        WriteOption(ref writer, "up", true);
        WriteOption(ref writer, "plat", false);
        WriteOption(ref writer, "alwaysUv", pin.AlwaysUv);
        WriteOption(ref writer, "credMgmt", true);
        WriteOption(ref writer, "authnrCfg", true);
        WriteOption(ref writer, "clientPin", pin.IsPinSet);
        WriteOption(ref writer, "largeBlobs", true);
        WriteOption(ref writer, "pinUvAuthToken", true);
        WriteOption(ref writer, "setMinPINLength", true);
        WriteOption(ref writer, "makeCredUvNotRqd", !pin.AlwaysUv);
        writer.WriteEndMap();

        writer.WriteUInt64(0x05);
        writer.WriteUInt64(AuthenticatorLimits.MaxMessageSize);

        writer.WriteUInt64(0x06);
        writer.WriteStartArray(2);
        writer.WriteUInt64(2);
        writer.WriteUInt64(1);
        writer.WriteEndArray();

        writer.WriteUInt64(0x07);
        writer.WriteUInt64(AuthenticatorLimits.MaxCredentialCountInList);

        writer.WriteUInt64(0x08);
        writer.WriteUInt64(AuthenticatorLimits.MaxCredentialIdLength);

        writer.WriteUInt64(0x09);
        writer.WriteStartArray(1);
        writer.WriteTextString("usb");
        writer.WriteEndArray();

        writer.WriteUInt64(0x0A);
        writer.WriteStartArray(2);
        WriteAlgorithm(ref writer, -7);
        WriteAlgorithm(ref writer, -8);
        writer.WriteEndArray();

        writer.WriteUInt64(0x0B);
        writer.WriteUInt64(AuthenticatorLimits.MaxLargeBlobArray);

        writer.WriteUInt64(0x0C);
        writer.WriteBoolean(pin.ForcePinChange);

        writer.WriteUInt64(0x0D);
        writer.WriteUInt64((ulong)pin.MinPinLength);

        writer.WriteUInt64(0x0E);
        writer.WriteUInt64(FirmwareVersion);

        writer.WriteUInt64(0x0F);
        writer.WriteUInt64(AuthenticatorLimits.MaxCredBlobLength);

        writer.WriteUInt64(0x10);
        writer.WriteUInt64(AuthenticatorLimits.MaxRpIdsForSetMinPinLength);

        writer.WriteUInt64(0x14);
        writer.WriteUInt64((ulong)_authenticator.Residents.Remaining);

        writer.WriteEndMap();
        responseLength = writer.BytesWritten;
        return CtapStatus.Ok;
    }

    private static void WriteOption(ref CborWriter writer, string name, bool value)
    {
        writer.WriteTextString(name);
        writer.WriteBoolean(value);
    }

    private static void WriteAlgorithm(ref CborWriter writer, long algorithm)
    {
        writer.WriteStartMap(2);
        writer.WriteTextString("alg");
        writer.WriteInt64(algorithm);
        writer.WriteTextString("type");
        writer.WriteTextString("public-key");
        writer.WriteEndMap();
    }
}

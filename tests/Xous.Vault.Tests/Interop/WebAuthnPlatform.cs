using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;

namespace Xous.Vault.Tests.Interop;

/// <summary>What a registration produced, in the WebAuthn shapes a relying party receives.</summary>
internal sealed record Registration(byte[] CredentialId, byte[] ClientDataJson, byte[] AttestationObject, byte[] AuthenticatorData);

/// <summary>What an authentication produced, in the WebAuthn shapes a relying party receives.</summary>
internal sealed record Assertion(byte[] CredentialId, byte[] ClientDataJson, byte[] AuthenticatorData, byte[] Signature, byte[]? UserHandle);

/// <summary>
/// A small platform (the browser's role): builds clientDataJSON, calls makeCredential / getAssertion on the in-process
/// authenticator, and speaks PIN protocol 1 (ECDH P-256, AES-256-CBC, HMAC-SHA-256/16) to get a pinUvAuthToken.
/// </summary>
internal sealed class WebAuthnPlatform(InProcessAuthenticator authenticator)
{
    public const int Es256 = -7;
    public const int EdDsa = -8;

    private const byte MakeCredentialCommand = 0x01;
    private const byte GetAssertionCommand = 0x02;
    private const byte ClientPinCommand = 0x06;

    /// <summary>clientDataJSON as a browser writes it.</summary>
    public static byte[] ClientDataJson(string type, byte[] challenge, string origin) =>
        Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"challenge\":\"{Base64Url.EncodeToString(challenge)}\",\"origin\":\"{origin}\",\"crossOrigin\":false}}");

    /// <summary>navigator.credentials.create() against our authenticator.</summary>
    public Registration Register(string rpId, byte[] challenge, string origin, byte[] userId, bool resident = false,
        int algorithm = Es256, byte[]? pinToken = null)
    {
        byte[] clientDataJson = ClientDataJson("webauthn.create", challenge, origin);
        byte[] clientDataHash = SHA256.HashData(clientDataJson);
        CborWriter writer = CtapCbor.Writer();
        writer.WriteStartMap(null);
        writer.WriteInt32(1);
        writer.WriteByteString(clientDataHash);
        writer.WriteInt32(2);
        writer.WriteStartMap(null);
        writer.WriteTextString("id");
        writer.WriteTextString(rpId);
        writer.WriteTextString("name");
        writer.WriteTextString("Example RP");
        writer.WriteEndMap();
        writer.WriteInt32(3);
        writer.WriteStartMap(null);
        writer.WriteTextString("id");
        writer.WriteByteString(userId);
        writer.WriteTextString("name");
        writer.WriteTextString("alice");
        writer.WriteTextString("displayName");
        writer.WriteTextString("Alice");
        writer.WriteEndMap();
        writer.WriteInt32(4);
        writer.WriteStartArray(1);
        writer.WriteStartMap(null);
        writer.WriteTextString("alg");
        writer.WriteInt32(algorithm);
        writer.WriteTextString("type");
        writer.WriteTextString("public-key");
        writer.WriteEndMap();
        writer.WriteEndArray();
        if (resident)
        {
            writer.WriteInt32(7);
            writer.WriteStartMap(null);
            writer.WriteTextString("rk");
            writer.WriteBoolean(true);
            writer.WriteEndMap();
        }

        if (pinToken is not null)
        {
            writer.WriteInt32(8);
            writer.WriteByteString(PinProtocolOne.Authenticate(pinToken, clientDataHash));
            writer.WriteInt32(9);
            writer.WriteInt32(1);
        }

        writer.WriteEndMap();
        Dictionary<int, byte[]> response = CtapCbor.ReadIntegerMap(authenticator.SendOk(MakeCredentialCommand, writer.Encode()));
        Assert.Equal("packed", CtapCbor.Text(response[1]));
        byte[] authenticatorData = CtapCbor.Bytes(response[2]);
        int idLength = (authenticatorData[53] << 8) | authenticatorData[54];
        byte[] credentialId = authenticatorData[55..(55 + idLength)];
        return new Registration(credentialId, clientDataJson, CtapCbor.AttestationObjectWithStringKeys(response), authenticatorData);
    }

    /// <summary>navigator.credentials.get() against our authenticator (discoverable when no credential is given).</summary>
    public Assertion Authenticate(string rpId, byte[] challenge, string origin, byte[]? credentialId,
        bool userPresence = true, byte[]? pinToken = null)
    {
        byte[] clientDataJson = ClientDataJson("webauthn.get", challenge, origin);
        byte[] clientDataHash = SHA256.HashData(clientDataJson);
        CborWriter writer = CtapCbor.Writer();
        writer.WriteStartMap(null);
        writer.WriteInt32(1);
        writer.WriteTextString(rpId);
        writer.WriteInt32(2);
        writer.WriteByteString(clientDataHash);
        if (credentialId is not null)
        {
            writer.WriteInt32(3);
            writer.WriteStartArray(1);
            writer.WriteStartMap(null);
            writer.WriteTextString("id");
            writer.WriteByteString(credentialId);
            writer.WriteTextString("type");
            writer.WriteTextString("public-key");
            writer.WriteEndMap();
            writer.WriteEndArray();
        }

        if (!userPresence)
        {
            writer.WriteInt32(5);
            writer.WriteStartMap(null);
            writer.WriteTextString("up");
            writer.WriteBoolean(false);
            writer.WriteEndMap();
        }

        if (pinToken is not null)
        {
            writer.WriteInt32(6);
            writer.WriteByteString(PinProtocolOne.Authenticate(pinToken, clientDataHash));
            writer.WriteInt32(7);
            writer.WriteInt32(1);
        }

        writer.WriteEndMap();
        Dictionary<int, byte[]> response = CtapCbor.ReadIntegerMap(authenticator.SendOk(GetAssertionCommand, writer.Encode()));
        byte[] usedId = CtapCbor.Bytes(CtapCbor.TextKey(response[1], "id")!);
        byte[]? userHandle = response.TryGetValue(4, out byte[]? user) ? CtapCbor.Bytes(CtapCbor.TextKey(user, "id")!) : null;
        return new Assertion(usedId, clientDataJson, CtapCbor.Bytes(response[2]), CtapCbor.Bytes(response[3]), userHandle);
    }

    /// <summary>Sets the PIN (clientPIN setPIN, protocol 1).</summary>
    public void SetPin(string pin)
    {
        using var session = new PinProtocolOne(authenticator);
        byte[] padded = new byte[64];
        Encoding.UTF8.GetBytes(pin).CopyTo(padded, 0);
        byte[] newPinEnc = session.Encrypt(padded);
        CborWriter writer = CtapCbor.Writer();
        writer.WriteStartMap(null);
        writer.WriteInt32(1);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(3);
        writer.WriteInt32(3);
        session.WritePlatformKey(writer);
        writer.WriteInt32(4);
        writer.WriteByteString(PinProtocolOne.Authenticate(session.SharedSecret, newPinEnc));
        writer.WriteInt32(5);
        writer.WriteByteString(newPinEnc);
        writer.WriteEndMap();
        authenticator.SendOk(ClientPinCommand, writer.Encode());
    }

    /// <summary>getPinUvAuthTokenUsingPinWithPermissions (protocol 1).</summary>
    public byte[] GetPinToken(string pin, int permissions, string rpId)
    {
        using var session = new PinProtocolOne(authenticator);
        byte[] pinHash = SHA256.HashData(Encoding.UTF8.GetBytes(pin))[..16];
        CborWriter writer = CtapCbor.Writer();
        writer.WriteStartMap(null);
        writer.WriteInt32(1);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(9);
        writer.WriteInt32(3);
        session.WritePlatformKey(writer);
        writer.WriteInt32(6);
        writer.WriteByteString(session.Encrypt(pinHash));
        writer.WriteInt32(9);
        writer.WriteInt32(permissions);
        writer.WriteInt32(10);
        writer.WriteTextString(rpId);
        writer.WriteEndMap();
        Dictionary<int, byte[]> response = CtapCbor.ReadIntegerMap(authenticator.SendOk(ClientPinCommand, writer.Encode()));
        return session.Decrypt(CtapCbor.Bytes(response[2]));
    }
}

/// <summary>PIN/UV auth protocol 1 from the platform side, with System.Security.Cryptography.</summary>
internal sealed class PinProtocolOne : IDisposable
{
    private readonly ECDiffieHellman _platformKey = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>getKeyAgreement, then ECDH and SHA-256 of the shared x-coordinate.</summary>
    public PinProtocolOne(InProcessAuthenticator authenticator)
    {
        CborWriter writer = CtapCbor.Writer();
        writer.WriteStartMap(null);
        writer.WriteInt32(1);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(2);
        writer.WriteEndMap();
        Dictionary<int, byte[]> response = CtapCbor.ReadIntegerMap(authenticator.SendOk(0x06, writer.Encode()));
        var reader = new CborReader(response[1], CborConformanceMode.Ctap2Canonical);
        byte[]? x = null;
        byte[]? y = null;
        int? count = reader.ReadStartMap();
        for (int i = 0; i < count; i++)
        {
            int key = reader.ReadInt32();
            switch (key)
            {
                case -2:
                    x = reader.ReadByteString();
                    break;
                case -3:
                    y = reader.ReadByteString();
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        using var peer = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        byte[] z = _platformKey.DeriveRawSecretAgreement(peer.PublicKey);
        SharedSecret = SHA256.HashData(z);
        CryptographicOperations.ZeroMemory(z);
    }

    /// <summary>SHA-256(Z).</summary>
    public byte[] SharedSecret { get; }

    /// <summary>HMAC-SHA-256 truncated to 16 bytes.</summary>
    public static byte[] Authenticate(byte[] key, byte[] message) => HMACSHA256.HashData(key, message)[..16];

    /// <summary>AES-256-CBC, zero IV, no padding.</summary>
    public byte[] Encrypt(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = SharedSecret;
        return aes.EncryptCbc(plaintext, new byte[16], PaddingMode.None);
    }

    /// <summary>AES-256-CBC, zero IV, no padding.</summary>
    public byte[] Decrypt(byte[] ciphertext)
    {
        using var aes = Aes.Create();
        aes.Key = SharedSecret;
        return aes.DecryptCbc(ciphertext, new byte[16], PaddingMode.None);
    }

    /// <summary>The platform's COSE key {1:2, 3:-25, -1:1, -2:x, -3:y}.</summary>
    public void WritePlatformKey(CborWriter writer)
    {
        ECParameters parameters = _platformKey.ExportParameters(false);
        writer.WriteStartMap(null);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(3);
        writer.WriteInt32(-25);
        writer.WriteInt32(-1);
        writer.WriteInt32(1);
        writer.WriteInt32(-2);
        writer.WriteByteString(parameters.Q.X!);
        writer.WriteInt32(-3);
        writer.WriteByteString(parameters.Q.Y!);
        writer.WriteEndMap();
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(SharedSecret);
        _platformKey.Dispose();
    }
}

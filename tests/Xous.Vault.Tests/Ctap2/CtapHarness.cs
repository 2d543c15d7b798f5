using System.Formats.Cbor;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Xous.Vault.Ctap2;
using Xous.Vault.Environment;

namespace Xous.Vault.Tests.Ctap2;

/// <summary>One authenticator over RAM fakes, driven directly; requests built and responses decoded with System.Formats.Cbor (Ctap2Canonical).</summary>
public sealed class CtapHarness
{
    public CtapHarness(int seed = 1, bool realPin = false)
    {
        Entropy = new InsecureDeterministicEntropy(seed);
        Environment = new VaultEnvironment(Store, Entropy, Clock, Presence, TestAttestation.Material);
        RealPin = realPin;
        Authenticator = Create();
    }

    /// <summary>Whether the authenticator runs with the real PinSubsystem (the one-argument constructor).</summary>
    public bool RealPin { get; }

    public RamVaultStore Store { get; } = new();

    public FakeClock Clock { get; } = new();

    public ScriptedUserPresence Presence { get; } = new();

    public InsecureDeterministicEntropy Entropy { get; }

    public FakePinUvAuth Pin { get; } = new();

    public RecordingCommand ClientPin { get; } = new();

    public RecordingCommand LargeBlobs { get; } = new();

    public RecordingCommand Config { get; } = new();

    public DirectRequestContext Context { get; } = new();

    public VaultEnvironment Environment { get; }

    public CtapAuthenticator Authenticator { get; private set; }

    private CtapAuthenticator Create() => RealPin ? new(Environment) : new(Environment, Pin, ClientPin, LargeBlobs, Config);

    /// <summary>Drops uncommitted writes and starts a new authenticator with the clock at 0.</summary>
    public void PowerCycle()
    {
        Store.PowerCycle();
        Clock.ElapsedMilliseconds = 0;
        Authenticator = Create();
    }

    public (CtapStatus Status, byte[] Body) SendRaw(byte[] request)
    {
        byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
        int length = Authenticator.ProcessCbor(request, response, Context);
        Assert.InRange(length, 1, response.Length);
        return ((CtapStatus)response[0], response[1..length]);
    }

    public (CtapStatus Status, Dictionary<object, object>? Map) Send(byte command, byte[]? parameters = null)
    {
        byte[] request = [command, .. parameters ?? []];
        (CtapStatus status, byte[] body) = SendRaw(request);
        if (status != CtapStatus.Ok)
        {
            Assert.Empty(body);
            return (status, null);
        }

        return (status, body.Length == 0 ? null : (Dictionary<object, object>)CborValue.Decode(body));
    }

    public Dictionary<object, object> Ok(byte command, byte[]? parameters = null)
    {
        (CtapStatus status, Dictionary<object, object>? map) = Send(command, parameters);
        Assert.Equal(CtapStatus.Ok, status);
        return map!;
    }

    public static byte[] Cdh(byte fill = 0x11) => [.. new byte[32].AsSpan().ToArray().Select(_ => fill)];

    /// <summary>A makeCredential request; options and extensions only when given.</summary>
    public static byte[] MakeCredentialRequest(
        string rpId = "example.com", byte[]? userId = null, long[]? algorithms = null, bool? rk = null, bool? up = null, bool? uv = null,
        List<byte[]>? exclude = null, Dictionary<object, object>? extensions = null, byte[]? pinUvAuthParam = null, ulong? protocol = null,
        byte[]? clientDataHash = null, string userName = "alice", string displayName = "Alice A.")
    {
        Dictionary<object, object> request = new()
        {
            [1L] = clientDataHash ?? Cdh(),
            [2L] = new Dictionary<object, object> { ["id"] = rpId, ["name"] = "Example" },
            [3L] = new Dictionary<object, object> { ["id"] = userId ?? [1, 2, 3, 4], ["name"] = userName, ["displayName"] = displayName },
            [4L] = (algorithms ?? [-7]).Select(a => (object)new Dictionary<object, object> { ["alg"] = a, ["type"] = "public-key" }).ToList(),
        };
        if (exclude is not null)
        {
            request[5L] = Descriptors(exclude);
        }

        if (extensions is not null)
        {
            request[6L] = extensions;
        }

        if (Options(rk, up, uv) is { } options)
        {
            request[7L] = options;
        }

        if (pinUvAuthParam is not null)
        {
            request[8L] = pinUvAuthParam;
        }

        if (protocol is not null)
        {
            request[9L] = (long)protocol.Value;
        }

        return CborValue.Encode(request);
    }

    public static byte[] GetAssertionRequest(
        string rpId = "example.com", List<byte[]>? allow = null, bool? up = null, bool? uv = null, bool? rk = null,
        Dictionary<object, object>? extensions = null, byte[]? pinUvAuthParam = null, ulong? protocol = null, byte[]? clientDataHash = null)
    {
        Dictionary<object, object> request = new()
        {
            [1L] = rpId,
            [2L] = clientDataHash ?? Cdh(0x22),
        };
        if (allow is not null)
        {
            request[3L] = Descriptors(allow);
        }

        if (extensions is not null)
        {
            request[4L] = extensions;
        }

        if (Options(rk, up, uv) is { } options)
        {
            request[5L] = options;
        }

        if (pinUvAuthParam is not null)
        {
            request[6L] = pinUvAuthParam;
        }

        if (protocol is not null)
        {
            request[7L] = (long)protocol.Value;
        }

        return CborValue.Encode(request);
    }

    private static Dictionary<object, object>? Options(bool? rk, bool? up, bool? uv)
    {
        if (rk is null && up is null && uv is null)
        {
            return null;
        }

        Dictionary<object, object> options = [];
        if (rk is not null)
        {
            options["rk"] = rk.Value;
        }

        if (up is not null)
        {
            options["up"] = up.Value;
        }

        if (uv is not null)
        {
            options["uv"] = uv.Value;
        }

        return options;
    }

    public static List<object> Descriptors(List<byte[]> ids) =>
        ids.Select(id => (object)new Dictionary<object, object> { ["id"] = id, ["type"] = "public-key" }).ToList();

    /// <summary>Verifies a DER ECDSA P-256 signature over SHA-256(message) with BouncyCastle.</summary>
    public static bool VerifyEs256(ECPublicKeyParameters publicKey, byte[] message, byte[] signature)
    {
        ISigner signer = SignerUtilities.GetSigner("SHA-256withECDSA");
        signer.Init(false, publicKey);
        signer.BlockUpdate(message, 0, message.Length);
        return signer.VerifySignature(signature);
    }

    public static ECPublicKeyParameters Es256Key(byte[] x, byte[] y)
    {
        var curve = SecNamedCurves.GetByName("secp256r1");
        ECDomainParameters domain = new(curve.Curve, curve.G, curve.N, curve.H);
        var point = curve.Curve.CreatePoint(new Org.BouncyCastle.Math.BigInteger(1, x), new Org.BouncyCastle.Math.BigInteger(1, y));
        return new ECPublicKeyParameters(point, domain);
    }

    public static bool VerifyEd25519(byte[] publicKey, byte[] message, byte[] signature)
    {
        Ed25519Signer signer = new();
        signer.Init(false, new Ed25519PublicKeyParameters(publicKey));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.VerifySignature(signature);
    }

    /// <summary>Verifies an assertion/attestation signature with the credential's COSE public key.</summary>
    public static bool VerifyWithCose(Dictionary<object, object> cose, byte[] message, byte[] signature)
    {
        long algorithm = (long)cose[3L];
        return algorithm == -8
            ? VerifyEd25519((byte[])cose[-2L], message, signature)
            : VerifyEs256(Es256Key((byte[])cose[-2L], (byte[])cose[-3L]), message, signature);
    }
}

/// <summary>Parsed authenticator data.</summary>
public sealed class AuthenticatorData
{
    public AuthenticatorData(byte[] data)
    {
        Raw = data;
        RpIdHash = data[..32];
        Flags = data[32];
        Counter = (uint)((data[33] << 24) | (data[34] << 16) | (data[35] << 8) | data[36]);
        int position = 37;
        if ((Flags & 0x40) != 0)
        {
            Aaguid = data[37..53];
            int length = (data[53] << 8) | data[54];
            CredentialId = data[55..(55 + length)];
            position = 55 + length;
            CborReader reader = new(data.AsMemory(position), CborConformanceMode.Ctap2Canonical, allowMultipleRootLevelValues: true);
            PublicKey = (Dictionary<object, object>)CborValue.Read(reader);
            position = data.Length - reader.BytesRemaining;
        }

        if ((Flags & 0x80) != 0)
        {
            CborReader reader = new(data.AsMemory(position), CborConformanceMode.Ctap2Canonical);
            Extensions = (Dictionary<object, object>)CborValue.Read(reader);
            position = data.Length - reader.BytesRemaining;
        }

        Assert.Equal(data.Length, position);
    }

    public byte[] Raw { get; }

    public byte[] RpIdHash { get; }

    public byte Flags { get; }

    public uint Counter { get; }

    public byte[]? Aaguid { get; }

    public byte[]? CredentialId { get; }

    public Dictionary<object, object>? PublicKey { get; }

    public Dictionary<object, object>? Extensions { get; }
}

/// <summary>Decodes CBOR (Ctap2Canonical, so non-canonical output fails) into long/byte[]/string/bool/List/Dictionary.</summary>
public static class CborValue
{
    /// <summary>Encodes long/int/byte[]/string/bool/List/Dictionary canonically (System.Formats.Cbor sorts map keys).</summary>
    public static byte[] Encode(object value)
    {
        CborWriter writer = new(CborConformanceMode.Ctap2Canonical);
        Write(writer, value);
        return writer.Encode();
    }

    public static void Write(CborWriter writer, object value)
    {
        switch (value)
        {
            case long number:
                writer.WriteInt64(number);
                break;
            case int number:
                writer.WriteInt64(number);
                break;
            case byte[] bytes:
                writer.WriteByteString(bytes);
                break;
            case string text:
                writer.WriteTextString(text);
                break;
            case bool flag:
                writer.WriteBoolean(flag);
                break;
            case List<object> list:
                writer.WriteStartArray(list.Count);
                foreach (object item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case Dictionary<object, object> map:
                writer.WriteStartMap(map.Count);
                foreach (var (key, item) in map)
                {
                    Write(writer, key);
                    Write(writer, item);
                }

                writer.WriteEndMap();
                break;
            default:
                throw new ArgumentException($"cannot encode {value}");
        }
    }

    public static object Decode(byte[] data)
    {
        CborReader reader = new(data, CborConformanceMode.Ctap2Canonical);
        object value = Read(reader);
        Assert.Equal(0, reader.BytesRemaining);
        return value;
    }

    public static object Read(CborReader reader)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger:
            case CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.ByteString:
                return reader.ReadByteString();
            case CborReaderState.TextString:
                return reader.ReadTextString();
            case CborReaderState.Boolean:
                return reader.ReadBoolean();
            case CborReaderState.StartArray:
                List<object> list = [];
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    list.Add(Read(reader));
                }

                reader.ReadEndArray();
                return list;
            case CborReaderState.StartMap:
                Dictionary<object, object> map = [];
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    object key = Read(reader);
                    map[key] = Read(reader);
                }

                reader.ReadEndMap();
                return map;
            default:
                throw new InvalidOperationException($"unexpected CBOR {reader.PeekState()}");
        }
    }
}

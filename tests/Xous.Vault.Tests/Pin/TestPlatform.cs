using System.Formats.Cbor;
using System.Text;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Xous.Vault.Tests.Pin;

/// <summary>
/// The platform side of the PIN/UV auth protocols written independently with BouncyCastle and System.Formats.Cbor:
/// key agreement, the KDFs, AES-256-CBC, HMAC, and the clientPIN requests built as CTAP2-canonical CBOR.
/// </summary>
internal sealed class TestPlatform
{
    private static readonly X9ECParameters s_curve = ECNamedCurveTable.GetByName("secp256r1");
    private static readonly ECDomainParameters s_domain = new(s_curve);
    private readonly SecureRandom _random = new();

    public TestPlatform(PinDevice device, ulong protocol)
    {
        Device = device;
        Protocol = protocol;
    }

    public PinDevice Device { get; }

    public ulong Protocol { get; }

    /// <summary>The platform's COSE key of the last key agreement.</summary>
    public byte[] PlatformCoseKey { get; private set; } = [];

    /// <summary>The shared secret of the last key agreement.</summary>
    public byte[] SharedSecret { get; private set; } = [];

    public (CtapStatus Status, byte[] Body) ClientPin(byte[] parameters) => PinDevice.Send(Device.Pin.ClientPin, parameters);

    /// <summary>getKeyAgreement; returns the authenticator's (x, y).</summary>
    public (byte[] X, byte[] Y) GetKeyAgreement()
    {
        var (status, body) = ClientPin(Map((1, Protocol), (2, 2UL)));
        Assert.Equal(CtapStatus.Ok, status);
        var reader = new CborReader(body, CborConformanceMode.Ctap2Canonical);
        Assert.Equal(1, reader.ReadStartMap());
        Assert.Equal(1UL, reader.ReadUInt64());
        return ReadCoseKey(ref reader);
    }

    /// <summary>Reads a COSE EC2 key and checks its fields.</summary>
    public static (byte[] X, byte[] Y) ReadCoseKey(ref CborReader reader)
    {
        Assert.Equal(5, reader.ReadStartMap());
        Assert.Equal(1, reader.ReadInt32());
        Assert.Equal(2, reader.ReadInt32());
        Assert.Equal(3, reader.ReadInt32());
        Assert.Equal(-25, reader.ReadInt32());
        Assert.Equal(-1, reader.ReadInt32());
        Assert.Equal(1, reader.ReadInt32());
        Assert.Equal(-2, reader.ReadInt32());
        byte[] x = reader.ReadByteString();
        Assert.Equal(-3, reader.ReadInt32());
        byte[] y = reader.ReadByteString();
        reader.ReadEndMap();
        Assert.Equal(32, x.Length);
        Assert.Equal(32, y.Length);
        return (x, y);
    }

    /// <summary>Runs getKeyAgreement and ECDH; sets <see cref="PlatformCoseKey"/> and <see cref="SharedSecret"/>.</summary>
    public void Agree()
    {
        var (x, y) = GetKeyAgreement();
        AgreeWith(x, y);
    }

    /// <summary>ECDH with a given authenticator key.</summary>
    public void AgreeWith(byte[] x, byte[] y)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(s_domain, _random));
        AsymmetricCipherKeyPair pair = generator.GenerateKeyPair();
        var publicKey = (ECPublicKeyParameters)pair.Public;
        var agreement = new ECDHBasicAgreement();
        agreement.Init(pair.Private);
        var peer = new ECPublicKeyParameters(s_curve.Curve.CreatePoint(new BigInteger(1, x), new BigInteger(1, y)), s_domain);
        byte[] z = BigIntegers.AsUnsignedByteArray(32, agreement.CalculateAgreement(peer));
        SharedSecret = Kdf(Protocol, z);
        PlatformCoseKey = CoseKey(
            BigIntegers.AsUnsignedByteArray(32, publicKey.Q.Normalize().AffineXCoord.ToBigInteger()),
            BigIntegers.AsUnsignedByteArray(32, publicKey.Q.Normalize().AffineYCoord.ToBigInteger()));
    }

    public static byte[] CoseKey(byte[] x, byte[] y, int keyType = 2, int curve = 1)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(5);
        writer.WriteInt32(1);
        writer.WriteInt32(keyType);
        writer.WriteInt32(3);
        writer.WriteInt32(-25);
        writer.WriteInt32(-1);
        writer.WriteInt32(curve);
        writer.WriteInt32(-2);
        writer.WriteByteString(x);
        writer.WriteInt32(-3);
        writer.WriteByteString(y);
        writer.WriteEndMap();
        return writer.Encode();
    }

    public static byte[] Kdf(ulong protocol, byte[] z)
    {
        if (protocol == 1)
        {
            return Sha256(z);
        }

        return [.. Hkdf(z, "CTAP2 HMAC key"), .. Hkdf(z, "CTAP2 AES key")];
    }

    private static byte[] Hkdf(byte[] z, string info)
    {
        var hkdf = new HkdfBytesGenerator(new Sha256Digest());
        hkdf.Init(new HkdfParameters(z, new byte[32], Encoding.ASCII.GetBytes(info)));
        byte[] output = new byte[32];
        hkdf.GenerateBytes(output, 0, 32);
        return output;
    }

    public static byte[] Sha256(byte[] data)
    {
        var digest = new Sha256Digest();
        digest.BlockUpdate(data, 0, data.Length);
        byte[] output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] Hmac(byte[] key, byte[] message)
    {
        var hmac = new HMac(new Sha256Digest());
        hmac.Init(new KeyParameter(key));
        hmac.BlockUpdate(message, 0, message.Length);
        byte[] output = new byte[32];
        hmac.DoFinal(output, 0);
        return output;
    }

    /// <summary>authenticate(key, message) with a token or the HMAC part of a shared secret.</summary>
    public static byte[] Authenticate(ulong protocol, byte[] key, byte[] message) =>
        protocol == 1 ? Hmac(key, message)[..16] : Hmac(key[..32], message);

    public byte[] AuthenticateShared(byte[] message) => Authenticate(Protocol, SharedSecret[..32], message);

    public static byte[] AesCbc(bool encrypt, byte[] key, byte[] iv, byte[] data)
    {
        var cipher = new CbcBlockCipher(new AesEngine());
        cipher.Init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] output = new byte[data.Length];
        for (int offset = 0; offset < data.Length; offset += 16)
        {
            cipher.ProcessBlock(data, offset, output, offset);
        }

        return output;
    }

    public static byte[] Encrypt(ulong protocol, byte[] shared, byte[] plaintext)
    {
        if (protocol == 1)
        {
            return AesCbc(true, shared[..32], new byte[16], plaintext);
        }

        byte[] iv = new byte[16];
        Random.Shared.NextBytes(iv);
        return [.. iv, .. AesCbc(true, shared[32..], iv, plaintext)];
    }

    public static byte[] Decrypt(ulong protocol, byte[] shared, byte[] ciphertext) =>
        protocol == 1 ? AesCbc(false, shared[..32], new byte[16], ciphertext) : AesCbc(false, shared[32..], ciphertext[..16], ciphertext[16..]);

    public byte[] Encrypt(byte[] plaintext) => Encrypt(Protocol, SharedSecret, plaintext);

    public static byte[] Pad(string pin, int length = 64)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(pin);
        byte[] padded = new byte[Math.Max(length, utf8.Length)];
        utf8.CopyTo(padded, 0);
        return padded;
    }

    public static byte[] PinHash(string pin) => Sha256(Encoding.UTF8.GetBytes(pin))[..16];

    /// <summary>setPIN with a padded PIN; <paramref name="tamper"/> flips a bit of pinUvAuthParam.</summary>
    public CtapStatus SetPinPadded(byte[] padded, bool tamper = false)
    {
        Agree();
        byte[] newPinEnc = Encrypt(padded);
        byte[] auth = AuthenticateShared(newPinEnc);
        if (tamper)
        {
            auth[0] ^= 1;
        }

        return ClientPin(Map((1, Protocol), (2, 3UL), (3, new RawCbor(PlatformCoseKey)), (4, auth), (5, newPinEnc))).Status;
    }

    public CtapStatus SetPin(string pin) => SetPinPadded(Pad(pin));

    public CtapStatus ChangePin(string current, string next) => ChangePinPadded(current, Pad(next));

    public CtapStatus ChangePinPadded(string current, byte[] paddedNext)
    {
        Agree();
        byte[] newPinEnc = Encrypt(paddedNext);
        byte[] pinHashEnc = Encrypt(PinHash(current));
        byte[] auth = AuthenticateShared([.. newPinEnc, .. pinHashEnc]);
        return ClientPin(Map((1, Protocol), (2, 4UL), (3, new RawCbor(PlatformCoseKey)), (4, auth), (5, newPinEnc), (6, pinHashEnc))).Status;
    }

    /// <summary>getPinUvAuthTokenUsingPinWithPermissions (or legacy getPinToken when permissions is null); the decrypted token.</summary>
    public (CtapStatus Status, byte[] Token) GetToken(string pin, ulong? permissions, string? rpId = null)
    {
        Agree();
        byte[] pinHashEnc = Encrypt(PinHash(pin));
        byte[] request = permissions == null
            ? Map((1, Protocol), (2, 5UL), (3, new RawCbor(PlatformCoseKey)), (6, pinHashEnc))
            : rpId == null
                ? Map((1, Protocol), (2, 9UL), (3, new RawCbor(PlatformCoseKey)), (6, pinHashEnc), (9, permissions.Value))
                : Map((1, Protocol), (2, 9UL), (3, new RawCbor(PlatformCoseKey)), (6, pinHashEnc), (9, permissions.Value), (10, rpId));
        var (status, body) = ClientPin(request);
        if (status != CtapStatus.Ok)
        {
            Assert.Empty(body);
            return (status, []);
        }

        var reader = new CborReader(body, CborConformanceMode.Ctap2Canonical);
        Assert.Equal(1, reader.ReadStartMap());
        Assert.Equal(2UL, reader.ReadUInt64());
        byte[] encrypted = reader.ReadByteString();
        Assert.Equal(Protocol == 1 ? 32 : 48, encrypted.Length);
        return (status, Decrypt(Protocol, SharedSecret, encrypted));
    }

    public (int Retries, bool PowerCycleState) GetRetries()
    {
        var (status, body) = ClientPin(Map((1, Protocol), (2, 1UL)));
        Assert.Equal(CtapStatus.Ok, status);
        var reader = new CborReader(body, CborConformanceMode.Ctap2Canonical);
        Assert.Equal(2, reader.ReadStartMap());
        Assert.Equal(3UL, reader.ReadUInt64());
        int retries = (int)reader.ReadUInt64();
        Assert.Equal(4UL, reader.ReadUInt64());
        bool powerCycle = reader.ReadBoolean();
        reader.ReadEndMap();
        return (retries, powerCycle);
    }

    /// <summary>Builds a CBOR map with unsigned keys; values are ulong, byte[], string, bool, a raw CBOR item (<see cref="RawCbor"/>) or string[].</summary>
    public static byte[] Map(params (ulong Key, object Value)[] entries)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(entries.Length);
        foreach (var (key, value) in entries)
        {
            writer.WriteUInt64(key);
            WriteValue(writer, value);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    private static void WriteValue(CborWriter writer, object value)
    {
        switch (value)
        {
            case ulong number:
                writer.WriteUInt64(number);
                break;
            case int number:
                writer.WriteInt32(number);
                break;
            case bool flag:
                writer.WriteBoolean(flag);
                break;
            case string text:
                writer.WriteTextString(text);
                break;
            case string[] texts:
                writer.WriteStartArray(texts.Length);
                foreach (string text in texts)
                {
                    writer.WriteTextString(text);
                }

                writer.WriteEndArray();
                break;
            case RawCbor raw:
                writer.WriteEncodedValue(raw.Bytes);
                break;
            case byte[] bytes:
                writer.WriteByteString(bytes);
                break;
            default:
                throw new ArgumentException("unsupported value", nameof(value));
        }
    }
}

/// <summary>An already encoded CBOR item to embed in <see cref="TestPlatform.Map"/>.</summary>
internal sealed record RawCbor(byte[] Bytes);

using System.Text;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Xous.Vault.Tests.Ctap2;

/// <summary>
/// The credential commands over the real PinSubsystem (one-argument constructor), with the platform side of PIN/UV
/// auth protocols 1 and 2 written here on BouncyCastle: set a PIN, get a token, use it for makeCredential,
/// getAssertion, hmac-secret and credentialManagement, then reset.
/// </summary>
public sealed class RealPinIntegrationTests
{
    private static readonly X9ECParameters s_curve = ECNamedCurveTable.GetByName("secp256r1");
    private static readonly ECDomainParameters s_domain = new(s_curve);

    private sealed class Platform(CtapHarness harness, ulong protocol)
    {
        public byte[] Shared { get; private set; } = [];

        public Dictionary<object, object> PlatformKey { get; private set; } = [];

        public void Agree()
        {
            Dictionary<object, object> response = harness.Ok(0x06, CborValue.Encode(new Dictionary<object, object> { [1L] = (long)protocol, [2L] = 2L }));
            var key = (Dictionary<object, object>)response[1L];
            ECKeyPairGenerator generator = new();
            generator.Init(new ECKeyGenerationParameters(s_domain, new SecureRandom()));
            var pair = generator.GenerateKeyPair();
            ECDHBasicAgreement agreement = new();
            agreement.Init(pair.Private);
            var peer = new ECPublicKeyParameters(s_curve.Curve.CreatePoint(new BigInteger(1, (byte[])key[-2L]), new BigInteger(1, (byte[])key[-3L])), s_domain);
            byte[] z = BigIntegers.AsUnsignedByteArray(32, agreement.CalculateAgreement(peer));
            Shared = protocol == 1 ? System.Security.Cryptography.SHA256.HashData(z) : [.. Hkdf(z, "CTAP2 HMAC key"), .. Hkdf(z, "CTAP2 AES key")];
            var q = ((ECPublicKeyParameters)pair.Public).Q.Normalize();
            PlatformKey = new Dictionary<object, object>
            {
                [1L] = 2L,
                [3L] = -25L,
                [-1L] = 1L,
                [-2L] = BigIntegers.AsUnsignedByteArray(32, q.AffineXCoord.ToBigInteger()),
                [-3L] = BigIntegers.AsUnsignedByteArray(32, q.AffineYCoord.ToBigInteger()),
            };
        }

        public byte[] Encrypt(byte[] plaintext) => FakePinUvAuth.Encrypt(protocol, Shared, plaintext, RandomNumberGenerator16());

        public byte[] Authenticate(byte[] key, byte[] message) => FakePinUvAuth.Mac(key[..32], protocol, message);

        public void SetPin(string pin)
        {
            Agree();
            byte[] padded = new byte[64];
            Encoding.UTF8.GetBytes(pin).CopyTo(padded, 0);
            byte[] newPinEnc = Encrypt(padded);
            harness.Ok(0x06, CborValue.Encode(new Dictionary<object, object>
            {
                [1L] = (long)protocol,
                [2L] = 3L,
                [3L] = PlatformKey,
                [4L] = Authenticate(Shared, newPinEnc),
                [5L] = newPinEnc,
            }));
        }

        public byte[] GetToken(string pin, long permissions, string rpId)
        {
            Agree();
            byte[] pinHash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(pin))[..16];
            Dictionary<object, object> response = harness.Ok(0x06, CborValue.Encode(new Dictionary<object, object>
            {
                [1L] = (long)protocol,
                [2L] = 9L,
                [3L] = PlatformKey,
                [6L] = Encrypt(pinHash),
                [9L] = permissions,
                [10L] = rpId,
            }));
            return FakePinUvAuth.Decrypt(protocol, Shared, (byte[])response[2L])!;
        }

        private static byte[] RandomNumberGenerator16() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);

        private static byte[] Hkdf(byte[] z, string info)
        {
            HkdfBytesGenerator hkdf = new(new Sha256Digest());
            hkdf.Init(new HkdfParameters(z, new byte[32], Encoding.ASCII.GetBytes(info)));
            byte[] output = new byte[32];
            hkdf.GenerateBytes(output, 0, 32);
            return output;
        }
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void PinTokenDrivesTheCredentialCommands(ulong protocol)
    {
        CtapHarness harness = new(realPin: true);
        Platform platform = new(harness, protocol);
        Assert.Equal(false, ((Dictionary<object, object>)harness.Ok(0x04)[4L])["clientPin"]);
        platform.SetPin("4711");
        Assert.Equal(true, ((Dictionary<object, object>)harness.Ok(0x04)[4L])["clientPin"]);

        Assert.Equal(CtapStatus.PinUvAuthTokenRequired, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rk: true)).Status);
        byte[] token = platform.GetToken("4711", 0x01 | 0x02 | 0x04, "example.com");
        Dictionary<object, object> made = harness.Ok(0x01, CtapHarness.MakeCredentialRequest(
            rk: true, extensions: new() { ["hmac-secret"] = true }, pinUvAuthParam: platform.Authenticate(token, CtapHarness.Cdh()), protocol: protocol));
        AuthenticatorData authData = new((byte[])made[2L]);
        Assert.Equal(0xC5, authData.Flags);
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x01, CtapHarness.MakeCredentialRequest(
            rpId: "other.example", pinUvAuthParam: platform.Authenticate(token, CtapHarness.Cdh()), protocol: protocol)).Status);

        // CTAP 2.1: the token authorised one makeCredential; afterwards it keeps only lbw, so reusing it is refused.
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x01, CtapHarness.MakeCredentialRequest(
            pinUvAuthParam: platform.Authenticate(token, CtapHarness.Cdh()), protocol: protocol)).Status);
        token = platform.GetToken("4711", 0x02 | 0x04, "example.com");

        byte[] salt = Enumerable.Repeat((byte)0x33, 32).ToArray();
        byte[] HmacSecret(byte[]? pinUvAuthParam)
        {
            platform.Agree();
            byte[] saltEnc = platform.Encrypt(salt);
            Dictionary<object, object> extensions = new()
            {
                ["hmac-secret"] = new Dictionary<object, object>
                {
                    [1L] = platform.PlatformKey,
                    [2L] = saltEnc,
                    [3L] = platform.Authenticate(platform.Shared, saltEnc),
                    [4L] = (long)protocol,
                },
            };
            Dictionary<object, object> assertion = harness.Ok(0x02, CtapHarness.GetAssertionRequest(
                extensions: extensions, pinUvAuthParam: pinUvAuthParam, protocol: pinUvAuthParam is null ? null : protocol));
            Assert.True(CtapHarness.VerifyWithCose(authData.PublicKey!, [.. (byte[])assertion[2L], .. CtapHarness.Cdh(0x22)], (byte[])assertion[3L]));
            byte[] output = FakePinUvAuth.Decrypt(protocol, platform.Shared, (byte[])new AuthenticatorData((byte[])assertion[2L]).Extensions!["hmac-secret"])!;
            Assert.Equal(32, output.Length);
            return output;
        }

        byte[] withoutUv = HmacSecret(null);
        Assert.Equal(withoutUv, HmacSecret(null));
        byte[] withUv = HmacSecret(platform.Authenticate(token, CtapHarness.Cdh(0x22)));
        Assert.NotEqual(withoutUv, withUv);
        token = platform.GetToken("4711", 0x04, "example.com");

        byte[] metadataAuth = platform.Authenticate(token, [0x01]);
        Dictionary<object, object> metadata = harness.Ok(0x0A, CborValue.Encode(new Dictionary<object, object> { [1L] = 1L, [3L] = (long)protocol, [4L] = metadataAuth }));
        Assert.Equal(1L, metadata[1L]);

        harness.PowerCycle();
        Assert.Equal(CtapStatus.Ok, harness.Send(0x07).Status);
        Assert.Equal(false, ((Dictionary<object, object>)harness.Ok(0x04)[4L])["clientPin"]);
        Assert.Equal(0, harness.Authenticator.ResidentCredentialCount);
    }
}

using System.Formats.Cbor;
using System.Text;
using Xous.Vault.Pin;

namespace Xous.Vault.Tests.Pin;

public sealed class ClientPinTests
{
    private const ulong MakeCredential = 0x01;
    private const ulong GetAssertion = 0x02;
    private const ulong LargeBlobWrite = 0x10;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void GetKeyAgreementReturnsCanonicalCoseKeyOnTheCurve(ulong protocol)
    {
        var platform = new TestPlatform(new PinDevice(), protocol);
        var (status, body) = platform.ClientPin(TestPlatform.Map((1, protocol), (2, 2UL)));
        Assert.Equal(CtapStatus.Ok, status);
        // {1: {1: 2, 3: -25, -1: 1, -2: x, -3: y}} with the keys in canonical order
        Assert.Equal(new byte[] { 0xA1, 0x01, 0xA5, 0x01, 0x02, 0x03, 0x38, 0x18, 0x20, 0x01, 0x21, 0x58, 0x20 }, body[..13]);
        var reader = new CborReader(body, CborConformanceMode.Ctap2Canonical);
        reader.ReadStartMap();
        reader.ReadUInt64();
        var (x, y) = TestPlatform.ReadCoseKey(ref reader);
        Assert.True(Xous.Crypto.P256.IsValidPublicKey([0x04, .. x, .. y]));
        platform.AgreeWith(x, y); // BouncyCastle accepts the point too
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void SetPinThenTokenVerifiesAgainstThePlatformsMac(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.False(device.Pin.IsPinSet);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        Assert.True(device.Pin.IsPinSet);
        Assert.Equal((8, false), platform.GetRetries());

        var (status, token) = platform.GetToken("1234", MakeCredential | GetAssertion, "example.com");
        Assert.Equal(CtapStatus.Ok, status);
        Assert.Equal(32, token.Length);
        byte[] clientDataHash = TestPlatform.Sha256([1, 2, 3]);
        byte[] param = TestPlatform.Authenticate(protocol, token, clientDataHash);
        Assert.Equal(protocol == 1 ? 16 : 32, param.Length);
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(protocol, clientDataHash, param, PinUvAuthPermissions.MakeCredential, "example.com"));

        byte[] wrong = (byte[])param.Clone();
        wrong[^1] ^= 0x80;
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(protocol, clientDataHash, wrong, PinUvAuthPermissions.MakeCredential, "example.com"));
        byte[] fullMac = TestPlatform.Hmac(token, clientDataHash);
        byte[] wrongLength = protocol == 1 ? fullMac : fullMac[..16];
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(protocol, clientDataHash, wrongLength, PinUvAuthPermissions.MakeCredential, "example.com"));
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(protocol, [9, 9, 9], param, PinUvAuthPermissions.MakeCredential, "example.com"));
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(protocol, clientDataHash, [], PinUvAuthPermissions.MakeCredential, "example.com"));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void LegacyGetPinTokenGrantsMakeCredentialAndGetAssertionOnly(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        var (status, token) = platform.GetToken("1234", permissions: null);
        Assert.Equal(CtapStatus.Ok, status);
        byte[] message = [1];
        byte[] param = TestPlatform.Authenticate(protocol, token, message);
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(protocol, message, param, PinUvAuthPermissions.GetAssertion, "a.example"));
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(protocol, message, param, PinUvAuthPermissions.MakeCredential, "a.example"));
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(protocol, message, param, PinUvAuthPermissions.CredentialManagement, null));
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(protocol, message, param, PinUvAuthPermissions.AuthenticatorConfig, null));

        // legacy getPinToken with permissions or rpId → INVALID_PARAMETER
        platform.Agree();
        byte[] pinHashEnc = platform.Encrypt(TestPlatform.PinHash("1234"));
        var cose = new RawCbor(platform.PlatformCoseKey);
        Assert.Equal(CtapStatus.InvalidParameter, platform.ClientPin(TestPlatform.Map((1, protocol), (2, 5UL), (3, cose), (6, pinHashEnc), (9, 3UL))).Status);
        Assert.Equal(CtapStatus.InvalidParameter, platform.ClientPin(TestPlatform.Map((1, protocol), (2, 5UL), (3, cose), (6, pinHashEnc), (10, "a.example"))).Status);
        Assert.Equal((8, false), platform.GetRetries());
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void PinStateErrors(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.PinNotSet, platform.ChangePin("1234", "5678"));
        Assert.Equal(CtapStatus.PinNotSet, platform.GetToken("1234", permissions: null).Status);
        Assert.Equal(CtapStatus.PinNotSet, platform.GetToken("1234", MakeCredential).Status);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        Assert.Equal(CtapStatus.NotAllowed, platform.SetPin("5678"));
        Assert.Equal(CtapStatus.Ok, platform.GetToken("1234", MakeCredential).Status);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void ChangePinReplacesThePinAndInvalidatesTokens(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        var (_, token) = platform.GetToken("1234", GetAssertion);
        Assert.Equal(CtapStatus.Ok, platform.ChangePin("1234", "abcdef"));
        byte[] param = TestPlatform.Authenticate(protocol, token, [7]);
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(protocol, [7], param, PinUvAuthPermissions.GetAssertion, "x"));
        Assert.Equal(CtapStatus.PinInvalid, platform.GetToken("1234", GetAssertion).Status);
        Assert.Equal(CtapStatus.Ok, platform.GetToken("abcdef", GetAssertion).Status);
        Assert.Equal((8, false), platform.GetRetries());
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void ChangePinWithWrongAuthIsRejectedWithoutCostingARetry(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        platform.Agree();
        byte[] newPinEnc = platform.Encrypt(TestPlatform.Pad("99999"));
        byte[] pinHashEnc = platform.Encrypt(TestPlatform.PinHash("1234"));
        byte[] auth = platform.AuthenticateShared(newPinEnc); // missing pinHashEnc in the MAC
        var (status, _) = platform.ClientPin(TestPlatform.Map((1, protocol), (2, 4UL), (3, new RawCbor(platform.PlatformCoseKey)), (4, auth), (5, newPinEnc), (6, pinHashEnc)));
        Assert.Equal(CtapStatus.PinAuthInvalid, status);
        Assert.Equal((8, false), platform.GetRetries());
        Assert.Equal(CtapStatus.Ok, platform.GetToken("1234", GetAssertion).Status);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void SetPinWithWrongAuthLeavesNoPin(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.PinAuthInvalid, platform.SetPinPadded(TestPlatform.Pad("1234"), tamper: true));
        Assert.False(device.Pin.IsPinSet);
    }

    [Theory]
    [InlineData(1UL, "123", CtapStatus.PinPolicyViolation)]
    [InlineData(2UL, "123", CtapStatus.PinPolicyViolation)]
    [InlineData(1UL, "ééé", CtapStatus.PinPolicyViolation)] // 6 bytes, 3 code points
    [InlineData(2UL, "éééé", CtapStatus.Ok)]
    [InlineData(1UL, "1234", CtapStatus.Ok)]
    public void PinLengthIsCountedInCodePoints(ulong protocol, string pin, CtapStatus expected)
    {
        var device = new PinDevice();
        Assert.Equal(expected, new TestPlatform(device, protocol).SetPin(pin));
        Assert.Equal(expected == CtapStatus.Ok, device.Pin.IsPinSet);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void PaddingAndMaximumLengthPolicy(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.PinPolicyViolation, platform.SetPin(new string('A', 64))); // no 0x00 in 64 bytes
        Assert.Equal(CtapStatus.PinPolicyViolation, platform.SetPinPadded(TestPlatform.Pad("1234", 48)));
        Assert.Equal(CtapStatus.InvalidParameter, platform.SetPinPadded(TestPlatform.Pad("1234", 80)));
        Assert.False(device.Pin.IsPinSet);
        Assert.Equal(CtapStatus.Ok, platform.SetPin(new string('A', 63)));
        Assert.Equal(CtapStatus.Ok, platform.GetToken(new string('A', 63), GetAssertion).Status);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void BadPlatformKeysAreRejected(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        platform.Agree();
        byte[] good = platform.PlatformCoseKey;
        var reader = new CborReader(good, CborConformanceMode.Ctap2Canonical);
        reader.ReadStartMap();
        for (int i = 0; i < 3; i++)
        {
            reader.ReadInt32();
            reader.ReadInt32();
        }

        reader.ReadInt32();
        byte[] x = reader.ReadByteString();
        reader.ReadInt32();
        byte[] y = reader.ReadByteString();
        byte[] offCurve = (byte[])y.Clone();
        offCurve[31] ^= 1;
        byte[] newPinEnc = platform.Encrypt(TestPlatform.Pad("1234"));
        byte[] auth = platform.AuthenticateShared(newPinEnc);
        byte[][] badKeys =
        [
            TestPlatform.CoseKey(x, offCurve),
            TestPlatform.CoseKey(x, y, keyType: 3),
            TestPlatform.CoseKey(x, y, curve: 2),
            TestPlatform.CoseKey(x[..31], y),
            TestPlatform.CoseKey(new byte[32], new byte[32]),
        ];
        foreach (byte[] key in badKeys)
        {
            var (status, _) = platform.ClientPin(TestPlatform.Map((1, protocol), (2, 3UL), (3, new RawCbor(key)), (4, auth), (5, newPinEnc)));
            Assert.Equal(CtapStatus.InvalidParameter, status);
        }

        Assert.Equal(CtapStatus.MissingParameter, platform.ClientPin(TestPlatform.Map((1, protocol), (2, 3UL), (4, auth), (5, newPinEnc))).Status);
        Assert.Equal(CtapStatus.CborUnexpectedType, platform.ClientPin(TestPlatform.Map((1, protocol), (2, 3UL), (3, good), (4, auth), (5, newPinEnc))).Status);
        Assert.Equal(CtapStatus.Ok, platform.ClientPin(TestPlatform.Map((1, protocol), (2, 3UL), (3, new RawCbor(good)), (4, auth), (5, newPinEnc))).Status);
    }

    [Fact]
    public void ParameterAndSubCommandErrors()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.MissingParameter, platform.ClientPin(TestPlatform.Map((1, 2UL))).Status);
        Assert.Equal(CtapStatus.MissingParameter, platform.ClientPin([]).Status);
        Assert.Equal(CtapStatus.MissingParameter, platform.ClientPin(TestPlatform.Map((2, 2UL))).Status);
        Assert.Equal(CtapStatus.InvalidParameter, platform.ClientPin(TestPlatform.Map((1, 3UL), (2, 2UL))).Status);
        Assert.Equal(CtapStatus.InvalidSubcommand, platform.ClientPin(TestPlatform.Map((1, 2UL), (2, 6UL), (9, 1UL))).Status);
        Assert.Equal(CtapStatus.InvalidSubcommand, platform.ClientPin(TestPlatform.Map((1, 2UL), (2, 7UL))).Status);
        Assert.Equal(CtapStatus.InvalidSubcommand, platform.ClientPin(TestPlatform.Map((1, 2UL), (2, 8UL))).Status);
        Assert.Equal(CtapStatus.InvalidSubcommand, platform.ClientPin(TestPlatform.Map((1, 2UL), (2, 0x10UL))).Status);
        Assert.Equal(CtapStatus.CborUnexpectedType, platform.ClientPin(TestPlatform.Map((1, "two"), (2, 2UL))).Status);
        Assert.Equal(CtapStatus.InvalidCbor, platform.ClientPin([0xA2, 0x01, 0x02]).Status);
        Assert.Equal(CtapStatus.InvalidCbor, platform.ClientPin([0xA2, 0x02, 0x02, 0x01, 0x02]).Status); // keys out of order

        Assert.Equal(CtapStatus.InvalidLength, platform.ClientPin(TestPlatform.Map((1, 2UL), (2, 3UL), (5, new byte[257]))).Status);
        // unknown keys are skipped
        Assert.Equal(CtapStatus.Ok, platform.ClientPin(TestPlatform.Map((1, 2UL), (2, 2UL), (0x20, "ignored"))).Status);

        // getPINRetries needs no protocol
        var (status, body) = platform.ClientPin(TestPlatform.Map((2, 1UL)));
        Assert.Equal(CtapStatus.Ok, status);
        Assert.Equal(new byte[] { 0xA2, 0x03, 0x08, 0x04, 0xF4 }, body);
    }

    [Theory]
    [InlineData(0UL, CtapStatus.InvalidParameter)]
    [InlineData(0x08UL, CtapStatus.UnauthorizedPermission)]
    [InlineData(0x09UL, CtapStatus.UnauthorizedPermission)]
    [InlineData(0x40UL, CtapStatus.UnauthorizedPermission)]
    [InlineData(0x3FUL & ~0x08UL, CtapStatus.Ok)]
    public void PermissionsAreChecked(ulong permissions, CtapStatus expected)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        Assert.Equal(expected, platform.GetToken("1234", permissions).Status);
        Assert.Equal((8, false), platform.GetRetries());
    }

    [Fact]
    public void MissingPermissionsOrPinHashIsMissingParameter()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 1);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        platform.Agree();
        byte[] pinHashEnc = platform.Encrypt(TestPlatform.PinHash("1234"));
        var cose = new RawCbor(platform.PlatformCoseKey);
        Assert.Equal(CtapStatus.MissingParameter, platform.ClientPin(TestPlatform.Map((1, 1UL), (2, 9UL), (3, cose), (6, pinHashEnc))).Status);
        Assert.Equal(CtapStatus.MissingParameter, platform.ClientPin(TestPlatform.Map((1, 1UL), (2, 9UL), (3, cose), (9, 1UL))).Status);
        Assert.Equal(CtapStatus.MissingParameter, platform.ClientPin(TestPlatform.Map((1, 1UL), (2, 9UL), (6, pinHashEnc), (9, 1UL))).Status);
        // A pinHashEnc of the wrong length is refused before the counter moves.
        Assert.Equal(CtapStatus.InvalidParameter, platform.ClientPin(TestPlatform.Map((1, 1UL), (2, 9UL), (3, cose), (6, new byte[32]), (9, 1UL))).Status);
        Assert.Equal((8, false), platform.GetRetries());
    }

    [Fact]
    public void TokenRpIdIsCheckedAndBoundAtFirstUse()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        var (_, token) = platform.GetToken("1234", GetAssertion, "a.example");
        byte[] param = TestPlatform.Authenticate(2, token, [1]);
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(2, [1], param, PinUvAuthPermissions.GetAssertion, "b.example"));
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(2, [1], param, PinUvAuthPermissions.GetAssertion, "a.example"));

        (_, token) = platform.GetToken("1234", GetAssertion);
        param = TestPlatform.Authenticate(2, token, [1]);
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(2, [1], param, PinUvAuthPermissions.GetAssertion, null));
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(2, [1], param, PinUvAuthPermissions.GetAssertion, "x.example"));
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(2, [1], param, PinUvAuthPermissions.GetAssertion, "y.example"));
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(2, [1], param, PinUvAuthPermissions.GetAssertion, "x.example"));
    }

    [Fact]
    public void TokenProtocolExpiryReissueAndPowerCycle()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        var (_, token) = platform.GetToken("1234", GetAssertion | LargeBlobWrite);
        byte[] v2 = TestPlatform.Authenticate(2, token, [5]);
        byte[] v1 = TestPlatform.Authenticate(1, token, [5]);
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(1, [5], v1, PinUvAuthPermissions.GetAssertion, null));
        Assert.Equal(CtapStatus.InvalidParameter, device.Pin.VerifyPinUvAuthParam(3, [5], v2, PinUvAuthPermissions.GetAssertion, null));
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(2, [5], v2, PinUvAuthPermissions.GetAssertion, null));

        // mc/ga clears every permission but lbw
        device.Pin.ClearTokenPermissionsExceptLargeBlobWrite();
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(2, [5], v2, PinUvAuthPermissions.GetAssertion, null));
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(2, [5], v2, PinUvAuthPermissions.LargeBlobWrite, null));

        // usage limit: 10 minutes
        device.Clock.ElapsedMilliseconds += PinUvAuthTokenLimits.UsageMilliseconds - 1;
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(2, [5], v2, PinUvAuthPermissions.LargeBlobWrite, null));
        device.Clock.ElapsedMilliseconds += 1;
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(2, [5], v2, PinUvAuthPermissions.LargeBlobWrite, null));

        // a new token makes the old one useless
        var (_, first) = platform.GetToken("1234", GetAssertion);
        var (_, second) = platform.GetToken("1234", GetAssertion);
        Assert.NotEqual(first, second);
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(2, [5], TestPlatform.Authenticate(2, first, [5]), PinUvAuthPermissions.GetAssertion, null));
        Assert.Equal(CtapStatus.Ok, device.Pin.VerifyPinUvAuthParam(2, [5], TestPlatform.Authenticate(2, second, [5]), PinUvAuthPermissions.GetAssertion, null));

        // PIN tokens prove verification, not presence
        Assert.False(device.Pin.TakeTokenUserPresence());

        device.PowerCycle();
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(2, [5], TestPlatform.Authenticate(2, second, [5]), PinUvAuthPermissions.GetAssertion, null));
        Assert.True(device.Pin.IsPinSet);
    }

    [Fact]
    public void TheStoredPinRecordHoldsNoPlainPinHash()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 1);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        byte[] record = device.Store.CommittedValue("fido.cfg", "pin")!;
        Assert.Equal(68, record.Length);
        Assert.Equal(new byte[] { 1, 8, 1, 4 }, record[..4]);
        byte[] plain = TestPlatform.PinHash("1234");
        Assert.Equal(-1, record.AsSpan().IndexOf(plain));
        Assert.Equal(-1, record.AsSpan().IndexOf(Encoding.UTF8.GetBytes("1234")));
        // the protected form: HMAC-SHA-256(salt, LEFT(SHA-256(PIN), 16))
        Assert.Equal(TestPlatform.Hmac(record[4..36], plain), record[36..68]);
    }

    [Fact]
    public void AMalformedPinRecordIsAStoreFailure()
    {
        var device = new PinDevice();
        device.Store.Write("fido.cfg", "pin", new byte[] { 1, 8, 1 });
        device.Store.Commit();
        Assert.Throws<Xous.Vault.Environment.VaultStoreException>(() => device.PowerCycle());
    }
}

/// <summary>The token's usage limit as the tests see it.</summary>
internal static class PinUvAuthTokenLimits
{
    public const long UsageMilliseconds = 10 * 60 * 1000;
}

namespace Xous.Vault.Tests.Ctap2;

public sealed class ExtensionTests
{
    private static readonly Dictionary<object, object> s_platformKey = new() { [1L] = 2L, [3L] = -25L, [-1L] = 1L, [-2L] = new byte[32], [-3L] = new byte[32] };

    private static Dictionary<object, object> HmacInput(FakePinUvAuth pin, byte[] salts, ulong protocol = 2, bool corruptAuth = false)
    {
        byte[] shared = protocol == 1 ? pin.SharedSecret[..32] : pin.SharedSecret;
        byte[] saltEnc = FakePinUvAuth.Encrypt(protocol, shared, salts, Enumerable.Repeat((byte)0x5A, 16).ToArray());
        byte[] saltAuth = FakePinUvAuth.Mac(shared[..32], protocol, saltEnc);
        if (corruptAuth)
        {
            saltAuth[0] ^= 1;
        }

        return new Dictionary<object, object>
        {
            ["hmac-secret"] = new Dictionary<object, object> { [1L] = s_platformKey, [2L] = saltEnc, [3L] = saltAuth, [4L] = (long)protocol },
        };
    }

    private static byte[] HmacOutput(CtapHarness harness, Dictionary<object, object> assertion, ulong protocol = 2)
    {
        AuthenticatorData data = new((byte[])assertion[2L]);
        byte[] encrypted = (byte[])data.Extensions!["hmac-secret"];
        byte[] shared = protocol == 1 ? harness.Pin.SharedSecret[..32] : harness.Pin.SharedSecret;
        return FakePinUvAuth.Decrypt(protocol, shared, encrypted)!;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void HmacSecretIsStableAndDiffersWithUv(ulong protocol)
    {
        CtapHarness harness = new();
        harness.Pin.IsPinSet = true;
        Dictionary<object, object> made = harness.Ok(0x01, CtapHarness.MakeCredentialRequest(extensions: new() { ["hmac-secret"] = true }));
        AuthenticatorData authData = new((byte[])made[2L]);
        Assert.Equal(true, authData.Extensions!["hmac-secret"]);
        byte[] id = authData.CredentialId!;
        byte[] salts = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();

        byte[] first = HmacOutput(harness, harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: HmacInput(harness.Pin, salts, protocol))), protocol);
        Assert.Equal(64, first.Length);
        Assert.Equal(CborValue.Encode(s_platformKey), harness.Pin.LastPlatformKey);
        byte[] again = HmacOutput(harness, harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: HmacInput(harness.Pin, salts, protocol))), protocol);
        Assert.Equal(first, again);
        byte[] single = HmacOutput(harness, harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: HmacInput(harness.Pin, salts[..32], protocol))), protocol);
        Assert.Equal(first[..32], single);
        Assert.NotEqual(first[..32], first[32..]);

        byte[] param = harness.Pin.Authenticate(2, CtapHarness.Cdh(0x22));
        Dictionary<object, object> verified = harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: HmacInput(harness.Pin, salts, protocol), pinUvAuthParam: param, protocol: 2));
        Assert.NotEqual(first, HmacOutput(harness, verified, protocol));
    }

    [Fact]
    public void HmacSecretErrors()
    {
        CtapHarness harness = new();
        byte[] id = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(extensions: new() { ["hmac-secret"] = true }))[2L]).CredentialId!;
        byte[] salt = new byte[32];
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: HmacInput(harness.Pin, salt, corruptAuth: true))).Status);
        Assert.Equal(CtapStatus.InvalidLength, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: HmacInput(harness.Pin, new byte[48]))).Status);
        Assert.Equal(CtapStatus.InvalidLength, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: HmacInput(harness.Pin, new byte[16]))).Status);
        Dictionary<object, object> missing = HmacInput(harness.Pin, salt);
        ((Dictionary<object, object>)missing["hmac-secret"]).Remove(3L);
        Assert.Equal(CtapStatus.MissingParameter, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: missing)).Status);
        Dictionary<object, object> badProtocol = HmacInput(harness.Pin, salt);
        ((Dictionary<object, object>)badProtocol["hmac-secret"])[4L] = 3L;
        Assert.Equal(CtapStatus.InvalidParameter, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: badProtocol)).Status);
        Assert.Equal(CtapStatus.CborUnexpectedType, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], extensions: new() { ["hmac-secret"] = true })).Status);

        byte[] plain = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest())[2L]).CredentialId!;
        Dictionary<object, object> noSecret = harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [plain], extensions: HmacInput(harness.Pin, salt)));
        Assert.Equal(37, ((byte[])noSecret[2L]).Length);
    }

    [Fact]
    public void HmacSecretInGetNextAssertion()
    {
        CtapHarness harness = new();
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [1], rk: true, extensions: new() { ["hmac-secret"] = true }));
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [2], rk: true, extensions: new() { ["hmac-secret"] = true }));
        byte[] salt = Enumerable.Repeat((byte)7, 32).ToArray();
        byte[] first = HmacOutput(harness, harness.Ok(0x02, CtapHarness.GetAssertionRequest(extensions: HmacInput(harness.Pin, salt))));
        byte[] second = HmacOutput(harness, harness.Ok(0x08));
        Assert.Equal(32, second.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void CredProtectFiltersWithoutUv()
    {
        CtapHarness harness = new();
        harness.Pin.IsPinSet = true;
        AuthenticatorData level3 = new((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(extensions: new() { ["credProtect"] = 3L }))[2L]);
        Assert.Equal(3L, level3.Extensions!["credProtect"]);
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [level3.CredentialId!])).Status);
        byte[] gaParam = harness.Pin.Authenticate(2, CtapHarness.Cdh(0x22));
        Assert.Equal(CtapStatus.Ok, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [level3.CredentialId!], pinUvAuthParam: gaParam, protocol: 2)).Status);

        byte[] mcParam = harness.Pin.Authenticate(2, CtapHarness.Cdh());
        byte[] level2 = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [2], rk: true, extensions: new() { ["credProtect"] = 2L }, pinUvAuthParam: mcParam, protocol: 2))[2L]).CredentialId!;
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest()).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [level2])).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x02, CtapHarness.GetAssertionRequest(pinUvAuthParam: gaParam, protocol: 2)).Status);
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [3], rk: true, extensions: new() { ["credProtect"] = 1L }, pinUvAuthParam: mcParam, protocol: 2));
        Dictionary<object, object> open = harness.Ok(0x02, CtapHarness.GetAssertionRequest());
        Assert.Equal(1L, open[5L]);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x01, CtapHarness.MakeCredentialRequest(exclude: [level3.CredentialId!])).Status);
    }

    [Fact]
    public void CredBlobStoredAndReturned()
    {
        CtapHarness harness = new();
        byte[] blob = Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray();
        AuthenticatorData made = new((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(extensions: new() { ["credBlob"] = blob }))[2L]);
        Assert.Equal(true, made.Extensions!["credBlob"]);
        AuthenticatorData got = new((byte[])harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [made.CredentialId!], extensions: new() { ["credBlob"] = true }))[2L]);
        Assert.Equal(blob, (byte[])got.Extensions!["credBlob"]);

        AuthenticatorData tooLong = new((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(extensions: new() { ["credBlob"] = new byte[33] }))[2L]);
        Assert.Equal(false, tooLong.Extensions!["credBlob"]);
        got = new((byte[])harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [tooLong.CredentialId!], extensions: new() { ["credBlob"] = true }))[2L]);
        Assert.Empty((byte[])got.Extensions!["credBlob"]);

        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rk: true, extensions: new() { ["credBlob"] = blob[..5] }));
        harness.PowerCycle();
        got = new((byte[])harness.Ok(0x02, CtapHarness.GetAssertionRequest(extensions: new() { ["credBlob"] = true }))[2L]);
        Assert.Equal(blob[..5], (byte[])got.Extensions!["credBlob"]);
    }

    [Fact]
    public void LargeBlobKeyNeedsResidentKey()
    {
        CtapHarness harness = new();
        Assert.Equal(CtapStatus.InvalidOption, harness.Send(0x01, CtapHarness.MakeCredentialRequest(extensions: new() { ["largeBlobKey"] = true })).Status);
        Dictionary<object, object> made = harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rk: true, extensions: new() { ["largeBlobKey"] = true }));
        byte[] key = (byte[])made[5L];
        Assert.Equal(32, key.Length);
        Assert.Null(new AuthenticatorData((byte[])made[2L]).Extensions);
        Dictionary<object, object> assertion = harness.Ok(0x02, CtapHarness.GetAssertionRequest(extensions: new() { ["largeBlobKey"] = true }));
        Assert.Equal(key, (byte[])assertion[7L]);
        Assert.False(harness.Ok(0x02, CtapHarness.GetAssertionRequest()).ContainsKey(7L));
    }

    [Fact]
    public void MinPinLengthOnlyForListedRps()
    {
        CtapHarness harness = new();
        harness.Pin.MinPinLengthRpId = "example.com";
        harness.Pin.MinPinLength = 6;
        AuthenticatorData listed = new((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(extensions: new() { ["minPinLength"] = true }))[2L]);
        Assert.Equal(6L, listed.Extensions!["minPinLength"]);
        AuthenticatorData other = new((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rpId: "other.example", extensions: new() { ["minPinLength"] = true }))[2L]);
        Assert.Null(other.Extensions);
    }

    [Fact]
    public void AllExtensionsTogetherAreCanonical()
    {
        CtapHarness harness = new();
        harness.Pin.MinPinLengthRpId = "example.com";
        Dictionary<object, object> made = harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rk: true, extensions: new()
        {
            ["credBlob"] = new byte[4],
            ["credProtect"] = 2L,
            ["hmac-secret"] = true,
            ["largeBlobKey"] = true,
            ["minPinLength"] = true,
        }));
        AuthenticatorData data = new((byte[])made[2L]);
        Assert.Equal(4, data.Extensions!.Count);
        Assert.Equal(0xC1, data.Flags);
    }
}

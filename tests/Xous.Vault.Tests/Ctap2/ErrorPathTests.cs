using Xous.Vault.Environment;

namespace Xous.Vault.Tests.Ctap2;

public sealed class ErrorPathTests
{
    private static Dictionary<object, object> BaseMakeCredential() => (Dictionary<object, object>)CborValue.Decode(CtapHarness.MakeCredentialRequest());

    [Fact]
    public void DispatcherRejectsUnknownCommandsAndBadCbor()
    {
        CtapHarness harness = new();
        Assert.Equal(CtapStatus.InvalidCommand, harness.Send(0x03).Status);
        Assert.Equal(CtapStatus.InvalidCommand, harness.Send(0x55).Status);
        Assert.Equal(CtapStatus.InvalidCbor, harness.SendRaw([0x01, 0xA1, 0x01]).Status);
        Assert.Equal(CtapStatus.InvalidCbor, harness.SendRaw([0x01, 0xA2, 0x02, 0x00, 0x01, 0x00]).Status);
        Assert.Equal(CtapStatus.InvalidCbor, harness.SendRaw([0x01, 0xA1, 0x18, 0x01, 0x00]).Status);
        Assert.Equal(CtapStatus.InvalidCbor, harness.SendRaw([0x02, 0xBF, 0x01, 0x00, 0xFF]).Status);
        Assert.Equal(CtapStatus.CborUnexpectedType, harness.SendRaw([0x01, 0x80]).Status);
        Assert.Equal(CtapStatus.MissingParameter, harness.SendRaw([0x01]).Status);
        Assert.Equal(CtapStatus.MissingParameter, harness.SendRaw([0x02, 0xA0]).Status);
        Assert.Equal(1, harness.Authenticator.Counters.Requests(0x03));
        Assert.Equal(2, harness.Authenticator.Counters.Errors(CtapStatus.InvalidCommand));
        Assert.Equal(4, harness.Authenticator.Counters.Errors(CtapStatus.InvalidCbor));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    [InlineData(4L)]
    public void MakeCredentialMissingParameters(long key)
    {
        CtapHarness harness = new();
        Dictionary<object, object> request = BaseMakeCredential();
        request.Remove(key);
        Assert.Equal(CtapStatus.MissingParameter, harness.Send(0x01, CborValue.Encode(request)).Status);
    }

    [Fact]
    public void MakeCredentialTypeChecks()
    {
        CtapHarness harness = new();
        void Expect(CtapStatus status, Action<Dictionary<object, object>> change)
        {
            Dictionary<object, object> request = BaseMakeCredential();
            change(request);
            Assert.Equal(status, harness.Send(0x01, CborValue.Encode(request)).Status);
        }

        Expect(CtapStatus.CborUnexpectedType, r => r[1L] = "hash");
        Expect(CtapStatus.CborUnexpectedType, r => ((Dictionary<object, object>)r[2L])["name"] = 5L);
        Expect(CtapStatus.CborUnexpectedType, r => ((Dictionary<object, object>)r[2L])["icon"] = 5L);
        Expect(CtapStatus.CborUnexpectedType, r => ((Dictionary<object, object>)r[3L])["id"] = "text id");
        Expect(CtapStatus.CborUnexpectedType, r => ((Dictionary<object, object>)r[3L])["icon"] = new byte[1]);
        Expect(CtapStatus.CborUnexpectedType, r => ((Dictionary<object, object>)r[3L])["displayName"] = new byte[1]);
        Expect(CtapStatus.CborUnexpectedType, r => r[5L] = new List<object> { "not a map" });
        Expect(CtapStatus.CborUnexpectedType, r => r[7L] = new Dictionary<object, object> { ["rk"] = 1L });
        Expect(CtapStatus.CborUnexpectedType, r => r[4L] = new List<object> { new Dictionary<object, object> { ["alg"] = "ES256", ["type"] = "public-key" } });
        Expect(CtapStatus.MissingParameter, r => r[4L] = new List<object> { new Dictionary<object, object> { ["alg"] = -7L } });
        Expect(CtapStatus.MissingParameter, r => r[4L] = new List<object> { new Dictionary<object, object> { ["type"] = "public-key" } });
        Expect(CtapStatus.UnsupportedAlgorithm, r => r[4L] = new List<object> { new Dictionary<object, object> { ["alg"] = -257L, ["type"] = "public-key" } });
        Expect(CtapStatus.UnsupportedAlgorithm, r => r[4L] = new List<object> { new Dictionary<object, object> { ["alg"] = -7L, ["type"] = "rot13" } });
        Expect(CtapStatus.Ok, r => r[4L] = new List<object>
        {
            new Dictionary<object, object> { ["alg"] = -7L, ["type"] = "rot13" },
            new Dictionary<object, object> { ["alg"] = -8L, ["type"] = "public-key" },
        });
        Expect(CtapStatus.MissingParameter, r => r[5L] = new List<object> { new Dictionary<object, object> { ["type"] = "public-key" } });
        Expect(CtapStatus.Ok, r => r[5L] = new List<object> { new Dictionary<object, object> { ["id"] = new byte[16], ["type"] = "rot13" } });
        Expect(CtapStatus.Ok, r => r[6L] = new Dictionary<object, object> { ["unknown-extension"] = 5L });
        Expect(CtapStatus.InvalidParameter, r => r[10L] = 1L);
        Expect(CtapStatus.InvalidLength, r => ((Dictionary<object, object>)r[3L])["id"] = new byte[65]);
    }

    [Fact]
    public void MakeCredentialOptions()
    {
        CtapHarness harness = new();
        Assert.Equal(CtapStatus.InvalidOption, harness.Send(0x01, CtapHarness.MakeCredentialRequest(up: false)).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x01, CtapHarness.MakeCredentialRequest(up: true)).Status);
        Assert.Equal(CtapStatus.InvalidOption, harness.Send(0x01, CtapHarness.MakeCredentialRequest(uv: true)).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x01, CtapHarness.MakeCredentialRequest(uv: false, rk: false)).Status);
    }

    [Fact]
    public void MakeCredentialPresenceResults()
    {
        CtapHarness harness = new();
        harness.Context.Script.Enqueue(UserPresenceResult.Denied);
        Assert.Equal(CtapStatus.OperationDenied, harness.Send(0x01, CtapHarness.MakeCredentialRequest()).Status);
        harness.Context.Script.Enqueue(UserPresenceResult.TimedOut);
        Assert.Equal(CtapStatus.UserActionTimeout, harness.Send(0x01, CtapHarness.MakeCredentialRequest()).Status);
        harness.Context.Script.Enqueue(UserPresenceResult.Cancelled);
        Assert.Equal(CtapStatus.KeepaliveCancel, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rk: true)).Status);
        Assert.Equal(0, harness.Authenticator.ResidentCredentialCount);
        Assert.Equal(UserPresencePurpose.Register, harness.Context.Requests[0].Purpose);
        Assert.Equal("example.com", harness.Context.Requests[0].RelyingParty);
    }

    [Fact]
    public void PinRulesForMakeCredential()
    {
        CtapHarness harness = new();
        Assert.Equal(CtapStatus.PinNotSet, harness.Send(0x01, CtapHarness.MakeCredentialRequest(pinUvAuthParam: [], protocol: 2)).Status);
        harness.Pin.IsPinSet = true;
        Assert.Equal(CtapStatus.PinInvalid, harness.Send(0x01, CtapHarness.MakeCredentialRequest(pinUvAuthParam: [], protocol: 2)).Status);
        harness.Context.Script.Enqueue(UserPresenceResult.Denied);
        Assert.Equal(CtapStatus.OperationDenied, harness.Send(0x01, CtapHarness.MakeCredentialRequest(pinUvAuthParam: [], protocol: 2)).Status);
        Assert.Equal(CtapStatus.MissingParameter, harness.Send(0x01, CtapHarness.MakeCredentialRequest(pinUvAuthParam: new byte[32])).Status);
        Assert.Equal(CtapStatus.InvalidParameter, harness.Send(0x01, CtapHarness.MakeCredentialRequest(pinUvAuthParam: new byte[32], protocol: 3)).Status);
        Assert.Equal(CtapStatus.PinUvAuthTokenRequired, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rk: true)).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rk: false)).Status);
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rk: true, pinUvAuthParam: new byte[32], protocol: 2)).Status);

        byte[] param = harness.Pin.Authenticate(2, CtapHarness.Cdh());
        Dictionary<object, object> made = harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rk: true, pinUvAuthParam: param, protocol: 2));
        Assert.Equal(0x45, new AuthenticatorData((byte[])made[2L]).Flags);
        Assert.Equal("example.com", harness.Pin.BoundRpId);
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rpId: "other.example", rk: true, pinUvAuthParam: param, protocol: 2)).Status);
        harness.Pin.Permissions = global::Xous.Vault.Pin.PinUvAuthPermissions.GetAssertion;
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rk: true, pinUvAuthParam: param, protocol: 2)).Status);

        harness.Pin.AlwaysUv = true;
        Assert.Equal(CtapStatus.PinUvAuthTokenRequired, harness.Send(0x01, CtapHarness.MakeCredentialRequest()).Status);
        harness.Pin.IsPinSet = false;
        Assert.Equal(CtapStatus.PinNotSet, harness.Send(0x01, CtapHarness.MakeCredentialRequest()).Status);
    }

    [Fact]
    public void TokenUserPresenceSkipsThePrompt()
    {
        CtapHarness harness = new();
        harness.Pin.IsPinSet = true;
        harness.Pin.TokenUserPresent = true;
        byte[] param = harness.Pin.Authenticate(1, CtapHarness.Cdh());
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rk: true, pinUvAuthParam: param, protocol: 1));
        Assert.Empty(harness.Context.Requests);
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [9], rk: true, pinUvAuthParam: param, protocol: 1));
        Assert.Single(harness.Context.Requests);
    }

    [Fact]
    public void ExcludeListNeedsPresenceThenExcludes()
    {
        CtapHarness harness = new();
        byte[] id = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest())[2L]).CredentialId!;
        int before = harness.Context.Requests.Count;
        Assert.Equal(CtapStatus.CredentialExcluded, harness.Send(0x01, CtapHarness.MakeCredentialRequest(exclude: [new byte[80], id])).Status);
        Assert.Equal(before + 1, harness.Context.Requests.Count);
        harness.Context.Script.Enqueue(UserPresenceResult.Denied);
        Assert.Equal(CtapStatus.OperationDenied, harness.Send(0x01, CtapHarness.MakeCredentialRequest(exclude: [id])).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rpId: "other.example", exclude: [id])).Status);
    }

    [Fact]
    public void GetAssertionOptionsAndPin()
    {
        CtapHarness harness = new();
        byte[] id = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest())[2L]).CredentialId!;
        Assert.Equal(CtapStatus.UnsupportedOption, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], rk: false)).Status);
        Assert.Equal(CtapStatus.InvalidOption, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], uv: true)).Status);
        int prompts = harness.Context.Requests.Count;
        Dictionary<object, object> silent = harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [id], up: false));
        Assert.Equal(prompts, harness.Context.Requests.Count);
        byte[] authData = (byte[])silent[2L];
        Assert.Equal(37, authData.Length);
        Assert.Equal(0, authData[32]);
        harness.Context.Script.Enqueue(UserPresenceResult.Denied);
        Assert.Equal(CtapStatus.OperationDenied, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id])).Status);

        harness.Pin.IsPinSet = true;
        Assert.Equal(0x01, ((byte[])harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [id]))[2L])[32]);
        byte[] param = harness.Pin.Authenticate(2, CtapHarness.Cdh(0x22));
        Assert.Equal(0x05, ((byte[])harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [id], pinUvAuthParam: param, protocol: 2))[2L])[32]);
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], pinUvAuthParam: new byte[32], protocol: 2)).Status);
        Assert.Equal(CtapStatus.PinInvalid, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], pinUvAuthParam: [], protocol: 2)).Status);
        Assert.Equal(CtapStatus.MissingParameter, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id], pinUvAuthParam: param)).Status);
        harness.Pin.AlwaysUv = true;
        Assert.Equal(CtapStatus.PinUvAuthTokenRequired, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id])).Status);
    }

    [Fact]
    public void StorageFailuresMapToStatuses()
    {
        CtapHarness harness = new();
        harness.Store.FailWrites = VaultStoreError.Full;
        Assert.Equal(CtapStatus.KeyStoreFull, harness.Send(0x01, CtapHarness.MakeCredentialRequest(rk: true)).Status);
        harness.Store.FailWrites = VaultStoreError.Failed;
        Assert.Equal(CtapStatus.Other, harness.Send(0x01, CtapHarness.MakeCredentialRequest()).Status);
        harness.Store.FailWrites = null;
        Assert.Equal(CtapStatus.Ok, harness.Send(0x01, CtapHarness.MakeCredentialRequest()).Status);
    }

    [Fact]
    public void ResidentStoreFullAndOverwrite()
    {
        CtapHarness harness = new();
        for (int i = 0; i < AuthenticatorLimits.MaxResidentCredentials; i++)
        {
            harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: BitConverter.GetBytes(i), rk: true));
        }

        Assert.Equal(0L, harness.Ok(0x04)[0x14L]);
        Assert.Equal(CtapStatus.KeyStoreFull, harness.Send(0x01, CtapHarness.MakeCredentialRequest(userId: [0xFF, 0xFF], rk: true)).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x01, CtapHarness.MakeCredentialRequest(userId: BitConverter.GetBytes(7), rk: true)).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x01, CtapHarness.MakeCredentialRequest(userId: [0xFF, 0xFF])).Status);
        Assert.Equal(AuthenticatorLimits.MaxResidentCredentials, harness.Store.Keys("fido.rk").Count);
    }

    [Fact]
    public void CounterIsCommittedBeforeTheResponse()
    {
        CtapHarness harness = new();
        byte[] id = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest())[2L]).CredentialId!;
        uint last = 0;
        for (int i = 0; i < 5; i++)
        {
            uint counter = new AuthenticatorData((byte[])harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [id]))[2L]).Counter;
            Assert.True(counter > last);
            last = counter;
            harness.PowerCycle();
        }

        byte[] stored = harness.Store.Committed("fido.ctap", "counter")!;
        Assert.Equal(last, (uint)((stored[0] << 24) | (stored[1] << 16) | (stored[2] << 8) | stored[3]));
    }

    [Fact]
    public void LongNamesAreTruncatedAtCharacterBoundaries()
    {
        CtapHarness harness = new();
        string name = new('é', 40);
        harness.Pin.IsPinSet = true;
        byte[] param = harness.Pin.Authenticate(2, CtapHarness.Cdh());
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rk: true, userName: name, displayName: "x" + name, pinUvAuthParam: param, protocol: 2));
        byte[] assertionParam = harness.Pin.Authenticate(2, CtapHarness.Cdh(0x22));
        var user = (Dictionary<object, object>)harness.Ok(0x02, CtapHarness.GetAssertionRequest(pinUvAuthParam: assertionParam, protocol: 2))[4L];
        Assert.Equal(new string('é', 32), user["name"]);
        Assert.Equal("x" + new string('é', 31), user["displayName"]);
    }
}

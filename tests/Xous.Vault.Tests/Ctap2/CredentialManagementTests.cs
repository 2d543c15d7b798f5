namespace Xous.Vault.Tests.Ctap2;

public sealed class CredentialManagementTests
{
    private static byte[] Request(FakePinUvAuth? pin, long subCommand, Dictionary<object, object>? parameters = null, ulong protocol = 2)
    {
        Dictionary<object, object> request = new() { [1L] = subCommand };
        if (parameters is not null)
        {
            request[2L] = parameters;
        }

        if (pin is not null)
        {
            byte[] message = [(byte)subCommand, .. parameters is null ? [] : CborValue.Encode(parameters)];
            request[3L] = (long)protocol;
            request[4L] = pin.Authenticate(protocol, message);
        }

        return CborValue.Encode(request);
    }

    private static CtapHarness WithCredentials(out byte[] firstId)
    {
        CtapHarness harness = new();
        harness.Pin.IsPinSet = true;
        byte[] mc = harness.Pin.Authenticate(2, CtapHarness.Cdh());
        firstId = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [1], rk: true, pinUvAuthParam: mc, protocol: 2, extensions: new() { ["largeBlobKey"] = true }))[2L]).CredentialId!;
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [2], rk: true, pinUvAuthParam: mc, protocol: 2, extensions: new() { ["credProtect"] = 2L }));
        harness.Pin.BoundRpId = null;
        byte[] other = harness.Pin.Authenticate(2, CtapHarness.Cdh());
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rpId: "other.example", userId: [3], rk: true, pinUvAuthParam: other, protocol: 2));
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rpId: "nonresident.example"));
        return harness;
    }

    [Theory]
    [InlineData((byte)0x0A)]
    [InlineData((byte)0x41)]
    public void MetadataAndEnumeration(byte command)
    {
        CtapHarness harness = WithCredentials(out byte[] firstId);
        Dictionary<object, object> metadata = harness.Ok(command, Request(harness.Pin, 1));
        Assert.Equal(3L, metadata[1L]);
        Assert.Equal(147L, metadata[2L]);

        Dictionary<object, object> rp = harness.Ok(command, Request(harness.Pin, 2));
        Assert.Equal(2L, rp[5L]);
        List<string> rpIds = [(string)((Dictionary<object, object>)rp[3L])["id"]];
        Dictionary<object, object> nextRp = harness.Ok(command, Request(null, 3));
        Assert.False(nextRp.ContainsKey(5L));
        rpIds.Add((string)((Dictionary<object, object>)nextRp[3L])["id"]);
        Assert.Equal(["example.com", "other.example"], rpIds.Order().ToList());
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(command, Request(null, 3)).Status);

        byte[] rpIdHash = System.Security.Cryptography.SHA256.HashData("example.com"u8);
        Dictionary<object, object> credential = harness.Ok(command, Request(harness.Pin, 4, new() { [1L] = rpIdHash }));
        Assert.Equal(2L, credential[9L]);
        Assert.Equal(new byte[] { 2 }, (byte[])((Dictionary<object, object>)credential[6L])["id"]);
        Assert.Equal("alice", ((Dictionary<object, object>)credential[6L])["name"]);
        Assert.Equal(2L, credential[10L]);
        Assert.Equal(-7L, ((Dictionary<object, object>)credential[8L])[3L]);
        Dictionary<object, object> next = harness.Ok(command, Request(null, 5));
        Assert.Equal(firstId, (byte[])((Dictionary<object, object>)next[7L])["id"]);
        Assert.Equal(32, ((byte[])next[11L]).Length);
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(command, Request(null, 5)).Status);
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(command, Request(harness.Pin, 4, new() { [1L] = new byte[32] })).Status);
        Assert.Equal(CtapStatus.MissingParameter, harness.Send(command, Request(harness.Pin, 4, new() { [5L] = 1L })).Status);
    }

    [Fact]
    public void GetNextNeedsBeginAndSurvivesNothingElse()
    {
        CtapHarness harness = WithCredentials(out _);
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x0A, Request(null, 3)).Status);
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x0A, Request(null, 5)).Status);
        harness.Ok(0x0A, Request(harness.Pin, 2));
        harness.Ok(0x04);
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x0A, Request(null, 3)).Status);
        harness.Ok(0x0A, Request(harness.Pin, 2));
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x0A, Request(null, 5)).Status);
    }

    [Fact]
    public void AuthenticationIsRequired()
    {
        CtapHarness harness = WithCredentials(out _);
        Assert.Equal(CtapStatus.PinUvAuthTokenRequired, harness.Send(0x0A, Request(null, 1)).Status);
        Dictionary<object, object> wrong = new() { [1L] = 1L, [3L] = 2L, [4L] = new byte[32] };
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x0A, CborValue.Encode(wrong)).Status);
        Assert.Equal(CtapStatus.MissingParameter, harness.Send(0x0A, CborValue.Encode(new Dictionary<object, object> { [1L] = 1L, [4L] = new byte[32] })).Status);
        Assert.Equal(CtapStatus.InvalidParameter, harness.Send(0x0A, CborValue.Encode(new Dictionary<object, object> { [1L] = 1L, [3L] = 3L, [4L] = new byte[32] })).Status);
        Assert.Equal(CtapStatus.MissingParameter, harness.Send(0x0A, CborValue.Encode(new Dictionary<object, object> { [3L] = 2L })).Status);
        Assert.Equal(CtapStatus.InvalidSubcommand, harness.Send(0x0A, Request(harness.Pin, 9)).Status);
        harness.Pin.Permissions = global::Xous.Vault.Pin.PinUvAuthPermissions.MakeCredential;
        Assert.Equal(CtapStatus.PinAuthInvalid, harness.Send(0x0A, Request(harness.Pin, 1)).Status);
    }

    [Fact]
    public void DeleteAndUpdate()
    {
        CtapHarness harness = WithCredentials(out byte[] firstId);
        Dictionary<object, object> descriptor = new() { ["id"] = firstId, ["type"] = "public-key" };
        Assert.Equal(CtapStatus.InvalidParameter, harness.Send(0x0A, Request(harness.Pin, 7, new() { [2L] = descriptor, [3L] = new Dictionary<object, object> { ["id"] = new byte[] { 9 }, ["name"] = "x" } })).Status);
        harness.Ok(0x0A, Request(harness.Pin, 7, new() { [2L] = descriptor, [3L] = new Dictionary<object, object> { ["id"] = new byte[] { 1 }, ["name"] = "carol", ["displayName"] = "Carol C." } }));
        harness.PowerCycle();
        harness.Pin.BoundRpId = null;
        byte[] ga = harness.Pin.Authenticate(2, CtapHarness.Cdh(0x22));
        Dictionary<object, object> assertion = harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [firstId], pinUvAuthParam: ga, protocol: 2));
        Assert.Equal("carol", ((Dictionary<object, object>)assertion[4L])["name"]);

        harness.Ok(0x0A, Request(harness.Pin, 6, new() { [2L] = descriptor }));
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x0A, Request(harness.Pin, 6, new() { [2L] = descriptor })).Status);
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [firstId])).Status);
        Assert.Equal(CtapStatus.MissingParameter, harness.Send(0x0A, Request(harness.Pin, 6, new() { [1L] = new byte[32] })).Status);
        harness.PowerCycle();
        Assert.Equal(2L, harness.Ok(0x0A, Request(harness.Pin, 1))[1L]);
    }
}

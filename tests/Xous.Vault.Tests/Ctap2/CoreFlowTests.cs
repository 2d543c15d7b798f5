using System.Security.Cryptography;

namespace Xous.Vault.Tests.Ctap2;

public sealed class CoreFlowTests
{
    private static readonly byte[] s_rpIdHash = SHA256.HashData("example.com"u8);

    [Fact]
    public void GetInfoIsCanonicalAndComplete()
    {
        CtapHarness harness = new();
        Dictionary<object, object> info = harness.Ok(0x04);
        Assert.Equal(new List<object> { "U2F_V2", "FIDO_2_0", "FIDO_2_1" }, (List<object>)info[1L]);
        Assert.Equal(5, ((List<object>)info[2L]).Count);
        Assert.Equal(TestAttestation.Aaguid, (byte[])info[3L]);
        var options = (Dictionary<object, object>)info[4L];
        Assert.Equal(true, options["rk"]);
        Assert.Equal(false, options["plat"]);
        Assert.Equal(false, options["clientPin"]);
        Assert.Equal(true, options["makeCredUvNotRqd"]);
        Assert.False(options.ContainsKey("ep"));
        Assert.Equal(7609L, info[5L]);
        Assert.Equal(new List<object> { 2L, 1L }, (List<object>)info[6L]);
        Assert.Equal(2, ((List<object>)info[0x0AL]).Count);
        Assert.Equal(150L, info[0x14L]);
        harness.Pin.IsPinSet = true;
        Assert.Equal(true, ((Dictionary<object, object>)harness.Ok(0x04)[4L])["clientPin"]);
    }

    [Theory]
    [InlineData(-7L)]
    [InlineData(-8L)]
    public void MakeCredentialThenGetAssertionVerify(long algorithm)
    {
        CtapHarness harness = new();
        Dictionary<object, object> attestation = harness.Ok(0x01, CtapHarness.MakeCredentialRequest(algorithms: [algorithm]));
        Assert.Equal("packed", attestation[1L]);
        AuthenticatorData authData = new((byte[])attestation[2L]);
        Assert.Equal(s_rpIdHash, authData.RpIdHash);
        Assert.Equal(0x41, authData.Flags);
        Assert.Equal(TestAttestation.Aaguid, authData.Aaguid);
        Assert.Equal(algorithm, authData.PublicKey![3L]);
        var statement = (Dictionary<object, object>)attestation[3L];
        Assert.Equal(-7L, statement["alg"]);
        byte[] signed = [.. authData.Raw, .. CtapHarness.Cdh()];
        Assert.True(CtapHarness.VerifyEs256(TestAttestation.PublicKey, signed, (byte[])statement["sig"]));
        Assert.Equal(TestAttestation.Material.CertificateDer, (byte[])((List<object>)statement["x5c"])[0]);

        Dictionary<object, object> assertion = harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [authData.CredentialId!]));
        byte[] assertionData = (byte[])assertion[2L];
        Assert.Equal(37, assertionData.Length);
        AuthenticatorData parsed = new(assertionData);
        Assert.Equal(0x01, parsed.Flags);
        Assert.True(parsed.Counter > authData.Counter);
        Assert.True(CtapHarness.VerifyWithCose(authData.PublicKey, [.. assertionData, .. CtapHarness.Cdh(0x22)], (byte[])assertion[3L]));
        Assert.False(assertion.ContainsKey(4L));
        Assert.False(assertion.ContainsKey(5L));
        Assert.Equal(authData.CredentialId, (byte[])((Dictionary<object, object>)assertion[1L])["id"]);
    }

    [Fact]
    public void TamperedOrForeignCredentialIdsAreNotRecognised()
    {
        CtapHarness harness = new();
        byte[] id = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest())[2L]).CredentialId!;
        Assert.InRange(id.Length, 65, 255);
        for (int bit = 0; bit < id.Length * 8; bit += 37)
        {
            byte[] flipped = (byte[])id.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [flipped])).Status);
        }

        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest(rpId: "example.org", allow: [id])).Status);
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [])).Status);
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest()).Status);
        Assert.Equal(CtapStatus.Ok, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [new byte[70], id])).Status);
    }

    [Fact]
    public void ResidentCredentialsNewestFirstWithNextAssertion()
    {
        CtapHarness harness = new();
        for (byte user = 1; user <= 3; user++)
        {
            harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [user], rk: true));
        }

        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [2], rk: true, userName: "bob"));
        Assert.Equal(3, harness.Authenticator.ResidentCredentialCount);
        Dictionary<object, object> first = harness.Ok(0x02, CtapHarness.GetAssertionRequest());
        Assert.Equal(3L, first[5L]);
        var firstUser = (Dictionary<object, object>)first[4L];
        Assert.Single(firstUser);
        Assert.Equal(new byte[] { 2 }, (byte[])firstUser["id"]);
        Assert.Equal(new byte[] { 3 }, (byte[])((Dictionary<object, object>)harness.Ok(0x08)[4L])["id"]);
        Dictionary<object, object> third = harness.Ok(0x08);
        Assert.Equal(new byte[] { 1 }, (byte[])((Dictionary<object, object>)third[4L])["id"]);
        Assert.False(third.ContainsKey(5L));
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x08).Status);
    }

    [Fact]
    public void GetNextAssertionNeedsAFreshGetAssertion()
    {
        CtapHarness harness = new();
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [1], rk: true));
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(userId: [2], rk: true));
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x08).Status);
        harness.Ok(0x02, CtapHarness.GetAssertionRequest());
        harness.Ok(0x04);
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x08).Status);
        harness.Ok(0x02, CtapHarness.GetAssertionRequest());
        harness.Clock.ElapsedMilliseconds += 30_001;
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x08).Status);
        harness.Ok(0x02, CtapHarness.GetAssertionRequest());
        harness.Authenticator.ChannelReset(harness.Context.Channel);
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x08).Status);
    }

    [Fact]
    public void PowerCycleKeepsResidentCredentialsAndCounter()
    {
        CtapHarness harness = new();
        byte[] id = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rk: true))[2L]).CredentialId!;
        uint counter = harness.Authenticator.SignatureCounter;
        harness.PowerCycle();
        Assert.Equal(1, harness.Authenticator.ResidentCredentialCount);
        Assert.Equal(counter, harness.Authenticator.SignatureCounter);
        Dictionary<object, object> assertion = harness.Ok(0x02, CtapHarness.GetAssertionRequest());
        Assert.Equal(id, (byte[])((Dictionary<object, object>)assertion[1L])["id"]);
        Assert.True(new AuthenticatorData((byte[])assertion[2L]).Counter > counter);
    }

    [Fact]
    public void ResetWipesWithinTheWindowOnly()
    {
        CtapHarness harness = new();
        byte[] id = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest())[2L]).CredentialId!;
        harness.Ok(0x01, CtapHarness.MakeCredentialRequest(rk: true));
        harness.Context.Script.Enqueue(UserPresenceResult.Denied);
        Assert.Equal(CtapStatus.OperationDenied, harness.Send(0x07).Status);
        harness.Context.Script.Enqueue(UserPresenceResult.TimedOut);
        Assert.Equal(CtapStatus.UserActionTimeout, harness.Send(0x07).Status);
        harness.Context.Script.Enqueue(UserPresenceResult.Cancelled);
        Assert.Equal(CtapStatus.KeepaliveCancel, harness.Send(0x07).Status);
        harness.Clock.ElapsedMilliseconds = 10_001;
        Assert.Equal(CtapStatus.NotAllowed, harness.Send(0x07).Status);
        harness.PowerCycle();
        Assert.Equal(CtapStatus.Ok, harness.Send(0x07).Status);
        Assert.Equal(1, harness.Pin.Resets);
        Assert.Equal(0, harness.Authenticator.ResidentCredentialCount);
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id])).Status);
        harness.PowerCycle();
        Assert.Equal(CtapStatus.NoCredentials, harness.Send(0x02, CtapHarness.GetAssertionRequest(allow: [id])).Status);
        Assert.Equal(0, harness.Authenticator.ResidentCredentialCount);
    }

    [Fact]
    public void SelectionMapsPresence()
    {
        CtapHarness harness = new();
        Assert.Equal(CtapStatus.Ok, harness.Send(0x0B).Status);
        harness.Context.Script.Enqueue(UserPresenceResult.Denied);
        Assert.Equal(CtapStatus.OperationDenied, harness.Send(0x0B).Status);
        harness.Context.Script.Enqueue(UserPresenceResult.TimedOut);
        Assert.Equal(CtapStatus.UserActionTimeout, harness.Send(0x0B).Status);
    }
}

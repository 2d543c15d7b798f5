using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Xous.Vault.Environment;
using Xous.Vault.Tests.Ctap2;

namespace Xous.Vault.Tests.U2f;

public sealed class U2fTests
{
    private static readonly byte[] s_challenge = Enumerable.Repeat((byte)0xC1, 32).ToArray();
    private static readonly byte[] s_application = SHA256.HashData("example.com"u8);

    private static byte[] Extended(byte instruction, byte control, byte[] data, bool withLe = true)
    {
        byte[] header = [0x00, instruction, control, 0x00, 0x00, (byte)(data.Length >> 8), (byte)data.Length];
        return withLe ? [.. header, .. data, 0x00, 0x00] : [.. header, .. data];
    }

    private static (ushort Status, byte[] Data) Send(CtapHarness harness, byte[] apdu)
    {
        byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
        int length = harness.Authenticator.ProcessApdu(apdu, response, harness.Context);
        Assert.InRange(length, 2, response.Length);
        return ((ushort)((response[length - 2] << 8) | response[length - 1]), response[..(length - 2)]);
    }

    private static byte[] Register(CtapHarness harness, byte[]? application = null, byte[]? challenge = null)
    {
        (ushort status, byte[] data) = Send(harness, Extended(0x01, 0x00, [.. challenge ?? s_challenge, .. application ?? s_application]));
        Assert.Equal(0x9000, status);
        return data;
    }

    private static byte[] KeyHandle(byte[] registration) => registration[67..(67 + registration[66])];

    private static byte[] Authenticate(byte[] keyHandle, byte control = 0x03, byte[]? application = null) =>
        Extended(0x02, control, [.. s_challenge, .. application ?? s_application, (byte)keyHandle.Length, .. keyHandle]);

    [Fact]
    public void VersionInShortExtendedAndBareForms()
    {
        CtapHarness harness = new();
        foreach (byte[] apdu in new[] { new byte[] { 0, 3, 0, 0 }, new byte[] { 0, 3, 0, 0, 0 }, new byte[] { 0, 3, 0, 0, 0, 0, 0 }, Extended(3, 0, []) })
        {
            (ushort status, byte[] data) = Send(harness, apdu);
            Assert.Equal(0x9000, status);
            Assert.Equal("U2F_V2"u8.ToArray(), data);
        }
    }

    [Fact]
    public void StatusWordsForBadRequests()
    {
        CtapHarness harness = new();
        Assert.Equal(0x6E00, Send(harness, [0x80, 3, 0, 0, 0, 0, 0]).Status);
        Assert.Equal(0x6D00, Send(harness, Extended(0x55, 0, [])).Status);
        Assert.Equal(0x6700, Send(harness, Extended(0x01, 0, new byte[63])).Status);
        Assert.Equal(0x6700, Send(harness, [0, 1, 0, 0, 0, 0, 64, 1, 2]).Status);
        Assert.Equal(0x6700, Send(harness, [0, 3]).Status);
        Assert.Equal(0x6A80, Send(harness, Authenticate(new byte[70])).Status);
        Assert.Equal(0x6A80, Send(harness, Authenticate(new byte[70], 0x07)).Status);
        Assert.Equal(0x6700, Send(harness, Extended(0x02, 0x03, [.. s_challenge, .. s_application, 10, 1, 2])).Status);
        Assert.True(harness.Authenticator.Counters.ApduErrors >= 8);
    }

    [Fact]
    public void RegisterAndAuthenticateVerify()
    {
        CtapHarness harness = new();
        byte[] registration = Register(harness);
        Assert.Equal(0x05, registration[0]);
        byte[] publicKey = registration[1..66];
        byte[] keyHandle = KeyHandle(registration);
        Assert.InRange(keyHandle.Length, 65, 255);
        int certificateStart = 67 + keyHandle.Length;
        byte[] certificate = TestAttestation.Material.CertificateDer;
        Assert.Equal(certificate, registration[certificateStart..(certificateStart + certificate.Length)]);
        byte[] signature = registration[(certificateStart + certificate.Length)..];
        byte[] signed = [0x00, .. s_application, .. s_challenge, .. keyHandle, .. publicKey];
        Assert.True(CtapHarness.VerifyEs256(TestAttestation.PublicKey, signed, signature));

        (ushort status, byte[] data) = Send(harness, Authenticate(keyHandle));
        Assert.Equal(0x9000, status);
        Assert.Equal(0x01, data[0]);
        ECPublicKeyParameters key = CtapHarness.Es256Key(publicKey[1..33], publicKey[33..65]);
        Assert.True(CtapHarness.VerifyEs256(key, [.. s_application, .. data[..5], .. s_challenge], data[5..]));
        uint first = (uint)((data[1] << 24) | (data[2] << 16) | (data[3] << 8) | data[4]);

        (status, data) = Send(harness, Authenticate(keyHandle, 0x08));
        Assert.Equal(0x9000, status);
        Assert.Equal(0x00, data[0]);
        Assert.True((uint)((data[1] << 24) | (data[2] << 16) | (data[3] << 8) | data[4]) > first);
        Assert.True(CtapHarness.VerifyEs256(key, [.. s_application, .. data[..5], .. s_challenge], data[5..]));

        Assert.Equal(0x6985, Send(harness, Authenticate(keyHandle, 0x07)).Status);
        Assert.Equal(0x6A80, Send(harness, Authenticate(keyHandle, 0x07, SHA256.HashData("other.example"u8))).Status);
        byte[] flipped = (byte[])keyHandle.Clone();
        flipped[20] ^= 0x04;
        Assert.Equal(0x6A80, Send(harness, Authenticate(flipped)).Status);
    }

    [Fact]
    public void PresenceIsPolledNotAwaited()
    {
        CtapHarness harness = new();
        harness.Presence.Default = UserPresenceState.Pending;
        byte[] apdu = Extended(0x01, 0x00, [.. s_challenge, .. s_application]);
        Assert.Equal(0x6985, Send(harness, apdu).Status);
        Assert.Single(harness.Presence.Begun);
        Assert.Equal(UserPresencePurpose.U2fRegister, harness.Presence.Begun[0].Purpose);
        Assert.Equal(0x6985, Send(harness, apdu).Status);
        Assert.Single(harness.Presence.Begun);
        harness.Presence.Script.Enqueue(UserPresenceState.Approved);
        Assert.Equal(0x9000, Send(harness, apdu).Status);
        Assert.False(harness.Presence.Open);
        Assert.Equal(0x6985, Send(harness, apdu).Status);
        Assert.Equal(2, harness.Presence.Begun.Count);
        harness.Presence.Script.Enqueue(UserPresenceState.Denied);
        Assert.Equal(0x6985, Send(harness, apdu).Status);
        Assert.False(harness.Presence.Open);
    }

    [Fact]
    public void U2fKeyHandleWorksWithCtap2AndBack()
    {
        CtapHarness harness = new();
        byte[] registration = Register(harness);
        byte[] keyHandle = KeyHandle(registration);
        Dictionary<object, object> assertion = harness.Ok(0x02, CtapHarness.GetAssertionRequest(allow: [keyHandle]));
        byte[] authData = (byte[])assertion[2L];
        Assert.Equal(s_application, authData[..32]);
        ECPublicKeyParameters key = CtapHarness.Es256Key(registration[2..34], registration[34..66]);
        Assert.True(CtapHarness.VerifyEs256(key, [.. authData, .. CtapHarness.Cdh(0x22)], (byte[])assertion[3L]));

        byte[] credentialId = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest())[2L]).CredentialId!;
        Assert.Equal(0x9000, Send(harness, Authenticate(credentialId)).Status);
        Assert.Equal(0x6985, Send(harness, Authenticate(credentialId, 0x07)).Status);
        byte[] edDsa = new AuthenticatorData((byte[])harness.Ok(0x01, CtapHarness.MakeCredentialRequest(algorithms: [-8]))[2L]).CredentialId!;
        Assert.Equal(0x6A80, Send(harness, Authenticate(edDsa)).Status);
    }

    [Fact]
    public void AppRecordsSkipBogusApplications()
    {
        CtapHarness harness = new();
        Register(harness, new byte[32]);
        Register(harness, Enumerable.Repeat((byte)0x41, 32).ToArray(), Enumerable.Repeat((byte)0x42, 32).ToArray());
        Assert.Empty(harness.Store.Keys("fido.u2fapps"));
        byte[] keyHandle = KeyHandle(Register(harness));
        Assert.Equal(0x9000, Send(harness, Authenticate(keyHandle)).Status);
        string key = Convert.ToHexString(s_application).ToLowerInvariant();
        Assert.Equal([key], harness.Store.Keys("fido.u2fapps"));
        string record = System.Text.Encoding.ASCII.GetString(harness.Store.Committed("fido.u2fapps", key)!);
        Assert.Contains("count:2\n", record);
        Assert.Contains($"id:{key}\n", record);
    }

    [Fact]
    public void StorageFailureIsOtherAndTheCertificateIsX509()
    {
        CtapHarness harness = new();
        X509CertificateStructure certificate = X509CertificateStructure.GetInstance(TestAttestation.Material.CertificateDer);
        Assert.Equal(3, certificate.Version);
        harness.Store.FailWrites = VaultStoreError.Failed;
        Assert.Equal(0x6F00, Send(harness, Extended(0x01, 0x00, [.. s_challenge, .. s_application])).Status);
        _ = PublicKeyFactory.CreateKey(certificate.SubjectPublicKeyInfo);
    }

    [Fact]
    public void AlwaysUvTurnsU2fOff()
    {
        CtapHarness harness = new();
        byte[] keyHandle = KeyHandle(Register(harness));
        harness.Pin.AlwaysUv = true;
        Assert.Equal(0x6D00, Send(harness, Extended(0x03, 0, [])).Status);
        Assert.Equal(0x6D00, Send(harness, Authenticate(keyHandle)).Status);
        Assert.DoesNotContain("U2F_V2", (List<object>)harness.Ok(0x04)[1L]);
        Assert.Equal(false, ((Dictionary<object, object>)harness.Ok(0x04)[4L])["makeCredUvNotRqd"]);
        Assert.Equal(true, ((Dictionary<object, object>)harness.Ok(0x04)[4L])["alwaysUv"]);
        harness.Pin.AlwaysUv = false;
        Assert.Equal(0x9000, Send(harness, Authenticate(keyHandle)).Status);
        Assert.Contains("U2F_V2", (List<object>)harness.Ok(0x04)[1L]);
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using Fido2NetLib;
using Fido2NetLib.Objects;

namespace Xous.Vault.Tests.Interop;

/// <summary>
/// The NuGet Fido2 4.3.2 library (fido2-net-lib) as the relying party verifies what our authenticator produces:
/// packed x5c attestation (attca), assertions, counters, UV rules, and rejects tampering, wrong origins and RP IDs
/// (fido-clients.md §5). The authenticator runs in-process behind a small platform written here.
/// </summary>
public sealed class Fido2RelyingPartyTests
{
    private const string RpId = "example.com";
    private const string Origin = "https://example.com";
    private const int PermissionMakeCredential = 0x01;
    private const int PermissionGetAssertion = 0x02;

    private readonly InProcessAuthenticator _authenticator = new();
    private readonly WebAuthnPlatform _platform;

    public Fido2RelyingPartyTests() => _platform = new WebAuthnPlatform(_authenticator);

    [Fact]
    public async Task PackedX5cAttestationIsAcceptedAsAttCa()
    {
        (RegisteredPublicKeyCredential credential, Registration registration) = await RegisterAsync();
        Assert.Equal("attca", credential.AttestationType);
        Assert.Equal(registration.CredentialId, credential.Id);
        Assert.NotEmpty(credential.PublicKey);
        Assert.Equal(TestAttestation.Aaguid, credential.AaGuid.ToByteArray(bigEndian: true));
    }

    [Fact]
    public async Task EdDsaCredentialIsAccepted()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync(algorithm: WebAuthnPlatform.EdDsa);
        Assert.Equal("attca", credential.AttestationType);
        VerifyAssertionResult result = await AuthenticateAsync(credential);
        Assert.True(result.SignCount > credential.SignCount);
    }

    [Fact]
    public async Task ResidentCredentialAssertsWithUserHandle()
    {
        byte[] userId = RandomNumberGenerator.GetBytes(16);
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync(userId: userId, resident: true);
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, credentialId: null);
        Assert.Equal(userId, assertion.UserHandle);
        VerifyAssertionResult result = await VerifyAsync(NewFido2(), credential, assertion, challenge);
        Assert.Equal(credential.Id, result.CredentialId);
    }

    [Fact]
    public async Task AssertionsVerifyAndTheCounterIncreases()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        VerifyAssertionResult first = await AuthenticateAsync(credential);
        Assert.True(first.SignCount > credential.SignCount);
        VerifyAssertionResult second = await AuthenticateAsync(credential, storedCounter: first.SignCount);
        Assert.True(second.SignCount > first.SignCount);
    }

    [Fact]
    public async Task CounterSurvivesAPowerCycle()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        VerifyAssertionResult before = await AuthenticateAsync(credential);
        _authenticator.Restart();
        VerifyAssertionResult after = await AuthenticateAsync(credential, storedCounter: before.SignCount);
        Assert.True(after.SignCount > before.SignCount);
    }

    [Fact]
    public async Task UserVerificationRequiredIsMetWithAPinToken()
    {
        _platform.SetPin("1234abcd");
        byte[] token = _platform.GetPinToken("1234abcd", PermissionMakeCredential | PermissionGetAssertion, RpId);
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync(pinToken: token, userVerification: UserVerificationRequirement.Required);
        byte[] challenge = RandomNumberGenerator.GetBytes(32);

        // A token authorises one operation (CTAP 2.1 clears its mc/ga permissions after use), as a browser expects.
        token = _platform.GetPinToken("1234abcd", PermissionGetAssertion, RpId);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, credential.Id, pinToken: token);
        Assert.Equal(0x05, assertion.AuthenticatorData[32] & 0x05);
        await VerifyAsync(NewFido2(), credential, assertion, challenge, UserVerificationRequirement.Required);
    }

    // ------------------------------------------------------------------------------------------- rejected

    [Fact]
    public async Task UserVerificationRequiredWithoutPinIsRejected()
    {
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => RegisterAsync(userVerification: UserVerificationRequirement.Required));
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, credential.Id);
        Assert.Equal(0, assertion.AuthenticatorData[32] & 0x04);
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(
            () => VerifyAsync(NewFido2(), credential, assertion, challenge, UserVerificationRequirement.Required));
    }

    [Fact]
    public async Task AssertionWithoutUserPresenceIsRejected()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, credential.Id, userPresence: false);
        Assert.Equal(0, assertion.AuthenticatorData[32] & 0x01);
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => VerifyAsync(NewFido2(), credential, assertion, challenge));
    }

    [Fact]
    public async Task TamperedAttestationSignatureIsRejected()
    {
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Registration registration = _platform.Register(RpId, challenge, Origin, RandomNumberGenerator.GetBytes(16));
        byte[] tampered = registration.AttestationObject.ToArray();
        int signature = IndexOf(tampered, "sig"u8.ToArray());
        Assert.True(signature > 0);
        tampered[signature + 3 + 2 + 10] ^= 0x01; // inside the DER signature after the byte-string header
        await Assert.ThrowsAnyAsync<Exception>(() => MakeNewCredentialAsync(NewFido2(), registration with { AttestationObject = tampered }, challenge));
    }

    [Fact]
    public async Task TamperedAttestationAuthenticatorDataIsRejected()
    {
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Registration registration = _platform.Register(RpId, challenge, Origin, RandomNumberGenerator.GetBytes(16));
        byte[] tampered = registration.AttestationObject.ToArray();
        int authData = IndexOf(tampered, registration.AuthenticatorData);
        Assert.True(authData > 0);
        tampered[authData + 36] ^= 0x01; // the signature counter's low byte
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => MakeNewCredentialAsync(NewFido2(), registration with { AttestationObject = tampered }, challenge));
    }

    [Fact]
    public async Task RegistrationFromAnotherOriginIsRejected()
    {
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Registration registration = _platform.Register(RpId, challenge, "https://evil.example", RandomNumberGenerator.GetBytes(16));
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => MakeNewCredentialAsync(NewFido2(), registration, challenge));
    }

    [Fact]
    public async Task RegistrationForAnotherRpIdIsRejected()
    {
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Registration registration = _platform.Register("other.example", challenge, Origin, RandomNumberGenerator.GetBytes(16));
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => MakeNewCredentialAsync(NewFido2(), registration, challenge));
    }

    [Fact]
    public async Task RegistrationWithAnotherChallengeIsRejected()
    {
        Registration registration = _platform.Register(RpId, RandomNumberGenerator.GetBytes(32), Origin, RandomNumberGenerator.GetBytes(16));
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(
            () => MakeNewCredentialAsync(NewFido2(), registration, RandomNumberGenerator.GetBytes(32)));
    }

    [Fact]
    public async Task TamperedAssertionSignatureIsRejected()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, credential.Id);
        byte[] signature = assertion.Signature.ToArray();
        signature[^3] ^= 0x01;
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(
            () => VerifyAsync(NewFido2(), credential, assertion with { Signature = signature }, challenge));
    }

    [Fact]
    public async Task TamperedAssertionAuthenticatorDataIsRejected()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, credential.Id);
        byte[] authenticatorData = assertion.AuthenticatorData.ToArray();
        authenticatorData[36] ^= 0x40;
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(
            () => VerifyAsync(NewFido2(), credential, assertion with { AuthenticatorData = authenticatorData }, challenge));
    }

    [Fact]
    public async Task AssertionFromAnotherOriginIsRejected()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, "https://evil.example", credential.Id);
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => VerifyAsync(NewFido2(), credential, assertion, challenge));
    }

    [Fact]
    public async Task AssertionCheckedByAnotherRpIsRejected()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, credential.Id);
        var other = new Fido2(new Fido2Configuration
        {
            RPID = "other.example",
            RPName = "Other RP",
            Origins = new HashSet<string> { Origin },
        });
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => VerifyAsync(other, credential, assertion, challenge));
    }

    [Fact]
    public async Task AuthenticatorRefusesTheCredentialForAnotherRpId()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        var writer = CtapCbor.Writer();
        writer.WriteStartMap(null);
        writer.WriteInt32(1);
        writer.WriteTextString("other.example");
        writer.WriteInt32(2);
        writer.WriteByteString(RandomNumberGenerator.GetBytes(32));
        writer.WriteInt32(3);
        writer.WriteStartArray(1);
        writer.WriteStartMap(null);
        writer.WriteTextString("id");
        writer.WriteByteString(credential.Id);
        writer.WriteTextString("type");
        writer.WriteTextString("public-key");
        writer.WriteEndMap();
        writer.WriteEndArray();
        writer.WriteEndMap();
        (byte status, _) = _authenticator.Send(0x02, writer.Encode());
        Assert.Equal(0x2E, status); // CTAP2_ERR_NO_CREDENTIALS
    }

    [Fact]
    public async Task SignCountRegressionIsRejected()
    {
        (RegisteredPublicKeyCredential credential, _) = await RegisterAsync();
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => AuthenticateAsync(credential, storedCounter: uint.MaxValue - 1));
    }

    [Fact]
    public async Task AssertionVerifiedAgainstAnotherCredentialKeyIsRejected()
    {
        (RegisteredPublicKeyCredential first, _) = await RegisterAsync();
        (RegisteredPublicKeyCredential second, _) = await RegisterAsync();
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, first.Id);
        var impostor = new RegisteredPublicKeyCredential
        {
            Id = first.Id,
            PublicKey = second.PublicKey,
            SignCount = first.SignCount,
            AttestationType = first.AttestationType,
        };
        await Assert.ThrowsAnyAsync<Fido2VerificationException>(() => VerifyAsync(NewFido2(), impostor, assertion, challenge));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static Fido2 NewFido2() => new(new Fido2Configuration
    {
        RPID = RpId,
        RPName = "Example RP",
        Origins = new HashSet<string> { Origin },
    });

    private async Task<(RegisteredPublicKeyCredential Credential, Registration Registration)> RegisterAsync(
        byte[]? userId = null, bool resident = false, int algorithm = WebAuthnPlatform.Es256, byte[]? pinToken = null,
        UserVerificationRequirement userVerification = UserVerificationRequirement.Discouraged)
    {
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Registration registration = _platform.Register(RpId, challenge, Origin, userId ?? RandomNumberGenerator.GetBytes(16), resident,
            algorithm, pinToken);
        RegisteredPublicKeyCredential credential = await MakeNewCredentialAsync(NewFido2(), registration, challenge, userVerification);
        return (credential, registration);
    }

    private static async Task<RegisteredPublicKeyCredential> MakeNewCredentialAsync(Fido2 fido2, Registration registration,
        byte[] challenge, UserVerificationRequirement userVerification = UserVerificationRequirement.Discouraged)
    {
        CredentialCreateOptions options = fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = RandomNumberGenerator.GetBytes(16), Name = "alice", DisplayName = "Alice" },
            ExcludeCredentials = [],
            AuthenticatorSelection = new AuthenticatorSelection { UserVerification = userVerification },
            AttestationPreference = AttestationConveyancePreference.Direct,
            PubKeyCredParams = [PubKeyCredParam.ES256, PubKeyCredParam.Ed25519],
        });
        options.Challenge = challenge;
        var response = new AuthenticatorAttestationRawResponse
        {
            Id = Base64Url.EncodeToString(registration.CredentialId),
            RawId = registration.CredentialId,
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAttestationRawResponse.AttestationResponse
            {
                AttestationObject = registration.AttestationObject,
                ClientDataJson = registration.ClientDataJson,
                Transports = [AuthenticatorTransport.Usb],
            },
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };
        return await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
        {
            AttestationResponse = response,
            OriginalOptions = options,
            IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
        });
    }

    private async Task<VerifyAssertionResult> AuthenticateAsync(RegisteredPublicKeyCredential credential, uint? storedCounter = null)
    {
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        Assertion assertion = _platform.Authenticate(RpId, challenge, Origin, credential.Id);
        return await VerifyAsync(NewFido2(), credential, assertion, challenge, storedCounter: storedCounter);
    }

    private static async Task<VerifyAssertionResult> VerifyAsync(Fido2 fido2, RegisteredPublicKeyCredential credential, Assertion assertion,
        byte[] challenge, UserVerificationRequirement userVerification = UserVerificationRequirement.Discouraged, uint? storedCounter = null)
    {
        AssertionOptions options = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [new PublicKeyCredentialDescriptor(credential.Id)],
            UserVerification = userVerification,
        });
        options.Challenge = challenge;
        var response = new AuthenticatorAssertionRawResponse
        {
            Id = Base64Url.EncodeToString(assertion.CredentialId),
            RawId = assertion.CredentialId,
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAssertionRawResponse.AssertionResponse
            {
                AuthenticatorData = assertion.AuthenticatorData,
                Signature = assertion.Signature,
                ClientDataJson = assertion.ClientDataJson,
                UserHandle = assertion.UserHandle,
            },
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };
        return await fido2.MakeAssertionAsync(new MakeAssertionParams
        {
            AssertionResponse = response,
            OriginalOptions = options,
            StoredPublicKey = credential.PublicKey,
            StoredSignatureCounter = storedCounter ?? credential.SignCount,
            IsUserHandleOwnerOfCredentialIdCallback = (_, _) => Task.FromResult(true),
        });
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}

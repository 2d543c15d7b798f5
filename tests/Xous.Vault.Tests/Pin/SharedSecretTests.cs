using Xous.Vault.Pin;

namespace Xous.Vault.Tests.Pin;

/// <summary>The hmac-secret helpers of <see cref="IPinUvAuth"/> against the BouncyCastle platform.</summary>
public sealed class SharedSecretTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void DerivedSecretMatchesThePlatforms(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        platform.Agree();
        byte[] shared = new byte[64];
        Assert.Equal(CtapStatus.Ok, device.Pin.DeriveSharedSecret(protocol, platform.PlatformCoseKey, shared, out int length));
        Assert.Equal(protocol == 1 ? 32 : 64, length);
        Assert.Equal(platform.SharedSecret, shared[..length]);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void EncryptDecryptAndVerifyInteroperate(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        platform.Agree();
        byte[] shared = platform.SharedSecret;
        byte[] salts = new byte[64];
        new Random(3).NextBytes(salts);

        // platform → authenticator: saltEnc and saltAuth
        byte[] saltEnc = TestPlatform.Encrypt(protocol, shared, salts);
        byte[] decrypted = new byte[64];
        Assert.True(device.Pin.DecryptWithSharedSecret(protocol, shared, saltEnc, decrypted, out int length));
        Assert.Equal(64, length);
        Assert.Equal(salts, decrypted);
        byte[] saltAuth = platform.AuthenticateShared(saltEnc);
        Assert.True(device.Pin.VerifyWithSharedSecret(protocol, shared, saltEnc, saltAuth));
        byte[] tampered = (byte[])saltAuth.Clone();
        tampered[^1] ^= 1;
        Assert.False(device.Pin.VerifyWithSharedSecret(protocol, shared, saltEnc, tampered));
        Assert.False(device.Pin.VerifyWithSharedSecret(protocol, shared, saltEnc, protocol == 1 ? TestPlatform.Hmac(shared[..32], saltEnc) : saltAuth[..16]));
        Assert.False(device.Pin.VerifyWithSharedSecret(3, shared, saltEnc, saltAuth));

        // authenticator → platform: the output
        byte[] output = new byte[80];
        int written = device.Pin.EncryptWithSharedSecret(protocol, shared, salts[..32], output);
        Assert.Equal(protocol == 1 ? 32 : 48, written);
        Assert.Equal(salts[..32], TestPlatform.Decrypt(protocol, shared, output[..written]));
        if (protocol == 2)
        {
            byte[] again = new byte[80];
            device.Pin.EncryptWithSharedSecret(protocol, shared, salts[..32], again);
            Assert.NotEqual(output[..16], again[..16]); // a fresh IV each time
        }

        Assert.False(device.Pin.DecryptWithSharedSecret(protocol, shared, saltEnc[..^1], decrypted, out _));
        Assert.False(device.Pin.DecryptWithSharedSecret(protocol, shared, protocol == 1 ? [] : saltEnc[..16], decrypted, out _));
    }

    [Fact]
    public void BadPlatformKeys()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        platform.Agree();
        byte[] shared = new byte[64];
        Assert.Equal(CtapStatus.MissingParameter, device.Pin.DeriveSharedSecret(2, [], shared, out _));
        Assert.Equal(CtapStatus.InvalidParameter, device.Pin.DeriveSharedSecret(3, platform.PlatformCoseKey, shared, out _));
        Assert.Equal(CtapStatus.InvalidParameter, device.Pin.DeriveSharedSecret(2, [0xA0], shared, out _));
        Assert.Equal(CtapStatus.InvalidParameter, device.Pin.DeriveSharedSecret(2, [0x01], shared, out _));
        Assert.Equal(CtapStatus.InvalidParameter, device.Pin.DeriveSharedSecret(2, TestPlatform.CoseKey(new byte[32], new byte[32]), shared, out int length));
        Assert.Equal(0, length);
        Assert.True(device.Pin.IsProtocolSupported(1));
        Assert.True(device.Pin.IsProtocolSupported(2));
        Assert.False(device.Pin.IsProtocolSupported(0));
        Assert.False(device.Pin.IsProtocolSupported(3));
    }

    [Fact]
    public void TheSecretFollowsTheCurrentKeyAgreementKey()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 1);
        platform.Agree();
        device.PowerCycle();
        byte[] shared = new byte[64];
        Assert.Equal(CtapStatus.Ok, device.Pin.DeriveSharedSecret(1, platform.PlatformCoseKey, shared, out _));
        Assert.NotEqual(platform.SharedSecret, shared[..32]);
    }
}

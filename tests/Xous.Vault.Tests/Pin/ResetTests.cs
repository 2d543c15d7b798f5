using System.Formats.Cbor;

namespace Xous.Vault.Tests.Pin;

public sealed class ResetTests
{
    [Fact]
    public void ResetForgetsPinConfigurationTokensAndLockout()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(2);
        writer.WriteUInt64(1);
        writer.WriteUInt64(8);
        writer.WriteUInt64(2);
        writer.WriteStartArray(1);
        writer.WriteTextString("a.example");
        writer.WriteEndArray();
        writer.WriteEndMap();
        Assert.Equal(CtapStatus.Ok, PinDevice.Send(device.Pin.Config, TestPlatform.Map((1, 3UL), (2, new RawCbor(writer.Encode())))).Status);
        Assert.Equal(CtapStatus.Ok, PinDevice.Send(device.Pin.Config, TestPlatform.Map((1, 2UL))).Status);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("12345678"));
        var (_, token) = platform.GetToken("12345678", 0x02);
        for (int i = 0; i < 3; i++)
        {
            platform.GetToken("00000000", 0x02);
        }

        Assert.Equal((5, true), platform.GetRetries());
        Assert.True(device.Pin.AlwaysUv);
        Assert.Equal(8, device.Pin.MinPinLength);
        Assert.True(device.Pin.IsMinPinLengthRpId("a.example"));
        var before = platform.GetKeyAgreement();

        device.Pin.Reset();
        device.Store.Commit();

        Assert.False(device.Pin.IsPinSet);
        Assert.False(device.Pin.AlwaysUv);
        Assert.False(device.Pin.ForcePinChange);
        Assert.Equal(4, device.Pin.MinPinLength);
        Assert.False(device.Pin.IsMinPinLengthRpId("a.example"));
        Assert.Equal((8, false), platform.GetRetries());
        Assert.NotEqual(before.X, platform.GetKeyAgreement().X);
        Assert.Equal(CtapStatus.PinAuthInvalid, device.Pin.VerifyPinUvAuthParam(2, [1], TestPlatform.Authenticate(2, token, [1]), Xous.Vault.Pin.PinUvAuthPermissions.GetAssertion, null));
        Assert.Null(device.Store.CommittedValue("fido.cfg", "pin"));
        Assert.Null(device.Store.CommittedValue("fido.cfg", "config"));

        device.PowerCycle();
        platform = new TestPlatform(device, 2);
        Assert.False(device.Pin.IsPinSet);
        Assert.Equal(4, device.Pin.MinPinLength);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        Assert.Equal(CtapStatus.Ok, platform.GetToken("1234", 0x02).Status);
    }
}

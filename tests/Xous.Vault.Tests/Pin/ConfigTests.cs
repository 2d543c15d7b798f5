using System.Formats.Cbor;

namespace Xous.Vault.Tests.Pin;

public sealed class ConfigTests
{
    private const ulong Acfg = 0x20;
    private const ulong GetAssertion = 0x02;

    private static (CtapStatus Status, byte[] Body) Config(PinDevice device, byte[] parameters) => PinDevice.Send(device.Pin.Config, parameters);

    /// <summary>{1: subCommand, [2: params], [3: protocol, 4: authenticate(token, 32×0xFF ‖ 0x0D ‖ sub ‖ params)]}.</summary>
    private static byte[] Request(ulong subCommand, byte[]? subCommandParams = null, ulong protocol = 0, byte[]? token = null, bool tamper = false)
    {
        if (token == null)
        {
            return subCommandParams == null
                ? TestPlatform.Map((1, subCommand))
                : TestPlatform.Map((1, subCommand), (2, new RawCbor(subCommandParams)));
        }

        byte[] message = [.. Enumerable.Repeat((byte)0xFF, 32), 0x0D, (byte)subCommand, .. subCommandParams ?? []];
        byte[] auth = TestPlatform.Authenticate(protocol, token, message);
        if (tamper)
        {
            auth[0] ^= 1;
        }

        return subCommandParams == null
            ? TestPlatform.Map((1, subCommand), (3, protocol), (4, auth))
            : TestPlatform.Map((1, subCommand), (2, new RawCbor(subCommandParams)), (3, protocol), (4, auth));
    }

    private static byte[] MinPinParams(ulong? length = null, string[]? rpIds = null, bool? force = null)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        int count = (length.HasValue ? 1 : 0) + (rpIds != null ? 1 : 0) + (force.HasValue ? 1 : 0);
        writer.WriteStartMap(count);
        if (length.HasValue)
        {
            writer.WriteUInt64(1);
            writer.WriteUInt64(length.Value);
        }

        if (rpIds != null)
        {
            writer.WriteUInt64(2);
            writer.WriteStartArray(rpIds.Length);
            foreach (string rpId in rpIds)
            {
                writer.WriteTextString(rpId);
            }

            writer.WriteEndArray();
        }

        if (force.HasValue)
        {
            writer.WriteUInt64(3);
            writer.WriteBoolean(force.Value);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    [Fact]
    public void WithoutAPinConfigNeedsNoAuthUntilAlwaysUvIsOn()
    {
        var device = new PinDevice();
        Assert.False(device.Pin.AlwaysUv);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(2)).Status);
        Assert.True(device.Pin.AlwaysUv);
        device.PowerCycle();
        Assert.True(device.Pin.AlwaysUv);
        Assert.Equal(CtapStatus.PinUvAuthTokenRequired, Config(device, Request(2)).Status);
        Assert.True(device.Pin.AlwaysUv);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void WithAPinConfigNeedsATokenWithAcfg(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        Assert.Equal(CtapStatus.PinUvAuthTokenRequired, Config(device, Request(2)).Status);

        var (_, noAcfg) = platform.GetToken("1234", GetAssertion);
        Assert.Equal(CtapStatus.PinAuthInvalid, Config(device, Request(2, null, protocol, noAcfg)).Status);

        var (_, token) = platform.GetToken("1234", Acfg);
        Assert.Equal(CtapStatus.PinAuthInvalid, Config(device, Request(2, null, protocol, token, tamper: true)).Status);
        byte[] auth = TestPlatform.Authenticate(protocol, token, [.. Enumerable.Repeat((byte)0xFF, 32), 0x0D, 2]);
        Assert.Equal(CtapStatus.MissingParameter, Config(device, TestPlatform.Map((1, 2UL), (4, auth))).Status);
        Assert.Equal(CtapStatus.InvalidParameter, Config(device, TestPlatform.Map((1, 2UL), (3, 7UL), (4, auth))).Status);
        Assert.False(device.Pin.AlwaysUv);

        Assert.Equal(CtapStatus.Ok, Config(device, Request(2, null, protocol, token)).Status);
        Assert.True(device.Pin.AlwaysUv);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(2, null, protocol, token)).Status);
        Assert.False(device.Pin.AlwaysUv);

        // the params are covered by the MAC
        byte[] good = MinPinParams(length: 6);
        byte[] message = [.. Enumerable.Repeat((byte)0xFF, 32), 0x0D, 3, .. good];
        byte[] paramAuth = TestPlatform.Authenticate(protocol, token, message);
        Assert.Equal(CtapStatus.PinAuthInvalid, Config(device, TestPlatform.Map((1, 3UL), (2, new RawCbor(MinPinParams(length: 5))), (3, protocol), (4, paramAuth))).Status);
        Assert.Equal(CtapStatus.Ok, Config(device, TestPlatform.Map((1, 3UL), (2, new RawCbor(good)), (3, protocol), (4, paramAuth))).Status);
        Assert.Equal(6, device.Pin.MinPinLength);
    }

    [Fact]
    public void SetMinPinLengthOnlyIncreasesAndIsPersisted()
    {
        var device = new PinDevice();
        Assert.Equal(4, device.Pin.MinPinLength);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams(length: 6))).Status);
        Assert.Equal(CtapStatus.PinPolicyViolation, Config(device, Request(3, MinPinParams(length: 5))).Status);
        Assert.Equal(CtapStatus.PinPolicyViolation, Config(device, Request(3, MinPinParams(length: 64))).Status);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams(length: 6))).Status);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams())).Status);
        Assert.Equal(6, device.Pin.MinPinLength);
        device.PowerCycle();
        Assert.Equal(6, device.Pin.MinPinLength);
        Assert.Equal(CtapStatus.PinPolicyViolation, new TestPlatform(device, 2).SetPin("12345"));
        Assert.Equal(CtapStatus.Ok, new TestPlatform(device, 2).SetPin("123456"));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void AMinimumAboveThePinLengthForcesAPinChange(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("12345"));
        var (_, token) = platform.GetToken("12345", Acfg);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams(length: 5), protocol, token)).Status);
        Assert.False(device.Pin.ForcePinChange);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams(length: 6), protocol, token)).Status);
        Assert.True(device.Pin.ForcePinChange);
        device.PowerCycle();
        platform = new TestPlatform(device, protocol);
        Assert.True(device.Pin.ForcePinChange);

        // token requests are refused (after a correct PIN, which restores the retries)
        Assert.Equal(CtapStatus.PinPolicyViolation, platform.GetToken("12345", GetAssertion).Status);
        Assert.Equal(CtapStatus.PinPolicyViolation, platform.GetToken("12345", null).Status);
        Assert.Equal(8, platform.GetRetries().Retries);
        Assert.Equal(CtapStatus.PinInvalid, platform.GetToken("99999", GetAssertion).Status);

        // the new PIN must meet the new minimum and differ from the old one
        Assert.Equal(CtapStatus.PinPolicyViolation, platform.ChangePin("12345", "12345"));
        Assert.Equal(CtapStatus.PinPolicyViolation, platform.ChangePin("12345", "54321"));
        Assert.True(device.Pin.ForcePinChange);
        Assert.Equal(CtapStatus.Ok, platform.ChangePin("12345", "654321"));
        Assert.False(device.Pin.ForcePinChange);
        Assert.Equal(CtapStatus.Ok, platform.GetToken("654321", GetAssertion).Status);
    }

    [Fact]
    public void ForceChangePinNeedsAPin()
    {
        var device = new PinDevice();
        Assert.Equal(CtapStatus.PinNotSet, Config(device, Request(3, MinPinParams(force: true))).Status);
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        var (_, token) = platform.GetToken("1234", Acfg);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams(force: false), 2, token)).Status);
        Assert.False(device.Pin.ForcePinChange);
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams(force: true), 2, token)).Status);
        Assert.True(device.Pin.ForcePinChange);
        // the same PIN again is refused while the change is forced
        Assert.Equal(CtapStatus.PinPolicyViolation, platform.ChangePin("1234", "1234"));
        Assert.Equal(CtapStatus.Ok, platform.ChangePin("1234", "4321"));
    }

    [Fact]
    public void MinPinLengthRpIdsAreReplacedBoundedAndPersisted()
    {
        var device = new PinDevice();
        Assert.False(device.Pin.IsMinPinLengthRpId("a.example"));
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams(rpIds: ["a.example", "b.example"]))).Status);
        Assert.True(device.Pin.IsMinPinLengthRpId("a.example"));
        Assert.True(device.Pin.IsMinPinLengthRpId("b.example"));
        Assert.False(device.Pin.IsMinPinLengthRpId("c.example"));
        device.PowerCycle();
        Assert.True(device.Pin.IsMinPinLengthRpId("b.example"));

        string[] nine = Enumerable.Range(0, 9).Select(i => $"rp{i}.example").ToArray();
        Assert.Equal(CtapStatus.KeyStoreFull, Config(device, Request(3, MinPinParams(rpIds: nine))).Status);
        Assert.True(device.Pin.IsMinPinLengthRpId("a.example"));
        Assert.Equal(CtapStatus.Ok, Config(device, Request(3, MinPinParams(rpIds: nine[..8]))).Status);
        Assert.False(device.Pin.IsMinPinLengthRpId("a.example"));
        Assert.True(device.Pin.IsMinPinLengthRpId("rp7.example"));
        Assert.Equal(CtapStatus.InvalidLength, Config(device, Request(3, MinPinParams(rpIds: [new string('a', 256)]))).Status);
        device.PowerCycle();
        Assert.True(device.Pin.IsMinPinLengthRpId("rp7.example"));
    }

    [Fact]
    public void SubCommandErrors()
    {
        var device = new PinDevice();
        Assert.Equal(CtapStatus.InvalidParameter, Config(device, Request(1)).Status);
        Assert.False(device.Pin.EnterpriseAttestationEnabled);
        Assert.Equal(CtapStatus.InvalidSubcommand, Config(device, Request(4)).Status);
        Assert.Equal(CtapStatus.InvalidSubcommand, Config(device, Request(0xFF)).Status);
        Assert.Equal(CtapStatus.MissingParameter, Config(device, TestPlatform.Map((3, 1UL))).Status);
        Assert.Equal(CtapStatus.MissingParameter, Config(device, []).Status);
        Assert.Equal(CtapStatus.CborUnexpectedType, Config(device, TestPlatform.Map((1, "two"))).Status);
        Assert.Equal(CtapStatus.CborUnexpectedType, Config(device, Request(3, [0xA1, 0x01, 0x61, 0x36])).Status);
        Assert.Equal(4, device.Pin.MinPinLength);
    }
}

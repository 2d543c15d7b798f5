namespace Xous.Vault.Tests.Pin;

/// <summary>Hostile input: mutated and random parameter maps never throw, they get a status (house rule 9).</summary>
public sealed class MalformedInputTests
{
    [Fact]
    public void MutatedRequestsAreAnsweredWithAStatus()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        platform.Agree();
        byte[] pinHashEnc = platform.Encrypt(TestPlatform.PinHash("1234"));
        byte[][] seeds =
        [
            TestPlatform.Map((1, 2UL), (2, 9UL), (3, new RawCbor(platform.PlatformCoseKey)), (6, pinHashEnc), (9, 0x3UL), (10, "a.example")),
            TestPlatform.Map((1, 2UL), (2, 2UL)),
            TestPlatform.Map((1, 3UL), (2, new RawCbor(TestPlatform.Map((1, 6UL), (2, new[] { "a.example" }), (3, true)))), (3, 2UL), (4, new byte[32])),
            TestPlatform.Map((2, new byte[40]), (3, 0UL), (4, 40UL), (5, new byte[32]), (6, 2UL)),
        ];
        ICtapCommand[] commands = [device.Pin.ClientPin, device.Pin.ClientPin, device.Pin.Config, device.Pin.LargeBlobs];
        var random = new Random(77);
        for (int round = 0; round < 3000; round++)
        {
            int which = round % seeds.Length;
            byte[] input = (byte[])seeds[which].Clone();
            switch (random.Next(4))
            {
                case 0:
                    input[random.Next(input.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    input = input[..random.Next(input.Length)];
                    break;
                case 2:
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                    break;
                default:
                    input = new byte[random.Next(1, 64)];
                    random.NextBytes(input);
                    break;
            }

            var (status, body) = PinDevice.Send(commands[which], input);
            Assert.True(Enum.IsDefined(status));
            Assert.True(status == CtapStatus.Ok || body.Length == 0);
        }
    }
}

namespace Xous.Vault.Tests.Pin;

public sealed class PinLockoutTests
{
    private const ulong GetAssertion = 0x02;

    /// <summary>fido2-tests' lockout sequence (fido-clients.md §7.5): wrong PINs i = 1..9 with a power cycle after each PIN_AUTH_BLOCKED.</summary>
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void WrongPinSequenceWithPowerCycles(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        for (int i = 1; i <= 9; i++)
        {
            CtapStatus status = platform.GetToken("9999", GetAssertion).Status;
            if (i is 3 or 6)
            {
                Assert.Equal(CtapStatus.PinAuthBlocked, status);
                Assert.Equal((8 - i, true), platform.GetRetries());
                // blocked until a power cycle, without consuming retries, even for the right PIN
                Assert.Equal(CtapStatus.PinAuthBlocked, platform.GetToken("1234", GetAssertion).Status);
                Assert.Equal(CtapStatus.PinAuthBlocked, platform.ChangePin("1234", "5678"));
                Assert.Equal((8 - i, true), platform.GetRetries());
                device.PowerCycle();
                platform = new TestPlatform(device, protocol);
                Assert.Equal((8 - i, false), platform.GetRetries());
            }
            else if (i >= 8)
            {
                Assert.Equal(CtapStatus.PinBlocked, status);
            }
            else
            {
                Assert.Equal(CtapStatus.PinInvalid, status);
            }

            Assert.Equal(System.Math.Max(0, 8 - i), platform.GetRetries().Retries);
        }

        Assert.Equal(CtapStatus.PinBlocked, platform.GetToken("1234", GetAssertion).Status);
        Assert.Equal(CtapStatus.PinBlocked, platform.ChangePin("1234", "5678"));
        device.PowerCycle();
        platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.PinBlocked, platform.GetToken("1234", GetAssertion).Status);
        Assert.Equal(0, platform.GetRetries().Retries);
    }

    [Fact]
    public void ACorrectPinRestoresRetriesAndTheConsecutiveCount()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        Assert.Equal(CtapStatus.PinInvalid, platform.GetToken("0000", GetAssertion).Status);
        Assert.Equal(CtapStatus.PinInvalid, platform.GetToken("0000", GetAssertion).Status);
        Assert.Equal(6, platform.GetRetries().Retries);
        Assert.Equal(CtapStatus.Ok, platform.GetToken("1234", GetAssertion).Status);
        Assert.Equal((8, false), platform.GetRetries());
        // the consecutive count started again: two more misses are PIN_INVALID, the third blocks
        Assert.Equal(CtapStatus.PinInvalid, platform.GetToken("0000", GetAssertion).Status);
        Assert.Equal(CtapStatus.PinInvalid, platform.GetToken("0000", GetAssertion).Status);
        Assert.Equal(CtapStatus.PinAuthBlocked, platform.GetToken("0000", GetAssertion).Status);
    }

    [Fact]
    public void ChangePinWithAWrongCurrentPinCountsAsAMiss()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 1);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        Assert.Equal(CtapStatus.PinInvalid, platform.ChangePin("4321", "5678"));
        Assert.Equal(7, platform.GetRetries().Retries);
        device.PowerCycle();
        Assert.Equal(7, new TestPlatform(device, 1).GetRetries().Retries);
    }

    [Fact]
    public void AWrongPinRegeneratesTheKeyAgreementKey()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        var before = platform.GetKeyAgreement();
        Assert.Equal(before.X, platform.GetKeyAgreement().X);
        Assert.Equal(CtapStatus.PinInvalid, platform.GetToken("0000", GetAssertion).Status);
        var after = platform.GetKeyAgreement();
        Assert.NotEqual(before.X, after.X);

        // a request under the old key no longer decrypts to the right PIN hash: it is a miss
        platform.AgreeWith(before.X, before.Y);
        byte[] pinHashEnc = platform.Encrypt(TestPlatform.PinHash("1234"));
        var (status, _) = platform.ClientPin(TestPlatform.Map((1, 2UL), (2, 9UL), (3, new RawCbor(platform.PlatformCoseKey)), (6, pinHashEnc), (9, GetAssertion)));
        Assert.Equal(CtapStatus.PinInvalid, status);
    }

    [Fact]
    public void TheDecrementIsCommittedBeforeThePinIsCompared()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 2);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        int commits = device.Store.CommitCount;
        device.Store.FailCommit = true;

        // the right PIN, but the decrement cannot be made durable: no comparison, no token
        var (status, token) = platform.GetToken("1234", GetAssertion);
        Assert.Equal(CtapStatus.Other, status);
        Assert.Empty(token);
        Assert.Equal(commits + 1, device.Store.CommitCount);
        byte[]? pending = device.Store.PinRecordAtCommit[^1];
        Assert.NotNull(pending);
        Assert.Equal(7, pending![1]); // the record being committed already holds the decremented counter
        Assert.Equal(8, device.Store.CommittedValue("fido.cfg", "pin")![1]);

        // with a working store the same request decrements (the failed attempt still counts in RAM), commits,
        // compares and restores
        device.Store.FailCommit = false;
        Assert.Equal(CtapStatus.Ok, platform.GetToken("1234", GetAssertion).Status);
        Assert.Equal(6, device.Store.PinRecordAtCommit[^2]![1]);
        Assert.Equal(8, device.Store.PinRecordAtCommit[^1]![1]);
    }

    [Fact]
    public void AMissIsDurableEvenWhenPowerIsCutRightAfterTheComparison()
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, 1);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        Assert.Equal(CtapStatus.PinInvalid, platform.GetToken("1111", GetAssertion).Status);
        device.Store.DropPending();
        Assert.Equal(7, device.Store.CommittedValue("fido.cfg", "pin")![1]);
        device.PowerCycle();
        Assert.Equal((7, false), new TestPlatform(device, 1).GetRetries());
    }

    [Fact]
    public void ACommitFailureDuringSetPinLeavesTheOldState()
    {
        var device = new PinDevice();
        device.Store.FailCommit = true;
        Assert.Equal(CtapStatus.Other, new TestPlatform(device, 2).SetPin("1234"));
        device.Store.FailCommit = false;
        device.PowerCycle();
        Assert.False(device.Pin.IsPinSet);
    }
}

using Xous.Pddb.Host;

namespace Xous.Pddb.Tests.Host;

public class PddbHostBasisTests
{
    [Fact]
    public void ASecretBasisHoldsItsOwnValuesBehindItsPassword()
    {
        using var bed = new HostTestbed();
        bed.Format();
        PddbCommandOptions secret = bed.Options(basis: "vault", password: HostTestbed.BasisPassword);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "notes", "k", "system value", null, createDictionary: true)).Exit);

        HostTestbed.Result created = bed.Run(c => c.CreateBasis(secret));
        Assert.Equal(0, created.Exit);
        Assert.Contains("created basis vault", created.Output);
        Assert.Equal(PddbExitCode.AlreadyExists, bed.Run(c => c.CreateBasis(secret)).Exit);

        Assert.Equal(0, bed.Run(c => c.Put(secret, "notes", "k", "secret value", null, createDictionary: true)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(secret, "hidden", "only", "here", null, createDictionary: true)).Exit);

        Assert.Equal("secret value"u8.ToArray(), bed.Run(c => c.Get(secret, "notes", "k", null, text: false)).Binary);
        Assert.Equal("system value"u8.ToArray(), bed.Run(c => c.Get(bed.Options(), "notes", "k", null, text: false)).Binary);

        // Without the basis its dictionaries are not visible at all.
        HostTestbed.Result plain = bed.Run(c => c.Get(bed.Options(), "hidden", "only", null, text: false));
        Assert.Equal(PddbExitCode.NotFound, plain.Exit);
        Assert.DoesNotContain("hidden  (", bed.Run(c => c.List(bed.Options(), null)).Output);
        Assert.Contains("hidden  (1 key)", bed.Run(c => c.List(secret, null)).Output);

        HostTestbed.Result unlocked = bed.Run(c => c.Unlock(secret));
        Assert.Equal(0, unlocked.Exit);
        Assert.Contains("basis vault opens: 2 dictionaries", unlocked.Output);
        Assert.Contains("  hidden", unlocked.Output);

        Assert.Equal(0, bed.Run(c => c.Check(secret)).Exit);
        Assert.Contains("clean: .System, vault", bed.Run(c => c.Check(secret)).Output);
    }

    [Fact]
    public void AWrongPasswordAndAnUnknownBasisGiveTheSameAnswer()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.CreateBasis(bed.Options(basis: "vault", password: HostTestbed.BasisPassword))).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(basis: "vault", password: HostTestbed.BasisPassword), "d", "k", "v", null, createDictionary: true)).Exit);
        byte[] before = bed.ImageHash();

        HostTestbed.Result wrongPassword = bed.Run(c => c.Get(bed.Options(basis: "vault", password: "not it"), "d", "k", null, text: true));
        HostTestbed.Result unknownBasis = bed.Run(c => c.Get(bed.Options(basis: "nothere", password: HostTestbed.BasisPassword), "d", "k", null, text: true));
        HostTestbed.Result unlockWrong = bed.Run(c => c.Unlock(bed.Options(basis: "vault", password: "not it")));

        Assert.Equal(PddbExitCode.NotFound, wrongPassword.Exit);
        Assert.Equal(PddbExitCode.NotFound, unknownBasis.Exit);
        Assert.Equal(PddbExitCode.NotFound, unlockWrong.Exit);
        Assert.Equal("xous pddb: no basis vault opens with that password", wrongPassword.Error.TrimEnd());
        Assert.Equal("xous pddb: no basis nothere opens with that password", unknownBasis.Error.TrimEnd());
        Assert.Equal(wrongPassword.Error, unlockWrong.Error);
        Assert.Equal(wrongPassword.Error.Replace("vault", "nothere"), unknownBasis.Error);
        Assert.Equal(before, bed.ImageHash());
    }

    [Fact]
    public void TheBasisPasswordComesFromTheEnvironmentOrThePrompt()
    {
        using var bed = new HostTestbed();
        bed.Format();
        bed.PromptAnswers.Enqueue(HostTestbed.BasisPassword);
        bed.PromptAnswers.Enqueue(HostTestbed.BasisPassword);
        Assert.Equal(0, bed.Run(c => c.CreateBasis(bed.Options(basis: "vault"))).Exit);
        Assert.Equal(2, bed.Prompts.Count);

        bed.Environment[PddbCommandOptions.BasisPasswordVariable] = HostTestbed.BasisPassword;
        Assert.Equal(0, bed.Run(c => c.Unlock(bed.Options(basis: "vault"))).Exit);
        bed.Environment.Clear();
        Assert.Equal(PddbExitCode.Usage, bed.Run(c => c.Unlock(bed.Options(basis: "vault"))).Exit);
    }

    [Fact]
    public void UnlockAndCreateBasisNeedABasis()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(PddbExitCode.Usage, bed.Run(c => c.Unlock(bed.Options())).Exit);
        Assert.Equal(PddbExitCode.Usage, bed.Run(c => c.CreateBasis(bed.Options())).Exit);
    }

    [Fact]
    public void BasisNamesAndPasswordsHaveByteLimits()
    {
        using var bed = new HostTestbed();
        bed.Format();
        HostTestbed.Result longName = bed.Run(c => c.CreateBasis(bed.Options(basis: new string('b', 64), password: "pw")));
        Assert.Equal(PddbExitCode.InvalidName, longName.Exit);
        Assert.Contains("63 bytes", longName.Error);
        Assert.Equal(0, bed.Run(c => c.CreateBasis(bed.Options(basis: new string('b', 63), password: "pw"))).Exit);
        Assert.Equal(PddbExitCode.InvalidName, bed.Run(c => c.CreateBasis(bed.Options(basis: ".System", password: "pw"))).Exit);
        HostTestbed.Result longPassword = bed.Run(c => c.CreateBasis(bed.Options(basis: "p", password: new string('p', 73))));
        Assert.Equal(PddbExitCode.InvalidName, longPassword.Exit);
        Assert.Contains("72 bytes", longPassword.Error);
    }
}

using System.Text;
using Xous.Hal.Simulation;
using Xous.Pddb.Api;

namespace Xous.Pddb.Tests.Service;

public class MountAndBasisTests
{
    [Fact]
    public void RightPinMounts()
    {
        using var harness = new ServiceHarness();
        Assert.False(harness.Client.IsMounted());
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.TryMount());
        Assert.True(harness.Client.IsMounted());
        Assert.Equal(1, harness.Environment.PinPrompts);

        // Mounting again is a no-op that does not ask again.
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.TryMount());
        Assert.Equal(1, harness.Environment.PinPrompts);
    }

    [Fact]
    public void WrongPinIsRefusedAndCounted()
    {
        using var harness = new ServiceHarness();
        harness.Environment.Pin = "0000";
        Assert.Equal(PddbServiceStatus.WrongPin, harness.Client.TryMount());
        Assert.Equal(PddbServiceStatus.WrongPin, harness.Client.TryMount());
        Assert.False(harness.Client.IsMounted());
        var stats = default(PddbStats);
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.Stats(ref stats));
        Assert.Equal(2u, stats.WrongPinAttempts);
        Assert.Equal(0u, stats.Mounted);

        harness.Environment.Pin = ServiceHarness.RightPin;
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.TryMount());
        Assert.True(harness.Client.IsMounted());
    }

    [Fact]
    public void BlankFlashIsNoPddbWithoutAskingThePin()
    {
        using var harness = new ServiceHarness(format: false);
        Assert.Equal(PddbServiceStatus.NoPddb, harness.Client.TryMount());
        Assert.Equal(0, harness.Environment.PinPrompts);
        Assert.False(harness.Client.IsMounted());
    }

    [Fact]
    public void CancelledPinPromptDoesNotMount()
    {
        using var harness = new ServiceHarness();
        harness.Environment.Pin = null;
        Assert.Equal(PddbServiceStatus.Cancelled, harness.Client.TryMount());
        Assert.False(harness.Client.IsMounted());
    }

    [Fact]
    public void EveryDataOpcodeAnswersNotMountedBeforeMount()
    {
        using var harness = new ServiceHarness();
        PddbClient client = harness.Client;
        KeyPath path = Req.Path("d", "k");
        KeyPath dictionary = Req.Path("d");
        KeyPath basis = Req.Path(basis: "b");
        Assert.Equal(PddbServiceStatus.NotMounted, client.CreateDict(in dictionary));
        Assert.Equal(PddbServiceStatus.NotMounted, client.DeleteDict(in dictionary));
        Assert.Equal(PddbServiceStatus.NotMounted, client.DeleteKey(in path));
        Assert.Equal(PddbServiceStatus.NotMounted, client.CreateBasis(in basis));
        Assert.Equal(PddbServiceStatus.NotMounted, client.OpenBasis(in basis));
        Assert.Equal(PddbServiceStatus.NotMounted, client.CloseBasis(in basis));
        Assert.Equal(PddbServiceStatus.NotMounted, client.DeleteBasis(in basis));
        var chunk = Req.Chunk("d", "k", "v"u8, flags: KeyChunkFlags.Replace);
        Assert.Equal(PddbServiceStatus.NotMounted, client.WriteKey(ref chunk));
        chunk = Req.Chunk("d", "k", default);
        Assert.Equal(PddbServiceStatus.NotMounted, client.ReadKey(ref chunk));
        var query = Req.Query("d", "k");
        Assert.Equal(PddbServiceStatus.NotMounted, client.KeyLength(ref query));
        query = Req.Query("d");
        Assert.Equal(PddbServiceStatus.NotMounted, client.KeyCountInDict(ref query));
        query = Req.Query();
        Assert.Equal(PddbServiceStatus.NotMounted, client.DictCountInBasis(ref query));
        var list = new NameList();
        Assert.Equal(PddbServiceStatus.NotMounted, client.ListBasis(ref list));
        Assert.Equal(PddbServiceStatus.NotMounted, client.ListDict(ref list));
        list = new NameList { Path = Req.Path("d") };
        Assert.Equal(PddbServiceStatus.NotMounted, client.ListKeys(ref list));
        var latest = default(KeyPath);
        Assert.Equal(PddbServiceStatus.NotMounted, client.LatestBasis(ref latest));
        var bulk = new BulkRead[1];
        bulk[0].Path = Req.Path("d");
        Assert.Equal(PddbServiceStatus.NotMounted, client.DictBulkRead(ref bulk[0]));
        var delete = new BulkDelete { Path = Req.Path("d") };
        Assert.Equal(PddbServiceStatus.NotMounted, client.DictBulkDelete(ref delete));
        Assert.Equal(PddbServiceStatus.NotMounted, client.Sync());
        Assert.Equal(PddbServiceStatus.NotMounted, client.Churn());
        Assert.Equal(PddbServiceStatus.NotMounted, client.Check().Status);
        Assert.Equal(0, harness.Environment.PinPrompts);
        Assert.Empty(harness.Environment.PasswordPrompts);
    }

    [Fact]
    public void SecretBasisCreateOpenCloseWithPasswordPrompts()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        harness.Environment.Passwords["vault"] = "pw-secret-basis-8842";
        KeyPath vault = Req.Path(basis: "vault");
        Assert.Equal(PddbServiceStatus.Ok, client.CreateBasis(in vault));
        Assert.Equal(new[] { "vault" }, harness.Environment.PasswordPrompts);
        Assert.Equal(new[] { ".System" }, OpenBases(client));

        harness.Environment.Passwords["vault"] = "not-the-password";
        Assert.Equal(PddbServiceStatus.NotFound, client.OpenBasis(in vault));
        KeyPath missing = Req.Path(basis: "nothing-here");
        harness.Environment.Passwords["nothing-here"] = "whatever";
        Assert.Equal(PddbServiceStatus.NotFound, client.OpenBasis(in missing));
        harness.Environment.PasswordPrompts.Clear();
        Assert.Equal(PddbServiceStatus.Cancelled, client.OpenBasis(Req.Path(basis: "no-password-typed")));

        harness.Environment.Passwords["vault"] = "pw-secret-basis-8842";
        Assert.Equal(PddbServiceStatus.Ok, client.OpenBasis(in vault));
        Assert.Equal(new[] { ".System", "vault" }, OpenBases(client));
        var latest = default(KeyPath);
        Assert.Equal(PddbServiceStatus.Ok, client.LatestBasis(ref latest));
        Assert.Equal("vault", Encoding.UTF8.GetString(PddbWire.BasisName(in latest)));

        // Opening an open basis does not prompt.
        int prompts = harness.Environment.PasswordPrompts.Count;
        Assert.Equal(PddbServiceStatus.BasisAlreadyOpen, client.OpenBasis(in vault));
        Assert.Equal(prompts, harness.Environment.PasswordPrompts.Count);

        Assert.Equal(PddbServiceStatus.Ok, client.CloseBasis(in vault));
        Assert.Equal(new[] { ".System" }, OpenBases(client));
        Assert.Equal(PddbServiceStatus.BasisNotOpen, client.CloseBasis(in vault));
        Assert.Equal(PddbServiceStatus.SystemBasis, client.CloseBasis(Req.Path(basis: ".System")));

        var stats = default(PddbStats);
        Assert.Equal(PddbServiceStatus.Ok, client.Stats(ref stats));
        Assert.Equal(2u, stats.BasisOpenFailures);
    }

    [Fact]
    public void UnionViewAndExplicitBasis()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "prefs", "colour", "blue"u8));
        harness.Environment.Passwords["vault"] = "pw";
        KeyPath vault = Req.Path(basis: "vault");
        Assert.Equal(PddbServiceStatus.Ok, client.CreateBasis(in vault));
        Assert.Equal(PddbServiceStatus.Ok, client.OpenBasis(in vault));

        // The secret basis gets its own "prefs" and shadows the system one in the union view.
        Assert.Equal(PddbServiceStatus.Ok, client.CreateDict(Req.Path("prefs", basis: "vault")));
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "prefs", "colour", "red"u8, basis: "vault"));
        Assert.Equal("red", Req.Text(client, "prefs", "colour"));
        Assert.Equal("blue", Req.Text(client, "prefs", "colour", ".System"));
        Assert.Equal("red", Req.Text(client, "prefs", "colour", "vault"));

        // A union write goes to the latest basis that has the key.
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "prefs", "colour", "green"u8));
        Assert.Equal("blue", Req.Text(client, "prefs", "colour", ".System"));
        Assert.Equal("green", Req.Text(client, "prefs", "colour", "vault"));

        Assert.Equal(PddbServiceStatus.Ok, client.CloseBasis(in vault));
        Assert.Equal("blue", Req.Text(client, "prefs", "colour"));
        Req.Read(client, "prefs", "colour", out PddbServiceStatus status, "vault");
        Assert.Equal(PddbServiceStatus.BasisNotOpen, status);

        // Reopened, the secret value is back (it was synced when the basis was closed).
        Assert.Equal(PddbServiceStatus.Ok, client.OpenBasis(in vault));
        Assert.Equal("green", Req.Text(client, "prefs", "colour"));
        Assert.Equal(PddbServiceStatus.Ok, client.DeleteBasis(in vault));
        Assert.Equal("blue", Req.Text(client, "prefs", "colour"));
        Assert.Equal(PddbServiceStatus.NotFound, client.OpenBasis(in vault));
    }

    [Fact]
    public void SyncAndRemountRoundTrip()
    {
        var flash = new SimulatedFlash(1024);
        var environment = new InsecureTestPddbEnvironment(flash);
        byte[] big = new byte[9000];
        new Random(3).NextBytes(big);
        using (var first = new ServiceHarness(format: true, environment))
        {
            Assert.Equal(PddbServiceStatus.Ok, first.Client.TryMount());
            Assert.Equal(PddbServiceStatus.Ok, Req.Write(first.Client, "notes", "a", "kept"u8));
            Assert.Equal(PddbServiceStatus.Ok, Req.Write(first.Client, "notes", "big", big));
            Assert.Equal(PddbServiceStatus.Ok, first.Client.Sync());
            Assert.Equal(PddbServiceStatus.Ok, Req.Write(first.Client, "notes", "unsynced", "lost"u8));
        }

        using var second = new ServiceHarness(format: false, environment);
        Assert.Equal(PddbServiceStatus.Ok, second.Client.TryMount());
        Assert.Equal("kept", Req.Text(second.Client, "notes", "a"));
        Assert.Equal(big, Req.Read(second.Client, "notes", "big", out _));
        Req.Read(second.Client, "notes", "unsynced", out PddbServiceStatus status);
        Assert.Equal(PddbServiceStatus.NotFound, status);
        Assert.Equal(0u, second.Client.Check().Problems);
        Assert.Equal(PddbServiceStatus.Ok, second.Client.Churn());
        Assert.Equal("kept", Req.Text(second.Client, "notes", "a"));
    }

    [Fact]
    public void ThePinAndPasswordsNeverAppearInAReplyOrTheLog()
    {
        using var harness = new ServiceHarness();
        harness.Environment.Pin = "0000-wrong-pin";
        Assert.Equal(PddbServiceStatus.WrongPin, harness.Client.TryMount());
        harness.Environment.Pin = ServiceHarness.RightPin;
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.TryMount());
        harness.Environment.Passwords["vault"] = "pw-secret-basis-8842";
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.CreateBasis(Req.Path(basis: "vault")));
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.OpenBasis(Req.Path(basis: "vault")));
        var latest = default(KeyPath);
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.LatestBasis(ref latest));
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(harness.Client, "d", "k", "v"u8));
        var bulk = new BulkRead[1];
        bulk[0].Path = Req.Path("d");
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.DictBulkRead(ref bulk[0]));
        var stats = default(PddbStats);
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.Stats(ref stats));

        Assert.NotEmpty(harness.Channel.Replies);
        foreach (string secret in new[] { ServiceHarness.RightPin, "0000-wrong-pin", "pw-secret-basis-8842" })
        {
            byte[] needle = Encoding.UTF8.GetBytes(secret);
            foreach (byte[] reply in harness.Channel.Replies)
            {
                Assert.True(reply.AsSpan().IndexOf(needle) < 0, "a reply contains a secret");
            }

            Assert.DoesNotContain(harness.Environment.Reports, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AnInsecureEnvironmentIsReportedAtStartUp()
    {
        using var harness = new ServiceHarness();
        Assert.Contains(harness.Environment.Reports, line => line.Contains("INSECURE", StringComparison.Ordinal));
        Assert.Contains("Insecure", harness.Environment.GetType().Name, StringComparison.Ordinal);
    }

    private static List<string> OpenBases(PddbClient client) =>
        Req.Names(box => client.ListBasis(ref box[0]), default, out _);
}

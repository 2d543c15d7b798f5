using Xous.Pddb;
using Xous.Pddb.Format;
using Xous.Pddb.Host;
using Xous.Vault.Environment;
using Xous.Vault.Host.Serve;
using Xous.Vault.Host.Storage;

namespace Xous.Vault.Tests.Host;

/// <summary>The PDDB-backed store on an image file: durability at commit, restarts, errors, and first-start formatting.</summary>
public sealed class PddbVaultStoreTests : IDisposable
{
    private static readonly PddbOptions s_fastKdf = new() { KdfCost = 4 };
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void CommittedWritesSurviveARestartAndUncommittedOnesDoNot()
    {
        using (VaultStorage storage = Open())
        {
            Assert.True(storage.Formatted);
            storage.Store.Write("fido.cred", "one", [1, 2, 3]);
            storage.Store.Write("fido.cred", "two", new byte[IVaultStore.MaxValueLength]);
            storage.Store.Commit();
            storage.Store.Write("fido.cred", "three", [9]);
            storage.Store.Write("fido.cred", "one", [7, 7]);
            Assert.Equal(2, storage.Store.Length("fido.cred", "one"));
        }

        // The power cut: disposing without a sync drops everything after the commit.
        using (VaultStorage storage = Open())
        {
            Assert.False(storage.Formatted);
            byte[] value = new byte[16];
            Assert.Equal(3, storage.Store.Read("fido.cred", "one", value));
            Assert.Equal(new byte[] { 1, 2, 3 }, value[..3]);
            Assert.Equal(IVaultStore.MaxValueLength, storage.Store.Length("fido.cred", "two"));
            Assert.Equal(-1, storage.Store.Length("fido.cred", "three"));
            var keys = new List<string>();
            storage.Store.ListKeys("fido.cred", keys);
            Assert.Equal(["one", "two"], keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void DeleteIsDurableAfterCommitAndReportsWhetherTheKeyExisted()
    {
        using (VaultStorage storage = Open())
        {
            storage.Store.Write("d", "k", [5]);
            storage.Store.Commit();
            Assert.True(storage.Store.Delete("d", "k"));
            Assert.False(storage.Store.Delete("d", "k"));
            Assert.False(storage.Store.Delete("no-such-dictionary", "k"));
            storage.Store.Commit();
        }

        using (VaultStorage storage = Open())
        {
            Assert.Equal(-1, storage.Store.Read("d", "k", new byte[4]));
            var keys = new List<string>();
            storage.Store.ListKeys("d", keys);
            Assert.Empty(keys);
        }
    }

    [Fact]
    public void MissingValuesAndDictionariesReadAsAbsentAndShortBuffersAreRefused()
    {
        using VaultStorage storage = Open();
        Assert.Equal(-1, storage.Store.Read("nothing", "here", new byte[4]));
        Assert.Equal(-1, storage.Store.Length("nothing", "here"));
        var keys = new List<string> { "kept" };
        storage.Store.ListKeys("nothing", keys);
        Assert.Equal(["kept"], keys);

        storage.Store.Write("d", "k", [1, 2, 3, 4, 5]);
        Assert.Throws<ArgumentException>(() => storage.Store.Read("d", "k", new byte[4]));
        Assert.Throws<ArgumentException>(() => storage.Store.Write("d", "k", new byte[IVaultStore.MaxValueLength + 1]));
        Assert.Throws<ArgumentException>(() => storage.Store.Write("d", new string('k', 95), [1]));
        Assert.Equal(-1, storage.Store.Read("d", "not-there", []));
    }

    [Fact]
    public void AFullImageIsReportedAsFull()
    {
        // The smallest PDDB (256 pages) fills after a few hundred 8 KiB values; the store must say Full, not Failed.
        string image = Path.Combine(_directory.Path, "small.pddb");
        Assert.Equal(PddbImageStatus.Ok, PddbImage.Format(image, PddbGeometryPages, "1234"u8, fast: true, force: false, s_fastKdf));
        Assert.Equal(PddbImageStatus.Ok, PddbImage.Open(image, out PddbImage? opened, s_fastKdf));
        using PddbImage pddb = opened!;
        Assert.Equal(PddbImageStatus.Ok, pddb.Mount("1234"u8));
        var store = new PddbVaultStore(pddb);
        byte[] value = new byte[IVaultStore.MaxValueLength];
        VaultStoreException? full = null;
        for (int i = 0; i < 400 && full is null; i++)
        {
            value[0] = (byte)i;
            try
            {
                store.Write("bulk" + (i / 32).ToString(System.Globalization.CultureInfo.InvariantCulture), "key" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), value);
                if (i % 16 == 15)
                {
                    store.Commit();
                }
            }
            catch (VaultStoreException e)
            {
                full = e;
            }
        }

        Assert.NotNull(full);
        Assert.Equal(VaultStoreError.Full, full!.Error);
        Assert.DoesNotContain("\0", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongPinAndAMissingKeyFileStopTheStartWithDistinctErrors()
    {
        using (Open())
        {
        }

        VaultStartupException wrongPin = Assert.Throws<VaultStartupException>(() => VaultStorage.Open(_directory.Path, "9999"u8, s_fastKdf));
        Assert.Equal(VaultExitCodes.Pin, wrongPin.ExitCode);
        Assert.Contains("wrong PDDB PIN", wrongPin.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", wrongPin.Message, StringComparison.Ordinal);

        File.Move(Path.Combine(_directory.Path, "vault.pddb.keys"), Path.Combine(_directory.Path, "elsewhere.keys"));
        VaultStartupException noKeys = Assert.Throws<VaultStartupException>(() => VaultStorage.Open(_directory.Path, "1234"u8, s_fastKdf));
        Assert.Equal(VaultExitCodes.Storage, noKeys.ExitCode);
        Assert.Contains("device-secrets file", noKeys.Message, StringComparison.Ordinal);

        File.Move(Path.Combine(_directory.Path, "elsewhere.keys"), Path.Combine(_directory.Path, "vault.pddb.keys"));
        File.Delete(Path.Combine(_directory.Path, "vault.pddb"));
        VaultStartupException noImage = Assert.Throws<VaultStartupException>(() => VaultStorage.Open(_directory.Path, "1234"u8, s_fastKdf));
        Assert.Equal(VaultExitCodes.Storage, noImage.ExitCode);
        Assert.False(File.Exists(Path.Combine(_directory.Path, "vault.pddb")), "a new image was made beside an old key file");
    }

    [Fact]
    public void FirstStartCreatesAFourMebibyteImageAndAnOwnerOnlyStateFolder()
    {
        string state = Path.Combine(_directory.Path, "state");
        using (VaultStorage storage = VaultStorage.Open(state, "1234"u8, s_fastKdf))
        {
            Assert.True(storage.Formatted);
        }

        Assert.Equal(4L * 1024 * 1024, new FileInfo(Path.Combine(state, "vault.pddb")).Length);

        // Formatted with the noise fill: no page of the data region is still erased (all 0xFF), so free pages cannot be
        // told from pages holding data (the fast format would leave all but a handful erased).
        byte[] image = File.ReadAllBytes(Path.Combine(state, "vault.pddb"));
        PddbGeometry geometry = new(image.Length / 4096);
        int erasedPages = 0;
        for (int dataPage = 0; dataPage < geometry.DataPageCount; dataPage++)
        {
            if (image.AsSpan(geometry.PageOfData(dataPage) * 4096, 4096).IndexOfAnyExcept((byte)0xFF) < 0)
            {
                erasedPages++;
            }
        }

        Assert.Equal(0, erasedPages);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state));
        }
    }

    private const int PddbGeometryPages = 256;

    private VaultStorage Open() => VaultStorage.Open(_directory.Path, "1234"u8, s_fastKdf);
}

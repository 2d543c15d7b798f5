using System.Text.RegularExpressions;
using Xous.Pddb.Host;

namespace Xous.Pddb.Tests.Host;

public class PddbHostCommandTests
{
    [Fact]
    public void LsListsDictionariesWithKeyCountsAndKeysWithLengths()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal("(no dictionaries)", bed.Run(c => c.List(bed.Options(), null)).Output.Trim());
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "wifi", "home", "12345", null, createDictionary: true)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "wifi", "office", new string('o', 5000), null, createDictionary: false)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "contacts", "alice", "a", null, createDictionary: true)).Exit);

        HostTestbed.Result dictionaries = bed.Run(c => c.List(bed.Options(), null));
        Assert.Equal(0, dictionaries.Exit);
        Assert.Equal(["contacts  (1 key)", "wifi  (2 keys)"], Lines(dictionaries.Output));

        HostTestbed.Result keys = bed.Run(c => c.List(bed.Options(), "wifi"));
        Assert.Equal(0, keys.Exit);
        Assert.Equal(["           5  home", "        5000  office"], Lines(keys.Output));

        HostTestbed.Result missing = bed.Run(c => c.List(bed.Options(), "nope"));
        Assert.Equal(PddbExitCode.NotFound, missing.Exit);
        Assert.Equal("xous pddb: no dictionary nope", missing.Error.TrimEnd());
    }

    [Fact]
    public void RmDeletesAKeyThenTheWholeDictionary()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "a", "1", null, createDictionary: true)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "b", "2", null, createDictionary: false)).Exit);

        HostTestbed.Result removeKey = bed.Run(c => c.Remove(bed.Options(), "d", "a"));
        Assert.Equal(0, removeKey.Exit);
        Assert.Contains("deleted d/a", removeKey.Output);
        HostTestbed.Result gone = bed.Run(c => c.Get(bed.Options(), "d", "a", null, text: true));
        Assert.Equal(PddbExitCode.NotFound, gone.Exit);
        Assert.Equal("xous pddb: no key a in dictionary d", gone.Error.TrimEnd());
        Assert.Equal(PddbExitCode.NotFound, bed.Run(c => c.Remove(bed.Options(), "d", "a")).Exit);
        Assert.Equal("2"u8.ToArray(), bed.Run(c => c.Get(bed.Options(), "d", "b", null, text: false)).Binary);

        Assert.Equal(0, bed.Run(c => c.Remove(bed.Options(), "d", null)).Exit);
        Assert.Equal("(no dictionaries)", bed.Run(c => c.List(bed.Options(), null)).Output.Trim());
        Assert.Equal(PddbExitCode.NotFound, bed.Run(c => c.Remove(bed.Options(), "d", null)).Exit);
        Assert.Equal(0, bed.Run(c => c.Check(bed.Options())).Exit);
    }

    [Fact]
    public void PutNeedsAnExistingDictionaryUnlessAskedToCreateIt()
    {
        using var bed = new HostTestbed();
        bed.Format();
        HostTestbed.Result result = bed.Run(c => c.Put(bed.Options(), "d", "k", "v", null, createDictionary: false));
        Assert.Equal(PddbExitCode.NotFound, result.Exit);
        Assert.Contains("no dictionary d", result.Error);
        Assert.Contains("--create-dict", result.Error);
        Assert.Equal(PddbExitCode.Usage, bed.Run(c => c.Put(bed.Options(), "d", "k", null, null, createDictionary: true)).Exit);
        Assert.Equal(PddbExitCode.Usage, bed.Run(c => c.Put(bed.Options(), "d", "k", "v", bed.Image, createDictionary: true)).Exit);
        Assert.Equal(PddbExitCode.IoError, bed.Run(c => c.Put(bed.Options(), "d", "k", null, Path.Combine(bed.Folder, "absent"), createDictionary: true)).Exit);
    }

    [Fact]
    public void AValueLargerThanThePddbIsNoSpace()
    {
        using var bed = new HostTestbed();
        bed.Format("1MiB");
        string big = Path.Combine(bed.Folder, "big.bin");
        File.WriteAllBytes(big, new byte[2 * 1024 * 1024]);
        byte[] before = bed.ImageHash();
        HostTestbed.Result result = bed.Run(c => c.Put(bed.Options(), "d", "k", null, big, createDictionary: true));
        Assert.Equal(PddbExitCode.NoSpace, result.Exit);
        Assert.Contains("nothing was written", result.Error);
        Assert.Equal(before, bed.ImageHash());
    }

    [Fact]
    public void StatDescribesSizeGeometryBasesAndCounters()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "k", "v", null, createDictionary: true)).Exit);
        HostTestbed.Result stat = bed.Run(c => c.Stat(bed.Options()));
        Assert.Equal(0, stat.Exit);
        Assert.Matches($@"image\s+{Regex.Escape(bed.Image)}: 4 MiB, 1024 pages of 4096 bytes", stat.Output);
        Assert.Matches($@"device secrets\s+{Regex.Escape(bed.KeyFile)}", stat.Output);
        Assert.Matches(@"page table\s+pages 0-3 \(4 pages\)", stat.Output);
        Assert.Matches(@"crypto data\s+page 4\r?\n", stat.Output);
        Assert.Matches(@"make-before-break\s+pages 5-14\r?\n", stat.Output);
        Assert.Matches(@"free-space cache\s+pages 15-30\r?\n", stat.Output);
        Assert.Matches(@"data\s+pages 31-1023 \(993 pages", stat.Output);
        Assert.Matches(@"\.System\s+1 dictionaries, 1 keys, \d+ pages, generation \d+, 0 garbage entries", stat.Output);
        Assert.Matches(@"free pages\s+\d+ in the free-space cache", stat.Output);
        Assert.Contains("counters (this session):", stat.Output);
        Assert.Matches(@"wear\s+not available", stat.Output);

        Assert.Equal(0, bed.Run(c => c.CreateBasis(bed.Options(basis: "vault", password: "pw"))).Exit);
        HostTestbed.Result withBasis = bed.Run(c => c.Stat(bed.Options(basis: "vault", password: "pw")));
        Assert.Matches(@"vault\s+0 dictionaries, 0 keys", withBasis.Output);
    }

    [Fact]
    public void FormatRefusesAnExistingImageOrKeyFileWithoutForce()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "k", "v", null, createDictionary: true)).Exit);
        byte[] image = bed.ImageHash();
        byte[] keys = File.ReadAllBytes(bed.KeyFile);

        HostTestbed.Result refused = bed.Run(c => c.Format(bed.Options(), "4MiB", fast: true, force: false));
        Assert.Equal(PddbExitCode.ImageFile, refused.Exit);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(image, bed.ImageHash());
        Assert.Equal(keys, File.ReadAllBytes(bed.KeyFile));

        File.Move(bed.Image, bed.Image + ".moved");
        HostTestbed.Result keyRefused = bed.Run(c => c.Format(bed.Options(), "4MiB", fast: true, force: false));
        Assert.Equal(PddbExitCode.KeyFile, keyRefused.Exit);
        Assert.False(File.Exists(bed.Image));
        File.Move(bed.Image + ".moved", bed.Image);

        Assert.Equal(0, bed.Run(c => c.Format(bed.Options("9999"), "1MiB", fast: false, force: true)).Exit);
        Assert.Equal(256L * 4096, new FileInfo(bed.Image).Length);
        Assert.NotEqual(keys, File.ReadAllBytes(bed.KeyFile));
        Assert.Equal(PddbExitCode.WrongPin, bed.Run(c => c.Check(bed.Options())).Exit);
        Assert.Equal("(no dictionaries)", bed.Run(c => c.List(bed.Options("9999"), null)).Output.Trim());
    }

    [Fact]
    public void NamesPastTheirByteLimitsAreRefusedWithTheLimit()
    {
        using var bed = new HostTestbed();
        bed.Format();
        byte[] before = bed.ImageHash();

        HostTestbed.Result dictionary = bed.Run(c => c.Put(bed.Options(), new string('d', 111), "k", "v", null, createDictionary: true));
        Assert.Equal(PddbExitCode.InvalidName, dictionary.Exit);
        Assert.Contains("1 to 110 bytes", dictionary.Error);

        HostTestbed.Result key = bed.Run(c => c.Put(bed.Options(), "d", new string('k', 95), "v", null, createDictionary: true));
        Assert.Equal(PddbExitCode.InvalidName, key.Exit);
        Assert.Contains("1 to 94 bytes", key.Error);

        // Limits are bytes, not characters: 48 × 'é' is 96 bytes.
        HostTestbed.Result multiByte = bed.Run(c => c.Put(bed.Options(), "d", new string('é', 48), "v", null, createDictionary: true));
        Assert.Equal(PddbExitCode.InvalidName, multiByte.Exit);
        Assert.Contains("(it is 96 bytes)", multiByte.Error);
        Assert.Equal(PddbExitCode.InvalidName, bed.Run(c => c.Get(bed.Options(), "d", "a\0b", null, text: true)).Exit);
        Assert.Equal(before, bed.ImageHash());

        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), new string('d', 110), new string('k', 94), "v", null, createDictionary: true)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", new string('é', 47), "v", null, createDictionary: true)).Exit);
    }

    [Fact]
    public void ThePinAndPasswordNeverAppearInAnyOutput()
    {
        using var bed = new HostTestbed();
        bed.Format();
        PddbCommandOptions pin = bed.Options();
        PddbCommandOptions secret = bed.Options(basis: "vault", password: HostTestbed.BasisPassword);
        bed.Run(c => c.Put(pin, "d", "k", "v", null, createDictionary: true));
        bed.Run(c => c.Get(pin, "d", "k", null, text: true));
        bed.Run(c => c.Get(pin, "d", "k", null, text: false));
        bed.Run(c => c.Get(pin, "d", "missing", null, text: false));
        bed.Run(c => c.List(pin, null));
        bed.Run(c => c.List(pin, "d"));
        bed.Run(c => c.Stat(pin));
        bed.Run(c => c.Check(pin));
        bed.Run(c => c.CreateBasis(secret));
        bed.Run(c => c.Unlock(secret));
        bed.Run(c => c.Unlock(bed.Options(basis: "vault", password: HostTestbed.BasisPassword + "x")));
        bed.Run(c => c.Put(secret, "s", "k", "v", null, createDictionary: true));
        bed.Run(c => c.Remove(secret, "s", "k"));
        bed.Run(c => c.Check(bed.Options(HostTestbed.Pin + "1")));
        bed.Run(c => c.Format(pin, "4MiB", fast: true, force: false));
        bed.Run(c => c.Check(bed.Options(new string('9', 73))));
        File.Delete(bed.KeyFile);
        bed.Run(c => c.Check(pin));

        Assert.True(bed.AllOutput.Count >= 50);
        foreach (string text in bed.AllOutput)
        {
            Assert.DoesNotContain(HostTestbed.Pin, text);
            Assert.DoesNotContain(HostTestbed.BasisPassword, text);
            Assert.DoesNotContain(new string('9', 20), text);
        }
    }

    private static string[] Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'))];
}

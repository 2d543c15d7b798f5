using Xous.Hal.Hosted;
using Xous.Pddb.Format;
using Xous.Pddb.Host;

namespace Xous.Pddb.Tests.Host;

/// <summary>
/// "No PDDB", "wrong PIN" and "key file missing" are three different answers (reference §8 row 9: a user took
/// "no PDDB → format?" for a rejected PIN), and none of them changes the image.
/// </summary>
public class PddbHostMountErrorTests
{
    [Fact]
    public void WrongPinIsItsOwnAnswerAndChangesNothing()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "k", "v", null, createDictionary: true)).Exit);
        byte[] before = bed.ImageHash();

        foreach (Func<PddbCommands, int> verb in MountingVerbs(bed, "1111"))
        {
            HostTestbed.Result result = bed.Run(verb);
            Assert.Equal(PddbExitCode.WrongPin, result.Exit);
            Assert.Equal($"xous pddb: wrong PIN for {bed.Image} (the PDDB is there; nothing was changed)", result.Error.TrimEnd());
            Assert.Equal(string.Empty, result.Output);
        }

        Assert.Equal(before, bed.ImageHash());
    }

    [Fact]
    public void ALeadingZeroInThePinMatters()
    {
        using var bed = new HostTestbed();
        Assert.Equal(0, bed.Run(c => c.Format(bed.Options("0123"), "4MiB", fast: true, force: false)).Exit);
        Assert.Equal(0, bed.Run(c => c.Check(bed.Options("0123"))).Exit);
        Assert.Equal(PddbExitCode.WrongPin, bed.Run(c => c.Check(bed.Options("123"))).Exit);
    }

    [Fact]
    public void ABlankImageIsNoPddbAndThePinIsNotAskedFor()
    {
        using var bed = new HostTestbed();
        FileFlash.Create(bed.Image, 1024).Dispose();
        byte[] before = bed.ImageHash();
        bed.PromptAnswers.Enqueue(HostTestbed.Pin);

        HostTestbed.Result result = bed.Run(c => c.Check(bed.Options(pin: null)));

        Assert.Equal(PddbExitCode.NoPddb, result.Exit);
        Assert.Equal(
            $"xous pddb: no PDDB on {bed.Image}: it is blank or not a PDDB (use `./xous pddb --image {bed.Image} format` to create one)",
            result.Error.TrimEnd());
        Assert.Empty(bed.Prompts);
        Assert.Equal(before, bed.ImageHash());
    }

    [Fact]
    public void RandomBytesAreNoPddbEvenWithAKeyFile()
    {
        using var bed = new HostTestbed();
        bed.Format();
        byte[] noise = new byte[1024 * 4096];
        new Random(9).NextBytes(noise);
        File.WriteAllBytes(bed.Image, noise);
        byte[] before = bed.ImageHash();

        foreach (Func<PddbCommands, int> verb in MountingVerbs(bed, HostTestbed.Pin))
        {
            HostTestbed.Result result = bed.Run(verb);
            Assert.Equal(PddbExitCode.NoPddb, result.Exit);
            Assert.Contains($"no PDDB on {bed.Image}: it is blank or not a PDDB", result.Error);
            Assert.DoesNotContain("PIN", result.Error);
        }

        Assert.Equal(before, bed.ImageHash());
    }

    [Fact]
    public void AFileThatIsNotWholePagesIsNoPddb()
    {
        using var bed = new HostTestbed();
        File.WriteAllBytes(bed.Image, new byte[1000]);
        HostTestbed.Result result = bed.Run(c => c.Check(bed.Options()));
        Assert.Equal(PddbExitCode.NoPddb, result.Exit);
        Assert.Equal(1000, new FileInfo(bed.Image).Length);
    }

    [Fact]
    public void AMissingKeyFileIsItsOwnAnswerAndChangesNothing()
    {
        using var bed = new HostTestbed();
        bed.Format();
        File.Delete(bed.KeyFile);
        byte[] before = bed.ImageHash();
        bed.PromptAnswers.Enqueue(HostTestbed.Pin);

        HostTestbed.Result result = bed.Run(c => c.Get(bed.Options(pin: null), "d", "k", null, text: true));

        Assert.Equal(PddbExitCode.KeyFile, result.Exit);
        Assert.Equal(
            $"xous pddb: the device-secrets file {bed.KeyFile} is missing: without it no PIN can open this image",
            result.Error.TrimEnd());
        Assert.Empty(bed.Prompts);
        Assert.Equal(before, bed.ImageHash());
    }

    [Fact]
    public void AnotherImagesKeyFileIsAWrongPin()
    {
        using var bed = new HostTestbed();
        bed.Format();
        string otherImage = Path.Combine(bed.Folder, "other.img");
        Assert.Equal(0, bed.Run(c => c.Format(new PddbCommandOptions(otherImage) { Pin = HostTestbed.Pin }, "4MiB", fast: true, force: false)).Exit);
        File.Copy(PddbImage.KeyFilePathOf(otherImage), bed.KeyFile, overwrite: true);
        Assert.Equal(PddbExitCode.WrongPin, bed.Run(c => c.Check(bed.Options())).Exit);
    }

    [Fact]
    public void ADamagedKeyFileIsReported()
    {
        using var bed = new HostTestbed();
        bed.Format();
        File.WriteAllBytes(bed.KeyFile, new byte[10]);
        HostTestbed.Result result = bed.Run(c => c.Check(bed.Options()));
        Assert.Equal(PddbExitCode.KeyFile, result.Exit);
        Assert.Contains("is damaged", result.Error);
    }

    [Fact]
    public void AMissingImageIsItsOwnAnswer()
    {
        using var bed = new HostTestbed();
        HostTestbed.Result result = bed.Run(c => c.Stat(bed.Options()));
        Assert.Equal(PddbExitCode.ImageFile, result.Exit);
        Assert.Contains($"no image file {bed.Image}", result.Error);
        Assert.False(File.Exists(bed.Image));
    }

    [Fact]
    public void NoiseOverTheDataPagesIsCorruptNotWrongPin()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "k", "v", null, createDictionary: true)).Exit);
        var geometry = new PddbGeometry(1024);
        byte[] image = File.ReadAllBytes(bed.Image);
        var random = new Random(3);
        random.NextBytes(image.AsSpan(geometry.DataFirstPage * 4096));
        random.NextBytes(image.AsSpan(0, geometry.PageTablePages * 4096));
        File.WriteAllBytes(bed.Image, image);

        HostTestbed.Result result = bed.Run(c => c.Check(bed.Options()));
        Assert.Equal(PddbExitCode.Corrupt, result.Exit);
        Assert.Contains("damaged", result.Error);
    }

    [Fact]
    public void WithoutAPinAndWithoutATerminalTheVerbSaysHowToGiveOne()
    {
        using var bed = new HostTestbed();
        bed.Format();
        HostTestbed.Result result = bed.Run(c => c.Check(bed.Options(pin: null)));
        Assert.Equal(PddbExitCode.Usage, result.Exit);
        Assert.Contains("--pin", result.Error);
        Assert.Contains(PddbCommandOptions.PinVariable, result.Error);
    }

    [Fact]
    public void ThePinComesFromTheEnvironmentOrThePrompt()
    {
        using var bed = new HostTestbed();
        bed.PromptAnswers.Enqueue(HostTestbed.Pin);
        bed.PromptAnswers.Enqueue(HostTestbed.Pin);
        Assert.Equal(0, bed.Run(c => c.Format(bed.Options(pin: null), "4MiB", fast: true, force: false)).Exit);
        Assert.Equal(2, bed.Prompts.Count);

        bed.Environment[PddbCommandOptions.PinVariable] = HostTestbed.Pin;
        Assert.Equal(0, bed.Run(c => c.Check(bed.Options(pin: null))).Exit);
        Assert.Equal(2, bed.Prompts.Count);

        bed.Environment.Clear();
        bed.PromptAnswers.Enqueue(HostTestbed.Pin);
        Assert.Equal(0, bed.Run(c => c.Check(bed.Options(pin: null))).Exit);
        Assert.Equal(3, bed.Prompts.Count);
        Assert.All(bed.Prompts, p => Assert.DoesNotContain(HostTestbed.Pin, p));
    }

    [Fact]
    public void FormatRefusesTwoDifferentPromptedPins()
    {
        using var bed = new HostTestbed();
        bed.PromptAnswers.Enqueue("1234");
        bed.PromptAnswers.Enqueue("1243");
        HostTestbed.Result result = bed.Run(c => c.Format(bed.Options(pin: null), "4MiB", fast: true, force: false));
        Assert.NotEqual(0, result.Exit);
        Assert.Contains("differ", result.Error);
        Assert.False(File.Exists(bed.Image));
    }

    private static IEnumerable<Func<PddbCommands, int>> MountingVerbs(HostTestbed bed, string pin)
    {
        PddbCommandOptions options = bed.Options(pin);
        yield return c => c.Check(options);
        yield return c => c.Stat(options);
        yield return c => c.List(options, null);
        yield return c => c.Get(options, "d", "k", null, text: true);
        yield return c => c.Put(options, "d", "k", "new", null, createDictionary: true);
        yield return c => c.Remove(options, "d", null);
        yield return c => c.CreateBasis(bed.Options(pin, "b", HostTestbed.BasisPassword));
        yield return c => c.Unlock(bed.Options(pin, "b", HostTestbed.BasisPassword));
    }
}

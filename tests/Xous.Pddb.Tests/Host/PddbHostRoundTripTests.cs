using System.Text;
using Xous.Pddb.Format;
using Xous.Pddb.Host;

namespace Xous.Pddb.Tests.Host;

public class PddbHostRoundTripTests
{
    [Fact]
    public void FormatPutGetRoundTripsTextBinaryAndLargeValues()
    {
        using var bed = new HostTestbed();
        bed.Format();
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.Length; i++)
        {
            binary[i] = (byte)i;
        }

        byte[] large = new byte[300_000];
        new Random(5).NextBytes(large);
        string binaryFile = Path.Combine(bed.Folder, "binary.bin");
        string largeFile = Path.Combine(bed.Folder, "large.bin");
        File.WriteAllBytes(binaryFile, binary);
        File.WriteAllBytes(largeFile, large);

        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "wifi", "home", "pässwörd ✓", null, createDictionary: true)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "wifi", "raw", null, binaryFile, createDictionary: false)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "blobs", "large", null, largeFile, createDictionary: true)).Exit);

        HostTestbed.Result text = bed.Run(c => c.Get(bed.Options(), "wifi", "home", null, text: true));
        Assert.Equal(0, text.Exit);
        Assert.Equal("pässwörd ✓" + Environment.NewLine, text.Output);

        HostTestbed.Result raw = bed.Run(c => c.Get(bed.Options(), "wifi", "home", null, text: false));
        Assert.Equal(Encoding.UTF8.GetBytes("pässwörd ✓"), raw.Binary);

        Assert.Equal(binary, bed.Run(c => c.Get(bed.Options(), "wifi", "raw", null, text: false)).Binary);
        HostTestbed.Result binaryAsText = bed.Run(c => c.Get(bed.Options(), "wifi", "raw", null, text: true));
        Assert.Equal(0, binaryAsText.Exit);
        Assert.Contains("not printable", binaryAsText.Error);
        Assert.Equal(Convert.ToHexStringLower(binary), binaryAsText.Output.Trim());

        string outFile = Path.Combine(bed.Folder, "out.bin");
        HostTestbed.Result toFile = bed.Run(c => c.Get(bed.Options(), "blobs", "large", outFile, text: false));
        Assert.Equal(0, toFile.Exit);
        Assert.Empty(toFile.Binary);
        Assert.Equal(large, File.ReadAllBytes(outFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(outFile));
        }

        Assert.Equal(large, bed.Run(c => c.Get(bed.Options(), "blobs", "large", null, text: false)).Binary);
    }

    [Fact]
    public void PutReplacesTheOldValue()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "k", "first, longer value", null, createDictionary: true)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "k", "second", null, createDictionary: false)).Exit);
        Assert.Equal("second"u8.ToArray(), bed.Run(c => c.Get(bed.Options(), "d", "k", null, text: false)).Binary);
    }

    [Fact]
    public void CheckIsCleanAfterWritesAndReportsGarbageAsInformation()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "k", "v", null, createDictionary: true)).Exit);
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "d", "k2", new string('x', 9000), null, createDictionary: false)).Exit);
        HostTestbed.Result check = bed.Run(c => c.Check(bed.Options()));
        Assert.Equal(0, check.Exit);
        Assert.Contains("clean: .System", check.Output);
        Assert.Contains("garbage entries: 0", check.Output);
        Assert.DoesNotContain("problem:", check.Output);
        Assert.Equal(string.Empty, check.Error);
    }

    [Fact]
    public void ANewPddbImageReadsWhatTheVerbsWrote()
    {
        using var bed = new HostTestbed();
        bed.Format();
        Assert.Equal(0, bed.Run(c => c.Put(bed.Options(), "notes", "today", "hello image", null, createDictionary: true)).Exit);

        Assert.Equal(PddbImageStatus.Ok, PddbImage.Open(bed.Image, out PddbImage? image, new PddbOptions { KdfCost = 4 }));
        using (image)
        {
            Assert.True(image!.HasPddb());
            Assert.Equal(1024, image.Pages);
            Assert.Equal(PddbImageStatus.Ok, image.Mount(Encoding.UTF8.GetBytes(HostTestbed.Pin)));
            byte[] buffer = new byte[64];
            Assert.Equal(PddbStatus.Ok, image.Engine!.ReadKey("notes", "today", 0, buffer, out int read));
            Assert.Equal("hello image", Encoding.UTF8.GetString(buffer, 0, read));
        }

        // Closed again: the verbs can open it (it is opened exclusively while mounted).
        Assert.Equal(0, bed.Run(c => c.Get(bed.Options(), "notes", "today", null, text: true)).Exit);
    }

    [Fact]
    public void TheKeyFileIsPrivateAndHasTheDeviceSecretsFormat()
    {
        using var bed = new HostTestbed();
        bed.Format();
        byte[] keys = File.ReadAllBytes(bed.KeyFile);
        Assert.Equal(DeviceSecrets.FileSize, keys.Length);
        Assert.True(DeviceSecrets.TryRead(keys, out DeviceSecrets? secrets));
        secrets!.Dispose();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(bed.KeyFile));
        }

        Assert.Equal(1024L * 4096, new FileInfo(bed.Image).Length);
    }

    [Fact]
    public void TheDefaultKdfCostIsSeven()
    {
        var commands = new PddbCommands(TextWriter.Null, TextWriter.Null, Stream.Null, null, _ => null);
        Assert.Equal(7, commands.KdfCost);
        Assert.Equal(7, new PddbOptions().KdfCost);

        // An image formatted at the default cost does not open at cost 4: the default really is used.
        using var bed = new HostTestbed();
        Assert.Equal(0, bed.Run(c => c.Format(bed.Options(), "4MiB", fast: true, force: false), kdfCost: 7).Exit);
        Assert.Equal(PddbExitCode.WrongPin, bed.Run(c => c.Check(bed.Options()), kdfCost: 4).Exit);
        Assert.Equal(0, bed.Run(c => c.Check(bed.Options()), kdfCost: 7).Exit);
    }

    [Theory]
    [InlineData("4MiB", 1024)]
    [InlineData("98MiB", 25_088)]
    [InlineData("1MiB", 256)]
    [InlineData("512", 512)]
    public void SizesParse(string text, int pages)
    {
        Assert.True(PddbImage.TryParseSize(text, out int parsed, out string? error), error);
        Assert.Equal(pages, parsed);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("250")]
    [InlineData("abc")]
    [InlineData("-1024")]
    [InlineData("4GiB")]
    [InlineData("99999999MiB")]
    public void BadSizesAreRefusedWithoutCreatingAnything(string text)
    {
        Assert.False(PddbImage.TryParseSize(text, out _, out string? error));
        Assert.NotNull(error);
        using var bed = new HostTestbed();
        HostTestbed.Result result = bed.Run(c => c.Format(bed.Options(), text, fast: true, force: false));
        Assert.Equal(PddbExitCode.Usage, result.Exit);
        Assert.False(File.Exists(bed.Image));
        Assert.False(File.Exists(bed.KeyFile));
    }
}

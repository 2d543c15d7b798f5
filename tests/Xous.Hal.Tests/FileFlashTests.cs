using Xous.Hal.Hosted;

namespace Xous.Hal.Tests;

public sealed class FileFlashTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Create_makes_a_file_of_FF_bytes_of_the_right_length()
    {
        string path = _directory.File("new.bin");
        using (FileFlash flash = FileFlash.Create(path, 3))
        {
            Assert.Equal(path, flash.Path);
            Assert.Equal(3, flash.SectorCount);
        }

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(3 * 4096, file.Length);
        Assert.All(file, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Contents_persist_across_Dispose_and_Open()
    {
        string path = _directory.File("persist.bin");
        byte[] data = new byte[700];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 7);
        }

        using (FileFlash flash = FileFlash.Create(path, 2))
        {
            flash.ProgramRange(4000, data);
            flash.Erase(0);
            flash.Program(10, new byte[] { 0x12 });
            flash.Flush();
        }

        using (FileFlash reopened = FileFlash.Open(path))
        {
            Assert.Equal(2, reopened.SectorCount);
            Assert.Equal(0, reopened.EraseCount(0));
            byte[] all = new byte[2 * 4096];
            reopened.Read(0, all);
            Assert.Equal(0x12, all[10]);
            Assert.Equal(0xFF, all[0]);
            Assert.Equal(0xFF, all[4095]);
            Assert.Equal(data.AsSpan(96).ToArray(), all.AsSpan(4096, 604).ToArray());
        }

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(0x12, file[10]);
        Assert.Equal(data[699], file[4699]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(4095)]
    [InlineData(4097)]
    [InlineData(3 * 4096 + 1)]
    public void Open_rejects_a_length_that_is_not_a_positive_multiple_of_4096(int length)
    {
        string path = _directory.File("bad-" + length + ".bin");
        File.WriteAllBytes(path, new byte[length]);

        var e = Assert.Throws<InvalidDataException>(() => FileFlash.Open(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes", e.Message, StringComparison.Ordinal);

        // The handle was released: the file can be opened and replaced.
        File.WriteAllBytes(path, new byte[4096]);
        using FileFlash flash = FileFlash.Open(path);
        Assert.Equal(1, flash.SectorCount);
    }

    [Fact]
    public void Create_refuses_an_existing_file_and_leaves_it_untouched()
    {
        string path = _directory.File("existing.bin");
        File.WriteAllBytes(path, new byte[] { 1, 2, 3 });

        var e = Assert.Throws<IOException>(() => FileFlash.Create(path, 1));
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_of_a_missing_file_throws_FileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => FileFlash.Open(_directory.File("missing.bin")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(524_288)]
    public void Create_rejects_a_bad_sector_count_without_creating_a_file(int sectorCount)
    {
        string path = _directory.File("count.bin");
        Assert.Throws<ArgumentOutOfRangeException>(() => FileFlash.Create(path, sectorCount));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Operations_after_Dispose_throw_ObjectDisposed()
    {
        FileFlash flash = FileFlash.Create(_directory.File("disposed.bin"), 1);
        flash.Dispose();
        Assert.Throws<ObjectDisposedException>(() => flash.Read(0, new byte[1]));
        Assert.Throws<ObjectDisposedException>(() => flash.Erase(0));
        Assert.Throws<ObjectDisposedException>(() => flash.Program(0, new byte[1]));
        Assert.Throws<ObjectDisposedException>(() => flash.Flush());
    }
}

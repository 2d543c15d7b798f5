using Xous.Hal.Hosted;
using Xous.Hal.Simulation;
using static Xous.Hal.Tests.TestPatterns;

namespace Xous.Hal.Tests;

/// <summary>What every <see cref="IFlashPages"/> (with <see cref="IFlashWear"/>) must do; one subclass per implementation.</summary>
public abstract class FlashConformanceTests : IDisposable
{
    private const int Sectors = 4;
    private const int SectorBytes = 4096;
    private const int Size = Sectors * SectorBytes;

    /// <summary>Creates a fresh, erased flash of <paramref name="sectorCount"/> sectors.</summary>
    protected abstract IFlashPages CreateFlash(int sectorCount);

    /// <summary>True for the strict simulation (0 → 1 throws); false for real-flash behaviour (AND).</summary>
    protected abstract bool RejectsZeroToOne { get; }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Geometry_is_the_Precursor_flash()
    {
        IFlashPages flash = CreateFlash(Sectors);
        Assert.Equal(4096, flash.SectorSize);
        Assert.Equal(256, flash.ProgramPageSize);
        Assert.Equal(Sectors, flash.SectorCount);
    }

    [Fact]
    public void Fresh_flash_reads_all_FF()
    {
        IFlashPages flash = CreateFlash(Sectors);
        byte[] all = ReadAll(flash);
        Assert.Equal(Size, all.Length);
        Assert.All(all, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Program_then_read_returns_the_data_and_leaves_neighbours_erased()
    {
        IFlashPages flash = CreateFlash(Sectors);
        byte[] data = Pattern(100, seed: 7);
        flash.Program(SectorBytes + 256 + 50, data);

        byte[] all = ReadAll(flash);
        Assert.Equal(data, all.AsSpan(SectorBytes + 256 + 50, 100).ToArray());
        for (int i = 0; i < Size; i++)
        {
            if (i < SectorBytes + 306 || i >= SectorBytes + 406)
            {
                Assert.Equal(0xFF, all[i]);
            }
        }

        byte[] part = new byte[10];
        flash.Read(SectorBytes + 256 + 60, part);
        Assert.Equal(data.AsSpan(10, 10).ToArray(), part);
    }

    [Fact]
    public void Program_that_only_clears_bits_stores_old_and_new()
    {
        IFlashPages flash = CreateFlash(Sectors);
        flash.Program(512, new byte[] { 0xF0, 0xAA, 0xFF });
        flash.Program(512, new byte[] { 0x30, 0x0A, 0x7F });
        byte[] read = new byte[3];
        flash.Read(512, read);
        Assert.Equal(new byte[] { 0x30, 0x0A, 0x7F }, read);
    }

    [Fact]
    public void Program_asking_for_zero_to_one_follows_the_implementation_rule()
    {
        IFlashPages flash = CreateFlash(Sectors);
        flash.Program(1024, new byte[] { 0x0F, 0x00, 0xF0, 0x55 });
        byte[] before = ReadAll(flash);

        // Byte 0 only clears bits; byte 1 asks for 0 -> 1 (first offender at 1025); byte 3 too.
        byte[] request = { 0x03, 0x01, 0xF0, 0xFF };
        if (RejectsZeroToOne)
        {
            var e = Assert.Throws<FlashProgramViolationException>(() => flash.Program(1024, request));
            Assert.Equal(1025, e.Offset);
            Assert.Contains("401", e.Message, StringComparison.Ordinal);
            Assert.Equal(before, ReadAll(flash));
        }
        else
        {
            flash.Program(1024, request);
            byte[] read = new byte[4];
            flash.Read(1024, read);
            Assert.Equal(new byte[] { 0x03, 0x00, 0xF0, 0x55 }, read);
        }
    }

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(0L, 257)]
    [InlineData(200L, 57)]
    [InlineData(255L, 2)]
    [InlineData(Size - 1L, 2)]
    public void Program_of_bad_length_or_crossing_a_page_throws_ArgumentException(long offset, int length)
    {
        IFlashPages flash = CreateFlash(Sectors);
        Assert.Throws<ArgumentException>(() => flash.Program(offset, new byte[length]));
        Assert.All(ReadAll(flash), b => Assert.Equal(0xFF, b));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(Size)]
    [InlineData(Size + 256L)]
    [InlineData(long.MaxValue)]
    public void Program_outside_the_region_throws_ArgumentOutOfRange(long offset)
    {
        IFlashPages flash = CreateFlash(Sectors);
        Assert.Throws<ArgumentOutOfRangeException>(() => flash.Program(offset, new byte[1]));
    }

    [Theory]
    [InlineData(-1L, 1)]
    [InlineData(0L, Size + 1)]
    [InlineData(Size - 10L, 11)]
    [InlineData(Size + 1L, 0)]
    [InlineData(long.MaxValue, 1)]
    public void Read_outside_the_region_throws_ArgumentOutOfRange(long offset, int length)
    {
        IFlashPages flash = CreateFlash(Sectors);
        Assert.Throws<ArgumentOutOfRangeException>(() => flash.Read(offset, new byte[length]));
    }

    [Fact]
    public void Read_of_the_last_byte_and_of_nothing_at_the_end_are_allowed()
    {
        IFlashPages flash = CreateFlash(Sectors);
        flash.Program(Size - 1, new byte[] { 0x42 });
        byte[] last = new byte[1];
        flash.Read(Size - 1, last);
        Assert.Equal(0x42, last[0]);
        flash.Read(Size, Span<byte>.Empty);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Sectors)]
    [InlineData(int.MaxValue)]
    public void Erase_and_EraseCount_outside_the_region_throw_ArgumentOutOfRange(int sector)
    {
        IFlashPages flash = CreateFlash(Sectors);
        Assert.Throws<ArgumentOutOfRangeException>(() => flash.Erase(sector));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IFlashWear)flash).EraseCount(sector));
    }

    [Fact]
    public void Erase_affects_exactly_one_sector()
    {
        IFlashPages flash = CreateFlash(Sectors);
        byte[] zeros = new byte[SectorBytes];
        for (int sector = 0; sector < Sectors; sector++)
        {
            flash.ProgramSector(sector, zeros);
        }

        flash.Erase(2);

        byte[] all = ReadAll(flash);
        for (int i = 0; i < Size; i++)
        {
            Assert.Equal(i / SectorBytes == 2 ? 0xFF : 0x00, all[i]);
        }
    }

    [Fact]
    public void Erase_counts_are_per_sector()
    {
        IFlashPages flash = CreateFlash(Sectors);
        var wear = (IFlashWear)flash;
        flash.Erase(3);
        flash.Erase(1);
        flash.Erase(3);
        flash.Erase(3);
        Assert.Equal(0, wear.EraseCount(0));
        Assert.Equal(1, wear.EraseCount(1));
        Assert.Equal(0, wear.EraseCount(2));
        Assert.Equal(3, wear.EraseCount(3));
    }

    [Fact]
    public void ProgramRange_splits_at_program_pages_and_writes_everything()
    {
        var flash = new RecordingFlash(CreateFlash(Sectors));
        byte[] data = Pattern(600, seed: 3);
        flash.ProgramRange(250, data);

        Assert.Equal(new[] { (250L, 6), (256L, 256), (512L, 256), (768L, 82) }, flash.Programs);
        byte[] all = ReadAll(flash);
        Assert.Equal(data, all.AsSpan(250, 600).ToArray());
        Assert.Equal(0xFF, all[249]);
        Assert.Equal(0xFF, all[850]);
    }

    [Fact]
    public void ProgramRange_crosses_a_sector_boundary()
    {
        IFlashPages flash = CreateFlash(Sectors);
        byte[] data = Pattern(300, seed: 11);
        flash.ProgramRange(SectorBytes - 100, data);
        byte[] read = new byte[300];
        flash.Read(SectorBytes - 100, read);
        Assert.Equal(data, read);
    }

    [Fact]
    public void ProgramSector_writes_one_sector_in_sixteen_pages()
    {
        var flash = new RecordingFlash(CreateFlash(Sectors));
        byte[] data = Pattern(SectorBytes, seed: 5);
        flash.ProgramSector(1, data);

        Assert.Equal(16, flash.Programs.Count);
        Assert.All(flash.Programs, p => Assert.Equal(256, p.Length));
        byte[] all = ReadAll(flash);
        Assert.Equal(data, all.AsSpan(SectorBytes, SectorBytes).ToArray());
        Assert.All(all.AsSpan(0, SectorBytes).ToArray(), b => Assert.Equal(0xFF, b));
        Assert.All(all.AsSpan(2 * SectorBytes).ToArray(), b => Assert.Equal(0xFF, b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4095)]
    [InlineData(4097)]
    public void ProgramSector_rejects_data_that_is_not_one_sector(int length)
    {
        IFlashPages flash = CreateFlash(Sectors);
        Assert.Throws<ArgumentException>(() => flash.ProgramSector(0, new byte[length]));
    }

    [Fact]
    public void EraseAndProgramSector_replaces_programmed_contents_and_counts_the_erase()
    {
        IFlashPages flash = CreateFlash(Sectors);
        byte[] first = Pattern(SectorBytes, seed: 1);
        byte[] second = Pattern(SectorBytes, seed: 2);
        flash.EraseAndProgramSector(2, first);
        flash.EraseAndProgramSector(2, second);

        byte[] read = new byte[SectorBytes];
        flash.Read(2 * SectorBytes, read);
        Assert.Equal(second, read);
        Assert.Equal(2, ((IFlashWear)flash).EraseCount(2));
    }

    protected static byte[] ReadAll(IFlashPages flash)
    {
        byte[] all = new byte[flash.SectorCount * flash.SectorSize];
        flash.Read(0, all);
        return all;
    }
}

public sealed class SimulatedFlashConformanceTests : FlashConformanceTests
{
    protected override bool RejectsZeroToOne => true;

    protected override IFlashPages CreateFlash(int sectorCount) => new SimulatedFlash(sectorCount);
}

public sealed class FileFlashConformanceTests : FlashConformanceTests
{
    private readonly TempDirectory _directory = new();
    private readonly List<FileFlash> _opened = new();

    protected override bool RejectsZeroToOne => false;

    protected override IFlashPages CreateFlash(int sectorCount)
    {
        FileFlash flash = FileFlash.Create(_directory.File("flash-" + _opened.Count + ".bin"), sectorCount);
        _opened.Add(flash);
        return flash;
    }

    public override void Dispose()
    {
        foreach (FileFlash flash in _opened)
        {
            flash.Dispose();
        }

        _directory.Dispose();
        base.Dispose();
    }
}

/// <summary>Forwards to another flash and records every program call (offset, length).</summary>
internal sealed class RecordingFlash : IFlashPages, IFlashWear
{
    private readonly IFlashPages _inner;

    public RecordingFlash(IFlashPages inner)
    {
        _inner = inner;
    }

    public List<(long Offset, int Length)> Programs { get; } = new();

    public int SectorSize => _inner.SectorSize;

    public int ProgramPageSize => _inner.ProgramPageSize;

    public int SectorCount => _inner.SectorCount;

    public void Read(long offset, Span<byte> destination) => _inner.Read(offset, destination);

    public void Erase(int sector) => _inner.Erase(sector);

    public void Program(long offset, ReadOnlySpan<byte> data)
    {
        Programs.Add((offset, data.Length));
        _inner.Program(offset, data);
    }

    public long EraseCount(int sector) => ((IFlashWear)_inner).EraseCount(sector);
}

/// <summary>A fresh temporary directory, deleted with everything in it on <see cref="Dispose"/>.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("xous-hal-tests-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

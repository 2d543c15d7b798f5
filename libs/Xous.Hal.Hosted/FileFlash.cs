using Microsoft.Win32.SafeHandles;

namespace Xous.Hal.Hosted;

/// <summary>
/// A flash region backed by an image file (the hosted system's flash and the <c>./xous pddb</c> host tool's input).
/// </summary>
/// <remarks>
/// <para>Behaves as real flash: a program stores <c>old &amp; data</c> (a requested 0 → 1 transition silently keeps the
/// 0, as on the chip; use <c>Xous.Hal.Simulation.SimulatedFlash</c> to catch that bug), an erase writes 0xFF over one
/// sector. Reads and writes go straight to the file through <see cref="RandomAccess"/>; nothing is buffered in this
/// class, but the operating system caches writes until <see cref="Flush"/>.</para>
/// <para>The file is opened exclusively (<see cref="FileShare.None"/>), so two processes cannot write one image at
/// once. Erase counters (<see cref="EraseCount"/>) live in memory only: they count erases per sector since this
/// instance was created or opened, and are not stored in the file. Not thread-safe: one caller at a time.</para>
/// <para>Errors: argument errors as <see cref="IFlashPages"/> states; an <see cref="IOException"/> from the operating
/// system during <c>Read</c>, <c>Erase</c>, <c>Program</c> or <c>Flush</c> is wrapped in
/// <see cref="FlashDeviceException"/>; <see cref="Create"/> and <see cref="Open"/> let the operating system's
/// exceptions through (the file could not be opened at all).</para>
/// </remarks>
public sealed class FileFlash : IFlashPages, IFlashWear, IDisposable
{
    private const int SectorBytes = 4096;
    private const int ProgramPageBytes = 256;
    private const int MaxSectorCount = int.MaxValue / SectorBytes;

    private static readonly byte[] s_erasedSector = CreateErasedSector();

    private readonly SafeFileHandle _handle;
    private readonly long[] _eraseCounts;
    private readonly long _length;
    private bool _disposed;

    private FileFlash(string path, SafeFileHandle handle, int sectorCount)
    {
        Path = path;
        _handle = handle;
        _eraseCounts = new long[sectorCount];
        _length = (long)sectorCount * SectorBytes;
    }

    /// <summary>The image file's path, as given to <see cref="Create"/> or <see cref="Open"/>.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public int SectorSize => SectorBytes;

    /// <inheritdoc />
    public int ProgramPageSize => ProgramPageBytes;

    /// <inheritdoc />
    public int SectorCount => _eraseCounts.Length;

    /// <summary>
    /// Creates a new image file of <paramref name="sectorCount"/> erased sectors (every byte 0xFF), flushed to disk,
    /// and opens it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sectorCount"/> is not 1 to 524,287.</exception>
    /// <exception cref="IOException">The file already exists (it is left untouched), or the operating system failed.</exception>
    public static FileFlash Create(string path, int sectorCount)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (sectorCount <= 0 || sectorCount > MaxSectorCount)
        {
            throw new ArgumentOutOfRangeException(nameof(sectorCount), $"sector count must be 1 to {MaxSectorCount}, not {sectorCount}");
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new IOException($"flash image '{path}' already exists; refusing to overwrite it", e);
        }

        bool written = false;
        try
        {
            for (int sector = 0; sector < sectorCount; sector++)
            {
                RandomAccess.Write(handle, s_erasedSector, (long)sector * SectorBytes);
            }

            RandomAccess.FlushToDisk(handle);
            written = true;
        }
        finally
        {
            if (!written)
            {
                handle.Dispose();
                File.Delete(path);
            }
        }

        return new FileFlash(path, handle, sectorCount);
    }

    /// <summary>Opens an existing image file for reading and writing (exclusively).</summary>
    /// <exception cref="InvalidDataException">The file's length is not a positive multiple of 4096 (up to 2 GiB).</exception>
    /// <exception cref="IOException">The operating system could not open the file (missing, locked by another user).</exception>
    public static FileFlash Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        long length = -1;
        try
        {
            length = RandomAccess.GetLength(handle);
        }
        finally
        {
            if (length < 0)
            {
                handle.Dispose();
            }
        }

        if (length <= 0 || length % SectorBytes != 0 || length / SectorBytes > MaxSectorCount)
        {
            handle.Dispose();
            throw new InvalidDataException(
                $"flash image '{path}' is {length} bytes; it must be a positive multiple of {SectorBytes} bytes (at most {MaxSectorCount} sectors)");
        }

        return new FileFlash(path, handle, (int)(length / SectorBytes));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the region.</exception>
    /// <exception cref="FlashDeviceException">The file could not be read (I/O error, or it was truncated behind our back).</exception>
    public void Read(long offset, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (offset < 0 || offset > _length || destination.Length > _length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"read of {destination.Length} bytes at 0x{offset:X} is outside the {_length}-byte region");
        }

        ReadFully(offset, destination);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sector"/> is outside the region.</exception>
    /// <exception cref="FlashDeviceException">The file could not be written; the sector may be partly erased.</exception>
    public void Erase(int sector)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckSector(sector);
        _eraseCounts[sector]++;
        try
        {
            RandomAccess.Write(_handle, s_erasedSector, (long)sector * SectorBytes);
        }
        catch (IOException e)
        {
            throw new FlashDeviceException($"erase of sector {sector} in '{Path}' failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is outside the region.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is empty, longer than 256 bytes or crosses a program page.</exception>
    /// <exception cref="FlashDeviceException">The file could not be read or written; the page may be partly programmed.</exception>
    public void Program(long offset, ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (offset < 0 || offset >= _length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"program at 0x{offset:X} is outside the {_length}-byte region");
        }

        if (data.Length == 0 || data.Length > ProgramPageBytes || (offset % ProgramPageBytes) + data.Length > ProgramPageBytes)
        {
            throw new ArgumentException(
                $"a program is 1 to {ProgramPageBytes} bytes inside one program page; {data.Length} bytes at 0x{offset:X} is not",
                nameof(data));
        }

        Span<byte> page = stackalloc byte[data.Length];
        ReadFully(offset, page);
        for (int i = 0; i < page.Length; i++)
        {
            page[i] &= data[i];
        }

        try
        {
            RandomAccess.Write(_handle, page, offset);
        }
        catch (IOException e)
        {
            throw new FlashDeviceException($"program of {data.Length} bytes at 0x{offset:X} in '{Path}' failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// Erases counted for sector <paramref name="sector"/> since this instance was created or opened (in memory only).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sector"/> is outside the region.</exception>
    public long EraseCount(int sector)
    {
        CheckSector(sector);
        return _eraseCounts[sector];
    }

    /// <summary>Makes every completed erase and program durable: flushes the operating system's cache to the disk.</summary>
    /// <exception cref="FlashDeviceException">The flush failed.</exception>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            RandomAccess.FlushToDisk(_handle);
        }
        catch (IOException e)
        {
            throw new FlashDeviceException($"flush of '{Path}' failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// Closes the file. Completed writes are visible to the next <see cref="Open"/>; call <see cref="Flush"/> first to
    /// make them survive an operating-system crash.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _handle.Dispose();
    }

    private void ReadFully(long offset, Span<byte> destination)
    {
        try
        {
            while (destination.Length > 0)
            {
                int read = RandomAccess.Read(_handle, destination, offset);
                if (read == 0)
                {
                    throw new FlashDeviceException(
                        $"flash image '{Path}' ends before 0x{offset:X}; it was truncated while open");
                }

                offset += read;
                destination = destination.Slice(read);
            }
        }
        catch (IOException e)
        {
            throw new FlashDeviceException($"read at 0x{offset:X} from '{Path}' failed: {e.Message}", e);
        }
    }

    private void CheckSector(int sector)
    {
        if (sector < 0 || sector >= _eraseCounts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(sector), $"sector {sector} is outside 0..{_eraseCounts.Length - 1}");
        }
    }

    private static byte[] CreateErasedSector()
    {
        byte[] sector = new byte[SectorBytes];
        sector.AsSpan().Fill(0xFF);
        return sector;
    }
}

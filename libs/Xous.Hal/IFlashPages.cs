using System;

namespace Xous.Hal;

/// <summary>
/// A region of NOR flash, addressed from 0, as the SPI flash of the Precursor behaves (HAL interface; one capability).
/// </summary>
/// <remarks>
/// <para>Physics every implementation follows and every caller must respect:</para>
/// <list type="bullet">
/// <item><description><b>Erase</b> works on whole sectors of <see cref="SectorSize"/> (4096) bytes and sets every bit of
/// the sector to 1 (bytes read 0xFF).</description></item>
/// <item><description><b>Program</b> can only clear bits (1 → 0): the stored byte becomes <c>old &amp; new</c>. One
/// program operation covers at most one program page of <see cref="ProgramPageSize"/> (256) bytes and may not cross a
/// program-page boundary. Asking for a 0 → 1 transition is a caller bug: the strict simulation throws
/// <see cref="FlashProgramViolationException"/>, real flash silently keeps the 0.</description></item>
/// <item><description><b>Read</b> any range inside the region; it never changes the contents.</description></item>
/// <item><description>Power may fail during an erase (the sector is then partly erased: some bits already 1, others
/// still as before) or during a program (the page is partly programmed: some of the bits to clear are cleared, others
/// not). Callers make their on-flash structures survive both; <c>Xous.Hal.Simulation.SimulatedFlash</c> injects them.</description></item>
/// </list>
/// <para>Return values and errors: the operations return nothing; a range outside the region or a program crossing a
/// program page throws <see cref="ArgumentOutOfRangeException"/>/<see cref="ArgumentException"/> (caller bugs); a device
/// failure (an I/O error on a file, a flash that reports an error) throws <see cref="FlashDeviceException"/>.</para>
/// </remarks>
public interface IFlashPages
{
    /// <summary>Erase sector size in bytes: 4096.</summary>
    int SectorSize { get; }

    /// <summary>Largest single program operation, and the alignment it may not cross: 256 bytes.</summary>
    int ProgramPageSize { get; }

    /// <summary>Number of sectors in the region; the region is <c>SectorCount × SectorSize</c> bytes.</summary>
    int SectorCount { get; }

    /// <summary>Copies <paramref name="destination"/>.Length bytes from <paramref name="offset"/>.</summary>
    void Read(long offset, Span<byte> destination);

    /// <summary>Sets every byte of sector <paramref name="sector"/> to 0xFF.</summary>
    void Erase(int sector);

    /// <summary>
    /// Programs <paramref name="data"/> (1 to <see cref="ProgramPageSize"/> bytes, within one program page) at
    /// <paramref name="offset"/>: each stored byte becomes <c>old &amp; data</c>.
    /// </summary>
    void Program(long offset, ReadOnlySpan<byte> data);
}

/// <summary>Counts erases per sector (wear). Implemented by the simulation and the hosted file flash.</summary>
public interface IFlashWear
{
    /// <summary>How many times sector <paramref name="sector"/> has been erased since the counters were created.</summary>
    long EraseCount(int sector);
}

/// <summary>The flash device failed (I/O error, device error); the operation may have been partly done.</summary>
public sealed class FlashDeviceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlashDeviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public FlashDeviceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A program operation asked for a 0 → 1 transition, which flash cannot do (a caller bug).</summary>
public sealed class FlashProgramViolationException : Exception
{
    /// <summary>Creates the exception for the byte at <paramref name="offset"/>.</summary>
    public FlashProgramViolationException(long offset, byte stored, byte requested)
        : base("program would turn 0 bits into 1 at offset 0x" + offset.ToString("X") + " (stored 0x" + stored.ToString("X2")
            + ", requested 0x" + requested.ToString("X2") + "); erase the sector first")
    {
        Offset = offset;
    }

    /// <summary>The first offending byte.</summary>
    public long Offset { get; }
}

/// <summary>Helpers over <see cref="IFlashPages"/> that every user needs.</summary>
public static class FlashPages
{
    /// <summary>Programs a whole sector's worth of <paramref name="data"/> (exactly one sector) in program-page steps.</summary>
    public static void ProgramSector(this IFlashPages flash, int sector, ReadOnlySpan<byte> data)
    {
        if (data.Length != flash.SectorSize)
        {
            throw new ArgumentException("data must be exactly one sector", nameof(data));
        }

        ProgramRange(flash, (long)sector * flash.SectorSize, data);
    }

    /// <summary>
    /// Programs <paramref name="data"/> at <paramref name="offset"/>, split at program-page boundaries (any length and
    /// alignment).
    /// </summary>
    public static void ProgramRange(this IFlashPages flash, long offset, ReadOnlySpan<byte> data)
    {
        int pageSize = flash.ProgramPageSize;
        while (data.Length > 0)
        {
            int room = pageSize - (int)(offset % pageSize);
            int count = data.Length < room ? data.Length : room;
            flash.Program(offset, data.Slice(0, count));
            offset += count;
            data = data.Slice(count);
        }
    }

    /// <summary>Erases sector <paramref name="sector"/> and programs <paramref name="data"/> (one sector) into it.</summary>
    public static void EraseAndProgramSector(this IFlashPages flash, int sector, ReadOnlySpan<byte> data)
    {
        flash.Erase(sector);
        ProgramSector(flash, sector, data);
    }
}

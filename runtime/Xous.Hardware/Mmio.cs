namespace Xous.Hardware;

/// <summary>
/// Memory-mapped I/O: each call is exactly one volatile load or store of its width (<c>lbu</c>/<c>lhu</c>/<c>lw</c>,
/// <c>sb</c>/<c>sh</c>/<c>sw</c>), never merged, split, removed or reordered with another MMIO access, and ordinary
/// memory accesses are not moved across it by the compiler. For ordering as other bus masters see it (a DMA buffer
/// before its doorbell), put <see cref="Barrier.Fence"/> between. The address must be aligned to the width and mapped.
/// Device-only: on the host every method throws <see cref="System.PlatformNotSupportedException"/>.
/// </summary>
public static unsafe class Mmio
{
    /// <summary>Reads one byte (<c>lbu</c>).</summary>
    /// <param name="address">The register's address.</param>
    /// <returns>The register's value.</returns>
    public static byte Read8(nuint address) => throw DeviceOnly.Exception("Mmio.Read8");

    /// <summary>Reads a 16-bit register (<c>lhu</c>).</summary>
    /// <param name="address">The register's address, 2-byte aligned.</param>
    /// <returns>The register's value.</returns>
    public static ushort Read16(nuint address) => throw DeviceOnly.Exception("Mmio.Read16");

    /// <summary>Reads a 32-bit register (<c>lw</c>).</summary>
    /// <param name="address">The register's address, 4-byte aligned.</param>
    /// <returns>The register's value.</returns>
    public static uint Read32(nuint address) => throw DeviceOnly.Exception("Mmio.Read32");

    /// <summary>Writes one byte (<c>sb</c>).</summary>
    /// <param name="address">The register's address.</param>
    /// <param name="value">The value.</param>
    public static void Write8(nuint address, byte value) => throw DeviceOnly.Exception("Mmio.Write8");

    /// <summary>Writes a 16-bit register (<c>sh</c>).</summary>
    /// <param name="address">The register's address, 2-byte aligned.</param>
    /// <param name="value">The value.</param>
    public static void Write16(nuint address, ushort value) => throw DeviceOnly.Exception("Mmio.Write16");

    /// <summary>Writes a 32-bit register (<c>sw</c>).</summary>
    /// <param name="address">The register's address, 4-byte aligned.</param>
    /// <param name="value">The value.</param>
    public static void Write32(nuint address, uint value) => throw DeviceOnly.Exception("Mmio.Write32");
}

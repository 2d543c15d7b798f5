namespace Xous.Hardware;

/// <summary>
/// Control and status register access (Zicsr): <c>csrr</c>, <c>csrw</c>, <c>csrrs</c>, <c>csrrc</c>. The number must
/// be a constant (one of the constants of this class): the instruction encodes it, and with a constant the device
/// compiler emits exactly one instruction. A number the device does not support, or a write to a read-only CSR, ends
/// the program with a panic naming the number. Device-only: on the host every method throws
/// <see cref="System.PlatformNotSupportedException"/>. docs/hardware-intrinsics.md lists the C and instructions.
/// </summary>
/// <remarks>
/// The class is a split of two files with more than 30 members together: this one holds the operations, Csr.Numbers.cs
/// the table of CSR numbers (one constant per register, as the privileged spec names them).
/// </remarks>
public static partial class Csr
{
    /// <summary>Reads a CSR (<c>csrr rd, number</c>).</summary>
    /// <param name="number">The CSR number, a constant such as <see cref="Misa"/>.</param>
    /// <returns>The register's value.</returns>
    public static uint Read(int number) => throw DeviceOnly.Exception("Csr.Read");

    /// <summary>Writes a CSR (<c>csrw number, rs</c>). Read-only CSRs (numbers with bits 11:10 set) are refused.</summary>
    /// <param name="number">The CSR number, a constant such as <see cref="Mscratch"/>.</param>
    /// <param name="value">The new value (WARL fields keep only legal values).</param>
    public static void Write(int number, uint value) => throw DeviceOnly.Exception("Csr.Write");

    /// <summary>Atomically sets bits of a CSR and returns its old value (<c>csrrs rd, number, rs</c>).</summary>
    /// <param name="number">The CSR number, a constant such as <see cref="Mie"/>.</param>
    /// <param name="bits">The bits to set.</param>
    /// <returns>The value before the bits were set.</returns>
    public static uint ReadSet(int number, uint bits) => throw DeviceOnly.Exception("Csr.ReadSet");

    /// <summary>Atomically clears bits of a CSR and returns its old value (<c>csrrc rd, number, rs</c>).</summary>
    /// <param name="number">The CSR number, a constant such as <see cref="Mstatus"/>.</param>
    /// <param name="bits">The bits to clear.</param>
    /// <returns>The value before the bits were cleared.</returns>
    public static uint ReadClear(int number, uint bits) => throw DeviceOnly.Exception("Csr.ReadClear");

    /// <summary>
    /// The 64-bit cycle counter from <see cref="Cycle"/> and <see cref="CycleHigh"/> without tearing: reads high, low,
    /// high and retries while the high half changed (the low half wrapped in between).
    /// </summary>
    /// <returns>The cycles since reset.</returns>
    public static ulong ReadCycle64()
    {
        while (true)
        {
            uint high = Read(CycleHigh);
            uint low = Read(Cycle);
            if (Read(CycleHigh) == high)
            {
                return ((ulong)high << 32) | low;
            }
        }
    }

    /// <summary>
    /// The 64-bit retired-instruction counter from <see cref="Instret"/> and <see cref="InstretHigh"/> without tearing
    /// (high, low, high; retried while the high half changed).
    /// </summary>
    /// <returns>The instructions retired since reset.</returns>
    public static ulong ReadInstret64()
    {
        while (true)
        {
            uint high = Read(InstretHigh);
            uint low = Read(Instret);
            if (Read(InstretHigh) == high)
            {
                return ((ulong)high << 32) | low;
            }
        }
    }
}

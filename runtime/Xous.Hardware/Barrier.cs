namespace Xous.Hardware;

/// <summary>
/// Memory ordering: the RISC-V fences and a compiler-only barrier. Device-only: on the host every method throws
/// <see cref="System.PlatformNotSupportedException"/>.
/// </summary>
public static class Barrier
{
    /// <summary>
    /// <c>fence</c> (<c>fence iorw,iorw</c>): every memory and I/O access before it is ordered before every one after
    /// it, as other harts and bus masters (DMA) observe them. Also a compiler barrier.
    /// </summary>
    public static void Fence() => throw DeviceOnly.Exception("Barrier.Fence");

    /// <summary>
    /// <c>fence.i</c>: instruction fetches after it see the stores before it. Needed after writing code to memory
    /// (loading a program, patching a trap vector) and before running it, on this hart.
    /// </summary>
    public static void FenceI() => throw DeviceOnly.Exception("Barrier.FenceI");

    /// <summary>
    /// No instruction: the device compiler may not move memory accesses across it or keep memory values in registers
    /// across it (<c>asm volatile("" ::: "memory")</c>). It orders nothing in hardware.
    /// </summary>
    public static void CompilerBarrier() => throw DeviceOnly.Exception("Barrier.CompilerBarrier");
}

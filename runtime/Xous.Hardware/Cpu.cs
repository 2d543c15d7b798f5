namespace Xous.Hardware;

/// <summary>
/// Instructions that change what the hart does: wait for an interrupt, and trap into a more privileged mode.
/// Device-only: on the host every method throws <see cref="System.PlatformNotSupportedException"/>.
/// </summary>
public static class Cpu
{
    /// <summary>
    /// <c>wfi</c>: stalls the hart until an interrupt is pending and enabled in <c>mie</c>/<c>sie</c>, whether or not
    /// the global enable (<c>mstatus.MIE</c>) is set; with it clear, no trap is taken and execution continues after the
    /// instruction. It may also return early for no reason, so callers wait in a loop that checks their condition.
    /// </summary>
    public static void Wfi() => throw DeviceOnly.Exception("Cpu.Wfi");

    /// <summary>
    /// <c>ecall</c> with <see cref="EcallRegisters.A0"/>…<see cref="EcallRegisters.A7"/> in <c>a0</c>…<c>a7</c>; when
    /// the trap handler returns, whatever it left in <c>a0</c>…<c>a7</c> is stored back into
    /// <paramref name="registers"/> (the Xous syscall convention: the syscall number and arguments go in, the result
    /// comes back in the same eight registers). Other registers are preserved by the handler's contract.
    /// </summary>
    /// <param name="registers">In: the eight argument registers. Out: the eight result registers.</param>
    public static void Ecall(ref EcallRegisters registers) => throw DeviceOnly.Exception("Cpu.Ecall");
}

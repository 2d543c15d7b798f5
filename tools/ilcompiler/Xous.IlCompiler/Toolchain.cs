namespace Xous.IlCompiler;

/// <summary>
/// How the emitted C is built and run for QEMU <c>virt</c> (../shared/reference/rv32-toolchain.md): the flags the
/// compiler's output requires, and the QEMU command line that matches the VexRiscv (RV32IMAC, no FPU, no H).
/// </summary>
public static class Toolchain
{
    /// <summary>The cross compiler (its rv32imac/ilp32 multilib is selected by the flags).</summary>
    public const string Gcc = "riscv64-unknown-elf-gcc";

    /// <summary>The emulator.</summary>
    public const string Qemu = "qemu-system-riscv32";

    /// <summary>
    /// The flags for the emitted C. <c>-misa-spec=2.2</c> makes GCC 12 pick the rv32imac multilib with zicsr/zifencei
    /// implied; <c>-fno-strict-aliasing</c> is required because IL may view any memory as any type.
    /// </summary>
    public static IReadOnlyList<string> CFlags { get; } =
    [
        "-march=rv32imac", "-misa-spec=2.2", "-mabi=ilp32", "-mcmodel=medany", "-O2", "-ffreestanding",
        "-fno-strict-aliasing", "-nostdlib", "-nostartfiles", "-Wall", "-Wextra", "-Werror", "-std=gnu11",
    ];

    /// <summary>The QEMU arguments before <c>-kernel image.elf</c>.</summary>
    public static IReadOnlyList<string> QemuArguments { get; } =
        ["-M", "virt", "-cpu", "rv32,f=false,d=false,h=false", "-bios", "none", "-nographic"];
}

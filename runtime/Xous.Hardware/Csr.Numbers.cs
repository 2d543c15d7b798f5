namespace Xous.Hardware;

/// <summary>The CSR numbers the device supports (runtime/native/include/xous_hw.h has one case per number).</summary>
public static partial class Csr
{
    // Unprivileged counters (read-only).

    /// <summary><c>cycle</c> (0xC00): low 32 bits of the cycle counter. Read-only.</summary>
    public const int Cycle = 0xC00;

    /// <summary><c>time</c> (0xC01): low 32 bits of the real-time counter. Read-only; not every core implements it
    /// (the Precursor keeps time in its ticktimer peripheral).</summary>
    public const int Time = 0xC01;

    /// <summary><c>instret</c> (0xC02): low 32 bits of the retired-instruction counter. Read-only.</summary>
    public const int Instret = 0xC02;

    /// <summary><c>cycleh</c> (0xC80): high 32 bits of the cycle counter. Read-only.</summary>
    public const int CycleHigh = 0xC80;

    /// <summary><c>timeh</c> (0xC81): high 32 bits of the real-time counter. Read-only.</summary>
    public const int TimeHigh = 0xC81;

    /// <summary><c>instreth</c> (0xC82): high 32 bits of the retired-instruction counter. Read-only.</summary>
    public const int InstretHigh = 0xC82;

    // Machine mode.

    /// <summary><c>mstatus</c> (0x300): machine status (MIE is bit 3, MPIE bit 7, MPP bits 12:11).</summary>
    public const int Mstatus = 0x300;

    /// <summary><c>misa</c> (0x301): ISA and extensions (MXL in bits 31:30, one bit per extension letter).</summary>
    public const int Misa = 0x301;

    /// <summary><c>mie</c> (0x304): machine interrupt enable (MSIE bit 3, MTIE bit 7, MEIE bit 11).</summary>
    public const int Mie = 0x304;

    /// <summary><c>mtvec</c> (0x305): machine trap vector base address and mode (bits 1:0).</summary>
    public const int Mtvec = 0x305;

    /// <summary><c>mscratch</c> (0x340): machine scratch register.</summary>
    public const int Mscratch = 0x340;

    /// <summary><c>mepc</c> (0x341): machine exception program counter.</summary>
    public const int Mepc = 0x341;

    /// <summary><c>mcause</c> (0x342): machine trap cause (bit 31 set for interrupts).</summary>
    public const int Mcause = 0x342;

    /// <summary><c>mtval</c> (0x343): machine trap value (faulting address or instruction).</summary>
    public const int Mtval = 0x343;

    /// <summary><c>mip</c> (0x344): machine interrupt pending (MSIP bit 3, MTIP bit 7, MEIP bit 11).</summary>
    public const int Mip = 0x344;

    /// <summary><c>mhartid</c> (0xF14): the hart's id. Read-only.</summary>
    public const int Mhartid = 0xF14;

    /// <summary><c>mcycle</c> (0xB00): low 32 bits of the machine cycle counter.</summary>
    public const int Mcycle = 0xB00;

    /// <summary><c>minstret</c> (0xB02): low 32 bits of the machine retired-instruction counter.</summary>
    public const int Minstret = 0xB02;

    /// <summary><c>mcycleh</c> (0xB80): high 32 bits of the machine cycle counter.</summary>
    public const int McycleHigh = 0xB80;

    /// <summary><c>minstreth</c> (0xB82): high 32 bits of the machine retired-instruction counter.</summary>
    public const int MinstretHigh = 0xB82;

    // Supervisor mode.

    /// <summary><c>sstatus</c> (0x100): supervisor status (SIE is bit 1, SPIE bit 5, SPP bit 8, SUM bit 18).</summary>
    public const int Sstatus = 0x100;

    /// <summary><c>sie</c> (0x104): supervisor interrupt enable (SSIE bit 1, STIE bit 5, SEIE bit 9).</summary>
    public const int Sie = 0x104;

    /// <summary><c>stvec</c> (0x105): supervisor trap vector base address and mode.</summary>
    public const int Stvec = 0x105;

    /// <summary><c>sscratch</c> (0x140): supervisor scratch register.</summary>
    public const int Sscratch = 0x140;

    /// <summary><c>sepc</c> (0x141): supervisor exception program counter.</summary>
    public const int Sepc = 0x141;

    /// <summary><c>scause</c> (0x142): supervisor trap cause.</summary>
    public const int Scause = 0x142;

    /// <summary><c>stval</c> (0x143): supervisor trap value.</summary>
    public const int Stval = 0x143;

    /// <summary><c>sip</c> (0x144): supervisor interrupt pending.</summary>
    public const int Sip = 0x144;

    /// <summary><c>satp</c> (0x180): supervisor address translation and protection (Sv32: MODE bit 31, ASID, root PPN).</summary>
    public const int Satp = 0x180;

    // VexRiscv's external-interrupt controller (one bit per interrupt line of the SoC; custom CSRs, not on QEMU).

    /// <summary>VexRiscv <c>mim</c> (0xBC0): machine external interrupt mask, one bit per line.</summary>
    public const int VexMachineIrqMask = 0xBC0;

    /// <summary>VexRiscv <c>mip</c> (0xFC0): machine external interrupts pending, one bit per line. Read-only.</summary>
    public const int VexMachineIrqPending = 0xFC0;

    /// <summary>VexRiscv <c>sim</c> (0x9C0): supervisor external interrupt mask, one bit per line.</summary>
    public const int VexSupervisorIrqMask = 0x9C0;

    /// <summary>VexRiscv <c>sip</c> (0xDC0): supervisor external interrupts pending, one bit per line. Read-only.</summary>
    public const int VexSupervisorIrqPending = 0xDC0;
}

/*
 * xous_hw.h — the C behind the hardware intrinsics of runtime/Xous.Hardware (CSR access,
 * fences, wfi, ecall, volatile MMIO). tools/ilcompiler replaces every call of a Xous.Hardware
 * method with a call of one of these functions; generated C #includes this header after
 * xous_rt.h. Full description: docs/hardware-intrinsics.md.
 *
 * Every function is static inline and always inlined, so each intrinsic costs its instruction
 * and nothing else. A CSR number must be an immediate in csrr/csrw/csrrs/csrrc, so the CSR
 * functions switch over the supported numbers (one case per CSR, generated from the lists
 * below): with a constant argument gcc keeps one case, i.e. one instruction; with a variable
 * one the switch runs (still correct, just bigger). A number that is not listed (or a write to
 * a read-only CSR) panics: "panic: unsupported CSR 0x… for Csr.Write".
 *
 * Target: RV32IMAC, ilp32, -march=rv32imac -misa-spec=2.2 (zicsr and zifencei implied);
 * -std=gnu11 (register variables bound to a0..a7 for ecall).
 */
#ifndef XOUS_HW_H
#define XOUS_HW_H

#include <stdint.h>

#include "xous_rt.h"

#define XOUS_HW_INLINE static inline __attribute__((always_inline, unused))

/* ------------------------------------------------------------------------------------------
 * The supported CSRs: X(number, name). The number is what the instruction encodes; the name is
 * for the reader (and objdump prints it).
 * ------------------------------------------------------------------------------------------ */

/* Read-only: only xous_csr_read accepts them. Bits 11:10 = 3 marks a read-only CSR. */
#define XOUS_HW_READ_ONLY_CSRS(X)                                                                 \
    X(0xC00, cycle)                                                                               \
    X(0xC01, time)                                                                                \
    X(0xC02, instret)                                                                             \
    X(0xC80, cycleh)                                                                              \
    X(0xC81, timeh)                                                                               \
    X(0xC82, instreth)                                                                            \
    X(0xF14, mhartid)                                                                             \
    X(0xFC0, vex_machine_irq_pending)                                                             \
    X(0xDC0, vex_supervisor_irq_pending)

/* Readable and writable. */
#define XOUS_HW_WRITABLE_CSRS(X)                                                                  \
    X(0x300, mstatus)                                                                             \
    X(0x301, misa)                                                                                \
    X(0x304, mie)                                                                                 \
    X(0x305, mtvec)                                                                               \
    X(0x340, mscratch)                                                                            \
    X(0x341, mepc)                                                                                \
    X(0x342, mcause)                                                                              \
    X(0x343, mtval)                                                                               \
    X(0x344, mip)                                                                                 \
    X(0xB00, mcycle)                                                                              \
    X(0xB02, minstret)                                                                            \
    X(0xB80, mcycleh)                                                                             \
    X(0xB82, minstreth)                                                                           \
    X(0x100, sstatus)                                                                             \
    X(0x104, sie)                                                                                 \
    X(0x105, stvec)                                                                               \
    X(0x140, sscratch)                                                                            \
    X(0x141, sepc)                                                                                \
    X(0x142, scause)                                                                              \
    X(0x143, stval)                                                                               \
    X(0x144, sip)                                                                                 \
    X(0x180, satp)                                                                                \
    X(0xBC0, vex_machine_irq_mask)                                                                \
    X(0x9C0, vex_supervisor_irq_mask)

/* Out of line and cold: the panic for a CSR number that has no case. */
static __attribute__((noinline, cold, noreturn, unused)) void xous_hw_unsupported_csr(const char* operation, int32_t number)
{
    xous_console_flush();
    xous_console_write_cstr("panic: unsupported CSR 0x");
    xous_console_write_hex32((uint32_t)number);
    xous_console_write_cstr(" for ");
    xous_console_write_cstr(operation);
    xous_console_putc('\n');
    xous_exit(XOUS_EXIT_PANIC);
}

/* csrr: the value of CSR `number`. */
#define XOUS_HW_CSR_READ_CASE(number, name)                                                       \
    case number:                                                                                  \
        __asm__ volatile("csrr %0, " #number : "=r"(value) : : "memory");                        \
        return value;

XOUS_HW_INLINE uint32_t xous_csr_read(int32_t number)
{
    uint32_t value;
    switch (number) {
        XOUS_HW_READ_ONLY_CSRS(XOUS_HW_CSR_READ_CASE)
        XOUS_HW_WRITABLE_CSRS(XOUS_HW_CSR_READ_CASE)
    default:
        xous_hw_unsupported_csr("Csr.Read", number);
    }
}

/* csrw: CSR `number` = value. */
#define XOUS_HW_CSR_WRITE_CASE(number, name)                                                      \
    case number:                                                                                  \
        __asm__ volatile("csrw " #number ", %0" : : "r"(value) : "memory");                      \
        return;

XOUS_HW_INLINE void xous_csr_write(int32_t number, uint32_t value)
{
    switch (number) {
        XOUS_HW_WRITABLE_CSRS(XOUS_HW_CSR_WRITE_CASE)
    default:
        xous_hw_unsupported_csr("Csr.Write", number);
    }
}

/* csrrs: sets `bits` in CSR `number` and returns its old value. */
#define XOUS_HW_CSR_READ_SET_CASE(number, name)                                                   \
    case number:                                                                                  \
        __asm__ volatile("csrrs %0, " #number ", %1" : "=r"(old) : "r"(bits) : "memory");        \
        return old;

XOUS_HW_INLINE uint32_t xous_csr_read_set(int32_t number, uint32_t bits)
{
    uint32_t old;
    switch (number) {
        XOUS_HW_WRITABLE_CSRS(XOUS_HW_CSR_READ_SET_CASE)
    default:
        xous_hw_unsupported_csr("Csr.ReadSet", number);
    }
}

/* csrrc: clears `bits` in CSR `number` and returns its old value. */
#define XOUS_HW_CSR_READ_CLEAR_CASE(number, name)                                                 \
    case number:                                                                                  \
        __asm__ volatile("csrrc %0, " #number ", %1" : "=r"(old) : "r"(bits) : "memory");        \
        return old;

XOUS_HW_INLINE uint32_t xous_csr_read_clear(int32_t number, uint32_t bits)
{
    uint32_t old;
    switch (number) {
        XOUS_HW_WRITABLE_CSRS(XOUS_HW_CSR_READ_CLEAR_CASE)
    default:
        xous_hw_unsupported_csr("Csr.ReadClear", number);
    }
}

/* ------------------------------------------------------------------------------------------
 * Barriers
 * ------------------------------------------------------------------------------------------ */

/* fence (= fence iorw,iorw): every earlier memory and I/O access is ordered before every later
 * one, for other harts and bus masters too; also a compiler barrier. */
XOUS_HW_INLINE void xous_fence(void) { __asm__ volatile("fence" : : : "memory"); }

/* fence.i: instruction fetches after it see the stores before it (code written at run time). */
XOUS_HW_INLINE void xous_fence_i(void) { __asm__ volatile("fence.i" : : : "memory"); }

/* No instruction: gcc may not move memory accesses across it, nor cache memory in registers. */
XOUS_HW_INLINE void xous_compiler_barrier(void) { __asm__ volatile("" : : : "memory"); }

/* ------------------------------------------------------------------------------------------
 * Processor
 * ------------------------------------------------------------------------------------------ */

/* wfi: waits until an interrupt is pending and enabled in mie/sie (mstatus.MIE need not be set:
 * with it clear, no trap is taken and execution continues after the wfi). May return early. */
XOUS_HW_INLINE void xous_wfi(void) { __asm__ volatile("wfi" : : : "memory"); }

/* ecall with registers[0..7] in a0..a7; what the handler leaves in a0..a7 comes back in
 * registers[0..7] (the Xous syscall convention). registers is an EcallRegisters (eight uint32). */
XOUS_HW_INLINE void xous_ecall(uint32_t* registers)
{
    register uint32_t a0 __asm__("a0") = registers[0];
    register uint32_t a1 __asm__("a1") = registers[1];
    register uint32_t a2 __asm__("a2") = registers[2];
    register uint32_t a3 __asm__("a3") = registers[3];
    register uint32_t a4 __asm__("a4") = registers[4];
    register uint32_t a5 __asm__("a5") = registers[5];
    register uint32_t a6 __asm__("a6") = registers[6];
    register uint32_t a7 __asm__("a7") = registers[7];
    __asm__ volatile("ecall"
                     : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a5), "+r"(a6), "+r"(a7)
                     :
                     : "memory");
    registers[0] = a0;
    registers[1] = a1;
    registers[2] = a2;
    registers[3] = a3;
    registers[4] = a4;
    registers[5] = a5;
    registers[6] = a6;
    registers[7] = a7;
}

/* ------------------------------------------------------------------------------------------
 * Memory-mapped I/O: one volatile access of exactly that width (lbu/lhu/lw, sb/sh/sw), never
 * merged, split, removed or reordered with other MMIO; the compiler barriers on both sides also
 * keep ordinary memory accesses on their side (a DMA buffer written before the doorbell). For
 * ordering seen by other bus masters, add xous_fence. The address must be aligned to the width.
 * ------------------------------------------------------------------------------------------ */

XOUS_HW_INLINE uint8_t xous_mmio_read8(uintptr_t address)
{
    xous_compiler_barrier();
    uint8_t value = *(volatile const uint8_t*)address;
    xous_compiler_barrier();
    return value;
}

XOUS_HW_INLINE uint16_t xous_mmio_read16(uintptr_t address)
{
    xous_compiler_barrier();
    uint16_t value = *(volatile const uint16_t*)address;
    xous_compiler_barrier();
    return value;
}

XOUS_HW_INLINE uint32_t xous_mmio_read32(uintptr_t address)
{
    xous_compiler_barrier();
    uint32_t value = *(volatile const uint32_t*)address;
    xous_compiler_barrier();
    return value;
}

XOUS_HW_INLINE void xous_mmio_write8(uintptr_t address, uint8_t value)
{
    xous_compiler_barrier();
    *(volatile uint8_t*)address = value;
    xous_compiler_barrier();
}

XOUS_HW_INLINE void xous_mmio_write16(uintptr_t address, uint16_t value)
{
    xous_compiler_barrier();
    *(volatile uint16_t*)address = value;
    xous_compiler_barrier();
}

XOUS_HW_INLINE void xous_mmio_write32(uintptr_t address, uint32_t value)
{
    xous_compiler_barrier();
    *(volatile uint32_t*)address = value;
    xous_compiler_barrier();
}

#endif

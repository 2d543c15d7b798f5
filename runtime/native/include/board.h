/*
 * board.h — the board seam. Everything the portable runtime (rt/, gc/) needs from a board.
 * A board lives in board/<name>/ and provides start.S (entry _start -> xous_rt_start),
 * link.ld (symbols below) and board.c (these functions). Boards: qemu-virt; precursor later.
 */
#ifndef XOUS_BOARD_H
#define XOUS_BOARD_H

#include <stdint.h>

/* One-time hardware set-up before anything is printed. */
void board_init(void);
/* Writes one byte to the console, waiting until the transmitter accepts it. */
void board_putc(uint8_t c);
/* Ends the program with an exit status (0 = success). Never returns. */
void board_exit(int code) __attribute__((noreturn));
/* 64-bit cycle and retired-instruction counters (rdcycle/rdcycleh, rdinstret/rdinstreth). */
uint64_t board_read_cycles(void);
uint64_t board_read_instret(void);

/* Symbols every board's link.ld defines. */
extern char __heap_start[], __heap_end[];   /* heap region, 16-byte aligned */
extern char __stack_bottom[], __stack_top[]; /* the (single) stack; sp starts at __stack_top */
extern char __bss_start[], __bss_end[];

/* Reads a 64-bit counter from a pair of 32-bit CSRs without tearing. */
#define BOARD_READ_CSR64(lo, hi)                                                                  \
    __extension__({                                                                               \
        uint32_t h1_, l_, h2_;                                                                    \
        do {                                                                                      \
            __asm__ volatile("csrr %0, " #hi : "=r"(h1_));                                        \
            __asm__ volatile("csrr %0, " #lo : "=r"(l_));                                         \
            __asm__ volatile("csrr %0, " #hi : "=r"(h2_));                                        \
        } while (h1_ != h2_);                                                                     \
        ((uint64_t)h1_ << 32) | l_;                                                               \
    })

#endif

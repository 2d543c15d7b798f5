/*
 * Instruction counting for `./xous bench compiler` (../README.md), shared by the C image (../c/main.c) and each C#
 * image (csharp_main.c), so both sides are measured by the same code.
 *
 * Every line printed is "name instructions checksum", instructions being the difference of two reads of instret
 * (xous_read_instret) around one call. QEMU counts exactly with -icount shift=0.
 */
#ifndef XOUS_BENCH_COMPILER_MEASURE_H
#define XOUS_BENCH_COMPILER_MEASURE_H

#include <stdint.h>

typedef uint32_t (*bench_kernel)(void);

/*
 * The counter's validation, printed first:
 *   spin-10000 / spin-110000  a loop of exactly 2 instructions per iteration (addi, bnez), 10,000 and 110,000
 *                             iterations, measured by identical code: the difference must be exactly 200,000;
 *   empty                     a call of a function that only returns 0, measured like a kernel: the fixed cost
 *                             that is subtracted from every kernel's count.
 */
void bench_calibrate(void);

/* Calls the kernel once between two reads of instret and prints "name instructions checksum". */
void bench_run(const char* name, bench_kernel kernel);

#endif

/*
 * The C side of `./xous bench compiler` (tools/bench/compiler/README.md): the kernels, each the plain-C twin of a
 * class in ../Xous.Bench.Compiler.Programs, and the input generator they share with the C# programs.
 */
#ifndef XOUS_BENCH_COMPILER_BENCH_H
#define XOUS_BENCH_COMPILER_BENCH_H

#include <stdint.h>

/* The inputs' generator: the LCG of Numerical Recipes (x = x * 1664525 + 1013904223), the same in Lcg.cs. */
static inline uint32_t bench_lcg_next(uint32_t* state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

/* Each kernel generates its input, runs, and returns a checksum of the result (README.md says which). */
uint32_t bench_sha256(void);
uint32_t bench_aes256(void);
uint32_t bench_modmul256(void);
uint32_t bench_linkedwalk(void);
uint32_t bench_cborparse(void);

#endif

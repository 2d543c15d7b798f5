/* See measure.h. */
#include "measure.h"

#include "xous_rt.h"

#define SPIN_SHORT 10000u
#define SPIN_LONG 110000u

static void report(const char* name, uint64_t instructions, uint32_t checksum)
{
    xous_console_write_cstr(name);
    xous_console_putc(' ');
    xous_console_write_u64(instructions);
    xous_console_putc(' ');
    xous_console_write_u32(checksum);
    xous_console_putc('\n');
}

/* Exactly 2 * iterations instructions in the loop (iterations > 0), plus the return. */
static __attribute__((noinline)) uint32_t spin(uint32_t iterations)
{
    __asm__ volatile("1: addi %0, %0, -1\n\tbnez %0, 1b" : "+r"(iterations));
    return iterations;
}

/* The same instructions around spin() for every count: the count arrives in a register. */
static __attribute__((noinline)) void measure_spin(const char* name, uint32_t iterations)
{
    uint64_t before = xous_read_instret();
    uint32_t result = spin(iterations);
    uint64_t after = xous_read_instret();
    report(name, after - before, result);
}

static __attribute__((noinline)) uint32_t empty_kernel(void) { return 0; }

void bench_calibrate(void)
{
    measure_spin("spin-10000", SPIN_SHORT);
    measure_spin("spin-110000", SPIN_LONG);
    bench_run("empty", empty_kernel);
}

__attribute__((noinline)) void bench_run(const char* name, bench_kernel kernel)
{
    uint64_t before = xous_read_instret();
    uint32_t checksum = kernel();
    uint64_t after = xous_read_instret();
    report(name, after - before, checksum);
}

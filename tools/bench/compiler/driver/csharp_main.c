/*
 * The driver of a C# image: the C the compiler emitted for one benchmark's entry class is compiled with
 * -Dxous_main=xous_bench_csharp_main, so its entry (which runs Main, i.e. the kernel's Run(), and returns the
 * checksum) becomes a function this driver measures like a C kernel. XOUS_BENCH_NAME names the benchmark.
 */
#include "measure.h"

#include "xous_rt.h"

#ifndef XOUS_BENCH_NAME
#define XOUS_BENCH_NAME "csharp"
#endif

int xous_bench_csharp_main(void);

static uint32_t csharp_kernel(void) { return (uint32_t)xous_bench_csharp_main(); }

int xous_main(void)
{
    bench_calibrate();
    bench_run(XOUS_BENCH_NAME, csharp_kernel);
    return 0;
}

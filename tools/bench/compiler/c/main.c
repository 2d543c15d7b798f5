/* The C image: the counter's validation, then each kernel once (../driver/measure.h), then exit status 0. */
#include "bench.h"
#include "measure.h"
#include "xous_rt.h"

int xous_main(void)
{
    bench_calibrate();
    bench_run("sha256", bench_sha256);
    bench_run("aes256", bench_aes256);
    bench_run("modmul256", bench_modmul256);
    bench_run("linkedwalk", bench_linkedwalk);
    bench_run("cborparse", bench_cborparse);
    return 0;
}

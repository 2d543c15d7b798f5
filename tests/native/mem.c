/* memcpy/memmove/memset/memcmp/strlen against byte-by-byte reference results, over every
 * small alignment and length combination. */
#include "testlib.h"

static uint8_t a[160], b[160], ref[160];

static void fill(uint8_t* p, int n, uint32_t seed) {
    for (int i = 0; i < n; i++) p[i] = (uint8_t)rng_next(&seed);
}

int xous_main(void) {
    void* volatile vmemcpy = memcpy; /* call the runtime's functions, not gcc's inline versions */
    void* volatile vmemmove = memmove;
    void* volatile vmemset = memset;
    void* volatile vmemcmp = memcmp;
    void* (*cpy)(void*, const void*, size_t) = vmemcpy;
    void* (*mov)(void*, const void*, size_t) = vmemmove;
    void* (*set)(void*, int, size_t) = vmemset;
    int (*cmp)(const void*, const void*, size_t) = vmemcmp;
    int cases = 0;
    for (int so = 0; so < 4; so++)
        for (int d = 0; d < 4; d++)
            for (int n = 0; n < 70; n += (n < 20 ? 1 : 7)) {
                fill(a, 160, 1u + (uint32_t)n);
                fill(b, 160, 99u + (uint32_t)d);
                for (int i = 0; i < 160; i++) ref[i] = b[i];
                for (int i = 0; i < n; i++) ref[d + i] = a[so + i];
                CHECK(cpy(b + d, a + so, (size_t)n) == b + d);
                for (int i = 0; i < 160; i++) if (b[i] != ref[i]) { CHECK(!"memcpy"); break; }
                /* overlapping moves both ways inside one buffer */
                for (int shift = -9; shift <= 9; shift += 3) {
                    int src = 40 + so, dst = 40 + so + shift + d;
                    fill(a, 160, 7u + (uint32_t)n);
                    for (int i = 0; i < 160; i++) ref[i] = a[i];
                    uint8_t tmp[80];
                    for (int i = 0; i < n; i++) tmp[i] = ref[src + i];
                    for (int i = 0; i < n; i++) ref[dst + i] = tmp[i];
                    CHECK(mov(a + dst, a + src, (size_t)n) == a + dst);
                    for (int i = 0; i < 160; i++) if (a[i] != ref[i]) { CHECK(!"memmove"); break; }
                }
                fill(b, 160, 5u);
                for (int i = 0; i < 160; i++) ref[i] = b[i];
                for (int i = 0; i < n; i++) ref[d + so + i] = 0xA7;
                CHECK(set(b + d + so, 0x1A7, (size_t)n) == b + d + so);
                for (int i = 0; i < 160; i++) if (b[i] != ref[i]) { CHECK(!"memset"); break; }
                fill(a, 160, 3u);
                for (int i = 0; i < 160; i++) b[i] = a[i];
                CHECK(cmp(a + so, b + so, (size_t)n) == 0);
                if (n > 0) {
                    b[so + n - 1] ^= 0x80;
                    int r = cmp(a + so, b + so, (size_t)n);
                    CHECK(a[so + n - 1] < b[so + n - 1] ? r < 0 : r > 0);
                }
                cases++;
            }
    CHECK(strlen("") == 0);
    CHECK(strlen("xous#") == 5);
    xous_console_write_cstr("cases: ");
    xous_console_write_i32(cases);
    xous_console_putc('\n');
    return finish("mem");
}

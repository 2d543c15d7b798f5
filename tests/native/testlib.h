/* Helpers shared by the native runtime tests (header-only). */
#ifndef XOUS_TESTLIB_H
#define XOUS_TESTLIB_H
#include "xous_rt.h"

static int test_failures;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            xous_console_write_cstr("FAIL line ");                                                 \
            xous_console_write_i32(__LINE__);                                                      \
            xous_console_write_cstr(": " #cond "\n");                                              \
            test_failures++;                                                                       \
        }                                                                                          \
    } while (0)

static inline void say(const char* s) { xous_console_write_cstr(s); }

/* Prints "<label>: ok" or "<label>: FAILED" and returns the exit status for xous_main. */
static inline int finish(const char* label) {
    xous_console_write_cstr(label);
    xous_console_write_cstr(test_failures ? ": FAILED\n" : ": ok\n");
    return test_failures ? 1 : 0;
}

/* A small deterministic PRNG (xorshift32). */
static inline uint32_t rng_next(uint32_t* s) {
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

/* Keeps a value opaque to the optimiser. */
#define OPAQUE(x) __asm__ volatile("" : "+r"(x))

#endif

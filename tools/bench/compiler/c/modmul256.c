/*
 * 256-bit modular multiplication: 1,000 iterations of x = x * y mod p for p = 2^255 - 19, with 8 x 32-bit limbs
 * (little-endian), a schoolbook 8 x 8 multiply into 16 limbs and the special reduction 2^256 = 38 (mod p). Between
 * iterations x is kept below 2^256 (congruent, not fully reduced); at the end it is reduced to [0, p). x and y start
 * as 16 LCG words; the checksum is the XOR of the eight limbs of the final x.
 */
#include "bench.h"

#define MODMUL256_ITERATIONS 1000u
#define MODMUL256_SEED 0x4d4du

/* r = a * b mod p (r < 2^256, not necessarily < p). r may alias a or b. */
static void mul_mod_p25519(uint32_t r[8], const uint32_t a[8], const uint32_t b[8])
{
    uint32_t t[16] = {0};
    for (unsigned i = 0; i < 8; i++) {
        uint64_t carry = 0;
        for (unsigned j = 0; j < 8; j++) {
            uint64_t acc = (uint64_t)a[i] * b[j] + t[i + j] + carry;
            t[i + j] = (uint32_t)acc;
            carry = acc >> 32;
        }
        t[i + 8] = (uint32_t)carry;
    }

    /* t = high * 2^256 + low = high * 38 + low (mod p). */
    uint64_t carry = 0;
    for (unsigned i = 0; i < 8; i++) {
        uint64_t acc = (uint64_t)t[i + 8] * 38u + t[i] + carry;
        r[i] = (uint32_t)acc;
        carry = acc >> 32;
    }

    /* Fold the carry (< 39) the same way; a second carry can only leave a small value, so one more fold ends it. */
    while (carry != 0) {
        uint32_t add = (uint32_t)carry * 38u;
        carry = 0;
        for (unsigned i = 0; i < 8; i++) {
            uint64_t acc = (uint64_t)r[i] + add;
            r[i] = (uint32_t)acc;
            add = (uint32_t)(acc >> 32);
        }
        carry = add;
    }
}

/* x = x - p while x >= p (x < 2^256 < 3p, so at most twice). */
static void reduce_p25519(uint32_t x[8])
{
    static const uint32_t p[8] = {
        0xffffffedu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x7fffffffu,
    };
    for (;;) {
        int below = 0;
        for (int i = 7; i >= 0; i--) {
            if (x[i] != p[i]) {
                below = x[i] < p[i];
                break;
            }
        }
        if (below) return;

        uint32_t borrow = 0;
        for (unsigned i = 0; i < 8; i++) {
            uint64_t diff = (uint64_t)x[i] - p[i] - borrow;
            x[i] = (uint32_t)diff;
            borrow = (uint32_t)(diff >> 63);
        }
    }
}

uint32_t bench_modmul256(void)
{
    uint32_t seed = MODMUL256_SEED;
    uint32_t x[8], y[8];
    for (unsigned i = 0; i < 8; i++) x[i] = bench_lcg_next(&seed);
    for (unsigned i = 0; i < 8; i++) y[i] = bench_lcg_next(&seed);

    for (uint32_t n = 0; n < MODMUL256_ITERATIONS; n++) mul_mod_p25519(x, x, y);
    reduce_p25519(x);

    uint32_t checksum = 0;
    for (unsigned i = 0; i < 8; i++) checksum ^= x[i];
    return checksum;
}

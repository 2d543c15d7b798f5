/* memcpy/memmove/memset/memcmp/strlen for a freestanding build. gcc may emit calls to the first
 * four; the attribute stops gcc from turning these very loops back into calls to themselves. */
#include <stddef.h>
#include <stdint.h>

#define XOUS_NO_LOOP_CALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))

typedef uint32_t __attribute__((may_alias)) word_t;

XOUS_NO_LOOP_CALLS void* memcpy(void* dst, const void* src, size_t n) {
    uint8_t* d = dst;
    const uint8_t* s = src;
    if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0) {
        while (n >= 16) {
            word_t* dw = (word_t*)d;
            const word_t* sw = (const word_t*)s;
            uint32_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];
            dw[0] = a; dw[1] = b; dw[2] = c; dw[3] = e;
            d += 16; s += 16; n -= 16;
        }
        while (n >= 4) {
            *(word_t*)d = *(const word_t*)s;
            d += 4; s += 4; n -= 4;
        }
    }
    while (n--) *d++ = *s++;
    return dst;
}

XOUS_NO_LOOP_CALLS void* memmove(void* dst, const void* src, size_t n) {
    uint8_t* d = dst;
    const uint8_t* s = src;
    if (d == s || n == 0) return dst;
    if (d < s || d >= s + n) return memcpy(dst, src, n);
    /* overlapping, destination above source: copy backwards */
    d += n;
    s += n;
    if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0) {
        while (n >= 4) {
            d -= 4; s -= 4; n -= 4;
            *(word_t*)d = *(const word_t*)s;
        }
    }
    while (n--) *--d = *--s;
    return dst;
}

XOUS_NO_LOOP_CALLS void* memset(void* dst, int value, size_t n) {
    uint8_t* d = dst;
    uint8_t v = (uint8_t)value;
    while (n > 0 && ((uintptr_t)d & 3) != 0) { *d++ = v; n--; }
    uint32_t w = v * 0x01010101u;
    while (n >= 16) {
        word_t* dw = (word_t*)d;
        dw[0] = w; dw[1] = w; dw[2] = w; dw[3] = w;
        d += 16; n -= 16;
    }
    while (n >= 4) { *(word_t*)d = w; d += 4; n -= 4; }
    while (n--) *d++ = v;
    return dst;
}

XOUS_NO_LOOP_CALLS int memcmp(const void* a, const void* b, size_t n) {
    const uint8_t* p = a;
    const uint8_t* q = b;
    for (; n; n--, p++, q++)
        if (*p != *q) return (int)*p - (int)*q;
    return 0;
}

XOUS_NO_LOOP_CALLS size_t strlen(const char* s) {
    const char* p = s;
    while (*p) p++;
    return (size_t)(p - s);
}

/*
 * Heap and garbage collector: non-moving mark-sweep over the fixed heap region
 * [__heap_start, __heap_end). Precise for objects (XousType.ref_offsets), conservative for the
 * stack and saved registers (interior pointers count). Algorithm and limits:
 * docs/native-runtime.md.
 *
 * Heap region layout:  [start bitmap][mark bitmap][blocks ...]
 * Blocks tile the block area exactly; each is a multiple of 8 bytes (a "granule") and is
 * either an object (word 0 = its XousType*) or a free block (word 0 = &free_type, word 1 =
 * size, word 2 = next on its free list; 8-byte free fragments are on no list). The start
 * bitmap has one bit per granule, set where a block starts (allocated or free); the mark
 * bitmap has one bit per granule, set on the start granule of a marked object.
 */
#include "board.h"
#include "xous_rt.h"

#ifndef XOUS_GC_MARK_STACK_SIZE
#define XOUS_GC_MARK_STACK_SIZE 1024
#endif
#ifndef XOUS_GC_DEBUG
#define XOUS_GC_DEBUG 0 /* 1: poison freed memory and verify the heap after every collection */
#endif

#define GRANULE 8u
#define MIN_LISTED 16u                       /* smallest free block on a list: type, size, next */
#define SMALL_MAX 512u                       /* sizes <= this have an exact-size bin each */
#define NSMALL (SMALL_MAX / GRANULE + 1u)    /* bins 0..64, index = size / 8 (0 and 1 stay empty) */
#define NLARGE 23u                           /* one bin per power of two from 2^9 */
#define NBINS (NSMALL + NLARGE)
#define BINMAP_WORDS ((NBINS + 31u) / 32u)
#define FREE_BLOCK_FLAG 0x8000u
#define STACK_CANARY 0x5AC3C0DEu
#define POISON 0xDEADBEEFu

typedef struct FreeBlock {
    const XousType* type; /* &free_type */
    uint32_t size;
    struct FreeBlock* next;
} FreeBlock;

static const XousType free_type = {0, 0, FREE_BLOCK_FLAG, 0, 0, 0, 0, 0};

XousGcStats xous_gc_stats;

static int initialized;
static int collecting;
static uintptr_t heap_base, heap_limit; /* block area */
static uint32_t* start_bits;
static uint32_t* mark_bits;
static uint32_t bitmap_words;
static FreeBlock* bins[NBINS];
static uint32_t bin_map[BINMAP_WORDS];
static uintptr_t mark_stack[XOUS_GC_MARK_STACK_SIZE];
static uint32_t mark_sp;
static int mark_overflow;
static void** registered_roots[XOUS_GC_MAX_REGISTERED_ROOTS];

/* xous_static_roots/xous_static_root_count: weak empty defaults live in static_roots.c, a
 * separate translation unit, so that gcc cannot fold the default count into this file. */

/* ---- bitmaps ---- */
static inline uint32_t granule(uintptr_t p) { return (uint32_t)(p - heap_base) / GRANULE; }
static inline int bit_test(const uint32_t* map, uint32_t g) { return (map[g >> 5] >> (g & 31)) & 1; }
static inline void bit_set(uint32_t* map, uint32_t g) { map[g >> 5] |= 1u << (g & 31); }
static inline void bit_clear(uint32_t* map, uint32_t g) { map[g >> 5] &= ~(1u << (g & 31)); }
static inline uint32_t round8(uint32_t n) { return (n + 7u) & ~7u; }
static inline int is_free_block(uintptr_t p) { return *(const XousType* const*)p == &free_type; }

static uint32_t object_size(uintptr_t p) {
    const XousType* t = *(const XousType* const*)p;
    if (t->flags & XOUS_TYPE_ARRAY) {
        uint32_t n = (uint32_t)((const XousArray*)p)->length;
        if (t->flags & XOUS_TYPE_STRING) n++;
        return XOUS_ARRAY_DATA_OFFSET + n * t->element_size;
    }
    return t->instance_size < XOUS_OBJECT_HEADER_SIZE ? XOUS_OBJECT_HEADER_SIZE : t->instance_size;
}

static uint32_t block_size(uintptr_t p) {
    if (is_free_block(p)) return ((const FreeBlock*)p)->size;
    return round8(object_size(p));
}

uint32_t xous_gc_object_size(const void* object) { return object_size((uintptr_t)object); }

/* ---- free lists ---- */
static inline uint32_t bin_index(uint32_t size) {
    if (size <= SMALL_MAX) return size / GRANULE;
    return NSMALL + (31u - (uint32_t)__builtin_clz(size)) - 9u;
}

static void make_free(uintptr_t p, uint32_t size) {
    FreeBlock* b = (FreeBlock*)p;
    b->type = &free_type;
    b->size = size;
    bit_set(start_bits, granule(p));
    if (size >= MIN_LISTED) {
        uint32_t i = bin_index(size);
        b->next = bins[i];
        bins[i] = b;
        bin_map[i >> 5] |= 1u << (i & 31);
    }
}

static void unlink_head(uint32_t i) {
    bins[i] = bins[i]->next;
    if (!bins[i]) bin_map[i >> 5] &= ~(1u << (i & 31));
}

/* The bump region [bump, bump_limit): the unallocated rest of a free block taken off its list.
 * Small allocations come from it with a pointer increment; it is not a formatted block, so
 * retire_bump() turns it back into a free block before anything walks the heap. No start bits
 * are set inside it (it was one block). */
static uintptr_t bump, bump_limit;

#define BUMP_MIN_RUN 256u /* a block at least this much larger than the request becomes the bump region */

static void retire_bump(void) {
    if (bump_limit > bump) make_free(bump, (uint32_t)(bump_limit - bump));
    bump = bump_limit = 0;
}

static uintptr_t take_slow(uint32_t size) {
    uint32_t i = bin_index(size);
    FreeBlock* b = 0;
    if (i < NSMALL) {
        if (bins[i]) { /* exact fit */
            b = bins[i];
            unlink_head(i);
            return (uintptr_t)b;
        }
    } else {
        /* first fit inside the size's own power-of-two bin */
        FreeBlock** pp = &bins[i];
        for (FreeBlock* c = *pp; c; pp = &c->next, c = c->next) {
            if (c->size >= size) {
                *pp = c->next;
                if (!bins[i]) bin_map[i >> 5] &= ~(1u << (i & 31));
                b = c;
                break;
            }
        }
    }
    /* else any block of a larger bin fits */
    for (uint32_t j = i + 1; !b && j < NBINS;) {
        uint32_t w = j >> 5;
        uint32_t m = bin_map[w] & (~0u << (j & 31));
        if (m) {
            uint32_t k = (w << 5) + (uint32_t)__builtin_ctz(m);
            b = bins[k];
            unlink_head(k);
        } else {
            j = (w + 1) << 5;
        }
    }
    if (!b) return 0;
    uintptr_t p = (uintptr_t)b;
    uint32_t have = b->size;
    if (have >= size + BUMP_MIN_RUN && size <= SMALL_MAX) {
        /* a big block: it becomes the new bump region (the old one goes back on the lists) */
        retire_bump();
        bump = p + size;
        bump_limit = p + have;
        return p;
    }
    if (have > size) make_free(p + size, have - size);
    return p;
}

static inline uintptr_t take(uint32_t size) {
    if (bump_limit - bump >= size) {
        uintptr_t p = bump;
        bump += size;
        bit_set(start_bits, granule(p));
        return p;
    }
    return take_slow(size);
}

/* ---- initialisation ---- */
void xous_gc_init(void) {
    if (initialized) return;
    uintptr_t start = ((uintptr_t)__heap_start + 7u) & ~(uintptr_t)7u;
    uintptr_t end = (uintptr_t)__heap_end & ~(uintptr_t)7u;
    uint32_t total = (uint32_t)(end - start);
    /* g granules need g*8 bytes plus two bitmaps of ceil(g/32) words */
    uint32_t g = (uint32_t)(((uint64_t)total * 4u) / 33u);
    for (;;) {
        uint32_t words = (g + 31u) / 32u;
        if ((uint64_t)words * 8u + (uint64_t)g * GRANULE <= total) break;
        g--;
    }
    bitmap_words = (g + 31u) / 32u;
    start_bits = (uint32_t*)start;
    mark_bits = start_bits + bitmap_words;
    heap_base = start + bitmap_words * 8u;
    heap_limit = heap_base + g * GRANULE;
    memset(start_bits, 0, bitmap_words * 8u);
    for (uint32_t i = 0; i < NBINS; i++) bins[i] = 0;
    for (uint32_t i = 0; i < BINMAP_WORDS; i++) bin_map[i] = 0;
    make_free(heap_base, g * GRANULE);
    xous_gc_stats.heap_size = (uint32_t)((uintptr_t)__heap_end - (uintptr_t)__heap_start);
    xous_gc_stats.heap_usable = g * GRANULE;
    *(volatile uint32_t*)(uintptr_t)__stack_bottom = STACK_CANARY;
    initialized = 1;
}

/* ---- allocation ---- */
__attribute__((optimize("no-tree-loop-distribute-patterns"))) static void* alloc_block(uint32_t size) {
    if (!initialized) xous_gc_init();
    if (size > xous_gc_stats.heap_usable) {
        xous_gc_stats.failed_allocations++;
        return 0;
    }
    uintptr_t p = take(size);
    if (!p) {
        xous_gc_collect();
        p = take(size);
        if (!p) {
            xous_gc_stats.failed_allocations++;
            return 0;
        }
    }
    if (size <= 64) {
        for (uint32_t* w = (uint32_t*)p; w < (uint32_t*)(p + size); w++) *w = 0;
    } else {
        memset((void*)p, 0, size);
    }
    xous_gc_stats.allocations++;
    xous_gc_stats.bytes_allocated += size;
    xous_gc_stats.bytes_in_use += size;
    if (xous_gc_stats.bytes_in_use > xous_gc_stats.peak_bytes_in_use)
        xous_gc_stats.peak_bytes_in_use = xous_gc_stats.bytes_in_use;
    return (void*)p;
}

void* xous_gc_alloc(const XousType* type) {
    if (!type || (type->flags & (XOUS_TYPE_ARRAY | FREE_BLOCK_FLAG))) xous_panic("xous_gc_alloc: not a class type");
    uint32_t size = type->instance_size < XOUS_OBJECT_HEADER_SIZE ? XOUS_OBJECT_HEADER_SIZE : type->instance_size;
    if (size > 0x7FFFFFF0u) return 0;
    XousObject* o = alloc_block(round8(size));
    if (o) o->type = type;
    return o;
}

void* xous_gc_alloc_array(const XousType* type, int32_t length) {
    if (!type || !(type->flags & XOUS_TYPE_ARRAY) || (type->flags & FREE_BLOCK_FLAG))
        xous_panic("xous_gc_alloc_array: not an array type");
    if (length < 0) {
        xous_gc_stats.failed_allocations++;
        return 0;
    }
    uint64_t n = (uint64_t)(uint32_t)length + ((type->flags & XOUS_TYPE_STRING) ? 1u : 0u);
    uint64_t size = XOUS_ARRAY_DATA_OFFSET + n * type->element_size;
    if (size > 0x7FFFFFF0u) {
        xous_gc_stats.failed_allocations++;
        return 0;
    }
    XousArray* a = alloc_block(round8((uint32_t)size));
    if (a) {
        a->type = type;
        a->length = length;
    }
    return a;
}

/* ---- marking ---- */

/* The allocated block containing address a (heap_base <= a < heap_limit), or 0. */
static uintptr_t find_block(uintptr_t a) {
    uint32_t g = granule(a);
    uint32_t w = g >> 5;
    uint32_t b = g & 31;
    uint32_t m = start_bits[w] & (b == 31 ? ~0u : ((1u << (b + 1)) - 1u));
    while (!m) m = start_bits[--w]; /* granule 0 always starts a block */
    uintptr_t p = heap_base + (uintptr_t)((w << 5) + (31u - (uint32_t)__builtin_clz(m))) * GRANULE;
    if (is_free_block(p)) return 0;
    return a < p + block_size(p) ? p : 0;
}

static void mark_block(uintptr_t p) {
    uint32_t g = granule(p);
    if (bit_test(mark_bits, g)) return;
    bit_set(mark_bits, g);
    if (mark_sp < XOUS_GC_MARK_STACK_SIZE) {
        mark_stack[mark_sp++] = p;
    } else if (!mark_overflow) {
        mark_overflow = 1; /* marked but not scanned: the rescan after draining finds it */
        xous_gc_stats.mark_stack_overflows++;
    }
}

/* A reference field or static root: an object start, NULL or an address outside the heap. */
static void mark_precise(uintptr_t v) {
    if (v < heap_base || v >= heap_limit) return;
    uintptr_t p;
    if ((v & 7u) == 0 && bit_test(start_bits, granule(v)))
        p = is_free_block(v) ? 0 : v;
    else
        p = find_block(v); /* tolerate an interior address */
    if (p) mark_block(p);
}

/* A word from the stack or a saved register: anything that points into an object (or just past
 * its end, for the data reference of an empty array or an end-of-range ref) keeps it alive. */
static void mark_conservative(uintptr_t v) {
    if (v < heap_base || v > heap_limit) return;
    if (v < heap_limit) {
        uintptr_t p = find_block(v);
        if (p) mark_block(p);
    }
    if ((v & 7u) == 0 && v > heap_base) {
        uintptr_t p = find_block(v - 1);
        if (p && p + object_size(p) == v) mark_block(p);
    }
}

static void scan_object(uintptr_t p) {
    const XousType* t = *(const XousType* const*)p;
    if (t->flags & XOUS_TYPE_ARRAY) {
        uint32_t n = (uint32_t)((const XousArray*)p)->length;
        uintptr_t data = p + XOUS_ARRAY_DATA_OFFSET;
        if (t->flags & XOUS_TYPE_ELEMENT_IS_REFERENCE) {
            const uintptr_t* e = (const uintptr_t*)data;
            for (uint32_t i = 0; i < n; i++) mark_precise(e[i]);
        } else if (t->flags & XOUS_TYPE_ELEMENT_HAS_REFERENCES) {
            uint32_t es = t->element_size;
            uint32_t count = t->ref_offset_count;
            const uint16_t* offs = t->ref_offsets;
            for (uint32_t i = 0; i < n; i++, data += es)
                for (uint32_t k = 0; k < count; k++) mark_precise(*(const uintptr_t*)(data + offs[k]));
        }
    } else {
        uint32_t count = t->ref_offset_count;
        const uint16_t* offs = t->ref_offsets;
        for (uint32_t k = 0; k < count; k++) mark_precise(*(const uintptr_t*)(p + offs[k]));
    }
}

static void drain(void) {
    while (mark_sp) scan_object(mark_stack[--mark_sp]);
}

/* After an overflow: scan every marked object again until a pass completes without one. */
static void rescan_after_overflow(void) {
    while (mark_overflow) {
        mark_overflow = 0;
        for (uintptr_t p = heap_base; p < heap_limit; p += block_size(p)) {
            if (!is_free_block(p) && bit_test(mark_bits, granule(p))) {
                scan_object(p);
                drain();
            }
        }
    }
}

/* ---- sweeping ---- */
static void flush_run(uintptr_t run, uintptr_t end) {
#if XOUS_GC_DEBUG
    for (uint32_t* w = (uint32_t*)(run + 12u); (uintptr_t)w < end; w++) *w = POISON;
#endif
    make_free(run, (uint32_t)(end - run));
}

static void sweep(void) {
    uint32_t live_bytes = 0, live_objects = 0;
    uint64_t freed = 0;
    uintptr_t run = 0;
    for (uint32_t i = 0; i < NBINS; i++) bins[i] = 0;
    for (uint32_t i = 0; i < BINMAP_WORDS; i++) bin_map[i] = 0;
    for (uintptr_t p = heap_base; p < heap_limit;) {
        uint32_t size;
        int live = 0;
        if (is_free_block(p)) {
            size = ((const FreeBlock*)p)->size;
        } else {
            size = round8(object_size(p));
            uint32_t g = granule(p);
            if (bit_test(mark_bits, g)) {
                bit_clear(mark_bits, g);
                live = 1;
            } else {
                freed += size;
            }
        }
        if (live) {
            if (run) flush_run(run, p);
            run = 0;
            live_bytes += size;
            live_objects++;
        } else if (!run) {
            run = p;
        } else {
            bit_clear(start_bits, granule(p)); /* merged into the run */
        }
        p += size;
    }
    if (run) flush_run(run, heap_limit);
    xous_gc_stats.live_bytes = live_bytes;
    xous_gc_stats.live_objects = live_objects;
    xous_gc_stats.bytes_in_use = live_bytes;
    xous_gc_stats.bytes_freed += freed;
}

/* ---- collection ---- */
static void verify(int after_sweep);
void xous_gc_collect_from(uintptr_t sp);

void xous_gc_collect_from(uintptr_t sp) {
    if (!initialized) xous_gc_init();
    if (collecting) xous_panic("gc: collection re-entered");
    if (*(volatile uint32_t*)(uintptr_t)__stack_bottom != STACK_CANARY) xous_panic("stack overflow");
    uintptr_t top = (uintptr_t)__stack_top;
    if (sp < (uintptr_t)__stack_bottom || sp > top) xous_panic("gc: sp outside the stack");
    collecting = 1;
    retire_bump();
    mark_sp = 0;
    mark_overflow = 0;

    for (int32_t i = 0; i < xous_static_root_count; i++) {
        void** slot = xous_static_roots[i];
        if (slot) mark_precise((uintptr_t)*slot);
    }
    for (uint32_t i = 0; i < XOUS_GC_MAX_REGISTERED_ROOTS; i++)
        if (registered_roots[i]) mark_precise((uintptr_t)*registered_roots[i]);
    drain();
    for (uintptr_t a = sp & ~(uintptr_t)3u; a < top; a += 4) {
        mark_conservative(*(const uintptr_t*)a);
        drain();
    }
    rescan_after_overflow();
    sweep();
    xous_gc_stats.collections++;
    collecting = 0;
#if XOUS_GC_DEBUG
    verify(1);
#endif
}

int xous_gc_register_root(void** slot) {
    for (uint32_t i = 0; i < XOUS_GC_MAX_REGISTERED_ROOTS; i++) {
        if (!registered_roots[i]) {
            registered_roots[i] = slot;
            return 0;
        }
    }
    return -1;
}

int xous_gc_unregister_root(void** slot) {
    for (uint32_t i = 0; i < XOUS_GC_MAX_REGISTERED_ROOTS; i++) {
        if (registered_roots[i] == slot) {
            registered_roots[i] = 0;
            return 0;
        }
    }
    return -1;
}

/* ---- diagnostics ---- */
int xous_gc_debug_is_allocated(const void* ptr) {
    uintptr_t p = (uintptr_t)ptr;
    if (!initialized || p < heap_base || p >= heap_limit || (p & 7u)) return 0;
    return bit_test(start_bits, granule(p)) && !is_free_block(p);
}

static void verify_fail(const char* what, uintptr_t p) {
    xous_console_write_cstr("gc verify: block 0x");
    xous_console_write_hex32((uint32_t)p);
    xous_console_putc('\n');
    xous_panic(what);
}

static void verify(int after_sweep) {
    if (!initialized) return;
    uint64_t total = 0;
    int prev_free = 0;
    for (uintptr_t p = heap_base; p < heap_limit;) {
        uint32_t g = granule(p);
        if (!bit_test(start_bits, g)) verify_fail("gc verify: block without start bit", p);
        if (bit_test(mark_bits, g)) verify_fail("gc verify: mark bit left set", p);
        uintptr_t t = *(const uintptr_t*)p;
        if (t == 0 || (t & 3u) || (t >= heap_base && t < heap_limit)) verify_fail("gc verify: bad type pointer", p);
        uint32_t size = block_size(p);
        if (size < GRANULE || (size & 7u) || size > heap_limit - p) verify_fail("gc verify: bad block size", p);
        int is_free = is_free_block(p);
        if (is_free && prev_free && after_sweep) verify_fail("gc verify: free blocks not coalesced", p);
        prev_free = is_free;
        for (uint32_t k = 1; k < size / GRANULE; k++)
            if (bit_test(start_bits, g + k)) verify_fail("gc verify: start bit inside a block", p);
        total += size;
        p += size;
    }
    if (total != heap_limit - heap_base) xous_panic("gc verify: blocks do not tile the heap");
    for (uint32_t i = 0; i < NBINS; i++) {
        int present = bins[i] != 0;
        if (present != (int)((bin_map[i >> 5] >> (i & 31)) & 1)) xous_panic("gc verify: bin map out of step");
        for (FreeBlock* b = bins[i]; b; b = b->next) {
            uintptr_t p = (uintptr_t)b;
            if (p < heap_base || p >= heap_limit || !is_free_block(p) || !bit_test(start_bits, granule(p)))
                verify_fail("gc verify: free list holds a non-free block", p);
            if (bin_index(b->size) != i || b->size < MIN_LISTED) verify_fail("gc verify: free block in the wrong bin", p);
        }
    }
}

void xous_gc_debug_verify(void) {
    retire_bump();
    verify(0);
}

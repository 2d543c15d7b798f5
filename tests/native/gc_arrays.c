/* Arrays of references and arrays of structs holding references keep their elements alive;
 * elements of plain arrays are not traced; strings get their NUL terminator; a wide array
 * overflows the (deliberately tiny) mark stack and the rescan still marks everything. */
// xous-test: heap=0x20000 cflags=-DXOUS_GC_MARK_STACK_SIZE=8
#include "testlib.h"

typedef struct Box { const XousType* type; uint32_t value; struct Box* other; } Box;
/* struct Pair { int32_t a; Box* first; int32_t b; Box* second; } — 16 bytes, refs at 4 and 12 */
typedef struct Pair { int32_t a; Box* first; int32_t b; Box* second; } Pair;
/* a struct with 8-byte alignment, to check element alignment */
typedef struct Wide { uint64_t x; Box* ref; uint32_t pad; } Wide;

static const uint16_t box_refs[] = {8};
static const uint16_t pair_refs[] = {4, 12};
static const uint16_t wide_refs[] = {8};
static const XousType box_type = {sizeof(Box), 0, 0, 1, box_refs, 0, 0, 0};
static const XousType refs_type = {0, 4, XOUS_TYPE_ARRAY | XOUS_TYPE_ELEMENT_IS_REFERENCE, 0, 0, 0, 0, &box_type};
static const XousType pairs_type = {0, sizeof(Pair), XOUS_TYPE_ARRAY | XOUS_TYPE_ELEMENT_HAS_REFERENCES, 2, pair_refs, 0, 0, 0};
static const XousType wides_type = {0, sizeof(Wide), XOUS_TYPE_ARRAY | XOUS_TYPE_ELEMENT_HAS_REFERENCES, 1, wide_refs, 0, 0, 0};
static const XousType ints_type = {0, 4, XOUS_TYPE_ARRAY, 0, 0, 0, 0, 0};
static const XousType string_type = {0, 2, XOUS_TYPE_ARRAY | XOUS_TYPE_STRING, 0, 0, 0, 0, 0};
static const XousType blob_type = {0, 1, XOUS_TYPE_ARRAY, 0, 0, 0, 0, 0};

static Box* new_box(uint32_t v) {
    Box* b = xous_gc_alloc(&box_type);
    if (!b) xous_panic("oom");
    b->value = v;
    return b;
}

/* Fills the heap with garbage several times over, so anything wrongly freed gets reused. */
static void churn(void) {
    uint64_t until = xous_gc_stats.bytes_allocated + 4u * xous_gc_stats.heap_size;
    uint32_t seed = 77;
    while (xous_gc_stats.bytes_allocated < until) {
        uint8_t* blob = xous_gc_alloc_array(&blob_type, (int32_t)(rng_next(&seed) % 200));
        if (!blob) xous_panic("oom in churn");
        for (int32_t i = 0; i < xous_array_length(blob); i++) ((uint8_t*)xous_array_data(blob))[i] = 0xEE;
    }
}

/* Stores a new box's address in a plain int array and returns it disguised, so that no copy of
 * it stays in a live frame or register. */
static __attribute__((noinline)) uintptr_t hide_box_in(int32_t* ints_obj) {
    Box* h = new_box(0xABCD);
    ((int32_t*)xous_array_data(ints_obj))[0] = (int32_t)(uintptr_t)h;
    return (uintptr_t)h ^ 0xFFFFFFFFu;
}

/* Zeroes the dead stack below the caller's frame: stale words there would become false roots
 * when later frames leave slots uninitialised (typical at -O0). */
static __attribute__((noinline)) void scrub_stack(void) {
    volatile uint32_t area[512];
    for (int i = 0; i < 512; i++) area[i] = 0;
    __asm__ volatile("" : : "r"(area) : "memory");
}

#define WIDE_COUNT 600

int xous_main(void) {
    /* array of references: 600 boxes, each pointing to another box (two levels) */
    void** refs = xous_gc_alloc_array(&refs_type, WIDE_COUNT);
    Box** rv = xous_array_data(refs);
    for (uint32_t i = 0; i < WIDE_COUNT; i++) {
        rv[i] = new_box(i);
        rv[i]->other = new_box(i * 3u + 1u);
    }
    /* array of structs with references */
    Pair* pairs_obj = xous_gc_alloc_array(&pairs_type, 100);
    Pair* pv = xous_array_data(pairs_obj);
    for (uint32_t i = 0; i < 100; i++) {
        pv[i].a = (int32_t)i;
        pv[i].first = new_box(1000u + i);
        pv[i].b = -(int32_t)i;
        pv[i].second = new_box(2000u + i);
    }
    Wide* wides_obj = xous_gc_alloc_array(&wides_type, 50);
    Wide* wv = xous_array_data(wides_obj);
    CHECK(((uintptr_t)wv & 7u) == 0);
    for (uint32_t i = 0; i < 50; i++) {
        wv[i].x = 0x1122334455667788ull + i;
        wv[i].ref = new_box(5000u + i);
    }
    /* a plain int array whose elements look like pointers must not keep anything alive */
    int32_t* ints_obj = xous_gc_alloc_array(&ints_type, 4);
    uintptr_t hidden_box = hide_box_in(ints_obj);

    scrub_stack();
    uint32_t before = xous_gc_stats.collections;
    churn();
    CHECK(xous_gc_stats.collections > before);
    CHECK(xous_gc_stats.mark_stack_overflows > 0);

    int ok = 1;
    for (uint32_t i = 0; i < WIDE_COUNT; i++)
        if (rv[i]->value != i || rv[i]->other->value != i * 3u + 1u || rv[i]->type != &box_type) ok = 0;
    CHECK(ok);
    ok = 1;
    for (uint32_t i = 0; i < 100; i++)
        if (pv[i].a != (int32_t)i || pv[i].b != -(int32_t)i || pv[i].first->value != 1000u + i ||
            pv[i].second->value != 2000u + i)
            ok = 0;
    CHECK(ok);
    ok = 1;
    for (uint32_t i = 0; i < 50; i++)
        if (wv[i].x != 0x1122334455667788ull + i || wv[i].ref->value != 5000u + i) ok = 0;
    CHECK(ok);
    hidden_box ^= 0xFFFFFFFFu;
    CHECK(!xous_gc_debug_is_allocated((void*)hidden_box) || ((Box*)hidden_box)->type != &box_type ||
          ((Box*)hidden_box)->value != 0xABCD);

    /* strings: 8 + 2 * (length + 1) bytes, zeroed, NUL after the last code unit */
    XousString* s = xous_gc_alloc_array(&string_type, 3);
    CHECK(s && s->length == 3 && xous_gc_object_size(s) == 16);
    CHECK(s->chars[0] == 0 && s->chars[3] == 0);
    XousString* empty = xous_gc_alloc_array(&string_type, 0);
    CHECK(empty && empty->length == 0 && xous_gc_object_size(empty) == 10);
    CHECK(xous_gc_object_size(refs) == 8u + 4u * WIDE_COUNT);
    CHECK(xous_gc_object_size(pairs_obj) == 8u + 16u * 100u);
    CHECK(xous_gc_alloc_array(&ints_type, -1) == 0);
    say("arrays of references and of structs with references survive\n");
    return finish("gc_arrays");
}

/* Interior pointers held only on the stack (C# `ref` locals into arrays and objects, including
 * the data reference of an empty array, which points just past its end) keep their objects
 * alive; an object whose address is nowhere in the roots is freed by the next collection. */
// xous-test: heap=0x10000
#include "testlib.h"

typedef struct Box { const XousType* type; uint32_t a; uint32_t b; uint32_t c; } Box;
static const XousType box_type = {sizeof(Box), 0, 0, 0, 0, 0, 0, 0};
static const XousType ints_type = {0, 4, XOUS_TYPE_ARRAY, 0, 0, 0, 0, 0};
static const XousType blob_type = {0, 1, XOUS_TYPE_ARRAY, 0, 0, 0, 0, 0};

static __attribute__((noinline)) void scrub_stack(void) {
    volatile uint32_t area[512];
    for (int i = 0; i < 512; i++) area[i] = 0;
    __asm__ volatile("" : : "r"(area) : "memory");
}

static __attribute__((noinline)) void churn(void) {
    uint64_t until = xous_gc_stats.bytes_allocated + 6u * xous_gc_stats.heap_size;
    uint32_t seed = 5;
    while (xous_gc_stats.bytes_allocated < until) {
        uint8_t* blob = xous_gc_alloc_array(&blob_type, (int32_t)(rng_next(&seed) % 100));
        if (!blob) xous_panic("oom in churn");
        for (int32_t i = 0; i < xous_array_length(blob); i++) ((uint8_t*)xous_array_data(blob))[i] = 0xCC;
    }
}

/* Only interior addresses leave these helpers. */
static __attribute__((noinline)) int32_t* element_ref(int32_t n, int32_t index) {
    int32_t* a = xous_gc_alloc_array(&ints_type, n);
    for (int32_t i = 0; i < n; i++) ((int32_t*)xous_array_data(a))[i] = i * i + 1;
    return (int32_t*)xous_array_data(a) + index;
}
static __attribute__((noinline)) uint32_t* field_ref(void) {
    Box* b = xous_gc_alloc(&box_type);
    b->a = 11; b->b = 22; b->c = 33;
    return &b->c;
}
static __attribute__((noinline)) uintptr_t empty_array_data_ref(void) {
    void* a = xous_gc_alloc_array(&ints_type, 0);
    return (uintptr_t)xous_array_data(a); /* == the array's address + 8 == its end */
}
static __attribute__((noinline)) uintptr_t hidden_box(void) {
    Box* b = xous_gc_alloc(&box_type);
    b->a = 0x600D;
    return (uintptr_t)b ^ 0x55555555u;
}

int xous_main(void) {
    /* (the hidden box first: the block right after the empty array is kept alive by the
     * empty array's end address, which is also that block's start) */
    uintptr_t hidden = hidden_box();
    int32_t* volatile elem = element_ref(40, 17);
    uint32_t* volatile field = field_ref();
    volatile uintptr_t empty_end = empty_array_data_ref();
    scrub_stack();

    xous_gc_collect();
    CHECK(!xous_gc_debug_is_allocated((void*)(hidden ^ 0x55555555u)));

    uint32_t before = xous_gc_stats.collections;
    churn();
    CHECK(xous_gc_stats.collections >= before + 5);

    int32_t* e = elem;
    void* array = (uint8_t*)(e - 17) - XOUS_ARRAY_DATA_OFFSET;
    CHECK(xous_gc_debug_is_allocated(array));
    CHECK(((XousArray*)array)->type == &ints_type && xous_array_length(array) == 40);
    int ok = 1;
    for (int32_t i = -17; i < 40 - 17; i++)
        if (e[i] != (i + 17) * (i + 17) + 1) ok = 0;
    CHECK(ok);

    uint32_t* f = field;
    Box* box = (Box*)((uint8_t*)f - 12);
    CHECK(xous_gc_debug_is_allocated(box));
    CHECK(box->type == &box_type && box->a == 11 && box->b == 22 && box->c == 33);

    void* empty = (void*)(empty_end - XOUS_ARRAY_DATA_OFFSET);
    CHECK(xous_gc_debug_is_allocated(empty));
    CHECK(((XousArray*)empty)->type == &ints_type && xous_array_length(empty) == 0);

    say("interior pointers kept their objects alive\n");
    return finish("gc_interior");
}

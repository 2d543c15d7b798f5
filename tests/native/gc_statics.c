/* Static roots: the program's own xous_static_roots table (as the compiler emits it) keeps
 * objects reachable from static fields alive; a static not in the table does not. */
// xous-test: heap=0x10000
#include "testlib.h"

typedef struct Node { const XousType* type; struct Node* next; uint32_t value; } Node;
static const uint16_t node_refs[] = {4};
static const XousType node_type = {sizeof(Node), 0, 0, 1, node_refs, 0, 0, 0};
static const XousType blob_type = {0, 1, XOUS_TYPE_ARRAY, 0, 0, 0, 0, 0};

/* "static fields" of the program */
static Node* s_list;
static struct { uint32_t counter; Node* cached; } s_class_statics;
static uintptr_t s_untracked; /* a static the compiler would not list (here: disguised) */

void** const xous_static_roots[] = {(void**)&s_list, (void**)&s_class_statics.cached};
const int32_t xous_static_root_count = 2;

static __attribute__((noinline)) void build(void) {
    for (uint32_t i = 0; i < 500; i++) {
        Node* n = xous_gc_alloc(&node_type);
        n->value = i;
        n->next = s_list;
        s_list = n;
    }
    s_class_statics.cached = xous_gc_alloc(&node_type);
    s_class_statics.cached->value = 0xCAFE;
    Node* lost = xous_gc_alloc(&node_type);
    lost->value = 0xDEAD;
    s_untracked = (uintptr_t)lost ^ 1u;
}

static __attribute__((noinline)) void scrub_stack(void) {
    volatile uint32_t area[512];
    for (int i = 0; i < 512; i++) area[i] = 0;
    __asm__ volatile("" : : "r"(area) : "memory");
}

static __attribute__((noinline)) void churn(void) {
    uint64_t until = xous_gc_stats.bytes_allocated + 5u * xous_gc_stats.heap_size;
    uint32_t seed = 9;
    while (xous_gc_stats.bytes_allocated < until)
        if (!xous_gc_alloc_array(&blob_type, (int32_t)(rng_next(&seed) % 64))) xous_panic("oom in churn");
}

int xous_main(void) {
    build();
    scrub_stack();
    xous_gc_collect();
    CHECK(!xous_gc_debug_is_allocated((void*)(s_untracked ^ 1u)));
    churn();
    uint32_t n = 0, sum = 0;
    for (Node* p = s_list; p; p = p->next) {
        n++;
        sum += p->value;
        if (p->type != &node_type) break;
    }
    CHECK(n == 500 && sum == 500u * 499u / 2u);
    CHECK(s_class_statics.cached->type == &node_type && s_class_statics.cached->value == 0xCAFE);
    say("objects reachable from static roots survive\n");
    return finish("gc_statics");
}

/* Out of memory: with everything kept alive, allocation returns NULL once the heap is full
 * (after a collection that finds nothing to free); the heap then works again once the live
 * set is dropped. Requests larger than the heap and sizes that overflow return NULL too. */
// xous-test: heap=0x10000
#include "testlib.h"

typedef struct Node { const XousType* type; struct Node* next; uint32_t pad[2]; } Node;
static const uint16_t node_refs[] = {4};
static const XousType node_type = {sizeof(Node), 0, 0, 1, node_refs, 0, 0, 0};
static const XousType ints_type = {0, 4, XOUS_TYPE_ARRAY, 0, 0, 0, 0, 0};
static const XousType big_type = {0, 0x10000, XOUS_TYPE_ARRAY, 0, 0, 0, 0, 0};

static Node* root;

static __attribute__((noinline)) uint32_t fill_heap(void) {
    uint32_t count = 0;
    for (;;) {
        Node* n = xous_gc_alloc(&node_type);
        if (!n) break;
        n->next = root;
        root = n;
        count++;
    }
    return count;
}

int xous_main(void) {
    CHECK(xous_gc_register_root((void**)&root) == 0);
    uint32_t failed_before = xous_gc_stats.failed_allocations;
    uint32_t count = fill_heap();
    CHECK(xous_gc_stats.failed_allocations == failed_before + 1);
    CHECK(count * sizeof(Node) <= xous_gc_stats.heap_usable);
    CHECK(count * sizeof(Node) + 64 >= xous_gc_stats.heap_usable); /* the whole heap was usable */
    CHECK(xous_gc_stats.collections >= 1);
    CHECK(xous_gc_stats.live_bytes >= (count - 1) * sizeof(Node));

    /* everything still there */
    uint32_t seen = 0;
    for (Node* n = root; n; n = n->next) seen++;
    CHECK(seen == count);

    /* drop the live set: the heap is usable again */
    root = 0;
    xous_gc_collect();
    CHECK(xous_gc_stats.live_bytes < 1024);
    void* a = xous_gc_alloc_array(&ints_type, (int32_t)(xous_gc_stats.heap_usable / 8));
    CHECK(a != 0);
    a = 0;
    OPAQUE(a);

    /* impossible requests */
    CHECK(xous_gc_alloc_array(&ints_type, (int32_t)(xous_gc_stats.heap_size / 4)) == 0);
    CHECK(xous_gc_alloc_array(&big_type, 0x7FFFFFFF) == 0);
    CHECK(xous_gc_alloc_array(&ints_type, -5) == 0);
    CHECK(xous_gc_alloc(&node_type) != 0);
    CHECK(xous_gc_unregister_root((void**)&root) == 0);
    CHECK(xous_gc_unregister_root((void**)&root) == -1);
    say("out of memory returns NULL and the heap recovers\n");
    return finish("gc_oom");
}

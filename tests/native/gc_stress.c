/* Allocates 100x the heap size in short-lived objects of many sizes while keeping a live
 * linked list, a binary tree and a ring of recent objects, mutating the live list as it goes
 * (old objects pointing to new ones). The live structures are checked after the churn and
 * every so often during it; the heap is verified after every collection (XOUS_GC_DEBUG). */
// xous-test: heap=0x40000 timeout=30
#include "testlib.h"

typedef struct Node { const XousType* type; struct Node* next; uint32_t value; uint32_t check; } Node;
typedef struct Tree { const XousType* type; struct Tree* left; struct Tree* right; uint32_t value; } Tree;

static const uint16_t node_refs[] = {4};
static const uint16_t tree_refs[] = {4, 8};
static const XousType node_type = {sizeof(Node), 0, 0, 1, node_refs, 0, 0, 0};
static const XousType tree_type = {sizeof(Tree), 0, 0, 2, tree_refs, 0, 0, 0};
static const XousType object_type = {4, 0, 0, 0, 0, 0, 0, 0};
static const XousType bytes_type = {0, 1, XOUS_TYPE_ARRAY, 0, 0, 0, 0, &object_type};
static const XousType refs_type = {0, 4, XOUS_TYPE_ARRAY | XOUS_TYPE_ELEMENT_IS_REFERENCE, 0, 0, 0, 0, &object_type};

#define LIST_LENGTH 2000
#define TREE_DEPTH 10
#define RING 16

static void* must(void* p) {
    if (!p) xous_panic("unexpected out of memory");
    return p;
}

static Node* new_node(uint32_t value, Node* next) {
    Node* n = must(xous_gc_alloc(&node_type));
    n->value = value;
    n->check = value ^ 0x5A5A5A5Au;
    n->next = next;
    return n;
}

static Tree* build_tree(int depth, uint32_t* counter) {
    if (depth == 0) return 0;
    Tree* t = must(xous_gc_alloc(&tree_type));
    t->value = (*counter)++ * 2654435761u;
    t->left = build_tree(depth - 1, counter);
    t->right = build_tree(depth - 1, counter);
    return t;
}

static uint32_t tree_sum(const Tree* t, int depth) {
    if (!t) return depth == 0 ? 0 : 0xFFFFFFFFu;
    if (t->type != &tree_type) return 0xBADu;
    return t->value + 3u * tree_sum(t->left, depth - 1) + 7u * tree_sum(t->right, depth - 1);
}

static uint32_t list_sum(const Node* n, int* count, int* bad) {
    uint32_t sum = 0;
    *count = 0;
    for (; n; n = n->next) {
        if (n->type != &node_type || n->check != (n->value ^ 0x5A5A5A5Au)) (*bad)++;
        sum = sum * 31u + n->value;
        (*count)++;
        if (*count > LIST_LENGTH) break;
    }
    return sum;
}

int xous_main(void) {
    Node* list = 0;
    for (uint32_t i = LIST_LENGTH; i > 0; i--) list = new_node(i * 7919u, list);
    uint32_t counter = 1;
    Tree* tree = build_tree(TREE_DEPTH, &counter);
    void** ring = must(xous_gc_alloc_array(&refs_type, RING));

    int count = 0, bad = 0;
    const uint32_t list_expect = list_sum(list, &count, &bad);
    const uint32_t tree_expect = tree_sum(tree, TREE_DEPTH);
    CHECK(count == LIST_LENGTH && bad == 0);

    const uint64_t target = (uint64_t)xous_gc_stats.heap_size * 100u;
    uint32_t seed = 12345;
    uint32_t rounds = 0;
    while (xous_gc_stats.bytes_allocated < target) {
        uint32_t r = rng_next(&seed);
        void* garbage;
        switch (r % 5) {
        case 0: garbage = new_node(r, 0); break;
        case 1: garbage = must(xous_gc_alloc_array(&bytes_type, (int32_t)(r >> 8) % 300)); break;
        case 2: garbage = must(xous_gc_alloc(&object_type)); break;
        case 3: {
            void** a = must(xous_gc_alloc_array(&refs_type, (int32_t)(r >> 8) % 24));
            for (int32_t i = 0; i < xous_array_length(a); i++) ((void**)xous_array_data(a))[i] = new_node(r + (uint32_t)i, 0);
            garbage = a;
            break;
        }
        default: {
            Node* chain = 0;
            for (uint32_t i = 0; i < (r >> 8) % 8; i++) chain = new_node(i, chain);
            garbage = chain;
            break;
        }
        }
        ((void**)xous_array_data(ring))[(r >> 20) % RING] = garbage; /* lives a little while */
        if ((++rounds & 1023u) == 0) {
            /* replace a node in the middle of the live list with a fresh one of equal value */
            uint32_t k = (r >> 4) % (LIST_LENGTH - 2);
            Node* p = list;
            while (k--) p = p->next;
            Node* old = p->next;
            p->next = new_node(old->value, old->next);
        }
        if ((rounds & 16383u) == 0) {
            CHECK(list_sum(list, &count, &bad) == list_expect && count == LIST_LENGTH && bad == 0);
            CHECK(tree_sum(tree, TREE_DEPTH) == tree_expect);
        }
    }
    CHECK(list_sum(list, &count, &bad) == list_expect);
    CHECK(count == LIST_LENGTH);
    CHECK(bad == 0);
    CHECK(tree_sum(tree, TREE_DEPTH) == tree_expect);
    CHECK(xous_array_length(ring) == RING);
    CHECK(xous_gc_stats.bytes_allocated >= 100ull * xous_gc_stats.heap_size);
    CHECK(xous_gc_stats.collections >= 100);
    CHECK(xous_gc_stats.failed_allocations == 0);
    CHECK(xous_gc_stats.peak_bytes_in_use <= xous_gc_stats.heap_usable);
    CHECK(xous_gc_stats.heap_size == 0x40000);

    /* after dropping the churn, a collection leaves about the live set */
    for (int i = 0; i < RING; i++) ((void**)xous_array_data(ring))[i] = 0;
    xous_gc_collect();
    uint32_t live_min = LIST_LENGTH * 16u + ((1u << TREE_DEPTH) - 1u) * 16u;
    CHECK(xous_gc_stats.live_bytes >= live_min);
    CHECK(xous_gc_stats.live_bytes < live_min + 8192u);
    if (test_failures) {
        say("collections "); xous_console_write_u32(xous_gc_stats.collections);
        say(" live "); xous_console_write_u32(xous_gc_stats.live_bytes);
        say(" allocs "); xous_console_write_u64(xous_gc_stats.allocations);
        say("\n");
    }
    say("live list and tree intact after 100x heap\n");
    return finish("gc_stress");
}

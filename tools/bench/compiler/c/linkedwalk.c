/*
 * A walk over a linked structure: a singly linked list of 10,000 nodes (each new node becomes the head) with two
 * LCG fields, walked 100 times. Each pass adds every node's value and mixes in its weight and the pass number. The
 * nodes come from a static pool (the C# twin allocates class instances). The checksum is the final sum.
 */
#include <stddef.h>

#include "bench.h"

#define LINKEDWALK_NODES 10000u
#define LINKEDWALK_PASSES 100u
#define LINKEDWALK_SEED 0x4c57u

struct node {
    struct node* next;
    uint32_t value;
    uint32_t weight;
};

static struct node linkedwalk_pool[LINKEDWALK_NODES];

uint32_t bench_linkedwalk(void)
{
    uint32_t seed = LINKEDWALK_SEED;
    struct node* head = NULL;
    for (uint32_t i = 0; i < LINKEDWALK_NODES; i++) {
        struct node* n = &linkedwalk_pool[i];
        n->value = bench_lcg_next(&seed);
        n->weight = bench_lcg_next(&seed) >> 16;
        n->next = head;
        head = n;
    }

    uint32_t sum = 0;
    for (uint32_t pass = 0; pass < LINKEDWALK_PASSES; pass++) {
        for (const struct node* n = head; n != NULL; n = n->next) sum += n->value ^ (n->weight + pass);
    }
    return sum;
}

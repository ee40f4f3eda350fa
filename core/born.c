/* born.c — the birth step of each live object (born.h). */
#include <stdlib.h>
#include "born.h"

typedef struct Slot { uint64_t sim, step; } Slot;   /* sim 0: empty */

static struct { Slot *s; uint64_t mask, n; } t;

static uint64_t hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

static int grow(void)
{
    uint64_t cap = t.s ? (t.mask + 1) * 2 : 1024;
    Slot *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    Slot *old = t.s;
    uint64_t oldcap = old ? t.mask + 1 : 0;
    t.s = s;
    t.mask = cap - 1;
    for (uint64_t i = 0; i < oldcap; i++)
        if (old[i].sim) {
            uint64_t j = hash(old[i].sim) & t.mask;
            while (t.s[j].sim)
                j = (j + 1) & t.mask;
            t.s[j] = old[i];
        }
    free(old);
    return 0;
}

void born_set(uint64_t sim, uint64_t step)
{
    if (!sim || ((!t.s || (t.n + 1) * 2 > t.mask + 1) && grow() != 0))
        return;
    uint64_t i = hash(sim) & t.mask;
    while (t.s[i].sim && t.s[i].sim != sim)
        i = (i + 1) & t.mask;
    if (!t.s[i].sim)
        t.n++;
    t.s[i] = (Slot){ sim, step };
}

void born_clear(uint64_t sim)
{
    if (!t.s || !sim)
        return;
    uint64_t i = hash(sim) & t.mask;
    while (t.s[i].sim != sim) {
        if (!t.s[i].sim)
            return;
        i = (i + 1) & t.mask;
    }
    /* backward-shift deletion: pull later members of the run into the hole */
    for (uint64_t j = (i + 1) & t.mask; t.s[j].sim; j = (j + 1) & t.mask) {
        uint64_t home = hash(t.s[j].sim) & t.mask;
        /* j's entry may move to i if its home is not in (i, j] cyclically */
        if (((j - home) & t.mask) >= ((j - i) & t.mask)) {
            t.s[i] = t.s[j];
            i = j;
        }
    }
    t.s[i] = (Slot){ 0, 0 };
    t.n--;
}

uint64_t born_of(uint64_t sim)
{
    if (!t.s || !sim)
        return 0;
    for (uint64_t i = hash(sim) & t.mask; t.s[i].sim; i = (i + 1) & t.mask)
        if (t.s[i].sim == sim)
            return t.s[i].step;
    return 0;
}

void born_reset(void)
{
    free(t.s);
    t.s = NULL;
    t.mask = t.n = 0;
}

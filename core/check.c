/* check.c — the heap checker (see check.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "datastack.h"
#include "gc.h"
#include "heap.h"
#include "mem.h"
#include "pymalloc.h"
#include "region.h"

static struct {
    MpObject **held;
    size_t nheld, cap;
    void (*roots[8])(MpVisit visit, void *arg);
    int nroots;
} chk;

void check_hold(MpObject *o)
{
    if (chk.nheld == chk.cap) {
        chk.cap = chk.cap ? chk.cap * 2 : 64;
        chk.held = realloc(chk.held, chk.cap * sizeof *chk.held);
        if (!chk.held)
            abort();
    }
    chk.held[chk.nheld++] = o;
}

void check_unhold(MpObject *o)
{
    for (size_t i = chk.nheld; i-- > 0;)
        if (chk.held[i] == o) {
            chk.held[i] = chk.held[--chk.nheld];
            return;
        }
}

void check_reset(void)
{
    free(chk.held);
    memset(&chk, 0, sizeof chk);
}

void check_add_roots(void (*visit_roots)(MpVisit visit, void *arg))
{
    if (chk.nroots < (int)(sizeof chk.roots / sizeof chk.roots[0]))
        chk.roots[chk.nroots++] = visit_roots;
}

void check_visit_roots(MpVisit visit, void *arg)
{
    for (size_t i = 0; i < chk.nheld; i++)
        visit(chk.held[i], arg);
    for (int i = 0; i < chk.nroots; i++)
        chk.roots[i](visit, arg);
}

/* ---- counting references -------------------------------------------------------
 * A host-side table: object -> references found.  Sized for every live and
 * static object; unknown targets are dangling references. */

typedef struct Slot { MpObject *obj; int64_t found; } Slot;

static struct {
    Slot *slots;
    size_t mask;
    MpObject *dangling_from, *dangling_to;
    MpObject *current;   /* whose references are being counted */
} tab;

static size_t tab_hash(const MpObject *o)
{
    uint64_t x = (uint64_t)(uintptr_t)o;
    x ^= x >> 31;
    x *= 0x9e3779b97f4a7c15ULL;
    return (size_t)(x >> 17);
}

static Slot *tab_find(const MpObject *o)
{
    size_t j = tab_hash(o) & tab.mask;
    while (tab.slots[j].obj) {
        if (tab.slots[j].obj == o)
            return &tab.slots[j];
        j = (j + 1) & tab.mask;
    }
    return NULL;
}

static void tab_add(MpObject *o)
{
    size_t j = tab_hash(o) & tab.mask;
    while (tab.slots[j].obj)
        j = (j + 1) & tab.mask;
    tab.slots[j].obj = o;
}

static void add_live(MpObject *o, void *ctx) { tab_add(o); }

static int count_ref(MpObject *o, void *arg)
{
    Slot *s = tab_find(o);
    if (s)
        s->found++;
    else if (!tab.dangling_to) {
        tab.dangling_from = tab.current;
        tab.dangling_to = o;
    }
    return 0;
}

static void traverse_one(MpObject *o, void *ctx)
{
    tab.current = o;
    if (o->type->traverse)
        o->type->traverse(o, count_ref, NULL);
}

static char msg[400];

static const char *describe(const MpObject *o, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s object at 0x%llx", o->type->name,
             (unsigned long long)region_sim(o));
    return buf;
}

static const char *check_refcounts(void)
{
    size_t n = object_count() + static_count();
    size_t cap = 16;
    while (cap < n * 2)
        cap <<= 1;
    tab.slots = calloc(cap, sizeof *tab.slots);
    if (!tab.slots)
        return "heap checker: host out of memory";
    tab.mask = cap - 1;
    tab.dangling_from = tab.dangling_to = NULL;

    object_walk(add_live, NULL);
    for (size_t i = 0; i < static_count(); i++)
        tab_add(static_at(i));

    object_walk(traverse_one, NULL);
    for (size_t i = 0; i < static_count(); i++)
        traverse_one(static_at(i), NULL);
    tab.current = NULL;
    check_visit_roots(count_ref, NULL);

    const char *problem = NULL;
    char a[120], b[120];
    if (tab.dangling_to) {
        if (tab.dangling_from)
            snprintf(msg, sizeof msg, "the %s refers to memory that holds no live object (%p)",
                     describe(tab.dangling_from, a, sizeof a), (void *)tab.dangling_to);
        else
            snprintf(msg, sizeof msg, "a root refers to memory that holds no live object (%p)",
                     (void *)tab.dangling_to);
        problem = msg;
    }
    for (size_t i = 0; !problem && i < static_count(); i++) {
        Slot *s = tab_find(static_at(i));
        s->found += 1;   /* the static region's own reference */
    }
    for (size_t i = 0; !problem && i <= tab.mask; i++) {
        Slot *s = &tab.slots[i];
        if (s->obj && s->found != s->obj->refcnt) {
            snprintf(msg, sizeof msg,
                     "the %s has refcount %d but %lld reference%s to it exist%s",
                     describe(s->obj, b, sizeof b), (int)s->obj->refcnt,
                     (long long)s->found, s->found == 1 ? "" : "s",
                     s->found == 1 ? "s" : "");
            problem = msg;
        }
    }
    free(tab.slots);
    tab.slots = NULL;
    return problem;
}

/* Every live object's memory must be an allocated block or chunk. */
static const char *memory_problem;

static void check_memory_of(MpObject *o, void *ctx)
{
    if (memory_problem)
        return;
    void *block = object_block(o);
    int ok = pm_owns(block) ? pm_block_in_use(block) : heap_owns(block);
    if (!ok) {
        char a[120];
        snprintf(msg, sizeof msg, "the %s lives in memory that is not allocated",
                 describe(o, a, sizeof a));
        memory_problem = msg;
    }
}

const char *check_heap(void)
{
    const char *p;
    if ((p = heap_check()) || (p = pm_check()) || (p = ds_check()) || (p = gc_check()))
        return p;
    memory_problem = NULL;
    object_walk(check_memory_of, NULL);
    if (memory_problem)
        return memory_problem;
    return check_refcounts();
}

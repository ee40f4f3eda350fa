/* pymalloc.c — the small-object allocator (see pymalloc.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pymalloc.h"
#include "heap.h"
#include "region.h"

typedef PmPool Pool;

_Static_assert(sizeof(Pool) <= PM_POOL_OVERHEAD, "pool header fits in 48 bytes");

typedef struct Arena {
    uint8_t *address;        /* the heap chunk's payload; NULL: slot unused */
    uint8_t *first_pool;     /* first 16 KiB boundary inside it */
    uint8_t *pool_address;   /* next untouched pool */
    unsigned nfreepools, ntotalpools;
    Pool *freepools;         /* singly linked through nextpool */
    struct Arena *nextarena, *prevarena;
} Arena;

enum { INITIAL_ARENA_OBJECTS = 16, DUMMY_SIZE_IDX = 0xffff };

PmHot pm_hot;

static struct {
    Arena *arenas;
    unsigned maxarenas;
    Arena *unused_arena_objects;     /* singly linked via nextarena */
    Arena *usable_arenas;
} pm;

int pm_size_class(size_t n)
{
    if (n == 0 || n > PM_SMALL_REQUEST_THRESHOLD)
        return -1;
    return (int)((n - 1) >> 4);
}

size_t pm_block_size(int cls) { return (size_t)(cls + 1) * PM_ALIGNMENT; }

unsigned pm_blocks_per_pool(int cls)
{
    return (unsigned)((PM_POOL_SIZE - PM_POOL_OVERHEAD) / pm_block_size(cls));
}

void pm_init(void)
{
    memset(&pm, 0, sizeof pm);
    memset(&pm_hot, 0, sizeof pm_hot);
    for (int i = 0; i < PM_NB_CLASSES; i++)
        pm_hot.usedpools[i].nextpool = pm_hot.usedpools[i].prevpool = &pm_hot.usedpools[i];
}

void pm_fini(void)
{
    /* the heap is torn down as a whole; just forget the arena table */
    free(pm.arenas);
    free(pm_hot.map);
    memset(&pm, 0, sizeof pm);
    memset(&pm_hot, 0, sizeof pm_hot);
}

static inline Pool *pool_of(const void *p) { return pm_pool_of(p); }

/* ---- the pool map (pm_owns) ------------------------------------------------------ */

/* Sizes the map to the heap's host reservation (done with the first arena,
 * when the heap exists).  Its start is 16 KiB-aligned, as pools are. */
static int map_init(void)
{
    uintptr_t start, used_end, end;
    heap_host_extent(&start, &used_end, &end);
    uintptr_t base = (start + PM_POOL_SIZE - 1) & ~(uintptr_t)(PM_POOL_SIZE - 1);
    size_t slots = (end - base) / PM_POOL_SIZE + 1;
    uint8_t *map = calloc(slots, 1);
    if (!map)
        return -1;
    pm_hot.map = map;
    pm_hot.map_base = base;
    pm_hot.map_slots = slots;
    return 0;
}

/* Marks the pools of arena `a` as pymalloc's (on) or not. */
static void map_arena(const Arena *a, int on)
{
    size_t first = ((uintptr_t)a->first_pool - pm_hot.map_base) / PM_POOL_SIZE;
    memset(pm_hot.map + first, on, a->ntotalpools);
}

/* ---- arenas ------------------------------------------------------------------- */

static Arena *new_arena(void)
{
    if (!pm.unused_arena_objects) {
        unsigned n = pm.maxarenas ? pm.maxarenas * 2 : INITIAL_ARENA_OBJECTS;
        /* only called while usable_arenas is empty, so no pointer into the
         * table is live: it may move */
        Arena *a = realloc(pm.arenas, n * sizeof *a);
        if (!a)
            return NULL;
        pm.arenas = a;
        for (unsigned i = pm.maxarenas; i < n; i++) {
            memset(&a[i], 0, sizeof a[i]);
            a[i].nextarena = i + 1 < n ? &a[i + 1] : NULL;
        }
        pm.unused_arena_objects = &a[pm.maxarenas];
        pm.maxarenas = n;
    }
    if (!pm_hot.map && map_init() != 0)
        return NULL;
    Arena *ao = pm.unused_arena_objects;
    uint8_t *address = heap_alloc(PM_ARENA_SIZE);
    if (!address)
        return NULL;
    pm.unused_arena_objects = ao->nextarena;
    ao->address = address;
    ao->freepools = NULL;
    ao->nfreepools = PM_MAX_POOLS_IN_ARENA;
    uintptr_t excess = (uintptr_t)address & (PM_POOL_SIZE - 1);
    ao->pool_address = address;
    if (excess) {
        ao->nfreepools--;
        ao->pool_address += PM_POOL_SIZE - excess;
    }
    ao->first_pool = ao->pool_address;
    ao->ntotalpools = ao->nfreepools;
    map_arena(ao, 1);
    return ao;
}

/* ---- allocation ------------------------------------------------------------------- */

static uint8_t *allocate_from_new_pool(unsigned size)
{
    if (!pm.usable_arenas) {
        pm.usable_arenas = new_arena();
        if (!pm.usable_arenas)
            return NULL;
        pm.usable_arenas->nextarena = pm.usable_arenas->prevarena = NULL;
    }
    Arena *ua = pm.usable_arenas;
    Pool *pool = ua->freepools;
    if (pool) {
        ua->freepools = pool->nextpool;
    } else {
        pool = (Pool *)ua->pool_address;
        pool->arenaindex = (uint32_t)(ua - pm.arenas);
        pool->szidx = DUMMY_SIZE_IDX;
        ua->pool_address += PM_POOL_SIZE;
    }
    if (--ua->nfreepools == 0) {
        /* completely allocated: off the usable list */
        pm.usable_arenas = ua->nextarena;
        if (pm.usable_arenas)
            pm.usable_arenas->prevarena = NULL;
    }
    /* frontlink to the (empty) used list */
    Pool *head = &pm_hot.usedpools[size];
    pool->nextpool = head->nextpool;
    pool->prevpool = head;
    head->nextpool->prevpool = pool;
    head->nextpool = pool;
    pool->ref = 1;
    if (pool->szidx == size) {
        /* last held this size class: its free list is ready */
        uint8_t *bp = pool->freeblock;
        pool->freeblock = *(uint8_t **)bp;
        return bp;
    }
    size_t bs = pm_block_size((int)size);
    pool->szidx = size;
    uint8_t *bp = (uint8_t *)pool + PM_POOL_OVERHEAD;
    pool->nextoffset = (uint32_t)(PM_POOL_OVERHEAD + 2 * bs);
    pool->maxnextoffset = (uint32_t)(PM_POOL_SIZE - bs);
    pool->freeblock = bp + bs;
    *(uint8_t **)pool->freeblock = NULL;
    return bp;
}

void *pm_alloc(size_t n)
{
    int size = pm_size_class(n);
    if (size < 0)
        return NULL;
    void *quick = pm_alloc_quick((unsigned)size);
    if (quick)
        return quick;
    Pool *head = &pm_hot.usedpools[size];
    Pool *pool = head->nextpool;
    if (pool == head)
        return allocate_from_new_pool((unsigned)size);
    /* pm_alloc_quick's NULL: the pool's last block (none listed after it,
     * none untouched), so the pool is full: unlink it */
    pool->ref++;
    uint8_t *bp = pool->freeblock;
    pool->freeblock = NULL;
    pool->prevpool->nextpool = pool->nextpool;
    pool->nextpool->prevpool = pool->prevpool;
    pool->nextpool = pool->prevpool = NULL;
    return bp;
}

/* ---- freeing ------------------------------------------------------------------------ */

size_t pm_block_size_of(const void *p) { return pm_block_size((int)pool_of(p)->szidx); }

static void insert_to_freepool(Pool *pool)
{
    pool->prevpool->nextpool = pool->nextpool;
    pool->nextpool->prevpool = pool->prevpool;
    Arena *ao = &pm.arenas[pool->arenaindex];
    pool->nextpool = ao->freepools;
    pool->prevpool = NULL;
    ao->freepools = pool;
    unsigned nf = ++ao->nfreepools;

    if (nf == ao->ntotalpools && ao->nextarena) {
        /* every pool free, and not the last usable arena: release it */
        if (ao->prevarena)
            ao->prevarena->nextarena = ao->nextarena;
        else
            pm.usable_arenas = ao->nextarena;
        ao->nextarena->prevarena = ao->prevarena;
        map_arena(ao, 0);
        heap_free(ao->address);
        ao->address = NULL;
        ao->nextarena = pm.unused_arena_objects;
        pm.unused_arena_objects = ao;
        return;
    }
    if (nf == 1) {
        /* was full, so not on the list: fullest of all, goes first */
        ao->nextarena = pm.usable_arenas;
        ao->prevarena = NULL;
        if (pm.usable_arenas)
            pm.usable_arenas->prevarena = ao;
        pm.usable_arenas = ao;
        return;
    }
    /* keep the list sorted: move ao after the last arena with fewer free
     * pools than it now has */
    Arena *last = NULL;
    for (Arena *a = ao->nextarena; a && a->nfreepools < nf; a = a->nextarena)
        last = a;
    if (!last)
        return;
    if (ao->prevarena)
        ao->prevarena->nextarena = ao->nextarena;
    else
        pm.usable_arenas = ao->nextarena;
    ao->nextarena->prevarena = ao->prevarena;
    ao->prevarena = last;
    ao->nextarena = last->nextarena;
    if (last->nextarena)
        last->nextarena->prevarena = ao;
    last->nextarena = ao;
}

/* pm_free's uncommon cases (the block is already on the pool's list). */
void pm_free_slow(Pool *pool, uint8_t *lastfree)
{
    if (!lastfree) {
        /* was full: link at the front of usedpools */
        Pool *head = &pm_hot.usedpools[pool->szidx];
        pool->nextpool = head->nextpool;
        pool->prevpool = head;
        head->nextpool->prevpool = pool;
        head->nextpool = pool;
        return;
    }
    if (pool->ref == 0)
        insert_to_freepool(pool);
}

/* ---- introspection ---------------------------------------------------------------------- */

static unsigned free_listed(const Pool *pool)
{
    unsigned n = 0;
    for (const uint8_t *b = pool->freeblock; b; b = *(uint8_t *const *)b)
        n++;
    return n;
}

static int pool_capacity(const Pool *pool) { return (int)pm_blocks_per_pool((int)pool->szidx); }

static unsigned untouched(const Pool *pool)
{
    return (PM_POOL_SIZE - pool->nextoffset) / (uint32_t)pm_block_size((int)pool->szidx);
}

int pm_block_in_use(const void *p)
{
    const Pool *pool = pool_of(p);
    if (pool->szidx == DUMMY_SIZE_IDX || pool->ref == 0)
        return 0;
    if ((uint32_t)((const uint8_t *)p - (const uint8_t *)pool) >= pool->nextoffset)
        return 0;
    for (const uint8_t *b = pool->freeblock; b; b = *(uint8_t *const *)b)
        if (b == p)
            return 0;
    return 1;
}

static PmPoolState pool_state(const Pool *pool)
{
    if (pool->ref == 0)
        return PM_POOL_EMPTY;
    return pool->freeblock ? PM_POOL_USED : PM_POOL_FULL;
}

void pm_walk_arenas(void (*fn)(const PmArenaInfo *a, void *ctx), void *ctx)
{
    for (unsigned i = 0; i < pm.maxarenas; i++) {
        Arena *a = &pm.arenas[i];
        if (!a->address)
            continue;
        PmArenaInfo info = {
            (int)i, region_sim(a->address), region_sim(a->first_pool), a->ntotalpools,
            a->nfreepools, (unsigned)((a->pool_address - a->first_pool) / PM_POOL_SIZE),
        };
        fn(&info, ctx);
    }
}

void pm_walk_pools(void (*fn)(const PmPoolInfo *p, void *ctx), void *ctx)
{
    /* arenas are heap chunks: visit them in address order */
    Arena **order = malloc(pm.maxarenas * sizeof *order + 1);
    unsigned n = 0;
    for (unsigned i = 0; i < pm.maxarenas; i++)
        if (pm.arenas[i].address)
            order[n++] = &pm.arenas[i];
    for (unsigned i = 1; i < n; i++)
        for (unsigned j = i; j > 0 && order[j - 1]->address > order[j]->address; j--) {
            Arena *t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (unsigned k = 0; k < n; k++) {
        Arena *a = order[k];
        for (uint8_t *pp = a->first_pool; pp < a->pool_address; pp += PM_POOL_SIZE) {
            Pool *pool = (Pool *)pp;
            PmPoolInfo info = { (int)(a - pm.arenas), (int)((pp - a->first_pool) / PM_POOL_SIZE),
                                region_sim(pp), -1, PM_POOL_EMPTY, 0, 0, 0, 0 };
            if (pool->szidx != DUMMY_SIZE_IDX) {
                info.size_class = (int)pool->szidx;
                info.state = pool_state(pool);
                info.used = pool->ref;
                info.free_listed = free_listed(pool);
                info.untouched = untouched(pool);
                info.capacity = (unsigned)pool_capacity(pool);
            }
            fn(&info, ctx);
        }
    }
    free(order);
}

int pm_used_pool_order(int cls, uint64_t *sims, int max)
{
    int n = 0;
    Pool *head = &pm_hot.usedpools[cls];
    for (Pool *p = head->nextpool; p != head && n < max; p = p->nextpool)
        sims[n++] = region_sim(p);
    return n;
}

int pm_usable_arena_order(int *indices, int max)
{
    int n = 0;
    for (Arena *a = pm.usable_arenas; a && n < max; a = a->nextarena)
        indices[n++] = (int)(a - pm.arenas);
    return n;
}

static void count_pool(const PmPoolInfo *p, void *ctx)
{
    PmStats *s = ctx;
    if (p->size_class < 0 || p->state == PM_POOL_EMPTY)
        s->pools_empty++;
    else if (p->state == PM_POOL_FULL)
        s->pools_full++;
    else
        s->pools_used++;
    if (p->size_class >= 0) {
        s->blocks_used += p->used;
        s->bytes_used += (uint64_t)p->used * pm_block_size(p->size_class);
    }
}

PmStats pm_stats(void)
{
    PmStats s = { 0, 0, 0, 0, 0, 0 };
    for (unsigned i = 0; i < pm.maxarenas; i++)
        s.arenas += pm.arenas[i].address != NULL;
    pm_walk_pools(count_pool, &s);
    return s;
}

static char msg[240];

static const char *check_pool(Arena *a, Pool *pool)
{
    unsigned long long at = (unsigned long long)region_sim(pool);
    if (pool->arenaindex != (uint32_t)(a - pm.arenas)) {
        snprintf(msg, sizeof msg, "pool at 0x%llx names the wrong arena", at);
        return msg;
    }
    if (pool->szidx == DUMMY_SIZE_IDX)
        return NULL;
    if (pool->szidx >= PM_NB_CLASSES) {
        snprintf(msg, sizeof msg, "pool at 0x%llx has a bad size class", at);
        return msg;
    }
    size_t bs = pm_block_size((int)pool->szidx);
    unsigned listed = 0, cap = (unsigned)pool_capacity(pool);
    for (uint8_t *b = pool->freeblock; b; b = *(uint8_t **)b) {
        size_t off = (size_t)(b - (uint8_t *)pool);
        if (b < (uint8_t *)pool || off >= pool->nextoffset || off < PM_POOL_OVERHEAD
            || (off - PM_POOL_OVERHEAD) % bs) {
            snprintf(msg, sizeof msg, "pool at 0x%llx has a free list that leaves the pool "
                     "or misses block boundaries", at);
            return msg;
        }
        if (++listed > cap) {
            snprintf(msg, sizeof msg, "pool at 0x%llx has a free list with a cycle", at);
            return msg;
        }
    }
    if (pool->ref + listed + untouched(pool) != cap) {
        snprintf(msg, sizeof msg, "pool at 0x%llx counts %u used + %u free + %u untouched "
                 "blocks, not its %u", at, pool->ref, listed, untouched(pool), cap);
        return msg;
    }
    return NULL;
}

const char *pm_check(void)
{
    for (unsigned i = 0; i < pm.maxarenas; i++) {
        Arena *a = &pm.arenas[i];
        if (!a->address)
            continue;
        unsigned nfree = (unsigned)((a->first_pool + (size_t)a->ntotalpools * PM_POOL_SIZE
                                     - a->pool_address) / PM_POOL_SIZE);
        for (uint8_t *pp = a->first_pool; pp < a->pool_address; pp += PM_POOL_SIZE) {
            const char *p = check_pool(a, (Pool *)pp);
            if (p)
                return p;
        }
        for (Pool *f = a->freepools; f; f = f->nextpool) {
            if (f->ref != 0) {
                snprintf(msg, sizeof msg, "arena %u lists a pool with blocks in use as free", i);
                return msg;
            }
            if (++nfree > a->ntotalpools)
                break;
        }
        if (nfree != a->nfreepools) {
            snprintf(msg, sizeof msg, "arena %u says %u free pools but has %u", i,
                     a->nfreepools, nfree);
            return msg;
        }
    }
    for (int c = 0; c < PM_NB_CLASSES; c++) {
        Pool *head = &pm_hot.usedpools[c];
        for (Pool *p = head->nextpool; p != head; p = p->nextpool) {
            if (p->nextpool->prevpool != p || p->szidx != (uint32_t)c || pool_state(p) != PM_POOL_USED) {
                snprintf(msg, sizeof msg, "usedpools[%d] holds a pool that is not a used "
                         "pool of that class, or its links disagree", c);
                return msg;
            }
        }
    }
    unsigned prev_nf = 0;
    for (Arena *a = pm.usable_arenas; a; a = a->nextarena) {
        if (a->nfreepools < prev_nf || a->nfreepools == 0) {
            snprintf(msg, sizeof msg, "usable_arenas is not sorted fullest first");
            return msg;
        }
        if (a->nextarena && a->nextarena->prevarena != a) {
            snprintf(msg, sizeof msg, "usable_arenas links disagree");
            return msg;
        }
        prev_nf = a->nfreepools;
    }
    return NULL;
}

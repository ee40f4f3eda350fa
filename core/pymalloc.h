/* pymalloc.h — the small-object allocator (CPython 3.11's obmalloc).
 *
 *   system heap (heap.h)
 *     └─ arena: a 1 MiB heap chunk; pools start at the next 16 KiB
 *        boundary, so 63 pools fit (64 if the chunk happens to be aligned)
 *          └─ pool: 16 KiB; a 48-byte header, then blocks of one size class
 *               └─ block: 16..512 bytes, handed out by mem_alloc
 *
 *   request bytes   size class   block size   blocks per pool
 *        1-16            0            16            1021
 *       17-32            1            32             510
 *       33-48            2            48             340
 *        ...           ...           ...             ...
 *      497-512          31           512              31
 *   class = (n - 1) >> 4, block = (class + 1) * 16,
 *   blocks = (16384 - 48) / block
 *
 * Pool states: *used* (some blocks free, on usedpools[class], a circular
 * doubly linked list), *full* (on no list), *empty* (on its arena's
 * freepools, LIFO).  Allocation takes the first pool of usedpools[class]
 * and pops its freeblock list (LIFO), carving untouched blocks lazily at
 * nextoffset.  A pool that goes from full to used is linked at the FRONT
 * of usedpools; one that goes empty is pushed on its arena's freepools.
 * A new pool comes from the head of usable_arenas: its freepools first,
 * else its untouched tail.  usable_arenas is sorted by ascending number of
 * free pools (fullest first).  An arena whose pools are all free goes back
 * to the heap, unless it is the last of usable_arenas.
 *
 * Invariant: for every pool, used + free-listed + untouched = capacity.
 */
#ifndef MP_PYMALLOC_H
#define MP_PYMALLOC_H

#include <stddef.h>
#include <stdint.h>

enum {
    PM_ALIGNMENT = 16,
    PM_SMALL_REQUEST_THRESHOLD = 512,
    PM_NB_CLASSES = PM_SMALL_REQUEST_THRESHOLD / PM_ALIGNMENT,
    PM_POOL_SIZE = 16 * 1024,
    PM_ARENA_SIZE = 1024 * 1024,
    PM_POOL_OVERHEAD = 48,
    PM_MAX_POOLS_IN_ARENA = PM_ARENA_SIZE / PM_POOL_SIZE,
};

typedef enum PmPoolState { PM_POOL_USED, PM_POOL_FULL, PM_POOL_EMPTY } PmPoolState;

typedef struct PmPoolInfo {
    int arena, index;        /* arena object index, pool index in the arena */
    uint64_t sim;
    int size_class;
    PmPoolState state;
    unsigned used, free_listed, untouched, capacity;
} PmPoolInfo;

typedef struct PmArenaInfo {
    int index;
    uint64_t sim, first_pool_sim;
    unsigned npools, nfreepools, ntouched;
} PmArenaInfo;

typedef struct PmStats {
    unsigned arenas, pools_used, pools_full, pools_empty;
    uint64_t blocks_used, bytes_used;
} PmStats;

int pm_size_class(size_t n);           /* -1 for 0 or > 512 */
size_t pm_block_size(int cls);
unsigned pm_blocks_per_pool(int cls);

void pm_init(void);
void pm_fini(void);
void *pm_alloc(size_t n);              /* 1..512; NULL if no arena can be had */
static inline void pm_free(void *p);
static inline int pm_owns(const void *p);   /* CPython's address_in_range */
size_t pm_block_size_of(const void *p);
int pm_block_in_use(const void *p);

void pm_walk_arenas(void (*fn)(const PmArenaInfo *a, void *ctx), void *ctx);
void pm_walk_pools(void (*fn)(const PmPoolInfo *p, void *ctx), void *ctx);
int pm_used_pool_order(int cls, uint64_t *sims, int max);
int pm_usable_arena_order(int *indices, int max);
PmStats pm_stats(void);
const char *pm_check(void);

/* ---- the hot paths, inline -------------------------------------------------
 * As in CPython's obmalloc, taking a block from a used pool and giving one
 * back to a pool that stays used are a handful of instructions at the call
 * site; carving a pool's untouched blocks, a new pool or arena, and a pool
 * changing state (full -> used, used -> full or empty) are out of line. */

/* The pool header (48 bytes at the start of every 16 KiB pool). */
typedef struct PmPool {
    uint32_t ref;                /* blocks in use */
    uint32_t pad;
    uint8_t *freeblock;          /* first free block, NULL if none */
    struct PmPool *nextpool, *prevpool;
    uint32_t arenaindex, szidx, nextoffset, maxnextoffset;
} PmPool;

/* The state the inline paths read.  usedpools[c] heads the circular list
 * of used pools of class c; a head's own freeblock stays NULL.  The pool
 * map has one byte per 16 KiB slot of the system heap's host reservation
 * (from map_base, 16 KiB-aligned like pools): 1 where the slot is a pool
 * of a live arena, so "is this block pymalloc's" is one load (CPython's
 * radix tree of address_in_range, flat). */
typedef struct PmHot {
    PmPool usedpools[PM_NB_CLASSES];
    uintptr_t map_base;
    size_t map_slots;            /* 0 until the first arena */
    uint8_t *map;
} PmHot;

extern PmHot pm_hot;

static inline PmPool *pm_pool_of(const void *p)
{
    return (PmPool *)((uintptr_t)p & ~(uintptr_t)(PM_POOL_SIZE - 1));
}

static inline int pm_owns(const void *p)
{
    size_t slot = ((uintptr_t)p - pm_hot.map_base) / PM_POOL_SIZE;
    return slot < pm_hot.map_slots && pm_hot.map[slot];
}

/* A block of class `cls` from the first used pool when the pool stays
 * used after it (its free list has one to spare, or an untouched block
 * becomes the next free one, as CPython carves them), else NULL: then
 * pm_alloc does the rest (and hands out the block this would have, so
 * either path makes the same layout). */
static inline void *pm_alloc_quick(unsigned cls)
{
    PmPool *pool = pm_hot.usedpools[cls].nextpool;
    uint8_t *bp = pool->freeblock;
    if (!bp)
        return NULL;             /* no used pool: only the head is there */
    uint8_t *next = *(uint8_t **)bp;
    if (!next) {
        if (pool->nextoffset > pool->maxnextoffset)
            return NULL;         /* the pool's last block: it becomes full */
        next = (uint8_t *)pool + pool->nextoffset;
        pool->nextoffset += (cls + 1) * PM_ALIGNMENT;
        *(uint8_t **)next = NULL;
    }
    pool->freeblock = next;
    pool->ref++;
    return bp;
}

/* The pool was full (lastfree NULL) or has just become empty. */
void pm_free_slow(PmPool *pool, uint8_t *lastfree);

static inline void pm_free(void *p)
{
    PmPool *pool = pm_pool_of(p);
    uint8_t *lastfree = pool->freeblock;
    *(uint8_t **)p = lastfree;
    pool->freeblock = p;
    if (--pool->ref != 0 && lastfree)
        return;
    pm_free_slow(pool, lastfree);
}

#endif

/* mem.h — the memory front end: where every byte of the runtime comes from.
 *
 *   mem_alloc(n)   1..512 bytes  -> pymalloc (pymalloc.h), when enabled
 *                  0 or > 512    -> the system heap (heap.h)
 *
 * It also owns the policies that sit above both allocators:
 *  - a failed allocation runs a full collection (unless one is running) and
 *    retries once; if that fails too, MemoryError is set and NULL returned;
 *  - fault injection for tests: fail the Nth allocation from now (and the
 *    following count-1 attempts), to reach MemoryError paths on purpose;
 *  - realloc keeps pymalloc's rule: stay in place when the new size fits
 *    the block and shrinks it by less than 25%, else allocate, copy, free.
 */
#ifndef MP_MEM_H
#define MP_MEM_H

#include <stddef.h>
#include <stdint.h>
#include "heap.h"
#include "pymalloc.h"

typedef struct MemSettings {
    uint64_t heap_limit;   /* bytes of system heap, arenas included */
    int pymalloc;          /* 0: every request goes to the heap */
} MemSettings;

int mem_init(const MemSettings *s);   /* 0 ok, -1 host out of memory */
void mem_fini(void);

static inline void *mem_alloc(size_t n);
static inline void mem_free(void *p);
void *mem_realloc(void *p, size_t n);  /* NULL (p intact) with MemoryError */
size_t mem_usable(const void *p);      /* block size or chunk payload size */
int mem_pymalloc_enabled(void);

/* Fail allocation attempt number `nth` from now (1 = the next one) and the
 * `count - 1` attempts after it.  nth = 0 turns injection off. */
void mem_fault_inject(uint64_t nth, unsigned count);
uint64_t mem_attempts(void);           /* allocation attempts so far */

/* ---- the hot paths, inline ----------------------------------------------
 * A small request that pymalloc can serve from a used pool, with no fault
 * due, is counted and served here; everything else (the heap, a pool to
 * extend, a new pool, fault injection, the collection and retry) is
 * mem_alloc_slow, which counts its own attempts. */

typedef struct MemHot {
    uint64_t attempts;       /* allocation attempts so far */
    uint64_t fail_at;        /* attempt number that fails first; UINT64_MAX: none due */
} MemHot;

extern MemHot mem_hot;

void *mem_alloc_slow(size_t n);

static inline void *mem_alloc(size_t n)
{
    /* n - 1 wraps for 0, which goes to the heap */
    if (n - 1 < PM_SMALL_REQUEST_THRESHOLD && mem_hot.attempts + 1 < mem_hot.fail_at) {
        void *p = pm_alloc_quick((unsigned)((n - 1) / PM_ALIGNMENT));
        if (p) {
            mem_hot.attempts++;
            return p;
        }
    }
    return mem_alloc_slow(n);
}

static inline void mem_free(void *p)
{
    if (pm_owns(p))
        pm_free(p);
    else
        heap_free(p);            /* NULL included: it ignores that */
}

#endif

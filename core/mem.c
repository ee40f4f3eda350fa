/* mem.c — the memory front end (see mem.h). */
#include <string.h>
#include "mem.h"
#include "heap.h"
#include "pymalloc.h"
#include "gc.h"
#include "err.h"

MemHot mem_hot;

static struct {
    int pymalloc;
    unsigned fail_count;     /* attempts that fail from mem_hot.fail_at on */
} mem;

int mem_init(const MemSettings *s)
{
    memset(&mem, 0, sizeof mem);
    mem_hot.attempts = 0;
    mem_hot.fail_at = UINT64_MAX;
    mem.pymalloc = s->pymalloc;
    if (heap_init((size_t)s->heap_limit) != 0)
        return -1;
    pm_init();
    return 0;
}

void mem_fini(void)
{
    pm_fini();
    heap_fini();
}

int mem_pymalloc_enabled(void) { return mem.pymalloc; }

void mem_fault_inject(uint64_t nth, unsigned count)
{
    mem_hot.fail_at = nth ? mem_hot.attempts + nth : UINT64_MAX;
    mem.fail_count = count ? count : 1;
}

uint64_t mem_attempts(void) { return mem_hot.attempts; }

/* One attempt: counts it, applies fault injection, asks the allocator. */
static void *mem_try_alloc(size_t n)
{
    uint64_t k = ++mem_hot.attempts;
    if (k >= mem_hot.fail_at) {
        if (k < mem_hot.fail_at + mem.fail_count)
            return NULL;
        mem_hot.fail_at = UINT64_MAX;   /* past the window: the fast path again */
    }
    if (mem.pymalloc && n >= 1 && n <= PM_SMALL_REQUEST_THRESHOLD) {
        void *p = pm_alloc(n);
        if (p)
            return p;
        /* pymalloc could not get an arena: CPython falls back to malloc */
    }
    return heap_alloc(n);
}

void *mem_alloc_slow(size_t n)
{
    void *p = mem_try_alloc(n);
    if (!p && !gc_is_collecting()) {
        gc_collect_for_memory();
        p = mem_try_alloc(n);
    }
    if (!p)
        err_no_memory();
    return p;
}

size_t mem_usable(const void *p)
{
    return pm_owns(p) ? pm_block_size_of(p) : heap_usable_size(p);
}

void *mem_realloc(void *p, size_t n)
{
    if (!p)
        return mem_alloc(n);
    if (!pm_owns(p)) {
        /* Not pymalloc's: the system realloc handles it, whatever n is. */
        void *q = heap_realloc(p, n);
        if (!q && !gc_is_collecting()) {
            gc_collect_for_memory();
            q = heap_realloc(p, n);
        }
        if (!q)
            err_no_memory();
        return q;
    }
    size_t size = pm_block_size_of(p);
    if (n <= size) {
        /* Shrinking by less than 25% keeps the block (obmalloc's rule). */
        if (4 * n > 3 * size)
            return p;
        size = n;
    }
    void *q = mem_alloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, size);
    mem_free(p);
    return q;
}

/* mem.c — the memory front end (see mem.h). */
#include <string.h>
#include "mem.h"
#include "heap.h"
#include "pymalloc.h"
#include "gc.h"
#include "err.h"

static struct {
    int pymalloc;
    uint64_t attempts;       /* allocation attempts so far */
    uint64_t fail_at;        /* attempt number that fails first; 0: off */
    unsigned fail_count;     /* attempts that fail from there */
} mem;

int mem_init(const MemSettings *s)
{
    memset(&mem, 0, sizeof mem);
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
    mem.fail_at = nth ? mem.attempts + nth : 0;
    mem.fail_count = count ? count : 1;
}

uint64_t mem_attempts(void) { return mem.attempts; }

/* One attempt: counts it, applies fault injection, asks the allocator. */
static void *mem_try_alloc(size_t n)
{
    uint64_t k = ++mem.attempts;
    if (mem.fail_at && k >= mem.fail_at && k < mem.fail_at + mem.fail_count)
        return NULL;
    if (mem.pymalloc && n >= 1 && n <= PM_SMALL_REQUEST_THRESHOLD) {
        void *p = pm_alloc(n);
        if (p)
            return p;
        /* pymalloc could not get an arena: CPython falls back to malloc */
    }
    return heap_alloc(n);
}

void *mem_alloc(size_t n)
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

void mem_free(void *p)
{
    if (!p)
        return;
    if (pm_owns(p))
        pm_free(p);
    else
        heap_free(p);
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

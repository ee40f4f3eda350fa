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

typedef struct MemSettings {
    uint64_t heap_limit;   /* bytes of system heap, arenas included */
    int pymalloc;          /* 0: every request goes to the heap */
} MemSettings;

int mem_init(const MemSettings *s);   /* 0 ok, -1 host out of memory */
void mem_fini(void);

void *mem_alloc(size_t n);
void mem_free(void *p);
void *mem_realloc(void *p, size_t n);  /* NULL (p intact) with MemoryError */
size_t mem_usable(const void *p);      /* block size or chunk payload size */
int mem_pymalloc_enabled(void);

/* Fail allocation attempt number `nth` from now (1 = the next one) and the
 * `count - 1` attempts after it.  nth = 0 turns injection off. */
void mem_fault_inject(uint64_t nth, unsigned count);
uint64_t mem_attempts(void);           /* allocation attempts so far */

#endif

/* heap.h — the system heap (a model of the C library's malloc).
 *
 * One contiguous region from MP_HEAP_BASE, backed by a host buffer of
 * `limit` bytes reserved at init (host ≡ simulated address mod 16 KiB, so
 * pymalloc can align pools on host pointers).  Only [base, brk) is in use:
 * brk grows in 128 KiB steps (glibc's M_TOP_PAD) when no free chunk fits,
 * never past the limit, and shrinks back when the last chunk is free and
 * large (trimming).
 *
 *   chunk:  [ prev_size 8 | size|flags 8 ][ payload ... ]
 *           prev_size is valid when the previous chunk is free
 *
 * Invariants: chunks tile [base, brk) exactly; sizes are multiples of 16,
 * at least 32; no two free chunks are adjacent (coalescing); the free list
 * is ordered by address and holds exactly the free chunks; allocation is
 * first fit over it, splitting when the rest is at least 32 bytes.
 */
#ifndef MP_HEAP_H
#define MP_HEAP_H

#include <stddef.h>
#include <stdint.h>

enum {
    HEAP_CHUNK_HEADER = 16,
    HEAP_MIN_CHUNK = 32,
    HEAP_TOP_PAD = 128 * 1024,
    HEAP_TRIM_THRESHOLD = 256 * 1024,
};

typedef struct HeapChunk {
    void *payload;
    uint64_t sim;        /* simulated address of the chunk (its header) */
    uint64_t size;       /* whole chunk, header included */
    int used;
} HeapChunk;

typedef struct HeapStats {
    uint64_t limit, brk, used_bytes, free_bytes, used_chunks, free_chunks, largest_free;
} HeapStats;

int heap_init(size_t limit);      /* 0, or -1 if the host has no memory */
void heap_fini(void);
void *heap_alloc(size_t n);       /* 16-aligned payload, NULL at the limit */
void heap_free(void *p);
void *heap_realloc(void *p, size_t n);   /* NULL leaves p intact */
size_t heap_usable_size(const void *p);
int heap_owns(const void *p);     /* p is the payload of a used chunk */
int heap_contains(const void *p); /* p lies inside [base, brk) */
void heap_walk(void (*fn)(const HeapChunk *c, void *ctx), void *ctx);
HeapStats heap_stats(void);
const char *heap_check(void);
/* Host addresses of the reservation: its start, the end of what is in use
 * (the break) and its end.  The WASM engine's checkpoints copy memory but
 * skip the unused part. */
void heap_host_extent(uintptr_t *start, uintptr_t *used_end, uintptr_t *end);

#endif

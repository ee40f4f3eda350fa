/* heap.c — the system heap (see heap.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heap.h"
#include "region.h"

enum { INUSE = 1, PREV_INUSE = 2, FLAGS = 15 };

typedef struct Chunk {
    uint64_t prev_size;
    uint64_t size_flags;
} Chunk;

/* Free-list links, stored in a free chunk's payload. */
typedef struct Links {
    Chunk *next, *prev;
} Links;

_Static_assert(sizeof(Chunk) == HEAP_CHUNK_HEADER, "chunk header is 16 bytes");
_Static_assert(sizeof(Links) <= HEAP_MIN_CHUNK - HEAP_CHUNK_HEADER, "links fit");

static struct {
    void *raw;
    uint8_t *base;
    size_t limit, brk;
    Chunk *free_head;
} heap;

static inline uint64_t csize(const Chunk *c) { return c->size_flags & ~(uint64_t)FLAGS; }
static inline int cused(const Chunk *c) { return (c->size_flags & INUSE) != 0; }
static inline Links *links(Chunk *c) { return (Links *)(c + 1); }
static inline Chunk *chunk_of(const void *p) { return (Chunk *)p - 1; }
static inline uint8_t *heap_end(void) { return heap.base + heap.brk; }
static inline Chunk *next_chunk(Chunk *c)
{
    uint8_t *n = (uint8_t *)c + csize(c);
    return n < heap_end() ? (Chunk *)n : NULL;
}
static inline Chunk *prev_chunk(Chunk *c)
{
    if ((uint8_t *)c == heap.base || (c->size_flags & PREV_INUSE))
        return NULL;
    return (Chunk *)((uint8_t *)c - c->prev_size);
}

static void set_chunk(Chunk *c, uint64_t size, int used)
{
    c->size_flags = size | (c->size_flags & PREV_INUSE) | (used ? INUSE : 0);
    Chunk *n = next_chunk(c);
    if (n) {
        n->prev_size = size;
        n->size_flags = used ? (n->size_flags | PREV_INUSE) : (n->size_flags & ~(uint64_t)PREV_INUSE);
    }
}

int heap_init(size_t limit)
{
    memset(&heap, 0, sizeof heap);
    /* malloc, not calloc: untouched pages of a large reservation cost the
     * host nothing, and nothing reads heap memory it did not write (pm_owns
     * validates whatever it finds at a pool boundary) */
    heap.raw = malloc(limit + 16384);
    if (!heap.raw)
        return -1;
    heap.base = (uint8_t *)(((uintptr_t)heap.raw + 16383) & ~(uintptr_t)16383);
    heap.limit = limit;
    region_register(MP_REGION_HEAP, heap.base, limit, MP_HEAP_BASE);
    return 0;
}

void heap_host_extent(uintptr_t *start, uintptr_t *used_end, uintptr_t *end)
{
    *start = (uintptr_t)heap.raw;
    *used_end = (uintptr_t)heap_end();
    *end = (uintptr_t)heap.raw + heap.limit + 16384;
}

void heap_fini(void)
{
    if (heap.base)
        region_unregister(heap.base);
    free(heap.raw);
    memset(&heap, 0, sizeof heap);
}

/* ---- the free list (address order) ----------------------------------------- */

static void list_unlink(Chunk *c)
{
    Links *l = links(c);
    if (l->prev)
        links(l->prev)->next = l->next;
    else
        heap.free_head = l->next;
    if (l->next)
        links(l->next)->prev = l->prev;
}

static void list_insert(Chunk *c)
{
    Chunk *prev = NULL, *cur = heap.free_head;
    while (cur && cur < c) {
        prev = cur;
        cur = links(cur)->next;
    }
    links(c)->prev = prev;
    links(c)->next = cur;
    if (prev)
        links(prev)->next = c;
    else
        heap.free_head = c;
    if (cur)
        links(cur)->prev = c;
}

/* Replaces `old` by `c` at the same place in the list. */
static void list_replace(Chunk *old, Chunk *c)
{
    Links l = *links(old);
    *links(c) = l;
    if (l.prev)
        links(l.prev)->next = c;
    else
        heap.free_head = c;
    if (l.next)
        links(l.next)->prev = c;
}

/* Marks c free and merges it with free neighbours; returns the result,
 * which is on the free list. */
static Chunk *release(Chunk *c)
{
    uint64_t size = csize(c);
    Chunk *n = next_chunk(c), *p = prev_chunk(c);
    int merged_into_prev = 0;
    if (n && !cused(n)) {
        size += csize(n);
        if (p) {
            list_unlink(n);
        } else {
            list_replace(n, c);
            merged_into_prev = -1;   /* c took n's place on the list */
        }
    }
    if (p) {
        size += csize(p);
        c = p;
        merged_into_prev = 1;
    }
    set_chunk(c, size, 0);
    if (!merged_into_prev)
        list_insert(c);
    return c;
}

/* Grows brk so that a free chunk of at least `need` bytes ends the heap. */
static int grow(uint64_t need)
{
    Chunk *last = NULL;
    for (Chunk *c = heap.free_head; c; c = links(c)->next)
        last = c;
    uint64_t have = (last && (uint8_t *)last + csize(last) == heap_end()) ? csize(last) : 0;
    uint64_t add = (need - have + HEAP_TOP_PAD - 1) / HEAP_TOP_PAD * HEAP_TOP_PAD;
    if (heap.brk + add > heap.limit) {
        add = heap.limit - heap.brk;
        add &= ~(uint64_t)15;
        if (have + add < need)
            return -1;
    }
    Chunk *c = (Chunk *)heap_end();
    c->size_flags = heap.brk == 0 ? PREV_INUSE : 0;
    if (heap.brk) {
        /* the chunk before the new space tells its state */
        Chunk *p = NULL;
        for (uint8_t *q = heap.base; q < heap_end(); q += csize((Chunk *)q))
            p = (Chunk *)q;
        if (cused(p))
            c->size_flags |= PREV_INUSE;
        else
            c->prev_size = csize(p);
    }
    heap.brk += add;
    c->size_flags = add | (c->size_flags & PREV_INUSE) | INUSE;
    release(c);
    return 0;
}

static uint64_t request_size(size_t n)
{
    uint64_t need = ((uint64_t)n + HEAP_CHUNK_HEADER + 15) & ~(uint64_t)15;
    return need < HEAP_MIN_CHUNK ? HEAP_MIN_CHUNK : need;
}

/* Takes `need` bytes from free chunk c (on the list). */
static void *take(Chunk *c, uint64_t need)
{
    uint64_t size = csize(c);
    if (size - need >= HEAP_MIN_CHUNK) {
        Chunk *rest = (Chunk *)((uint8_t *)c + need);
        list_replace(c, rest);
        rest->size_flags = 0;
        c->size_flags = need | (c->size_flags & PREV_INUSE) | INUSE;
        rest->size_flags = PREV_INUSE;
        set_chunk(rest, size - need, 0);
    } else {
        list_unlink(c);
        set_chunk(c, size, 1);
    }
    return c + 1;
}

void *heap_alloc(size_t n)
{
    if (n > heap.limit)
        return NULL;
    uint64_t need = request_size(n);
    for (int attempt = 0; attempt < 2; attempt++) {
        for (Chunk *c = heap.free_head; c; c = links(c)->next)
            if (csize(c) >= need)
                return take(c, need);
        if (attempt == 0 && grow(need) != 0)
            return NULL;
    }
    return NULL;
}

/* Gives the end of the heap back when the last chunk is free and large. */
static void trim(void)
{
    Chunk *last = NULL;
    for (Chunk *c = heap.free_head; c; c = links(c)->next)
        last = c;
    if (!last || (uint8_t *)last + csize(last) != heap_end() || csize(last) < HEAP_TRIM_THRESHOLD)
        return;
    uint64_t keep = HEAP_TOP_PAD;
    uint64_t cut = (csize(last) - keep) / HEAP_TOP_PAD * HEAP_TOP_PAD;
    if (!cut)
        return;
    heap.brk -= cut;
    last->size_flags = (csize(last) - cut) | (last->size_flags & PREV_INUSE);
}

void heap_free(void *p)
{
    if (!p)
        return;
    release(chunk_of(p));
    trim();
}

size_t heap_usable_size(const void *p)
{
    return (size_t)(csize(chunk_of(p)) - HEAP_CHUNK_HEADER);
}

int heap_contains(const void *p)
{
    return heap.base && (const uint8_t *)p >= heap.base && (const uint8_t *)p < heap_end();
}

int heap_owns(const void *p)
{
    if (!heap_contains(p))
        return 0;
    for (uint8_t *q = heap.base; q < heap_end(); q += csize((Chunk *)q))
        if ((void *)(q + HEAP_CHUNK_HEADER) == p)
            return cused((Chunk *)q);
    return 0;
}

void *heap_realloc(void *p, size_t n)
{
    if (!p)
        return heap_alloc(n);
    Chunk *c = chunk_of(p);
    uint64_t need = request_size(n), size = csize(c);
    if (need <= size) {
        if (size - need >= HEAP_MIN_CHUNK) {
            Chunk *rest = (Chunk *)((uint8_t *)c + need);
            c->size_flags = need | (c->size_flags & PREV_INUSE) | INUSE;
            rest->size_flags = PREV_INUSE | INUSE;
            rest->size_flags = (size - need) | PREV_INUSE | INUSE;
            release(rest);
            trim();
        }
        return p;
    }
    Chunk *nx = next_chunk(c);
    if (nx && !cused(nx) && size + csize(nx) >= need) {
        uint64_t total = size + csize(nx);
        if (total - need >= HEAP_MIN_CHUNK) {
            Chunk *rest = (Chunk *)((uint8_t *)c + need);
            list_replace(nx, rest);
            c->size_flags = need | (c->size_flags & PREV_INUSE) | INUSE;
            rest->size_flags = PREV_INUSE;
            set_chunk(rest, total - need, 0);
        } else {
            list_unlink(nx);
            set_chunk(c, total, 1);
        }
        return p;
    }
    void *q = heap_alloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, (size_t)(size - HEAP_CHUNK_HEADER));
    heap_free(p);
    return q;
}

void heap_walk(void (*fn)(const HeapChunk *c, void *ctx), void *ctx)
{
    for (uint8_t *q = heap.base; q && q < heap_end(); q += csize((Chunk *)q)) {
        Chunk *c = (Chunk *)q;
        HeapChunk hc = { c + 1, MP_HEAP_BASE + (uint64_t)(q - heap.base), csize(c), cused(c) };
        fn(&hc, ctx);
    }
}

HeapStats heap_stats(void)
{
    HeapStats s = { heap.limit, heap.brk, 0, 0, 0, 0, 0 };
    for (uint8_t *q = heap.base; q && q < heap_end(); q += csize((Chunk *)q)) {
        Chunk *c = (Chunk *)q;
        if (cused(c)) {
            s.used_bytes += csize(c);
            s.used_chunks++;
        } else {
            s.free_bytes += csize(c);
            s.free_chunks++;
            if (csize(c) > s.largest_free)
                s.largest_free = csize(c);
        }
    }
    return s;
}

const char *heap_check(void)
{
    static char msg[200];
    uint64_t nfree = 0;
    Chunk *prev = NULL;
    uint8_t *q = heap.base;
    while (q && q < heap_end()) {
        Chunk *c = (Chunk *)q;
        uint64_t at = MP_HEAP_BASE + (uint64_t)(q - heap.base);
        uint64_t size = csize(c);
        if (size < HEAP_MIN_CHUNK || size % 16 || q + size > heap_end()) {
            snprintf(msg, sizeof msg, "heap chunk at 0x%llx has a bad size (%llu bytes)",
                     (unsigned long long)at, (unsigned long long)size);
            return msg;
        }
        int prev_used = prev ? cused(prev) : 1;
        if (((c->size_flags & PREV_INUSE) != 0) != prev_used) {
            snprintf(msg, sizeof msg, "heap chunk at 0x%llx has a wrong previous-in-use tag",
                     (unsigned long long)at);
            return msg;
        }
        if (prev && !cused(prev) && c->prev_size != csize(prev)) {
            snprintf(msg, sizeof msg, "heap chunk at 0x%llx has a boundary tag that disagrees "
                     "with the free chunk before it", (unsigned long long)at);
            return msg;
        }
        if (prev && !cused(prev) && !cused(c)) {
            snprintf(msg, sizeof msg, "heap chunks at 0x%llx and before are both free: "
                     "they should have been coalesced", (unsigned long long)at);
            return msg;
        }
        if (!cused(c))
            nfree++;
        prev = c;
        q += size;
    }
    if (q != heap_end()) {
        snprintf(msg, sizeof msg, "heap chunks do not tile the heap up to its break");
        return msg;
    }
    uint64_t listed = 0;
    Chunk *lp = NULL;
    for (Chunk *c = heap.free_head; c; lp = c, c = links(c)->next) {
        if ((uint8_t *)c < heap.base || (uint8_t *)c >= heap_end() || cused(c)) {
            snprintf(msg, sizeof msg, "the heap free list holds a chunk that is not free");
            return msg;
        }
        if (links(c)->prev != lp || (lp && lp >= c)) {
            snprintf(msg, sizeof msg, "the heap free list is not in address order or its "
                     "links disagree");
            return msg;
        }
        if (++listed > nfree)
            break;
    }
    if (listed != nfree) {
        snprintf(msg, sizeof msg, "the heap free list holds %llu chunks but %llu are free",
                 (unsigned long long)listed, (unsigned long long)nfree);
        return msg;
    }
    return NULL;
}

/* datastack.c — chunks of interpreter frames (see datastack.h). */
#include <stdio.h>
#include <stdlib.h>
#include "datastack.h"
#include "region.h"

typedef struct Chunk {
    struct Chunk *previous;
    uint32_t size, top;       /* bytes: whole chunk; used from its start */
    uint64_t sim;
} Chunk;

_Static_assert(sizeof(Chunk) <= DS_CHUNK_HEADER, "chunk header fits");

static struct {
    Chunk *current;
    /* offsets of the frames in the current chunk are not needed: a pop
     * gives the frame, whose offset becomes the new top */
} ds;

void ds_init(void) { ds.current = NULL; }

static void chunk_free(Chunk *c)
{
    region_unregister(c);
    free(c);
}

void ds_fini(void)
{
    while (ds.current) {
        Chunk *prev = ds.current->previous;
        chunk_free(ds.current);
        ds.current = prev;
    }
}

void *ds_push(size_t nbytes)
{
    nbytes = (nbytes + 7) & ~(size_t)7;
    Chunk *c = ds.current;
    if (!c || c->top + nbytes > c->size) {
        size_t size = DS_CHUNK_SIZE;
        while (size < nbytes + DS_CHUNK_HEADER)
            size *= 2;
        Chunk *n = malloc(size);
        if (!n)
            return NULL;
        n->previous = c;
        n->size = (uint32_t)size;
        n->top = DS_CHUNK_HEADER;
        n->sim = c ? c->sim + c->size : MP_STACK_BASE;
        region_register(MP_REGION_STACK, n, size, n->sim);
        ds.current = c = n;
    }
    void *frame = (uint8_t *)c + c->top;
    c->top += (uint32_t)nbytes;
    return frame;
}

void ds_pop(void *frame)
{
    Chunk *c = ds.current;
    uint32_t off = (uint32_t)((uint8_t *)frame - (uint8_t *)c);
    if (off == DS_CHUNK_HEADER && c->previous) {
        ds.current = c->previous;
        chunk_free(c);
        return;
    }
    c->top = off;
}

void ds_walk(void (*fn)(const DsChunkInfo *c, void *ctx), void *ctx)
{
    Chunk *order[64];
    int n = 0;
    for (Chunk *c = ds.current; c && n < 64; c = c->previous)
        order[n++] = c;
    while (n-- > 0) {
        DsChunkInfo info = { order[n]->sim, order[n]->size, order[n]->top };
        fn(&info, ctx);
    }
}

uint64_t ds_used_bytes(void)
{
    uint64_t used = 0;
    for (Chunk *c = ds.current; c; c = c->previous)
        used += c->top - DS_CHUNK_HEADER;
    return used;
}

const char *ds_check(void)
{
    static char msg[160];
    for (Chunk *c = ds.current; c; c = c->previous) {
        if (c->top < DS_CHUNK_HEADER || c->top > c->size) {
            snprintf(msg, sizeof msg, "data-stack chunk at 0x%llx has its top outside it",
                     (unsigned long long)c->sim);
            return msg;
        }
        if (c->previous && c->previous->sim + c->previous->size != c->sim) {
            snprintf(msg, sizeof msg, "data-stack chunks are not contiguous");
            return msg;
        }
    }
    return NULL;
}

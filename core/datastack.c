/* datastack.c — chunks of interpreter frames (see datastack.h). */
#include <stdio.h>
#include <stdlib.h>
#include "datastack.h"
#include "region.h"

_Static_assert(sizeof(DsChunk) <= DS_CHUNK_HEADER, "chunk header fits");

/* Offsets of the frames in the current chunk are not needed: a pop gives
 * the frame, whose offset becomes the new top. */
DsChunk *ds_current;

void ds_init(void) { ds_current = NULL; }

static void chunk_free(DsChunk *c)
{
    region_unregister(c);
    free(c);
}

void ds_fini(void)
{
    while (ds_current) {
        DsChunk *prev = ds_current->previous;
        chunk_free(ds_current);
        ds_current = prev;
    }
}

void *ds_push_chunk(size_t nbytes)
{
    DsChunk *c = ds_current;
    size_t size = DS_CHUNK_SIZE;
    while (size < nbytes + DS_CHUNK_HEADER)
        size *= 2;
    DsChunk *n = malloc(size);
    if (!n)
        return NULL;
    n->previous = c;
    n->size = (uint32_t)size;
    n->top = (uint32_t)(DS_CHUNK_HEADER + nbytes);
    n->sim = c ? c->sim + c->size : MP_STACK_BASE;
    region_register(MP_REGION_STACK, n, size, n->sim);
    ds_current = n;
    return (uint8_t *)n + DS_CHUNK_HEADER;
}

void ds_pop_chunk(void)
{
    DsChunk *c = ds_current;
    ds_current = c->previous;
    chunk_free(c);
}

void ds_walk(void (*fn)(const DsChunkInfo *c, void *ctx), void *ctx)
{
    DsChunk *order[64];
    int n = 0;
    for (DsChunk *c = ds_current; c && n < 64; c = c->previous)
        order[n++] = c;
    while (n-- > 0) {
        DsChunkInfo info = { order[n]->sim, order[n]->size, order[n]->top };
        fn(&info, ctx);
    }
}

uint64_t ds_used_bytes(void)
{
    uint64_t used = 0;
    for (DsChunk *c = ds_current; c; c = c->previous)
        used += c->top - DS_CHUNK_HEADER;
    return used;
}

const char *ds_check(void)
{
    static char msg[160];
    for (DsChunk *c = ds_current; c; c = c->previous) {
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

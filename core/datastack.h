/* datastack.h — the data stack of interpreter frames (3.11's _PyStackChunk).
 *
 * Frames are pushed and popped LIFO in chunks of at least 16 KiB (a frame
 * that does not fit gets a new chunk: the next power of two that holds it),
 * each chunk its own "mmap" at the next simulated address from
 * MP_STACK_BASE.  A chunk starts with a 24-byte header; frames follow at
 * 8-byte alignment.  When the last frame of a chunk is popped, the chunk
 * is freed and the previous one becomes current; the first chunk stays.
 * Sizes are CPython's, so the simulated layout is the same on every build.
 */
#ifndef MP_DATASTACK_H
#define MP_DATASTACK_H

#include <stddef.h>
#include <stdint.h>

enum { DS_CHUNK_SIZE = 16 * 1024, DS_CHUNK_HEADER = 24 };

typedef struct DsChunkInfo {
    uint64_t sim, size, used;
} DsChunkInfo;

void ds_init(void);
void ds_fini(void);

typedef struct DsChunk {
    struct DsChunk *previous;
    uint32_t size, top;       /* bytes: whole chunk; used from its start */
    uint64_t sim;
} DsChunk;
extern DsChunk *ds_current;
void *ds_push_chunk(size_t nbytes);   /* a push that needs a new chunk */
void ds_pop_chunk(void);              /* a pop that empties a chunk */

/* nbytes (rounded up to 8) on top of the data stack: NULL if the host has
 * no memory.  Inline: every call pushes a frame. */
static inline void *ds_push(size_t nbytes)
{
    nbytes = (nbytes + 7) & ~(size_t)7;
    DsChunk *c = ds_current;
    if (!c || c->top + nbytes > c->size)
        return ds_push_chunk(nbytes);
    void *frame = (uint8_t *)c + c->top;
    c->top += (uint32_t)nbytes;
    return frame;
}

/* Pops the most recent push; the first chunk stays when it empties. */
static inline void ds_pop(void *frame)
{
    DsChunk *c = ds_current;
    uint32_t off = (uint32_t)((uint8_t *)frame - (uint8_t *)c);
    if (off == DS_CHUNK_HEADER && c->previous)
        ds_pop_chunk();
    else
        c->top = off;
}
void ds_walk(void (*fn)(const DsChunkInfo *c, void *ctx), void *ctx);   /* oldest first */
uint64_t ds_used_bytes(void);
const char *ds_check(void);

#endif

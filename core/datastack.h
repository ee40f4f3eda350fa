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
void *ds_push(size_t nbytes);     /* NULL if the host has no memory */
void ds_pop(void *frame);         /* the most recent push */
void ds_walk(void (*fn)(const DsChunkInfo *c, void *ctx), void *ctx);   /* oldest first */
uint64_t ds_used_bytes(void);
const char *ds_check(void);

#endif

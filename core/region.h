/* region.h — the simulated address space.
 *
 * Everything the page shows lives at simulated addresses, the same in the
 * native and the WASM build and on every run:
 *
 *   0x00400000      static region   None, small ints, types, ...  (never freed)
 *   0x10000000      system heap     large objects, buffers, pymalloc arenas
 *   0x7f0000000000  data stack      16 KiB+ chunks of interpreter frames
 *
 * Each region is backed by host memory; this module maps host ranges to
 * simulated ranges and back.  Ranges never overlap, in either space.
 */
#ifndef MP_REGION_H
#define MP_REGION_H

#include <stddef.h>
#include <stdint.h>

#define MP_STATIC_BASE 0x00400000ull
#define MP_HEAP_BASE   0x10000000ull
#define MP_STACK_BASE  0x7f0000000000ull

typedef enum MpRegionKind {
    MP_REGION_NONE = -1,
    MP_REGION_STATIC, MP_REGION_HEAP, MP_REGION_STACK
} MpRegionKind;

void region_reset(void);
void region_register(MpRegionKind kind, void *host, size_t size, uint64_t sim);
void region_unregister(void *host);
/* Simulated address of a host pointer inside a registered range, else 0. */
uint64_t region_sim(const void *host);
/* Host pointer of a simulated address inside a registered range, else NULL. */
void *region_host(uint64_t sim);
MpRegionKind region_kind_of(const void *host);

#endif

/* born.h — the step at which each live object was born.
 *
 * A side table, keyed by simulated address, from an object to the step of
 * its allocation (or of its reuse from a free list).  The stepper fills it
 * (steps.c: born_set on an allocation step, born_clear on a free or a free
 * list push); the snapshot reads it ("born" per object) and the page diffs
 * two steps with it, matching objects by (address, born) since addresses
 * are reused.  Objects made before the snippet's first step are not in it.
 *
 * The table is host memory (malloc): in the WASM build it lives in linear
 * memory, so a checkpoint captures it with the rest of the paused run.
 * Keys are simulated addresses, so the table's contents are identical on
 * the native and the WASM build.  Open addressing with linear probing and
 * backward-shift deletion; no tombstones, no runtime memory, no events.
 */
#ifndef MP_BORN_H
#define MP_BORN_H

#include <stdint.h>

void born_set(uint64_t sim, uint64_t step);
void born_clear(uint64_t sim);
/* The step `sim` was born at, or 0 if unknown (born before step 1). */
uint64_t born_of(uint64_t sim);
/* Empties the table and releases its memory. */
void born_reset(void);

#endif

/* check.h — the heap checker.
 *
 * check_heap() may be called at any moment outside a collection.  It walks
 * every live object (pymalloc blocks and heap chunks marked as objects, and
 * the static region) and verifies:
 *  - every object's refcount equals the references that really exist: from
 *    other objects (each type's traverse), from frames, from temporaries
 *    registered here, and one from the static region for static objects;
 *  - every pool's free list and counts, the arena lists, the heap's chunk
 *    tiling and free list, and the data stack are consistent;
 *  - the GC generation lists are well formed and hold only live objects.
 * It returns NULL when all is well, else one sentence naming the first
 * inconsistency (a static buffer).
 *
 * Temporaries: a reference held by C code (a test, the VM between
 * instructions) is announced with check_hold() and withdrawn with
 * check_unhold(); holding changes no refcount.
 */
#ifndef MP_CHECK_H
#define MP_CHECK_H

#include "object.h"

void check_hold(MpObject *o);
void check_unhold(MpObject *o);
void check_reset(void);   /* forget every temporary (runtime_fini) */

/* Extra roots: a callback that visits references held outside objects
 * (frames, module tables).  At most a few are registered. */
void check_add_roots(void (*visit_roots)(MpVisit visit, void *arg));

/* Visits every root reference: temporaries and the registered roots. */
void check_visit_roots(MpVisit visit, void *arg);

const char *check_heap(void);

#endif

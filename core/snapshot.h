/* snapshot.h — the whole memory state as JSON, for the page and for tests.
 *
 * snapshot_json() describes, at the moment it is called: every live heap
 * object (and every static object a root or a heap object refers to),
 * sorted by simulated address, with its type, sizes, refcount, generation,
 * a short repr and its references labelled by how they are held (list
 * slot, dict value, attribute, cell...); pymalloc's arenas and pools; the
 * system heap's chunks with their owners; the free lists; the collector's
 * state (and, inside a collection, the phase and the tentatively
 * unreachable objects); weak references; the data stack; and the objects
 * that are alive but unreachable from any root.  The shape is documented
 * once, in core/snapshot.schema.json.
 *
 * Invariant: taking a snapshot changes nothing — no allocation in the
 * simulated heap, no refcount change, no event — so it is a pure function
 * of the runtime's state, identical on the native and the WASM build.
 */
#ifndef MP_SNAPSHOT_H
#define MP_SNAPSHOT_H

/* A malloc'd JSON text, or NULL if the host ran out of memory. */
char *snapshot_json(void);

#endif

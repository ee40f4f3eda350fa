/* event.h — the observer hook.
 *
 * Every memory event of the runtime is reported to at most one observer
 * function: allocations and frees (objects and raw buffers), refcount
 * changes, each phase of a collection, weakref clears, callbacks and
 * finalizers.  The step and snapshot machinery is built on this hook.
 *
 * Invariant: with no observer set, emitting an event costs exactly one
 * load and one well-predicted branch (MP_EMITTING is false).  Events are
 * delivered synchronously, in the order they happen; the observer must not
 * allocate runtime memory or change refcounts.
 */
#ifndef MP_EVENT_H
#define MP_EVENT_H

#include <stdint.h>

typedef enum MpEventKind {
    MP_EV_ALLOC,          /* obj: new object; size: bytes asked of the allocator */
    MP_EV_FREE,           /* obj: object whose memory is released; size */
    MP_EV_FREELIST_PUSH,  /* obj parked on a type's free list (memory kept) */
    MP_EV_FREELIST_POP,   /* obj taken from a free list */
    MP_EV_BUF_ALLOC,      /* ptr: raw buffer (list items, dict keys...) of obj; size */
    MP_EV_BUF_FREE,       /* ptr, size, obj as above */
    MP_EV_INCREF,         /* obj; a: new refcount */
    MP_EV_DECREF,         /* obj; a: new refcount */
    MP_EV_GC_START,       /* a: generation collected */
    MP_EV_GC_PHASE,       /* a: MpGcPhase; b: objects concerned */
    MP_EV_GC_DONE,        /* a: collected; b: uncollectable */
    MP_EV_TRACK,          /* obj started being tracked by the collector */
    MP_EV_UNTRACK,        /* obj stopped being tracked */
    MP_EV_WEAKREF_CLEAR,  /* obj: the weakref; ptr: its (dying) referent */
    MP_EV_CALLBACK,       /* obj: the weakref whose callback is about to run */
    MP_EV_FINALIZE,       /* obj: object whose __del__ is about to run */
    MP_EV_RESURRECT,      /* obj: object that a finalizer brought back */
} MpEventKind;

typedef struct MpEvent {
    MpEventKind kind;
    const void *obj;
    const void *ptr;
    uint64_t size;
    int64_t a, b;
} MpEvent;

typedef void (*MpObserver)(const MpEvent *ev, void *ctx);

extern MpObserver mp_observer;
extern void *mp_observer_ctx;

void event_set_observer(MpObserver fn, void *ctx);

#define MP_EMITTING (__builtin_expect(mp_observer != 0, 0))

/* Builds and delivers an event; only called when MP_EMITTING. */
void event_emit(MpEventKind kind, const void *obj, const void *ptr,
                uint64_t size, int64_t a, int64_t b);

#define MP_EMIT(kind, obj, ptr, size, a, b) \
    do { if (MP_EMITTING) event_emit((kind), (obj), (ptr), (size), (a), (b)); } while (0)

#endif

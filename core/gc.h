/* gc.h — the generational cycle collector (CPython 3.11's gcmodule.c).
 *
 * Tracked objects sit on the list of one of three generations, or on the
 * permanent generation after gc.freeze().  Each GC-capable allocation adds
 * one to generation 0's count and each GC-capable deallocation removes one
 * (never below zero); objects reused from free lists change nothing.  The
 * allocation that makes count[0] exceed threshold[0] starts a collection,
 * if enabled and not already collecting, of the oldest generation whose
 * count exceeds its threshold, skipping a full collection while
 * long_lived_pending < long_lived_total / 4.
 *
 * One collection, phase by phase (each reported as MP_EV_GC_PHASE):
 *   update_refs      gc_refs := refcount for every object in the young set
 *   subtract_refs    gc_refs -= references from inside the set (traverse)
 *   move_unreachable gc_refs == 0 -> tentatively unreachable; whatever is
 *                    reachable from an object with gc_refs > 0 moves back
 *   untrack          tuples (and, in full collections, dicts) whose items
 *                    are all untracked stop being tracked
 *   weakrefs         weakrefs to unreachable objects are cleared; callbacks
 *                    of weakrefs that are themselves reachable run
 *   finalize         __del__ of objects not yet finalized (PEP 442, once)
 *   resurrect        reachability recomputed; resurrected objects survive
 *   clear            tp_clear on what is left; refcounting frees it
 * Survivors move one generation up.
 *
 * Invariant: outside a collection, every tracked object is on exactly one
 * generation list, and gcstate's COLLECTING/UNREACHABLE bits are clear.
 */
#ifndef MP_GC_H
#define MP_GC_H

#include "object.h"
#include "tuple.h"

enum { MP_GC_NGENS = 3 };

typedef enum MpGcPhase {
    MP_GC_UPDATE_REFS, MP_GC_SUBTRACT_REFS, MP_GC_MOVE_UNREACHABLE,
    MP_GC_UNTRACK, MP_GC_WEAKREFS, MP_GC_FINALIZE, MP_GC_RESURRECT,
    MP_GC_CLEAR, MP_GC_NPHASES
} MpGcPhase;

extern const char *const gc_phase_names[MP_GC_NPHASES];

enum { MP_GC_DEBUG_SAVEALL = 1 << 5 };

typedef struct MpGcGenStats {
    uint64_t collections, collected, uncollectable;
} MpGcGenStats;

void gc_init(int enabled, const int thresholds[MP_GC_NGENS]);
int gc_init_lists(void);   /* gc.garbage and gc.callbacks, once lists exist */
void gc_fini(void);
int gc_current_phase(void);   /* MpGcPhase just completed, -1 outside a collection */
/* Visits the tentatively unreachable objects of the running collection. */
void gc_walk_unreachable(void (*fn)(MpObject *o, int gen, void *ctx), void *ctx);

/* Set while gc.get_referents/get_referrers traverse: traverse functions
 * then leave out what CPython's do not visit (a str-keyed dict's keys). */
extern int gc_traverse_cpython;

/* Tracking links an object onto generation 0's list; untracking unlinks
 * it.  Inline, with the list links: every container made or freed does it
 * (in WASM a call costs a frame and spills). */
static inline void gclist_append(MpGcHead *node, MpGcHead *h)
{
    MpGcHead *last = h->prev;
    last->next = node;
    node->prev = last;
    node->next = h;
    h->prev = node;
}

static inline void gclist_remove(MpGcHead *node)
{
    node->prev->next = node->next;
    node->next->prev = node->prev;
    node->next = node->prev = NULL;
}

extern MpGcHead *const gc_young;   /* generation 0's list */

static inline int gc_is_tracked(const MpObject *o) { return mp_gc_head(o)->next != NULL; }

static inline void gc_track(MpObject *o)
{
    gclist_append(mp_gc_head(o), gc_young);
    MP_EMIT(MP_EV_TRACK, o, 0, 0, 0, 0);
}

static inline void gc_untrack(MpObject *o)
{
    if (!gc_is_tracked(o))
        return;
    gclist_remove(mp_gc_head(o));
    MP_EMIT(MP_EV_UNTRACK, o, 0, 0, 0, 0);
}

/* _PyObject_GC_MAY_BE_TRACKED: a GC type, and if a tuple, tracked.  Inline:
 * every dict store and the untrack passes ask it. */
static inline int gc_may_be_tracked(const MpObject *o)
{
    if (!mp_is_gc(o))
        return 0;
    if (o->type == &MpTuple_Type)
        return gc_is_tracked(o);
    return 1;
}

/* Allocation accounting, called by object.c on every GC allocation and
 * deallocation: inline, with the generations' counts and thresholds
 * public for it; the collection it may start is out of line. */
typedef struct GcCounts {
    int count[MP_GC_NGENS], threshold[MP_GC_NGENS];
    int paused;              /* gc_count_pause depth: allocations not counted */
} GcCounts;

extern GcCounts gc_counts;

void gc_count_exceeded(void);   /* count[0] > threshold[0]: may collect */

static inline void gc_count_alloc(void)   /* may run a collection */
{
    if (!gc_counts.paused && ++gc_counts.count[0] > gc_counts.threshold[0])
        gc_count_exceeded();
}

static inline void gc_count_free(void)
{
    if (gc_counts.count[0] > 0)
        gc_counts.count[0]--;
}

void gc_count_pause(int pause);   /* nests: pause(1) ... pause(0) */

/* Collects generation `gen` (0..2); returns unreachable objects found, or
 * -1 with an error set (e.g. invalid generation). */
int64_t gc_collect(int gen);
/* The collection a failed allocation runs before retrying. */
void gc_collect_for_memory(void);

int gc_is_enabled(void);
void gc_set_enabled(int on);
int gc_is_collecting(void);
void gc_get_count(int out[MP_GC_NGENS]);
void gc_get_threshold(int out[MP_GC_NGENS]);
void gc_set_threshold(const int t[MP_GC_NGENS]);
MpGcGenStats gc_get_stats(int gen);
void gc_freeze(void);
void gc_unfreeze(void);
uint64_t gc_get_freeze_count(void);
void gc_set_debug(int flags);
int gc_get_debug(void);
MpObject *gc_garbage(void);      /* the gc.garbage list (borrowed) */
MpObject *gc_callbacks(void);    /* the gc.callbacks list (borrowed) */
int gc_generation_of(const MpObject *o);  /* 0..2, 3 permanent, -1 untracked */
/* Visits every tracked object, generation by generation, in list order. */
void gc_walk(void (*fn)(MpObject *o, int gen, void *ctx), void *ctx);
const char *gc_check(void);      /* NULL if the lists are well formed */

#endif

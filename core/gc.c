/* gc.c — the generational cycle collector (see gc.h for the phases).
 *
 * Lists are circular and doubly linked through the GC head, with a sentinel
 * head per generation.  gc_refs lives in the object's gcstate word instead
 * of CPython's packed prev pointer, so the links stay valid throughout.
 */
#include <stdio.h>
#include <string.h>
#include "gc.h"
#include "err.h"
#include "weakref.h"
#include "call.h"
#include "list.h"
#include "tuple.h"
#include "dict.h"
#include "float.h"
#include "str.h"
#include "int.h"
#include "class.h"

int gc_traverse_cpython;

const char *const gc_phase_names[MP_GC_NPHASES] = {
    "update refs", "subtract internal refs", "move unreachable",
    "untrack", "weakref callbacks", "finalizers", "resurrection check",
    "clear",
};

typedef struct GcGen {
    MpGcHead head;
} GcGen;

GcCounts gc_counts;

static struct {
    GcGen gens[MP_GC_NGENS];
    GcGen permanent;
    int enabled, collecting, debug;
    int64_t long_lived_total, long_lived_pending;
    MpGcGenStats stats[MP_GC_NGENS];
    MpObject *garbage, *callbacks;
    int phase;                 /* current phase, -1 outside a collection */
    MpGcHead *unreachable;     /* the tentatively unreachable list, or NULL */
} gc;

MpGcHead *const gc_young = &gc.gens[0].head;

/* ---- lists ------------------------------------------------------------------ */

static void gclist_init(MpGcHead *h) { h->next = h->prev = h; }
static int gclist_is_empty(const MpGcHead *h) { return h->next == h; }

static void gclist_move(MpGcHead *node, MpGcHead *to)
{
    node->prev->next = node->next;
    node->next->prev = node->prev;
    gclist_append(node, to);
}

/* Appends every node of `from` to `to`; `from` ends empty. */
static void gclist_merge(MpGcHead *from, MpGcHead *to)
{
    if (gclist_is_empty(from))
        return;
    MpGcHead *tail = to->prev;
    tail->next = from->next;
    tail->next->prev = tail;
    to->prev = from->prev;
    to->prev->next = to;
    gclist_init(from);
}

static int64_t gclist_size(const MpGcHead *h)
{
    int64_t n = 0;
    for (MpGcHead *g = h->next; g != h; g = g->next)
        n++;
    return n;
}

/* ---- gc_refs and flags ------------------------------------------------------- */

static inline uint32_t refs_get(const MpObject *o) { return o->gcstate >> MP_GCS_SHIFT; }

static inline void refs_set(MpObject *o, uint32_t r)
{
    o->gcstate = (o->gcstate & ((1u << MP_GCS_SHIFT) - 1)) | (r << MP_GCS_SHIFT);
}

static inline int is_collecting(const MpObject *o) { return (o->gcstate & MP_GCS_COLLECTING) != 0; }

/* ---- setup -------------------------------------------------------------------- */

void gc_init(int enabled, const int thresholds[MP_GC_NGENS])
{
    memset(&gc, 0, sizeof gc);
    memset(&gc_counts, 0, sizeof gc_counts);
    for (int i = 0; i < MP_GC_NGENS; i++) {
        gclist_init(&gc.gens[i].head);
        gc_counts.threshold[i] = thresholds[i];
    }
    gclist_init(&gc.permanent.head);
    gc.enabled = enabled;
    gc.phase = -1;
}

/* The lists gc.garbage and gc.callbacks are made once the list type can be
 * allocated (runtime.c calls this after the static region exists). */
int gc_init_lists(void)
{
    gc.garbage = list_new(0);
    gc.callbacks = list_new(0);
    return gc.garbage && gc.callbacks ? 0 : -1;
}

void gc_fini(void)
{
    MP_CLEAR(gc.garbage);
    MP_CLEAR(gc.callbacks);
}

int gc_is_enabled(void) { return gc.enabled; }
void gc_set_enabled(int on) { gc.enabled = on; }
int gc_is_collecting(void) { return gc.collecting; }
int gc_current_phase(void) { return gc.phase; }

void gc_get_count(int out[MP_GC_NGENS])
{
    for (int i = 0; i < MP_GC_NGENS; i++)
        out[i] = gc_counts.count[i];
}

void gc_get_threshold(int out[MP_GC_NGENS])
{
    for (int i = 0; i < MP_GC_NGENS; i++)
        out[i] = gc_counts.threshold[i];
}

void gc_set_threshold(const int t[MP_GC_NGENS])
{
    for (int i = 0; i < MP_GC_NGENS; i++)
        gc_counts.threshold[i] = t[i];
}

MpGcGenStats gc_get_stats(int gen) { return gc.stats[gen]; }
void gc_set_debug(int flags) { gc.debug = flags; }
int gc_get_debug(void) { return gc.debug; }
MpObject *gc_garbage(void) { return gc.garbage; }
MpObject *gc_callbacks(void) { return gc.callbacks; }

void gc_freeze(void)
{
    for (int i = 0; i < MP_GC_NGENS; i++) {
        gclist_merge(&gc.gens[i].head, &gc.permanent.head);
        gc_counts.count[i] = 0;
    }
}

void gc_unfreeze(void)
{
    gclist_merge(&gc.permanent.head, &gc.gens[MP_GC_NGENS - 1].head);
}

uint64_t gc_get_freeze_count(void) { return (uint64_t)gclist_size(&gc.permanent.head); }

/* ---- the phases ---------------------------------------------------------------- */

static void phase_done(MpGcPhase phase, int64_t n)
{
    gc.phase = (int)phase;
    MP_EMIT(MP_EV_GC_PHASE, 0, 0, 0, phase, n);
}

/* phase_done where the objects concerned are those on `list`: counted only
 * for an observer, since walking a long list costs a cache miss per object
 * (eagerly counted, a full collection of 300,000 objects spent a third of
 * its time here). */
static void phase_done_list(MpGcPhase phase, const MpGcHead *list)
{
    gc.phase = (int)phase;
    MP_EMIT(MP_EV_GC_PHASE, 0, 0, 0, phase, gclist_size(list));
}

/* gc_refs := refcount, COLLECTING set, UNREACHABLE cleared (left over when
 * the resurrection check runs this on the unreachable list); returns the
 * number of objects. */
static int64_t update_refs(MpGcHead *young)
{
    int64_t n = 0;
    for (MpGcHead *g = young->next; g != young; g = g->next) {
        MpObject *o = mp_gc_object(g);
        o->gcstate = (o->gcstate & MP_GCS_FINALIZED) | MP_GCS_COLLECTING
                   | ((uint32_t)o->refcnt << MP_GCS_SHIFT);
        n++;
    }
    return n;
}

/* Only objects in the set being collected carry COLLECTING (update_refs
 * sets it on tracked objects, and objects that are not GC-capable always
 * have it clear: their memory starts zeroed), so the flag alone says
 * whether `o` counts, without a look at its type. */
static int visit_decref(MpObject *o, void *arg)
{
    if (is_collecting(o) && refs_get(o) > 0)
        o->gcstate -= 1u << MP_GCS_SHIFT;
    return 0;
}

/* What o refers to, visited in its type's traverse order.  The two visits
 * below run once per reference of every object a collection examines:
 * lists, tuples, instances of classes, dicts and weakrefs, the common
 * containers, are walked inline with the visit inlined too (a call per
 * reference, and in WASM an indirect call, is most of the cost of a walk).
 * Always inlined: gcc's heuristics leave a function this size out of line,
 * and the visits with it. */
static inline __attribute__((always_inline))
void traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpType *t = o->type;
    if (t == &MpList_Type)
        list_traverse_inline(o, visit, arg);
    else if (t == &MpTuple_Type)
        tuple_traverse_inline(o, visit, arg);
    else if (t->traverse == instance_traverse)
        instance_traverse_inline(o, visit, arg);
    else if (t == &MpDict_Type)
        dict_traverse_inline(o, visit, arg);
    else if (t == &MpWeakref_Type)
        weakref_traverse_inline(o, visit, arg);
    else if (t->traverse)
        t->traverse(o, visit, arg);
}

static void subtract_refs(MpGcHead *young)
{
    for (MpGcHead *g = young->next; g != young; g = g->next)
        traverse(mp_gc_object(g), visit_decref, NULL);
}

/* The scan of move_unreachable: the list scanned and how many objects it
 * took back from the unreachable list. */
typedef struct GcScan {
    MpGcHead *young;
    int64_t rescued;
} GcScan;

static int visit_reachable(MpObject *o, void *arg)
{
    if (!is_collecting(o))   /* see visit_decref */
        return 0;
    if (o->gcstate & MP_GCS_UNREACHABLE) {
        /* tentatively unreachable, but reachable after all: back to young,
         * where the scan will reach it again */
        GcScan *scan = arg;
        o->gcstate &= ~(uint32_t)MP_GCS_UNREACHABLE;
        gclist_move(mp_gc_head(o), scan->young);
        scan->rescued++;
        refs_set(o, 1);
    } else if (refs_get(o) == 0) {
        /* not scanned yet; it will be, and it is reachable */
        refs_set(o, 1);
    }
    return 0;
}

/* Returns the number of objects left on `unreachable`. */
static int64_t move_unreachable(MpGcHead *young, MpGcHead *unreachable)
{
    GcScan scan = { young, 0 };
    int64_t moved = 0;
    MpGcHead *g = young->next;
    while (g != young) {
        MpObject *o = mp_gc_object(g);
        if (refs_get(o) > 0) {
            /* reachable from outside the set: so is all it refers to */
            traverse(o, visit_reachable, &scan);
            o->gcstate &= ~(uint32_t)MP_GCS_COLLECTING;
            g = g->next;
        } else {
            MpGcHead *next = g->next;
            gclist_move(g, unreachable);
            o->gcstate |= MP_GCS_UNREACHABLE;
            moved++;
            g = next;
        }
    }
    return moved - scan.rescued;
}

/* Moves the unreachable objects of `base` to `unreachable` (empty on entry);
 * returns how many there are. */
static int64_t deduce_unreachable(MpGcHead *base, MpGcHead *unreachable)
{
    update_refs(base);
    phase_done(MP_GC_UPDATE_REFS, 0);
    subtract_refs(base);
    phase_done(MP_GC_SUBTRACT_REFS, 0);
    int64_t n = move_unreachable(base, unreachable);
    phase_done(MP_GC_MOVE_UNREACHABLE, n);
    return n;
}

/* Untracks the objects of `young` of `type` (tuple or dict) that hold
 * nothing trackable; returns the number of objects left on `young`. */
static int64_t untrack_plain(MpGcHead *young, const MpType *type, void (*maybe_untrack)(MpObject *))
{
    int64_t left = 0;
    MpGcHead *g = young->next;
    while (g != young) {
        MpGcHead *next = g->next;
        MpObject *o = mp_gc_object(g);
        if (o->type == type)
            maybe_untrack(o);
        left += gc_is_tracked(o);
        g = next;
    }
    return left;
}

static void clear_unreachable_mask(MpGcHead *h)
{
    for (MpGcHead *g = h->next; g != h; g = g->next)
        mp_gc_object(g)->gcstate &= ~(uint32_t)MP_GCS_UNREACHABLE;
}

/* Clears weakrefs to unreachable objects; calls the callbacks of weakrefs
 * that are themselves reachable.  Returns weakrefs freed by doing so. */
static int64_t handle_weakrefs(MpGcHead *unreachable, MpGcHead *old)
{
    MpGcHead wrcb_to_call;
    int64_t freed = 0;
    gclist_init(&wrcb_to_call);

    for (MpGcHead *g = unreachable->next, *next; g != unreachable; g = next) {
        MpObject *o = mp_gc_object(g);
        next = g->next;
        if (weakref_check(o))
            weakref_clear_ref((MpWeakref *)o);
        if (!o->type->weaklistoffset)
            continue;
        MpWeakref **list = weakref_listptr(o);
        for (MpWeakref *wr = *list; wr; wr = *list) {
            weakref_clear_ref(wr);
            if (!wr->callback)
                continue;
            if (is_collecting(MP_OBJ(wr)))
                continue;   /* the weakref is trash too: no callback */
            mp_incref(MP_OBJ(wr));
            gclist_move(mp_gc_head(MP_OBJ(wr)), &wrcb_to_call);
        }
    }

    while (!gclist_is_empty(&wrcb_to_call)) {
        MpGcHead *g = wrcb_to_call.next;
        MpWeakref *wr = (MpWeakref *)mp_gc_object(g);
        weakref_call_callback(wr);
        mp_decref(MP_OBJ(wr));
        if (wrcb_to_call.next == g)
            gclist_move(g, old);     /* still alive */
        else
            freed++;
    }
    return freed;
}

static void finalize_garbage(MpGcHead *collectable)
{
    MpGcHead seen;
    gclist_init(&seen);
    while (!gclist_is_empty(collectable)) {
        MpGcHead *g = collectable->next;
        MpObject *o = mp_gc_object(g);
        gclist_move(g, &seen);
        if (!(o->gcstate & MP_GCS_FINALIZED) && o->type->finalize) {
            o->gcstate |= MP_GCS_FINALIZED;
            mp_incref(o);
            MP_EMIT(MP_EV_FINALIZE, o, 0, 0, 0, 0);
            o->type->finalize(o);
            mp_decref(o);
        }
    }
    gclist_merge(&seen, collectable);
}

/* Moves what is still unreachable to `still` and the rest (resurrected by
 * finalizers) to `old`; returns the number still unreachable.  update_refs
 * resets the flags move_unreachable left on `unreachable`. */
static int64_t handle_resurrected(MpGcHead *unreachable, MpGcHead *still, MpGcHead *old)
{
    int64_t n = deduce_unreachable(unreachable, still);
    clear_unreachable_mask(still);
    if (MP_EMITTING)
        for (MpGcHead *g = unreachable->next; g != unreachable; g = g->next)
            event_emit(MP_EV_RESURRECT, mp_gc_object(g), 0, 0, 0, 0);
    gclist_merge(unreachable, old);
    return n;
}

static void delete_garbage(MpGcHead *collectable, MpGcHead *old)
{
    while (!gclist_is_empty(collectable)) {
        MpGcHead *g = collectable->next;
        MpObject *o = mp_gc_object(g);
        if (gc.debug & MP_GC_DEBUG_SAVEALL) {
            if (list_append(gc.garbage, o) < 0)
                err_clear();
        } else if (o->type->clear) {
            mp_incref(o);
            o->type->clear(o);
            mp_decref(o);
        }
        if (collectable->next == g) {
            /* still alive: it may die later */
            o->gcstate &= ~(uint32_t)MP_GCS_COLLECTING;
            gclist_move(g, old);
        }
    }
}

static void clear_freelists(void)
{
    float_clear_freelist();
    tuple_clear_freelists();
    list_clear_freelist();
    dict_clear_freelists();
}

/* One collection of `gen`; returns the number of unreachable objects. */
static int64_t collect_main(int gen, int64_t *uncollectable)
{
    MpGcHead unreachable, final_unreachable;
    MpGcHead *young, *old;
    int64_t m = 0;

    MP_EMIT(MP_EV_GC_START, 0, 0, 0, gen, 0);
    if (gen + 1 < MP_GC_NGENS)
        gc_counts.count[gen + 1] += 1;
    for (int i = 0; i <= gen; i++)
        gc_counts.count[i] = 0;
    for (int i = 0; i < gen; i++)
        gclist_merge(&gc.gens[i].head, &gc.gens[gen].head);

    young = &gc.gens[gen].head;
    old = gen < MP_GC_NGENS - 1 ? &gc.gens[gen + 1].head : young;

    gclist_init(&unreachable);
    gc.unreachable = &unreachable;
    deduce_unreachable(young, &unreachable);

    int64_t survivors = untrack_plain(young, &MpTuple_Type, tuple_maybe_untrack);
    if (young != old) {
        if (gen == MP_GC_NGENS - 2)
            gc.long_lived_pending += survivors;
        gclist_merge(young, old);
    } else {
        gc.long_lived_pending = 0;
        gc.long_lived_total = untrack_plain(young, &MpDict_Type, dict_maybe_untrack);
    }
    phase_done_list(MP_GC_UNTRACK, &unreachable);

    m += handle_weakrefs(&unreachable, old);
    phase_done_list(MP_GC_WEAKREFS, &unreachable);

    finalize_garbage(&unreachable);
    phase_done_list(MP_GC_FINALIZE, &unreachable);

    gclist_init(&final_unreachable);
    int64_t garbage = handle_resurrected(&unreachable, &final_unreachable, old);
    gc.unreachable = &final_unreachable;
    phase_done(MP_GC_RESURRECT, garbage);

    m += garbage;
    delete_garbage(&final_unreachable, old);
    gc.unreachable = NULL;
    phase_done(MP_GC_CLEAR, m);

    if (gen == MP_GC_NGENS - 1)
        clear_freelists();

    gc.stats[gen].collections++;
    gc.stats[gen].collected += (uint64_t)m;
    *uncollectable = 0;   /* only legacy tp_del finalizers make any: none here */
    gc.phase = -1;
    MP_EMIT(MP_EV_GC_DONE, 0, 0, 0, m, 0);
    return m;
}

/* Calls each of gc.callbacks with (phase, info). */
static void invoke_callbacks(const char *phase, int gen, int64_t collected,
                             int64_t uncollectable)
{
    if (!gc.callbacks || list_size(gc.callbacks) == 0)
        return;
    MpObject *info = dict_new();
    MpObject *ph = str_from_cstr(phase);
    if (!info || !ph) {
        mp_xdecref(info);
        mp_xdecref(ph);
        err_clear();
        return;
    }
    static const char *const keys[3] = { "generation", "collected", "uncollectable" };
    int64_t vals[3] = { gen, collected, uncollectable };
    for (int i = 0; i < 3; i++) {
        MpObject *k = str_from_cstr(keys[i]);
        MpObject *v = int_from_i64(vals[i]);
        if (k && v)
            dict_setitem(info, k, v);
        mp_xdecref(k);
        mp_xdecref(v);
    }
    /* as CPython's invoke_gc_callback: the list itself, its size read at
     * each step, each callback held while it runs */
    for (int64_t i = 0; i < list_size(gc.callbacks); i++) {
        MpObject *cb = mp_newref(list_getitem(gc.callbacks, i));
        MpObject *args[2] = { ph, info };
        MpObject *saved = err_fetch();
        MpObject *r = call_object(cb, 2, args);
        if (r)
            mp_decref(r);
        else
            err_write_unraisable(cb);
        err_restore(saved);
        mp_decref(cb);
    }
    mp_decref(ph);
    mp_decref(info);
}

static int64_t collect_with_callbacks(int gen)
{
    int64_t uncollectable = 0;
    invoke_callbacks("start", gen, 0, 0);
    int64_t n = collect_main(gen, &uncollectable);
    gc.stats[gen].uncollectable += (uint64_t)uncollectable;
    invoke_callbacks("stop", gen, n, uncollectable);
    return n;
}

static void collect_generations(void)
{
    for (int i = MP_GC_NGENS - 1; i >= 0; i--) {
        if (gc_counts.count[i] > gc_counts.threshold[i]) {
            if (i == MP_GC_NGENS - 1
                && gc.long_lived_pending < gc.long_lived_total / 4)
                continue;
            collect_with_callbacks(i);
            break;
        }
    }
}

/* While paused, allocations are not counted (objects CPython makes when it
 * starts, e.g. the method descriptors of builtin types, which memplay makes
 * on first use). */
void gc_count_pause(int pause) { gc_counts.paused += pause ? 1 : -1; }

void gc_count_exceeded(void)
{
    if (gc.enabled && gc_counts.threshold[0] && !gc.collecting && !err_occurred()) {
        gc.collecting = 1;
        collect_generations();
        gc.collecting = 0;
    }
}

int64_t gc_collect(int gen)
{
    if (gen < 0 || gen >= MP_GC_NGENS) {
        err_set(&MpExc_ValueError, "invalid generation");
        return -1;
    }
    if (gc.collecting)
        return 0;
    gc.collecting = 1;
    int64_t n = collect_with_callbacks(gen);
    gc.collecting = 0;
    return n;
}

void gc_collect_for_memory(void)
{
    if (gc.collecting)
        return;
    int64_t unc;
    gc.collecting = 1;
    collect_main(MP_GC_NGENS - 1, &unc);
    gc.collecting = 0;
}

/* ---- introspection ----------------------------------------------------------------- */

int gc_generation_of(const MpObject *o)
{
    if (!mp_is_gc(o) || !gc_is_tracked(o))
        return -1;
    const MpGcHead *g = mp_gc_head(o);
    while (1) {
        g = g->next;
        for (int i = 0; i < MP_GC_NGENS; i++)
            if (g == &gc.gens[i].head)
                return i;
        if (g == &gc.permanent.head)
            return MP_GC_NGENS;
        if (g == mp_gc_head(o))
            return -1;   /* on a private list during a collection */
    }
}

static void walk_list(MpGcHead *h, int gen, void (*fn)(MpObject *, int, void *), void *ctx)
{
    for (MpGcHead *g = h->next; g != h; g = g->next)
        fn(mp_gc_object(g), gen, ctx);
}

void gc_walk(void (*fn)(MpObject *o, int gen, void *ctx), void *ctx)
{
    for (int i = 0; i < MP_GC_NGENS; i++)
        walk_list(&gc.gens[i].head, i, fn, ctx);
    walk_list(&gc.permanent.head, MP_GC_NGENS, fn, ctx);
}

void gc_walk_unreachable(void (*fn)(MpObject *o, int gen, void *ctx), void *ctx)
{
    if (gc.unreachable)
        walk_list(gc.unreachable, -1, fn, ctx);
}

static const char *check_list(MpGcHead *h, const char *name)
{
    static char msg[200];
    MpGcHead *prev = h;
    for (MpGcHead *g = h->next; g != h; prev = g, g = g->next) {
        MpObject *o = mp_gc_object(g);
        if (!g || g->prev != prev) {
            snprintf(msg, sizeof msg, "GC list of %s has a broken back link", name);
            return msg;
        }
        if (!object_is_live(o)) {
            snprintf(msg, sizeof msg, "GC list of %s holds freed memory", name);
            return msg;
        }
        if (!mp_is_gc(o)) {
            snprintf(msg, sizeof msg, "GC list of %s holds a %s, which is not a GC type",
                     name, o->type->name);
            return msg;
        }
        if (o->gcstate & (MP_GCS_COLLECTING | MP_GCS_UNREACHABLE)) {
            snprintf(msg, sizeof msg, "a %s in %s still carries collection flags",
                     o->type->name, name);
            return msg;
        }
    }
    if (h->prev != prev) {
        snprintf(msg, sizeof msg, "GC list of %s has a broken tail link", name);
        return msg;
    }
    return NULL;
}

const char *gc_check(void)
{
    static const char *const names[MP_GC_NGENS] = { "generation 0", "generation 1", "generation 2" };
    for (int i = 0; i < MP_GC_NGENS; i++) {
        const char *p = check_list(&gc.gens[i].head, names[i]);
        if (p)
            return p;
    }
    return check_list(&gc.permanent.head, "the permanent generation");
}

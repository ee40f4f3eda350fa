/* weakref.h — weak references (CPython 3.11's weakrefobject.c).
 *
 * A weak-referenceable object has a list head at type->weaklistoffset.
 * The list holds plain refs (no callback) first — one shared plain ref per
 * object, so `ref(o) is ref(o)` — then refs with callbacks, newest first,
 * so that callbacks run newest first.
 *
 * Death by refcount: the dying object's dealloc runs __del__ first, then
 * weakref_clear_refs(): every ref is cleared, then callbacks run.  Death by
 * the collector: gc.c clears refs and runs callbacks before any __del__.
 * A cleared ref points to None and keeps its callback until it runs.
 */
#ifndef MP_WEAKREF_H
#define MP_WEAKREF_H

#include "object.h"

typedef struct MpWeakref {
    MpObject ob;
    MpObject *object;     /* the referent, or MP_NONE once cleared */
    MpObject *callback;   /* NULL if none */
    int64_t hash;         /* -1 until computed */
    struct MpWeakref *prev, *next;
} MpWeakref;

extern MpType MpWeakref_Type, MpWeakProxy_Type, MpWeakCallableProxy_Type;

/* The weakref's traverse (its callback; the referent is not a reference),
 * inline for the collector as lists' and tuples' are. */
static inline int weakref_traverse_inline(MpObject *o, MpVisit visit, void *arg)
{
    MpWeakref *wr = (MpWeakref *)o;
    if (wr->callback)
        return visit(wr->callback, arg);
    return 0;
}

static inline int weakref_is_proxy(const MpObject *o)
{
    return o->type == &MpWeakProxy_Type || o->type == &MpWeakCallableProxy_Type;
}
/* A ref or a proxy: an object on some referent's weakref list. */
static inline int weakref_check(const MpObject *o)
{
    return o->type == &MpWeakref_Type || weakref_is_proxy(o);
}

enum { MP_WEAKREF_SIZE = 64 };   /* PyWeakReference on x86-64, sans GC head */

/* New reference to a weakref to `obj` (the shared one when callback is
 * NULL or None); NULL with TypeError "cannot create weak reference to
 * 'list' object" when obj's type is not weak-referenceable. */
MpObject *weakref_new(MpObject *obj, MpObject *callback);

/* weakref.proxy(obj, callback): a CallableProxyType when obj is callable. */
MpObject *weakproxy_new(MpObject *obj, MpObject *callback);
/* o itself, or a proxy's referent (new reference); NULL with ReferenceError. */
MpObject *weakproxy_unwrap(MpObject *o);
/* A proxy's referent (borrowed), or NULL with ReferenceError when dead. */
MpObject *weakproxy_referent(MpObject *proxy);

/* The referent (borrowed), or MP_NONE when dead. */
MpObject *weakref_get(MpWeakref *wr);

MpWeakref **weakref_listptr(MpObject *o);
int64_t weakref_count(MpObject *o);

/* Unlinks wr from its referent's list and points it at None; keeps the
 * callback (_PyWeakref_ClearRef). */
void weakref_clear_ref(MpWeakref *wr);

/* Calls wr's callback with wr (the collector's path: the callback stays
 * attached); reports errors as unraisable. */
void weakref_call_callback(MpWeakref *wr);

/* A weak-referenceable object is dying by refcount: clear every ref, then
 * run callbacks newest first (PyObject_ClearWeakRefs). */
void weakref_clear_refs(MpObject *o);

#endif

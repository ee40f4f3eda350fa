/* weakref.c — weak references (see weakref.h). */
#include "weakref.h"
#include "gc.h"
#include "err.h"
#include "call.h"
#include "str.h"
#include "region.h"
#include "tuple.h"
#include "abstract.h"
#include "exc.h"
#include <stdio.h>

_Static_assert(sizeof(MpWeakref) <= MP_WEAKREF_SIZE, "weakref fits CPython's size");

MpWeakref **weakref_listptr(MpObject *o)
{
    return (MpWeakref **)((char *)o + o->type->weaklistoffset);
}

MpObject *weakref_get(MpWeakref *wr) { return wr->object; }

static void weakref_dealloc(MpObject *o)
{
    MpWeakref *wr = (MpWeakref *)o;
    gc_untrack(o);
    weakref_clear_ref(wr);
    MP_CLEAR(wr->callback);
    object_free(o);
}

static int weakref_traverse(MpObject *o, MpVisit visit, void *arg) { return weakref_traverse_inline(o, visit, arg); }

static void weakref_tp_clear(MpObject *o)
{
    MpWeakref *wr = (MpWeakref *)o;
    weakref_clear_ref(wr);
    MP_CLEAR(wr->callback);
}

static MpObject *weakref_repr(MpObject *o)
{
    MpWeakref *wr = (MpWeakref *)o;
    char buf[200];
    if (wr->object == MP_NONE)
        snprintf(buf, sizeof buf, "<weakref at 0x%llx; dead>",
                 (unsigned long long)region_sim(o));
    else
        snprintf(buf, sizeof buf, "<weakref at 0x%llx; to '%s' at 0x%llx>",
                 (unsigned long long)region_sim(o), wr->object->type->name,
                 (unsigned long long)region_sim(wr->object));
    return str_from_cstr(buf);
}

MpType MpWeakref_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "weakref.ReferenceType",
    .basicsize = MP_WEAKREF_SIZE, .flags = MP_TF_GC | MP_TF_BASETYPE,
    .dealloc = weakref_dealloc, .traverse = weakref_traverse,
    .clear = weakref_tp_clear, .repr = weakref_repr,
};

void weakref_clear_ref(MpWeakref *wr)
{
    if (wr->object == MP_NONE)
        return;
    MpWeakref **list = weakref_listptr(wr->object);
    MP_EMIT(MP_EV_WEAKREF_CLEAR, wr, wr->object, 0, 0, 0);
    if (*list == wr)
        *list = wr->next;
    if (wr->prev)
        wr->prev->next = wr->next;
    if (wr->next)
        wr->next->prev = wr->prev;
    wr->prev = wr->next = NULL;
    wr->object = MP_NONE;
}

int64_t weakref_count(MpObject *o)
{
    if (!o->type->weaklistoffset)
        return 0;
    int64_t n = 0;
    for (MpWeakref *wr = *weakref_listptr(o); wr; wr = wr->next)
        n++;
    return n;
}

static void insert_after(MpWeakref *wr, MpWeakref *prev)
{
    wr->prev = prev;
    wr->next = prev->next;
    if (prev->next)
        prev->next->prev = wr;
    prev->next = wr;
}

static void insert_head(MpWeakref *wr, MpWeakref **list)
{
    wr->prev = NULL;
    wr->next = *list;
    if (*list)
        (*list)->prev = wr;
    *list = wr;
}

/* The callback-less ref and proxy at the head of a list (get_basic_refs). */
static void get_basic_refs(MpWeakref *head, MpWeakref **refp, MpWeakref **proxyp)
{
    *refp = *proxyp = NULL;
    if (head && !head->callback) {
        if (head->ob.type == &MpWeakref_Type) {
            *refp = head;
            head = head->next;
        }
        if (head && !head->callback && weakref_is_proxy(MP_OBJ(head)))
            *proxyp = head;
    }
}

static MpObject *new_ref_or_proxy(MpObject *obj, MpObject *callback, int proxy)
{
    if (!obj->type->weaklistoffset) {
        err_set(&MpExc_TypeError, "cannot create weak reference to '%s' object",
                obj->type->name);
        return NULL;
    }
    if (callback == MP_NONE)
        callback = NULL;
    MpWeakref **list = weakref_listptr(obj);
    MpWeakref *ref, *prx;
    get_basic_refs(*list, &ref, &prx);
    /* the shared plain ref and plain proxy */
    if (!callback && !proxy && ref)
        return mp_newref(MP_OBJ(ref));
    if (!callback && proxy && prx)
        return mp_newref(MP_OBJ(prx));
    MpType *t = !proxy ? &MpWeakref_Type
              : obj_callable(obj) ? &MpWeakCallableProxy_Type : &MpWeakProxy_Type;
    MpWeakref *wr = (MpWeakref *)object_new(t, 0, sizeof(MpWeakref));
    if (!wr)
        return NULL;
    /* the allocation may have run a collection that killed obj's last
     * weakref holder, but obj itself is alive: the caller holds it */
    wr->object = obj;
    wr->callback = callback ? mp_newref(callback) : NULL;
    wr->hash = -1;
    get_basic_refs(*list, &ref, &prx);
    if (!callback && !proxy) {
        insert_head(wr, list);
    } else {
        /* a plain proxy goes after the plain ref; refs and proxies with
         * callbacks after both */
        MpWeakref *prev = !callback ? ref : prx ? prx : ref;
        if (prev)
            insert_after(wr, prev);
        else
            insert_head(wr, list);
    }
    gc_track(MP_OBJ(wr));
    return MP_OBJ(wr);
}

MpObject *weakref_new(MpObject *obj, MpObject *callback)
{
    return new_ref_or_proxy(obj, callback, 0);
}

MpObject *weakproxy_new(MpObject *obj, MpObject *callback)
{
    return new_ref_or_proxy(obj, callback, 1);
}

/* Calls callback(wr); an error is reported as unraisable (handle_callback). */
static void handle_callback(MpWeakref *wr, MpObject *callback)
{
    MP_EMIT(MP_EV_CALLBACK, wr, callback, 0, 0, 0);
    MpObject *arg = MP_OBJ(wr);
    MpObject *saved = err_fetch();   /* callbacks may run while an error unwinds */
    MpObject *r = call_object(callback, 1, &arg);
    if (r)
        mp_decref(r);
    else
        err_write_unraisable(callback);
    err_restore(saved);
}

void weakref_call_callback(MpWeakref *wr)
{
    if (wr->callback)
        handle_callback(wr, wr->callback);
}

/* PyObject_ClearWeakRefs of 3.11: plain refs are cleared first; one ref
 * with a callback is handled directly; several are first all cleared, their
 * callbacks collected in a tuple (a real allocation, as in CPython), then
 * called in list order, newest first. */
void weakref_clear_refs(MpObject *o)
{
    MpWeakref **list = weakref_listptr(o);
    if (*list && !(*list)->callback) {
        weakref_clear_ref(*list);
        if (*list && !(*list)->callback)
            weakref_clear_ref(*list);
    }
    if (!*list)
        return;
    int64_t count = 0;
    for (MpWeakref *w = *list; w; w = w->next)
        count++;
    if (count == 1) {
        MpWeakref *cur = *list;
        MpObject *callback = cur->callback;
        cur->callback = NULL;
        weakref_clear_ref(cur);
        if (callback) {
            if (cur->ob.refcnt > 0)
                handle_callback(cur, callback);
            mp_decref(callback);
        }
        return;
    }
    MpObject *tuple = tuple_new(count * 2);
    if (!tuple) {
        /* no memory for the callbacks: the refs die without them */
        err_write_unraisable(o);
        while (*list) {
            MpWeakref *cur = *list;
            MP_CLEAR(cur->callback);
            weakref_clear_ref(cur);
        }
        return;
    }
    MpTuple *t = (MpTuple *)tuple;
    MpWeakref *cur = *list;
    for (int64_t i = 0; i < count; i++) {
        MpWeakref *next = cur->next;
        if (cur->ob.refcnt > 0) {
            t->items[i * 2] = mp_newref(MP_OBJ(cur));
            t->items[i * 2 + 1] = cur->callback;    /* the tuple takes it */
        } else {
            mp_xdecref(cur->callback);
        }
        cur->callback = NULL;
        weakref_clear_ref(cur);
        cur = next;
    }
    for (int64_t i = 0; i < count; i++)
        if (t->items[i * 2 + 1])
            handle_callback((MpWeakref *)t->items[i * 2], t->items[i * 2 + 1]);
    mp_decref(tuple);
}

/* ---- proxies (weakref.proxy) ---------------------------------------------------
 * A proxy is a weak reference of type ProxyType or CallableProxyType that
 * forwards operations to its referent (CPython's proxy_* functions); the
 * abstract layer unwraps proxies through weakproxy_referent. */

MpObject *weakproxy_referent(MpObject *o)
{
    MpObject *r = ((MpWeakref *)o)->object;
    if (r == MP_NONE || r->refcnt <= 0) {
        err_set(&MpExc_ReferenceError, "weakly-referenced object no longer exists");
        return NULL;
    }
    return r;
}

static MpObject *proxy_repr(MpObject *o)
{
    MpWeakref *wr = (MpWeakref *)o;
    char buf[200];
    snprintf(buf, sizeof buf, "<weakproxy at 0x%llx to %s at 0x%llx>",
             (unsigned long long)region_sim(o), wr->object->type->name,
             (unsigned long long)region_sim(wr->object));
    return str_from_cstr(buf);
}

static int64_t proxy_hash(MpObject *o)
{
    err_set(&MpExc_TypeError, "unhashable type: '%s'", o->type->name);
    return -1;
}

static MpObject *proxy_getattro(MpObject *o, MpObject *name)
{
    MpObject *r = weakproxy_referent(o);
    if (!r)
        return NULL;
    mp_incref(r);
    MpObject *v = obj_getattr(r, name);
    mp_decref(r);
    return v;
}

static int proxy_setattro(MpObject *o, MpObject *name, MpObject *value)
{
    MpObject *r = weakproxy_referent(o);
    if (!r)
        return -1;
    mp_incref(r);
    int rc = obj_setattr(r, name, value);
    mp_decref(r);
    return rc;
}

static MpObject *proxy_str(MpObject *o)
{
    MpObject *r = weakproxy_referent(o);
    if (!r)
        return NULL;
    mp_incref(r);
    MpObject *v = obj_str(r);
    mp_decref(r);
    return v;
}

static MpObject *proxy_iter(MpObject *o)
{
    MpObject *r = weakproxy_referent(o);
    if (!r)
        return NULL;
    mp_incref(r);
    MpObject *v = obj_iter(r);
    mp_decref(r);
    return v;
}

static MpObject *proxy_iternext(MpObject *o)
{
    MpObject *r = weakproxy_referent(o);
    if (!r)
        return NULL;
    mp_incref(r);
    MpObject *v = obj_next(r);
    mp_decref(r);
    return v;
}

#define PROXY_TYPE(var, pyname) \
    MpType var = { .ob = MP_STATIC_TYPE_HEAD, .name = pyname, \
        .basicsize = MP_WEAKREF_SIZE, .flags = MP_TF_GC, \
        .dealloc = weakref_dealloc, .traverse = weakref_traverse, \
        .clear = weakref_tp_clear, .repr = proxy_repr, .hash = proxy_hash, \
        .getattro = proxy_getattro, .setattro = proxy_setattro, .str = proxy_str, \
        .iter = proxy_iter, .iternext = proxy_iternext }

PROXY_TYPE(MpWeakProxy_Type, "weakref.ProxyType");
PROXY_TYPE(MpWeakCallableProxy_Type, "weakref.CallableProxyType");

MpObject *weakproxy_unwrap(MpObject *o)
{
    if (!weakref_is_proxy(o))
        return mp_newref(o);
    MpObject *r = weakproxy_referent(o);
    return r ? mp_newref(r) : NULL;
}

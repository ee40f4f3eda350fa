/* weakref.c — weak references (see weakref.h). */
#include "weakref.h"
#include "gc.h"
#include "err.h"
#include "call.h"
#include "str.h"
#include "region.h"
#include "tuple.h"
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

static int weakref_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpWeakref *wr = (MpWeakref *)o;
    if (wr->callback)
        return visit(wr->callback, arg);
    return 0;
}

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

MpObject *weakref_new(MpObject *obj, MpObject *callback)
{
    if (!obj->type->weaklistoffset) {
        err_set(&MpExc_TypeError, "cannot create weak reference to '%s' object",
                obj->type->name);
        return NULL;
    }
    if (callback == MP_NONE)
        callback = NULL;
    MpWeakref **list = weakref_listptr(obj);
    /* the shared plain ref, if any, is always first */
    MpWeakref *plain = (*list && !(*list)->callback) ? *list : NULL;
    if (!callback && plain)
        return mp_newref(MP_OBJ(plain));
    MpWeakref *wr = (MpWeakref *)object_new(&MpWeakref_Type, 0, sizeof(MpWeakref));
    if (!wr)
        return NULL;
    /* the allocation may have run a collection that killed obj's last
     * weakref holder, but obj itself is alive: the caller holds it */
    wr->object = obj;
    wr->callback = callback ? mp_newref(callback) : NULL;
    wr->hash = -1;
    plain = (*list && !(*list)->callback) ? *list : NULL;
    if (!callback)
        insert_head(wr, list);
    else if (plain)
        insert_after(wr, plain);
    else
        insert_head(wr, list);
    gc_track(MP_OBJ(wr));
    return MP_OBJ(wr);
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

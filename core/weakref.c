/* weakref.c — weak references (see weakref.h). */
#include "weakref.h"
#include "gc.h"
#include "err.h"
#include "call.h"
#include "str.h"
#include "region.h"
#include <stdio.h>
#include <stdlib.h>

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

void weakref_call_callback(MpWeakref *wr)
{
    MpObject *cb = wr->callback;
    if (!cb)
        return;
    MP_EMIT(MP_EV_CALLBACK, wr, cb, 0, 0, 0);
    MpObject *arg = MP_OBJ(wr);
    MpObject *r = call_object(cb, 1, &arg);
    if (r)
        mp_decref(r);
    else
        err_write_unraisable(cb);
    /* a callback runs once */
    if (wr->callback == cb)
        MP_CLEAR(wr->callback);
}

void weakref_clear_refs(MpObject *o)
{
    MpWeakref **list = weakref_listptr(o);
    if (!*list)
        return;
    /* Clear every ref first, collecting those with callbacks (each kept
     * alive by a new reference), then call them in list order. */
    enum { SMALL = 16 };
    MpWeakref *small[SMALL];
    MpWeakref **pending = small;
    int64_t n = 0, cap = SMALL;
    while (*list) {
        MpWeakref *wr = *list;
        weakref_clear_ref(wr);
        if (!wr->callback || wr->ob.refcnt <= 0)
            continue;
        if (n == cap) {
            /* rare: many callbacks; grow on the host */
            MpWeakref **bigger = realloc(pending == small ? NULL : pending,
                                         (size_t)cap * 2 * sizeof *bigger);
            if (!bigger)
                break;
            if (pending == small)
                for (int64_t i = 0; i < n; i++)
                    bigger[i] = small[i];
            pending = bigger;
            cap *= 2;
        }
        mp_incref(MP_OBJ(wr));
        pending[n++] = wr;
    }
    for (int64_t i = 0; i < n; i++) {
        weakref_call_callback(pending[i]);
        mp_decref(MP_OBJ(pending[i]));
    }
    if (pending != small)
        free(pending);
}

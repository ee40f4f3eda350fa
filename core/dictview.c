/* dictview.c — dict views and dict iterators (see dictview.h). */
#include "dictview.h"
#include "abstract.h"
#include "dict.h"
#include "err.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "methods.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

_Static_assert(sizeof(MpDictView) <= 24, "view fits CPython's size");
_Static_assert(sizeof(MpDictIter) <= 56, "dict iterator fits CPython's size");

static DictViewKind view_kind(const MpType *t)
{
    return t == &MpDictKeys_Type || t == &MpDictKeyIter_Type ? DV_KEYS
         : t == &MpDictValues_Type || t == &MpDictValueIter_Type ? DV_VALUES : DV_ITEMS;
}

/* ---- iterators ------------------------------------------------------------- */

MpObject *dictiter_new(MpObject *dict, DictViewKind kind)
{
    MpType *t = kind == DV_KEYS ? &MpDictKeyIter_Type
              : kind == DV_VALUES ? &MpDictValueIter_Type : &MpDictItemIter_Type;
    MpDictIter *it = (MpDictIter *)object_new(t, 0, sizeof(MpDictIter));
    if (!it)
        return NULL;
    it->dict = mp_newref(dict);
    it->used = dict_size(dict);
    it->len = it->used;
    if (kind == DV_ITEMS) {
        it->result = tuple_pack(2, MP_NONE, MP_NONE);
        if (!it->result) {
            mp_decref(MP_OBJ(it));
            return NULL;
        }
    }
    gc_track(MP_OBJ(it));
    return MP_OBJ(it);
}

static MpObject *dictiter_iter(MpObject *o) { return mp_newref(o); }

static MpObject *dictiter_next(MpObject *o)
{
    MpDictIter *it = (MpDictIter *)o;
    MpObject *d = it->dict, *k, *v;
    if (!d)
        return NULL;
    if (it->used != dict_size(d)) {
        err_set(&MpExc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;   /* sticky */
        return NULL;
    }
    if (!dict_next(d, &it->pos, &k, &v)) {
        it->dict = NULL;
        mp_decref(d);
        return NULL;
    }
    if (it->len == 0) {
        err_set(&MpExc_RuntimeError, "dictionary keys changed during iteration");
        it->dict = NULL;
        mp_decref(d);
        return NULL;
    }
    it->len--;
    switch (view_kind(o->type)) {
    case DV_KEYS:
        return mp_newref(k);
    case DV_VALUES:
        return mp_newref(v);
    default:
        break;
    }
    MpObject *r = it->result;
    if (r && r->refcnt == 1) {
        /* nobody kept the last pair: refill it (CPython's reuse) */
        MpTuple *t = (MpTuple *)r;
        MpObject *oldk = t->items[0], *oldv = t->items[1];
        mp_incref(r);
        t->items[0] = mp_newref(k);
        t->items[1] = mp_newref(v);
        mp_decref(oldk);
        mp_decref(oldv);
        if (!gc_is_tracked(r))
            gc_track(r);
        return r;
    }
    return tuple_pack(2, k, v);
}

int64_t dictiter_length_hint(MpObject *o)
{
    MpDictIter *it = (MpDictIter *)o;
    return it->dict && it->used == dict_size(it->dict) ? it->len : 0;
}

static MpObject *dictiter_m_length_hint(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("dict_keyiterator.__length_hint__", nargs, kw) < 0)
        return NULL;
    return int_from_i64(dictiter_length_hint(self));
}

static int dictiter_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpDictIter *it = (MpDictIter *)o;
    int r;
    if (it->dict && (r = visit(it->dict, arg)))
        return r;
    if (it->result && (r = visit(it->result, arg)))
        return r;
    return 0;
}

static void dictiter_dealloc(MpObject *o)
{
    MpDictIter *it = (MpDictIter *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    MP_CLEAR(it->dict);
    MP_CLEAR(it->result);
    object_free(o);
    trash_end();
}

static const MpMethodDef dictiter_methods[] = {
    { "__length_hint__", dictiter_m_length_hint, 0 },
    { NULL, NULL, 0 },
};

#define DICTITER_TYPE(var, tname) \
    MpType var = { \
        .ob = MP_STATIC_TYPE_HEAD, .name = tname, .basicsize = 56, .flags = MP_TF_GC, \
        .dealloc = dictiter_dealloc, .traverse = dictiter_traverse, \
        .methods = dictiter_methods, .iter = dictiter_iter, .iternext = dictiter_next, \
        .base = &MpBaseObject_Type, \
    }

DICTITER_TYPE(MpDictKeyIter_Type, "dict_keyiterator");
DICTITER_TYPE(MpDictValueIter_Type, "dict_valueiterator");
DICTITER_TYPE(MpDictItemIter_Type, "dict_itemiterator");

/* ---- views ------------------------------------------------------------------ */

MpObject *dictview_new(MpObject *dict, DictViewKind kind)
{
    MpType *t = kind == DV_KEYS ? &MpDictKeys_Type
              : kind == DV_VALUES ? &MpDictValues_Type : &MpDictItems_Type;
    MpDictView *v = (MpDictView *)object_new(t, 0, sizeof(MpDictView));
    if (!v)
        return NULL;
    v->dict = mp_newref(dict);
    gc_track(MP_OBJ(v));
    return MP_OBJ(v);
}

static MpObject *view_dict(MpObject *view) { return ((MpDictView *)view)->dict; }

int64_t dictview_len(MpObject *view) { return dict_size(view_dict(view)); }

/* identity, then ==, as PyObject_RichCompareBool */
static int same_value(MpObject *a, MpObject *b)
{
    if (a == b)
        return 1;
    mp_incref(a);
    int r = obj_compare_bool(a, b, OPK_Eq);
    mp_decref(a);
    return r;
}

int dictview_contains(MpObject *view, MpObject *x)
{
    MpObject *d = view_dict(view);
    switch (view_kind(view->type)) {
    case DV_KEYS:
        if (dict_getitem(d, x))
            return 1;
        return err_occurred() ? -1 : 0;
    case DV_ITEMS: {
        if (x->type != &MpTuple_Type || tuple_size(x) != 2)
            return 0;
        MpObject *found = dict_getitem(d, tuple_item(x, 0));
        if (!found)
            return err_occurred() ? -1 : 0;
        return same_value(found, tuple_item(x, 1));
    }
    default: {
        MpObject *it = dictiter_new(d, DV_VALUES), *v;
        if (!it)
            return -1;
        int r = 0;
        while (r == 0 && (v = dictiter_next(it))) {
            r = same_value(v, x);
            mp_decref(v);
        }
        mp_decref(it);
        return r;
    }
    }
}

static MpObject *dictview_iter(MpObject *o) { return dictiter_new(view_dict(o), view_kind(o->type)); }

static MpObject *dictview_repr(MpObject *o)
{
    MpObject *l = list_new(0), *it = dictview_iter(o), *v = NULL;
    if (l && it)
        while ((v = dictiter_next(it))) {
            int r = list_append(l, v);
            mp_decref(v);
            if (r < 0)
                break;
        }
    mp_xdecref(it);
    if (!l || err_occurred()) {
        mp_xdecref(l);
        return NULL;
    }
    StrBuf b = { 0 };
    strbuf_cstr(&b, o->type->name);
    strbuf_cstr(&b, "(");
    strbuf_repr(&b, l);
    strbuf_cstr(&b, ")");
    mp_decref(l);
    return strbuf_finish(&b);
}

/* keys and items views compare like sets: same size, every element in the
 * other (a set or a view of the same kind) */
static int dictview_eq(MpObject *a, MpObject *b)
{
    int b_is_set = b->type == &MpSet_Type || b->type == &MpFrozenSet_Type;
    if (view_kind(a->type) == DV_VALUES || !(b_is_set || b->type == &MpDictKeys_Type
                                             || b->type == &MpDictItems_Type))
        return a == b;
    int64_t nb = obj_len(b);
    if (nb < 0)
        return -1;
    if (nb != dictview_len(a))
        return 0;
    MpObject *it = dictview_iter(a), *v;
    if (!it)
        return -1;
    int r = 1;
    while (r == 1 && (v = dictiter_next(it))) {
        r = obj_contains(b, v);
        mp_decref(v);
    }
    mp_decref(it);
    return err_occurred() ? -1 : r;
}

static int dictview_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpDictView *v = (MpDictView *)o;
    return v->dict ? visit(v->dict, arg) : 0;
}

static void dictview_dealloc(MpObject *o)
{
    MpDictView *v = (MpDictView *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    MP_CLEAR(v->dict);
    object_free(o);
    trash_end();
}

static MpObject *dictview_m_len(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("__len__", nargs, kw) < 0)
        return NULL;
    return int_from_i64(dictview_len(self));
}

static MpObject *dictview_m_contains(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("__contains__", nargs, kw) < 0)
        return NULL;
    int r = dictview_contains(self, args[0]);
    return r < 0 ? NULL : bool_from(r);
}

static const MpMethodDef dictview_methods[] = {
    { "__len__", dictview_m_len, 0 },
    { "__contains__", dictview_m_contains, 0 },
    { NULL, NULL, 0 },
};

#define DICTVIEW_TYPE(var, tname, eqfn) \
    MpType var = { \
        .ob = MP_STATIC_TYPE_HEAD, .name = tname, .basicsize = 24, .flags = MP_TF_GC, \
        .dealloc = dictview_dealloc, .traverse = dictview_traverse, .eq = eqfn, \
        .repr = dictview_repr, .methods = dictview_methods, .iter = dictview_iter, \
        .base = &MpBaseObject_Type, \
    }

DICTVIEW_TYPE(MpDictKeys_Type, "dict_keys", dictview_eq);
DICTVIEW_TYPE(MpDictValues_Type, "dict_values", NULL);
DICTVIEW_TYPE(MpDictItems_Type, "dict_items", dictview_eq);

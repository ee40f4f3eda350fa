/* methods_dict.c — the methods of dict (CPython 3.11's dictobject.c):
 * get, keys, values, items, pop, popitem, setdefault, update, clear, copy
 * and the class method fromkeys.  keys/values/items return views
 * (dictview.h). */
#include "methods.h"
#include "abstract.h"
#include "dict.h"
#include "dictview.h"
#include "err.h"
#include "str.h"
#include "tuple.h"

static MpObject *none(void) { return mp_newref(MP_NONE); }

static MpObject *dict_m_get(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_range("dict.get", "get", nargs, kw, 1, 2) < 0)
        return NULL;
    MpObject *v = dict_getitem(self, args[0]);
    if (!v && err_occurred())
        return NULL;
    return mp_newref(v ? v : nargs == 2 ? args[1] : MP_NONE);
}

static MpObject *dict_m_keys(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return meth_noargs("dict.keys", nargs, kw) < 0 ? NULL : dictview_new(self, DV_KEYS);
}

static MpObject *dict_m_values(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return meth_noargs("dict.values", nargs, kw) < 0 ? NULL : dictview_new(self, DV_VALUES);
}

static MpObject *dict_m_items(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return meth_noargs("dict.items", nargs, kw) < 0 ? NULL : dictview_new(self, DV_ITEMS);
}

static MpObject *dict_m_pop(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_range("dict.pop", "pop", nargs, kw, 1, 2) < 0)
        return NULL;
    MpObject *v = dict_size(self) ? dict_getitem(self, args[0]) : NULL;
    if (!v) {
        if (err_occurred())
            return NULL;
        if (nargs == 2)
            return mp_newref(args[1]);
        err_set_value(&MpExc_KeyError, args[0]);
        return NULL;
    }
    mp_incref(v);
    if (dict_delitem(self, args[0]) < 0) {
        mp_decref(v);
        return NULL;
    }
    return v;
}

static MpObject *dict_m_popitem(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("dict.popitem", nargs, kw) < 0)
        return NULL;
    if (dict_size(self) == 0) {
        MpObject *msg = str_from_cstr("popitem(): dictionary is empty");
        if (msg) {
            err_set_value(&MpExc_KeyError, msg);
            mp_decref(msg);
        }
        return NULL;
    }
    MpObject *k = NULL, *v = NULL, *kk, *vv;
    int64_t pos = 0;
    while (dict_next(self, &pos, &kk, &vv)) {
        k = kk;
        v = vv;
    }
    MpObject *pair = tuple_pack(2, k, v);
    if (!pair)
        return NULL;
    if (dict_delitem(self, k) < 0) {
        mp_decref(pair);
        return NULL;
    }
    return pair;
}

static MpObject *dict_m_setdefault(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_range("dict.setdefault", "setdefault", nargs, kw, 1, 2) < 0)
        return NULL;
    MpObject *v = dict_getitem(self, args[0]);
    if (v)
        return mp_newref(v);
    if (err_occurred())
        return NULL;
    v = nargs == 2 ? args[1] : MP_NONE;
    if (dict_setitem(self, args[0], v) < 0)
        return NULL;
    return mp_newref(v);
}

static int store(MpObject *d, MpObject *k, MpObject *v)
{
    return d->type == &MpDict_Type ? dict_setitem(d, k, v) : obj_setitem(d, k, v);
}

/* dict.update's positional argument: a dict, something with keys(), or an
 * iterable of pairs (PyDict_MergeFromSeq2's messages). */
static int merge_from(MpObject *self, MpObject *other)
{
    MpObject *k, *v;
    if (other->type == &MpDict_Type) {
        int64_t pos = 0;
        while (dict_next(other, &pos, &k, &v))
            if (store(self, k, v) < 0)
                return -1;
        return 0;
    }
    if (obj_hasattr_cstr(other, "keys")) {
        MpObject *keys = obj_getattr_cstr(other, "keys"), *ks = NULL, *it = NULL;
        if (keys)
            ks = obj_call(keys, NULL, 0, NULL);
        mp_xdecref(keys);
        if (ks)
            it = obj_iter(ks);
        mp_xdecref(ks);
        if (!it)
            return -1;
        while ((k = obj_next(it))) {
            v = obj_getitem(other, k);
            int r = v ? store(self, k, v) : -1;
            mp_xdecref(v);
            mp_decref(k);
            if (r < 0)
                break;
        }
        mp_decref(it);
        return err_occurred() ? -1 : 0;
    }
    MpObject *it = obj_iter(other), *item;
    if (!it)
        return -1;
    for (int64_t i = 0; (item = obj_next(it)); i++) {
        MpObject *pair = seq_to_tuple(item);
        mp_decref(item);
        if (!pair) {
            if (err_matches(&MpExc_TypeError))
                err_set(&MpExc_TypeError,
                        "cannot convert dictionary update sequence element #%lld to a sequence",
                        (long long)i);
            break;
        }
        int r;
        if (tuple_size(pair) != 2) {
            err_set(&MpExc_ValueError,
                    "dictionary update sequence element #%lld has length %lld; 2 is required",
                    (long long)i, (long long)tuple_size(pair));
            r = -1;
        } else {
            r = store(self, tuple_item(pair, 0), tuple_item(pair, 1));
        }
        mp_decref(pair);
        if (r < 0)
            break;
    }
    mp_decref(it);
    return err_occurred() ? -1 : 0;
}

static MpObject *dict_m_update(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (nargs > 1) {
        err_set(&MpExc_TypeError, "update expected at most 1 argument, got %d", nargs);
        return NULL;
    }
    if (nargs == 1 && merge_from(self, args[0]) < 0)
        return NULL;
    for (int i = 0; i < meth_nkw(kw); i++)
        if (store(self, tuple_item(kw, i), args[nargs + i]) < 0)
            return NULL;
    return none();
}

static MpObject *dict_m_clear(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("dict.clear", nargs, kw) < 0)
        return NULL;
    dict_clear(self);
    return none();
}

static MpObject *dict_m_copy(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    return meth_noargs("dict.copy", nargs, kw) < 0 ? NULL : dict_copy(self);
}

/* dict.fromkeys(iterable, value=None): self is the class. */
static MpObject *dict_m_fromkeys(MpObject *cls, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_range("dict.fromkeys", "fromkeys", nargs, kw, 1, 2) < 0)
        return NULL;
    MpObject *value = nargs == 2 ? args[1] : MP_NONE;
    MpObject *d = cls == MP_OBJ(&MpDict_Type) ? dict_new() : obj_call(cls, NULL, 0, NULL);
    if (!d)
        return NULL;
    MpObject *it = obj_iter(args[0]), *k;
    if (!it) {
        mp_decref(d);
        return NULL;
    }
    while ((k = obj_next(it))) {
        int r = store(d, k, value);
        mp_decref(k);
        if (r < 0)
            break;
    }
    mp_decref(it);
    if (err_occurred()) {
        mp_decref(d);
        return NULL;
    }
    return d;
}

const MpMethodDef dict_methods[] = {
    { "get", dict_m_get, 0 },
    { "keys", dict_m_keys, 0 },
    { "values", dict_m_values, 0 },
    { "items", dict_m_items, 0 },
    { "pop", dict_m_pop, 0 },
    { "popitem", dict_m_popitem, 0 },
    { "setdefault", dict_m_setdefault, 0 },
    { "update", dict_m_update, 0 },
    { "clear", dict_m_clear, 0 },
    { "copy", dict_m_copy, 0 },
    { "fromkeys", dict_m_fromkeys, MP_METH_CLASS },
    { NULL, NULL, 0 },
};

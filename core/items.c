/* items.c — subscripts (get, set, delete, slices), `in`, and iteration
 * for builtin containers and for instances through __getitem__,
 * __setitem__, __delitem__, __contains__, __iter__ and __next__. */
#include <stdio.h>
#include "abstract.h"
#include "err.h"
#include "weakref.h"
#include "int.h"
#include "str.h"
#include "list.h"
#include "tuple.h"
#include "dict.h"
#include "set.h"
#include "iter.h"
#include "dictview.h"
#include "class.h"

static int is_heap(const MpObject *o) { return (o->type->flags & MP_TF_HEAPTYPE) && o->type != &MpType_Type; }

static int norm_index(MpObject *key, int64_t len, int64_t *out, const char *what, int assign)
{
    int64_t i = int_as_i64(key);
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        err_set(&MpExc_IndexError, "%s %sindex out of range", what, assign ? "assignment " : "");
        return -1;
    }
    *out = i;
    return 0;
}

static MpObject *seq_item(MpObject *o, int64_t i)
{
    if (o->type == &MpList_Type) return mp_newref(list_getitem(o, i));
    if (o->type == &MpTuple_Type) return mp_newref(tuple_item(o, i));
    uint32_t c = str_char_at(o, i);
    return str_from_codepoints(&c, 1);
}

static MpObject *seq_slice(MpObject *o, MpObject *slice)
{
    int64_t start, stop, step, n;
    if (slice_indices(slice, obj_len(o), &start, &stop, &step, &n) < 0)
        return NULL;
    if (o->type == &MpStr_Type) {
        StrBuf b = { 0 };
        for (int64_t k = 0, i = start; k < n; k++, i += step) {
            uint32_t c = str_char_at(o, i);
            MpObject *ch = str_from_codepoints(&c, 1);
            if (!ch) {
                b.failed = 1;
                break;
            }
            strbuf_str(&b, ch);
            mp_decref(ch);
        }
        return strbuf_finish(&b);
    }
    if (o->type == &MpTuple_Type && step == 1 && start == 0 && n == tuple_size(o))
        return mp_newref(o);
    MpObject *r = o->type == &MpList_Type ? list_new(n) : tuple_new(n);
    if (!r)
        return NULL;
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        MpObject *x = o->type == &MpList_Type ? list_getitem(o, i) : tuple_item(o, i);
        if (o->type == &MpList_Type)
            ((MpList *)r)->items[k] = mp_newref(x);
        else
            ((MpTuple *)r)->items[k] = mp_newref(x);
    }
    return r;
}

static void not_subscriptable(MpObject *o)
{
    if (o->type == &MpType_Type)
        err_set(&MpExc_TypeError, "type '%s' is not subscriptable", ((MpType *)o)->name);
    else
        err_set(&MpExc_TypeError, "'%s' object is not subscriptable", o->type->name);
}

MpObject *obj_getitem(MpObject *o, MpObject *key) { return obj_getitem_inline(o, key); }
int obj_setitem(MpObject *o, MpObject *key, MpObject *value) { return obj_setitem_inline(o, key, value); }

MpObject *obj_getitem_rest(MpObject *o, MpObject *key)
{
    MpType *t = o->type;
    if (t == &MpDict_Type && dict_plain_key(key)) {
        /* obj_getitem_inline looked it up and found nothing */
        if (!err_occurred())   /* a key's __eq__ may have raised */
            err_set_value(&MpExc_KeyError, key);
        return NULL;
    }
    if (weakref_is_proxy(o) || weakref_is_proxy(key)) {
        MpObject *u = weakproxy_unwrap(o), *k = u ? weakproxy_unwrap(key) : NULL;
        MpObject *r = k ? obj_getitem(u, k) : NULL;
        mp_xdecref(u);
        mp_xdecref(k);
        return r;
    }
    if (t == &MpList_Type || t == &MpTuple_Type || t == &MpStr_Type) {
        const char *what = t == &MpList_Type ? "list" : t == &MpTuple_Type ? "tuple" : "string";
        if (int_check(key)) {
            int64_t i;
            if (norm_index(key, obj_len(o), &i, what, 0) < 0)
                return NULL;
            return seq_item(o, i);
        }
        if (key->type == &MpSlice_Type)
            return seq_slice(o, key);
        err_set(&MpExc_TypeError, "%s indices must be integers or slices, not %s",
                t == &MpStr_Type ? "string" : what, key->type->name);
        return NULL;
    }
    if (t == &MpBytes_Type)
        return bytes_getitem(o, key);
    if (t == &MpDict_Type) {
        if (obj_hash(key) == -1 && err_occurred())
            return NULL;
        MpObject *v = dict_getitem(o, key);
        if (v)
            return mp_newref(v);
        if (!err_occurred())
            err_set_value(&MpExc_KeyError, key);
        return NULL;
    }
    if (t == &MpRange_Type && int_check(key)) {
        MpRange *r = (MpRange *)o;
        int64_t i;
        if (norm_index(key, r->len, &i, "range object", 0) < 0)
            return NULL;
        return int_from_i64(r->start + i * r->step);
    }
    if (is_heap(o)) {
        int missing;
        MpObject *r = obj_call_method(o, "__getitem__", &key, 1, &missing);
        if (!missing)
            return r;
    }
    not_subscriptable(o);
    return NULL;
}

static int list_assign_slice(MpObject *l, MpObject *slice, MpObject *value)
{
    int64_t start, stop, step, n;
    if (slice_indices(slice, list_size(l), &start, &stop, &step, &n) < 0)
        return -1;
    MpObject *items = NULL;
    if (value) {
        items = seq_to_list(value);
        if (!items) {
            if (err_matches(&MpExc_TypeError)) {
                err_clear();
                err_set(&MpExc_TypeError, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
            }
            return -1;
        }
    }
    int64_t m = items ? list_size(items) : 0;
    if (step != 1) {
        if (items && m != n) {
            err_set(&MpExc_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                    (long long)m, (long long)n);
            mp_decref(items);
            return -1;
        }
        if (items) {
            for (int64_t k = 0, i = start; k < n; k++, i += step)
                list_setitem(l, i, list_getitem(items, k));
            mp_decref(items);
            return 0;
        }
        /* delete: collect survivors */
        MpObject *keep = list_new(0);
        if (!keep)
            return -1;
        for (int64_t i = 0; i < list_size(l); i++) {
            int del = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                               : (i <= start && i > stop && (start - i) % (-step) == 0);
            if (!del)
                list_append(keep, list_getitem(l, i));
        }
        list_clear(l);
        for (int64_t i = 0; i < list_size(keep); i++)
            list_append(l, list_getitem(keep, i));
        mp_decref(keep);
        return 0;
    }
    if (stop < start)
        stop = start;
    /* the new contents: prefix, the new items, suffix; then the list takes
     * them over and the old item array is released (last to first) */
    MpObject *result = list_new(0);
    int rc = result ? 0 : -1;
    for (int64_t i = 0; rc == 0 && i < start; i++)
        rc = list_append(result, list_getitem(l, i));
    for (int64_t k = 0; rc == 0 && k < m; k++)
        rc = list_append(result, list_getitem(items, k));
    for (int64_t i = stop; rc == 0 && i < list_size(l); i++)
        rc = list_append(result, list_getitem(l, i));
    mp_xdecref(items);
    if (rc < 0) {
        mp_xdecref(result);
        return -1;
    }
    MpList *L = (MpList *)l, *R = (MpList *)result;
    MpObject **it = L->items;
    int64_t sz = L->size, al = L->allocated;
    L->items = R->items; L->size = R->size; L->allocated = R->allocated;
    R->items = it; R->size = sz; R->allocated = al;
    mp_decref(result);
    return 0;
}

int obj_setitem_rest(MpObject *o, MpObject *key, MpObject *value)
{
    MpType *t = o->type;
    if (weakref_is_proxy(o)) {
        MpObject *u = weakproxy_unwrap(o);
        int r = u ? obj_setitem(u, key, value) : -1;
        mp_xdecref(u);
        return r;
    }
    if (t == &MpList_Type) {
        if (int_check(key)) {
            int64_t i;
            if (norm_index(key, list_size(o), &i, "list", 1) < 0)
                return -1;
            if (value) {
                list_setitem(o, i, value);
                return 0;
            }
            MpObject *x = list_pop(o, i);
            if (!x)
                return -1;
            mp_decref(x);
            return 0;
        }
        if (key->type == &MpSlice_Type)
            return list_assign_slice(o, key, value);
        err_set(&MpExc_TypeError, "list indices must be integers or slices, not %s", key->type->name);
        return -1;
    }
    if (t == &MpDict_Type) {
        if (obj_hash(key) == -1 && err_occurred())
            return -1;
        if (value)
            return dict_setitem(o, key, value);
        if (!dict_getitem(o, key)) {
            if (!err_occurred())
                err_set_value(&MpExc_KeyError, key);
            return -1;
        }
        return dict_delitem(o, key);
    }
    if (is_heap(o)) {
        int missing;
        MpObject *args[2] = { key, value };
        MpObject *r = obj_call_method(o, value ? "__setitem__" : "__delitem__", args, value ? 2 : 1, &missing);
        if (!missing) {
            if (!r)
                return -1;
            mp_decref(r);
            return 0;
        }
    }
    if (value)
        err_set(&MpExc_TypeError, "'%s' object does not support item assignment", t->name);
    else
        err_set(&MpExc_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

int obj_contains(MpObject *c, MpObject *item)
{
    MpType *t = c->type;
    if (weakref_is_proxy(c)) {
        MpObject *u = weakproxy_unwrap(c);
        int r = u ? obj_contains(u, item) : -1;
        mp_xdecref(u);
        return r;
    }
    if (t == &MpDict_Type) {
        if (obj_hash(item) == -1 && err_occurred())
            return -1;
        MpObject *v = dict_getitem(c, item);
        return v ? 1 : err_occurred() ? -1 : 0;
    }
    if (t == &MpSet_Type || t == &MpFrozenSet_Type) {
        if (obj_hash(item) == -1 && err_occurred())
            return -1;
        return set_contains(c, item);
    }
    if (t == &MpStr_Type) {
        if (!str_check(item)) {
            err_set(&MpExc_TypeError, "'in <string>' requires string as left operand, not %s", item->type->name);
            return -1;
        }
        int64_t n = str_len(c), m = str_len(item);
        for (int64_t i = 0; i + m <= n; i++) {
            int64_t k = 0;
            while (k < m && str_char_at(c, i + k) == str_char_at(item, k))
                k++;
            if (k == m)
                return 1;
        }
        return 0;
    }
    if (t == &MpBytes_Type)
        return bytes_contains(c, item);
    if (t == &MpRange_Type && int_check(item)) {
        MpRange *r = (MpRange *)c;
        int64_t v = int_as_i64(item);
        if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop))
            return 0;
        return (v - r->start) % r->step == 0;
    }
    if (dictview_check(c))
        return dictview_contains(c, item);
    if (is_heap(c)) {
        int missing;
        MpObject *r = obj_call_method(c, "__contains__", &item, 1, &missing);
        if (!missing) {
            if (!r)
                return -1;
            int v = obj_truth(r);
            mp_decref(r);
            return v;
        }
    }
    MpObject *it = obj_iter(c), *x;
    if (!it) {
        if (err_matches(&MpExc_TypeError)) {
            err_clear();
            err_set(&MpExc_TypeError, "argument of type '%s' is not iterable", t->name);
        }
        return -1;
    }
    int found = 0;
    while (!found && (x = obj_next(it))) {
        found = x == item ? 1 : obj_compare_bool(x, item, OPK_Eq);
        mp_decref(x);
        if (found < 0)
            break;
    }
    mp_decref(it);
    return found < 0 || (!found && err_occurred()) ? -1 : found;
}

MpObject *obj_iter(MpObject *o)
{
    MpType *t = o->type;
    if (t == &MpList_Type || t == &MpTuple_Type || t == &MpStr_Type || t == &MpBytes_Type)
        return seqiter_new(o);
    if (t == &MpDict_Type)
        return dictiter_new(o, DV_KEYS);
    if (t == &MpSet_Type || t == &MpFrozenSet_Type)
        return setiter_new(o);
    if (is_heap(o)) {
        int missing;
        MpObject *r = obj_call_method(o, "__iter__", NULL, 0, &missing);
        if (!missing) {
            if (r && !r->type->iternext && !(is_heap(r) && class_lookup_cstr(r->type, "__next__"))) {
                err_set(&MpExc_TypeError, "iter() returned non-iterator of type '%s'", r->type->name);
                mp_decref(r);
                return NULL;
            }
            return r;
        }
        /* the old sequence protocol */
        MpObject *gi = NULL;
        for (MpType *c = t; c && !gi; c = c->base)
            if (c->dict)
                gi = dict_getitem_cstr(c->dict, "__getitem__");
        if (gi)
            return calliter_new(o);
    }
    for (MpType *c = t; c; c = c->base)
        if (c->iter)
            return c->iter(o);
    err_set(&MpExc_TypeError, "'%s' object is not iterable", t->name);
    return NULL;
}

MpObject *obj_next(MpObject *it)
{
    MpType *t = it->type;
    for (MpType *c = t; c; c = c->base)
        if (c->iternext)
            return c->iternext(it);
    if (is_heap(it)) {
        int missing;
        MpObject *r = obj_call_method(it, "__next__", NULL, 0, &missing);
        if (!missing) {
            if (!r && err_matches(&MpExc_StopIteration))
                err_clear();
            return r;
        }
    }
    err_set(&MpExc_TypeError, "'%s' object is not an iterator", t->name);
    return NULL;
}

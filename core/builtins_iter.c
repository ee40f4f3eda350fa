/* builtins_iter.c — the iterator types behind enumerate, zip, map, filter
 * and reversed (CPython sizes: enumerate 56 + GC head, zip 48, map 32,
 * filter 32, reversed 32). */
#include "builtins_int.h"
#include "abstract.h"
#include "err.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "tuple.h"
#include "dict.h"

extern MpType MpMap_Type, MpFilter_Type;

/* One layout for the five (32 bytes, the smallest of CPython's): `its`
 * is the iterator (or tuple of iterators, or reversed's sequence); the
 * second word is map's and filter's function, or a counter. */
typedef struct MpLazy {
    MpObject ob;
    MpObject *its;
    union { MpObject *fn; int64_t index; } u;
} MpLazy;

_Static_assert(sizeof(MpLazy) <= 32, "fits the smallest CPython size");

#define seq its
#define fn u.fn
#define index u.index

static int has_fn(const MpObject *o) { return o->type == &MpMap_Type || o->type == &MpFilter_Type; }

static int lazy_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpLazy *z = (MpLazy *)o;
    int r;
    if (z->its && (r = visit(z->its, arg)))
        return r;
    return has_fn(o) && z->fn ? visit(z->fn, arg) : 0;
}

static void lazy_clear(MpObject *o)
{
    MpLazy *z = (MpLazy *)o;
    MP_CLEAR(z->its);
    if (has_fn(o))
        MP_CLEAR(z->fn);
}

static void lazy_dealloc(MpObject *o)
{
    gc_untrack(o);
    lazy_clear(o);
    object_free(o);
}

static MpObject *lazy_self(MpObject *o) { return mp_newref(o); }

static MpObject *enumerate_next(MpObject *o)
{
    MpLazy *z = (MpLazy *)o;
    MpObject *x = obj_next(z->its);
    if (!x)
        return NULL;
    MpObject *i = int_from_i64(z->index++);
    MpObject *t = i ? tuple_pack(2, i, x) : NULL;
    mp_xdecref(i);
    mp_decref(x);
    return t;
}

static MpObject *zip_next(MpObject *o)
{
    MpLazy *z = (MpLazy *)o;
    int64_t n = tuple_size(z->its);
    if (n == 0)
        return NULL;
    MpObject *t = tuple_new(n);
    if (!t)
        return NULL;
    for (int64_t i = 0; i < n; i++) {
        MpObject *x = obj_next(tuple_item(z->its, i));
        if (!x) {
            mp_decref(t);
            return NULL;
        }
        ((MpTuple *)t)->items[i] = x;
    }
    return t;
}

static MpObject *map_next(MpObject *o)
{
    MpLazy *z = (MpLazy *)o;
    int64_t n = tuple_size(z->its);
    MpObject *args[16];
    for (int64_t i = 0; i < n; i++) {
        args[i] = obj_next(tuple_item(z->its, i));
        if (!args[i]) {
            for (int64_t k = 0; k < i; k++)
                mp_decref(args[k]);
            return NULL;
        }
    }
    MpObject *r = obj_call(z->fn, args, (int)n, NULL);
    for (int64_t k = 0; k < n; k++)
        mp_decref(args[k]);
    return r;
}

static MpObject *filter_next(MpObject *o)
{
    MpLazy *z = (MpLazy *)o;
    for (;;) {
        MpObject *x = obj_next(z->its);
        if (!x)
            return NULL;
        int ok;
        if (z->fn == MP_NONE || !z->fn) {
            ok = obj_truth(x);
        } else {
            MpObject *r = obj_call(z->fn, &x, 1, NULL);
            ok = r ? obj_truth(r) : -1;
            mp_xdecref(r);
        }
        if (ok > 0)
            return x;
        mp_decref(x);
        if (ok < 0)
            return NULL;
    }
}

static MpObject *reversed_next(MpObject *o)
{
    MpLazy *z = (MpLazy *)o;
    if (!z->seq || z->index < 0) {
        MP_CLEAR(z->seq);
        return NULL;
    }
    MpObject *i = int_from_i64(z->index--);
    if (!i)
        return NULL;
    MpObject *r = obj_getitem(z->seq, i);
    mp_decref(i);
    return r;
}

#define LAZY_TYPE(var, pyname, size, next) \
    MpType var = { .ob = MP_STATIC_TYPE_HEAD, .name = pyname, .basicsize = size, \
        .flags = MP_TF_GC, .dealloc = lazy_dealloc, .traverse = lazy_traverse, \
        .clear = lazy_clear, .iter = lazy_self, .iternext = next }

LAZY_TYPE(MpEnumerate_Type, "enumerate", 56, enumerate_next);
LAZY_TYPE(MpZip_Type, "zip", 48, zip_next);
LAZY_TYPE(MpMap_Type, "map", 32, map_next);
LAZY_TYPE(MpFilter_Type, "filter", 32, filter_next);
LAZY_TYPE(MpReversed_Type, "reversed", 32, reversed_next);

static MpLazy *lazy_new(MpType *t)
{
    MpLazy *z = (MpLazy *)object_new(t, 0, sizeof(MpLazy));
    return z;
}

static MpObject *iters_of(MpObject **args, int n)
{
    MpObject *t = tuple_new(n);
    if (!t)
        return NULL;
    for (int i = 0; i < n; i++) {
        MpObject *it = obj_iter(args[i]);
        if (!it) {
            mp_decref(t);
            return NULL;
        }
        ((MpTuple *)t)->items[i] = it;
    }
    return t;
}

static MpObject *finish(MpLazy *z)
{
    gc_track(MP_OBJ(z));
    return MP_OBJ(z);
}

static MpObject *enumerate_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    MpObject *start = arg_kw(args, nargs, kwnames, "start");
    if (nargs < 1 || nargs > 2) {
        err_set(&MpExc_TypeError, nargs ? "enumerate() takes at most 2 arguments (%d given)"
                                        : "enumerate() missing required argument 'iterable' (pos 1)", nargs);
        return NULL;
    }
    if (nargs == 2)
        start = args[1];
    int64_t s = 0;
    if (start && arg_int(start, &s) < 0)
        return NULL;
    MpObject *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    MpLazy *z = lazy_new(t);
    if (!z) {
        mp_decref(it);
        return NULL;
    }
    z->its = it;
    z->index = s;
    return finish(z);
}

static MpObject *zip_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_no_kw("zip", kwnames) < 0)
        return NULL;
    MpObject *its = iters_of(args, nargs);
    if (!its)
        return NULL;
    MpLazy *z = lazy_new(t);
    if (!z) {
        mp_decref(its);
        return NULL;
    }
    z->its = its;
    return finish(z);
}

static MpObject *map_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_no_kw("map", kwnames) < 0)
        return NULL;
    if (nargs < 2 || nargs > 16) {
        err_set(&MpExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    MpObject *its = iters_of(args + 1, nargs - 1);
    if (!its)
        return NULL;
    MpLazy *z = lazy_new(t);
    if (!z) {
        mp_decref(its);
        return NULL;
    }
    z->fn = mp_newref(args[0]);
    z->its = its;
    return finish(z);
}

static MpObject *filter_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_no_kw("filter", kwnames) < 0)
        return NULL;
    if (nargs != 2) {
        err_set(&MpExc_TypeError, "filter expected 2 arguments, got %d", nargs);
        return NULL;
    }
    MpObject *it = obj_iter(args[1]);
    if (!it)
        return NULL;
    MpLazy *z = lazy_new(t);
    if (!z) {
        mp_decref(it);
        return NULL;
    }
    z->fn = mp_newref(args[0]);
    z->its = it;
    return finish(z);
}

static MpObject *reversed_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("reversed", nargs, kwnames, 1, 1) < 0)
        return NULL;
    MpObject *seq = args[0];
    int missing;
    MpObject *r = obj_call_method(seq, "__reversed__", NULL, 0, &missing);
    if (!missing)
        return r;
    int64_t n = seq->type == &MpDict_Type ? -1 : obj_len(seq);
    if (n < 0) {
        err_clear();
        err_set(&MpExc_TypeError, "'%s' object is not reversible", seq->type->name);
        return NULL;
    }
    MpLazy *z = lazy_new(t);
    if (!z)
        return NULL;
    z->seq = mp_newref(seq);
    z->index = n - 1;
    return finish(z);
}

void builtins_iter_init(void)
{
    MpEnumerate_Type.construct = enumerate_construct;
    MpZip_Type.construct = zip_construct;
    MpMap_Type.construct = map_construct;
    MpFilter_Type.construct = filter_construct;
    MpReversed_Type.construct = reversed_construct;
}

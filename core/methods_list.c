/* methods_list.c — the methods of list and tuple (CPython 3.11's
 * listobject.c and tupleobject.c).
 *
 * list.sort is CPython's: the list is emptied while it sorts (so that a
 * key function or __lt__ sees []), `reverse` reverses before and after a
 * stable sort, only `<` is used, and a list changed meanwhile gives
 * "list modified during sort".  The sort itself follows timsort's moves
 * (count_run, binary insertion up to minrun, then merging neighbouring
 * runs) so that a failing comparison leaves the list in the same order as
 * CPython for lists shorter than 64; longer lists are merged without
 * galloping (same result, possibly different comparisons).
 */
#include <stdlib.h>
#include <string.h>
#include "methods.h"
#include "abstract.h"
#include "err.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"

static MpObject *none(void) { return mp_newref(MP_NONE); }

/* ---- shared by list and tuple: index and count ----------------------------- */

/* 1 equal, 0 not, -1 error: identity first, as PyObject_RichCompareBool. */
static int item_eq(MpObject *item, MpObject *x)
{
    if (item == x)
        return 1;
    mp_incref(item);
    int r = obj_compare_bool(item, x, OPK_Eq);
    mp_decref(item);
    return r;
}

static void not_in(MpObject *x, const char *what)
{
    MpObject *r = obj_repr(x);
    if (!r)
        return;
    char buf[200];
    str_to_cbuf(r, buf, sizeof buf);
    mp_decref(r);
    err_set(&MpExc_ValueError, "%s is not in %s", buf, what);
}

/* ---- list --------------------------------------------------------------------- */

static MpObject *list_m_append(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("list.append", nargs, kw) < 0 || list_append(self, args[0]) < 0)
        return NULL;
    return none();
}

/* CPython's PyObject_LengthHint for the iterables it can know (len(), else 8). */
static int64_t length_hint(MpObject *it)
{
    int64_t n = obj_len(it);
    if (n < 0) {
        if (!err_matches(&MpExc_TypeError))
            return -1;
        err_clear();
        n = 8;
    }
    return n;
}

int list_extend(MpObject *self, MpObject *src)
{
    MpList *l = (MpList *)self;
    if (src->type == &MpList_Type || src->type == &MpTuple_Type) {
        int is_list = src->type == &MpList_Type;
        int64_t n = is_list ? list_size(src) : tuple_size(src), m = l->size;
        if (n == 0)
            return 0;
        if (!l->items) {
            if (list_preallocate_exact(self, n) < 0)
                return -1;
            for (int64_t i = 0; i < n; i++)
                l->items[i] = mp_newref(is_list ? list_getitem(src, i) : tuple_item(src, i));
            l->size = n;
            return 0;
        }
        if (list_resize(self, m + n) < 0)
            return -1;
        for (int64_t i = 0; i < n; i++)   /* src may be self: read by index */
            l->items[m + i] = mp_newref(is_list ? list_getitem(src, i) : tuple_item(src, i));
        return 0;
    }
    MpObject *it = obj_iter(src);
    if (!it)
        return -1;
    int64_t hint = length_hint(src), m = l->size;
    if (hint < 0) {
        mp_decref(it);
        return -1;
    }
    if (!l->items && hint > 0) {
        if (list_preallocate_exact(self, hint) < 0) {
            mp_decref(it);
            return -1;
        }
    } else if (hint > 0 && m + hint > l->allocated) {
        if (list_resize(self, m + hint) < 0) {
            mp_decref(it);
            return -1;
        }
        l->size = m;
    }
    MpObject *v;
    while ((v = obj_next(it))) {
        if (l->size < l->allocated) {
            l->items[l->size++] = v;
        } else {
            int r = list_append(self, v);
            mp_decref(v);
            if (r < 0)
                break;
        }
    }
    mp_decref(it);
    if (err_occurred())
        return -1;
    if (l->size < l->allocated && list_resize(self, l->size) < 0)
        return -1;
    return 0;
}

static MpObject *list_m_extend(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("list.extend", nargs, kw) < 0 || list_extend(self, args[0]) < 0)
        return NULL;
    return none();
}

static MpObject *list_m_insert(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    int64_t i;
    if (meth_range("list.insert", "insert", nargs, kw, 2, 2) < 0 || meth_index(args[0], &i) < 0
        || list_insert(self, i, args[1]) < 0)
        return NULL;
    return none();
}

static MpObject *list_m_pop(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    int64_t i = -1;
    if (meth_range("list.pop", "pop", nargs, kw, 0, 1) < 0)
        return NULL;
    if (nargs == 1 && meth_index(args[0], &i) < 0)
        return NULL;
    return list_pop(self, i);
}

static MpObject *list_m_remove(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("list.remove", nargs, kw) < 0)
        return NULL;
    for (int64_t i = 0; i < list_size(self); i++) {
        int r = item_eq(list_getitem(self, i), args[0]);
        if (r < 0)
            return NULL;
        if (r) {
            MpObject *v = list_pop(self, i);
            if (!v)
                return NULL;
            mp_decref(v);
            return none();
        }
    }
    err_set(&MpExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static int seq_index(MpObject *seq, int is_list, MpObject **args, int nargs, int64_t *found)
{
    int64_t n = is_list ? list_size(seq) : tuple_size(seq), start = 0, stop = INT64_MAX;
    if (nargs >= 2 && meth_slice_bound(args[1], 0, n, &start) < 0)
        return -1;
    if (nargs >= 3 && meth_slice_bound(args[2], 0, n, &stop) < 0)
        return -1;
    for (int64_t i = start; i < stop; i++) {
        int64_t size = is_list ? list_size(seq) : tuple_size(seq);
        if (i >= size)
            break;
        int r = item_eq(is_list ? list_getitem(seq, i) : tuple_item(seq, i), args[0]);
        if (r < 0)
            return -1;
        if (r) {
            *found = i;
            return 1;
        }
    }
    return 0;
}

static MpObject *list_m_index(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    int64_t i;
    if (meth_range("list.index", "index", nargs, kw, 1, 3) < 0)
        return NULL;
    int r = seq_index(self, 1, args, nargs, &i);
    if (r < 0)
        return NULL;
    if (r == 0) {
        not_in(args[0], "list");
        return NULL;
    }
    return int_from_i64(i);
}

static MpObject *seq_count(MpObject *seq, int is_list, MpObject *x)
{
    int64_t count = 0;
    for (int64_t i = 0; i < (is_list ? list_size(seq) : tuple_size(seq)); i++) {
        int r = item_eq(is_list ? list_getitem(seq, i) : tuple_item(seq, i), x);
        if (r < 0)
            return NULL;
        count += r;
    }
    return int_from_i64(count);
}

static MpObject *list_m_count(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("list.count", nargs, kw) < 0)
        return NULL;
    return seq_count(self, 1, args[0]);
}

static void reverse_items(MpObject **lo, MpObject **hi)
{
    for (hi--; lo < hi; lo++, hi--) {
        MpObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static MpObject *list_m_reverse(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("list.reverse", nargs, kw) < 0)
        return NULL;
    MpList *l = (MpList *)self;
    if (l->size > 1)
        reverse_items(l->items, l->items + l->size);
    return none();
}

static MpObject *list_m_copy(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("list.copy", nargs, kw) < 0)
        return NULL;
    int64_t n = list_size(self);
    MpObject *c = list_new(n);
    if (!c)
        return NULL;
    for (int64_t i = 0; i < n; i++)
        ((MpList *)c)->items[i] = mp_newref(list_getitem(self, i));
    return c;
}

static MpObject *list_m_clear(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_noargs("list.clear", nargs, kw) < 0)
        return NULL;
    list_clear(self);
    return none();
}

/* ---- sort ------------------------------------------------------------------------ */

/* Keys and values sorted together; vals == keys when there is no key
 * function. */
typedef struct Slice {
    MpObject **keys, **vals;
} Slice;

static void slice_swap_range(Slice s, int64_t lo, int64_t hi)
{
    reverse_items(s.keys + lo, s.keys + hi);
    if (s.vals != s.keys)
        reverse_items(s.vals + lo, s.vals + hi);
}

#define ISLT(a, b) obj_compare_bool((a), (b), OPK_Lt)

/* Length of the run starting at lo (a strictly descending run is reversed
 * in place); -1 on error. */
static int64_t count_run(Slice s, int64_t lo, int64_t hi)
{
    if (lo + 1 == hi)
        return 1;
    int64_t n = 2;
    int r = ISLT(s.keys[lo + 1], s.keys[lo]);
    if (r < 0)
        return -1;
    if (r) {
        for (int64_t i = lo + 2; i < hi; i++, n++) {
            r = ISLT(s.keys[i], s.keys[i - 1]);
            if (r < 0)
                return -1;
            if (!r)
                break;
        }
        slice_swap_range(s, lo, lo + n);
    } else {
        for (int64_t i = lo + 2; i < hi; i++, n++) {
            r = ISLT(s.keys[i], s.keys[i - 1]);
            if (r < 0)
                return -1;
            if (r)
                break;
        }
    }
    return n;
}

/* Binary insertion of [start, hi) into the sorted [lo, start). */
static int binary_sort(Slice s, int64_t lo, int64_t hi, int64_t start)
{
    for (; start < hi; start++) {
        int64_t l = lo, r = start;
        MpObject *pk = s.keys[start], *pv = s.vals[start];
        do {
            int64_t p = l + ((r - l) >> 1);
            int lt = ISLT(pk, s.keys[p]);
            if (lt < 0)
                return -1;
            if (lt)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        for (int64_t p = start; p > l; p--) {
            s.keys[p] = s.keys[p - 1];
            if (s.vals != s.keys)
                s.vals[p] = s.vals[p - 1];
        }
        s.keys[l] = pk;
        s.vals[l] = pv;
    }
    return 0;
}

/* Stable merge of [lo, mid) and [mid, hi) through a copy of the left run;
 * on error the rest of the copy goes back so nothing is lost. */
static int merge_runs(Slice s, int64_t lo, int64_t mid, int64_t hi, MpObject **tk, MpObject **tv)
{
    int64_t na = mid - lo, a = 0, b = mid, k = lo;
    memcpy(tk, s.keys + lo, (size_t)na * sizeof *tk);
    if (s.vals != s.keys)
        memcpy(tv, s.vals + lo, (size_t)na * sizeof *tv);
    int rc = 0;
    while (a < na && b < hi) {
        int lt = ISLT(s.keys[b], tk[a]);
        if (lt < 0) {
            rc = -1;
            break;
        }
        if (lt) {
            s.keys[k] = s.keys[b];
            if (s.vals != s.keys)
                s.vals[k] = s.vals[b];
            b++;
        } else {
            s.keys[k] = tk[a];
            if (s.vals != s.keys)
                s.vals[k] = tv[a];
            a++;
        }
        k++;
    }
    memcpy(s.keys + k, tk + a, (size_t)(na - a) * sizeof *tk);
    if (s.vals != s.keys)
        memcpy(s.vals + k, tv + a, (size_t)(na - a) * sizeof *tv);
    return rc;
}

static int64_t merge_compute_minrun(int64_t n)
{
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int sort_slice(Slice s, int64_t n)
{
    if (n < 2)
        return 0;
    int64_t minrun = merge_compute_minrun(n), nruns = 0, lo = 0;
    int64_t *bounds = malloc((size_t)(n + 1) * sizeof *bounds);
    if (!bounds) {
        err_no_memory();
        return -1;
    }
    int rc = 0;
    bounds[nruns++] = 0;
    while (lo < n) {
        int64_t run = count_run(s, lo, n);
        if (run < 0) {
            rc = -1;
            break;
        }
        if (run < minrun) {
            int64_t force = n - lo <= minrun ? n - lo : minrun;
            if (binary_sort(s, lo, lo + force, lo + run) < 0) {
                rc = -1;
                break;
            }
            run = force;
        }
        lo += run;
        bounds[nruns++] = lo;
    }
    MpObject **tk = NULL, **tv = NULL;
    if (rc == 0 && nruns > 2) {
        tk = malloc((size_t)n * sizeof *tk);
        tv = malloc((size_t)n * sizeof *tv);
        if (!tk || !tv) {
            err_no_memory();
            rc = -1;
        }
    }
    /* merge neighbours pairwise until one run remains */
    while (rc == 0 && nruns > 2) {
        int64_t w = 1;
        for (int64_t i = 1; i < nruns; i += 2) {
            if (i + 1 < nruns) {
                if (merge_runs(s, bounds[i - 1], bounds[i], bounds[i + 1], tk, tv) < 0) {
                    rc = -1;
                    break;
                }
                bounds[w++] = bounds[i + 1];
            } else {
                bounds[w++] = bounds[i];
            }
        }
        nruns = w;
    }
    free(tk);
    free(tv);
    free(bounds);
    return rc;
}

static MpObject *list_m_sort(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    static const char *const names[] = { "key", "reverse" };
    MpObject *opt[2];
    if (nargs > 0) {
        err_set(&MpExc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    if (meth_kw("sort", args, nargs, kw, names, 2, opt) < 0)
        return NULL;
    MpObject *keyfunc = opt[0] == MP_NONE ? NULL : opt[0];
    int64_t reverse = 0;
    if (opt[1] && meth_index(opt[1], &reverse) < 0)
        return NULL;

    /* empty the list while sorting, as CPython */
    MpList *l = (MpList *)self;
    MpObject **saved = l->items;
    int64_t n = l->size, saved_alloc = l->allocated;
    l->items = NULL;
    l->size = 0;
    l->allocated = -1;

    Slice s = { saved, saved };
    int ok = 1;
    if (keyfunc && n > 0) {
        s.keys = malloc((size_t)n * sizeof *s.keys);
        if (!s.keys) {
            err_no_memory();
            ok = 0;
        }
        for (int64_t i = 0; ok && i < n; i++) {
            s.keys[i] = obj_call(keyfunc, &saved[i], 1, NULL);
            if (!s.keys[i]) {
                for (int64_t j = 0; j < i; j++)
                    mp_decref(s.keys[j]);
                free(s.keys);
                s.keys = NULL;
                ok = 0;
            }
        }
        if (!ok)
            goto restore;
    }
    if (reverse && n > 1)
        slice_swap_range(s, 0, n);
    if (sort_slice(s, n) < 0)
        ok = 0;
    if (s.keys != s.vals) {
        for (int64_t i = 0; i < n; i++)
            mp_decref(s.keys[i]);
        free(s.keys);
    }
    if (l->allocated != -1 && ok) {
        err_set(&MpExc_ValueError, "list modified during sort");
        ok = 0;
    }
    if (reverse && n > 1)
        reverse_items(saved, saved + n);
restore:
    /* drop whatever was put in the list meanwhile, then put the items back */
    if (l->allocated == -1)
        l->allocated = 0;
    list_clear(self);
    l->items = saved;
    l->size = n;
    l->allocated = saved_alloc;
    return ok ? none() : NULL;
}

const MpMethodDef list_methods[] = {
    { "append", list_m_append, 0 },
    { "extend", list_m_extend, 0 },
    { "insert", list_m_insert, 0 },
    { "pop", list_m_pop, 0 },
    { "remove", list_m_remove, 0 },
    { "index", list_m_index, 0 },
    { "count", list_m_count, 0 },
    { "sort", list_m_sort, 0 },
    { "reverse", list_m_reverse, 0 },
    { "copy", list_m_copy, 0 },
    { "clear", list_m_clear, 0 },
    { NULL, NULL, 0 },
};

/* ---- tuple ------------------------------------------------------------------------ */

static MpObject *tuple_m_index(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    int64_t i;
    if (meth_range("tuple.index", "index", nargs, kw, 1, 3) < 0)
        return NULL;
    int r = seq_index(self, 0, args, nargs, &i);
    if (r < 0)
        return NULL;
    if (r == 0) {
        err_set(&MpExc_ValueError, "tuple.index(x): x not in tuple");
        return NULL;
    }
    return int_from_i64(i);
}

static MpObject *tuple_m_count(MpObject *self, MpObject **args, int nargs, MpObject *kw)
{
    if (meth_one("tuple.count", nargs, kw) < 0)
        return NULL;
    return seq_count(self, 0, args[0]);
}

const MpMethodDef tuple_methods[] = {
    { "index", tuple_m_index, 0 },
    { "count", tuple_m_count, 0 },
    { NULL, NULL, 0 },
};

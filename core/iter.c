/* iter.c — sequence, set and range iterators; range and slice (iter.h). */
#include <stdio.h>
#include "iter.h"
#include "abstract.h"
#include "err.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "list.h"
#include "tuple.h"
#include "set.h"

/* ---- list, tuple, str iterators ------------------------------------------------ */

static int seqiter_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpSeqIter *it = (MpSeqIter *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static void seqiter_clear(MpObject *o) { MP_CLEAR(((MpSeqIter *)o)->seq); }

static void seqiter_dealloc(MpObject *o)
{
    gc_untrack(o);
    seqiter_clear(o);
    object_free(o);
}

static MpObject *iter_self(MpObject *o) { return mp_newref(o); }

static MpObject *listiter_next(MpObject *o) { return listiter_next_inline(o); }

/* tuple, str and bytes iterators */
static MpObject *seqiter_next(MpObject *o)
{
    MpSeqIter *it = (MpSeqIter *)o;
    MpObject *s = it->seq;
    if (!s)
        return NULL;
    MpObject *r = NULL;
    if (s->type == &MpTuple_Type) {
        if (it->index < tuple_size(s))
            r = mp_newref(tuple_item(s, it->index));
    } else if (s->type == &MpBytes_Type) {
        if (it->index < bytes_size(s))
            r = int_from_i64((unsigned char)bytes_data(s)[it->index]);
        if (!r && it->index < bytes_size(s))
            return NULL;
    } else if (it->index < str_len(s)) {
        uint32_t c = str_char_at(s, it->index);
        r = str_from_codepoints(&c, 1);
        if (!r)
            return NULL;
    }
    if (r) {
        it->index++;
        return r;
    }
    MP_CLEAR(it->seq);
    return NULL;
}

#define SEQITER_TYPE(var, pyname, next) \
    MpType var = { .ob = MP_STATIC_TYPE_HEAD, .name = pyname, .basicsize = 32, \
        .flags = MP_TF_GC, .dealloc = seqiter_dealloc, .traverse = seqiter_traverse, \
        .clear = seqiter_clear, .iter = iter_self, .iternext = next }

SEQITER_TYPE(MpListIter_Type, "list_iterator", listiter_next);
SEQITER_TYPE(MpTupleIter_Type, "tuple_iterator", seqiter_next);
SEQITER_TYPE(MpStrIter_Type, "str_ascii_iterator", seqiter_next);
SEQITER_TYPE(MpBytesIter_Type, "bytes_iterator", seqiter_next);

MpObject *seqiter_new(MpObject *seq)
{
    MpType *t = seq->type == &MpList_Type ? &MpListIter_Type
              : seq->type == &MpTuple_Type ? &MpTupleIter_Type
              : seq->type == &MpBytes_Type ? &MpBytesIter_Type : &MpStrIter_Type;
    MpSeqIter *it = (MpSeqIter *)object_new(t, 0, sizeof(MpSeqIter));
    if (!it)
        return NULL;
    it->seq = mp_newref(seq);
    gc_track(MP_OBJ(it));
    return MP_OBJ(it);
}

/* ---- set iterator ------------------------------------------------------------------- */

typedef struct MpSetIter {
    MpObject ob;
    MpObject *set;
    int64_t used, pos, len;
} MpSetIter;

static MpObject *setiter_next(MpObject *o)
{
    MpSetIter *it = (MpSetIter *)o;
    MpObject *key;
    if (!it->set)
        return NULL;
    if (it->used != set_size(it->set)) {
        err_set(&MpExc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        return NULL;
    }
    if (set_next(it->set, &it->pos, &key)) {
        it->len--;
        return mp_newref(key);
    }
    MP_CLEAR(it->set);
    return NULL;
}

static int setiter_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpSetIter *it = (MpSetIter *)o;
    return it->set ? visit(it->set, arg) : 0;
}

static void setiter_clear(MpObject *o) { MP_CLEAR(((MpSetIter *)o)->set); }

static void setiter_dealloc(MpObject *o)
{
    gc_untrack(o);
    setiter_clear(o);
    object_free(o);
}

MpType MpSetIter_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "set_iterator", .basicsize = 48, .flags = MP_TF_GC,
    .dealloc = setiter_dealloc, .traverse = setiter_traverse, .clear = setiter_clear,
    .iter = iter_self, .iternext = setiter_next,
};

MpObject *setiter_new(MpObject *set)
{
    MpSetIter *it = (MpSetIter *)object_new(&MpSetIter_Type, 0, sizeof(MpSetIter));
    if (!it)
        return NULL;
    it->set = mp_newref(set);
    it->used = it->len = set_size(set);
    gc_track(MP_OBJ(it));
    return MP_OBJ(it);
}

/* ---- range ------------------------------------------------------------------------------ */

static void plain_dealloc(MpObject *o) { object_free(o); }

static MpObject *range_repr(MpObject *o)
{
    MpRange *r = (MpRange *)o;
    char buf[100];
    if (r->step == 1)
        snprintf(buf, sizeof buf, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    else
        snprintf(buf, sizeof buf, "range(%lld, %lld, %lld)", (long long)r->start,
                 (long long)r->stop, (long long)r->step);
    return str_from_cstr(buf);
}

static MpObject *range_iter(MpObject *o) { return rangeiter_new(o); }

MpType MpRange_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "range", .basicsize = 48,
    .dealloc = plain_dealloc, .repr = range_repr, .iter = range_iter,
    .construct = range_construct,
};

MpObject *range_new(int64_t start, int64_t stop, int64_t step)
{
    MpRange *r = (MpRange *)object_new(&MpRange_Type, 0, sizeof(MpRange));
    if (!r)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    int64_t len = 0;
    if (step > 0 && start < stop)
        len = (stop - start - 1) / step + 1;
    else if (step < 0 && start > stop)
        len = (start - stop - 1) / (-step) + 1;
    r->len = len;
    return MP_OBJ(r);
}

MpObject *range_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (kwnames && tuple_size(kwnames)) {
        err_set(&MpExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0)
            err_set(&MpExc_TypeError, "range expected at least 1 argument, got 0");
        else
            err_set(&MpExc_TypeError, "range expected at most 3 arguments, got %d", nargs);
        return NULL;
    }
    int64_t v[3] = { 0, 0, 1 };
    for (int i = 0; i < nargs; i++) {
        if (!int_check(args[i])) {
            err_set(&MpExc_TypeError, "'%s' object cannot be interpreted as an integer",
                    type_name(args[i]));
            return NULL;
        }
        v[nargs == 1 ? 1 : i] = int_as_i64(args[i]);
    }
    if (v[2] == 0) {
        err_set(&MpExc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return range_new(v[0], v[1], v[2]);
}

static MpObject *rangeiter_next(MpObject *o)
{
    int64_t v;
    return rangeiter_next_value(o, &v) ? int_from_i64(v) : NULL;
}

MpType MpRangeIter_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "range_iterator", .basicsize = 48,
    .dealloc = plain_dealloc, .iter = iter_self, .iternext = rangeiter_next,
};

MpObject *rangeiter_new(MpObject *range)
{
    MpRange *r = (MpRange *)range;
    MpRangeIter *it = (MpRangeIter *)object_new(&MpRangeIter_Type, 0, sizeof(MpRangeIter));
    if (!it)
        return NULL;
    it->next = r->start;
    it->step = r->step;
    it->left = r->len;
    return MP_OBJ(it);
}

/* ---- slice ---------------------------------------------------------------------------------- */

static int slice_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpSlice *s = (MpSlice *)o;
    int r;
    if ((r = visit(s->start, arg)) || (r = visit(s->stop, arg)))
        return r;
    return visit(s->step, arg);
}

static void slice_dealloc(MpObject *o)
{
    MpSlice *s = (MpSlice *)o;
    gc_untrack(o);
    MP_CLEAR(s->start);
    MP_CLEAR(s->stop);
    MP_CLEAR(s->step);
    object_free(o);
}

static MpObject *slice_repr(MpObject *o)
{
    MpSlice *s = (MpSlice *)o;
    StrBuf b = { 0 };
    strbuf_cstr(&b, "slice(");
    strbuf_repr(&b, s->start);
    strbuf_cstr(&b, ", ");
    strbuf_repr(&b, s->stop);
    strbuf_cstr(&b, ", ");
    strbuf_repr(&b, s->step);
    strbuf_cstr(&b, ")");
    return strbuf_finish(&b);
}

MpType MpSlice_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "slice", .basicsize = 40, .flags = MP_TF_GC,
    .dealloc = slice_dealloc, .traverse = slice_traverse, .repr = slice_repr,
};

MpObject *slice_new(MpObject *start, MpObject *stop, MpObject *step)
{
    MpSlice *s = (MpSlice *)object_new(&MpSlice_Type, 0, sizeof(MpSlice));
    if (!s)
        return NULL;
    s->start = mp_newref(start);
    s->stop = mp_newref(stop);
    s->step = mp_newref(step);
    gc_track(MP_OBJ(s));
    return MP_OBJ(s);
}

static int slice_value(MpObject *o, int64_t *out)
{
    if (!int_check(o)) {
        err_set(&MpExc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    *out = int_as_i64(o);
    return 0;
}

int slice_indices(MpObject *slice, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *count)
{
    MpSlice *s = (MpSlice *)slice;
    int64_t st = 1;
    if (s->step != MP_NONE) {
        if (slice_value(s->step, &st) < 0)
            return -1;
        if (st == 0) {
            err_set(&MpExc_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    int64_t lo, hi;
    int64_t def_lo = st < 0 ? len - 1 : 0, def_hi = st < 0 ? -1 : len;
    if (s->start == MP_NONE)
        lo = def_lo;
    else {
        if (slice_value(s->start, &lo) < 0)
            return -1;
        if (lo < 0) {
            lo += len;
            if (lo < 0)
                lo = st < 0 ? -1 : 0;
        } else if (lo >= len) {
            lo = st < 0 ? len - 1 : len;
        }
    }
    if (s->stop == MP_NONE)
        hi = def_hi;
    else {
        if (slice_value(s->stop, &hi) < 0)
            return -1;
        if (hi < 0) {
            hi += len;
            if (hi < 0)
                hi = st < 0 ? -1 : 0;
        } else if (hi >= len) {
            hi = st < 0 ? len - 1 : len;
        }
    }
    int64_t n = 0;
    if (st > 0 && lo < hi)
        n = (hi - lo - 1) / st + 1;
    else if (st < 0 && hi < lo)
        n = (lo - hi - 1) / (-st) + 1;
    *start = lo;
    *stop = hi;
    *step = st;
    *count = n;
    return 0;
}

/* ---- the old sequence protocol ------------------------------------------------------ */

static MpObject *calliter_next(MpObject *o)
{
    MpSeqIter *it = (MpSeqIter *)o;
    if (!it->seq)
        return NULL;
    MpObject *idx = int_from_i64(it->index);
    if (!idx)
        return NULL;
    MpObject *r = obj_getitem(it->seq, idx);
    mp_decref(idx);
    if (r) {
        it->index++;
        return r;
    }
    if (err_matches(&MpExc_IndexError) || err_matches(&MpExc_StopIteration)) {
        err_clear();
        MP_CLEAR(it->seq);
    }
    return NULL;
}

MpType MpCallIter_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "iterator", .basicsize = 32,
    .flags = MP_TF_GC, .dealloc = seqiter_dealloc, .traverse = seqiter_traverse,
    .clear = seqiter_clear, .iter = iter_self, .iternext = calliter_next,
};

MpObject *calliter_new(MpObject *o)
{
    MpSeqIter *it = (MpSeqIter *)object_new(&MpCallIter_Type, 0, sizeof(MpSeqIter));
    if (!it)
        return NULL;
    it->seq = mp_newref(o);
    gc_track(MP_OBJ(it));
    return MP_OBJ(it);
}

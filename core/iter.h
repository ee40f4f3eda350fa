/* iter.h — iterators over builtin sequences and sets, range and slice.
 *
 * Sizes are CPython 3.11's: list/tuple/str iterators 32 bytes + GC head
 * (getsizeof 48), set iterator 48 + GC head, range 48 (not GC), range
 * iterator 48 (not GC), slice 40 + GC head (getsizeof 56).
 */
#ifndef MP_ITER_H
#define MP_ITER_H

#include "object.h"
#include "int.h"
#include "list.h"

typedef struct MpSlice {
    MpObject ob;
    MpObject *start, *stop, *step;
} MpSlice;

typedef struct MpRange {
    MpObject ob;
    int64_t start, stop, step, len;
} MpRange;

/* A list, tuple, str or bytes iterator; a list iterator's seq is an exact
 * list (seqiter_new picks the type by the sequence's). */
typedef struct MpSeqIter {
    MpObject ob;
    int64_t index;
    MpObject *seq;     /* NULL once exhausted */
} MpSeqIter;

typedef struct MpRangeIter {
    MpObject ob;
    int64_t next, step, left;
} MpRangeIter;

extern MpType MpListIter_Type, MpTupleIter_Type, MpStrIter_Type, MpBytesIter_Type, MpSetIter_Type,
              MpRange_Type, MpRangeIter_Type, MpSlice_Type, MpCallIter_Type;

MpObject *seqiter_new(MpObject *seq);     /* list, tuple or str */
MpObject *setiter_new(MpObject *set);
/* The sequence protocol: o[0], o[1], ... until IndexError. */
MpObject *calliter_new(MpObject *o);
MpObject *range_new(int64_t start, int64_t stop, int64_t step);
MpObject *rangeiter_new(MpObject *range);
MpObject *slice_new(MpObject *start, MpObject *stop, MpObject *step);
/* Resolves a slice against a length (PySlice_GetIndicesEx): 0 or -1. */
int slice_indices(MpObject *slice, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *count);
/* range() itself (its constructor). */
MpObject *range_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames);

/* The iternext of range and list iterators, inline: FOR_ITER calls these
 * directly instead of through the type's slot (an indirect call, which in
 * WASM also spills everything the eval loop holds). */
/* A range iterator's next value in *v: 0 when it is exhausted. */
static inline int rangeiter_next_value(MpObject *o, int64_t *v)
{
    MpRangeIter *it = (MpRangeIter *)o;
    if (it->left <= 0)
        return 0;
    it->left--;
    *v = it->next;
    it->next += it->step;
    return 1;
}

static inline MpObject *listiter_next_inline(MpObject *o)
{
    MpSeqIter *it = (MpSeqIter *)o;
    MpObject *s = it->seq;
    if (s && it->index < list_size(s))
        return mp_newref(list_getitem(s, it->index++));
    MP_CLEAR(it->seq);
    return NULL;
}

#endif

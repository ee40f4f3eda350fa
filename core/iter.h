/* iter.h — iterators over builtin sequences and sets, range and slice.
 *
 * Sizes are CPython 3.11's: list/tuple/str iterators 32 bytes + GC head
 * (getsizeof 48), set iterator 48 + GC head, range 48 (not GC), range
 * iterator 48 (not GC), slice 40 + GC head (getsizeof 56).
 */
#ifndef MP_ITER_H
#define MP_ITER_H

#include "object.h"

typedef struct MpSlice {
    MpObject ob;
    MpObject *start, *stop, *step;
} MpSlice;

typedef struct MpRange {
    MpObject ob;
    int64_t start, stop, step, len;
} MpRange;

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

#endif

/* tuple.h — tuple, with CPython 3.11's free lists.
 *
 * 24 + 8 * n bytes plus the GC head (() 40, (1,) 48).  The empty tuple is
 * a static singleton.  A tuple is tracked when created and untracked by a
 * collection once all its items are untracked (tuple_maybe_untrack).  Freed
 * tuples of length 1..20 are parked on a per-length free list (up to 2000
 * each): parking and reuse change no gen-0 count.  Items are released last
 * to first.
 */
#ifndef MP_TUPLE_H
#define MP_TUPLE_H

#include "object.h"

typedef struct MpTuple {
    MpObject ob;
    int64_t size;
    MpObject *items[];
} MpTuple;

/* The tuple's traverse, inline for the collector. */
static inline int tuple_traverse_inline(MpObject *o, MpVisit visit, void *arg)
{
    MpTuple *t = (MpTuple *)o;
    for (int64_t i = 0; i < t->size; i++)
        if (t->items[i]) {
            int r = visit(t->items[i], arg);
            if (r)
                return r;
        }
    return 0;
}

enum { MP_TUPLE_MAXSAVESIZE = 20, MP_TUPLE_MAXFREELIST = 2000 };

extern MpType MpTuple_Type;

/* New tuple of n NULL items (the caller fills them, owning references);
 * tracked. */
MpObject *tuple_new(int64_t n);
MpObject *tuple_pack(int n, ...);          /* borrowed items */
static inline int64_t tuple_size(const MpObject *t) { return ((const MpTuple *)t)->size; }
static inline MpObject *tuple_item(const MpObject *t, int64_t i) { return ((const MpTuple *)t)->items[i]; }
void tuple_maybe_untrack(MpObject *t);
void tuple_clear_freelists(void);
int tuple_freelist_size(int64_t n);
void tuple_init_statics(void);

#endif

/* dictview.h — dict.keys(), dict.values(), dict.items() and the dict
 * iterators (CPython 3.11's dictobject.c).
 *
 * A view is 24 bytes plus the GC head (getsizeof 40) and holds its dict;
 * an iterator is 56 bytes plus the GC head (getsizeof 72) and holds the
 * dict until it is exhausted, its position, the size it expects (a change
 * raises "dictionary changed size during iteration", sticky) and, for
 * items, a reusable result tuple: a (key, value) pair nobody else holds is
 * refilled instead of allocating a new one, as CPython does.
 */
#ifndef MP_DICTVIEW_H
#define MP_DICTVIEW_H

#include "object.h"

typedef enum { DV_KEYS, DV_VALUES, DV_ITEMS } DictViewKind;

typedef struct MpDictView {
    MpObject ob;
    MpObject *dict;
} MpDictView;

typedef struct MpDictIter {
    MpObject ob;
    MpObject *dict;     /* NULL once exhausted */
    int64_t used;       /* the size iteration started with; -1: failed */
    int64_t pos;
    MpObject *result;   /* items: the reusable pair (or NULL) */
    int64_t len;        /* items left */
} MpDictIter;

extern MpType MpDictKeys_Type, MpDictValues_Type, MpDictItems_Type;
extern MpType MpDictKeyIter_Type, MpDictValueIter_Type, MpDictItemIter_Type;

static inline int dictview_check(const MpObject *o)
{
    return o->type == &MpDictKeys_Type || o->type == &MpDictValues_Type
        || o->type == &MpDictItems_Type;
}

MpObject *dictview_new(MpObject *dict, DictViewKind kind);
/* iter(d), iter(d.keys()) ...: a new iterator over d. */
MpObject *dictiter_new(MpObject *dict, DictViewKind kind);
int64_t dictview_len(MpObject *view);
/* `x in view`: 1, 0, -1 (keys: a hash lookup, unhashable x raises;
 * items: x must be a pair whose value matches; values: a scan). */
int dictview_contains(MpObject *view, MpObject *x);
/* Items left in a dict iterator (its __length_hint__). */
int64_t dictiter_length_hint(MpObject *it);

#endif

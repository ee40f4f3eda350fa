/* set.h — set and frozenset (CPython 3.11's setobject.c).
 *
 * 200 bytes plus the GC head (getsizeof(set()) == 216), with an inline
 * table of 8 entries; larger tables are separate buffers of 16 bytes per
 * entry.  Open addressing with 9 linear probes, then perturbation, exactly
 * as CPython, so the iteration order of ints matches.  The table grows
 * when fill * 5 >= mask * 3, to the smallest power of two above used * 4
 * (used * 2 past 50,000).  Sets are tracked from creation and can be
 * weakly referenced.
 */
#ifndef MP_SET_H
#define MP_SET_H

#include "object.h"

typedef struct SetEntry {
    MpObject *key;       /* NULL: unused; the dummy: deleted */
    int64_t hash;
} SetEntry;

enum { MP_SET_MINSIZE = 8 };

typedef struct MpSet {
    MpObject ob;
    int64_t fill, used, mask;
    SetEntry *table;
    int64_t hash;        /* frozenset only; -1 until computed */
    int64_t finger;
    SetEntry smalltable[MP_SET_MINSIZE];
    struct MpWeakref *weakreflist;
} MpSet;

extern MpType MpSet_Type, MpFrozenSet_Type;

MpObject *set_new(void);
MpObject *frozenset_new(void);     /* empty; fill with set_add before sharing */
int set_add(MpObject *s, MpObject *key);
int set_discard(MpObject *s, MpObject *key);   /* 1 removed, 0 absent, -1 error */
int set_contains(MpObject *s, MpObject *key);
static inline int64_t set_size(const MpObject *s) { return ((const MpSet *)s)->used; }
int set_next(MpObject *s, int64_t *pos, MpObject **key);
void set_clear(MpObject *s);
size_t set_sizeof(const MpObject *s);

#endif

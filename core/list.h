/* list.h — list, with CPython 3.11's growth formula and free list.
 *
 * A list is 40 bytes plus the GC head (getsizeof([]) == 56) and a separate
 * item array of `allocated` pointers (8 bytes each in CPython's terms),
 * which comes from pymalloc up to 512 bytes and from the heap beyond.
 * Resizing (list_resize, as listobject.c): when allocated >= newsize >=
 * allocated/2 only the size changes; otherwise the capacity becomes
 * (newsize + (newsize >> 3) + 6) & ~3, or (newsize + 3) & ~3 when growing
 * by more than that; newsize 0 frees the array.  Appending one at a time
 * gives capacities 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92.
 * Lists are tracked from creation; up to 80 freed list objects are parked
 * for reuse (their arrays are freed).  Items are released last to first.
 */
#ifndef MP_LIST_H
#define MP_LIST_H

#include "object.h"

typedef struct MpList {
    MpObject ob;
    int64_t size;
    MpObject **items;
    int64_t allocated;
} MpList;

/* The list's traverse (last item first), inline for the collector. */
static inline int list_traverse_inline(MpObject *o, MpVisit visit, void *arg)
{
    MpList *l = (MpList *)o;
    for (int64_t i = l->size; i-- > 0;)
        if (l->items[i]) {
            int r = visit(l->items[i], arg);
            if (r)
                return r;
        }
    return 0;
}

enum { MP_LIST_MAXFREELIST = 80 };

extern MpType MpList_Type;

MpObject *list_new(int64_t n);            /* n NULL items (caller fills) */
int list_append(MpObject *l, MpObject *v);
int list_insert(MpObject *l, int64_t i, MpObject *v);
MpObject *list_pop(MpObject *l, int64_t i);   /* new reference */
static inline int64_t list_size(const MpObject *l) { return ((const MpList *)l)->size; }
static inline int64_t list_allocated(const MpObject *l) { return ((const MpList *)l)->allocated; }
static inline MpObject *list_getitem(const MpObject *l, int64_t i) { return ((const MpList *)l)->items[i]; }
void list_setitem(MpObject *l, int64_t i, MpObject *v);   /* borrows v */
int list_clear(MpObject *l);
int list_resize(MpObject *l, int64_t newsize);
/* An empty list with no item array gets exactly n slots (rounded up to
 * even), as list_extend does in CPython 3.11 before filling it. */
int list_preallocate_exact(MpObject *l, int64_t n);
/* l.extend(iterable) with CPython's allocation pattern (methods_list.c). */
int list_extend(MpObject *l, MpObject *iterable);
size_t list_sizeof(const MpObject *l);
void list_clear_freelist(void);
int list_freelist_size(void);

#endif

/* list.c — list (see list.h). */
#include <string.h>
#include "list.h"
#include "err.h"
#include "gc.h"
#include "mem.h"
#include "memops.h"
#include "str.h"

_Static_assert(sizeof(MpList) <= 40, "list fits CPython's size");

static struct {
    MpList *items[MP_LIST_MAXFREELIST];
    int n;
} freelist;

int list_freelist_size(void) { return freelist.n; }

size_t list_sizeof(const MpObject *l) { return 56 + 8 * (size_t)list_allocated(l); }
static size_t list_getsizeof(MpObject *l) { return list_sizeof(l); }

/* Item arrays are sized in CPython's 8-byte pointers whatever the build. */
static void *items_realloc(MpList *l, void *old, int64_t n)
{
    size_t bytes = (size_t)n * 8;
    if (old)
        MP_EMIT(MP_EV_BUF_FREE, l, old, mem_usable(old), 0, 0);
    void *p = old ? mem_realloc(old, bytes) : mem_alloc(bytes);
    if (p) {
        /* the list points at its new array, new slots empty, before anyone
         * (a snapshot taken at this event) looks */
        l->items = p;
        for (int64_t i = l->size; i < n; i++)
            l->items[i] = NULL;
        MP_EMIT(MP_EV_BUF_ALLOC, l, p, mem_usable(p), 0, 0);
    }
    else if (old)
        MP_EMIT(MP_EV_BUF_ALLOC, l, old, mem_usable(old), 0, 0);
    return p;
}

int list_resize(MpObject *o, int64_t newsize)
{
    MpList *l = (MpList *)o;
    int64_t allocated = l->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        l->size = newsize;
        return 0;
    }
    int64_t new_allocated = (newsize + (newsize >> 3) + 6) & ~(int64_t)3;
    if (newsize - l->size > new_allocated - newsize)
        new_allocated = (newsize + 3) & ~(int64_t)3;
    if (newsize == 0)
        new_allocated = 0;
    if (new_allocated == 0) {
        if (l->items) {
            MP_EMIT(MP_EV_BUF_FREE, l, l->items, mem_usable(l->items), 0, 0);
            mem_free(l->items);
        }
        l->items = NULL;
    } else {
        MpObject **items = items_realloc(l, l->items, new_allocated);
        if (!items)
            return -1;
        l->items = items;
    }
    l->size = newsize;
    l->allocated = new_allocated;
    return 0;
}

int list_preallocate_exact(MpObject *o, int64_t n)
{
    MpList *l = (MpList *)o;
    n = (n + 1) & ~(int64_t)1;   /* CPython rounds up to an even count */
    if (l->items || n == 0)
        return 0;
    MpObject **items = items_realloc(l, NULL, n);
    if (!items)
        return -1;
    l->items = items;
    l->allocated = n;
    return 0;
}

MpObject *list_new(int64_t n)
{
    MpList *l;
    if (freelist.n > 0) {
        l = freelist.items[--freelist.n];
        l->ob.refcnt = 1;
        l->ob.gcstate = 0;
        object_register(MP_OBJ(l));
        MP_EMIT(MP_EV_FREELIST_POP, l, object_block(MP_OBJ(l)), 0, 0, 0);
    } else {
        l = (MpList *)object_new(&MpList_Type, 0, sizeof(MpList));
        if (!l)
            return NULL;
    }
    l->size = 0;
    l->items = NULL;
    l->allocated = 0;
    if (n > 0) {
        l->items = items_realloc(l, NULL, n);
        if (!l->items) {
            mp_decref(MP_OBJ(l));
            return NULL;
        }
        mem_zero(l->items, (size_t)n * sizeof(MpObject *));
        l->size = l->allocated = n;
    }
    gc_track(MP_OBJ(l));
    return MP_OBJ(l);
}

int list_append(MpObject *o, MpObject *v)
{
    MpList *l = (MpList *)o;
    int64_t n = l->size;
    if (list_resize(o, n + 1) < 0)
        return -1;
    l->items[n] = mp_newref(v);
    return 0;
}

int list_insert(MpObject *o, int64_t where, MpObject *v)
{
    MpList *l = (MpList *)o;
    int64_t n = l->size;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    if (list_resize(o, n + 1) < 0)
        return -1;
    memmove(&l->items[where + 1], &l->items[where], (size_t)(n - where) * sizeof(MpObject *));
    l->items[where] = mp_newref(v);
    return 0;
}

MpObject *list_pop(MpObject *o, int64_t i)
{
    MpList *l = (MpList *)o;
    if (l->size == 0) {
        err_set(&MpExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0)
        i += l->size;
    if (i < 0 || i >= l->size) {
        err_set(&MpExc_IndexError, "pop index out of range");
        return NULL;
    }
    MpObject *v = l->items[i];
    memmove(&l->items[i], &l->items[i + 1], (size_t)(l->size - i - 1) * sizeof(MpObject *));
    if (list_resize(o, l->size - 1) < 0) {
        /* shrinking cannot fail in practice; keep the list consistent */
        err_clear();
        l->size--;
    }
    return v;
}

void list_setitem(MpObject *o, int64_t i, MpObject *v)
{
    MpList *l = (MpList *)o;
    MpObject *old = l->items[i];
    l->items[i] = mp_newref(v);
    mp_xdecref(old);
}

int list_clear(MpObject *o)
{
    MpList *l = (MpList *)o;
    MpObject **items = l->items;
    int64_t n = l->size;
    if (!items)
        return 0;
    /* as list_clear in CPython: detach first, then release last to first */
    l->items = NULL;
    l->size = 0;
    l->allocated = 0;
    for (int64_t i = n; i-- > 0;)
        mp_xdecref(items[i]);
    MP_EMIT(MP_EV_BUF_FREE, l, items, mem_usable(items), 0, 0);
    mem_free(items);
    return 0;
}

static void list_dealloc(MpObject *o)
{
    MpList *l = (MpList *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if (l->items) {
        for (int64_t i = l->size; i-- > 0;)
            MP_CLEAR(l->items[i]);   /* the slot empties first: a snapshot may look */
        MP_EMIT(MP_EV_BUF_FREE, l, l->items, mem_usable(l->items), 0, 0);
        mem_free(l->items);
        l->items = NULL;
    }
    if (freelist.n < MP_LIST_MAXFREELIST) {
        MP_EMIT(MP_EV_FREELIST_PUSH, o, object_block(o), 0, 0, 0);
        object_unregister(o);
        freelist.items[freelist.n++] = l;
    } else {
        object_free(o);
    }
    trash_end();
}

void list_clear_freelist(void)
{
    while (freelist.n > 0) {
        MpList *l = freelist.items[--freelist.n];
        void *block = object_block(MP_OBJ(l));
        MP_EMIT(MP_EV_FREE, l, block, mem_usable(block), 0, 0);
        mem_free(block);
    }
}

static int list_traverse(MpObject *o, MpVisit visit, void *arg) { return list_traverse_inline(o, visit, arg); }

static void list_tp_clear(MpObject *o) { list_clear(o); }

static int64_t list_hash(MpObject *o)
{
    err_set(&MpExc_TypeError, "unhashable type: 'list'");
    return -1;
}

static int list_eq(MpObject *a, MpObject *b)
{
    if (b->type != &MpList_Type || list_size(a) != list_size(b))
        return 0;
    for (int64_t i = 0; i < list_size(a); i++) {
        int r = object_eq(list_getitem(a, i), list_getitem(b, i));
        if (r != 1)
            return r;
    }
    return 1;
}

static MpObject *list_repr(MpObject *o)
{
    StrBuf b = { 0 };
    strbuf_cstr(&b, "[");
    for (int64_t i = 0; i < list_size(o); i++) {
        if (i)
            strbuf_cstr(&b, ", ");
        strbuf_repr(&b, list_getitem(o, i));
    }
    strbuf_cstr(&b, "]");
    return strbuf_finish(&b);
}

MpType MpList_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "list", .basicsize = 40,
    .flags = MP_TF_GC | MP_TF_BASETYPE, .dealloc = list_dealloc,
    .traverse = list_traverse, .clear = list_tp_clear, .hash = list_hash,
    .eq = list_eq, .repr = list_repr, .getsizeof = list_getsizeof,
    .base = &MpBaseObject_Type,
};

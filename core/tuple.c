/* tuple.c — tuple (see tuple.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "tuple.h"
#include "err.h"
#include "gc.h"
#include "mem.h"
#include "memops.h"
#include "str.h"

_Static_assert(sizeof(MpTuple) <= 24, "tuple header fits CPython's");

static struct {
    MpGcHead gc;
    MpTuple t;
} empty;

static struct {
    MpTuple *head[MP_TUPLE_MAXSAVESIZE + 1];   /* chained through items[0] */
    int n[MP_TUPLE_MAXSAVESIZE + 1];
} freelist;

int tuple_freelist_size(int64_t n) { return n >= 1 && n <= MP_TUPLE_MAXSAVESIZE ? freelist.n[n] : 0; }

static size_t tuple_getsizeof(MpObject *o) { return 16 + 24 + 8 * (size_t)tuple_size(o); }

MpObject *tuple_new(int64_t n)
{
    if (n == 0)
        return mp_newref(&empty.t.ob);
    MpTuple *t;
    if (n <= MP_TUPLE_MAXSAVESIZE && freelist.head[n]) {
        t = freelist.head[n];
        freelist.head[n] = (MpTuple *)(void *)t->items[0];
        freelist.n[n]--;
        t->ob.refcnt = 1;
        t->ob.gcstate = 0;
        object_register(MP_OBJ(t));
        MP_EMIT(MP_EV_FREELIST_POP, t, object_block(MP_OBJ(t)), 0, 0, 0);
    } else {
        t = (MpTuple *)object_new(&MpTuple_Type, (size_t)n,
                                  sizeof(MpTuple) + (size_t)n * sizeof(MpObject *));
        if (!t)
            return NULL;
    }
    t->size = n;
    mem_zero(t->items, (size_t)n * sizeof(MpObject *));
    gc_track(MP_OBJ(t));
    return MP_OBJ(t);
}

MpObject *tuple_pack(int n, ...)
{
    MpObject *t = tuple_new(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        ((MpTuple *)t)->items[i] = mp_newref(va_arg(ap, MpObject *));
    va_end(ap);
    return t;
}

static void tuple_dealloc(MpObject *o)
{
    MpTuple *t = (MpTuple *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    for (int64_t i = t->size; i-- > 0;)
        MP_CLEAR(t->items[i]);
    int64_t n = t->size;
    if (n >= 1 && n <= MP_TUPLE_MAXSAVESIZE && freelist.n[n] < MP_TUPLE_MAXFREELIST) {
        MP_EMIT(MP_EV_FREELIST_PUSH, o, object_block(o), 0, 0, 0);
        object_unregister(o);
        t->items[0] = (MpObject *)(void *)freelist.head[n];
        freelist.head[n] = t;
        freelist.n[n]++;
    } else {
        object_free(o);
    }
    trash_end();
}

void tuple_clear_freelists(void)
{
    for (int n = 1; n <= MP_TUPLE_MAXSAVESIZE; n++) {
        while (freelist.head[n]) {
            MpTuple *t = freelist.head[n];
            freelist.head[n] = (MpTuple *)(void *)t->items[0];
            void *block = object_block(MP_OBJ(t));
            MP_EMIT(MP_EV_FREE, t, block, mem_usable(block), 0, 0);
            mem_free(block);
        }
        freelist.n[n] = 0;
    }
}

static int tuple_traverse(MpObject *o, MpVisit visit, void *arg) { return tuple_traverse_inline(o, visit, arg); }

static void tuple_clear(MpObject *o)
{
    MpTuple *t = (MpTuple *)o;
    for (int64_t i = t->size; i-- > 0;)
        MP_CLEAR(t->items[i]);
}

void tuple_maybe_untrack(MpObject *o)
{
    MpTuple *t = (MpTuple *)o;
    if (!gc_is_tracked(o))
        return;
    for (int64_t i = 0; i < t->size; i++)
        if (!t->items[i] || gc_may_be_tracked(t->items[i]))
            return;
    gc_untrack(o);
}

/* CPython 3.11's tuplehash (xxHash-based) */
static int64_t tuple_hash(MpObject *o)
{
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                   P5 = 2870177450012600261ULL;
    MpTuple *t = (MpTuple *)o;
    uint64_t acc = P5;
    for (int64_t i = 0; i < t->size; i++) {
        int64_t h = object_hash(t->items[i]);
        if (h == -1 && err_occurred())
            return -1;
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)t->size ^ (P5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (int64_t)acc;
}

static int tuple_eq(MpObject *a, MpObject *b)
{
    if (b->type != &MpTuple_Type || tuple_size(a) != tuple_size(b))
        return 0;
    for (int64_t i = 0; i < tuple_size(a); i++) {
        int r = object_eq(tuple_item(a, i), tuple_item(b, i));
        if (r != 1)
            return r;
    }
    return 1;
}

static MpObject *tuple_repr(MpObject *o)
{
    StrBuf b = { 0 };
    strbuf_cstr(&b, "(");
    for (int64_t i = 0; i < tuple_size(o); i++) {
        if (i)
            strbuf_cstr(&b, ", ");
        strbuf_repr(&b, tuple_item(o, i));
    }
    strbuf_cstr(&b, tuple_size(o) == 1 ? ",)" : ")");
    return strbuf_finish(&b);
}

MpType MpTuple_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "tuple", .basicsize = 24, .itemsize = 8,
    .flags = MP_TF_GC | MP_TF_BASETYPE, .dealloc = tuple_dealloc,
    .traverse = tuple_traverse, .clear = tuple_clear, .hash = tuple_hash,
    .eq = tuple_eq, .repr = tuple_repr, .getsizeof = tuple_getsizeof,
    .base = &MpBaseObject_Type,
};

void tuple_init_statics(void)
{
    memset(&empty, 0, sizeof empty);
    empty.t.ob.refcnt = 1;
    empty.t.ob.type = &MpTuple_Type;
    static_register(&empty.t.ob, 40);
    memset(&freelist, 0, sizeof freelist);
}

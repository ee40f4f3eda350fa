/* object.c — allocation, deallocation, the live-object registry, the
 * trashcan, the static region, and the types `type`, `object`, NoneType. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "object.h"
#include "objalloc.h"
#include "mem.h"
#include "gc.h"
#include "err.h"
#include "region.h"
#include "heap.h"
#include "str.h"
#include "class.h"

/* ---- the live-object registry -------------------------------------------
 * The set of every live heap object, so that the checker and snapshots can
 * enumerate objects (pymalloc blocks also hold buffers and parked free-list
 * objects, which are not objects).  Every heap object lies in the system
 * heap's host reservation (pymalloc's arenas are carved from it), so the
 * set is a bitmap with one bit per 8 bytes of the reservation, kept in
 * pages of one MiB's bits allocated when first used: registering is setting
 * a bit, and nearby objects share cache lines (a hash set scattered them).
 * Host-side bookkeeping: it is not part of the simulated memory.  Objects
 * are walked in address order.  Marking and unmarking are inline
 * (object.h); making the registry and its pages is here. */

MpObjRegistry mp_reg;

static void reg_init(void)
{
    uintptr_t used_end, end;
    heap_host_extent(&mp_reg.start, &used_end, &end);
    mp_reg.size = end - mp_reg.start;
    mp_reg.npages = (mp_reg.size >> MP_REG_PAGE_SHIFT) + 1;
    mp_reg.pages = calloc(mp_reg.npages, sizeof *mp_reg.pages);
    if (!mp_reg.pages) {
        fprintf(stderr, "memplay: host out of memory (object registry)\n");
        abort();
    }
}

void object_register_slow(MpObject *o)
{
    size_t page, bit;
    if (!mp_reg.pages)
        reg_init();
    if (!mp_reg_locate(o, &page, &bit)) {
        fprintf(stderr, "memplay: an object outside the heap (object registry)\n");
        abort();
    }
    if (!(mp_reg.pages[page] = calloc(MP_REG_PAGE_WORDS, sizeof(uint64_t)))) {
        fprintf(stderr, "memplay: host out of memory (object registry)\n");
        abort();
    }
    object_register(o);
}

size_t object_count(void) { return mp_reg.used; }

void object_registry_reset(void)
{
    for (size_t i = 0; mp_reg.pages && i < mp_reg.npages; i++)
        free(mp_reg.pages[i]);
    free(mp_reg.pages);
    memset(&mp_reg, 0, sizeof mp_reg);
}

void object_walk(void (*fn)(MpObject *o, void *ctx), void *ctx)
{
    for (size_t i = 0; mp_reg.pages && i < mp_reg.npages; i++) {
        for (size_t k = 0; mp_reg.pages[i] && k < MP_REG_PAGE_WORDS; k++) {
            uint64_t w = mp_reg.pages[i][k];
            while (w) {
                unsigned b = (unsigned)__builtin_ctzll(w);
                size_t bit = (k << 6) + b;
                fn((MpObject *)(mp_reg.start + (i << MP_REG_PAGE_SHIFT) + (bit << MP_REG_GRAIN_SHIFT)), ctx);
                /* fn may have registered or released objects: read again */
                w = b == 63 ? 0 : mp_reg.pages[i][k] & (~(uint64_t)0 << (b + 1));
            }
        }
    }
}

/* ---- the static region -----------------------------------------------------
 * Static objects are C globals; each gets a simulated address in the static
 * region, in registration order, spaced by its CPython size. */

static struct {
    MpObject **objs;
    size_t n, cap;
    uint64_t next_sim;
} statics;

void static_register(MpObject *o, size_t cpython_size)
{
    if (statics.n == statics.cap) {
        statics.cap = statics.cap ? statics.cap * 2 : 256;
        statics.objs = realloc(statics.objs, statics.cap * sizeof *statics.objs);
        if (!statics.objs) {
            fprintf(stderr, "memplay: host out of memory (static region)\n");
            abort();
        }
    }
    statics.objs[statics.n++] = o;
    size_t pre = type_presize(o->type);
    uint64_t sim = statics.next_sim + pre;
    region_register(MP_REGION_STATIC, o, 1, sim);
    statics.next_sim += (cpython_size + 15) & ~(uint64_t)15;
}

size_t static_count(void) { return statics.n; }
MpObject *static_at(size_t i) { return statics.objs[i]; }

void static_reset(void)
{
    free(statics.objs);
    memset(&statics, 0, sizeof statics);
    statics.next_sim = MP_STATIC_BASE;
}

/* ---- allocation ------------------------------------------------------------ */

void object_emit_incref(MpObject *o) { event_emit(MP_EV_INCREF, o, 0, 0, o->refcnt, 0); }
void object_emit_decref(MpObject *o) { event_emit(MP_EV_DECREF, o, 0, 0, o->refcnt, 0); }

MpObject *object_new_sized(MpType *type, size_t size, size_t hostsize)
{
    return object_new_inline(type, size, hostsize);
}

MpObject *object_new(MpType *type, size_t nitems, size_t hostsize)
{
    return object_new_inline(type, object_size(type, nitems), hostsize);
}

void object_free(MpObject *o)
{
    object_free_inline(o);
}

size_t object_block_size(const MpObject *o)
{
    return mem_usable(object_block(o));
}

void object_dealloc(MpObject *o)
{
    o->type->dealloc(o);
}

/* ---- trashcan ---------------------------------------------------------------- */

MpTrash mp_trash;

void trash_destroy_chain(void)
{
    mp_trash.nesting++;
    while (mp_trash.later) {
        MpObject *o = mp_trash.later;
        mp_trash.later = (MpObject *)(void *)mp_gc_head(o)->prev;
        mp_gc_head(o)->prev = NULL;
        o->type->dealloc(o);
    }
    mp_trash.nesting--;
}

void trash_deposit(MpObject *o)
{
    mp_gc_head(o)->prev = (MpGcHead *)(void *)mp_trash.later;
    mp_trash.later = o;
}

void trash_reset(void)
{
    mp_trash.nesting = 0;
    mp_trash.later = NULL;
}

/* ---- generic protocol -------------------------------------------------------- */

int64_t object_hash(MpObject *o)
{
    if (o->type->hash)
        return o->type->hash(o);
    return object_hash_identity(o);
}

int64_t object_hash_identity(const MpObject *o)
{
    /* _Py_HashPointer over the simulated address: rotate right by 4 */
    uint64_t y = region_sim(o);
    y = (y >> 4) | (y << 60);
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

int object_eq(MpObject *a, MpObject *b)
{
    if (a == b)
        return 1;
    if (a->type->eq)
        return a->type->eq(a, b);
    if (b->type->eq && b->type != a->type)
        return b->type->eq(b, a);
    return 0;
}

size_t object_getsizeof(MpObject *o)
{
    if (o->type->getsizeof)
        return o->type->getsizeof(o);
    return type_presize(o->type) + o->type->basicsize;
}

/* Nested containers repr themselves recursively in C: bounded, as CPython
 * bounds it by the recursion limit. */
static int repr_depth;

/* "<type object at 0x...>" (out of line: its buffer on the stack would
 * cost every repr a stack frame in memory in WASM, str(i) included). */
static __attribute__((noinline)) MpObject *default_repr(MpObject *o)
{
    char buf[160];
    snprintf(buf, sizeof buf, "<%s object at 0x%llx>", o->type->name,
             (unsigned long long)region_sim(o));
    return str_from_cstr(buf);
}

MpObject *object_repr(MpObject *o)
{
    if (!o->type->repr)
        return default_repr(o);
    if (repr_depth >= 1000) {
        err_set(&MpExc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        return NULL;
    }
    repr_depth++;
    MpObject *r = o->type->repr(o);
    repr_depth--;
    return r;
}

/* ---- type, object, NoneType ---------------------------------------------------- */

static void static_dealloc(MpObject *o)
{
    /* A static object's count reached zero: a refcount bug.  CPython would
     * crash later; we stop at once with a message. */
    fprintf(stderr, "memplay: refcount of static %s object dropped to zero\n",
            o->type->name);
    abort();
}

static MpObject *none_repr(MpObject *o) { return str_from_cstr("None"); }

/* `type`: its dealloc, traverse and clear live in class.c (only classes,
 * the heap types, are ever deallocated). */
MpType MpType_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "type", .basicsize = 904,
    .itemsize = 40, .flags = MP_TF_GC | MP_TF_BASETYPE,
    .weaklistoffset = offsetof(MpType, weakreflist),
    .dealloc = class_dealloc, .traverse = class_traverse, .clear = class_clear,
    .repr = class_repr, .getsizeof = class_getsizeof,
};

MpType MpBaseObject_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "object", .basicsize = 16,
    .flags = MP_TF_BASETYPE, .dealloc = object_free,   /* owns nothing */
};

MpType MpNone_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "NoneType", .basicsize = 16,
    .dealloc = static_dealloc, .repr = none_repr,
};

MpObject mp_None = { 1, 0, &MpNone_Type };

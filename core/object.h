/* object.h — the object model: header, types, refcounts, allocation.
 *
 * Every Python value is an MpObject: a refcount and a type pointer, laid out
 * so that each object occupies exactly the bytes CPython 3.11 x86-64 gives
 * it.  The allocator is asked for CPython's size, and each type's C struct
 * must fit in it (a static assertion next to every struct), so the object
 * lands in the same pymalloc size class on a 64-bit or a wasm32 build.
 *
 *   block:  [ pre-header 16 B ][ GC head 16 B ][ MpObject ... ]
 *            only MANAGED_DICT   only GC types   what `obj` points to
 *
 * Invariants
 *  - refcnt counts every reference that exists: from other objects, from
 *    frames, from registered temporaries, and (for static objects) one from
 *    the static region itself.  check.c verifies this at any moment.
 *  - An object whose refcount reaches zero is deallocated at once, in
 *    CPython's order (see each type's dealloc).  Container deallocs nest at
 *    most MP_TRASH_DEPTH deep on the C stack; deeper ones are deposited and
 *    freed when the nesting unwinds (CPython's trashcan), so a chain of any
 *    length frees without recursion trouble.
 *  - Only GC types carry a GC head.  `gc_next != NULL` means tracked.
 *  - gcstate holds collector flags and, during a collection, gc_refs.
 */
#ifndef MP_OBJECT_H
#define MP_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include "event.h"

typedef struct MpType MpType;

typedef struct MpObject {
    int32_t refcnt;
    uint32_t gcstate;   /* MP_GCS_* flags | gc_refs << MP_GCS_SHIFT */
    MpType *type;
} MpObject;

/* CPython's PyGC_Head: two links, 16 bytes on x86-64. */
typedef struct MpGcHead {
    struct MpGcHead *next, *prev;
} MpGcHead;

enum {
    MP_GCS_FINALIZED = 1u << 0,   /* __del__ already ran (PEP 442) */
    MP_GCS_COLLECTING = 1u << 1,  /* in the generation being collected */
    MP_GCS_UNREACHABLE = 1u << 2, /* tentatively unreachable */
    MP_GCS_SHIFT = 3,
};

/* CPython sizes that do not depend on the build. */
enum {
    MP_OBJECT_SIZE = 16,   /* PyObject header */
    MP_VAROBJECT_SIZE = 24,/* PyVarObject header */
    MP_GC_HEAD_SIZE = 16,
    MP_PREHEADER_SIZE = 16,/* managed dict + values pointers (3.11) */
    MP_PTR_SIZE = 8,
};

typedef int (*MpVisit)(MpObject *o, void *arg);

enum {
    MP_TF_GC = 1u << 0,            /* has a GC head; may be tracked */
    MP_TF_MANAGED_DICT = 1u << 1,  /* instances: pre-header with dict/values */
    MP_TF_HEAPTYPE = 1u << 2,      /* a class made by the snippet */
    MP_TF_BASETYPE = 1u << 3,      /* may be subclassed */
    MP_TF_SLOTTED = 1u << 4,       /* instances: the __slots__ layout (class.c) */
};

/* A type.  Builtin types are static C objects; classes are heap objects of
 * type `type` whose struct is this one (see class.h). */
struct MpType {
    MpObject ob;
    const char *name;
    uint32_t basicsize;       /* CPython's tp_basicsize on x86-64 */
    uint32_t itemsize;        /* CPython's tp_itemsize */
    uint32_t flags;
    uint32_t weaklistoffset;  /* host offset of the MpWeakref* list; 0: none */
    void (*dealloc)(MpObject *o);
    int (*traverse)(MpObject *o, MpVisit visit, void *arg);
    void (*clear)(MpObject *o);
    int64_t (*hash)(MpObject *o);                 /* -1 with error set: unhashable */
    int (*eq)(MpObject *a, MpObject *b);          /* 1, 0, or -1 with error set */
    MpObject *(*repr)(MpObject *o);               /* new str, NULL with error set */
    /* PEP 442 finalizer (__del__ of classes); errors are reported as
     * unraisable inside it.  Called at most once per object by the GC. */
    void (*finalize)(MpObject *o);
    /* sys.getsizeof (GC head included); NULL: presize + basicsize */
    size_t (*getsizeof)(MpObject *o);
    MpType *base;
    /* class data, NULL for most builtins (class.c owns these) */
    MpObject *dict;      /* namespace */
    MpObject *bases;     /* tuple */
    MpObject *mro;       /* tuple */
    MpObject *qualname;  /* str */
    struct MpWeakref *weakreflist;  /* weakrefs to this type (classes) */
    /* the interpreter's slots (abstract.c falls back on generic code) */
    struct MpObject *(*construct)(MpType *t, MpObject **args, int nargs, MpObject *kwnames);
    const struct MpMethodDef *methods;   /* NULL-terminated */
    MpObject *(*getattro)(MpObject *o, MpObject *name);   /* NULL: generic */
    int (*setattro)(MpObject *o, MpObject *name, MpObject *value);   /* value NULL: del */
    MpObject *(*str)(MpObject *o);
    MpObject *(*iter)(MpObject *o);
    MpObject *(*iternext)(MpObject *o);   /* NULL without error: exhausted */
    MpObject *(*richcompare)(MpObject *a, MpObject *b, int op);  /* may return MP_NOTIMPL */
};

/* A method of a builtin type, or a function of a builtin module.  `args`
 * holds nargs positional values then one value per name of kwnames (a
 * tuple of str, or NULL): the vectorcall convention. */
typedef MpObject *(*MpCFuncKw)(MpObject *self, MpObject **args, int nargs, MpObject *kwnames);
typedef struct MpMethodDef {
    const char *name;
    MpCFuncKw fn;
    int flags;          /* MP_METH_* */
} MpMethodDef;
enum { MP_METH_STATIC = 1, MP_METH_CLASS = 2 };

/* ---- refcounts ------------------------------------------------------ */

void object_dealloc(MpObject *o);

/* The INCREF and DECREF events of o with its count now, out of line: the
 * reference counting below is inline in hundreds of places, where a call
 * with every event field would take more code than the counting. */
void object_emit_incref(MpObject *o);
void object_emit_decref(MpObject *o);

static inline void mp_incref(MpObject *o)
{
    o->refcnt++;
    if (MP_EMITTING)
        object_emit_incref(o);
}

static inline void mp_decref(MpObject *o)
{
    o->refcnt--;
    if (MP_EMITTING)
        object_emit_decref(o);
    if (o->refcnt == 0)
        o->type->dealloc(o);   /* object_dealloc, without the extra call */
}

static inline void mp_xincref(MpObject *o) { if (o) mp_incref(o); }
static inline void mp_xdecref(MpObject *o) { if (o) mp_decref(o); }

/* Sets *slot to NULL before releasing its old value (Py_CLEAR). */
#define MP_CLEAR(slot) do { MpObject *old_ = (MpObject *)(slot); \
    (slot) = NULL; mp_xdecref(old_); } while (0)

static inline MpObject *mp_newref(MpObject *o) { mp_incref(o); return o; }

#define MP_OBJ(p) ((MpObject *)(p))

/* ---- layout ----------------------------------------------------------- */

static inline int mp_is_gc(const MpObject *o) { return (o->type->flags & MP_TF_GC) != 0; }
static inline MpGcHead *mp_gc_head(const MpObject *o) { return (MpGcHead *)o - 1; }
static inline MpObject *mp_gc_object(const MpGcHead *g) { return (MpObject *)(g + 1); }

/* Bytes placed before the object: pre-header and GC head. */
static inline size_t type_presize(const MpType *t)
{
    return ((t->flags & MP_TF_GC) ? MP_GC_HEAD_SIZE : 0)
         + ((t->flags & MP_TF_MANAGED_DICT) ? MP_PREHEADER_SIZE : 0);
}

/* The block the object lives in (what the allocator handed out). */
static inline void *object_block(const MpObject *o)
{
    return (char *)o - type_presize(o->type);
}

/* ---- allocation --------------------------------------------------------- */

/* Allocates CPython's size for `type` with `nitems` items (basicsize +
 * nitems * itemsize + presize), zeroes `hostsize` bytes of the object, sets
 * refcnt 1, counts it for generation 0 when GC-capable (which may start a
 * collection), and reports MP_EV_ALLOC.  NULL with MemoryError set on
 * failure.  The object is not tracked. */
MpObject *object_new(MpType *type, size_t nitems, size_t hostsize);

/* Same with an explicit CPython size (for str, whose size is computed). */
MpObject *object_new_sized(MpType *type, size_t cpython_size, size_t hostsize);

/* Releases the object's memory (the last step of every dealloc): reports
 * MP_EV_FREE, uncounts a GC object from generation 0, frees the block. */
void object_free(MpObject *o);

/* Bytes of the object's own block as CPython counts them (getsizeof minus
 * separately owned buffers). */
size_t object_block_size(const MpObject *o);

/* Marks an object's memory as a live object or not (free lists park
 * objects that are memory but not objects).  Used by check.c and snapshots
 * to enumerate objects.  The registry (object.c) is a bitmap, a bit per 8
 * bytes of the heap's host reservation in pages made when first used;
 * marking is inline, as every allocation, free, and free-list push and pop
 * does it (in WASM a call costs a frame and spills). */
enum { MP_REG_PAGE_SHIFT = 20, MP_REG_GRAIN_SHIFT = 3,
       MP_REG_PAGE_WORDS = (1 << (MP_REG_PAGE_SHIFT - MP_REG_GRAIN_SHIFT)) / 64 };

typedef struct MpObjRegistry {
    uint64_t **pages;          /* NULL: no object in that MiB yet */
    size_t npages, used;
    uintptr_t start;           /* the heap's host reservation */
    size_t size;
} MpObjRegistry;

extern MpObjRegistry mp_reg;

/* Page and bit of o; 0 if o is outside the heap (or nothing registered). */
static inline int mp_reg_locate(const MpObject *o, size_t *page, size_t *bit)
{
    size_t off = (uintptr_t)o - mp_reg.start;
    if (off >= mp_reg.size)   /* size is 0 until the registry exists */
        return 0;
    *page = off >> MP_REG_PAGE_SHIFT;
    *bit = (off & ((1u << MP_REG_PAGE_SHIFT) - 1)) >> MP_REG_GRAIN_SHIFT;
    return 1;
}

/* The word and mask of o's bit, or NULL if its page has none yet (or o is
 * outside the heap, or the registry is not made yet). */
static inline uint64_t *mp_reg_word(const MpObject *o, uint64_t *mask)
{
    size_t page, bit;
    if (!mp_reg_locate(o, &page, &bit) || !mp_reg.pages[page])
        return NULL;
    *mask = (uint64_t)1 << (bit & 63);
    return &mp_reg.pages[page][bit >> 6];
}

/* Makes the registry and o's page (the first object of a MiB), then
 * registers o. */
void object_register_slow(MpObject *o);

static inline void object_register(MpObject *o)
{
    uint64_t mask, *w = mp_reg_word(o, &mask);
    if (__builtin_expect(!w, 0)) {
        object_register_slow(o);
        return;
    }
    *w |= mask;
    mp_reg.used++;
}

static inline void object_unregister(MpObject *o)
{
    uint64_t mask, *w = mp_reg_word(o, &mask);
    if (w && (*w & mask)) {
        *w &= ~mask;
        mp_reg.used--;
    }
}

static inline int object_is_live(const MpObject *o)
{
    uint64_t mask, *w = mp_reg_word(o, &mask);
    return w && (*w & mask);
}

size_t object_count(void);            /* live heap objects */
void object_registry_reset(void);     /* forget all (runtime_fini) */
/* Visits every live heap object (host order: sort by address if order
 * matters). */
void object_walk(void (*fn)(MpObject *o, void *ctx), void *ctx);

/* ---- trashcan ------------------------------------------------------------ */

enum { MP_TRASH_DEPTH = 50 };

/* In a container's dealloc: `if (!trash_begin(o)) return;` at the start and
 * `trash_end();` at the end.  The object must be untracked already.
 * Inline, as every container freed passes both (in WASM a call costs a
 * frame and spills); depositing and the deferred frees are in object.c. */
typedef struct MpTrash {
    int nesting;               /* container deallocs running */
    MpObject *later;           /* deposited, chained through the GC head's prev */
} MpTrash;

extern MpTrash mp_trash;

void trash_deposit(MpObject *o);
void trash_destroy_chain(void);

static inline int trash_begin(MpObject *o)
{
    if (mp_trash.nesting >= MP_TRASH_DEPTH) {
        trash_deposit(o);
        return 0;
    }
    mp_trash.nesting++;
    return 1;
}

static inline void trash_end(void)
{
    mp_trash.nesting--;
    if (mp_trash.later && mp_trash.nesting <= 0)
        trash_destroy_chain();
}

void trash_reset(void);

/* ---- the type of types and of object() ---------------------------------- */

extern MpType MpType_Type;
extern MpType MpBaseObject_Type;   /* `object` */
extern MpType MpNone_Type;

/* Static objects are never freed; their one extra reference is the static
 * region's own. */
#define MP_STATIC_TYPE_HEAD { 1, 0, &MpType_Type }

static inline int type_is_subtype(const MpType *a, const MpType *b)
{
    for (; a; a = a->base)
        if (a == b) return 1;
    return 0;
}

/* Generic protocol (object.c): dispatch through the type's slots.
 * object_hash: identity hash when the type has none (object.__hash__);
 * object_eq: identity first, then the type's eq. */
int64_t object_hash(MpObject *o);
int64_t object_hash_identity(const MpObject *o);
int object_eq(MpObject *a, MpObject *b);
MpObject *object_repr(MpObject *o);
size_t object_getsizeof(MpObject *o);

/* Registers a static object (given a simulated address in the static
 * region) so that checkers and snapshots see it. */
void static_register(MpObject *o, size_t cpython_size);
size_t static_count(void);
MpObject *static_at(size_t i);
void static_reset(void);

extern MpObject mp_None;
#define MP_NONE (&mp_None)

#endif

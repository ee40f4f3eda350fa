/* class.h — classes (heap types) and their instances.
 *
 * A class is an MpClass: a type object allocated on the heap (920 bytes as
 * in CPython 3.11, plus a 768-byte "cached keys" buffer that names the
 * attributes its instances store inline).  Instances are 56-byte objects:
 *
 *   [ dict | values ][ GC head ][ refcnt gcstate type ][ weakreflist ]
 *     pre-header                 MpInstance
 *
 * Attributes live in a separate 256-byte values array, one slot per name
 * of the class's cached keys (at most MP_INLINE_ATTRS), with the instance's
 * own insertion order in its prefix.  A __dict__ is made on demand, or when
 * the inline capacity runs out; from then on the dict holds the attributes.
 *
 * A class whose body defines __slots__ (its base being object or another
 * such class, single inheritance) has the __slots__ layout instead
 * (MP_TF_SLOTTED): no pre-header, one field per slot after the header
 * (16 + 8 per slot, + 8 for __weakref__), a member descriptor per slot in
 * the class dict, a __dict__ field only when listed (or when a subclass
 * without __slots__ adds one), and no shared keys unless it has a __dict__.
 *
 * Instances hold a reference to their class.  Dealloc order (CPython's
 * subtype_dealloc): __del__ first (PEP 442, at most once; it may resurrect
 * the object), then weakrefs are cleared and their callbacks run newest
 * first, then attributes are released in insertion order, then the memory,
 * then the reference to the class.
 */
#ifndef MP_CLASS_H
#define MP_CLASS_H

#include "object.h"

enum {
    MP_CLASS_SIZE = 904,          /* PyHeapTypeObject, sans GC head */
    MP_CACHED_KEYS_SIZE = 768,    /* shared keys of a class, 3.11 */
    MP_INSTANCE_SIZE = 24,        /* object header + weakref list */
    MP_VALUES_SIZE = 256,         /* inline values array, 3.11 */
    MP_INLINE_ATTRS = 28,
    MP_STATIC_TYPE_SIZE = 408,    /* PyTypeObject: a builtin type */
};

typedef struct MpClass {
    MpType type;
    MpObject **cached_keys;   /* MP_CACHED_KEYS_SIZE buffer: attribute names */
    uint32_t nkeys;
    char name_buf[64];
    MpObject *slot_fields;    /* __slots__ layout: field names (tuple), else NULL */        /* the class's name as C text (type.name) */
    /* the MRO's classes with a dict (builtin types have none) end here */
    int64_t mro_dicts_end;
    /* class_has_slots, remembered with the dict's version and size */
    uint64_t slots_dict_state;
    int has_slots;
} MpClass;

typedef struct MpInstance {
    MpObject ob;
    struct MpWeakref *weakreflist;
} MpInstance;

/* The inline values array (MP_VALUES_SIZE bytes). */
typedef struct MpValues {
    uint8_t order[MP_INLINE_ATTRS];   /* slot indices in insertion order */
    uint8_t n;                        /* attributes set */
    uint8_t pad[3];
    MpObject *slots[MP_INLINE_ATTRS];
} MpValues;

/* Pre-header before the GC head of an instance. */
typedef struct MpManaged {
    MpObject *dict;
    MpValues *values;
} MpManaged;

/* A new class: name (str), bases (tuple, may be empty → (object,)),
 * namespace (dict, copied).  Borrowed arguments. */
MpObject *class_new(MpObject *name, MpObject *bases, MpObject *ns);

/* Calls a class: makes an instance and runs __init__ if any. */
MpObject *class_call(MpType *cls, int nargs, MpObject **args);
MpObject *class_call_kw(MpType *cls, MpObject **args, int nargs, MpObject *kwnames);
/* The MRO as a tuple (computed by C3 for classes; the base chain for
 * builtin types); new reference. */
MpObject *class_mro(MpType *t);
/* __slots__ of a class memplay lays out with a managed dict (several
 * bases): attributes are checked against the names. */
int class_has_slots(MpType *t);
int class_slot_allowed(MpType *t, MpObject *name);

/* Attribute access on instances: new reference / 0 / -1 with error.
 * Lookup order: instance attributes, then the class's MRO; functions found
 * on the class are bound to the instance. */
MpObject *instance_getattr(MpObject *o, MpObject *name);
int instance_setattr(MpObject *o, MpObject *name, MpObject *value);
/* The instance's own attribute (borrowed), NULL if it has none. */
MpObject *instance_lookup_own(MpObject *o, MpObject *name);
/* LOAD_ATTR's and STORE_ATTR's common case, as CPython 3.11 specialises it
 * (LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE): an instance whose
 * type is a class with no __slots__, __getattribute__ or __setattr__ of its
 * own, whose attributes are inline values, and whose class has no data
 * descriptor of that name, as the class attribute cache knows already.
 * One call and one cache probe where obj_getattr and obj_setattr take a
 * class look-up and a key look-up.  The load: a new reference to the
 * attribute, NULL (no error) when the general path must run; the store:
 * 1 when done, 0 when the general path must run. */
MpObject *instance_load_attr_fast(MpObject *o, MpObject *name);
int instance_store_attr_fast(MpObject *o, MpObject *name, MpObject *value);
static inline int instance_attr_fast_ok(const MpType *t, int store)
{
    return (t->flags & (MP_TF_MANAGED_DICT | MP_TF_SLOTTED)) == MP_TF_MANAGED_DICT
        && !(store ? (const void *)t->setattro : (const void *)t->getattro);
}
int instance_delattr(MpObject *o, MpObject *name);
/* The instance's __dict__ (made on demand): new reference. */
MpObject *instance_dict(MpObject *o);

/* Class attribute lookup along the MRO (borrowed, NULL if missing).  The
 * results are cached per (class, name identity): a C text name must be
 * static text (a literal), whose address names it for the whole run. */
MpObject *class_lookup(MpType *cls, MpObject *name);
MpObject *class_lookup_cstr(MpType *cls, const char *name);
/* Forgets what class_lookup found (a class or a name str is going away). */
void class_cache_invalidate(void);

/* Member descriptors of __slots__ (member_descriptor): get (self NULL:
 * the descriptor) and set (value NULL: delete). */
extern MpType MpMemberDescr_Type;
MpObject *member_get(MpObject *v, MpObject *self);
int member_set(MpObject *v, MpObject *self, MpObject *value);

/* Slots of `type` (MpType_Type), defined here. */
void class_dealloc(MpObject *o);
int class_traverse(MpObject *o, MpVisit visit, void *arg);
void class_clear(MpObject *o);
MpObject *class_repr(MpObject *o);
size_t class_getsizeof(MpObject *o);

static inline MpManaged *instance_managed(const MpObject *o)
{
    return (MpManaged *)((char *)o - MP_GC_HEAD_SIZE - MP_PREHEADER_SIZE);
}

/* The traverse of instances of classes (their type, then the dict or the
 * attributes in insertion order); inline for the collector, which knows
 * them by their type's traverse. */
int instance_traverse(MpObject *o, MpVisit visit, void *arg);
static inline int instance_traverse_inline(MpObject *o, MpVisit visit, void *arg)
{
    MpManaged *m = instance_managed(o);
    int r = visit(MP_OBJ(o->type), arg);
    if (r)
        return r;
    if (m->dict)
        return visit(m->dict, arg);
    if (m->values)
        for (int i = 0; i < m->values->n; i++) {
            MpObject *v = m->values->slots[m->values->order[i]];
            if (v && (r = visit(v, arg)))
                return r;
        }
    return 0;
}

#endif

/* class.c — classes and instances (see class.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "class.h"
#include "descr.h"
#include "call.h"
#include "dict.h"
#include "list.h"
#include "err.h"
#include "func.h"
#include "gc.h"
#include "mem.h"
#include "memops.h"
#include "region.h"
#include "str.h"
#include "tuple.h"
#include "weakref.h"
#include "exc.h"
#include "abstract.h"
#include "objalloc.h"

_Static_assert(sizeof(MpClass) <= MP_CLASS_SIZE, "class fits CPython's size");
_Static_assert(sizeof(MpInstance) <= MP_INSTANCE_SIZE, "instance fits CPython's size");
_Static_assert(sizeof(MpValues) <= MP_VALUES_SIZE, "values fit CPython's size");
_Static_assert(sizeof(MpManaged) <= MP_PREHEADER_SIZE, "pre-header fits");
_Static_assert(MP_INLINE_ATTRS * 8 + 32 == MP_VALUES_SIZE, "values layout as 3.11");
_Static_assert(MP_INLINE_ATTRS * sizeof(MpObject *) <= MP_CACHED_KEYS_SIZE, "keys fit");

/* The value of name (a str, or the C text cname when name is NULL) in the
 * dict of t. */
static MpObject *dict_of_get(MpType *t, MpObject *name, const char *cname)
{
    if (!t->dict)
        return NULL;
    return name ? dict_getitem(t->dict, name) : dict_getitem_cstr(t->dict, cname);
}

/* ---- the class attribute cache ---------------------------------------------
 * CPython's type attribute cache: what a look-up along a class's MRO found
 * (a value, or nothing) is remembered per (class, name), so that making an
 * instance or reaching its attributes does not hash the name and probe
 * every dict along the MRO each time.  Names are keyed by identity: the
 * str object, or the address of the C text (static text, as the
 * class_lookup_cstr contract says, like CPython's static dunder strs).
 *
 * An entry holds while:
 *   - attr_cache_epoch is unchanged.  It moves when a class is cleared or
 *     freed (its MRO goes; its address may be reused by a new class) and
 *     when a str that keys an entry is freed (its address may be reused by
 *     another name: such strs carry MpStr.attr_key);
 *   - no dict along the MRO changed: the sum of their versions and sizes
 *     is as when the entry was made (versions only grow; clearing a dict
 *     shrinks its size), whoever changed them (a class's setattr, or its
 *     dict reached through gc.get_referents).
 * A hit returns the same borrowed value the look-up would, and looking up
 * allocates and frees nothing, so the cache changes no memory event. */

enum { ATTR_CACHE_SIZE = 512 };

typedef struct AttrEntry {
    const MpType *type;
    const void *key;          /* the name str, or the C text */
    uint64_t epoch;           /* 0: empty */
    uint64_t dicts_state;
    MpObject *value;          /* borrowed; NULL: the MRO does not have it */
    int key_index;            /* the name's index in the cached keys; -1: unknown */
} AttrEntry;

static AttrEntry attr_cache[ATTR_CACHE_SIZE];
static uint64_t attr_cache_epoch = 1;

void class_cache_invalidate(void) { attr_cache_epoch++; }

/* A dict's version and size in one number (what changes when it does). */
static inline uint64_t dict_state(const MpObject *o)
{
    const MpDict *d = (const MpDict *)o;
    return d ? d->version + ((uint64_t)d->used << 32) : 0;
}

/* The states of the dicts along the MRO of a class, summed. */
static inline uint64_t mro_dicts_state(const MpType *cls)
{
    uint64_t state = 0;
    const MpTuple *mro = (const MpTuple *)cls->mro;
    for (int64_t i = 0; i < ((const MpClass *)cls)->mro_dicts_end; i++)
        state += dict_state(((MpType *)mro->items[i])->dict);
    return state;
}

static inline AttrEntry *attr_cache_slot(const MpType *cls, const void *key)
{
    uintptr_t h = ((uintptr_t)cls >> 4) * 31 + ((uintptr_t)key >> 3);
    return &attr_cache[(h ^ (h >> 9)) & (ATTR_CACHE_SIZE - 1)];
}

/* The entry of (cls, key) if the cache has one, whatever the dicts' state. */
static inline AttrEntry *attr_cache_entry(const MpType *cls, const void *key)
{
    AttrEntry *e = attr_cache_slot(cls, key);
    return e->type == cls && e->key == key && e->epoch == attr_cache_epoch ? e : NULL;
}

static MpObject *class_find_uncached(MpType *cls, MpObject *name, const char *cname);

/* A look-up the cache did not have, remembered in entry e (out of line:
 * the hit path stays small). */
static __attribute__((noinline))
MpObject *attr_cache_fill(AttrEntry *e, MpType *cls, MpObject *name, const char *cname,
                          const void *key, uint64_t state)
{
    MpObject *v = class_find_uncached(cls, name, cname);
    if (err_occurred())
        return v;
    if (name)
        ((MpStr *)name)->attr_key = 1;
    *e = (AttrEntry){ cls, key, attr_cache_epoch, state, v, -1 };
    return v;
}

/* class_find_uncached through the cache (classes with an MRO, str names;
 * only classes have an MRO stored). */
static inline MpObject *class_find(MpType *cls, MpObject *name, const char *cname)
{
    if (!cls->mro || (name && name->type != &MpStr_Type))
        return class_find_uncached(cls, name, cname);
    const void *key = name ? (const void *)name : (const void *)cname;
    AttrEntry *e = attr_cache_slot(cls, key);
    uint64_t state = mro_dicts_state(cls);
    if (e->type == cls && e->key == key && e->epoch == attr_cache_epoch && e->dicts_state == state)
        return e->value;
    return attr_cache_fill(e, cls, name, cname, key, state);
}

/* ---- instances ------------------------------------------------------------- */

int instance_traverse(MpObject *o, MpVisit visit, void *arg) { return instance_traverse_inline(o, visit, arg); }

/* Releases the attributes (insertion order) and the values array. */
static void instance_free_values(MpObject *o)
{
    MpManaged *m = instance_managed(o);
    MpValues *vals = m->values;
    if (!vals)
        return;
    m->values = NULL;
    for (int i = 0; i < vals->n; i++) {
        MpObject *v = vals->slots[vals->order[i]];
        vals->slots[vals->order[i]] = NULL;
        mp_xdecref(v);
    }
    MP_EMIT(MP_EV_BUF_FREE, o, vals, MP_VALUES_SIZE, 0, 0);
    mem_free(vals);
}

static void instance_clear(MpObject *o)
{
    MpManaged *m = instance_managed(o);
    if (m->dict)
        MP_CLEAR(m->dict);
    else
        instance_free_values(o);
}

/* __del__ through the class: errors become "Exception ignored in". */
static void instance_finalize(MpObject *o)
{
    MpObject *del = class_lookup_cstr(o->type, "__del__");
    if (!del)
        return;
    mp_incref(del);
    MpObject *saved = err_fetch();   /* __del__ may run while an error unwinds */
    MpObject *r = call_object(del, 1, &o);
    if (r)
        mp_decref(r);
    else
        err_write_unraisable(del);
    err_restore(saved);
    mp_decref(del);
}

/* PyObject_CallFinalizerFromDealloc: 0 if the object may die, -1 if the
 * finalizer resurrected it. */
static int instance_finalize_from_dealloc(MpObject *o)
{
    if (o->gcstate & MP_GCS_FINALIZED)
        return 0;
    o->refcnt = 1;
    o->gcstate |= MP_GCS_FINALIZED;
    MP_EMIT(MP_EV_FINALIZE, o, 0, 0, 0, 0);
    instance_finalize(o);
    if (--o->refcnt == 0)
        return 0;
    MP_EMIT(MP_EV_RESURRECT, o, 0, 0, 0, 0);
    return -1;
}

/* __del__ from a dealloc (PEP 442): the object is tracked while it runs;
 * -1 if it resurrected the object. */
static int finalize_in_dealloc(MpObject *o)
{
    if (!o->type->finalize)
        return 0;
    gc_track(o);
    if (instance_finalize_from_dealloc(o) < 0)
        return -1;
    gc_untrack(o);
    return 0;
}

static void instance_dealloc(MpObject *o)
{
    MpInstance *inst = (MpInstance *)o;
    MpManaged *m = instance_managed(o);
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if (finalize_in_dealloc(o) < 0)
        goto end;   /* resurrected */
    if (inst->weakreflist)
        weakref_clear_refs(o);
    if (o->type->finalize) {
        /* weakrefs made by __del__ are cleared without callbacks */
        while (inst->weakreflist)
            weakref_clear_ref(inst->weakreflist);
    }
    if (m->dict)
        MP_CLEAR(m->dict);
    else
        instance_free_values(o);
    object_free_inline(o);   /* releases the class reference last */
end:
    trash_end();
}

/* ---- __slots__ layout ------------------------------------------------------------
 * A class whose body defines __slots__ (its base being object or another
 * such class) has instances without the managed-dict pre-header:
 *
 *   [ GC head ][ refcnt gcstate type ][ field 0 ... field n-1 ]
 *
 * The fields are named by the class's slot_fields tuple: the base's
 * fields, then the class's own slots (sorted, as CPython sorts them), then
 * "__dict__" and "__weakref__" when the class adds them.  CPython's size:
 * 16 + 8 per slot, + 8 for a __weakref__ slot; a __dict__ is a managed dict
 * (16 bytes of pre-header), counted here as 16 bytes of the object. */

static MpObject **slotted_fields(MpObject *o) { return (MpObject **)(o + 1); }

/* Index of name among the instance's fields; -1 if none. */
static int slotted_index(MpType *t, const char *name_c, MpObject *name)
{
    MpObject *f = ((MpClass *)t)->slot_fields;
    for (int64_t i = 0; i < tuple_size(f); i++) {
        MpObject *x = tuple_item(f, i);
        if (name ? (x == name || object_eq(x, name) == 1) : str_eq_cstr(x, name_c))
            return (int)i;
    }
    return -1;
}

/* The instance's dict field (NULL if the layout has none). */
static MpObject **slotted_dictptr(MpObject *o)
{
    int i = slotted_index(o->type, "__dict__", NULL);
    return i < 0 ? NULL : &slotted_fields(o)[i];
}

static int slotted_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpObject *f = ((MpClass *)o->type)->slot_fields;
    int r;
    for (int64_t i = 0; i < tuple_size(f); i++) {
        MpObject *v = slotted_fields(o)[i];
        if (v && !str_eq_cstr(tuple_item(f, i), "__weakref__") && (r = visit(v, arg)))
            return r;
    }
    return visit(MP_OBJ(o->type), arg);
}

static void slotted_clear_fields(MpObject *o)
{
    MpObject *f = ((MpClass *)o->type)->slot_fields;
    for (int64_t i = 0; i < tuple_size(f); i++)
        if (!str_eq_cstr(tuple_item(f, i), "__weakref__"))
            MP_CLEAR(slotted_fields(o)[i]);
}

static void slotted_dealloc(MpObject *o)
{
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if (finalize_in_dealloc(o) < 0)
        goto end;   /* resurrected */
    if (o->type->weaklistoffset) {
        MpWeakref **list = weakref_listptr(o);
        if (*list)
            weakref_clear_refs(o);
        if (o->type->finalize)
            while (*list)
                weakref_clear_ref(*list);
    }
    slotted_clear_fields(o);
    object_free(o);   /* releases the class reference last */
end:
    trash_end();
}

/* ---- member descriptors (CPython's PyMemberDescrObject, 48 bytes + GC
 * head): one per slot in the class's dict, reading and writing the field. */
typedef struct MpMemberDescr {
    MpObject ob;
    MpType *owner;      /* d_type */
    MpObject *name;     /* d_name */
    int64_t index;      /* field index in the owner's layout */
} MpMemberDescr;

enum { MP_MEMBER_DESCR_SIZE = 48 };
_Static_assert(sizeof(MpMemberDescr) <= MP_MEMBER_DESCR_SIZE, "member descriptor fits");

static int member_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpMemberDescr *d = (MpMemberDescr *)o;
    int r;
    if (d->owner && (r = visit(MP_OBJ(d->owner), arg)))
        return r;
    return d->name ? visit(d->name, arg) : 0;
}

static void member_clear(MpObject *o)
{
    MpMemberDescr *d = (MpMemberDescr *)o;
    MpObject *owner = MP_OBJ(d->owner);
    d->owner = NULL;
    mp_xdecref(owner);
    MP_CLEAR(d->name);
}

static void member_dealloc(MpObject *o)
{
    gc_untrack(o);
    member_clear(o);
    object_free(o);
}

static MpObject *member_repr(MpObject *o)
{
    MpMemberDescr *d = (MpMemberDescr *)o;
    char name[100], buf[260];
    str_to_cbuf(d->name, name, sizeof name);
    snprintf(buf, sizeof buf, "<member '%s' of '%s' objects>", name,
             d->owner ? d->owner->name : "?");
    return str_from_cstr(buf);
}

MpType MpMemberDescr_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "member_descriptor", .basicsize = MP_MEMBER_DESCR_SIZE,
    .flags = MP_TF_GC, .dealloc = member_dealloc, .traverse = member_traverse,
    .clear = member_clear, .repr = member_repr,
};

static MpObject *member_new(MpType *owner, MpObject *name, int64_t index)
{
    MpMemberDescr *d = (MpMemberDescr *)object_new(&MpMemberDescr_Type, 0, sizeof(MpMemberDescr));
    if (!d)
        return NULL;
    d->owner = (MpType *)mp_newref(MP_OBJ(owner));
    d->name = mp_newref(name);
    d->index = index;
    gc_track(MP_OBJ(d));
    return MP_OBJ(d);
}

/* descr_check: the instance must be of the owner's layout: 0; 1 for a
 * subclass memplay lays out with a managed dict (several bases), whose
 * attribute then lives there; -1 with TypeError otherwise. */
static int member_check(MpMemberDescr *d, MpObject *self)
{
    if (d->owner && type_is_subtype(self->type, d->owner))
        return (self->type->flags & MP_TF_SLOTTED) ? 0 : 1;
    char name[100];
    str_to_cbuf(d->name, name, sizeof name);
    err_set(&MpExc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
            name, d->owner ? d->owner->name : "?", self->type->name);
    return -1;
}

MpObject *member_get(MpObject *v, MpObject *self)
{
    MpMemberDescr *d = (MpMemberDescr *)v;
    if (!self || self == MP_NONE)
        return mp_newref(v);
    int c = member_check(d, self);
    if (c < 0)
        return NULL;
    MpObject *x = c ? ((self->type->flags & MP_TF_MANAGED_DICT) ? instance_lookup_own(self, d->name) : NULL)
                    : slotted_fields(self)[d->index];
    if (!x) {
        char name[100];
        str_to_cbuf(d->name, name, sizeof name);
        err_set(&MpExc_AttributeError, "'%s' object has no attribute '%s'", self->type->name, name);
        return NULL;
    }
    return mp_newref(x);
}

int member_set(MpObject *v, MpObject *self, MpObject *value)
{
    MpMemberDescr *d = (MpMemberDescr *)v;
    int c = member_check(d, self);
    if (c < 0)
        return -1;
    if (c) {
        if (!(self->type->flags & MP_TF_MANAGED_DICT)) {
            err_set(&MpExc_TypeError, "'%s' object does not support slot assignment", self->type->name);
            return -1;
        }
        return value ? instance_setattr(self, d->name, value) : instance_delattr(self, d->name);
    }
    MpObject *old = slotted_fields(self)[d->index];
    if (!value && !old) {
        /* member_set: the bare name */
        char name[100];
        str_to_cbuf(d->name, name, sizeof name);
        err_set(&MpExc_AttributeError, "%s", name);
        return -1;
    }
    slotted_fields(self)[d->index] = value ? mp_newref(value) : NULL;
    mp_xdecref(old);
    return 0;
}

static int name_cmp(MpObject *a, MpObject *b)
{
    int64_t n = str_len(a), m = str_len(b);
    for (int64_t i = 0; i < n && i < m; i++) {
        uint32_t x = str_char_at(a, i), y = str_char_at(b, i);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return n < m ? -1 : n > m;
}

/* The slot names of a __slots__ value (str or iterable of str) appended to
 * list l; -1 with TypeError otherwise. */
static int slots_names(MpObject *slots, MpObject *l)
{
    if (str_check(slots))
        return list_append(l, slots);
    MpObject *it = obj_iter(slots), *x;
    if (!it)
        return -1;
    while ((x = obj_next(it))) {
        if (!str_check(x)) {
            err_set(&MpExc_TypeError, "__slots__ items must be strings, not '%s'", x->type->name);
            mp_decref(x);
            mp_decref(it);
            return -1;
        }
        int rc = list_append(l, x);
        mp_decref(x);
        if (rc < 0) {
            mp_decref(it);
            return -1;
        }
    }
    mp_decref(it);
    return err_occurred() ? -1 : 0;
}

/* Gives class t the slotted layout when it qualifies: 1 done, 0 not
 * slotted, -1 error. */
static int class_setup_slots(MpType *t, MpObject *bases)
{
    MpType *base = t->base;
    int base_slotted = (base->flags & MP_TF_SLOTTED) != 0;
    MpObject *own = dict_getitem_cstr(t->dict, "__slots__");
    if (bases && tuple_size(bases) > 1)
        return 0;
    if (!(base == &MpBaseObject_Type ? own != NULL : base_slotted))
        return 0;
    MpObject *names = list_new(0);
    if (!names)
        return -1;
    int add_dict = 0, add_weak = 0;
    int base_dict = base_slotted && slotted_index(base, "__dict__", NULL) >= 0;
    int base_weak = base_slotted && slotted_index(base, "__weakref__", NULL) >= 0;
    if (own) {
        if (slots_names(own, names) < 0) {
            mp_decref(names);
            return -1;
        }
    } else {
        add_dict = !base_dict;
        add_weak = !base_weak;
    }
    /* own names: __dict__ / __weakref__ become the layout's fields */
    int64_t n = list_size(names), k = 0;
    MpObject **own_names = n ? malloc((size_t)n * sizeof *own_names) : NULL;
    for (int64_t i = 0; i < n; i++) {
        MpObject *x = list_getitem(names, i);
        if (str_eq_cstr(x, "__dict__")) {
            if (base_dict || add_dict) {
                err_set(&MpExc_TypeError, "__dict__ slot disallowed: we already got one");
                free(own_names);
                mp_decref(names);
                return -1;
            }
            add_dict = 1;
        } else if (str_eq_cstr(x, "__weakref__")) {
            if (base_weak || add_weak) {
                err_set(&MpExc_TypeError, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                free(own_names);
                mp_decref(names);
                return -1;
            }
            add_weak = 1;
        } else {
            if (dict_getitem(t->dict, x)) {
                char buf[100];
                str_to_cbuf(x, buf, sizeof buf);
                err_set(&MpExc_ValueError, "'%s' in __slots__ conflicts with class variable", buf);
                free(own_names);
                mp_decref(names);
                return -1;
            }
            own_names[k++] = x;
        }
    }
    /* sorted, as type_new sorts the slot names */
    for (int64_t i = 1; i < k; i++)
        for (int64_t j = i; j > 0 && name_cmp(own_names[j - 1], own_names[j]) > 0; j--) {
            MpObject *tmp = own_names[j];
            own_names[j] = own_names[j - 1];
            own_names[j - 1] = tmp;
        }
    MpObject *bf = base_slotted ? ((MpClass *)base)->slot_fields : NULL;
    int64_t nb = bf ? tuple_size(bf) : 0;
    MpObject *fields = tuple_new(nb + k + add_dict + add_weak);
    MpObject *sd = add_dict ? str_from_cstr("__dict__") : NULL;
    MpObject *sw = add_weak ? str_from_cstr("__weakref__") : NULL;
    if (!fields || (add_dict && !sd) || (add_weak && !sw)) {
        mp_xdecref(fields);
        mp_xdecref(sd);
        mp_xdecref(sw);
        free(own_names);
        mp_decref(names);
        return -1;
    }
    int64_t p = 0;
    for (int64_t i = 0; i < nb; i++)
        ((MpTuple *)fields)->items[p++] = mp_newref(tuple_item(bf, i));
    for (int64_t i = 0; i < k; i++)
        ((MpTuple *)fields)->items[p++] = mp_newref(own_names[i]);
    if (sd)
        ((MpTuple *)fields)->items[p++] = sd;
    if (sw)
        ((MpTuple *)fields)->items[p++] = sw;
    /* a member descriptor per own slot, in the class's dict */
    for (int64_t i = 0; i < k; i++) {
        MpObject *md = member_new(t, own_names[i], nb + i);
        int rc = md ? dict_setitem(t->dict, own_names[i], md) : -1;
        mp_xdecref(md);
        if (rc < 0) {
            mp_decref(fields);
            free(own_names);
            mp_decref(names);
            return -1;
        }
    }
    free(own_names);
    mp_decref(names);
    MpClass *c = (MpClass *)t;
    c->slot_fields = fields;
    int64_t nf = tuple_size(fields);
    int has_dict = base_dict || add_dict;
    if (!has_dict && c->cached_keys) {
        /* no managed dict: CPython keeps no shared keys for the class */
        MP_EMIT(MP_EV_BUF_FREE, MP_OBJ(c), c->cached_keys, MP_CACHED_KEYS_SIZE, 0, 0);
        mem_free(c->cached_keys);
        c->cached_keys = NULL;
    }
    t->flags = MP_TF_GC | MP_TF_HEAPTYPE | MP_TF_BASETYPE | MP_TF_SLOTTED;
    t->basicsize = (uint32_t)(MP_OBJECT_SIZE + 8 * nf + (has_dict ? 8 : 0));
    int wi = -1;
    for (int64_t i = 0; i < nf; i++)
        if (str_eq_cstr(tuple_item(fields, i), "__weakref__"))
            wi = (int)i;
    t->weaklistoffset = wi < 0 ? 0 : (uint32_t)(sizeof(MpObject) + (size_t)wi * sizeof(MpObject *));
    t->dealloc = slotted_dealloc;
    t->traverse = slotted_traverse;
    t->clear = slotted_clear_fields;
    return 1;
}

/* Whether class_setup_slots will give the class a layout without a
 * __dict__ (decided before the class is built, so that no shared keys are
 * made for it); 0 when unsure. */
static int slots_without_dict(MpObject *ns, MpObject *bases, MpType *base)
{
    MpObject *own = ns ? dict_getitem_cstr(ns, "__slots__") : NULL;
    if (!own || (bases && tuple_size(bases) > 1))
        return 0;
    if (base != &MpBaseObject_Type
        && (!(base->flags & MP_TF_SLOTTED) || slotted_index(base, "__dict__", NULL) >= 0))
        return 0;
    if (str_check(own))
        return !str_eq_cstr(own, "__dict__");
    if (own->type != &MpTuple_Type && own->type != &MpList_Type)
        return 0;
    int64_t n = own->type == &MpTuple_Type ? tuple_size(own) : list_size(own);
    for (int64_t i = 0; i < n; i++) {
        MpObject *x = own->type == &MpTuple_Type ? tuple_item(own, i) : list_getitem(own, i);
        if (!str_check(x) || str_eq_cstr(x, "__dict__"))
            return 0;
    }
    return 1;
}

static MpObject *slotted_new(MpType *cls)
{
    int64_t nf = tuple_size(((MpClass *)cls)->slot_fields);
    MpObject *o = object_new(cls, 0, sizeof(MpObject) + (size_t)nf * sizeof(MpObject *));
    if (!o)
        return NULL;
    gc_track(o);
    return o;
}

static MpValues *values_new(MpObject *owner)
{
    MpValues *v = mem_alloc(MP_VALUES_SIZE);
    if (!v)
        return NULL;
    mem_zero(v, sizeof *v);
    MP_EMIT(MP_EV_BUF_ALLOC, owner, v, MP_VALUES_SIZE, 0, 0);
    return v;
}

static MpObject *instance_new(MpType *cls)
{
    MpObject *o = object_new_inline(cls, object_size(cls, 0), sizeof(MpInstance));
    if (!o)
        return NULL;
    MpValues *v = values_new(o);
    if (!v) {
        mp_decref(o);
        return NULL;
    }
    instance_managed(o)->values = v;
    gc_track(o);
    return o;
}

static int find_cached_key(MpClass *c, MpObject *name, int add)
{
    /* the keys differ from one another, so a key that is name itself is
     * the one equal to it: identity first, as most names are the same str */
    for (uint32_t i = 0; i < c->nkeys; i++)
        if (c->cached_keys[i] == name)
            return (int)i;
    for (uint32_t i = 0; i < c->nkeys; i++)
        if (object_eq(c->cached_keys[i], name) == 1)
            return (int)i;
    if (!add || c->nkeys >= MP_INLINE_ATTRS)
        return -1;
    c->cached_keys[c->nkeys] = mp_newref(name);
    return (int)c->nkeys++;
}

/* Index of name in the class's cached keys, adding it if room; -1 if full.
 * The keys only grow while the class lives, so a name's index is kept in
 * the attribute cache entry its class look-up made (attribute access looks
 * the name up on the class first). */
static int cached_key_index(MpClass *c, MpObject *name, int add)
{
    AttrEntry *e = attr_cache_entry(&c->type, name);
    if (e && e->key_index >= 0)
        return e->key_index;
    int k = find_cached_key(c, name, add);
    if (e)
        e->key_index = k;
    return k;
}

/* Moves inline attributes into a new dict (insertion order). */
static MpObject *instance_materialize_dict(MpObject *o)
{
    MpManaged *m = instance_managed(o);
    MpClass *c = (MpClass *)o->type;
    if (m->dict)
        return m->dict;
    MpObject *d = dict_new();
    if (!d)
        return NULL;
    MpValues *vals = m->values;
    for (int i = 0; vals && i < vals->n; i++) {
        int k = vals->order[i];
        if (vals->slots[k] && dict_setitem(d, c->cached_keys[k], vals->slots[k]) < 0) {
            mp_decref(d);
            return NULL;
        }
    }
    instance_free_values(o);
    m->dict = d;
    return d;
}

MpObject *instance_dict(MpObject *o)
{
    if (o->type->flags & MP_TF_SLOTTED) {
        MpObject **dp = slotted_dictptr(o);
        if (!dp) {
            err_set(&MpExc_AttributeError, "'%s' object has no attribute '__dict__'", o->type->name);
            return NULL;
        }
        if (!*dp && !(*dp = dict_new()))
            return NULL;
        return mp_newref(*dp);
    }
    MpObject *d = instance_materialize_dict(o);
    return d ? mp_newref(d) : NULL;
}

static int values_position(const MpValues *vals, int slot)
{
    for (int i = 0; i < vals->n; i++)
        if (vals->order[i] == slot)
            return i;
    return -1;
}

/* An attribute that is not a slot: the instance's __dict__, if its layout
 * has one (the slots are set through their member descriptors). */
static int slotted_setattr(MpObject *o, MpObject *name, MpObject *value)
{
    MpObject **dp = slotted_dictptr(o);
    if (dp) {
        if (!*dp && !(*dp = dict_new()))
            return -1;
        if (value)
            return dict_setitem(*dp, name, value);
        if (dict_getitem(*dp, name))
            return dict_delitem(*dp, name);
    }
    char buf[100];
    str_to_cbuf(name, buf, sizeof buf);
    err_set(&MpExc_AttributeError, "'%s' object has no attribute '%s'", o->type->name, buf);
    return -1;
}

/* The inline value slot of name in o for the fast paths, NULL if they do
 * not apply.  Dunder names (__class__, __dict__) take the general path.
 * always_inline: clang kept it a call from both fast paths. */
static inline __attribute__((always_inline)) MpObject **fast_attr_slot(MpObject *o, MpObject *name)
{
    MpManaged *m = instance_managed(o);
    const uint8_t *s = str_data(name);
    if (m->dict || !m->values || (s[0] == '_' && s[1] == '_'))
        return NULL;
    AttrEntry *e = attr_cache_entry(o->type, name);
    if (!e || e->key_index < 0 || e->dicts_state != mro_dicts_state(o->type)
        || (e->value && descr_is_data(e->value)))
        return NULL;
    return &m->values->slots[e->key_index];
}

MpObject *instance_load_attr_fast(MpObject *o, MpObject *name)
{
    MpObject **slot = fast_attr_slot(o, name);
    return slot && *slot ? mp_newref(*slot) : NULL;
}

int instance_store_attr_fast(MpObject *o, MpObject *name, MpObject *value)
{
    MpObject **slot = fast_attr_slot(o, name);
    if (!slot || class_has_slots(o->type))
        return 0;
    MpValues *vals = instance_managed(o)->values;
    MpObject *old = *slot;
    if (!old)
        vals->order[vals->n++] = (uint8_t)(slot - vals->slots);
    *slot = mp_newref(value);
    mp_xdecref(old);
    return 1;
}

int instance_setattr(MpObject *o, MpObject *name, MpObject *value)
{
    if (o->type->flags & MP_TF_SLOTTED)
        return slotted_setattr(o, name, value);
    MpManaged *m = instance_managed(o);
    if (!m->dict && m->values) {
        int k = cached_key_index((MpClass *)o->type, name, 1);
        if (k >= 0) {
            MpValues *vals = m->values;
            MpObject *old = vals->slots[k];
            if (!old)
                vals->order[vals->n++] = (uint8_t)k;
            vals->slots[k] = mp_newref(value);
            mp_xdecref(old);
            return 0;
        }
        if (!instance_materialize_dict(o))
            return -1;
    }
    if (!m->dict && !instance_materialize_dict(o))
        return -1;
    return dict_setitem(m->dict, name, value);
}

int instance_delattr(MpObject *o, MpObject *name)
{
    if (o->type->flags & MP_TF_SLOTTED)
        return slotted_setattr(o, name, NULL);
    MpManaged *m = instance_managed(o);
    if (!m->dict && m->values) {
        int k = cached_key_index((MpClass *)o->type, name, 0);
        int pos = k >= 0 ? values_position(m->values, k) : -1;
        if (pos >= 0) {
            MpValues *vals = m->values;
            MpObject *old = vals->slots[k];
            vals->slots[k] = NULL;
            memmove(vals->order + pos, vals->order + pos + 1, (size_t)(vals->n - pos - 1));
            vals->n--;
            mp_decref(old);
            return 0;
        }
    } else if (m->dict && dict_getitem(m->dict, name)) {
        return dict_delitem(m->dict, name);
    }
    char buf[100];
    str_to_cbuf(name, buf, sizeof buf);
    err_set(&MpExc_AttributeError, "'%s' object has no attribute '%s'", o->type->name, buf);
    return -1;
}

/* The first class along the MRO (or the base chain, before the MRO is
 * built) whose dict has the name. */
static MpObject *class_find_uncached(MpType *cls, MpObject *name, const char *cname)
{
    if (cls->mro) {
        for (int64_t i = 0; i < tuple_size(cls->mro); i++) {
            MpObject *v = dict_of_get((MpType *)tuple_item(cls->mro, i), name, cname);
            if (v)
                return v;
        }
        return NULL;
    }
    for (MpType *t = cls; t; t = t->base) {
        MpObject *v = dict_of_get(t, name, cname);
        if (v)
            return v;
    }
    return NULL;
}

MpObject *class_lookup(MpType *cls, MpObject *name) { return class_find(cls, name, NULL); }

/* Without making a str of name: a lookup by C text allocates nothing (the
 * names of dunders are interned in CPython). */
MpObject *class_lookup_cstr(MpType *cls, const char *name) { return class_find(cls, NULL, name); }

MpObject *class_mro(MpType *t)
{
    if (t->mro)
        return mp_newref(t->mro);
    int n = 0;
    for (MpType *c = t; c; c = c->base)
        n++;
    MpObject *tup = tuple_new(n);
    if (!tup)
        return NULL;
    int i = 0;
    for (MpType *c = t; c; c = c->base) {
        MpObject *ref = mp_newref(MP_OBJ(c));   /* the event before the slot */
        ((MpTuple *)tup)->items[i++] = ref;
    }
    return tup;
}

/* C3 linearization of the bases' MROs (CPython's mro_implementation). */
static MpObject *compute_mro(MpType *cls, MpObject *bases)
{
    enum { MAXB = 16, MAXL = 64 };
    MpObject *seqs[MAXB + 1];
    int lens[MAXB + 1], pos[MAXB + 1], nseq = 0;
    int nb = (int)tuple_size(bases);
    if (nb > MAXB) {
        err_set(&MpExc_TypeError, "too many base classes");
        return NULL;
    }
    for (int i = 0; i < nb; i++) {
        seqs[nseq] = class_mro((MpType *)tuple_item(bases, i));
        if (!seqs[nseq]) {
            for (int k = 0; k < nseq; k++)
                mp_decref(seqs[k]);
            return NULL;
        }
        lens[nseq] = (int)tuple_size(seqs[nseq]);
        pos[nseq++] = 0;
    }
    seqs[nseq] = mp_newref(bases);
    lens[nseq] = nb;
    pos[nseq++] = 0;
    MpObject *out[MAXL];
    int nout = 0;
    out[nout++] = MP_OBJ(cls);
    int ok = 1;
    for (;;) {
        int remaining = 0;
        MpObject *cand = NULL;
        for (int i = 0; i < nseq && !cand; i++) {
            if (pos[i] >= lens[i])
                continue;
            remaining = 1;
            MpObject *c = tuple_item(seqs[i], pos[i]);
            int in_tail = 0;
            for (int j = 0; j < nseq && !in_tail; j++)
                for (int k = pos[j] + 1; k < lens[j]; k++)
                    if (tuple_item(seqs[j], k) == c) {
                        in_tail = 1;
                        break;
                    }
            if (!in_tail)
                cand = c;
        }
        if (!remaining)
            break;
        if (!cand || nout >= MAXL) {
            ok = 0;
            break;
        }
        out[nout++] = cand;
        for (int i = 0; i < nseq; i++)
            if (pos[i] < lens[i] && tuple_item(seqs[i], pos[i]) == cand)
                pos[i]++;
    }
    if (!ok) {
        /* CPython names the heads left unmerged, each once */
        char names[300] = "";
        MpObject *seen[MAXB + 1];
        int nseen = 0;
        for (int i = 0; i < nseq; i++) {
            if (pos[i] >= lens[i])
                continue;
            MpObject *h = tuple_item(seqs[i], pos[i]);
            int dup = 0;
            for (int k = 0; k < nseen; k++)
                dup |= seen[k] == h;
            if (dup)
                continue;
            seen[nseen++] = h;
            size_t len = strlen(names);
            snprintf(names + len, sizeof names - len, "%s%s", nseen > 1 ? ", " : "", ((MpType *)h)->name);
        }
        err_set(&MpExc_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s", names);
    }
    for (int k = 0; k < nseq; k++)
        mp_decref(seqs[k]);
    if (!ok)
        return NULL;
    MpObject *mro = tuple_new(nout);
    if (!mro)
        return NULL;
    /* as in CPython, the MRO starts with the class itself (a cycle) */
    for (int i = 0; i < nout; i++)
        ((MpTuple *)mro)->items[i] = mp_newref(out[i]);
    return mro;
}

MpObject *instance_lookup_own(MpObject *o, MpObject *name)
{
    if (o->type->flags & MP_TF_SLOTTED) {
        /* the slots are reached through their member descriptors */
        MpObject **dp = slotted_dictptr(o);
        return dp && *dp ? dict_getitem(*dp, name) : NULL;
    }
    MpManaged *m = instance_managed(o);
    if (m->dict)
        return dict_getitem(m->dict, name);
    if (m->values) {
        int k = cached_key_index((MpClass *)o->type, name, 0);
        if (k >= 0 && m->values->slots[k])
            return m->values->slots[k];
    }
    return NULL;
}

MpObject *instance_getattr(MpObject *o, MpObject *name)
{
    MpObject *own = instance_lookup_own(o, name);
    if (own)
        return mp_newref(own);
    MpObject *v = class_lookup(o->type, name);
    if (v) {
        if (v->type == &MpFunction_Type)
            return method_new(v, o);
        return mp_newref(v);
    }
    char buf[100];
    str_to_cbuf(name, buf, sizeof buf);
    err_set(&MpExc_AttributeError, "'%s' object has no attribute '%s'", o->type->name, buf);
    return NULL;
}

/* ---- classes ------------------------------------------------------------------- */

int class_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpType *t = (MpType *)o;
    MpClass *c = (MpClass *)o;
    int r;
    if (!(t->flags & MP_TF_HEAPTYPE))
        return 0;   /* a static type: not an MpClass */
    MpObject *refs[] = { t->dict, t->mro, t->bases, MP_OBJ(t->base), t->qualname, c->slot_fields };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    for (uint32_t i = 0; i < c->nkeys; i++)
        if ((r = visit(c->cached_keys[i], arg)))
            return r;
    return 0;
}

void class_clear(MpObject *o)
{
    MpType *t = (MpType *)o;
    if (!(t->flags & MP_TF_HEAPTYPE))
        return;
    MP_CLEAR(t->dict);
    MP_CLEAR(t->mro);
    class_cache_invalidate();
}

void class_dealloc(MpObject *o)
{
    MpType *t = (MpType *)o;
    MpClass *c = (MpClass *)o;
    if (!(t->flags & MP_TF_HEAPTYPE)) {
        fprintf(stderr, "memplay: refcount of static type %s dropped to zero\n", t->name);
        return;
    }
    gc_untrack(o);
    if (t->weakreflist)
        weakref_clear_refs(o);
    MP_CLEAR(t->base);
    MP_CLEAR(t->dict);
    MP_CLEAR(t->mro);
    MP_CLEAR(t->bases);
    MP_CLEAR(t->qualname);
    MP_CLEAR(c->slot_fields);
    for (uint32_t i = 0; i < c->nkeys; i++)
        mp_decref(c->cached_keys[i]);
    if (c->cached_keys) {
        MP_EMIT(MP_EV_BUF_FREE, o, c->cached_keys, MP_CACHED_KEYS_SIZE, 0, 0);
        mem_free(c->cached_keys);
    }
    object_free(o);
    class_cache_invalidate();   /* a new class may come to this address */
}

size_t class_getsizeof(MpObject *o)
{
    const MpType *t = (const MpType *)o;
    if (t->flags & MP_TF_HEAPTYPE)
        return MP_GC_HEAD_SIZE + MP_CLASS_SIZE
             + (((const MpClass *)o)->cached_keys ? MP_CACHED_KEYS_SIZE : 0);
    return MP_GC_HEAD_SIZE + MP_STATIC_TYPE_SIZE;
}

MpObject *class_repr(MpObject *o)
{
    MpType *t = (MpType *)o;
    char buf[160];
    if (t->flags & MP_TF_HEAPTYPE)
        snprintf(buf, sizeof buf, "<class '__main__.%s'>", t->name);
    else
        snprintf(buf, sizeof buf, "<class '%s'>", t->name);
    return str_from_cstr(buf);
}

/* Slots of instances that dispatch to the class's dunder methods, so
 * that containers (reprs, dict keys, set members) see them too. */
static MpObject *instance_repr(MpObject *o)
{
    MpObject *f = class_lookup_cstr(o->type, "__repr__");
    if (f) {
        int missing;
        return obj_call_method(o, "__repr__", NULL, 0, &missing);
    }
    char buf[200];
    snprintf(buf, sizeof buf, "<__main__.%s object at 0x%llx>", o->type->name,
             (unsigned long long)region_sim(o));
    return str_from_cstr(buf);
}

static int64_t instance_hash(MpObject *o) { return obj_hash(o); }

static int instance_eq(MpObject *a, MpObject *b)
{
    if (!class_lookup_cstr(a->type, "__eq__"))
        return a == b;
    return obj_compare_bool(a, b, OPK_Eq);
}

MpObject *class_new(MpObject *name, MpObject *bases, MpObject *ns)
{
    MpType *base = &MpBaseObject_Type;
    for (int64_t i = 0; bases && i < tuple_size(bases); i++) {
        MpObject *b = tuple_item(bases, i);
        if (b->type != &MpType_Type) {
            err_set(&MpExc_TypeError, "bases must be types");
            return NULL;
        }
        MpType *bt = (MpType *)b;
        if (!(bt->flags & MP_TF_BASETYPE) || (!(bt->flags & MP_TF_HEAPTYPE) && bt != &MpBaseObject_Type
                                              && !exc_type_check(bt))) {
            err_set(&MpExc_TypeError, "type '%s' is not an acceptable base type%s", bt->name,
                    (bt->flags & MP_TF_BASETYPE) ? " for memplay" : "");
            return NULL;
        }
        for (int64_t j = 0; j < i; j++)
            if (tuple_item(bases, j) == b) {
                err_set(&MpExc_TypeError, "duplicate base class %s", bt->name);
                return NULL;
            }
        if (i == 0)
            base = bt;
    }
    MpClass *c = (MpClass *)object_new(&MpType_Type, 0, sizeof(MpClass));
    if (!c)
        return NULL;
    MpType *t = &c->type;
    /* a __slots__ layout without a __dict__ has no shared keys */
    int no_keys = !exc_type_check(base) && slots_without_dict(ns, bases, base);
    c->cached_keys = no_keys ? NULL : mem_alloc(MP_CACHED_KEYS_SIZE);
    t->dict = ns ? dict_copy(ns) : dict_new();
    if ((!no_keys && !c->cached_keys) || !t->dict) {
        /* release through the normal path */
        t->flags = MP_TF_HEAPTYPE;
        mp_decref(MP_OBJ(c));
        return NULL;
    }
    if (c->cached_keys) {
        MP_EMIT(MP_EV_BUF_ALLOC, c, c->cached_keys, MP_CACHED_KEYS_SIZE, 0, 0);
        memset(c->cached_keys, 0, MP_INLINE_ATTRS * sizeof(MpObject *));
    }
    t->qualname = mp_newref(name);
    str_to_cbuf(name, c->name_buf, sizeof c->name_buf);
    t->name = c->name_buf;
    t->basicsize = MP_INSTANCE_SIZE;
    t->flags = MP_TF_GC | MP_TF_HEAPTYPE | MP_TF_BASETYPE | MP_TF_MANAGED_DICT;
    t->weaklistoffset = offsetof(MpInstance, weakreflist);
    t->dealloc = instance_dealloc;
    t->traverse = instance_traverse;
    t->clear = instance_clear;
    t->repr = instance_repr;
    t->hash = instance_hash;
    t->eq = instance_eq;
    t->base = (MpType *)mp_newref(MP_OBJ(base));
    t->bases = bases && tuple_size(bases) ? mp_newref(bases) : tuple_pack(1, MP_OBJ(base));
    if (exc_type_check(base)) {
        /* exception layout: the base's struct plus a weakref slot */
        t->flags = MP_TF_GC | MP_TF_HEAPTYPE | MP_TF_BASETYPE;
        t->basicsize = base->basicsize + 8;
        t->weaklistoffset = offsetof(MpExc, weakreflist);
        t->dealloc = base->dealloc;
        t->traverse = base->traverse;
        t->clear = base->clear;
        t->getattro = base->getattro;
        t->setattro = base->setattro;
        t->str = base->str;
        if (!class_lookup_cstr(base, "__repr__"))
            t->repr = base->repr;
        t->methods = NULL;
    }
    if (!t->bases || !(t->mro = compute_mro(t, t->bases))) {
        gc_track(MP_OBJ(c));
        mp_decref(MP_OBJ(c));
        return NULL;
    }
    for (int64_t i = 0; i < tuple_size(t->mro); i++)
        if (((MpType *)tuple_item(t->mro, i))->flags & MP_TF_HEAPTYPE)
            c->mro_dicts_end = i + 1;
    if (!exc_type_check(base)) {
        int rc = class_setup_slots(t, bases);
        if (rc < 0) {
            gc_track(MP_OBJ(c));
            mp_decref(MP_OBJ(c));
            return NULL;
        }
    }
    if (class_lookup_cstr(t, "__del__"))
        t->finalize = instance_finalize;
    gc_track(MP_OBJ(c));
    return MP_OBJ(c);
}

MpObject *class_call(MpType *cls, int nargs, MpObject **args)
{
    return class_call_kw(cls, args, nargs, NULL);
}

MpObject *class_call_kw(MpType *cls, MpObject **args, int nargs, MpObject *kwnames)
{
    int nkw = kwnames ? (int)tuple_size(kwnames) : 0;
    MpObject *o;
    if (exc_type_check(cls)) {
        MpObject *tup = tuple_new(nargs);
        if (!tup)
            return NULL;
        for (int i = 0; i < nargs; i++)
            ((MpTuple *)tup)->items[i] = mp_newref(args[i]);
        o = exc_alloc_subclass(cls, tup);
        mp_decref(tup);
    } else if (cls->flags & MP_TF_SLOTTED) {
        o = slotted_new(cls);
    } else {
        o = instance_new(cls);
    }
    if (!o)
        return NULL;
    MpObject *init = class_lookup_cstr(cls, "__init__");
    if (init) {
        MpObject *all[258];
        if (nargs + nkw > 256) {
            mp_decref(o);
            err_set(&MpExc_TypeError, "too many arguments");
            return NULL;
        }
        all[0] = o;
        for (int i = 0; i < nargs + nkw; i++)
            all[i + 1] = args[i];
        mp_incref(init);
        /* a Python __init__ (the usual case) straight to the VM, as
         * obj_call would send it: one call layer less */
        MpObject *r = init->type == &MpFunction_Type && call_python_hook
                    ? call_python_hook(init, all, nargs + 1, kwnames) : obj_call(init, all, nargs + 1, kwnames);
        mp_decref(init);
        if (!r) {
            mp_decref(o);
            return NULL;
        }
        if (r != MP_NONE) {
            err_set(&MpExc_TypeError, "__init__() should return None, not '%s'",
                    r->type->name);
            mp_decref(r);
            mp_decref(o);
            return NULL;
        }
        mp_decref(r);
    } else if ((nargs > 0 || nkw > 0) && !exc_type_check(cls)) {
        mp_decref(o);
        err_set(&MpExc_TypeError, "%s() takes no arguments", cls->name);
        return NULL;
    }
    return o;
}

int class_has_slots(MpType *t)
{
    if (!(t->flags & MP_TF_HEAPTYPE) || !t->dict)
        return 0;
    /* asked on every setattr: the answer holds while the dict is unchanged */
    MpClass *c = (MpClass *)t;
    uint64_t state = dict_state(t->dict);
    if (c->slots_dict_state != state) {
        c->has_slots = dict_getitem_cstr(t->dict, "__slots__") != NULL;
        c->slots_dict_state = state;
    }
    return c->has_slots;
}

int class_slot_allowed(MpType *t, MpObject *name)
{
    for (MpType *c = t; c && (c->flags & MP_TF_HEAPTYPE); c = c->base) {
        MpObject *slots = c->dict ? dict_getitem_cstr(c->dict, "__slots__") : NULL;
        if (!slots)
            return 1;   /* a class without __slots__ in the chain has a __dict__ */
        if (str_check(slots)) {
            if (object_eq(slots, name) == 1)
                return 1;
            continue;
        }
        MpObject *it = obj_iter(slots), *x;
        if (!it) {
            err_clear();
            continue;
        }
        int found = 0;
        while (!found && (x = obj_next(it))) {
            found = object_eq(x, name) == 1 || str_eq_cstr(x, "__dict__");
            mp_decref(x);
        }
        mp_decref(it);
        err_clear();
        if (found)
            return 1;
    }
    return 0;
}

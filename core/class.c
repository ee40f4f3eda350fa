/* class.c — classes and instances (see class.h). */
#include <stdio.h>
#include <string.h>
#include "class.h"
#include "call.h"
#include "dict.h"
#include "err.h"
#include "func.h"
#include "gc.h"
#include "mem.h"
#include "region.h"
#include "str.h"
#include "tuple.h"
#include "weakref.h"
#include "exc.h"
#include "abstract.h"

_Static_assert(sizeof(MpClass) <= MP_CLASS_SIZE, "class fits CPython's size");
_Static_assert(sizeof(MpInstance) <= MP_INSTANCE_SIZE, "instance fits CPython's size");
_Static_assert(sizeof(MpValues) <= MP_VALUES_SIZE, "values fit CPython's size");
_Static_assert(sizeof(MpManaged) <= MP_PREHEADER_SIZE, "pre-header fits");
_Static_assert(MP_INLINE_ATTRS * 8 + 32 == MP_VALUES_SIZE, "values layout as 3.11");
_Static_assert(MP_INLINE_ATTRS * sizeof(MpObject *) <= MP_CACHED_KEYS_SIZE, "keys fit");

/* ---- instances ------------------------------------------------------------- */

static int instance_traverse(MpObject *o, MpVisit visit, void *arg)
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

static void instance_dealloc(MpObject *o)
{
    MpInstance *inst = (MpInstance *)o;
    MpManaged *m = instance_managed(o);
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if (o->type->finalize) {
        gc_track(o);
        if (instance_finalize_from_dealloc(o) < 0)
            goto end;   /* resurrected */
        gc_untrack(o);
    }
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
    object_free(o);   /* releases the class reference last */
end:
    trash_end();
}

static MpValues *values_new(MpObject *owner)
{
    MpValues *v = mem_alloc(MP_VALUES_SIZE);
    if (!v)
        return NULL;
    memset(v, 0, sizeof *v);
    MP_EMIT(MP_EV_BUF_ALLOC, owner, v, MP_VALUES_SIZE, 0, 0);
    return v;
}

static MpObject *instance_new(MpType *cls)
{
    MpObject *o = object_new(cls, 0, sizeof(MpInstance));
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

/* Index of name in the class's cached keys, adding it if room; -1 if full. */
static int cached_key_index(MpClass *c, MpObject *name, int add)
{
    for (uint32_t i = 0; i < c->nkeys; i++)
        if (c->cached_keys[i] == name || object_eq(c->cached_keys[i], name) == 1)
            return (int)i;
    if (!add || c->nkeys >= MP_INLINE_ATTRS)
        return -1;
    c->cached_keys[c->nkeys] = mp_newref(name);
    return (int)c->nkeys++;
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

int instance_setattr(MpObject *o, MpObject *name, MpObject *value)
{
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

MpObject *class_lookup(MpType *cls, MpObject *name)
{
    if (cls->mro) {
        for (int64_t i = 0; i < tuple_size(cls->mro); i++) {
            MpType *t = (MpType *)tuple_item(cls->mro, i);
            MpObject *v = t->dict ? dict_getitem(t->dict, name) : NULL;
            if (v)
                return v;
        }
        return NULL;
    }
    for (MpType *t = cls; t; t = t->base) {
        if (!t->dict)
            continue;
        MpObject *v = dict_getitem(t->dict, name);
        if (v)
            return v;
    }
    return NULL;
}

MpObject *class_lookup_cstr(MpType *cls, const char *name)
{
    MpObject *n = str_from_cstr(name);
    if (!n) {
        err_clear();
        return NULL;
    }
    MpObject *v = class_lookup(cls, n);
    mp_decref(n);
    return v;
}

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
    MpObject *refs[] = { t->dict, t->mro, t->bases, MP_OBJ(t->base), t->qualname };
    int r;
    if (!(t->flags & MP_TF_HEAPTYPE))
        return 0;
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
    for (uint32_t i = 0; i < c->nkeys; i++)
        mp_decref(c->cached_keys[i]);
    MP_EMIT(MP_EV_BUF_FREE, o, c->cached_keys, MP_CACHED_KEYS_SIZE, 0, 0);
    mem_free(c->cached_keys);
    object_free(o);
}

size_t class_getsizeof(MpObject *o)
{
    const MpType *t = (const MpType *)o;
    if (t->flags & MP_TF_HEAPTYPE)
        return MP_GC_HEAD_SIZE + MP_CLASS_SIZE + MP_CACHED_KEYS_SIZE;
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
    c->cached_keys = mem_alloc(MP_CACHED_KEYS_SIZE);
    t->dict = ns ? dict_copy(ns) : dict_new();
    if (!c->cached_keys || !t->dict) {
        /* release through the normal path */
        t->flags = MP_TF_HEAPTYPE;
        mp_decref(MP_OBJ(c));
        return NULL;
    }
    MP_EMIT(MP_EV_BUF_ALLOC, c, c->cached_keys, MP_CACHED_KEYS_SIZE, 0, 0);
    memset(c->cached_keys, 0, MP_INLINE_ATTRS * sizeof(MpObject *));
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
        MpObject *r = obj_call(init, all, nargs + 1, kwnames);
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
    return (t->flags & MP_TF_HEAPTYPE) && t->dict && dict_getitem_cstr(t->dict, "__slots__") != NULL;
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

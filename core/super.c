/* super.c — super(type, obj): attribute lookup that starts after `type`
 * in the MRO of obj's class (32 bytes + GC head, as CPython's). */
#include <string.h>
#include "descr.h"
#include "abstract.h"
#include "call.h"
#include "class.h"
#include "err.h"
#include "gc.h"
#include "str.h"
#include "tuple.h"
#include "dict.h"

typedef struct MpSuper {
    MpObject ob;
    MpObject *type, *obj;
    MpType *obj_type;
} MpSuper;

static int super_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpSuper *s = (MpSuper *)o;
    int r;
    if (s->type && (r = visit(s->type, arg)))
        return r;
    return s->obj ? visit(s->obj, arg) : 0;
}

static void super_clear(MpObject *o)
{
    MP_CLEAR(((MpSuper *)o)->type);
    MP_CLEAR(((MpSuper *)o)->obj);
}

static void super_dealloc(MpObject *o)
{
    gc_untrack(o);
    super_clear(o);
    object_free(o);
}

static MpObject *noop_init(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    if (nargs || (kwnames && tuple_size(kwnames))) {
        err_set(&MpExc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        return NULL;
    }
    return mp_newref(MP_NONE);
}

static MpObject *super_getattro(MpObject *o, MpObject *name)
{
    MpSuper *s = (MpSuper *)o;
    MpObject *mro = class_mro(s->obj_type);
    if (!mro)
        return NULL;
    int64_t n = tuple_size(mro), i = 0;
    while (i < n && tuple_item(mro, i) != s->type)
        i++;
    MpObject *self = s->obj == MP_OBJ(s->obj_type) ? NULL : s->obj;
    for (i++; i < n; i++) {
        MpType *t = (MpType *)tuple_item(mro, i);
        MpObject *v = t->dict ? dict_getitem(t->dict, name) : NULL;
        if (v) {
            mp_decref(mro);
            if (v->type == &MpClassMethod_Type)
                return descr_get(v, NULL, s->obj_type);
            return descr_get(v, self, s->obj_type);
        }
        for (const MpMethodDef *d = t->methods; d && d->name; d++)
            if (str_eq_cstr(name, d->name)) {
                mp_decref(mro);
                return builtin_new_kw(d->name, d->fn, self);
            }
        if (t == &MpBaseObject_Type && str_eq_cstr(name, "__init__")) {
            mp_decref(mro);
            return builtin_new_kw("__init__", noop_init, self);
        }
    }
    mp_decref(mro);
    char buf[100];
    str_to_cbuf(name, buf, sizeof buf);
    err_set(&MpExc_AttributeError, "'super' object has no attribute '%s'", buf);
    return NULL;
}

static MpObject *super_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (nargs != 2) {
        err_set(&MpExc_RuntimeError, "super(): no arguments");
        return NULL;
    }
    if (args[0]->type != &MpType_Type) {
        err_set(&MpExc_TypeError, "super() argument 1 must be a type, not %s", type_name(args[0]));
        return NULL;
    }
    MpType *ot = args[1]->type == &MpType_Type && type_is_subtype((MpType *)args[1], (MpType *)args[0])
                 ? (MpType *)args[1] : args[1]->type;
    MpSuper *s = (MpSuper *)object_new(&MpSuper_Type, 0, sizeof(MpSuper));
    if (!s)
        return NULL;
    s->type = mp_newref(args[0]);
    s->obj = mp_newref(args[1]);
    s->obj_type = ot;
    gc_track(MP_OBJ(s));
    return MP_OBJ(s);
}

MpType MpSuper_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "super", .basicsize = 40, .flags = MP_TF_GC | MP_TF_BASETYPE,
    .dealloc = super_dealloc, .traverse = super_traverse, .clear = super_clear,
    .getattro = super_getattro, .construct = super_construct,
};

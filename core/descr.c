/* descr.c — property, staticmethod, classmethod (descr.h). */
#include <stdio.h>
#include "descr.h"
#include "class.h"
#include "abstract.h"
#include "err.h"
#include "gc.h"
#include "str.h"
#include "func.h"
#include "tuple.h"

static int prop_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpProperty *p = (MpProperty *)o;
    MpObject *refs[] = { p->fget, p->fset, p->fdel, p->doc, p->name };
    for (size_t i = 0; i < 5; i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    }
    return 0;
}

static void prop_clear(MpObject *o)
{
    MpProperty *p = (MpProperty *)o;
    MP_CLEAR(p->fget);
    MP_CLEAR(p->fset);
    MP_CLEAR(p->fdel);
    MP_CLEAR(p->doc);
    MP_CLEAR(p->name);
}

static void prop_dealloc(MpObject *o)
{
    gc_untrack(o);
    prop_clear(o);
    object_free(o);
}

static MpObject *prop_make(MpObject *fget, MpObject *fset, MpObject *fdel)
{
    MpProperty *p = (MpProperty *)object_new(&MpProperty_Type, 0, sizeof(MpProperty));
    if (!p)
        return NULL;
    p->fget = fget && fget != MP_NONE ? mp_newref(fget) : NULL;
    p->fset = fset && fset != MP_NONE ? mp_newref(fset) : NULL;
    p->fdel = fdel && fdel != MP_NONE ? mp_newref(fdel) : NULL;
    if (p->fget && p->fget->type == &MpFunction_Type)
        p->name = mp_newref(((MpFunction *)p->fget)->name);
    gc_track(MP_OBJ(p));
    return MP_OBJ(p);
}

static MpObject *prop_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    MpObject *a[3] = { NULL, NULL, NULL };
    static const char *const names[3] = { "fget", "fset", "fdel" };
    if (nargs > 4) {
        err_set(&MpExc_TypeError, "property() takes at most 4 arguments (%d given)", nargs);
        return NULL;
    }
    for (int i = 0; i < nargs && i < 3; i++)
        a[i] = args[i];
    for (int i = 0; i < 3; i++) {
        MpObject *k = arg_kw(args, nargs, kwnames, names[i]);
        if (k)
            a[i] = k;
    }
    return prop_make(a[0], a[1], a[2]);
}

static MpObject *prop_with(MpObject *self, MpObject **args, int nargs, MpObject *kwnames, int which)
{
    if (arg_count(which == 0 ? "getter" : which == 1 ? "setter" : "deleter", nargs, kwnames, 1, 1) < 0)
        return NULL;
    MpProperty *p = (MpProperty *)self;
    MpObject *r = prop_make(which == 0 ? args[0] : p->fget, which == 1 ? args[0] : p->fset,
                            which == 2 ? args[0] : p->fdel);
    if (r && p->name && which != 0) {
        MpProperty *q = (MpProperty *)r;
        MP_CLEAR(q->name);
        q->name = mp_newref(p->name);
    }
    return r;
}

static MpObject *prop_getter(MpObject *s, MpObject **a, int n, MpObject *k) { return prop_with(s, a, n, k, 0); }
static MpObject *prop_setter(MpObject *s, MpObject **a, int n, MpObject *k) { return prop_with(s, a, n, k, 1); }
static MpObject *prop_deleter(MpObject *s, MpObject **a, int n, MpObject *k) { return prop_with(s, a, n, k, 2); }

static const MpMethodDef prop_methods[] = {
    { "getter", prop_getter, 0 }, { "setter", prop_setter, 0 }, { "deleter", prop_deleter, 0 },
    { NULL, NULL, 0 },
};

MpType MpProperty_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "property", .basicsize = 64,
    .flags = MP_TF_GC | MP_TF_BASETYPE, .dealloc = prop_dealloc, .traverse = prop_traverse,
    .clear = prop_clear, .construct = prop_construct, .methods = prop_methods,
};

static int wrapped_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpWrapped *w = (MpWrapped *)o;
    return w->func ? visit(w->func, arg) : 0;
}

static void wrapped_clear(MpObject *o) { MP_CLEAR(((MpWrapped *)o)->func); }

static void wrapped_dealloc(MpObject *o)
{
    gc_untrack(o);
    wrapped_clear(o);
    object_free(o);
}

static MpObject *wrapped_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count(t->name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    MpWrapped *w = (MpWrapped *)object_new(t, 0, sizeof(MpWrapped));
    if (!w)
        return NULL;
    w->func = mp_newref(args[0]);
    gc_track(MP_OBJ(w));
    return MP_OBJ(w);
}

MpType MpStaticMethod_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "staticmethod", .basicsize = 32,
    .flags = MP_TF_GC | MP_TF_BASETYPE, .dealloc = wrapped_dealloc, .traverse = wrapped_traverse,
    .clear = wrapped_clear, .construct = wrapped_construct,
};

MpType MpClassMethod_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "classmethod", .basicsize = 32,
    .flags = MP_TF_GC | MP_TF_BASETYPE, .dealloc = wrapped_dealloc, .traverse = wrapped_traverse,
    .clear = wrapped_clear, .construct = wrapped_construct,
};

MpObject *descr_get(MpObject *v, MpObject *self, MpType *type)
{
    if (v->type == &MpMemberDescr_Type)
        return member_get(v, self);
    if (v->type == &MpFunction_Type)
        return self ? method_new(v, self) : mp_newref(v);
    if (v->type == &MpStaticMethod_Type)
        return mp_newref(((MpWrapped *)v)->func);
    if (v->type == &MpClassMethod_Type)
        return method_new(((MpWrapped *)v)->func, MP_OBJ(type));
    if (v->type == &MpProperty_Type) {
        MpProperty *p = (MpProperty *)v;
        if (!self)
            return mp_newref(v);
        if (!p->fget) {
            char name[100] = "?";
            if (p->name)
                str_to_cbuf(p->name, name, sizeof name);
            err_set(&MpExc_AttributeError, "property '%s' of '%s' object has no getter", name,
                    self->type->name);
            return NULL;
        }
        return obj_call(p->fget, &self, 1, NULL);
    }
    return mp_newref(v);
}

int descr_is_data(MpObject *v) { return v->type == &MpProperty_Type || v->type == &MpMemberDescr_Type; }

int descr_set(MpObject *v, MpObject *self, MpObject *value)
{
    if (v->type == &MpMemberDescr_Type)
        return member_set(v, self, value);
    MpProperty *p = (MpProperty *)v;
    MpObject *f = value ? p->fset : p->fdel;
    if (!f) {
        char name[100] = "?";
        if (p->name)
            str_to_cbuf(p->name, name, sizeof name);
        err_set(&MpExc_AttributeError, "property '%s' of '%s' object has no %s", name,
                self->type->name, value ? "setter" : "deleter");
        return -1;
    }
    MpObject *args[2] = { self, value };
    MpObject *r = obj_call(f, args, value ? 2 : 1, NULL);
    if (!r)
        return -1;
    mp_decref(r);
    return 0;
}

int descr_callable(MpObject *v) { return v->type == &MpStaticMethod_Type; }

MpObject *descr_call(MpObject *v, MpObject **args, int nargs, MpObject *kwnames)
{
    return obj_call(((MpWrapped *)v)->func, args, nargs, kwnames);
}

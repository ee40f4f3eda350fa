/* abstract.c — truth, str/repr, len, hash, attributes, calls and the
 * argument helpers of the object protocols (abstract.h).  Operators are
 * in number.c, items and iteration in items.c. */
#include <stdio.h>
#include <string.h>
#include "abstract.h"
#include "err.h"
#include "str.h"
#include "int.h"
#include "float.h"
#include "list.h"
#include "tuple.h"
#include "dict.h"
#include "set.h"
#include "call.h"
#include "class.h"
#include "func.h"
#include "descr.h"
#include "iter.h"
#include "dictview.h"
#include "weakref.h"

/* ---- NotImplemented and Ellipsis ------------------------------------------------- */

static MpObject *notimpl_repr(MpObject *o) { return str_from_cstr("NotImplemented"); }
static MpObject *ellipsis_repr(MpObject *o) { return str_from_cstr("Ellipsis"); }

MpType MpNotImplemented_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "NotImplementedType", .basicsize = 16, .repr = notimpl_repr,
};
MpType MpEllipsis_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "ellipsis", .basicsize = 16, .repr = ellipsis_repr,
};
MpObject mp_NotImplemented = { 1, 0, &MpNotImplemented_Type };
MpObject mp_Ellipsis = { 1, 0, &MpEllipsis_Type };

const char *type_name(const MpObject *o) { return o->type->name; }

static int is_instance_type(const MpType *t) { return (t->flags & MP_TF_HEAPTYPE) != 0; }

/* ---- dunder dispatch ------------------------------------------------------------------ */

MpObject *type_lookup_method(MpType *t, MpObject *name, MpObject *self)
{
    MpObject *v = class_lookup(t, name);
    if (v) {
        if (self && v->type == &MpFunction_Type)
            return method_new(v, self);
        return descr_get(v, self, t);
    }
    for (MpType *c = t; c; c = c->base) {
        for (const MpMethodDef *d = c->methods; d && d->name; d++)
            if (str_eq_cstr(name, d->name)) {
                if (d->flags & MP_METH_CLASS)
                    return builtin_new_kw(d->name, d->fn, MP_OBJ(t));
                if (d->flags & MP_METH_STATIC)
                    return builtin_new_kw(d->name, d->fn, NULL);
                if (!self)
                    return builtin_descriptor(d, c);
                return builtin_new_kw(d->name, d->fn, self);
            }
    }
    return NULL;
}

static MpObject *lookup_dunder(MpObject *o, const char *name)
{
    return class_lookup_cstr(o->type, name);
}

MpObject *obj_call_method(MpObject *o, const char *name, MpObject **args, int nargs, int *missing)
{
    *missing = 0;
    MpObject *f = is_instance_type(o->type) ? lookup_dunder(o, name) : NULL;
    if (!f) {
        *missing = 1;
        return NULL;
    }
    MpObject *all[16];
    if (nargs > 15) {
        err_set(&MpExc_TypeError, "too many arguments");
        return NULL;
    }
    all[0] = o;
    for (int i = 0; i < nargs; i++)
        all[i + 1] = args[i];
    if (f->type == &MpFunction_Type)
        return obj_call(f, all, nargs + 1, NULL);
    MpObject *bound = descr_get(f, o, o->type);
    if (!bound)
        return NULL;
    MpObject *r = obj_call(bound, args, nargs, NULL);
    mp_decref(bound);
    return r;
}

/* ---- truth, str, repr, len, hash ------------------------------------------------------------ */

int64_t obj_len(MpObject *o)
{
    MpType *t = o->type;
    if (weakref_is_proxy(o)) {
        MpObject *u = weakproxy_unwrap(o);
        int64_t n = u ? obj_len(u) : -1;
        mp_xdecref(u);
        return n;
    }
    if (t == &MpStr_Type) return str_len(o);
    if (t == &MpList_Type) return list_size(o);
    if (t == &MpTuple_Type) return tuple_size(o);
    if (t == &MpDict_Type) return dict_size(o);
    if (t == &MpSet_Type || t == &MpFrozenSet_Type) return set_size(o);
    if (t == &MpRange_Type) return ((MpRange *)o)->len;
    if (t == &MpBytes_Type) return bytes_size(o);
    if (dictview_check(o)) return dictview_len(o);
    int missing;
    MpObject *r = obj_call_method(o, "__len__", NULL, 0, &missing);
    if (missing) {
        err_set(&MpExc_TypeError, "object of type '%s' has no len()", t->name);
        return -1;
    }
    if (!r)
        return -1;
    if (!int_check(r)) {
        err_set(&MpExc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r));
        mp_decref(r);
        return -1;
    }
    int64_t n = int_as_i64(r);
    mp_decref(r);
    if (n < 0) {
        err_set(&MpExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

int obj_truth(MpObject *o)
{
    if (o == MP_TRUE) return 1;
    if (o == MP_FALSE || o == MP_NONE) return 0;
    MpType *t = o->type;
    if (weakref_is_proxy(o)) {
        MpObject *u = weakproxy_unwrap(o);
        int v = u ? obj_truth(u) : -1;
        mp_xdecref(u);
        return v;
    }
    if (t == &MpInt_Type) return int_as_i64(o) != 0;
    if (t == &MpFloat_Type) return float_as_double(o) != 0.0;
    if (!is_instance_type(t)) {
        if (t == &MpStr_Type || t == &MpList_Type || t == &MpTuple_Type || t == &MpDict_Type
            || t == &MpSet_Type || t == &MpFrozenSet_Type || t == &MpRange_Type
            || t == &MpBytes_Type || dictview_check(o))
            return obj_len(o) != 0;
        return 1;
    }
    int missing;
    MpObject *r = obj_call_method(o, "__bool__", NULL, 0, &missing);
    if (!missing) {
        if (!r)
            return -1;
        if (r->type != &MpBool_Type) {
            err_set(&MpExc_TypeError, "__bool__ should return bool, returned %s", type_name(r));
            mp_decref(r);
            return -1;
        }
        int v = r == MP_TRUE;
        mp_decref(r);
        return v;
    }
    if (lookup_dunder(o, "__len__")) {
        int64_t n = obj_len(o);
        return n < 0 ? -1 : n != 0;
    }
    return 1;
}

/* An instance's __repr__ or __str__, which must return a str; *missing
 * when the class defines none. */
static MpObject *text_dunder(MpObject *o, const char *name, int *missing)
{
    *missing = 1;
    if (!is_instance_type(o->type) || o->type == &MpType_Type)
        return NULL;
    MpObject *r = obj_call_method(o, name, NULL, 0, missing);
    if (!*missing && r && !str_check(r)) {
        err_set(&MpExc_TypeError, "%s returned non-string (type %s)", name, type_name(r));
        mp_decref(r);
        return NULL;
    }
    return r;
}

MpObject *obj_repr(MpObject *o)
{
    int missing;
    MpObject *r = text_dunder(o, "__repr__", &missing);
    return missing ? object_repr(o) : r;
}

MpObject *obj_str(MpObject *o)
{
    if (str_check(o))
        return mp_newref(o);
    /* an int's or a float's str is its repr, and neither type has dunders
     * to look up: str(i) in a loop, without the two look-ups' calls */
    if (o->type == &MpInt_Type || o->type == &MpFloat_Type)
        return object_repr(o);
    int missing;
    MpObject *r = text_dunder(o, "__str__", &missing);
    if (!missing)
        return r;
    for (MpType *t = o->type; t; t = t->base)
        if (t->str)
            return t->str(o);
    return obj_repr(o);
}

int64_t obj_hash(MpObject *o)
{
    if (is_instance_type(o->type) && o->type != &MpType_Type) {
        MpObject *h = lookup_dunder(o, "__hash__");
        if (h == MP_NONE) {
            err_set(&MpExc_TypeError, "unhashable type: '%s'", o->type->name);
            return -1;
        }
        if (!h && lookup_dunder(o, "__eq__")) {
            err_set(&MpExc_TypeError, "unhashable type: '%s'", o->type->name);
            return -1;
        }
        if (h) {
            int missing;
            MpObject *r = obj_call_method(o, "__hash__", NULL, 0, &missing);
            if (!r)
                return -1;
            if (!int_check(r)) {
                err_set(&MpExc_TypeError, "__hash__ method should return an integer");
                mp_decref(r);
                return -1;
            }
            int64_t v = int_hash_i64(int_as_i64(r));
            mp_decref(r);
            return v;
        }
        return object_hash_identity(o);
    }
    return object_hash(o);
}

/* ---- attributes ------------------------------------------------------------------------------ */

static void no_attribute(MpObject *o, MpObject *name)
{
    char buf[120];
    str_to_cbuf(name, buf, sizeof buf);
    if (o->type == &MpType_Type)
        err_set(&MpExc_AttributeError, "type object '%s' has no attribute '%s'",
                ((MpType *)o)->name, buf);
    else
        err_set(&MpExc_AttributeError, "'%s' object has no attribute '%s'", o->type->name, buf);
}

static MpObject *type_getattr(MpType *t, MpObject *name)
{
    /* a static type's name is what follows the module ("weakref.ProxyType") */
    const char *dot = (t->flags & MP_TF_HEAPTYPE) ? NULL : strrchr(t->name, '.');
    if (str_eq_cstr(name, "__name__"))
        return str_from_cstr(dot ? dot + 1 : t->name);
    if (str_eq_cstr(name, "__qualname__"))
        return t->qualname ? mp_newref(t->qualname) : str_from_cstr(dot ? dot + 1 : t->name);
    if (str_eq_cstr(name, "__mro__"))
        return class_mro(t);
    if (str_eq_cstr(name, "__bases__"))
        return t->bases ? mp_newref(t->bases) : tuple_pack(1, t->base ? MP_OBJ(t->base) : MP_OBJ(&MpBaseObject_Type));
    if (str_eq_cstr(name, "__base__"))
        return mp_newref(t->base ? MP_OBJ(t->base) : MP_NONE);
    if (str_eq_cstr(name, "__dict__") && t->dict)
        return dict_copy(t->dict);
    if (str_eq_cstr(name, "__class__"))
        return mp_newref(MP_OBJ(&MpType_Type));
    MpObject *found = class_lookup(t, name);
    if (found)
        return descr_get(found, NULL, t);
    for (MpType *c = t; c; c = c->base) {
        if (c->dict) {
            MpObject *v = dict_getitem(c->dict, name);
            if (v)
                return descr_get(v, NULL, t);
        }
        for (const MpMethodDef *d = c->methods; d && d->name; d++)
            if (str_eq_cstr(name, d->name)) {
                if (d->flags & MP_METH_CLASS)
                    return builtin_new_kw(d->name, d->fn, MP_OBJ(t));
                if (d->flags & MP_METH_STATIC)
                    return builtin_new_kw(d->name, d->fn, NULL);
                return builtin_descriptor(d, c);
            }
    }
    if (str_eq_cstr(name, "__doc__"))
        return mp_newref(MP_NONE);
    return NULL;
}

static MpObject *function_getattr(MpFunction *f, MpObject *name)
{
    MpObject *v = NULL;
    if (str_eq_cstr(name, "__name__")) v = f->name;
    else if (str_eq_cstr(name, "__qualname__")) v = f->qualname;
    else if (str_eq_cstr(name, "__defaults__")) v = f->defaults ? f->defaults : MP_NONE;
    else if (str_eq_cstr(name, "__kwdefaults__")) v = f->kwdefaults ? f->kwdefaults : MP_NONE;
    else if (str_eq_cstr(name, "__closure__")) v = f->closure ? f->closure : MP_NONE;
    else if (str_eq_cstr(name, "__code__")) v = f->code;
    else if (str_eq_cstr(name, "__globals__")) v = f->globals;
    else if (str_eq_cstr(name, "__module__")) return str_from_cstr("__main__");
    else if (str_eq_cstr(name, "__doc__")) v = f->doc ? f->doc : MP_NONE;
    else if (str_eq_cstr(name, "__dict__")) {
        if (!f->dict && !(f->dict = dict_new()))
            return NULL;
        v = f->dict;
    } else if (f->dict)
        v = dict_getitem(f->dict, name);
    return v ? mp_newref(v) : NULL;
}

/* Whether name may be a dunder: one check before comparing it with the
 * special names, which most attribute names are not. */
static int maybe_dunder(const MpObject *name)
{
    return str_len(name) > 4 && str_data(name)[0] == '_';
}

MpObject *obj_getattr(MpObject *o, MpObject *name)
{
    MpType *t = o->type;
    if (t->getattro)
        return t->getattro(o, name);
    MpObject *r = NULL;
    int dunder = maybe_dunder(name);
    if (dunder && str_eq_cstr(name, "__class__"))
        return mp_newref(MP_OBJ(t));
    if (t == &MpType_Type) {
        r = type_getattr((MpType *)o, name);
    } else if (t->flags & (MP_TF_MANAGED_DICT | MP_TF_SLOTTED)) {
        MpObject *cv = class_lookup(t, name);
        if (cv && descr_is_data(cv))
            return descr_get(cv, o, t);
        if (dunder && str_eq_cstr(name, "__dict__"))
            return instance_dict(o);
        MpObject *own = instance_lookup_own(o, name);
        if (own)
            return mp_newref(own);
        if (cv)
            return descr_get(cv, o, t);
        if (dunder && str_eq_cstr(name, "__weakref__") && t->weaklistoffset) {
            MpWeakref *w = *weakref_listptr(o);
            return mp_newref(w ? MP_OBJ(w) : MP_NONE);
        }
        if (lookup_dunder(o, "__getattr__")) {
            int missing;
            return obj_call_method(o, "__getattr__", &name, 1, &missing);
        }
    } else if (t == &MpFunction_Type) {
        r = function_getattr((MpFunction *)o, name);
        if (!r && !err_occurred())
            r = type_lookup_method(t, name, o);
    } else if (t == &MpMethod_Type) {
        MpMethod *m = (MpMethod *)o;
        if (str_eq_cstr(name, "__self__")) r = mp_newref(m->self);
        else if (str_eq_cstr(name, "__func__")) r = mp_newref(m->func);
        else r = obj_getattr(m->func, name);
        if (!r && err_matches(&MpExc_AttributeError))
            err_clear();
    } else if (t == &MpCell_Type && str_eq_cstr(name, "cell_contents")) {
        MpObject *v = ((MpCell *)o)->ref;
        if (!v)
            err_set(&MpExc_ValueError, "Cell is empty");
        else
            r = mp_newref(v);
    } else if (t == &MpBuiltin_Type && str_eq_cstr(name, "__name__")) {
        r = str_from_cstr(((MpBuiltin *)o)->name);
    } else {
        r = type_lookup_method(t, name, o);
    }
    if (!r && !err_occurred())
        no_attribute(o, name);
    return r;
}

MpObject *obj_getattr_cstr(MpObject *o, const char *name)
{
    MpObject *n = str_from_cstr(name);
    if (!n)
        return NULL;
    MpObject *r = obj_getattr(o, n);
    mp_decref(n);
    return r;
}

MpObject *obj_lookup_attr(MpObject *o, MpObject *name)
{
    MpObject *r = obj_getattr(o, name);
    if (!r && err_matches(&MpExc_AttributeError))
        err_clear();
    return r;
}

int obj_hasattr_cstr(MpObject *o, const char *name)
{
    MpObject *r = obj_getattr_cstr(o, name);
    if (r) {
        mp_decref(r);
        return 1;
    }
    if (err_matches(&MpExc_AttributeError)) {
        err_clear();
        return 0;
    }
    return -1;
}

int obj_setattr(MpObject *o, MpObject *name, MpObject *value)
{
    MpType *t = o->type;
    if (t->setattro)
        return t->setattro(o, name, value);
    if (t->flags & (MP_TF_MANAGED_DICT | MP_TF_SLOTTED)) {
        MpObject *cv = class_lookup(t, name);
        if (cv && descr_is_data(cv))
            return descr_set(cv, o, value);
        if (!(t->flags & MP_TF_SLOTTED) && class_has_slots(t) && !class_slot_allowed(t, name)) {
            char buf[120];
            str_to_cbuf(name, buf, sizeof buf);
            err_set(&MpExc_AttributeError, "'%s' object has no attribute '%s'", t->name, buf);
            return -1;
        }
        return value ? instance_setattr(o, name, value) : instance_delattr(o, name);
    }
    if (t == &MpType_Type) {
        MpType *cls = (MpType *)o;
        if (!(cls->flags & MP_TF_HEAPTYPE)) {
            char buf[120];
            str_to_cbuf(name, buf, sizeof buf);
            err_set(&MpExc_TypeError, "cannot set '%s' attribute of immutable type '%s'", buf, cls->name);
            return -1;
        }
        if (value)
            return dict_setitem(cls->dict, name, value);
        if (dict_delitem(cls->dict, name) < 0) {
            err_clear();
            no_attribute(o, name);
            return -1;
        }
        return 0;
    }
    if (t == &MpFunction_Type) {
        MpFunction *f = (MpFunction *)o;
        if (!f->dict && !(f->dict = dict_new()))
            return -1;
        if (value)
            return dict_setitem(f->dict, name, value);
        return dict_delitem(f->dict, name);
    }
    char buf[120];
    str_to_cbuf(name, buf, sizeof buf);
    MpObject *existing = type_lookup_method(t, name, NULL);
    if (existing) {
        mp_decref(existing);
        err_set(&MpExc_AttributeError, "'%s' object attribute '%s' is read-only", t->name, buf);
    } else {
        err_clear();
        err_set(&MpExc_AttributeError, "'%s' object has no attribute '%s'", t->name, buf);
    }
    return -1;
}

/* ---- calls ---------------------------------------------------------------------------------------- */

int obj_callable(MpObject *o)
{
    MpType *t = o->type;
    if (t == &MpBuiltin_Type || t == &MpFunction_Type || t == &MpMethod_Type || t == &MpType_Type
        || t == &MpWeakref_Type || t == &MpWeakCallableProxy_Type)
        return 1;
    if (is_instance_type(t))
        return lookup_dunder(o, "__call__") != NULL;
    return t == &MpStaticMethod_Type ? 0 : 0;
}

MpObject *obj_call(MpObject *callable, MpObject **args, int nargs, MpObject *kwnames)
{
    MpType *t = callable->type;
    int nkw = kwnames ? (int)tuple_size(kwnames) : 0;
    if (t == &MpBuiltin_Type) {
        MpBuiltin *b = (MpBuiltin *)callable;
        if (b->def) {
            if (nargs < 1) {
                err_set(&MpExc_TypeError, "unbound method %s() needs an argument", b->name);
                return NULL;
            }
            if (builtin_descriptor_check_self(b->def, b->name, args[0]) < 0)
                return NULL;
            return b->kwfn(args[0], args + 1, nargs - 1, kwnames);
        }
        if (b->kwfn)
            return b->kwfn(b->self, args, nargs, kwnames);
        if (nkw) {
            err_set(&MpExc_TypeError, "%s() takes no keyword arguments", b->name);
            return NULL;
        }
        return b->fn(b->self, nargs, args);
    }
    if (t == &MpFunction_Type) {
        if (!call_python_hook) {
            err_set(&MpExc_RuntimeError, "no interpreter to call a Python function");
            return NULL;
        }
        return call_python_hook(callable, args, nargs, kwnames);
    }
    if (t == &MpMethod_Type) {
        MpMethod *m = (MpMethod *)callable;
        MpObject *all[258];
        if (nargs + nkw > 256) {
            err_set(&MpExc_TypeError, "too many arguments");
            return NULL;
        }
        all[0] = m->self;
        for (int i = 0; i < nargs + nkw; i++)
            all[i + 1] = args[i];
        return obj_call(m->func, all, nargs + 1, kwnames);
    }
    if (t == &MpType_Type) {
        MpType *cls = (MpType *)callable;
        if (cls == &MpType_Type && nargs == 1 && !nkw)
            return mp_newref(MP_OBJ(args[0]->type));
        if (cls->flags & MP_TF_HEAPTYPE)
            return class_call_kw(cls, args, nargs, kwnames);
        for (MpType *c = cls; c; c = c->base)
            if (c->construct)
                return c->construct(cls, args, nargs, kwnames);
        err_set(&MpExc_TypeError, "cannot create '%s' instances", cls->name);
        return NULL;
    }
    if (is_instance_type(t)) {
        MpObject *f = lookup_dunder(callable, "__call__");
        if (f) {
            MpObject *bound = f->type == &MpFunction_Type ? method_new(f, callable) : descr_get(f, callable, t);
            if (!bound)
                return NULL;
            MpObject *r = obj_call(bound, args, nargs, kwnames);
            mp_decref(bound);
            return r;
        }
    }
    if (t == &MpWeakCallableProxy_Type) {
        MpObject *u = weakproxy_unwrap(callable);
        MpObject *r = u ? obj_call(u, args, nargs, kwnames) : NULL;
        mp_xdecref(u);
        return r;
    }
    if (t == &MpWeakref_Type) {
        if (nargs || nkw) {
            err_set(&MpExc_TypeError, "weakref() takes no arguments");
            return NULL;
        }
        return mp_newref(weakref_get((MpWeakref *)callable));
    }
    if (t->construct == NULL && descr_callable(callable))
        return descr_call(callable, args, nargs, kwnames);
    err_set(&MpExc_TypeError, "'%s' object is not callable", t->name);
    return NULL;
}

/* ---- argument helpers ----------------------------------------------------------------------------- */

int arg_no_kw(const char *fname, MpObject *kwnames)
{
    if (kwnames && tuple_size(kwnames) > 0) {
        err_set(&MpExc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int arg_count_slow(const char *fname, int nargs, MpObject *kwnames, int min, int max)
{
    if (arg_no_kw(fname, kwnames) < 0)
        return -1;
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max && min == 1)
        err_set(&MpExc_TypeError, "%s() takes exactly one argument (%d given)", fname, nargs);
    else if (min == max && min == 0)
        err_set(&MpExc_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
    else if (nargs < min)
        err_set(&MpExc_TypeError, "%s expected at least %d argument%s, got %d", fname, min,
                min == 1 ? "" : "s", nargs);
    else
        err_set(&MpExc_TypeError, "%s expected at most %d argument%s, got %d", fname, max,
                max == 1 ? "" : "s", nargs);
    return -1;
}

MpObject *arg_kw(MpObject **args, int nargs, MpObject *kwnames, const char *name)
{
    if (!kwnames)
        return NULL;
    for (int64_t i = 0; i < tuple_size(kwnames); i++)
        if (str_eq_cstr(tuple_item(kwnames, i), name))
            return args[nargs + i];
    return NULL;
}

int arg_int(MpObject *o, int64_t *out)
{
    if (!int_check(o)) {
        err_set(&MpExc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(o));
        return -1;
    }
    *out = int_as_i64(o);
    return 0;
}

MpObject *seq_to_list(MpObject *iterable)
{
    MpObject *l = list_new(0);
    if (!l)
        return NULL;
    if (list_extend(l, iterable) < 0) {
        mp_decref(l);
        return NULL;
    }
    return l;
}

MpObject *seq_to_tuple(MpObject *iterable)
{
    if (iterable->type == &MpTuple_Type)
        return mp_newref(iterable);
    MpObject *l = seq_to_list(iterable);
    if (!l)
        return NULL;
    int64_t n = list_size(l);
    MpObject *t = tuple_new(n);
    if (t)
        for (int64_t i = 0; i < n; i++)
            ((MpTuple *)t)->items[i] = mp_newref(list_getitem(l, i));
    mp_decref(l);
    return t;
}

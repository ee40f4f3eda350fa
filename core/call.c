/* call.c — calling callables from C, and the builtin function type. */
#include "call.h"
#include "func.h"
#include "class.h"
#include "gc.h"
#include "err.h"
#include "str.h"
#include "region.h"
#include <stdio.h>

MpObject *(*call_python_hook)(MpObject *func, int nargs, MpObject **args);

_Static_assert(sizeof(MpBuiltin) <= MP_BUILTIN_SIZE, "builtin fits CPython's size");

static void builtin_dealloc(MpObject *o)
{
    gc_untrack(o);
    MP_CLEAR(((MpBuiltin *)o)->self);
    object_free(o);
}

static int builtin_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpBuiltin *b = (MpBuiltin *)o;
    return b->self ? visit(b->self, arg) : 0;
}

static MpObject *builtin_repr(MpObject *o)
{
    MpBuiltin *b = (MpBuiltin *)o;
    char buf[200];
    if (b->self)
        snprintf(buf, sizeof buf, "<built-in method %s of %s object at 0x%llx>",
                 b->name, b->self->type->name, (unsigned long long)region_sim(b->self));
    else
        snprintf(buf, sizeof buf, "<built-in function %s>", b->name);
    return str_from_cstr(buf);
}

MpType MpBuiltin_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "builtin_function_or_method",
    .basicsize = MP_BUILTIN_SIZE, .flags = MP_TF_GC,
    .dealloc = builtin_dealloc, .traverse = builtin_traverse,
    .repr = builtin_repr,
};

MpObject *builtin_new(const char *name, MpCFunc fn, MpObject *self)
{
    MpBuiltin *b = (MpBuiltin *)object_new(&MpBuiltin_Type, 0, sizeof(MpBuiltin));
    if (!b)
        return NULL;
    b->name = name;
    b->fn = fn;
    b->self = self ? mp_newref(self) : NULL;
    gc_track(MP_OBJ(b));
    return MP_OBJ(b);
}

enum { MAX_METHOD_ARGS = 64 };

MpObject *call_object(MpObject *callable, int nargs, MpObject **args)
{
    MpType *t = callable->type;
    if (t == &MpBuiltin_Type) {
        MpBuiltin *b = (MpBuiltin *)callable;
        return b->fn(b->self, nargs, args);
    }
    if (t == &MpMethod_Type) {
        MpMethod *m = (MpMethod *)callable;
        MpObject *all[MAX_METHOD_ARGS + 1];
        if (nargs > MAX_METHOD_ARGS) {
            err_set(&MpExc_TypeError, "too many arguments");
            return NULL;
        }
        all[0] = m->self;
        for (int i = 0; i < nargs; i++)
            all[i + 1] = args[i];
        return call_object(m->func, nargs + 1, all);
    }
    if (t == &MpFunction_Type) {
        if (!call_python_hook) {
            err_set(&MpExc_RuntimeError, "no interpreter to call a Python function");
            return NULL;
        }
        return call_python_hook(callable, nargs, args);
    }
    if (t == &MpType_Type)
        return class_call((MpType *)callable, nargs, args);
    err_set(&MpExc_TypeError, "'%s' object is not callable", t->name);
    return NULL;
}

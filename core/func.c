/* func.c — functions, cells and bound methods (see func.h). */
#include <stdio.h>
#include "func.h"
#include "gc.h"
#include "weakref.h"
#include "str.h"
#include "region.h"

_Static_assert(sizeof(MpFunction) <= MP_FUNCTION_SIZE, "function fits CPython's size");
_Static_assert(sizeof(MpCell) <= MP_CELL_SIZE, "cell fits CPython's size");
_Static_assert(sizeof(MpMethod) <= MP_METHOD_SIZE, "method fits CPython's size");

/* ---- function ------------------------------------------------------------- */

static int function_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpFunction *f = (MpFunction *)o;
    MpObject *refs[] = { f->code, f->globals, f->name, f->qualname, f->defaults,
                         f->kwdefaults, f->closure, f->doc, f->dict, f->module };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static void function_clear(MpObject *o)
{
    MpFunction *f = (MpFunction *)o;
    MP_CLEAR(f->globals);
    MP_CLEAR(f->module);
    MP_CLEAR(f->defaults);
    MP_CLEAR(f->kwdefaults);
    MP_CLEAR(f->doc);
    MP_CLEAR(f->dict);
    MP_CLEAR(f->closure);
}

static void function_dealloc(MpObject *o)
{
    MpFunction *f = (MpFunction *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if (f->weakreflist)
        weakref_clear_refs(o);
    function_clear(o);
    MP_CLEAR(f->code);
    MP_CLEAR(f->name);
    MP_CLEAR(f->qualname);
    object_free(o);
    trash_end();
}

static MpObject *function_repr(MpObject *o)
{
    MpFunction *f = (MpFunction *)o;
    char name[120], buf[200];
    str_to_cbuf(f->qualname ? f->qualname : f->name, name, sizeof name);
    snprintf(buf, sizeof buf, "<function %s at 0x%llx>", name,
             (unsigned long long)region_sim(o));
    return str_from_cstr(buf);
}

MpType MpFunction_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "function", .basicsize = MP_FUNCTION_SIZE,
    .flags = MP_TF_GC, .weaklistoffset = offsetof(MpFunction, weakreflist),
    .dealloc = function_dealloc, .traverse = function_traverse,
    .clear = function_clear, .repr = function_repr,
};

MpObject *function_new(MpObject *code, MpObject *globals, MpObject *name,
                       MpObject *defaults, MpObject *closure)
{
    MpFunction *f = (MpFunction *)object_new(&MpFunction_Type, 0, sizeof(MpFunction));
    if (!f)
        return NULL;
    f->code = code ? mp_newref(code) : NULL;
    f->globals = globals ? mp_newref(globals) : NULL;
    f->name = mp_newref(name);
    f->qualname = mp_newref(name);
    f->defaults = defaults ? mp_newref(defaults) : NULL;
    f->closure = closure ? mp_newref(closure) : NULL;
    gc_track(MP_OBJ(f));
    return MP_OBJ(f);
}

/* ---- cell -------------------------------------------------------------------- */

static int cell_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpCell *c = (MpCell *)o;
    return c->ref ? visit(c->ref, arg) : 0;
}

static void cell_clear(MpObject *o) { MP_CLEAR(((MpCell *)o)->ref); }

static void cell_dealloc(MpObject *o)
{
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    cell_clear(o);
    object_free(o);
    trash_end();
}

static MpObject *cell_repr(MpObject *o)
{
    MpCell *c = (MpCell *)o;
    char buf[200];
    if (!c->ref)
        snprintf(buf, sizeof buf, "<cell at 0x%llx: empty>", (unsigned long long)region_sim(o));
    else
        snprintf(buf, sizeof buf, "<cell at 0x%llx: %s object at 0x%llx>",
                 (unsigned long long)region_sim(o), c->ref->type->name,
                 (unsigned long long)region_sim(c->ref));
    return str_from_cstr(buf);
}

MpType MpCell_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "cell", .basicsize = MP_CELL_SIZE,
    .flags = MP_TF_GC, .dealloc = cell_dealloc, .traverse = cell_traverse,
    .clear = cell_clear, .repr = cell_repr,
};

MpObject *cell_new(MpObject *value)
{
    MpCell *c = (MpCell *)object_new(&MpCell_Type, 0, sizeof(MpCell));
    if (!c)
        return NULL;
    c->ref = value ? mp_newref(value) : NULL;
    gc_track(MP_OBJ(c));
    return MP_OBJ(c);
}

void cell_set(MpObject *cell, MpObject *value)
{
    MpCell *c = (MpCell *)cell;
    MpObject *old = c->ref;
    c->ref = value ? mp_newref(value) : NULL;
    mp_xdecref(old);
}

/* ---- bound method ---------------------------------------------------------------- */

static int method_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpMethod *m = (MpMethod *)o;
    int r = visit(m->func, arg);
    return r ? r : visit(m->self, arg);
}

static void method_dealloc(MpObject *o)
{
    MpMethod *m = (MpMethod *)o;
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if (m->weakreflist)
        weakref_clear_refs(o);
    MP_CLEAR(m->func);
    MP_CLEAR(m->self);
    object_free(o);
    trash_end();
}

static MpObject *method_repr(MpObject *o)
{
    MpMethod *m = (MpMethod *)o;
    char name[120], buf[240];
    MpFunction *f = (MpFunction *)m->func;
    if (m->func->type == &MpFunction_Type)
        str_to_cbuf(f->qualname, name, sizeof name);
    else
        snprintf(name, sizeof name, "?");
    snprintf(buf, sizeof buf, "<bound method %s of <%s object at 0x%llx>>", name,
             m->self->type->name, (unsigned long long)region_sim(m->self));
    return str_from_cstr(buf);
}

MpType MpMethod_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "method", .basicsize = MP_METHOD_SIZE,
    .flags = MP_TF_GC, .weaklistoffset = offsetof(MpMethod, weakreflist),
    .dealloc = method_dealloc, .traverse = method_traverse, .repr = method_repr,
};

MpObject *method_new(MpObject *func, MpObject *self)
{
    MpMethod *m = (MpMethod *)object_new(&MpMethod_Type, 0, sizeof(MpMethod));
    if (!m)
        return NULL;
    m->func = mp_newref(func);
    m->self = mp_newref(self);
    gc_track(MP_OBJ(m));
    return MP_OBJ(m);
}

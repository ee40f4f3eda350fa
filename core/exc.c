/* exc.c — exception types, exception objects and tracebacks (exc.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exc.h"
#include "err.h"
#include "gc.h"
#include "str.h"
#include "tuple.h"
#include "dict.h"
#include "weakref.h"
#include "abstract.h"
#include "int.h"

_Static_assert(sizeof(MpExc) - sizeof(void *) <= MP_EXC_SIZE, "exception fits");
_Static_assert(sizeof(MpExc) <= MP_EXC_SUBCLASS_SIZE, "exception subclass fits");
_Static_assert(sizeof(MpTraceback) <= 48, "traceback fits");

/* ---- exception objects ----------------------------------------------------- */

static int exc_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpExc *e = (MpExc *)o;
    MpObject *refs[] = { e->dict, e->args, e->notes, e->traceback, e->context, e->cause };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)))
            return r;
    }
    if (o->type->flags & MP_TF_HEAPTYPE)
        return visit(MP_OBJ(o->type), arg);
    return 0;
}

static void exc_clear(MpObject *o)
{
    MpExc *e = (MpExc *)o;
    MP_CLEAR(e->dict);
    MP_CLEAR(e->args);
    MP_CLEAR(e->notes);
    MP_CLEAR(e->traceback);
    MP_CLEAR(e->context);
    MP_CLEAR(e->cause);
}

static void exc_dealloc(MpObject *o)
{
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    if ((o->type->flags & MP_TF_HEAPTYPE) && ((MpExc *)o)->weakreflist)
        weakref_clear_refs(o);
    exc_clear(o);
    object_free(o);
    trash_end();
}

MpObject *exc_str(MpObject *o)
{
    MpExc *e = (MpExc *)o;
    int64_t n = e->args ? tuple_size(e->args) : 0;
    if (n == 0)
        return str_from_cstr("");
    if (n == 1) {
        if (type_is_subtype(o->type, &MpExc_KeyError))
            return obj_repr(tuple_item(e->args, 0));
        return obj_str(tuple_item(e->args, 0));
    }
    return obj_str(e->args);
}

static MpObject *exc_repr(MpObject *o)
{
    MpExc *e = (MpExc *)o;
    StrBuf b = { 0 };
    strbuf_cstr(&b, o->type->name);
    if (e->args && tuple_size(e->args) == 1) {
        strbuf_cstr(&b, "(");
        strbuf_repr(&b, tuple_item(e->args, 0));
        strbuf_cstr(&b, ")");
    } else if (e->args && tuple_size(e->args) > 1) {
        strbuf_repr(&b, e->args);
    } else {
        strbuf_cstr(&b, "()");
    }
    return strbuf_finish(&b);
}

static MpObject *exc_make(MpType *t, MpObject *args, size_t size)
{
    MpExc *e = (MpExc *)object_new_sized(t, MP_GC_HEAD_SIZE + size, sizeof(MpExc));
    if (!e)
        return NULL;
    e->args = mp_newref(args ? args : tuple_new(0));
    if (!args)
        mp_decref(e->args);   /* tuple_new(0) is the static empty tuple */
    gc_track(MP_OBJ(e));
    return MP_OBJ(e);
}

MpObject *exc_new(MpType *t, MpObject *args)
{
    return exc_make(t, args, t->basicsize);
}

MpObject *exc_alloc_subclass(MpType *cls, MpObject *args)
{
    return exc_make(cls, args, cls->basicsize);
}

static MpObject *exc_construct(MpType *t, MpObject **args, int nargs, MpObject *kwnames)
{
    if (kwnames && tuple_size(kwnames) > 0) {
        err_set(&MpExc_TypeError, "%s() takes no keyword arguments", t->name);
        return NULL;
    }
    MpObject *tup = tuple_new(nargs);
    if (!tup)
        return NULL;
    for (int i = 0; i < nargs; i++)
        ((MpTuple *)tup)->items[i] = mp_newref(args[i]);
    MpObject *e = exc_new(t, tup);
    mp_decref(tup);
    return e;
}

static MpObject *exc_getattro(MpObject *o, MpObject *name)
{
    MpExc *e = (MpExc *)o;
    MpObject *v = NULL;
    if (str_eq_cstr(name, "args"))
        v = e->args;
    else if (str_eq_cstr(name, "__traceback__"))
        v = e->traceback ? e->traceback : MP_NONE;
    else if (str_eq_cstr(name, "__context__"))
        v = e->context ? e->context : MP_NONE;
    else if (str_eq_cstr(name, "__cause__"))
        v = e->cause ? e->cause : MP_NONE;
    else if (str_eq_cstr(name, "__suppress_context__"))
        v = e->suppress_context ? MP_TRUE : MP_FALSE;
    else if (str_eq_cstr(name, "value") && type_is_subtype(o->type, &MpExc_StopIteration))
        v = e->args && tuple_size(e->args) ? tuple_item(e->args, 0) : MP_NONE;
    else if (str_eq_cstr(name, "code") && type_is_subtype(o->type, &MpExc_SystemExit))
        v = e->args && tuple_size(e->args) == 1 ? tuple_item(e->args, 0)
          : e->args && tuple_size(e->args) > 1 ? e->args : MP_NONE;
    else if (e->dict)
        v = dict_getitem(e->dict, name);
    if (v)
        return mp_newref(v);
    v = type_lookup_method(o->type, name, o);
    if (v)
        return v;
    if (err_occurred())
        return NULL;
    char buf[100];
    str_to_cbuf(name, buf, sizeof buf);
    err_set(&MpExc_AttributeError, "'%s' object has no attribute '%s'", o->type->name, buf);
    return NULL;
}

static int exc_setattro(MpObject *o, MpObject *name, MpObject *value)
{
    MpExc *e = (MpExc *)o;
    if (str_eq_cstr(name, "args") && value) {
        MpObject *t = seq_to_tuple(value);
        if (!t)
            return -1;
        MpObject *old = e->args;
        e->args = t;
        mp_xdecref(old);
        return 0;
    }
    if (str_eq_cstr(name, "__cause__") && value) {
        exc_set_cause(o, value == MP_NONE ? NULL : value);
        return 0;
    }
    if (!e->dict && !(e->dict = dict_new()))
        return -1;
    if (value)
        return dict_setitem(e->dict, name, value);
    return dict_delitem(e->dict, name);
}

static MpObject *exc_init_method(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    MpExc *e = (MpExc *)self;
    MpObject *tup = tuple_new(nargs);
    if (!tup)
        return NULL;
    for (int i = 0; i < nargs; i++)
        ((MpTuple *)tup)->items[i] = mp_newref(args[i]);
    MpObject *old = e->args;
    e->args = tup;
    mp_xdecref(old);
    return mp_newref(MP_NONE);
}

static MpObject *exc_with_traceback(MpObject *self, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("with_traceback", nargs, kwnames, 1, 1) < 0)
        return NULL;
    exc_set_traceback(self, args[0] == MP_NONE ? NULL : args[0]);
    return mp_newref(self);
}

static const MpMethodDef exc_methods[] = {
    { "__init__", exc_init_method, 0 },
    { "with_traceback", exc_with_traceback, 0 },
    { NULL, NULL, 0 },
};

#define EXC_TYPE(var, pyname, basetype, size) \
    MpType var = { .ob = MP_STATIC_TYPE_HEAD, .name = pyname, .basicsize = size, \
        .flags = MP_TF_GC | MP_TF_BASETYPE, .base = basetype, \
        .dealloc = exc_dealloc, .traverse = exc_traverse, .clear = exc_clear, \
        .repr = exc_repr, .str = exc_str, .construct = exc_construct, \
        .getattro = exc_getattro, .setattro = exc_setattro, .methods = exc_methods }

EXC_TYPE(MpExc_BaseException, "BaseException", &MpBaseObject_Type, MP_EXC_SIZE);
EXC_TYPE(MpExc_Exception, "Exception", &MpExc_BaseException, MP_EXC_SIZE);
EXC_TYPE(MpExc_KeyboardInterrupt, "KeyboardInterrupt", &MpExc_BaseException, MP_EXC_SIZE);
EXC_TYPE(MpExc_SystemExit, "SystemExit", &MpExc_BaseException, 80);
EXC_TYPE(MpExc_GeneratorExit, "GeneratorExit", &MpExc_BaseException, MP_EXC_SIZE);
EXC_TYPE(MpExc_ArithmeticError, "ArithmeticError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_OverflowError, "OverflowError", &MpExc_ArithmeticError, MP_EXC_SIZE);
EXC_TYPE(MpExc_ZeroDivisionError, "ZeroDivisionError", &MpExc_ArithmeticError, MP_EXC_SIZE);
EXC_TYPE(MpExc_AssertionError, "AssertionError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_AttributeError, "AttributeError", &MpExc_Exception, 88);
EXC_TYPE(MpExc_LookupError, "LookupError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_IndexError, "IndexError", &MpExc_LookupError, MP_EXC_SIZE);
EXC_TYPE(MpExc_KeyError, "KeyError", &MpExc_LookupError, MP_EXC_SIZE);
EXC_TYPE(MpExc_MemoryError, "MemoryError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_NameError, "NameError", &MpExc_Exception, 80);
EXC_TYPE(MpExc_UnboundLocalError, "UnboundLocalError", &MpExc_NameError, 80);
EXC_TYPE(MpExc_ReferenceError, "ReferenceError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_RuntimeError, "RuntimeError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_NotImplementedError, "NotImplementedError", &MpExc_RuntimeError, MP_EXC_SIZE);
EXC_TYPE(MpExc_RecursionError, "RecursionError", &MpExc_RuntimeError, MP_EXC_SIZE);
EXC_TYPE(MpExc_StopIteration, "StopIteration", &MpExc_Exception, 80);
EXC_TYPE(MpExc_SyntaxError, "SyntaxError", &MpExc_Exception, 136);
EXC_TYPE(MpExc_TypeError, "TypeError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_ValueError, "ValueError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_ImportError, "ImportError", &MpExc_Exception, 104);
EXC_TYPE(MpExc_SystemError, "SystemError", &MpExc_Exception, MP_EXC_SIZE);
EXC_TYPE(MpExc_StepCapReached, "StepCapReached", &MpExc_BaseException, MP_EXC_SIZE);
EXC_TYPE(MpExc_ModuleNotFoundError, "ModuleNotFoundError", &MpExc_ImportError, 104);

MpType *const exc_types[] = {
    &MpExc_BaseException, &MpExc_Exception, &MpExc_KeyboardInterrupt, &MpExc_SystemExit,
    &MpExc_GeneratorExit, &MpExc_ArithmeticError, &MpExc_OverflowError,
    &MpExc_ZeroDivisionError, &MpExc_AssertionError, &MpExc_AttributeError,
    &MpExc_LookupError, &MpExc_IndexError, &MpExc_KeyError, &MpExc_MemoryError,
    &MpExc_NameError, &MpExc_UnboundLocalError, &MpExc_ReferenceError,
    &MpExc_RuntimeError, &MpExc_NotImplementedError, &MpExc_RecursionError,
    &MpExc_StopIteration, &MpExc_SyntaxError, &MpExc_TypeError, &MpExc_ValueError,
    &MpExc_ImportError, &MpExc_ModuleNotFoundError, &MpExc_SystemError, NULL,
};

void exc_set_traceback(MpObject *exc, MpObject *tb)
{
    MpExc *e = (MpExc *)exc;
    MpObject *old = e->traceback;
    e->traceback = tb ? mp_newref(tb) : NULL;
    mp_xdecref(old);
}

void exc_set_context(MpObject *exc, MpObject *context)
{
    MpExc *e = (MpExc *)exc;
    MpObject *old = e->context;
    e->context = context ? mp_newref(context) : NULL;
    mp_xdecref(old);
}

void exc_set_cause(MpObject *exc, MpObject *cause)
{
    MpExc *e = (MpExc *)exc;
    MpObject *old = e->cause;
    e->cause = cause ? mp_newref(cause) : NULL;
    e->suppress_context = 1;
    mp_xdecref(old);
}

char *exc_format_last_line(MpObject *exc)
{
    char name[200];
    /* CPython qualifies the name unless the module is builtins or __main__ */
    snprintf(name, sizeof name, "%s", exc->type->name);
    MpObject *s = obj_str(exc);
    char *msg = NULL;
    size_t n = 0;
    if (s) {
        n = str_to_cbuf(s, NULL, 0);
        msg = malloc(n + 1);
        if (msg)
            str_to_cbuf(s, msg, n + 1);
        mp_decref(s);
    } else {
        err_clear();
    }
    size_t total = strlen(name) + n + 40;
    char *out = malloc(total);
    if (!out) {
        free(msg);
        return NULL;
    }
    if (msg && msg[0])
        snprintf(out, total, "%s: %s", name, msg);
    else if (!s)
        snprintf(out, total, "%s: <exception str() failed>", name);
    else
        snprintf(out, total, "%s", name);
    free(msg);
    return out;
}

/* ---- tracebacks --------------------------------------------------------------- */

static int tb_traverse(MpObject *o, MpVisit visit, void *arg)
{
    MpTraceback *t = (MpTraceback *)o;
    int r;
    if (t->next && (r = visit(t->next, arg)))
        return r;
    return t->frame ? visit(t->frame, arg) : 0;
}

static void tb_clear(MpObject *o)
{
    MpTraceback *t = (MpTraceback *)o;
    MP_CLEAR(t->next);
    MP_CLEAR(t->frame);
}

static void tb_dealloc(MpObject *o)
{
    gc_untrack(o);
    if (!trash_begin(o))
        return;
    tb_clear(o);
    object_free(o);
    trash_end();
}

MpType MpTraceback_Type = {
    .ob = MP_STATIC_TYPE_HEAD, .name = "traceback", .basicsize = 48,
    .flags = MP_TF_GC, .dealloc = tb_dealloc, .traverse = tb_traverse, .clear = tb_clear,
};

MpObject *tb_new(MpObject *next, MpObject *frame, int lineno)
{
    MpTraceback *t = (MpTraceback *)object_new(&MpTraceback_Type, 0, sizeof(MpTraceback));
    if (!t)
        return NULL;
    t->next = next ? mp_newref(next) : NULL;
    t->frame = frame ? mp_newref(frame) : NULL;
    t->lineno = lineno;
    gc_track(MP_OBJ(t));
    return MP_OBJ(t);
}

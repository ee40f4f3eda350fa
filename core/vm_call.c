/* vm_call.c — binding call arguments to a new frame's locals (CPython's
 * initialize_locals), with CPython's messages for every mismatch. */
#include <stdio.h>
#include <string.h>
#include "vm_int.h"
#include "code.h"
#include "func.h"
#include "str.h"
#include "tuple.h"
#include "dict.h"
#include "err.h"

static void qualname_of(MpFunction *fn, char *buf, size_t cap)
{
    str_to_cbuf(fn->qualname ? fn->qualname : fn->name, buf, cap);
}

static void missing(MpFunction *fn, MpCode *co, MpObject **slots, int from, int to, int kwonly)
{
    char fname[200], names[600] = "";
    int n = 0, count = 0;
    for (int i = from; i < to; i++)
        if (!slots[i])
            count++;
    for (int i = from; i < to; i++) {
        if (slots[i])
            continue;
        char nm[100];
        str_to_cbuf(tuple_item(co->localsplusnames, i), nm, sizeof nm);
        size_t len = strlen(names);
        if (n > 0)
            snprintf(names + len, sizeof names - len, "%s", n == count - 1 ? (count > 2 ? ", and " : " and ") : ", ");
        len = strlen(names);
        snprintf(names + len, sizeof names - len, "'%s'", nm);
        n++;
    }
    qualname_of(fn, fname, sizeof fname);
    err_set(&MpExc_TypeError, "%s() missing %d required %s argument%s: %s", fname, count,
            kwonly ? "keyword-only" : "positional", count == 1 ? "" : "s", names);
}

/* The parameter a keyword argument names: by identity first (the
 * compiler shares one str per name, so a call site's keyword is usually
 * the parameter's own name object), then by equality, as CPython's
 * initialize_locals does; -1 if none. */
static int keyword_slot(MpCode *co, MpObject *name, int total)
{
    for (int i = co->posonlyargcount; i < total; i++)
        if (tuple_item(co->localsplusnames, i) == name)
            return i;
    for (int i = co->posonlyargcount; i < total; i++)
        if (object_eq(name, tuple_item(co->localsplusnames, i)) == 1)
            return i;
    return -1;
}

int vm_bind_args_general(MpFrame *f, MpFunction *fn, MpObject **args, int nargs, MpObject *kwnames)
{
    MpCode *co = (MpCode *)fn->code;
    MpObject **slots = f->localsplus;
    int argc = co->argcount, total = argc + co->kwonlyargcount;
    int nkw = kwnames ? (int)tuple_size(kwnames) : 0;
    int ndef = fn->defaults ? (int)tuple_size(fn->defaults) : 0;
    char fname[200];
    MpObject *kwdict = NULL;
    int pos = total;
    if (co->flags & MP_CO_VARARGS)
        pos++;
    if (co->flags & MP_CO_VARKEYWORDS) {
        if (!(kwdict = dict_new()))
            return -1;
        slots[pos] = kwdict;
    }
    int n = nargs < argc ? nargs : argc;
    for (int i = 0; i < n; i++)
        slots[i] = mp_newref(args[i]);
    if (co->flags & MP_CO_VARARGS) {
        int extra = nargs > argc ? nargs - argc : 0;
        MpObject *t = tuple_new(extra);
        if (!t)
            return -1;
        for (int i = 0; i < extra; i++)
            ((MpTuple *)t)->items[i] = mp_newref(args[argc + i]);
        slots[total] = t;
    } else if (nargs > argc) {
        qualname_of(fn, fname, sizeof fname);
        int kwgiven = 0;
        for (int k = 0; k < nkw; k++)
            for (int i = argc; i < total; i++)
                if (object_eq(tuple_item(kwnames, k), tuple_item(co->localsplusnames, i)) == 1)
                    kwgiven++;
        char extra[80] = "";
        if (kwgiven)
            snprintf(extra, sizeof extra, " positional argument%s (and %d keyword-only argument%s)",
                     nargs == 1 ? "" : "s", kwgiven, kwgiven == 1 ? "" : "s");
        if (ndef)
            err_set(&MpExc_TypeError, "%s() takes from %d to %d positional arguments but %d %s given",
                    fname, argc - ndef, argc, nargs, nargs == 1 && !kwgiven ? "was" : "were");
        else if (kwgiven)
            err_set(&MpExc_TypeError, "%s() takes %d positional argument%s but %d%s were given",
                    fname, argc, argc == 1 ? "" : "s", nargs, extra);
        else
            err_set(&MpExc_TypeError, "%s() takes %d positional argument%s but %d %s given",
                    fname, argc, argc == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
        return -1;
    }
    for (int k = 0; k < nkw; k++) {
        MpObject *name = tuple_item(kwnames, k), *value = args[nargs + k];
        int found = keyword_slot(co, name, total);
        if (found < 0) {
            if (kwdict) {
                if (dict_setitem(kwdict, name, value) < 0)
                    return -1;
                continue;
            }
            char nm[100];
            qualname_of(fn, fname, sizeof fname);
            str_to_cbuf(name, nm, sizeof nm);
            err_set(&MpExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, nm);
            return -1;
        }
        if (slots[found]) {
            char nm[100];
            qualname_of(fn, fname, sizeof fname);
            str_to_cbuf(name, nm, sizeof nm);
            err_set(&MpExc_TypeError, "%s() got multiple values for argument '%s'", fname, nm);
            return -1;
        }
        slots[found] = mp_newref(value);
    }
    for (int i = argc - ndef; i < argc; i++)
        if (!slots[i])
            slots[i] = mp_newref(tuple_item(fn->defaults, i - (argc - ndef)));
    for (int i = 0; i < argc; i++)
        if (!slots[i]) {
            missing(fn, co, slots, 0, argc, 0);
            return -1;
        }
    for (int i = argc; i < total; i++) {
        if (slots[i])
            continue;
        MpObject *d = fn->kwdefaults ? dict_getitem(fn->kwdefaults, tuple_item(co->localsplusnames, i)) : NULL;
        if (d)
            slots[i] = mp_newref(d);
    }
    for (int i = argc; i < total; i++)
        if (!slots[i]) {
            missing(fn, co, slots, argc, total, 1);
            return -1;
        }
    return 0;
}

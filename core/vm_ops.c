/* vm_ops.c — instructions with more to them than a few lines: f-string
 * fields, class creation, unpacking, function creation, imports and
 * exception matching. */
#include <stdio.h>
#include "vm_int.h"
#include "code.h"
#include "abstract.h"
#include "format.h"
#include "err.h"
#include "str.h"
#include "tuple.h"
#include "dict.h"
#include "list.h"
#include "class.h"
#include "func.h"

MpObject *vm_format_value(MpObject *v, int conv, MpObject *spec)
{
    MpObject *conv_v = NULL;
    if (conv == 1)
        conv_v = obj_str(v);
    else if (conv == 2 || conv == 3)
        conv_v = obj_repr(v);
    if (conv && !conv_v)
        return NULL;
    MpObject *x = conv_v ? conv_v : v;
    MpObject *r;
    if (!spec || str_len(spec) == 0)
        r = str_check(x) ? mp_newref(x) : obj_str(x);
    else
        r = format_object(x, spec);
    mp_xdecref(conv_v);
    return r;
}

MpObject *vm_build_class(MpObject *func, MpObject *name, MpObject *bases)
{
    MpFunction *fn = (MpFunction *)func;
    MpCode *co = (MpCode *)fn->code;
    MpObject *ns = dict_new();
    if (!ns)
        return NULL;
    MpFrame *f = frame_push(func, fn->globals, fn->code, co->nlocalsplus, co->stacksize);
    if (!f) {
        mp_decref(ns);
        return NULL;
    }
    f->locals = mp_newref(ns);
    MpObject *cell = vm_eval_frame(f);
    if (!cell)
        return NULL;
    MpObject *cls = class_new(name, bases, ns);
    mp_decref(ns);   /* the frame held one reference, released at its end */
    if (cls && cell->type == &MpCell_Type)
        cell_set(cell, cls);
    mp_decref(cell);
    return cls;
}

/* UNPACK_SEQUENCE of an exact tuple or list of the right size: its items
 * directly, the last first, as CPython 3.11 pushes them (it makes no
 * iterator then); 0 when seq is not such a sequence. */
static int unpack_exact(MpObject *seq, int n, MpObject **out)
{
    MpObject **items;
    if (seq->type == &MpTuple_Type && tuple_size(seq) == n)
        items = ((MpTuple *)seq)->items;
    else if (seq->type == &MpList_Type && ((MpList *)seq)->size == n)
        items = ((MpList *)seq)->items;
    else
        return 0;
    for (int i = n - 1; i >= 0; i--)
        out[n - 1 - i] = mp_newref(items[i]);
    return 1;
}

int vm_unpack(MpObject *seq, int before, int after, MpObject **out)
{
    if (after < 0 && unpack_exact(seq, before, out))
        return 0;
    MpObject *it = obj_iter(seq);
    if (!it) {
        if (err_matches(&MpExc_TypeError)) {
            err_clear();
            err_set(&MpExc_TypeError, "cannot unpack non-iterable %s object", type_name(seq));
        }
        return -1;
    }
    int n = after < 0 ? before : before + 1 + after;
    int got = 0;
    for (; got < before; got++) {
        MpObject *x = obj_next(it);
        if (!x) {
            if (!err_occurred()) {
                if (after < 0)
                    err_set(&MpExc_ValueError, "not enough values to unpack (expected %d, got %d)", before, got);
                else
                    err_set(&MpExc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                            before + after, got);
            }
            goto fail;
        }
        out[n - 1 - got] = x;
    }
    if (after < 0) {
        MpObject *x = obj_next(it);
        if (x) {
            mp_decref(x);
            err_set(&MpExc_ValueError, "too many values to unpack (expected %d)", before);
            goto fail;
        }
        if (err_occurred())
            goto fail;
        mp_decref(it);
        return 0;
    }
    MpObject *rest = seq_to_list(it);
    if (!rest)
        goto fail;
    MpList *l = (MpList *)rest;
    int64_t nrest = l->size;
    if (nrest < after) {
        err_set(&MpExc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                before + after, before + (int)nrest);
        mp_decref(rest);
        goto fail;
    }
    for (int i = 0; i < after; i++)
        out[after - 1 - i] = l->items[nrest - after + i];
    l->size = nrest - after;   /* the items moved to the stack */
    out[after] = rest;
    mp_decref(it);
    return 0;
fail:
    for (int i = 0; i < got; i++)
        MP_CLEAR(out[n - 1 - i]);
    mp_decref(it);
    return -1;
}

MpObject *vm_make_function(MpFrame *f, int flags, MpObject **sp)
{
    MpObject *code = sp[-1];
    int k = 2;
    MpObject *closure = (flags & 8) ? sp[-k++] : NULL;
    MpObject *kwdefaults = (flags & 2) ? sp[-k++] : NULL;
    MpObject *defaults = (flags & 1) ? sp[-k++] : NULL;
    MpCode *co = (MpCode *)code;
    MpObject *fn = function_new(code, f->globals, co->name, defaults, closure);
    if (!fn)
        return NULL;
    MpFunction *func = (MpFunction *)fn;
    if (func->qualname != co->qualname) {
        mp_xdecref(func->qualname);
        func->qualname = mp_newref(co->qualname);
    }
    if (kwdefaults)
        func->kwdefaults = mp_newref(kwdefaults);
    return fn;
}

MpObject *vm_import_from(MpObject *module, MpObject *name)
{
    MpObject *v = obj_lookup_attr(module, name);
    if (v || err_occurred())
        return v;
    char n[100], m[100];
    str_to_cbuf(name, n, sizeof n);
    MpObject *mn = obj_getattr_cstr(module, "__name__");
    if (mn) {
        str_to_cbuf(mn, m, sizeof m);
        mp_decref(mn);
    } else {
        err_clear();
        snprintf(m, sizeof m, "?");
    }
    err_set(&MpExc_ImportError, "cannot import name '%s' from '%s' (unknown location)", n, m);
    return NULL;
}

int vm_exc_matches(MpObject *exc, MpObject *type)
{
    if (type->type == &MpTuple_Type) {
        for (int64_t i = 0; i < tuple_size(type); i++) {
            int r = vm_exc_matches(exc, tuple_item(type, i));
            if (r)
                return r;
        }
        return 0;
    }
    if (type->type != &MpType_Type || !exc_type_check((MpType *)type)) {
        err_set(&MpExc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return type_is_subtype(exc->type, (MpType *)type);
}

/* vm_int.h — what the VM's files share (internal). */
#ifndef MP_VM_INT_H
#define MP_VM_INT_H

#include "vm.h"
#include "func.h"
#include "code.h"
#include "tuple.h"

/* Binds a call's arguments to the new frame's locals (CPython's
 * initialize_locals), with CPython's messages for every mismatch: 0, or
 * -1 with the error set.  The general case is vm_call.c's. */
int vm_bind_args_general(MpFrame *f, MpFunction *fn, MpObject **args, int nargs, MpObject *kwnames);

/* The common case, inline: positional arguments only, the
 * parameters they leave to their defaults, no *args, **kwargs or
 * keyword-only parameters.  1 if it bound them, 0 if the call is not
 * that case (nothing done). */
static inline int vm_bind_positional(MpFrame *f, MpFunction *fn, MpObject **args, int nargs)
{
    MpCode *co = (MpCode *)fn->code;
    int argc = co->argcount;
    int ndef = fn->defaults ? (int)tuple_size(fn->defaults) : 0;
    if (nargs > argc || nargs < argc - ndef || co->kwonlyargcount ||
        (co->flags & (MP_CO_VARARGS | MP_CO_VARKEYWORDS)))
        return 0;
    MpObject **slots = f->localsplus;
    for (int i = 0; i < nargs; i++)
        slots[i] = mp_newref(args[i]);
    for (int i = nargs; i < argc; i++)
        slots[i] = mp_newref(tuple_item(fn->defaults, i - (argc - ndef)));
    return 1;
}

static inline int vm_bind_args(MpFrame *f, MpFunction *fn, MpObject **args, int nargs, MpObject *kwnames)
{
    if (!kwnames && vm_bind_positional(f, fn, args, nargs))
        return 0;
    return vm_bind_args_general(f, fn, args, nargs, kwnames);
}
/* Pushes a frame for a Python function call with the arguments bound;
 * NULL with the error set (the frame is gone then). */
MpFrame *vm_push_call(MpObject *func, MpObject **args, int nargs, MpObject *kwnames);
MpObject *vm_eval_frame(MpFrame *f);   /* runs an entry frame to its end */
/* Runs a generator's frame (linked by the caller) until it yields or
 * ends; exc (stolen), if given, is raised at the point it stopped. */
MpObject *vm_resume(MpFrame *f, MpObject *exc);
/* vm_ops.c: the instructions that are more than a few lines. */
MpObject *vm_format_value(MpObject *v, int conv, MpObject *spec);
MpObject *vm_build_class(MpObject *func, MpObject *name, MpObject *bases);
int vm_unpack(MpObject *seq, int before, int after, MpObject **out);
MpObject *vm_make_function(MpFrame *f, int flags, MpObject **sp);
MpObject *vm_import_from(MpObject *module, MpObject *name);
int vm_exc_matches(MpObject *exc, MpObject *type);

#endif

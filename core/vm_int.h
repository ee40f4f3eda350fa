/* vm_int.h — what the VM's files share (internal). */
#ifndef MP_VM_INT_H
#define MP_VM_INT_H

#include "vm.h"
#include "func.h"

int vm_bind_args(MpFrame *f, MpFunction *fn, MpObject **args, int nargs, MpObject *kwnames);
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

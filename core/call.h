/* call.h — calling any callable from C, and builtin (C) functions.
 *
 * call_object() dispatches on the callable's type: builtin functions run
 * their C function; bound methods prepend self; classes build an instance
 * (class.c); Python functions go to the interpreter through
 * call_python_hook, which the VM installs (NULL until then: calling a
 * Python function without a VM raises RuntimeError).  Arguments are
 * borrowed; the result is a new reference, or NULL with an error set.
 */
#ifndef MP_CALL_H
#define MP_CALL_H

#include "object.h"

typedef MpObject *(*MpCFunc)(MpObject *self, int nargs, MpObject **args);

/* PyCFunctionObject: 56 bytes + GC head. */
typedef struct MpBuiltin {
    MpObject ob;
    const char *name;
    MpCFunc fn;
    MpObject *self;      /* bound object (module or instance), or NULL */
} MpBuiltin;

enum { MP_BUILTIN_SIZE = 56 };

extern MpType MpBuiltin_Type;

/* A new heap builtin function object (e.g. a bound C method). */
MpObject *builtin_new(const char *name, MpCFunc fn, MpObject *self);

MpObject *call_object(MpObject *callable, int nargs, MpObject **args);

extern MpObject *(*call_python_hook)(MpObject *func, int nargs, MpObject **args);

#endif

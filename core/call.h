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
    MpCFuncKw kwfn;      /* the vectorcall form, when fn is NULL */
    const MpMethodDef *def;   /* a method of a builtin type, unbound: args[0] is self */
} MpBuiltin;

enum { MP_BUILTIN_SIZE = 56 };

extern MpType MpBuiltin_Type;

/* The function behind builtins.len (the interpreter recognises it). */
MpObject *builtin_len(MpObject *self, MpObject **args, int nargs, MpObject *kwnames);

/* A new heap builtin function object (e.g. a bound C method). */
MpObject *builtin_new(const char *name, MpCFunc fn, MpObject *self);

MpObject *builtin_new_kw(const char *name, MpCFuncKw fn, MpObject *self);
/* The unbound method object of a builtin type's method (cached, made on
 * first use; new reference). */
MpObject *builtin_descriptor(const MpMethodDef *def, const MpType *owner);
/* The descriptor of def the table keeps (borrowed), NULL if none yet. */
MpObject *builtin_descriptor_kept(const MpMethodDef *def);
/* 0 if self is an instance of the type whose method def is (its owner);
 * else -1 with CPython's TypeError (`list.append({}, 1)`). */
int builtin_descriptor_check_self(const MpMethodDef *def, const char *name, MpObject *self);
void builtin_descriptors_reset(void);
void builtin_descriptors_visit(MpVisit visit, void *arg);

MpObject *call_object(MpObject *callable, int nargs, MpObject **args);

extern MpObject *(*call_python_hook)(MpObject *func, MpObject **args, int nargs, MpObject *kwnames);

#endif

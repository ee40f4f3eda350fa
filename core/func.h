/* func.h — functions, closure cells and bound methods.
 *
 * A function owns its code, globals, name, defaults and closure (a tuple
 * of cells).  A cell holds one variable shared between a function and the
 * closures made inside it.  A bound method pairs a function with self.
 * All three are GC types, tracked from creation; functions and methods can
 * be weakly referenced.
 */
#ifndef MP_FUNC_H
#define MP_FUNC_H

#include "object.h"

/* PyFunctionObject: 136 bytes + GC head (getsizeof 152). */
typedef struct MpFunction {
    MpObject ob;
    MpObject *code;       /* the compiled body (the interpreter's), or NULL */
    MpObject *globals;    /* dict */
    MpObject *name, *qualname;   /* str */
    MpObject *defaults;   /* tuple or NULL */
    MpObject *kwdefaults; /* dict or NULL */
    MpObject *closure;    /* tuple of cells or NULL */
    MpObject *doc;
    MpObject *dict;       /* function attributes, made on demand */
    MpObject *module;
    struct MpWeakref *weakreflist;
} MpFunction;

/* PyCellObject: 24 bytes + GC head (getsizeof 40). */
typedef struct MpCell {
    MpObject ob;
    MpObject *ref;        /* NULL when empty */
} MpCell;

/* PyMethodObject: 48 bytes + GC head (getsizeof 64). */
typedef struct MpMethod {
    MpObject ob;
    MpObject *func, *self;
    struct MpWeakref *weakreflist;
} MpMethod;

enum { MP_FUNCTION_SIZE = 136, MP_CELL_SIZE = 24, MP_METHOD_SIZE = 48 };

extern MpType MpFunction_Type, MpCell_Type, MpMethod_Type;

/* The arguments are borrowed; NULL ones are allowed except name. */
MpObject *function_new(MpObject *code, MpObject *globals, MpObject *name,
                       MpObject *defaults, MpObject *closure);
MpObject *cell_new(MpObject *value);     /* value may be NULL (empty) */
void cell_set(MpObject *cell, MpObject *value);
MpObject *method_new(MpObject *func, MpObject *self);

#endif

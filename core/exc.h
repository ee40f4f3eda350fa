/* exc.h — exception types and exception objects.
 *
 * Exceptions are objects as in CPython 3.11: a BaseException instance is
 * 72 bytes plus its GC head (getsizeof 88), holding the arguments, the
 * traceback (a chain of traceback objects that keep frame objects alive),
 * the implicit context and the explicit cause.  Subclasses made by a
 * snippet add a weak-reference slot (96 bytes).  The builtin exception
 * types are static types forming CPython's hierarchy.
 */
#ifndef MP_EXC_H
#define MP_EXC_H

#include "object.h"

typedef struct MpExc {
    MpObject ob;
    MpObject *dict;        /* attributes set by the snippet, made on demand */
    MpObject *args;        /* tuple */
    MpObject *notes;
    MpObject *traceback;   /* traceback object or NULL */
    MpObject *context;     /* exception being handled when this one was raised */
    MpObject *cause;       /* `raise ... from cause` */
    char suppress_context;
    struct MpWeakref *weakreflist;   /* subclasses only (host field) */
} MpExc;

enum { MP_EXC_SIZE = 72, MP_EXC_SUBCLASS_SIZE = 80 };

/* A traceback entry: 48 bytes + GC head. */
typedef struct MpTraceback {
    MpObject ob;
    MpObject *next;        /* the entry of the called frame */
    MpObject *frame;       /* frame object */
    int32_t lasti, lineno;
} MpTraceback;

extern MpType MpTraceback_Type;

extern MpType MpExc_BaseException, MpExc_Exception, MpExc_ArithmeticError,
    MpExc_AssertionError, MpExc_AttributeError, MpExc_IndexError, MpExc_KeyError,
    MpExc_LookupError, MpExc_MemoryError, MpExc_NameError, MpExc_UnboundLocalError,
    MpExc_NotImplementedError, MpExc_OverflowError, MpExc_RecursionError,
    MpExc_ReferenceError, MpExc_RuntimeError, MpExc_StopIteration, MpExc_SyntaxError,
    MpExc_TypeError, MpExc_ValueError, MpExc_ZeroDivisionError,
    MpExc_KeyboardInterrupt, MpExc_SystemExit, MpExc_GeneratorExit, MpExc_ImportError,
    MpExc_ModuleNotFoundError, MpExc_SystemError,
    MpExc_StepCapReached;   /* memplay's: the run reached its step cap (not in builtins) */

/* All builtin exception types, NULL-terminated (for registration and for
 * the builtins namespace). */
extern MpType *const exc_types[];

static inline int exc_type_check(const MpType *t) { return type_is_subtype(t, &MpExc_BaseException); }
static inline int exc_check(const MpObject *o) { return exc_type_check(o->type); }

/* A new exception of type t with the given args tuple (borrowed). */
MpObject *exc_new(MpType *t, MpObject *args);
/* Instance allocation for classes derived from an exception type. */
MpObject *exc_alloc_subclass(MpType *cls, MpObject *args);
MpObject *exc_str(MpObject *exc);
MpObject *tb_new(MpObject *next, MpObject *frame, int lineno);
void exc_set_traceback(MpObject *exc, MpObject *tb);   /* borrowed tb */
void exc_set_context(MpObject *exc, MpObject *context); /* borrowed */
void exc_set_cause(MpObject *exc, MpObject *cause);     /* borrowed, NULL ok */
/* The "Type: message" line CPython prints last (malloc'd UTF-8). */
char *exc_format_last_line(MpObject *exc);

#endif

/* err.h — the pending error.
 *
 * Functions report failure by returning NULL or -1 after setting the
 * pending error; callers pass it up and the interpreter loop unwinds it
 * (no longjmp).  Until the interpreter owns exception objects, an error is
 * a type (one of the static exception types below) and a message.
 *
 * Invariant: at most one error is pending; setting one replaces it.
 */
#ifndef MP_ERR_H
#define MP_ERR_H

#include "object.h"

extern MpType MpExc_MemoryError, MpExc_TypeError, MpExc_ValueError,
              MpExc_ReferenceError, MpExc_RecursionError, MpExc_KeyError,
              MpExc_IndexError, MpExc_OverflowError, MpExc_RuntimeError,
              MpExc_AttributeError, MpExc_ZeroDivisionError;

void err_set(MpType *type, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void err_no_memory(void);
MpType *err_occurred(void);
const char *err_message(void);
void err_clear(void);

/* Reports the pending error as CPython's PyErr_WriteUnraisable does
 * ("Exception ignored in: <repr of obj>" and the error) on the snippet's
 * stderr, then clears it. */
void err_write_unraisable(MpObject *obj);

/* Where the snippet's stdout (1) and stderr (2) go; default: the host's. */
typedef void (*MpWriter)(int stream, const char *text, size_t len);
void err_set_writer(MpWriter w);
void mp_write(int stream, const char *text, size_t len);

#endif

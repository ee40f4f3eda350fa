/* err.h — the pending exception.
 *
 * Functions report failure by returning NULL or -1 after setting the
 * pending exception; callers pass it up and the interpreter loop unwinds it
 * (no longjmp).  The pending exception is an exception object (exc.h).
 *
 * Invariant: at most one exception is pending; setting one replaces it.
 */
#ifndef MP_ERR_H
#define MP_ERR_H

#include "object.h"
#include "exc.h"

void err_set(MpType *type, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* type(value): KeyError(key), StopIteration(value)...; value borrowed. */
void err_set_value(MpType *type, MpObject *value);
void err_no_memory(void);
MpType *err_occurred(void);
int err_matches(MpType *type);          /* pending and a subtype of type */
/* str() of the pending exception, as C text (for tests and messages). */
const char *err_message(void);
void err_clear(void);
/* Takes the pending exception (new reference to the caller), or NULL. */
MpObject *err_fetch(void);
/* Makes exc pending (steals the reference). */
void err_restore(MpObject *exc);
/* The pending exception, borrowed. */
MpObject *err_peek(void);

/* Reports the pending error as CPython's PyErr_WriteUnraisable does
 * ("Exception ignored in: <repr of obj>", the traceback and the error) on
 * the snippet's stderr, then clears it. */
void err_write_unraisable(MpObject *obj);
/* The default sys.unraisablehook report (err_msg NULL/None: the usual one). */
void err_print_unraisable_default(MpObject *exc, MpObject *obj, MpObject *err_msg);

/* How tracebacks are printed (the interpreter installs one that shows
 * source lines); NULL: only the last line. */
typedef void (*MpTracebackPrinter)(MpObject *exc);
void err_set_traceback_printer(MpTracebackPrinter p);
void err_print_exception(MpObject *exc);

/* Where the snippet's stdout (1) and stderr (2) go; default: the host's. */
typedef void (*MpWriter)(int stream, const char *text, size_t len);
void err_set_writer(MpWriter w);
void mp_write(int stream, const char *text, size_t len);

#endif

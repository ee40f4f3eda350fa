/* run.h — running a snippet from source: parse, check scopes, compile,
 * execute as __main__, report errors as CPython does, and shut down as
 * CPython does (weakref.finalize exit functions, then the module's names
 * released in order, then a last collection).
 */
#ifndef MP_RUN_H
#define MP_RUN_H

#include <stddef.h>
#include "object.h"

typedef struct RunOptions {
    int check_heap;          /* run the heap checker before every new line */
} RunOptions;

/* Runs src on an initialized runtime; returns the process exit status
 * (0, 1 on an uncaught exception or syntax error, or sys.exit's). */
int run_snippet(const char *src, size_t len, const RunOptions *opts);

/* The same in parts, for a run that pauses (the page's engine): run_begin
 * compiles and prepares (1: finished already, e.g. a syntax error, 0:
 * ready); run_continue runs until the VM pauses (1, see vm_set_pause_check)
 * or the run ends (0); run_status is the exit status once it ended.  The
 * source must stay in memory until the end. */
int run_begin(const char *src, size_t len, const RunOptions *opts);
int run_continue(void);
int run_status(void);

/* Runs Python source into a module's namespace (the Python parts of
 * memplay's modules): 0, or -1 with the error set. */
int run_prelude(MpObject *module, const char *src);

/* Line n of the snippet being run, stripped, into buf: 1 if it exists. */
int run_source_line(int n, char *buf, size_t cap);

#endif

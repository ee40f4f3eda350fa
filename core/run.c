/* run.c — running a snippet (see run.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "run.h"
#include "abstract.h"
#include "ast.h"
#include "check.h"
#include "code.h"
#include "compile.h"
#include "dict.h"
#include "err.h"
#include "exc.h"
#include "frame.h"
#include "gc.h"
#include "int.h"
#include "module.h"
#include "parser.h"
#include "str.h"
#include "symtable.h"
#include "tuple.h"
#include "vm.h"
#include "runtime.h"

static const char *source;
static size_t source_len;

static void write_str(int fd, const char *s) { mp_write(fd, s, strlen(s)); }

/* The text of line n of the snippet, stripped, into buf. */
int run_source_line(int n, char *buf, size_t cap)
{
    if (!source || n < 1)
        return 0;
    const char *p = source, *end = source + source_len;
    for (int i = 1; i < n && p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return 0;
        p = nl + 1;
    }
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    size_t len = (size_t)(e - p) < cap - 1 ? (size_t)(e - p) : cap - 1;
    memcpy(buf, p, len);
    buf[len] = '\0';
    return len > 0;
}

static void print_one(MpObject *exc)
{
    MpExc *e = (MpExc *)exc;
    if (e->traceback) {
        write_str(2, "Traceback (most recent call last):\n");
        for (MpObject *t = e->traceback; t; t = ((MpTraceback *)t)->next) {
            MpTraceback *tb = (MpTraceback *)t;
            MpFrameObject *fo = (MpFrameObject *)tb->frame;
            char name[200] = "<module>", line[600], text[800];
            if (fo && fo->name)
                str_to_cbuf(fo->name, name, sizeof name);
            snprintf(text, sizeof text, "  File \"<snippet>\", line %d, in %s\n", tb->lineno, name);
            write_str(2, text);
            if (run_source_line(tb->lineno, line, sizeof line)) {
                snprintf(text, sizeof text, "    %s\n", line);
                write_str(2, text);
            }
        }
    }
    char *last = exc_format_last_line(exc);
    if (last) {
        write_str(2, last);
        write_str(2, "\n");
        free(last);
    }
}

static void print_chain(MpObject *exc, int depth)
{
    MpExc *e = (MpExc *)exc;
    if (depth < 20) {
        if (e->cause) {
            print_chain(e->cause, depth + 1);
            write_str(2, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context && !e->suppress_context) {
            print_chain(e->context, depth + 1);
            write_str(2, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    print_one(exc);
}

static void print_traceback(MpObject *exc) { print_chain(exc, 0); }

static void print_syntax_error(const ParseError *pe)
{
    char text[800], line[600];
    snprintf(text, sizeof text, "  File \"<snippet>\", line %d\n", pe->line);
    write_str(2, text);
    if (run_source_line(pe->line, line, sizeof line)) {
        snprintf(text, sizeof text, "    %s\n", line);
        write_str(2, text);
    }
    snprintf(text, sizeof text, "%s: %s\n", pe->type, pe->msg);
    write_str(2, text);
}

static MpObject *compile_source(const char *src, size_t len, ParseError *pe, int *syntax)
{
    AstArena *ar = ast_arena_new();
    MpObject *code = NULL;
    *syntax = 0;
    if (!ar) {
        err_no_memory();
        return NULL;
    }
    AstNode *tree = parse_module(ar, src, len, pe);
    SymTable *top = tree ? symtable_build(ar, tree, pe) : NULL;
    if (top) {
        code = compile_module(tree, top, pe);
        if (!code && !err_occurred())
            *syntax = 1;
    } else {
        *syntax = 1;
    }
    ast_arena_free(ar);
    return code;
}

static int builtins_ready(void)
{
    if (vm_builtins())
        return 0;
    MpObject *name = str_from_cstr("builtins");
    MpObject *b = name ? module_import(name) : NULL;
    mp_xdecref(name);
    if (!b)
        return -1;
    vm_set_builtins(((MpModule *)b)->dict);
    vm_set_importer(module_import);
    err_set_traceback_printer(print_traceback);
    mp_decref(b);
    return 0;
}

/* Marks a code object and the code objects among its constants (nested
 * functions, classes, comprehensions) as memplay's own. */
static void mark_internal(MpObject *code)
{
    MpCode *co = (MpCode *)code;
    co->flags |= MP_CO_INTERNAL;
    for (int64_t i = 0; i < tuple_size(co->consts); i++)
        if (tuple_item(co->consts, i)->type == &MpCode_Type)
            mark_internal(tuple_item(co->consts, i));
}

int run_prelude(MpObject *module, const char *src)
{
    ParseError pe;
    int syntax;
    MpObject *code = compile_source(src, strlen(src), &pe, &syntax);
    if (!code) {
        if (syntax)
            err_set(&MpExc_SyntaxError, "memplay prelude: %s (line %d)", pe.msg, pe.line);
        return -1;
    }
    mark_internal(code);
    MpObject *r = vm_run_module(code, ((MpModule *)module)->dict);
    mp_decref(code);
    if (!r)
        return -1;
    mp_decref(r);
    return 0;
}

/* The heap check needs every reference to be visible: references held
 * by C code in between (a class call running __init__, a finalizer, a
 * callback) are not, so the check runs only at lines of the outermost
 * eval loop. */
static void check_hook(MpFrame *f, int line, int nesting, void *ctx)
{
    static uint64_t lines;
    if (nesting != 1)
        return;
    /* the check costs time in proportion to the heap: on big heaps it
     * runs every (live objects / 32)th line so loops stay linear */
    uint64_t every = object_count() / 32 + 1;
    if (lines++ % every)
        return;
    const char *problem = check_heap();
    if (problem) {
        char text[600];
        snprintf(text, sizeof text, "memplay: heap check failed before line %d: %s\n", line, problem);
        write_str(2, text);
        abort();
    }
}

static int exit_status_of(MpObject *exc)
{
    MpExc *e = (MpExc *)exc;
    MpObject *code = e->args && tuple_size(e->args) ? tuple_item(e->args, 0) : MP_NONE;
    if (code == MP_NONE)
        return 0;
    if (int_check(code))
        return (int)int_as_i64(code);
    MpObject *s = obj_str(code);
    if (s) {
        char buf[500];
        str_to_cbuf(s, buf, sizeof buf);
        write_str(2, buf);
        write_str(2, "\n");
        mp_decref(s);
    }
    err_clear();
    return 1;
}

static void report(MpObject *exc, int *status)
{
    if (vm_stopped()) {
        char *line = exc_format_last_line(exc);
        write_str(2, "memplay: ");
        write_str(2, line ? line + strlen("StepCapReached: ") : "stopped at the step cap");
        write_str(2, "\n");
        free(line);
        *status = 1;
        return;
    }
    if (type_is_subtype(exc->type, &MpExc_SystemExit)) {
        *status = exit_status_of(exc);
        return;
    }
    print_traceback(exc);
    *status = 1;
}

/* CPython's finalization, as far as a snippet can see it. */
static void shutdown(MpObject *globals, int *status)
{
    MpObject *wname = str_from_cstr("weakref");
    if (wname && module_loaded(wname)) {
        MpObject *fin = dict_getitem_cstr(((MpModule *)module_loaded(wname))->dict, "finalize");
        MpObject *ex = fin ? obj_getattr_cstr(fin, "_exitfunc") : NULL;
        MpObject *r = ex ? obj_call(ex, NULL, 0, NULL) : NULL;
        if (!r && err_occurred())
            err_write_unraisable(ex);
        mp_xdecref(r);
        mp_xdecref(ex);
    }
    mp_xdecref(wname);
    err_clear();
    /* names starting with one underscore first, then the others */
    for (int pass = 0; pass < 2; pass++) {
        int64_t pos = 0;
        MpObject *k, *v;
        MpObject *keys = tuple_new(dict_size(globals));
        int64_t n = 0;
        while (keys && dict_next(globals, &pos, &k, &v))
            ((MpTuple *)keys)->items[n++] = mp_newref(k);
        for (int64_t i = 0; keys && i < n; i++) {
            MpObject *key = tuple_item(keys, i);
            int underscore = str_len(key) >= 1 && str_char_at(key, 0) == '_'
                          && !(str_len(key) >= 2 && str_char_at(key, 1) == '_');
            if (str_eq_cstr(key, "__builtins__") || (pass == 0) != underscore)
                continue;
            MpObject *cur = dict_getitem(globals, key);
            if (cur && cur != MP_NONE && dict_setitem(globals, key, MP_NONE) < 0)
                err_write_unraisable(NULL);
        }
        mp_xdecref(keys);
    }
    (void)status;
    gc_collect(2);
    err_clear();
}

/* What CPython rejects before tokenizing: NUL bytes and text that is not
 * UTF-8.  A UTF-8 byte order mark is skipped. */
static int precheck(const char **src, size_t *len)
{
    if (*len >= 3 && !memcmp(*src, "\xEF\xBB\xBF", 3)) {
        *src += 3;
        *len -= 3;
    }
    char msg[300];
    if (memchr(*src, 0, *len)) {
        write_str(2, "SyntaxError: source code cannot contain null bytes\n");
        return -1;
    }
    const unsigned char *s = (const unsigned char *)*src;
    int line = 1;
    for (size_t i = 0; i < *len;) {
        unsigned c = s[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4 : 0;
        int ok = n > 0 && i + n <= *len;
        for (size_t k = 1; ok && k < n; k++)
            ok = (s[i + k] & 0xC0) == 0x80;
        if (!ok) {
            snprintf(msg, sizeof msg, "SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file <snippet> "
                     "on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
                     c, line);
            write_str(2, msg);
            return -1;
        }
        if (c == '\n')
            line++;
        i += n;
    }
    return 0;
}

/* The run in progress (one at a time, like the runtime). */
static struct {
    MpObject *code, *globals;
    int status, started, done, own_hook;
} run;

int run_begin(const char *src, size_t len, const RunOptions *opts)
{
    memset(&run, 0, sizeof run);
    run.done = 1;
    if (precheck(&src, &len) < 0) {
        run.status = 1;
        return 1;
    }
    source = src;
    source_len = len;
    if (builtins_ready() < 0) {
        write_str(2, "memplay: cannot start the interpreter\n");
        run.status = 2;
        return 1;
    }
    ParseError pe;
    int syntax;
    MpObject *code = compile_source(src, len, &pe, &syntax);
    if (!code) {
        if (syntax)
            print_syntax_error(&pe);
        else {
            MpObject *e = err_fetch();
            if (e) {
                report(e, &run.status);
                mp_decref(e);
            }
        }
        run.status = 1;
        return 1;
    }
    MpObject *globals = dict_new();
    MpObject *name = str_from_cstr("__main__"), *key = str_from_cstr("__name__");
    if (!globals || !name || !key || dict_setitem(globals, key, name) < 0) {
        write_str(2, "memplay: out of memory at start\n");
        run.status = 2;
        return 1;
    }
    mp_decref(name);
    mp_decref(key);
    if (opts && opts->check_heap) {
        vm_set_line_hook(check_hook, NULL);
        run.own_hook = 1;
    }
    vm_set_step_cap(runtime_settings()->step_cap);
    check_hold(code);
    check_hold(globals);
    run.code = code;
    run.globals = globals;
    run.done = 0;
    return 0;
}

int run_continue(void)
{
    if (run.done)
        return 0;
    MpObject *r = run.started ? vm_continue() : vm_start_module(run.code, run.globals);
    run.started = 1;
    if (r == vm_paused)
        return 1;
    check_unhold(run.globals);
    check_unhold(run.code);
    MP_CLEAR(run.code);
    if (r) {
        mp_decref(r);
    } else {
        MpObject *e = err_fetch();
        if (e) {
            report(e, &run.status);
            mp_decref(e);
        }
    }
    if (run.own_hook)
        vm_set_line_hook(NULL, NULL);
    if (!vm_stopped())
        shutdown(run.globals, &run.status);
    MP_CLEAR(run.globals);
    run.done = 1;
    return 0;
}

int run_status(void) { return run.status; }

/* A run pauses and resumes every so many outermost line starts.  Pauses
 * change nothing (tests/steps/pause_check.py), but resuming enters the
 * interpreter loop afresh: a WASM engine (V8) replaces a function's
 * baseline code by its optimized code only when the function is entered
 * again, and the loop of the outermost frame would otherwise run the whole
 * snippet in baseline code, about twice as slow. */
enum { REENTER_EVERY = 1 << 14 };

int run_snippet(const char *src, size_t len, const RunOptions *opts)
{
    if (run_begin(src, len, opts) == 0) {
        vm_set_pause_every(REENTER_EVERY);
        while (run_continue())
            ;
        vm_set_pause_every(0);
    }
    return run.status;
}

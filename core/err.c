/* err.c — the pending exception (see err.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "err.h"
#include "str.h"
#include "tuple.h"
#include "abstract.h"
#include "call.h"
#include "module.h"

static MpObject *pending;
static int in_no_memory;

void err_restore(MpObject *exc)
{
    MpObject *old = pending;
    pending = exc;
    mp_xdecref(old);
}

MpObject *err_fetch(void)
{
    MpObject *e = pending;
    pending = NULL;
    return e;
}

MpObject *err_peek(void) { return pending; }

void err_set_value(MpType *type, MpObject *value)
{
    MpObject *args = value ? tuple_pack(1, value) : tuple_new(0);
    MpObject *e = args ? exc_new(type, args) : NULL;
    mp_xdecref(args);
    if (!e) {
        err_no_memory();
        return;
    }
    err_restore(e);
}

void err_set(MpType *type, const char *fmt, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    MpObject *s = str_from_cstr(message);
    if (!s) {
        err_no_memory();
        return;
    }
    err_set_value(type, s);
    mp_decref(s);
}

/* A MemoryError instance when one can still be made; otherwise the static
 * one (CPython keeps preallocated MemoryErrors for the same reason). */
static MpExc static_memory_error = { { 1, 0, &MpExc_MemoryError }, 0, 0, 0, 0, 0, 0, 0, 0 };

void err_no_memory(void)
{
    if (!in_no_memory) {
        in_no_memory = 1;
        MpObject *e = exc_new(&MpExc_MemoryError, NULL);
        in_no_memory = 0;
        if (e) {
            err_restore(e);
            return;
        }
    }
    err_restore(mp_newref(MP_OBJ(&static_memory_error)));
}

MpType *err_occurred(void) { return pending ? pending->type : NULL; }

int err_matches(MpType *type) { return pending && type_is_subtype(pending->type, type); }

const char *err_message(void)
{
    static char message[512];
    message[0] = '\0';
    if (!pending)
        return message;
    MpObject *e = err_fetch();
    MpObject *s = obj_str(e);
    if (s) {
        str_to_cbuf(s, message, sizeof message);
        mp_decref(s);
    }
    err_restore(e);
    return message;
}

void err_clear(void) { err_restore(NULL); }

static void host_writer(int stream, const char *text, size_t len)
{
    fwrite(text, 1, len, stream == 2 ? stderr : stdout);
}

static MpWriter writer = host_writer;
static MpTracebackPrinter tb_printer;

void err_set_writer(MpWriter w) { writer = w ? w : host_writer; }

void mp_write(int stream, const char *text, size_t len) { writer(stream, text, len); }

void err_set_traceback_printer(MpTracebackPrinter p) { tb_printer = p; }

void err_print_exception(MpObject *exc)
{
    if (tb_printer) {
        tb_printer(exc);
        return;
    }
    char *line = exc_format_last_line(exc);
    if (line) {
        mp_write(2, line, strlen(line));
        mp_write(2, "\n", 1);
        free(line);
    }
}

/* The default hook's report: "Exception ignored in: repr(obj)" (or the
 * given message) then the exception (_PyErr_WriteUnraisableDefaultHook). */
void err_print_unraisable_default(MpObject *exc, MpObject *obj, MpObject *err_msg)
{
    char buf[700], what[400], msg[200];
    if (err_msg && err_msg != MP_NONE)
        str_to_cbuf(err_msg, msg, sizeof msg);
    else
        snprintf(msg, sizeof msg, "Exception ignored in");
    if (obj && obj != MP_NONE) {
        MpObject *r = obj_repr(obj);
        if (r) {
            str_to_cbuf(r, what, sizeof what);
            mp_decref(r);
        } else {
            err_clear();
            snprintf(what, sizeof what, "<object repr() failed>");
        }
        int n = snprintf(buf, sizeof buf, "%s: %s\n", msg, what);
        mp_write(2, buf, (size_t)n);
    } else if (err_msg && err_msg != MP_NONE) {
        int n = snprintf(buf, sizeof buf, "%s:\n", msg);
        mp_write(2, buf, (size_t)n);
    }
    if (exc && exc != MP_NONE)
        err_print_exception(exc);
    err_clear();
}

void err_write_unraisable(MpObject *obj)
{
    MpObject *exc = err_fetch();
    if (exc && exc->type == &MpExc_StepCapReached) {
        /* the run is being stopped: finalizers are cut short silently */
        mp_decref(exc);
        return;
    }
    MpObject *hook = sys_unraisable_hook();
    if (hook) {
        /* a hook set by the snippet (sys.unraisablehook) */
        mp_incref(hook);
        MpObject *args = sys_unraisable_args(exc, obj, NULL);
        MpObject *r = args ? call_object(hook, 1, &args) : NULL;
        mp_xdecref(args);
        if (r) {
            mp_decref(r);
            mp_xdecref(exc);
            mp_decref(hook);
            return;
        }
        /* the hook failed: its own error is reported by the default hook */
        MpObject *hexc = err_fetch();
        if (hexc && hexc->type == &MpExc_StepCapReached) {
            mp_decref(hexc);
            mp_xdecref(exc);
            mp_decref(hook);
            return;
        }
        MpObject *msg = str_from_cstr("Exception ignored in sys.unraisablehook");
        err_clear();
        err_print_unraisable_default(hexc, hook, msg);
        mp_xdecref(msg);
        mp_xdecref(hexc);
        mp_xdecref(exc);
        mp_decref(hook);
        return;
    }
    err_print_unraisable_default(exc, obj, NULL);
    mp_xdecref(exc);
    err_clear();
}

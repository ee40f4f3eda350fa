/* err.c — the pending error (see err.h). */
#include <stdarg.h>
#include <stdio.h>
#include "err.h"
#include "str.h"
#include <string.h>

#define EXC_TYPE(var, pyname) \
    MpType var = { .ob = MP_STATIC_TYPE_HEAD, .name = pyname, .basicsize = 72, \
                   .flags = MP_TF_GC | MP_TF_BASETYPE }

EXC_TYPE(MpExc_MemoryError, "MemoryError");
EXC_TYPE(MpExc_TypeError, "TypeError");
EXC_TYPE(MpExc_ValueError, "ValueError");
EXC_TYPE(MpExc_ReferenceError, "ReferenceError");
EXC_TYPE(MpExc_RecursionError, "RecursionError");
EXC_TYPE(MpExc_KeyError, "KeyError");
EXC_TYPE(MpExc_IndexError, "IndexError");
EXC_TYPE(MpExc_OverflowError, "OverflowError");
EXC_TYPE(MpExc_RuntimeError, "RuntimeError");
EXC_TYPE(MpExc_AttributeError, "AttributeError");
EXC_TYPE(MpExc_ZeroDivisionError, "ZeroDivisionError");

static MpType *pending;
static char message[512];

void err_set(MpType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    pending = type;
}

void err_no_memory(void)
{
    pending = &MpExc_MemoryError;
    message[0] = '\0';
}

MpType *err_occurred(void) { return pending; }
const char *err_message(void) { return message; }

void err_clear(void)
{
    pending = NULL;
    message[0] = '\0';
}

static void host_writer(int stream, const char *text, size_t len)
{
    fwrite(text, 1, len, stream == 2 ? stderr : stdout);
}

static MpWriter writer = host_writer;

void err_set_writer(MpWriter w) { writer = w ? w : host_writer; }

void mp_write(int stream, const char *text, size_t len) { writer(stream, text, len); }

void err_write_unraisable(MpObject *obj)
{
    MpType *type = pending;
    char saved[sizeof message], buf[700], what[200];
    memcpy(saved, message, sizeof saved);
    err_clear();
    MpObject *r = obj ? object_repr(obj) : NULL;
    if (r) {
        str_to_cbuf(r, what, sizeof what);
        mp_decref(r);
    } else {
        err_clear();
        snprintf(what, sizeof what, "<object repr() failed>");
    }
    int n = snprintf(buf, sizeof buf, "Exception ignored in: %s\n", what);
    mp_write(2, buf, (size_t)n);
    if (type) {
        n = saved[0] ? snprintf(buf, sizeof buf, "%s: %s\n", type->name, saved)
                     : snprintf(buf, sizeof buf, "%s\n", type->name);
        mp_write(2, buf, (size_t)n);
    }
    err_clear();
}

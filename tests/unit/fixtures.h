/* fixtures.h — objects and observers shared by the core unit tests:
 * classes whose __del__ and weakref callbacks are C functions that write
 * to a log, and an event recorder. */
#ifndef MP_TEST_FIXTURES_H
#define MP_TEST_FIXTURES_H

#include <string.h>
#include "support.h"
#include "call.h"
#include "class.h"
#include "dict.h"
#include "err.h"
#include "event.h"
#include "gc.h"
#include "str.h"
#include "tuple.h"
#include "weakref.h"

/* The log: a string of one-letter marks, e.g. "Dc" (a __del__, a callback). */
static char fx_log[256];

static inline void fx_mark(char c)
{
    size_t n = strlen(fx_log);
    if (n + 1 < sizeof fx_log) {
        fx_log[n] = c;
        fx_log[n + 1] = '\0';
    }
}

/* __del__ that logs the value of the instance's attribute "tag" (a
 * one-character str) or 'D' if it has none. */
static inline MpObject *fx_del(MpObject *self, int nargs, MpObject **args)
{
    MpObject *name = str_from_cstr("tag");
    MpObject *tag = instance_getattr(args[0], name);
    mp_decref(name);
    if (tag) {
        char buf[4];
        str_to_cbuf(tag, buf, sizeof buf);
        fx_mark(buf[0]);
        mp_decref(tag);
    } else {
        err_clear();
        fx_mark('D');
    }
    return mp_newref(MP_NONE);
}

/* Weakref callback: logs 'c', or 'x' if the ref is not dead inside it. */
static inline MpObject *fx_callback(MpObject *self, int nargs, MpObject **args)
{
    MpWeakref *wr = (MpWeakref *)args[0];
    fx_mark(wr->object == MP_NONE ? 'c' : 'x');
    return mp_newref(MP_NONE);
}

/* A class named `name` whose __del__ is the C function `del` bound to
 * `self` (NULL: no __del__). */
static inline MpObject *fx_class_del(const char *name, MpCFunc del, MpObject *self)
{
    MpObject *ns = dict_new();
    if (del) {
        MpObject *fn = builtin_new("__del__", del, self);
        MpObject *key = str_from_cstr("__del__");
        dict_setitem(ns, key, fn);
        mp_decref(key);
        mp_decref(fn);
    }
    MpObject *n = str_from_cstr(name);
    MpObject *bases = tuple_new(0);
    MpObject *cls = class_new(n, bases, ns);
    mp_decref(bases);
    mp_decref(n);
    mp_decref(ns);
    return cls;
}

/* A class named `name`; with_del gives it fx_del as __del__. */
static inline MpObject *fx_class(const char *name, int with_del)
{
    return fx_class_del(name, with_del ? fx_del : NULL, NULL);
}

static inline MpObject *fx_new(MpObject *cls)
{
    return class_call((MpType *)cls, 0, NULL);
}

static inline void fx_setattr(MpObject *o, const char *name, MpObject *v)
{
    MpObject *n = str_from_cstr(name);
    assert_int_equal(instance_setattr(o, n, v), 0);
    mp_decref(n);
}

static inline void fx_tag(MpObject *o, const char *tag)
{
    MpObject *t = str_from_cstr(tag);
    fx_setattr(o, "tag", t);
    mp_decref(t);
}

/* ---- event recorder ---------------------------------------------------- */

static struct {
    MpEventKind kind[4096];
    const void *obj[4096];
    int64_t a[4096];
    int n;
    int counts[64];     /* per kind, never capped */
} fx_events;

static inline void fx_record(const MpEvent *ev, void *ctx)
{
    fx_events.counts[ev->kind]++;
    if (fx_events.n < 4096) {
        fx_events.kind[fx_events.n] = ev->kind;
        fx_events.obj[fx_events.n] = ev->obj;
        fx_events.a[fx_events.n] = ev->a;
        fx_events.n++;
    }
}

static inline void fx_record_start(void)
{
    memset(&fx_events, 0, sizeof fx_events);
    fx_log[0] = '\0';
    event_set_observer(fx_record, NULL);
}

static inline int fx_count(MpEventKind kind)
{
    return fx_events.counts[kind];
}

/* Index of the first event of `kind` about `obj`, or -1. */
static inline int fx_find(MpEventKind kind, const void *obj)
{
    for (int i = 0; i < fx_events.n; i++)
        if (fx_events.kind[i] == kind && (!obj || fx_events.obj[i] == obj))
            return i;
    return -1;
}

#endif

/* mod_gc.c — the gc module over the collector (gc.h). */
#include <stdio.h>
#include "module.h"
#include "abstract.h"
#include "dict.h"
#include "err.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"

#define NONE mp_newref(MP_NONE)

static MpObject *gc_collect_fn(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    MpObject *g = arg_kw(args, nargs, kwnames, "generation");
    if (nargs > 1) {
        err_set(&MpExc_TypeError, "collect() takes at most 1 argument (%d given)", nargs);
        return NULL;
    }
    if (nargs == 1)
        g = args[0];
    int64_t gen = 2;
    if (g && arg_int(g, &gen) < 0)
        return NULL;
    if (gen < 0 || gen > 2) {
        err_set(&MpExc_ValueError, "invalid generation");
        return NULL;
    }
    if (gc_is_collecting())
        return int_from_i64(0);
    int64_t n = gc_collect((int)gen);
    if (err_occurred())
        return NULL;
    return int_from_i64(n);
}

static MpObject *gc_enable_fn(MpObject *s, MpObject **a, int n, MpObject *k) { gc_set_enabled(1); return NONE; }
static MpObject *gc_disable_fn(MpObject *s, MpObject **a, int n, MpObject *k) { gc_set_enabled(0); return NONE; }
static MpObject *gc_isenabled_fn(MpObject *s, MpObject **a, int n, MpObject *k) { return bool_from(gc_is_enabled()); }

static MpObject *three(const int v[3])
{
    MpObject *a = int_from_i64(v[0]), *b = int_from_i64(v[1]), *c = int_from_i64(v[2]);
    MpObject *t = a && b && c ? tuple_pack(3, a, b, c) : NULL;
    mp_xdecref(a); mp_xdecref(b); mp_xdecref(c);
    return t;
}

static MpObject *gc_get_count_fn(MpObject *s, MpObject **a, int n, MpObject *k)
{
    int v[3];
    gc_get_count(v);
    return three(v);
}

static MpObject *gc_get_threshold_fn(MpObject *s, MpObject **a, int n, MpObject *k)
{
    int v[3];
    gc_get_threshold(v);
    return three(v);
}

static MpObject *gc_set_threshold_fn(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("set_threshold", nargs, kwnames, 1, 3) < 0)
        return NULL;
    int v[3];
    gc_get_threshold(v);
    for (int i = 0; i < nargs; i++) {
        int64_t x;
        if (arg_int(args[i], &x) < 0)
            return NULL;
        v[i] = (int)x;
    }
    gc_set_threshold(v);
    return NONE;
}

static MpObject *gc_get_stats_fn(MpObject *s, MpObject **a, int n, MpObject *k)
{
    MpObject *l = list_new(0);
    static const char *const keys[3] = { "collections", "collected", "uncollectable" };
    for (int g = 0; l && g < 3; g++) {
        MpGcGenStats st = gc_get_stats(g);
        uint64_t vals[3] = { st.collections, st.collected, st.uncollectable };
        MpObject *d = dict_new();
        for (int i = 0; d && i < 3; i++) {
            MpObject *key = str_from_cstr(keys[i]), *v = int_from_i64((int64_t)vals[i]);
            if (!key || !v || dict_setitem(d, key, v) < 0)
                MP_CLEAR(d);
            mp_xdecref(key);
            mp_xdecref(v);
        }
        if (!d || list_append(l, d) < 0)
            MP_CLEAR(l);
        mp_xdecref(d);
    }
    return l;
}

static MpObject *gc_is_tracked_fn(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("is_tracked", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return bool_from(mp_is_gc(args[0]) && gc_is_tracked(args[0]));
}

static MpObject *gc_is_finalized_fn(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("is_finalized", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return bool_from(mp_is_gc(args[0]) && (args[0]->gcstate & MP_GCS_FINALIZED));
}

struct collect_ctx { MpObject *list; int gen; MpObject *target; };

static void add_object(MpObject *o, int gen, void *ctx)
{
    struct collect_ctx *c = ctx;
    if (c->list && (c->gen < 0 || c->gen == gen) && list_append(c->list, o) < 0)
        MP_CLEAR(c->list);
}

static MpObject *gc_get_objects_fn(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    MpObject *g = arg_kw(args, nargs, kwnames, "generation");
    if (nargs == 1)
        g = args[0];
    int64_t gen = -1;
    if (g && g != MP_NONE) {
        if (arg_int(g, &gen) < 0)
            return NULL;
        if (gen < 0 || gen > 2) {
            err_set(&MpExc_ValueError, gen < 0 ? "generation parameter must be greater or equal than 0"
                                               : "generation parameter must be less than the number of available generations (3)");
            return NULL;
        }
    }
    struct collect_ctx c = { list_new(0), (int)gen, NULL };
    if (!c.list)
        return NULL;
    MpObject *l = c.list;
    c.list = l;
    gc_walk(add_object, &c);
    if (!c.list) {
        err_no_memory();
        return NULL;
    }
    return c.list;
}

static int visit_is(MpObject *o, void *arg)
{
    struct collect_ctx *c = arg;
    return o == c->target;
}

static void add_referrer(MpObject *o, int gen, void *ctx)
{
    struct collect_ctx *c = ctx;
    if (o->type->traverse && o->type->traverse(o, visit_is, c) && c->list && o != c->list)
        if (list_append(c->list, o) < 0)
            MP_CLEAR(c->list);
}

static MpObject *gc_get_referrers_fn(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    struct collect_ctx c = { list_new(0), -1, NULL };
    gc_traverse_cpython = 1;
    for (int i = 0; c.list && i < nargs; i++) {
        c.target = args[i];
        gc_walk(add_referrer, &c);
    }
    gc_traverse_cpython = 0;
    return c.list;
}

static int add_referent(MpObject *o, void *arg)
{
    struct collect_ctx *c = arg;
    if (c->list && list_append(c->list, o) < 0)
        MP_CLEAR(c->list);
    return 0;
}

static MpObject *gc_get_referents_fn(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    struct collect_ctx c = { list_new(0), -1, NULL };
    gc_traverse_cpython = 1;
    for (int i = 0; c.list && i < nargs; i++)
        if (mp_is_gc(args[i]) && args[i]->type->traverse)
            args[i]->type->traverse(args[i], add_referent, &c);
    gc_traverse_cpython = 0;
    return c.list;
}

static MpObject *gc_freeze_fn(MpObject *s, MpObject **a, int n, MpObject *k) { gc_freeze(); return NONE; }
static MpObject *gc_unfreeze_fn(MpObject *s, MpObject **a, int n, MpObject *k) { gc_unfreeze(); return NONE; }
static MpObject *gc_get_freeze_count_fn(MpObject *s, MpObject **a, int n, MpObject *k)
{
    return int_from_i64((int64_t)gc_get_freeze_count());
}

static MpObject *gc_set_debug_fn(MpObject *s, MpObject **args, int nargs, MpObject *kwnames)
{
    if (arg_count("set_debug", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int64_t v;
    if (arg_int(args[0], &v) < 0)
        return NULL;
    gc_set_debug((int)v);
    return NONE;
}

static MpObject *gc_get_debug_fn(MpObject *s, MpObject **a, int n, MpObject *k) { return int_from_i64(gc_get_debug()); }

static const MpMethodDef gc_functions[] = {
    { "collect", gc_collect_fn, 0 }, { "enable", gc_enable_fn, 0 }, { "disable", gc_disable_fn, 0 },
    { "isenabled", gc_isenabled_fn, 0 }, { "get_count", gc_get_count_fn, 0 },
    { "get_threshold", gc_get_threshold_fn, 0 }, { "set_threshold", gc_set_threshold_fn, 0 },
    { "get_stats", gc_get_stats_fn, 0 }, { "is_tracked", gc_is_tracked_fn, 0 },
    { "is_finalized", gc_is_finalized_fn, 0 }, { "get_objects", gc_get_objects_fn, 0 },
    { "get_referrers", gc_get_referrers_fn, 0 }, { "get_referents", gc_get_referents_fn, 0 },
    { "freeze", gc_freeze_fn, 0 }, { "unfreeze", gc_unfreeze_fn, 0 },
    { "get_freeze_count", gc_get_freeze_count_fn, 0 }, { "set_debug", gc_set_debug_fn, 0 },
    { "get_debug", gc_get_debug_fn, 0 },
    { NULL, NULL, 0 },
};

MpObject *mod_gc_init(void)
{
    MpObject *m = module_new("gc");
    if (!m)
        return NULL;
    int rc = module_add_functions(m, gc_functions);
    if (rc == 0) rc = module_add(m, "garbage", mp_newref(gc_garbage()));
    if (rc == 0) rc = module_add(m, "callbacks", mp_newref(gc_callbacks()));
    static const struct { const char *n; int v; } consts[] = {
        { "DEBUG_STATS", 1 }, { "DEBUG_COLLECTABLE", 2 }, { "DEBUG_UNCOLLECTABLE", 4 },
        { "DEBUG_SAVEALL", 32 }, { "DEBUG_LEAK", 38 },
    };
    for (size_t i = 0; rc == 0 && i < sizeof consts / sizeof consts[0]; i++)
        rc = module_add(m, consts[i].n, int_from_i64(consts[i].v));
    if (rc < 0) {
        mp_decref(m);
        return NULL;
    }
    return m;
}

/* test_gc.c — the cycle collector against RUNTIME.md's facts. */
#include "fixtures.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "weakref.h"

static int count0(void)
{
    int c[3];
    gc_get_count(c);
    return c[0];
}

static void test_count_rule(void **state)
{
    int before = count0();
    MpObject *l = list_new(0);
    assert_int_equal(count0(), before + 1);          /* GC type: +1 */
    MpObject *f = float_from_double(1.5);
    assert_int_equal(count0(), before + 1);          /* not GC: unchanged */
    MpObject *big = int_from_i64(1000);
    assert_int_equal(count0(), before + 1);
    mp_decref(big);
    mp_decref(f);
    mp_decref(l);                                    /* parked on the free list */
    assert_int_equal(count0(), before + 1);
    MpObject *again = list_new(0);                   /* reused: unchanged */
    assert_int_equal(count0(), before + 1);
    MpObject *fn = builtin_new("f", fx_callback, NULL);
    assert_int_equal(count0(), before + 2);
    mp_decref(fn);                                   /* freed: -1 */
    assert_int_equal(count0(), before + 1);
    mp_decref(again);
}

static void test_701st_allocation_collects(void **state)
{
    MpObject *keep = list_new(0);
    check_hold(keep);
    int start = count0();
    fx_record_start();
    for (int i = start; i < 700; i++) {
        MpObject *l = list_new(0);
        list_append(keep, l);
        mp_decref(l);
    }
    assert_int_equal(count0(), 700);
    assert_int_equal(fx_count(MP_EV_GC_START), 0);
    MpObject *l = list_new(0);                      /* the 701st */
    assert_int_equal(fx_count(MP_EV_GC_START), 1);
    assert_int_equal(fx_events.a[fx_find(MP_EV_GC_START, NULL)], 0);
    int c[3];
    gc_get_count(c);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 1);
    assert_int_equal(gc_get_stats(0).collections, 1);
    assert_int_equal(gc_generation_of(keep), 1);   /* survivor moved up */
    mp_decref(l);
    event_set_observer(NULL, NULL);
    check_unhold(keep);
    mp_decref(keep);
}

static void test_disabled_never_collects(void **state)
{
    gc_set_enabled(0);
    fx_record_start();
    for (int i = 0; i < 2000; i++) {
        MpObject *l = list_new(0);
        list_append(l, l);                          /* garbage cycles */
        mp_decref(l);
    }
    assert_int_equal(fx_count(MP_EV_GC_START), 0);
    assert_int_equal(gc_collect(2), 2000);
    event_set_observer(NULL, NULL);
}

static void test_return_values(void **state)
{
    MpObject *a = list_new(0);
    list_append(a, a);
    mp_decref(a);
    assert_int_equal(gc_collect(2), 1);             /* self-referencing list */

    MpObject *x = list_new(0), *y = list_new(0);
    list_append(x, y);
    list_append(y, x);
    mp_decref(x);
    mp_decref(y);
    assert_int_equal(gc_collect(2), 2);             /* two lists in a cycle */

    MpObject *d = dict_new(), *k = str_from_cstr("me");
    dict_setitem(d, k, d);
    mp_decref(k);
    mp_decref(d);
    assert_int_equal(gc_collect(2), 1);             /* self-referencing dict */

    MpObject *cls = fx_class("A", 0);
    MpObject *i = fx_new(cls);
    fx_setattr(i, "me", i);
    mp_decref(i);
    assert_int_equal(gc_collect(2), 1);             /* instance -> itself */
    /* a class is in a cycle with its own MRO tuple (as in CPython), so
     * it dies in a collection: the class, the MRO and the namespace dict */
    mp_decref(cls);
    assert_int_equal(gc_collect(2), 3);
}

/* __del__ that breaks the cycle: deletes self.me. */
static MpObject *del_breaks_cycle(MpObject *self, int nargs, MpObject **args)
{
    MpObject *n = str_from_cstr("me");
    instance_delattr(args[0], n);
    mp_decref(n);
    fx_mark('B');
    return mp_newref(MP_NONE);
}

static void test_del_breaking_cycle_returns_zero(void **state)
{
    MpObject *cls = fx_class_del("A", del_breaks_cycle, NULL);

    fx_log[0] = '\0';
    MpObject *i = fx_new(cls);
    fx_setattr(i, "me", i);
    mp_decref(i);
    assert_int_equal(gc_collect(2), 0);
    assert_string_equal(fx_log, "B");
    mp_decref(cls);
}

static void test_finalizer_and_callback_order(void **state)
{
    MpObject *cls = fx_class("A", 1);
    MpObject *a = fx_new(cls), *b = fx_new(cls);
    fx_tag(a, "a");
    fx_tag(b, "b");
    fx_setattr(a, "other", b);
    fx_setattr(b, "other", a);
    MpObject *cb = builtin_new("cb", fx_callback, NULL);
    MpObject *wa = weakref_new(a, cb), *wb = weakref_new(b, cb);
    mp_decref(a);
    mp_decref(b);
    fx_log[0] = '\0';
    assert_int_equal(gc_collect(2), 2);
    /* GC death: callbacks (refs already dead) before any __del__, then
     * __del__ in GC list order: a before b */
    assert_string_equal(fx_log, "ccab");
    assert_ptr_equal(weakref_get((MpWeakref *)wa), MP_NONE);
    mp_decref(wa);
    mp_decref(wb);
    mp_decref(cb);
    mp_decref(cls);
}

/* __del__ that resurrects self into the list held by the builtin. */
static MpObject *del_resurrect(MpObject *self, int nargs, MpObject **args)
{
    list_append(self, args[0]);
    fx_mark('R');
    return mp_newref(MP_NONE);
}

static void test_resurrection_and_pep442(void **state)
{
    MpObject *saved = list_new(0);
    check_hold(saved);
    MpObject *cls = fx_class_del("A", del_resurrect, saved);

    fx_log[0] = '\0';
    MpObject *i = fx_new(cls);
    fx_setattr(i, "me", i);
    mp_decref(i);
    assert_int_equal(gc_collect(2), 0);            /* resurrected: not counted */
    assert_string_equal(fx_log, "R");
    assert_int_equal(list_size(saved), 1);
    assert_true(list_getitem(saved, 0)->gcstate & MP_GCS_FINALIZED);
    assert_int_equal(gc_generation_of(list_getitem(saved, 0)), 2);

    list_clear(saved);                             /* garbage again */
    assert_int_equal(gc_collect(2), 1);
    assert_string_equal(fx_log, "R");              /* __del__ ran only once */
    check_unhold(saved);
    mp_decref(saved);
    mp_decref(cls);
}

static void test_phases_reported_in_order(void **state)
{
    MpObject *a = list_new(0);
    list_append(a, a);
    mp_decref(a);
    fx_record_start();
    gc_collect(0);
    int64_t seen[MP_GC_NPHASES + 4];
    int n = 0;
    for (int i = 0; i < fx_events.n; i++)
        if (fx_events.kind[i] == MP_EV_GC_PHASE)
            seen[n++] = fx_events.a[i];
    event_set_observer(NULL, NULL);
    /* the resurrection check re-runs the three reachability phases */
    static const int64_t expect[] = {
        MP_GC_UPDATE_REFS, MP_GC_SUBTRACT_REFS, MP_GC_MOVE_UNREACHABLE,
        MP_GC_UNTRACK, MP_GC_WEAKREFS, MP_GC_FINALIZE,
        MP_GC_UPDATE_REFS, MP_GC_SUBTRACT_REFS, MP_GC_MOVE_UNREACHABLE,
        MP_GC_RESURRECT, MP_GC_CLEAR,
    };
    assert_int_equal(n, sizeof expect / sizeof expect[0]);
    for (int i = 0; i < n; i++)
        assert_int_equal(seen[i], expect[i]);
}

static void test_untrack_tuples_and_dicts(void **state)
{
    MpObject *one = int_from_i64(1);
    MpObject *t = tuple_pack(1, one);
    MpObject *d = dict_new(), *lst = list_new(0), *k = str_from_cstr("k");
    mp_decref(one);
    assert_true(gc_is_tracked(t));                 /* tracked when created */
    assert_false(gc_is_tracked(d));                /* {} is untracked */
    dict_setitem(d, k, lst);
    assert_true(gc_is_tracked(d));                 /* a tracked value arrived */
    dict_delitem(d, k);
    check_hold(t);
    check_hold(d);
    gc_collect(0);
    assert_false(gc_is_tracked(t));                /* all items untracked */
    assert_true(gc_is_tracked(d));                 /* dicts: full collections only */
    gc_collect(2);
    assert_false(gc_is_tracked(d));
    check_unhold(t);
    check_unhold(d);
    mp_decref(t);
    mp_decref(d);
    mp_decref(lst);
    mp_decref(k);
}

static void test_stats_freeze_and_generation_arg(void **state)
{
    gc_collect(0);
    gc_collect(1);
    gc_collect(1);
    assert_int_equal(gc_get_stats(0).collections, 1);
    assert_int_equal(gc_get_stats(1).collections, 2);
    assert_int_equal(gc_collect(3), -1);
    assert_ptr_equal(err_occurred(), &MpExc_ValueError);
    assert_string_equal(err_message(), "invalid generation");
    err_clear();

    MpObject *l = list_new(0);
    check_hold(l);
    gc_freeze();
    assert_true(gc_get_freeze_count() >= 1);
    assert_int_equal(gc_generation_of(l), MP_GC_NGENS);
    int c[3];
    gc_get_count(c);
    assert_int_equal(c[0], 0);
    gc_unfreeze();
    assert_int_equal(gc_get_freeze_count(), 0);
    assert_int_equal(gc_generation_of(l), 2);
    check_unhold(l);
    mp_decref(l);
}

static void test_debug_saveall(void **state)
{
    gc_set_debug(MP_GC_DEBUG_SAVEALL);
    MpObject *a = list_new(0);
    list_append(a, a);
    mp_decref(a);
    assert_int_equal(gc_collect(2), 1);
    assert_int_equal(list_size(gc_garbage()), 1);
    assert_ptr_equal(list_getitem(gc_garbage(), 0), a);
    assert_true(gc_is_tracked(a));          /* saved, still tracked */
    gc_set_debug(0);
    list_clear(gc_garbage());
    assert_int_equal(gc_collect(2), 1);
}

static MpObject *gc_cb(MpObject *self, int nargs, MpObject **args)
{
    char phase[8];
    str_to_cbuf(args[0], phase, sizeof phase);
    fx_mark(phase[1]);                             /* 't' start, 't' stop... */
    MpObject *k = str_from_cstr("collected");
    MpObject *v = dict_getitem(args[1], k);
    mp_decref(k);
    fx_mark(v ? (char)('0' + int_as_i64(v)) : '?');
    return mp_newref(MP_NONE);
}

static void test_callbacks(void **state)
{
    MpObject *cb = builtin_new("cb", gc_cb, NULL);
    list_append(gc_callbacks(), cb);
    mp_decref(cb);
    MpObject *a = list_new(0);
    list_append(a, a);
    mp_decref(a);
    fx_log[0] = '\0';
    assert_int_equal(gc_collect(2), 1);
    /* "start" with collected 0, then "stop" with collected 1 */
    assert_string_equal(fx_log, "t0t1");
    list_clear(gc_callbacks());
}

/* Allocates into `into` until `n` automatic collections have started. */
static void allocate_until_collections(MpObject *into, int n)
{
    while (fx_count(MP_EV_GC_START) < n) {
        MpObject *l = list_new(0);
        list_append(into, l);
        mp_decref(l);
    }
}

static void test_long_lived_rule(void **state)
{
    /* 10,000 long-lived objects: total/4 = 2,500 */
    MpObject *keep = list_new(0), *more = list_new(0);
    check_hold(keep);
    check_hold(more);
    for (int i = 0; i < 10000; i++) {
        MpObject *l = list_new(0);
        list_append(keep, l);
        mp_decref(l);
    }
    gc_collect(2);                       /* long_lived_total := survivors */
    int t[3] = { 700, 0, 0 };            /* gen 1 and gen 2 due at once */
    gc_set_threshold(t);
    uint64_t gen1_before = gc_get_stats(1).collections;
    uint64_t gen2_before = gc_get_stats(2).collections;
    fx_record_start();
    /* 1: gen 0.  2: gen 1, pending ~1,400.  3: gen 2 due, but pending <
     * total/4, so gen 2 is skipped and generation 1 is not due: gen 0. */
    allocate_until_collections(more, 3);
    assert_int_equal(gc_get_stats(2).collections, gen2_before);   /* skipped */
    assert_int_equal(gc_get_stats(1).collections, gen1_before + 1);
    /* 4: gen 1 again, pending ~2,800.  5: now gen 2 runs. */
    allocate_until_collections(more, 5);
    assert_int_equal(gc_get_stats(1).collections, gen1_before + 2);
    assert_int_equal(gc_get_stats(2).collections, gen2_before + 1);
    event_set_observer(NULL, NULL);
    check_unhold(keep);
    check_unhold(more);
    mp_decref(keep);
    mp_decref(more);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_count_rule),
        MP_TEST(test_701st_allocation_collects),
        MP_TEST(test_disabled_never_collects),
        MP_TEST(test_return_values),
        MP_TEST(test_del_breaking_cycle_returns_zero),
        MP_TEST(test_finalizer_and_callback_order),
        MP_TEST(test_resurrection_and_pep442),
        MP_TEST(test_phases_reported_in_order),
        MP_TEST(test_untrack_tuples_and_dicts),
        MP_TEST(test_stats_freeze_and_generation_arg),
        MP_TEST(test_debug_saveall),
        MP_TEST(test_callbacks),
        MP_TEST(test_long_lived_rule),
    };
    return cmocka_run_group_tests_name("gc", tests, NULL, NULL);
}

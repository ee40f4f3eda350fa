/* test_weakref.c — weak references against RUNTIME.md's facts. */
#include "fixtures.h"
#include "float.h"
#include "func.h"
#include "int.h"
#include "list.h"
#include "set.h"
#include "weakref.h"

static void test_plain_refs_are_shared(void **state)
{
    MpObject *cls = fx_class("A", 0), *o = fx_new(cls);
    MpObject *r1 = weakref_new(o, NULL), *r2 = weakref_new(o, MP_NONE);
    assert_ptr_equal(r1, r2);
    MpObject *cb = builtin_new("cb", fx_callback, NULL);
    MpObject *r3 = weakref_new(o, cb), *r4 = weakref_new(o, cb);
    assert_ptr_not_equal(r3, r4);          /* refs with callbacks are never shared */
    assert_int_equal(weakref_count(o), 3);
    /* list order: the plain ref, then callbacks newest first */
    MpWeakref *w = *weakref_listptr(o);
    assert_ptr_equal(w, r1);
    assert_ptr_equal(w->next, r4);
    assert_ptr_equal(w->next->next, r3);
    mp_decref(r1); mp_decref(r2); mp_decref(r3); mp_decref(r4);
    assert_int_equal(weakref_count(o), 0);
    mp_decref(cb); mp_decref(o); mp_decref(cls);
}

static void refused(MpObject *o, const char *message)
{
    assert_null(weakref_new(o, NULL));
    assert_ptr_equal(err_occurred(), &MpExc_TypeError);
    assert_string_equal(err_message(), message);
    err_clear();
}

static void test_types_that_refuse(void **state)
{
    MpObject *l = list_new(0), *i = int_from_i64(5), *f = float_from_double(1.0);
    MpObject *s = str_from_cstr("abc"), *t = tuple_new(0), *d = dict_new();
    MpObject *plain = object_new(&MpBaseObject_Type, 0, sizeof(MpObject));
    refused(l, "cannot create weak reference to 'list' object");
    refused(i, "cannot create weak reference to 'int' object");
    refused(f, "cannot create weak reference to 'float' object");
    refused(s, "cannot create weak reference to 'str' object");
    refused(t, "cannot create weak reference to 'tuple' object");
    refused(d, "cannot create weak reference to 'dict' object");
    refused(MP_NONE, "cannot create weak reference to 'NoneType' object");
    refused(plain, "cannot create weak reference to 'object' object");
    /* sets, functions and classes accept */
    MpObject *set = set_new(), *name = str_from_cstr("f");
    MpObject *fn = function_new(NULL, NULL, name, NULL, NULL), *cls = fx_class("C", 0);
    MpObject *w1 = weakref_new(set, NULL), *w2 = weakref_new(fn, NULL), *w3 = weakref_new(cls, NULL);
    assert_non_null(w1);
    assert_non_null(w2);
    assert_non_null(w3);
    mp_decref(set);
    assert_ptr_equal(weakref_get((MpWeakref *)w1), MP_NONE);
    mp_decref(fn);
    assert_ptr_equal(weakref_get((MpWeakref *)w2), MP_NONE);
    mp_decref(cls);
    gc_collect(2);
    assert_ptr_equal(weakref_get((MpWeakref *)w3), MP_NONE);
    mp_decref(w1); mp_decref(w2); mp_decref(w3); mp_decref(name);
    mp_decref(l); mp_decref(i); mp_decref(f); mp_decref(s); mp_decref(t);
    mp_decref(d); mp_decref(plain);
}

static MpObject *watched_ref;

/* __del__ that logs 'L' if the watched weakref is still alive, 'X' if not. */
static MpObject *del_probe(MpObject *self, int nargs, MpObject **args)
{
    fx_mark(weakref_get((MpWeakref *)watched_ref) != MP_NONE ? 'L' : 'X');
    return mp_newref(MP_NONE);
}

static MpObject *probe_class(void)
{
    return fx_class_del("P", del_probe, NULL);
}

static void test_refcount_death_del_then_callbacks(void **state)
{
    MpObject *cls = probe_class(), *o = fx_new(cls);
    MpObject *cb = builtin_new("cb", fx_callback, NULL);
    watched_ref = weakref_new(o, cb);
    fx_log[0] = '\0';
    mp_decref(o);
    assert_string_equal(fx_log, "Lc");     /* __del__ sees a live ref; then callback */
    mp_decref(watched_ref);
    mp_decref(cb);
    mp_decref(cls);
}

static void test_gc_death_callbacks_then_del(void **state)
{
    MpObject *cls = probe_class(), *o = fx_new(cls);
    fx_setattr(o, "me", o);
    MpObject *cb = builtin_new("cb", fx_callback, NULL);
    watched_ref = weakref_new(o, cb);
    mp_decref(o);
    fx_log[0] = '\0';
    assert_int_equal(gc_collect(2), 1);
    assert_string_equal(fx_log, "cX");     /* callback first; ref dead inside __del__ */
    mp_decref(watched_ref);
    mp_decref(cb);
    mp_decref(cls);
}

static void test_trash_weakref_gets_no_callback(void **state)
{
    /* a weakref that is itself part of the garbage: cleared, no callback */
    MpObject *cls = fx_class("A", 0), *o = fx_new(cls);
    MpObject *cb = builtin_new("cb", fx_callback, NULL);
    MpObject *w = weakref_new(o, cb);
    fx_setattr(o, "ref", w);               /* o -> w, w -/-> o */
    fx_setattr(o, "me", o);
    mp_decref(w);
    mp_decref(o);
    fx_log[0] = '\0';
    assert_int_equal(gc_collect(2), 2);    /* the instance and its weakref */
    assert_string_equal(fx_log, "");
    mp_decref(cb);
    mp_decref(cls);
}

static int count0_change_on_death(int nrefs)
{
    MpObject *cls = fx_class("A", 0), *o = fx_new(cls);
    MpObject *cb = builtin_new("cb", fx_callback, NULL), *refs[4];
    for (int i = 0; i < nrefs; i++)
        refs[i] = weakref_new(o, cb);
    int before[3], after[3];
    gc_get_count(before);
    mp_decref(o);
    gc_get_count(after);
    for (int i = 0; i < nrefs; i++)
        mp_decref(refs[i]);
    mp_decref(cb);
    mp_decref(cls);
    return after[0] - before[0];
}

static void test_several_callbacks_use_a_tuple(void **state)
{
    /* python3.11, gc disabled: del of an instance with 1, 2, 3 weakrefs
     * with callbacks changes gc.get_count()[0] by -1, 0, 0: with more than
     * one callback, CPython collects them in a tuple first */
    gc_set_enabled(0);
    assert_int_equal(count0_change_on_death(1), -1);
    assert_int_equal(count0_change_on_death(2), 0);
    assert_int_equal(count0_change_on_death(3), 0);
}

static MpObject *failing_callback(MpObject *self, int nargs, MpObject **args)
{
    err_set(&MpExc_ValueError, "boom");
    return NULL;
}

static char captured[512];

static void capture(int stream, const char *text, size_t len)
{
    size_t n = strlen(captured);
    if (stream == 2 && n + len < sizeof captured) {
        memcpy(captured + n, text, len);
        captured[n + len] = '\0';
    }
}

static void test_exception_in_callback_is_reported(void **state)
{
    MpObject *cls = fx_class("A", 0), *o = fx_new(cls);
    MpObject *cb = builtin_new("cb", failing_callback, NULL);
    MpObject *w = weakref_new(o, cb);
    captured[0] = '\0';
    err_set_writer(capture);
    mp_decref(o);
    err_set_writer(NULL);
    assert_null(err_occurred());           /* execution continues */
    assert_non_null(strstr(captured, "Exception ignored in: <built-in function cb>"));
    assert_non_null(strstr(captured, "ValueError: boom"));
    mp_decref(w); mp_decref(cb); mp_decref(cls);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_plain_refs_are_shared),
        MP_TEST(test_types_that_refuse),
        MP_TEST(test_refcount_death_del_then_callbacks),
        MP_TEST(test_gc_death_callbacks_then_del),
        MP_TEST(test_trash_weakref_gets_no_callback),
        MP_TEST(test_exception_in_callback_is_reported),
        MP_TEST(test_several_callbacks_use_a_tuple),
    };
    return cmocka_run_group_tests_name("weakref", tests, NULL, NULL);
}

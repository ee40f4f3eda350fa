/* test_object.c — allocation, refcounting, dealloc order, the trashcan,
 * MemoryError paths and the heap checker. */
#include "fixtures.h"
#include "func.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "region.h"
#include "weakref.h"

static void test_instance_sizes(void **state)
{
    MpObject *cls = fx_class("A", 0);
    MpObject *i = fx_new(cls);
    assert_int_equal(object_getsizeof(i), 56);           /* empty class instance */
    assert_int_equal(object_getsizeof(cls), 1688);       /* a class */
    assert_int_equal(object_getsizeof(MP_OBJ(&MpList_Type)), 424);  /* builtin type */
    assert_int_equal(object_getsizeof(MP_NONE), 16);
    MpObject *c = cell_new(NULL);
    assert_int_equal(object_getsizeof(c), 40);
    MpObject *name = str_from_cstr("f");
    MpObject *f = function_new(NULL, NULL, name, NULL, NULL);
    assert_int_equal(object_getsizeof(f), 152);
    MpObject *m = method_new(f, i);
    assert_int_equal(object_getsizeof(m), 64);
    MpObject *w = weakref_new(i, NULL);
    assert_int_equal(object_getsizeof(w), 80);
    /* the instance's block is 64 bytes (56 rounds up), its values 256 */
    assert_int_equal(mem_usable(object_block(i)), 64);
    mp_decref(w); mp_decref(m); mp_decref(f); mp_decref(name); mp_decref(c);
    mp_decref(i); mp_decref(cls);
}

static void test_instance_dealloc_order(void **state)
{
    MpObject *cls = fx_class("A", 1);
    MpObject *i = fx_new(cls);
    MpObject *x = list_new(0), *y = list_new(0);
    fx_setattr(i, "x", x);
    fx_setattr(i, "y", y);
    MpObject *cb = builtin_new("cb", fx_callback, NULL);
    MpObject *w1 = weakref_new(i, cb), *w2 = weakref_new(i, cb);
    mp_decref(x);
    mp_decref(y);
    fx_record_start();
    mp_decref(i);
    event_set_observer(NULL, NULL);
    /* __del__ first (no tag: 'D'), then both callbacks */
    assert_string_equal(fx_log, "Dcc");
    int fin = fx_find(MP_EV_FINALIZE, i);
    int cb1 = fx_find(MP_EV_CALLBACK, w2), cb2 = fx_find(MP_EV_CALLBACK, w1);
    int fx_ = -1, fy = -1;
    for (int k = 0; k < fx_events.n; k++) {
        if (fx_events.kind[k] == MP_EV_FREELIST_PUSH && fx_events.obj[k] == x) fx_ = k;
        if (fx_events.kind[k] == MP_EV_FREELIST_PUSH && fx_events.obj[k] == y) fy = k;
    }
    int fi = fx_find(MP_EV_FREE, i);
    assert_true(fin >= 0 && cb1 > fin);
    assert_true(cb2 > cb1);                  /* newest callback first */
    assert_true(fx_ > cb2 && fy > fx_);      /* attributes in insertion order */
    assert_true(fi > fy);                    /* then the instance itself */
    mp_decref(w1); mp_decref(w2); mp_decref(cb); mp_decref(cls);
}

static void test_weakref_alive_inside_del(void **state)
{
    /* refcount death: __del__ runs while weakrefs still work */
    MpObject *cls = fx_class("A", 1);
    MpObject *i = fx_new(cls);
    MpObject *w = weakref_new(i, NULL);
    fx_tag(i, "t");
    fx_log[0] = '\0';
    mp_decref(i);
    assert_string_equal(fx_log, "t");
    assert_ptr_equal(weakref_get((MpWeakref *)w), MP_NONE);
    mp_decref(w);
    mp_decref(cls);
}

static void test_million_long_chain(void **state)
{
    MpObject *head = NULL;
    for (int i = 0; i < 1000000; i++) {
        MpObject *c = cell_new(head);
        assert_non_null(c);
        mp_xdecref(head);
        head = c;
    }
    size_t live = object_count();
    assert_true(live >= 1000000);
    mp_decref(head);                        /* frees the whole chain */
    assert_true(object_count() <= live - 1000000);
}

static void test_memory_error_after_collection(void **state)
{
    fx_record_start();
    mem_fault_inject(1, 2);                 /* the attempt and its retry fail */
    MpObject *l = builtin_new("x", fx_callback, NULL);
    assert_null(l);
    assert_ptr_equal(err_occurred(), &MpExc_MemoryError);
    assert_int_equal(fx_count(MP_EV_GC_START), 1);   /* collected before giving up */
    err_clear();

    mem_fault_inject(1, 1);                 /* only the first attempt fails */
    l = builtin_new("x", fx_callback, NULL);
    assert_non_null(l);
    assert_null(err_occurred());
    assert_int_equal(fx_count(MP_EV_GC_START), 2);
    mem_fault_inject(0, 0);
    event_set_observer(NULL, NULL);
    mp_decref(l);
}

static void test_heap_limit_then_normal_use(void **state)
{
    runtime_fini();
    MpSettings s = runtime_default_settings();
    s.heap_limit = 4u << 20;
    assert_int_equal(runtime_init(&s), 0);
    MpObject *l = list_new(0);
    check_hold(l);
    int failed = 0;
    for (int i = 0; i < 1000000 && !failed; i++) {
        MpObject *x = list_new(0);
        if (!x || list_append(l, x) < 0)
            failed = 1;
        mp_xdecref(x);
    }
    assert_true(failed);
    assert_ptr_equal(err_occurred(), &MpExc_MemoryError);
    err_clear();
    check_unhold(l);
    mp_decref(l);                            /* everything comes back */
    MpObject *again = list_new(1000);
    assert_non_null(again);
    mp_decref(again);
}

static void test_checker_catches_bad_refcount(void **state)
{
    MpObject *l = list_new(0);
    check_hold(l);
    assert_null(check_heap());
    l->refcnt++;                            /* a reference that does not exist */
    const char *problem = check_heap();
    assert_non_null(problem);
    assert_non_null(strstr(problem, "list object"));
    assert_non_null(strstr(problem, "refcount 2 but 1 reference"));
    l->refcnt--;
    assert_null(check_heap());
    check_unhold(l);
    mp_decref(l);
}

static void test_checker_catches_missing_reference(void **state)
{
    MpObject *outer = list_new(0), *inner = list_new(0);
    list_append(outer, inner);
    check_hold(outer);
    check_hold(inner);
    inner->refcnt--;                         /* one reference too few */
    const char *problem = check_heap();
    assert_non_null(problem);
    assert_non_null(strstr(problem, "refcount 1 but 2 references"));
    inner->refcnt++;
    check_unhold(outer);
    check_unhold(inner);
    mp_decref(inner);
    mp_decref(outer);
}

static void test_static_addresses_are_deterministic(void **state)
{
    uint64_t none = region_sim(MP_NONE), list_t = region_sim(&MpList_Type);
    MpObject *a = list_new(0);
    uint64_t first = region_sim(a);
    mp_decref(a);
    runtime_fini();
    MpSettings s = runtime_default_settings();
    assert_int_equal(runtime_init(&s), 0);
    assert_int_equal(region_sim(MP_NONE), none);
    assert_int_equal(region_sim(&MpList_Type), list_t);
    MpObject *b = list_new(0);
    assert_int_equal(region_sim(b), first);  /* same run, same address */
    assert_true(none >= MP_STATIC_BASE && none < MP_HEAP_BASE);
    assert_true(first >= MP_HEAP_BASE);
    mp_decref(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_instance_sizes),
        MP_TEST(test_instance_dealloc_order),
        MP_TEST(test_weakref_alive_inside_del),
        MP_TEST(test_million_long_chain),
        MP_TEST(test_memory_error_after_collection),
        MP_TEST(test_heap_limit_then_normal_use),
        MP_TEST(test_checker_catches_bad_refcount),
        MP_TEST(test_checker_catches_missing_reference),
        MP_TEST(test_static_addresses_are_deterministic),
    };
    return cmocka_run_group_tests_name("object", tests, NULL, NULL);
}

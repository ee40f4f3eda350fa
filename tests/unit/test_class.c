/* test_class.c — classes and instances: inline attributes, __dict__ on
 * demand, references to the class, __init__. */
#include "fixtures.h"
#include "int.h"
#include "list.h"
#include "mem.h"

static void test_inline_attributes_then_dict(void **state)
{
    MpObject *cls = fx_class("A", 0), *o = fx_new(cls);
    MpManaged *m = instance_managed(o);
    assert_non_null(m->values);
    assert_null(m->dict);
    assert_int_equal(mem_usable(m->values), 256);   /* the values array's block */
    char name[8];
    for (int i = 0; i < MP_INLINE_ATTRS; i++) {
        snprintf(name, sizeof name, "a%d", i);
        MpObject *v = int_from_i64(i);
        fx_setattr(o, name, v);
        mp_decref(v);
    }
    assert_null(m->dict);                           /* all 28 fit inline */
    MpObject *v = int_from_i64(99);
    fx_setattr(o, "one_more", v);                   /* the 29th makes a dict */
    mp_decref(v);
    assert_non_null(m->dict);
    assert_null(m->values);
    assert_int_equal(dict_size(m->dict), MP_INLINE_ATTRS + 1);
    MpObject *n = str_from_cstr("a5");
    MpObject *got = instance_getattr(o, n);
    assert_int_equal(int_as_i64(got), 5);
    mp_decref(got);
    mp_decref(n);
    mp_decref(o);
    mp_decref(cls);
}

static void test_dict_on_demand_keeps_order(void **state)
{
    MpObject *cls = fx_class("A", 0), *o = fx_new(cls);
    MpObject *x = int_from_i64(1), *y = int_from_i64(2);
    fx_setattr(o, "y", y);
    fx_setattr(o, "x", x);
    MpObject *d = instance_dict(o);
    MpObject *k, *val;
    int64_t pos = 0;
    assert_true(dict_next(d, &pos, &k, &val));
    assert_ptr_equal(val, y);                      /* insertion order: y first */
    assert_true(dict_next(d, &pos, &k, &val));
    assert_ptr_equal(val, x);
    mp_decref(d);
    mp_decref(x); mp_decref(y); mp_decref(o); mp_decref(cls);
}

static void test_instances_hold_their_class(void **state)
{
    MpObject *cls = fx_class("A", 0);
    int32_t before = cls->refcnt;
    MpObject *o = fx_new(cls);
    assert_int_equal(cls->refcnt, before + 1);
    mp_decref(o);
    assert_int_equal(cls->refcnt, before);
    mp_decref(cls);                                /* no cycle: freed at once */
}

static void test_delattr_and_missing(void **state)
{
    MpObject *cls = fx_class("A", 0), *o = fx_new(cls);
    MpObject *n = str_from_cstr("x");
    assert_int_equal(instance_delattr(o, n), -1);
    assert_ptr_equal(err_occurred(), &MpExc_AttributeError);
    assert_string_equal(err_message(), "'A' object has no attribute 'x'");
    err_clear();
    assert_null(instance_getattr(o, n));
    err_clear();
    fx_setattr(o, "x", MP_NONE);
    assert_int_equal(instance_delattr(o, n), 0);
    mp_decref(n); mp_decref(o); mp_decref(cls);
}

static void test_subclass_finds_base_del(void **state)
{
    MpObject *base = fx_class("Base", 1);
    MpObject *name = str_from_cstr("Sub"), *ns = dict_new();
    MpObject *bases = tuple_pack(1, base);
    MpObject *sub = class_new(name, bases, ns);
    mp_decref(name); mp_decref(ns); mp_decref(bases);
    fx_log[0] = '\0';
    MpObject *o = fx_new(sub);
    mp_decref(o);
    assert_string_equal(fx_log, "D");              /* inherited __del__ ran */
    mp_decref(sub);
    mp_decref(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_inline_attributes_then_dict),
        MP_TEST(test_dict_on_demand_keeps_order),
        MP_TEST(test_instances_hold_their_class),
        MP_TEST(test_delattr_and_missing),
        MP_TEST(test_subclass_finds_base_del),
    };
    return cmocka_run_group_tests_name("class", tests, NULL, NULL);
}

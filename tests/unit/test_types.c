/* test_types.c — builtin types against RUNTIME.md: sys.getsizeof values,
 * list capacities, dict growth, set order, free lists, dealloc order. */
#include "fixtures.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "region.h"
#include "set.h"

static void test_getsizeof_values(void **state)
{
    struct { MpObject *o; size_t size; } cases[] = {
        { tuple_new(0), 40 },
        { tuple_pack(1, MP_NONE), 48 },
        { list_new(0), 56 },
        { dict_new(), 64 },
        { MP_NONE, 16 },
        { float_from_double(1.0), 24 },
        { int_from_i64(0), 28 },
        { int_from_i64(1), 28 },
        { int_from_i64((1 << 30) - 1), 28 },
        { int_from_i64(1 << 30), 32 },
        { int_from_i64((int64_t)1 << 60), 36 },
        { str_from_cstr(""), 49 },
        { str_from_cstr("abc"), 52 },
        { str_from_cstr("\xc3\xa9"), 74 },          /* 'é' */
        { str_from_cstr("\xe1\x88\xb4"), 76 },      /* '\u1234' */
        { MP_TRUE, 28 },
        { set_new(), 216 },
        { bytes_from("ab", 2), 35 },
    };
    MpObject *l1 = list_new(0);
    list_append(l1, MP_NONE);
    assert_int_equal(object_getsizeof(l1), 56 + 8 * 4);   /* appended: capacity 4 */
    mp_decref(l1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (object_getsizeof(cases[i].o) != cases[i].size)
            fail_msg("case %zu (%s): %zu, expected %zu", i, cases[i].o->type->name,
                     object_getsizeof(cases[i].o), cases[i].size);
        if (cases[i].o != MP_NONE && cases[i].o != MP_TRUE)
            mp_decref(cases[i].o);
    }
}

static void test_list_capacities(void **state)
{
    static const int64_t expect[] = { 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92 };
    MpObject *l = list_new(0);
    int k = 0;
    assert_int_equal(list_allocated(l), 0);
    for (int i = 0; i < 80; i++) {
        list_append(l, MP_NONE);
        if (list_allocated(l) != expect[k]) {
            k++;
            assert_true(k < (int)(sizeof expect / sizeof expect[0]));
            assert_int_equal(list_allocated(l), expect[k]);
        }
    }
    assert_int_equal(k, 10);
    assert_int_equal(list_sizeof(l), 56 + 8 * 92);
    /* popping back below half shrinks */
    while (list_size(l) > 20)
        mp_decref(list_pop(l, -1));
    assert_true(list_allocated(l) < 92);
    mp_decref(l);
}

static void test_list_items_move_to_heap(void **state)
{
    MpObject *l = list_new(0);
    for (int i = 0; i < 52; i++)
        list_append(l, MP_NONE);                     /* 52 * 8 = 416 bytes */
    assert_true(mem_usable(((MpList *)l)->items) <= 512);
    for (int i = 0; i < 20; i++)
        list_append(l, MP_NONE);                     /* 76 * 8 = 608: the heap */
    assert_true(mem_usable(((MpList *)l)->items) > 512);
    mp_decref(l);
}

static void test_dict_growth(void **state)
{
    static const struct { int items; size_t size; } int_keys[] = {
        { 0, 64 }, { 1, 224 }, { 6, 352 }, { 11, 632 }, { 22, 1168 }, { 43, 2264 }, { 86, 4688 },
    };
    MpObject *d = dict_new();
    int n = 0;
    for (size_t c = 0; c < sizeof int_keys / sizeof int_keys[0]; c++) {
        while (n < int_keys[c].items) {
            assert_int_equal(dict_sizeof(d), c ? int_keys[c - 1].size : 64);
            MpObject *k = int_from_i64(n++);
            dict_setitem(d, k, k);
            mp_decref(k);
        }
        assert_int_equal(dict_sizeof(d), int_keys[c].size);
    }
    mp_decref(d);

    static const struct { int items; size_t size; } str_keys[] = {
        { 1, 184 }, { 6, 272 }, { 11, 464 }, { 22, 832 }, { 43, 1584 },
    };
    d = dict_new();
    n = 0;
    for (size_t c = 0; c < sizeof str_keys / sizeof str_keys[0]; c++) {
        while (n < str_keys[c].items) {
            char name[16];
            snprintf(name, sizeof name, "k%d", n++);
            MpObject *k = str_from_cstr(name);
            dict_setitem(d, k, MP_NONE);
            mp_decref(k);
        }
        assert_int_equal(dict_sizeof(d), str_keys[c].size);
    }
    /* a non-str key converts the table to the general kind, resized for
     * used * 3 as CPython does (python3.11 prints 4688) */
    MpObject *one = int_from_i64(1);
    dict_setitem(d, one, one);
    assert_int_equal(dict_sizeof(d), 4688);
    mp_decref(d);
    d = dict_new();                                 /* {'a': 1}; d[1] = 1 -> 352 */
    MpObject *a = str_from_cstr("a");
    dict_setitem(d, a, one);
    assert_int_equal(dict_sizeof(d), 184);
    dict_setitem(d, one, one);
    assert_int_equal(dict_sizeof(d), 352);
    mp_decref(a);
    mp_decref(one);
    mp_decref(d);
}

static void test_dict_order_after_delete(void **state)
{
    MpObject *d = dict_new();
    MpObject *k[4];
    for (int i = 0; i < 4; i++) {
        k[i] = int_from_i64(10 + i);
        dict_setitem(d, k[i], k[i]);
    }
    dict_delitem(d, k[1]);
    dict_setitem(d, k[1], k[1]);                    /* goes to the end */
    int64_t pos = 0;
    MpObject *key, *val;
    int64_t seen[4], n = 0;
    while (dict_next(d, &pos, &key, &val))
        seen[n++] = int_as_i64(key);
    assert_int_equal(n, 4);
    assert_int_equal(seen[0], 10);
    assert_int_equal(seen[1], 12);
    assert_int_equal(seen[2], 13);
    assert_int_equal(seen[3], 11);
    MpObject *missing = int_from_i64(99);
    assert_int_equal(dict_delitem(d, missing), -1);
    assert_ptr_equal(err_occurred(), &MpExc_KeyError);
    assert_string_equal(err_message(), "99");
    err_clear();
    mp_decref(missing);
    for (int i = 0; i < 4; i++)
        mp_decref(k[i]);
    mp_decref(d);
}

static void test_set_growth_and_int_order(void **state)
{
    MpObject *s = set_new();
    static const struct { int items; size_t size; } grow[] = {
        { 0, 216 }, { 5, 728 }, { 19, 2264 }, { 77, 8408 },
    };
    int n = 0;
    for (size_t c = 0; c < sizeof grow / sizeof grow[0]; c++) {
        while (n < grow[c].items) {
            MpObject *k = int_from_i64(n++);
            set_add(s, k);
            mp_decref(k);
        }
        assert_int_equal(set_sizeof(s), grow[c].size);
    }
    mp_decref(s);
    /* python3.11: print({5, 1, 3, 100, 9, 13}) -> {1, 3, 100, 5, 9, 13} */
    static const int64_t items[] = { 5, 1, 3, 100, 9, 13 }, order[] = { 1, 3, 100, 5, 9, 13 };
    s = set_new();
    for (int i = 0; i < 6; i++) {
        MpObject *k = int_from_i64(items[i]);
        set_add(s, k);
        mp_decref(k);
    }
    int64_t pos = 0, i = 0;
    MpObject *key;
    while (set_next(s, &pos, &key))
        assert_int_equal(int_as_i64(key), order[i++]);
    assert_int_equal(i, 6);
    mp_decref(s);
}

static void test_tracking_rules(void **state)
{
    MpObject *i = int_from_i64(1000), *f = float_from_double(2.5), *s = str_from_cstr("x");
    MpObject *t = tuple_pack(2, i, s), *e = tuple_new(0), *l = list_new(0);
    MpObject *d = dict_new(), *k = str_from_cstr("a");
    assert_false(mp_is_gc(i));
    assert_false(mp_is_gc(f));
    assert_false(mp_is_gc(s));
    assert_true(gc_is_tracked(t));                   /* tracked when created */
    assert_false(gc_is_tracked(e));                  /* () never */
    assert_true(gc_is_tracked(l));
    dict_setitem(d, k, i);
    assert_false(gc_is_tracked(d));                  /* {'a': 1000} untracked */
    dict_setitem(d, k, l);
    assert_true(gc_is_tracked(d));                   /* a list value: tracked */
    MpObject *items[] = { i, f, s, t, e, l, d, k };
    for (size_t n = 0; n < sizeof items / sizeof items[0]; n++)
        mp_decref(items[n]);
}

static void test_free_lists(void **state)
{
    int c0[3], c1[3];
    MpObject *f = float_from_double(1.5);
    uint64_t at = region_sim(f);
    mp_decref(f);
    assert_true(float_freelist_size() >= 1);
    MpObject *g = float_from_double(2.5);
    assert_int_equal(region_sim(g), at);             /* the parked float comes back */
    mp_decref(g);

    MpObject *t = tuple_pack(2, MP_NONE, MP_NONE);
    at = region_sim(t);
    mp_decref(t);
    gc_get_count(c0);
    t = tuple_pack(2, MP_NONE, MP_NONE);
    gc_get_count(c1);
    assert_int_equal(region_sim(t), at);
    assert_int_equal(c0[0], c1[0]);                  /* reuse counts nothing */
    mp_decref(t);

    MpObject *d = dict_new();
    at = region_sim(d);
    mp_decref(d);
    d = dict_new();
    assert_int_equal(region_sim(d), at);
    mp_decref(d);

    assert_true(tuple_freelist_size(2) >= 1);
    gc_collect(2);                                   /* a full collection clears them */
    assert_int_equal(tuple_freelist_size(2), 0);
    assert_int_equal(float_freelist_size(), 0);
    assert_int_equal(list_freelist_size(), 0);
    assert_int_equal(dict_freelist_size(), 0);
}

static void test_list_items_released_last_to_first(void **state)
{
    MpObject *l = list_new(0);
    MpObject *a = float_from_double(1.0), *b = float_from_double(2.0);
    list_append(l, a);
    list_append(l, b);
    mp_decref(a);
    mp_decref(b);
    fx_record_start();
    mp_decref(l);
    event_set_observer(NULL, NULL);
    int ia = fx_find(MP_EV_FREELIST_PUSH, a), ib = fx_find(MP_EV_FREELIST_PUSH, b);
    assert_true(ib >= 0 && ia > ib);                 /* b (last) first */
}

static void test_dict_entries_released_in_order(void **state)
{
    MpObject *d = dict_new();
    MpObject *k1 = str_from_cstr("first"), *k2 = str_from_cstr("second");
    MpObject *v1 = float_from_double(1.0), *v2 = float_from_double(2.0);
    dict_setitem(d, k1, v1);
    dict_setitem(d, k2, v2);
    mp_decref(v1);
    mp_decref(v2);
    fx_record_start();
    mp_decref(d);
    event_set_observer(NULL, NULL);
    int i1 = fx_find(MP_EV_FREELIST_PUSH, v1), i2 = fx_find(MP_EV_FREELIST_PUSH, v2);
    assert_true(i1 >= 0 && i2 > i1);
    mp_decref(k1);
    mp_decref(k2);
}

static void test_reprs(void **state)
{
    struct { MpObject *o; const char *repr; } cases[] = {
        { float_from_double(0.1), "0.1" }, { float_from_double(1.0), "1.0" },
        { float_from_double(1e16), "1e+16" }, { float_from_double(1.5e-5), "1.5e-05" },
        { float_from_double(123456789.0), "123456789.0" },
        { str_from_cstr("it's"), "\"it's\"" }, { str_from_cstr("a\nb"), "'a\\nb'" },
        { tuple_pack(1, MP_NONE), "(None,)" }, { int_from_i64(-42), "-42" },
        { bytes_from("a'b", 3), "b\"a'b\"" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        MpObject *r = object_repr(cases[i].o);
        char buf[64];
        str_to_cbuf(r, buf, sizeof buf);
        assert_string_equal(buf, cases[i].repr);
        mp_decref(r);
        mp_decref(cases[i].o);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_getsizeof_values),
        MP_TEST(test_list_capacities),
        MP_TEST(test_list_items_move_to_heap),
        MP_TEST(test_dict_growth),
        MP_TEST(test_dict_order_after_delete),
        MP_TEST(test_set_growth_and_int_order),
        MP_TEST(test_tracking_rules),
        MP_TEST(test_free_lists),
        MP_TEST(test_list_items_released_last_to_first),
        MP_TEST(test_dict_entries_released_in_order),
        MP_TEST(test_reprs),
    };
    return cmocka_run_group_tests_name("types", tests, NULL, NULL);
}

/* test_frame.c — interpreter frames in the data stack. */
#include "fixtures.h"
#include "datastack.h"
#include "frame.h"
#include "list.h"

static void test_push_pop_and_bytes(void **state)
{
    uint64_t base = ds_used_bytes();
    MpFrame *f = frame_push(NULL, NULL, NULL, 3, 5);
    assert_non_null(f);
    assert_int_equal(frame_bytes(f), 72 + 8 * 8);
    assert_int_equal(ds_used_bytes() - base, 72 + 8 * 8);
    assert_int_equal(frame_depth(), 1);
    MpFrame *g = frame_push(NULL, NULL, NULL, 1, 1);
    assert_ptr_equal(frame_top(), g);
    assert_ptr_equal(g->previous, f);
    frame_pop(g);
    frame_pop(f);
    assert_int_equal(ds_used_bytes(), base);
    assert_int_equal(frame_depth(), 0);
}

static void test_locals_are_roots(void **state)
{
    MpFrame *f = frame_push(NULL, NULL, NULL, 2, 2);
    f->localsplus[0] = list_new(0);             /* a local owns its list */
    frame_stack_push(f, list_new(0));           /* and the value stack too */
    assert_null(check_heap());                  /* counted via the frame root */
    MpObject *top = frame_stack_pop(f);
    mp_decref(top);
    frame_pop(f);                               /* releases the local */
    assert_null(check_heap());
}

static void test_deep_recursion_spans_chunks(void **state)
{
    /* 1,000 frames of 20 slots: more than one 16 KiB chunk */
    MpFrame *frames[1000];
    for (int i = 0; i < 1000; i++) {
        frames[i] = frame_push(NULL, NULL, NULL, 10, 10);
        assert_non_null(frames[i]);
    }
    assert_true(ds_used_bytes() >= 1000u * (72 + 160));
    for (int i = 1000; i-- > 0;)
        frame_pop(frames[i]);
    assert_int_equal(frame_depth(), 0);
}

static void test_frame_object_on_demand(void **state)
{
    MpFrame *f = frame_push(NULL, NULL, NULL, 1, 1);
    assert_null(f->frame_obj);
    MpObject *fo = frame_object(f);             /* made when asked for */
    assert_non_null(fo);
    assert_int_equal(object_getsizeof(fo), 16 + 120 + 8 * 2);
    MpObject *again = frame_object(f);
    assert_ptr_equal(fo, again);
    mp_decref(again);
    frame_pop(f);                               /* the object outlives the frame */
    assert_null(((MpFrameObject *)fo)->frame);
    mp_decref(fo);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_push_pop_and_bytes),
        MP_TEST(test_locals_are_roots),
        MP_TEST(test_deep_recursion_spans_chunks),
        MP_TEST(test_frame_object_on_demand),
    };
    return cmocka_run_group_tests_name("frame", tests, NULL, NULL);
}

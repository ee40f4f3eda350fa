/* test_heap.c — the system heap: first fit, splitting, coalescing, the
 * break, the limit, realloc, and its checker. */
#include "support.h"
#include "heap.h"
#include "region.h"

static void test_first_fit_and_split(void **state)
{
    void *a = heap_alloc(1000), *b = heap_alloc(1000), *c = heap_alloc(1000);
    assert_true(a < b && b < c);
    assert_int_equal(heap_usable_size(a), 1008);   /* 1000 + header, to 16 */
    assert_int_equal((uintptr_t)a % 16, 0);
    heap_free(a);
    /* a smaller request takes the first free chunk, split */
    void *d = heap_alloc(500);
    assert_ptr_equal(d, a);
    void *e = heap_alloc(400);                     /* the rest of a's chunk */
    assert_true((char *)e > (char *)d && (char *)e < (char *)b);
    heap_free(d);
    heap_free(e);
    heap_free(b);
    heap_free(c);
    assert_null(heap_check());
}

static void walk_count_free(const HeapChunk *c, void *ctx)
{
    if (!c->used)
        (*(int *)ctx)++;
}

static int free_chunks(void)
{
    int n = 0;
    heap_walk(walk_count_free, &n);
    return n;
}

static void test_coalescing_both_sides(void **state)
{
    int base = free_chunks();
    void *a = heap_alloc(2000), *b = heap_alloc(2000), *c = heap_alloc(2000);
    void *guard = heap_alloc(2000);
    heap_free(a);
    heap_free(c);
    assert_int_equal(free_chunks(), base + 2);
    heap_free(b);                                  /* merges with a and c */
    assert_int_equal(free_chunks(), base + 1);
    assert_null(heap_check());
    heap_free(guard);
    assert_int_equal(free_chunks(), base);
}

static void test_break_grows_in_steps_and_limit(void **state)
{
    runtime_fini();
    MpSettings s = runtime_default_settings();
    s.heap_limit = 2u << 20;
    assert_int_equal(runtime_init(&s), 0);
    HeapStats st = heap_stats();
    assert_int_equal(st.brk % HEAP_TOP_PAD, 0);
    uint64_t brk0 = st.brk;
    void *big = heap_alloc(200 * 1024);
    assert_non_null(big);
    assert_true(heap_stats().brk > brk0);
    assert_int_equal(heap_stats().brk % HEAP_TOP_PAD, 0);
    void *too_much = heap_alloc(4u << 20);         /* past the limit */
    assert_null(too_much);
    heap_free(big);
    void *again = heap_alloc(200 * 1024);          /* normal use continues */
    assert_non_null(again);
    heap_free(again);
}

static void test_realloc_in_place(void **state)
{
    char *a = heap_alloc(1000);
    memset(a, 'x', 1000);
    char *b = heap_realloc(a, 600);                /* shrink: stays */
    assert_ptr_equal(a, b);
    char *c = heap_realloc(b, 1500);               /* the space after is free */
    assert_ptr_equal(c, b);
    assert_int_equal(c[599], 'x');
    void *wall = heap_alloc(100);
    char *d = heap_realloc(c, 5000);               /* blocked: moves, keeps data */
    assert_ptr_not_equal(d, c);
    assert_int_equal(d[0], 'x');
    heap_free(d);
    heap_free(wall);
    assert_null(heap_check());
}

static void test_addresses(void **state)
{
    void *a = heap_alloc(700);
    uint64_t sim = region_sim(a);
    assert_true(sim >= MP_HEAP_BASE);
    assert_int_equal(sim % 16, 0);
    assert_ptr_equal(region_host(sim), a);
    heap_free(a);
}

static void test_checker_sees_bad_boundary_tag(void **state)
{
    void *a = heap_alloc(1000), *b = heap_alloc(1000);
    heap_free(a);
    uint64_t *b_prev_size = (uint64_t *)((char *)b - 16);
    uint64_t saved = *b_prev_size;
    *b_prev_size = saved + 16;
    const char *problem = heap_check();
    assert_non_null(problem);
    assert_non_null(strstr(problem, "boundary tag"));
    *b_prev_size = saved;
    assert_null(heap_check());
    heap_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_first_fit_and_split),
        MP_TEST(test_coalescing_both_sides),
        MP_TEST(test_break_grows_in_steps_and_limit),
        MP_TEST(test_realloc_in_place),
        MP_TEST(test_addresses),
        MP_TEST(test_checker_sees_bad_boundary_tag),
    };
    return cmocka_run_group_tests_name("heap", tests, NULL, NULL);
}

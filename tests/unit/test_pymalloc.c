/* test_pymalloc.c — size classes, pools, arenas, as RUNTIME.md states. */
#include "support.h"
#include "pymalloc.h"
#include "heap.h"
#include "mem.h"
#include "region.h"

/* pymalloc on a bare heap: these tests drive the allocator directly, so
 * they run after runtime_init (which owns heap and pymalloc) but only use
 * blocks of size classes the runtime itself leaves alone (class 20+). */

static void test_size_classes(void **state)
{
    assert_int_equal(pm_size_class(1), 0);
    assert_int_equal(pm_block_size(pm_size_class(1)), 16);
    assert_int_equal(pm_size_class(16), 0);
    assert_int_equal(pm_size_class(17), 1);
    assert_int_equal(pm_block_size(pm_size_class(17)), 32);
    assert_int_equal(pm_size_class(512), 31);
    assert_int_equal(pm_block_size(31), 512);
    assert_int_equal(pm_size_class(0), -1);
    assert_int_equal(pm_size_class(513), -1);
    assert_int_equal(pm_blocks_per_pool(0), 1021);     /* (16384-48)/16 */
    assert_int_equal(pm_blocks_per_pool(3), 255);      /* 64-byte blocks */
    assert_int_equal(pm_blocks_per_pool(31), 31);      /* 512-byte blocks */
}

static void test_routing(void **state)
{
    void *small = mem_alloc(512), *big = mem_alloc(513), *zero = mem_alloc(0);
    assert_true(pm_owns(small));
    assert_false(pm_owns(big));
    assert_false(pm_owns(zero));                       /* 0 goes to the heap */
    assert_true(heap_owns(big));
    assert_int_equal(mem_usable(small), 512);
    mem_free(small);
    mem_free(big);
    mem_free(zero);
}

static unsigned used_pools(int cls, uint64_t *sims)
{
    return (unsigned)pm_used_pool_order(cls, sims, 64);
}

static void test_pool_states_and_order(void **state)
{
    const int cls = 30;                                /* 496-byte blocks */
    const unsigned per = pm_blocks_per_pool(cls);      /* 32 */
    void *a[2 * 32];
    uint64_t sims[64];
    assert_int_equal(per, 32);
    for (unsigned i = 0; i < 2 * per; i++)
        a[i] = pm_alloc(496);
    /* two full pools: neither is on usedpools */
    assert_int_equal(used_pools(cls, sims), 0);
    void *c = pm_alloc(496);                          /* a third pool, used */
    assert_int_equal(used_pools(cls, sims), 1);
    uint64_t third = sims[0];
    pm_free(a[0]);                                     /* pool 1: full -> used, at the front */
    assert_int_equal(used_pools(cls, sims), 2);
    assert_int_equal(sims[0], region_sim(a[0]) & ~(uint64_t)(PM_POOL_SIZE - 1));
    assert_int_equal(sims[1], third);
    /* LIFO reuse of the freed block */
    void *again = pm_alloc(496);
    assert_ptr_equal(again, a[0]);
    assert_int_equal(used_pools(cls, sims), 1);       /* pool 1 full again */
    /* blocks are carved in address order */
    void *d = pm_alloc(496);
    assert_true((char *)d > (char *)c);
    /* empty a pool: it leaves usedpools for its arena's freepools */
    pm_free(c);
    pm_free(d);
    assert_int_equal(used_pools(cls, sims), 0);
    for (unsigned i = 0; i < 2 * per; i++)
        pm_free(a[i]);
    assert_null(pm_check());
}

static void count_arenas(const PmArenaInfo *a, void *ctx) { (*(int *)ctx)++; }

static int arenas_now(void)
{
    int n = 0;
    pm_walk_arenas(count_arenas, &n);
    return n;
}

static void first_arena(const PmArenaInfo *a, void *ctx)
{
    PmArenaInfo *out = ctx;
    if (out->npools == 0)
        *out = *a;
}

static void test_arena_geometry(void **state)
{
    PmArenaInfo a = { 0 };
    pm_walk_arenas(first_arena, &a);
    /* a heap chunk is 16-byte aligned, not 16 KiB: one pool is lost */
    assert_true(a.npools == 63 || a.npools == 64);
    assert_int_equal(a.npools, (a.sim % PM_POOL_SIZE) ? 63 : 64);
    assert_int_equal(a.first_pool_sim % PM_POOL_SIZE, 0);
    assert_true(a.first_pool_sim - a.sim < PM_POOL_SIZE);
}

static void test_arena_release_rule(void **state)
{
    enum { N = 31 * 64 * 2 };                  /* 512-byte blocks: arena 0's rest and more */
    static void *blocks[N];
    int before = arenas_now();
    for (int i = 0; i < N; i++)
        blocks[i] = pm_alloc(512);
    int peak = arenas_now();
    assert_int_equal(peak, before + 2);        /* arena 0 filled, arena 1 full, arena 2 in use */
    int order[64];
    assert_int_equal(pm_usable_arena_order(order, 64), 1);   /* only the partial arena */
    /* free the newest blocks first: the newest arena empties while it is
     * the only usable arena, so it is kept */
    int i = N;
    while (pm_usable_arena_order(order, 64) == 1 && i > 0)
        pm_free(blocks[--i]);
    assert_int_equal(arenas_now(), peak);
    /* free the rest: an arena that empties while another usable arena
     * follows it in usable_arenas goes back to the heap */
    while (i > 0)
        pm_free(blocks[--i]);
    assert_int_equal(arenas_now(), before + 1);
    assert_null(pm_check());
}

static void test_usable_arenas_sorted(void **state)
{
    enum { N = 31 * 63 * 2 };
    static void *blocks[N];
    for (int i = 0; i < N; i++)
        blocks[i] = pm_alloc(512);
    /* free every other pool's blocks in the first arena: arenas gain free
     * pools at different rates; the list must stay fullest first */
    for (int i = 0; i < N; i += 2)
        pm_free(blocks[i]);
    assert_null(pm_check());                            /* checks the order */
    for (int i = 1; i < N; i += 2)
        pm_free(blocks[i]);
    assert_null(pm_check());
}

static void test_realloc_rule(void **state)
{
    void *p = mem_alloc(100);                          /* 112-byte block */
    assert_ptr_equal(mem_realloc(p, 90), p);           /* shrinks < 25%: stays */
    assert_ptr_equal(mem_realloc(p, 112), p);          /* fits the block */
    void *q = mem_realloc(p, 40);                      /* shrinks by > 25%: moves */
    assert_ptr_not_equal(q, p);
    assert_int_equal(mem_usable(q), 48);
    void *r = mem_realloc(q, 600);                     /* grows past 512: the heap */
    assert_false(pm_owns(r));
    mem_free(r);
}

static void test_checker_sees_corrupt_free_list(void **state)
{
    void *a = pm_alloc(400), *b = pm_alloc(400);
    pm_free(a);                                        /* a heads the free list */
    void *saved = *(void **)a;
    *(void **)a = (char *)a + 3;                       /* off a block boundary */
    const char *problem = pm_check();
    assert_non_null(problem);
    assert_non_null(strstr(problem, "free list"));
    *(void **)a = saved;
    assert_null(pm_check());
    pm_free(b);
}

static void test_pymalloc_off(void **state)
{
    runtime_fini();
    MpSettings s = runtime_default_settings();
    s.pymalloc = 0;
    assert_int_equal(runtime_init(&s), 0);
    void *p = mem_alloc(16);
    assert_false(pm_owns(p));
    assert_true(heap_owns(p));
    mem_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_size_classes),
        MP_TEST(test_routing),
        MP_TEST(test_pool_states_and_order),
        MP_TEST(test_arena_geometry),
        MP_TEST(test_arena_release_rule),
        MP_TEST(test_usable_arenas_sorted),
        MP_TEST(test_realloc_rule),
        MP_TEST(test_checker_sees_corrupt_free_list),
        MP_TEST(test_pymalloc_off),
    };
    return cmocka_run_group_tests_name("pymalloc", tests, NULL, NULL);
}

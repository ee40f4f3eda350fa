/* wasm_api.c — the functions the page calls; the only C file that knows
 * Emscripten.  Each returns a JSON string in a static buffer, valid until
 * the next call.  This file is the list of exports: build/wasm.sh exports
 * every function whose line starts with EMSCRIPTEN_KEEPALIVE and whose name
 * starts with mp_wasm_. */
#include <emscripten.h>
#include <stdio.h>
#include "check.h"
#include "gc.h"
#include "list.h"
#include "pymalloc.h"
#include "runtime.h"

static char out[8192];

/* pymalloc's 32 size classes. */
EMSCRIPTEN_KEEPALIVE const char *mp_wasm_size_classes(void)
{
    size_t n = (size_t)snprintf(out, sizeof out, "[");
    for (int c = 0; c < PM_NB_CLASSES; c++)
        n += (size_t)snprintf(out + n, sizeof out - n,
                              "%s{\"class\":%d,\"block\":%zu,\"blocks_per_pool\":%u}",
                              c ? "," : "", c, pm_block_size(c), pm_blocks_per_pool(c));
    snprintf(out + n, sizeof out - n, "]");
    return out;
}

static void count_arena(const PmArenaInfo *a, void *ctx) { (*(int *)ctx)++; }

/* Starts a runtime, makes two lists that refer to each other, drops them,
 * runs gc.collect() and the heap checker: the real runtime, end to end. */
EMSCRIPTEN_KEEPALIVE const char *mp_wasm_cycle_demo(void)
{
    MpSettings s = runtime_default_settings();
    if (runtime_init(&s) != 0) {
        snprintf(out, sizeof out, "{\"error\":\"the runtime did not start\"}");
        return out;
    }
    MpObject *a = list_new(0), *b = list_new(0);
    list_append(a, b);
    list_append(b, a);
    int rc_a = a->refcnt;
    mp_decref(a);
    mp_decref(b);
    int arenas = 0;
    pm_walk_arenas(count_arena, &arenas);
    int64_t collected = gc_collect(2);
    const char *problem = check_heap();
    snprintf(out, sizeof out,
             "{\"refcount_before_del\":%d,\"collected\":%lld,\"arenas\":%d,\"heap_check\":\"%s\"}",
             rc_a, (long long)collected, arenas, problem ? "failed" : "ok");
    runtime_fini();
    return out;
}

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
#include "engine.h"
#include "heap.h"
#include <stdlib.h>
#include <stdint.h>
void *sbrk(intptr_t increment);   /* hidden by _POSIX_C_SOURCE; Emscripten has it */

static char out[8192];

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

/* ---- the stepped engine (engine.h) ------------------------------------------
 * 64-bit counts travel as doubles (exact up to 2^53).  Strings returned by
 * mp_wasm_engine_result are malloc'd: the caller frees them. */

EMSCRIPTEN_KEEPALIVE void *mp_wasm_malloc(int n) { return malloc((size_t)n); }
EMSCRIPTEN_KEEPALIVE void mp_wasm_free(void *p) { free(p); }

/* Progress inside a run, even where it cannot pause (a loop in a function):
 * Module.onEngineProgress(steps, lineSteps) if the host set one. */
EM_JS(void, mp_js_progress, (double steps, double lines), {
    if (Module.onEngineProgress) Module.onEngineProgress(steps, lines);
});

static void report_progress(uint64_t steps, uint64_t lines) { mp_js_progress((double)steps, (double)lines); }

EMSCRIPTEN_KEEPALIVE int mp_wasm_engine_begin(const char *src, int len, int t0, int t1, int t2,
                                              int gc_enabled, double heap_limit, double step_cap,
                                              int pymalloc)
{
    MpSettings s = runtime_default_settings();
    s.gc_thresholds[0] = t0;
    s.gc_thresholds[1] = t1;
    s.gc_thresholds[2] = t2;
    s.gc_enabled = gc_enabled;
    s.heap_limit = (uint64_t)heap_limit;
    s.step_cap = (uint64_t)step_cap;
    s.pymalloc = pymalloc;
    engine_on_progress(report_progress);
    return engine_begin(src, (size_t)len, &s);
}

EMSCRIPTEN_KEEPALIVE int mp_wasm_engine_continue(double pause_at) { return engine_continue((uint64_t)pause_at); }
EMSCRIPTEN_KEEPALIVE int mp_wasm_engine_seek(double step, int events) { return engine_seek((uint64_t)step, events); }
EMSCRIPTEN_KEEPALIVE double mp_wasm_engine_steps(void) { return (double)engine_steps(); }
EMSCRIPTEN_KEEPALIVE double mp_wasm_engine_line_steps(void) { return (double)engine_line_steps(); }
EMSCRIPTEN_KEEPALIVE int mp_wasm_engine_exit_status(void) { return engine_exit_status(); }
EMSCRIPTEN_KEEPALIVE void mp_wasm_engine_end(void) { engine_end(); }

/* The step reached, with the timeline and collections of the steps run so
 * far (the host replaces them with the whole run's summary). */
EMSCRIPTEN_KEEPALIVE char *mp_wasm_engine_result(double total, double lines)
{
    return engine_result_json((uint64_t)total, (uint64_t)lines, NULL);
}

/* {"timeline","gc_log","gc_log_truncated"} of the steps run so far; malloc'd. */
EMSCRIPTEN_KEEPALIVE char *mp_wasm_engine_summary(void) { return engine_summary_json(); }

/* engine_find_line: the step (0: none); lines is an int32 array. */
EMSCRIPTEN_KEEPALIVE double mp_wasm_engine_find_line(int direction, double bound, const int *lines, int n)
{
    return (double)engine_find_line(direction, (uint64_t)bound, lines, n);
}

/* Where a paused engine's state lives in linear memory, for checkpoints:
 * [0, a) and [b, c) — everything below the top of the allocator, except
 * the unused part of the simulated heap's reservation. */
static uint32_t ranges[3];

EMSCRIPTEN_KEEPALIVE const uint32_t *mp_wasm_image_ranges(void)
{
    uintptr_t start, used_end, end;
    heap_host_extent(&start, &used_end, &end);
    uintptr_t top = (uintptr_t)sbrk(0);
    if (!start) {
        used_end = top;
        end = top;
    }
    ranges[0] = (uint32_t)used_end;
    ranges[1] = (uint32_t)end;
    ranges[2] = (uint32_t)top;
    return ranges;
}

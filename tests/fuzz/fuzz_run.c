/* fuzz_run.c — libFuzzer target: any bytes through the whole pipeline
 * (parse, scopes, compile, run as __main__, shut down) on a fresh runtime
 * with a small step cap and heap limit, the snippet's output discarded.
 * Every input must end — in output, an exception, a SyntaxError, the step
 * cap or a MemoryError — without a crash, a leak or a sanitizer report
 * (built with ASan+UBSan). */
#include <stddef.h>
#include <stdint.h>
#include "err.h"
#include "run.h"
#include "runtime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void discard(int stream, const char *text, size_t len)
{
    (void)stream;
    (void)text;
    (void)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    MpSettings s = runtime_default_settings();
    s.step_cap = 20000;
    s.heap_limit = 4u << 20;
    if (runtime_init(&s) != 0)
        return 0;
    err_set_writer(discard);
    RunOptions opts = { 0 };
    run_snippet((const char *)data, size, &opts);
    runtime_fini();
    return 0;
}

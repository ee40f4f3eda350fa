/* alloc_churn.c — the allocator benchmark available before the interpreter:
 * allocation churn of small objects through the runtime (object_new of a
 * list, which is pymalloc plus the GC count, and mem_alloc/mem_free of raw
 * 64-byte blocks), against the host's malloc/free measured in the same run
 * as the baseline.  Prints a table and writes build/out/bench.json. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "list.h"
#include "mem.h"
#include "runtime.h"

enum { N = 1000000, ROUNDS = 5, LIVE = 1000 };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *volatile sink;

static double host_churn(void)
{
    static void *live[LIVE];
    double t = now();
    for (int i = 0; i < N; i++) {
        int k = i % LIVE;
        free(live[k]);
        live[k] = malloc(64);
        sink = live[k];
    }
    for (int k = 0; k < LIVE; k++) { free(live[k]); live[k] = NULL; }
    return now() - t;
}

static double mem_churn(void)
{
    static void *live[LIVE];
    double t = now();
    for (int i = 0; i < N; i++) {
        int k = i % LIVE;
        mem_free(live[k]);
        live[k] = mem_alloc(64);
        sink = live[k];
    }
    for (int k = 0; k < LIVE; k++) { mem_free(live[k]); live[k] = NULL; }
    return now() - t;
}

static double list_churn(void)
{
    static MpObject *live[LIVE];
    double t = now();
    for (int i = 0; i < N; i++) {
        int k = i % LIVE;
        if (live[k])
            mp_decref(live[k]);
        live[k] = list_new(0);
    }
    for (int k = 0; k < LIVE; k++) { mp_decref(live[k]); live[k] = NULL; }
    return now() - t;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    MpSettings s = runtime_default_settings();
    if (runtime_init(&s) != 0)
        return 1;
    double host[ROUNDS], mem[ROUNDS], list[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {     /* alternate, so drift hits all three */
        host[r] = host_churn();
        mem[r] = mem_churn();
        list[r] = list_churn();
    }
    runtime_fini();
    qsort(host, ROUNDS, sizeof(double), cmp);
    qsort(mem, ROUNDS, sizeof(double), cmp);
    qsort(list, ROUNDS, sizeof(double), cmp);
    double h = host[ROUNDS / 2] / N * 1e9, m = mem[ROUNDS / 2] / N * 1e9, l = list[ROUNDS / 2] / N * 1e9;
    printf("allocation churn, %d alloc+free pairs, median of %d rounds\n", N, ROUNDS);
    printf("  host malloc/free (baseline)   %7.1f ns/op\n", h);
    printf("  mem_alloc/mem_free (pymalloc) %7.1f ns/op   ratio %.2f\n", m, m / h);
    printf("  list object new/dealloc       %7.1f ns/op   ratio %.2f\n", l, l / h);
    FILE *f = fopen("build/out/bench.json", "w");
    if (!f)
        return 1;
    fprintf(f, "{\n  \"alloc_churn\": {\"ops\": %d, \"rounds\": %d, \"host_ns\": %.2f, "
               "\"pymalloc_ns\": %.2f, \"pymalloc_ratio\": %.3f, \"list_ns\": %.2f, "
               "\"list_ratio\": %.3f}\n}\n", N, ROUNDS, h, m, m / h, l, l / h);
    fclose(f);
    printf("wrote build/out/bench.json\n");
    return 0;
}

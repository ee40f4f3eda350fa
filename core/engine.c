/* engine.c — a stepped run (engine.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "engine.h"
#include "err.h"
#include "run.h"
#include "steps.h"

static struct {
    StepRun steps;
    char *src;
    size_t len;
    char *out[2];          /* captured stdout and stderr */
    size_t out_len[2], out_cap[2], out_at[2];
    int begun, ended;
} eng;

static void capture(int stream, const char *s, size_t n)
{
    int i = stream == 2;
    if (eng.out_len[i] + n + 1 > eng.out_cap[i]) {
        size_t cap = eng.out_cap[i] ? eng.out_cap[i] * 2 : 4096;
        while (cap < eng.out_len[i] + n + 1)
            cap *= 2;
        char *b = realloc(eng.out[i], cap);
        if (!b)
            return;
        eng.out[i] = b;
        eng.out_cap[i] = cap;
    }
    memcpy(eng.out[i] + eng.out_len[i], s, n);
    eng.out_len[i] += n;
    eng.out[i][eng.out_len[i]] = '\0';
}

static void (*progress)(uint64_t, uint64_t);

void engine_on_progress(void (*fn)(uint64_t, uint64_t)) { progress = fn; }

static void mark_output(void *ctx)
{
    eng.out_at[0] = eng.out_len[0];
    eng.out_at[1] = eng.out_len[1];
}

int engine_begin(const char *src, size_t len, const MpSettings *s)
{
    memset(&eng, 0, sizeof eng);
    if (runtime_init(s) != 0)
        return -1;
    eng.src = malloc(len + 1);
    if (!eng.src) {
        runtime_fini();
        return -1;
    }
    memcpy(eng.src, src, len);
    eng.src[len] = '\0';
    eng.len = len;
    err_set_writer(capture);
    eng.steps.on_reach = mark_output;
    eng.steps.on_progress = progress;
    steps_begin(&eng.steps);
    eng.begun = 1;
    RunOptions opts = { 0 };
    eng.ended = run_begin(eng.src, eng.len, &opts) != 0;
    return 0;
}

int engine_continue(uint64_t pause_at)
{
    if (!eng.begun || eng.ended)
        return 0;
    eng.steps.pause_at = pause_at;
    int paused = run_continue();
    eng.steps.pause_at = 0;
    if (!paused)
        eng.ended = 1;
    return paused;
}

int engine_seek(uint64_t step, int want_events)
{
    StepRun *r = &eng.steps;
    r->target = step;
    r->want_events = want_events & 1;
    r->no_snapshot = (want_events & 2) != 0;
    r->reached = 0;
    if (r->steps >= step && step)
        return -1;   /* already past it: the host restores an earlier checkpoint first */
    while (!r->reached && engine_continue(0))
        ;
    if (!r->reached)
        mark_output(NULL);
    return r->reached ? 0 : -1;
}

void engine_snapshot_every_step(int on) { eng.steps.snapshot_every_step = on; }

uint64_t engine_steps(void) { return eng.steps.steps; }
uint64_t engine_line_steps(void) { return eng.steps.line_steps; }
int engine_exit_status(void) { return run_status(); }

static void put(char **b, size_t *n, size_t *cap, const char *s, size_t len)
{
    if (*n + len + 1 > *cap) {
        size_t c = *cap ? *cap * 2 : 4096;
        while (c < *n + len + 1)
            c *= 2;
        char *nb = realloc(*b, c);
        if (!nb)
            return;
        *b = nb;
        *cap = c;
    }
    memcpy(*b + *n, s, len);
    *n += len;
    (*b)[*n] = '\0';
}

static void put_text(char **b, size_t *n, size_t *cap, const char *s, size_t len)
{
    put(b, n, cap, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(b, n, cap, esc, 2);
        } else if (c == '\n') {
            put(b, n, cap, "\\n", 2);
        } else if (c < 0x20) {
            int k = snprintf(esc, sizeof esc, "\\u%04x", c);
            put(b, n, cap, esc, (size_t)k);
        } else {
            put(b, n, cap, (const char *)&s[i], 1);
        }
    }
    put(b, n, cap, "\"", 1);
}

/* Looks for a line step from where the engine is (steps.h, find_dir). */
uint64_t engine_find_line(int direction, uint64_t bound, const int *lines, int nlines)
{
    StepRun *r = &eng.steps;
    if (!direction || (direction < 0 && (bound <= 1 || r->steps >= bound - 1)))
        return 0;
    unsigned char *map = NULL;
    int len = 0;
    for (int i = 0; lines && i < nlines; i++)
        if (lines[i] >= len)
            len = lines[i] + 1;
    if (nlines > 0 && lines) {
        map = calloc((size_t)len + 1, 1);
        if (!map)
            return 0;
        for (int i = 0; i < nlines; i++)
            if (lines[i] >= 0)
                map[lines[i]] = 1;
    }
    r->find_dir = direction;
    r->find_bound = bound;
    r->find_map = map;
    r->find_map_len = len;
    r->found = 0;
    r->target = direction < 0 ? bound - 1 : 0;
    r->want_events = 0;
    r->no_snapshot = 1;
    r->reached = 0;
    while (!r->reached && engine_continue(0))
        ;
    uint64_t found = r->found;
    r->find_dir = 0;
    r->find_map = NULL;
    free(map);
    return found;
}

char *engine_summary_json(void)
{
    char *b = NULL;
    size_t n = 0, cap = 0;
    put(&b, &n, &cap, "{", 1);
    steps_write_summary(&eng.steps, &b, &n, &cap);
    put(&b, &n, &cap, "}", 1);
    return b;
}

char *engine_result_json(uint64_t total, uint64_t total_lines, const char *summary)
{
    StepRun *r = &eng.steps;
    char *b = NULL, head[200];
    size_t n = 0, cap = 0;
    int k = snprintf(head, sizeof head, "{\"step\":%llu,\"steps\":%llu,\"line_steps\":%llu,\"at\":",
                     (unsigned long long)r->at.step, (unsigned long long)total,
                     (unsigned long long)total_lines);
    put(&b, &n, &cap, head, (size_t)k);
    steps_write_info(&r->at, &b, &n, &cap);
    put(&b, &n, &cap, ",\"stdout\":", 10);
    put_text(&b, &n, &cap, eng.out[0] ? eng.out[0] : "", eng.out_at[0]);
    put(&b, &n, &cap, ",\"stderr\":", 10);
    put_text(&b, &n, &cap, eng.out[1] ? eng.out[1] : "", eng.out_at[1]);
    put(&b, &n, &cap, ",", 1);
    size_t slen = summary ? strlen(summary) : 0;
    if (slen >= 2)
        put(&b, &n, &cap, summary + 1, slen - 2);   /* the object's members */
    else
        steps_write_summary(r, &b, &n, &cap);
    if (r->want_events) {
        put(&b, &n, &cap, ",\"events\":[", 11);
        for (size_t i = 0; i < r->nevents; i++) {
            if (i)
                put(&b, &n, &cap, ",", 1);
            steps_write_info(&r->events[i], &b, &n, &cap);
        }
        put(&b, &n, &cap, "]", 1);
    }
    put(&b, &n, &cap, ",\"memory\":", 10);
    const char *snap = r->snapshot ? r->snapshot : "null";
    put(&b, &n, &cap, snap, strlen(snap));
    put(&b, &n, &cap, "}", 1);
    return b;
}

void engine_end(void)
{
    if (!eng.begun)
        return;
    while (engine_continue(0))
        ;
    steps_end();
    runtime_fini();
    err_set_writer(NULL);
    step_run_free(&eng.steps);
    free(eng.src);
    free(eng.out[0]);
    free(eng.out[1]);
    memset(&eng, 0, sizeof eng);
}

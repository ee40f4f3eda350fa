/* steps.c — counting, describing and stopping at steps (steps.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "steps.h"
#include "born.h"
#include "err.h"
#include "event.h"
#include "frame.h"
#include "gc.h"
#include "heap.h"
#include "object.h"
#include "pymalloc.h"
#include "region.h"
#include "run.h"
#include "snapshot.h"
#include "vm.h"

static StepRun *cur;
static int cur_line;
static int started;    /* steps start with the snippet's first line */

/* ---- where a block lives, in words ------------------------------------------- */

struct locate { uint64_t sim; int arena, pool, cls; };

static void find_pool(const PmPoolInfo *p, void *ctx)
{
    struct locate *l = ctx;
    if (l->sim >= p->sim && l->sim < p->sim + PM_POOL_SIZE) {
        l->arena = p->arena;
        l->pool = p->index;
        l->cls = p->size_class;
    }
}

static void where(const void *block, size_t size, char *out, size_t cap)
{
    if (block && pm_owns(block)) {
        struct locate l = { region_sim(block), -1, -1, -1 };
        pm_walk_pools(find_pool, &l);
        snprintf(out, cap, "a %zu-byte block in pool %d of arena %d",
                 pm_block_size_of(block), l.pool, l.arena);
    } else if (block) {
        snprintf(out, cap, "a %zu-byte heap chunk at 0x%llx", size,
                 (unsigned long long)region_sim(block));
    } else {
        snprintf(out, cap, "memory");
    }
}

static const char *tname(const void *o) { return o ? ((const MpObject *)o)->type->name : "object"; }

static unsigned long long simof(const void *o) { return (unsigned long long)region_sim(o); }

/* ---- narration ------------------------------------------------------------------- */

static void narrate(const MpEvent *ev, StepInfo *s)
{
    char w[160];
    const MpObject *o = ev->obj;
    switch (ev->kind) {
    case MP_EV_ALLOC:
        s->kind = "alloc";
        where(ev->ptr, ev->size, w, sizeof w);
        snprintf(s->narration, sizeof s->narration,
                 "Allocated a %s at 0x%llx: %llu bytes from %s; refcount 1.", tname(o), simof(o),
                 (unsigned long long)ev->size, w);
        break;
    case MP_EV_FREE:
        s->kind = "free";
        where(ev->ptr, ev->size, w, sizeof w);
        snprintf(s->narration, sizeof s->narration,
                 "Freed the %s at 0x%llx: its memory (%s) is free again.", tname(o), simof(o), w);
        break;
    case MP_EV_FREELIST_PUSH:
        s->kind = "free";
        snprintf(s->narration, sizeof s->narration,
                 "The %s at 0x%llx died; its memory is kept on the %s free list for reuse.",
                 tname(o), simof(o), tname(o));
        break;
    case MP_EV_FREELIST_POP:
        s->kind = "alloc";
        snprintf(s->narration, sizeof s->narration,
                 "Reused a %s from the %s free list at 0x%llx (no new memory); refcount 1.",
                 tname(o), tname(o), simof(o));
        break;
    case MP_EV_BUF_ALLOC:
        s->kind = "alloc";
        where(ev->ptr, ev->size, w, sizeof w);
        snprintf(s->narration, sizeof s->narration,
                 "Allocated %llu bytes for the %s at 0x%llx (its items or table): %s.",
                 (unsigned long long)ev->size, tname(o), simof(o), w);
        break;
    case MP_EV_BUF_FREE:
        s->kind = "free";
        where(ev->ptr, ev->size, w, sizeof w);
        snprintf(s->narration, sizeof s->narration,
                 "Released %llu bytes that held the items or table of the %s at 0x%llx (%s).",
                 (unsigned long long)ev->size, tname(o), simof(o), w);
        break;
    case MP_EV_INCREF:
        s->kind = "incref";
        snprintf(s->narration, sizeof s->narration,
                 "The refcount of the %s at 0x%llx went up from %lld to %lld.", tname(o), simof(o),
                 (long long)ev->a - 1, (long long)ev->a);
        break;
    case MP_EV_DECREF:
        s->kind = "decref";
        snprintf(s->narration, sizeof s->narration,
                 "The refcount of the %s at 0x%llx went down from %lld to %lld%s", tname(o), simof(o),
                 (long long)ev->a + 1, (long long)ev->a, ev->a == 0 ? ": nothing refers to it, so it dies." : ".");
        break;
    case MP_EV_GC_START:
        s->kind = "gc-start";
        snprintf(s->narration, sizeof s->narration,
                 "The cycle collector starts collecting generation %lld%s.", (long long)ev->a,
                 ev->a > 0 ? " and the younger ones" : "");
        break;
    case MP_EV_GC_PHASE:
        s->kind = "gc-phase";
        snprintf(s->narration, sizeof s->narration, "Collector phase '%s' done (%lld objects concerned).",
                 ev->a >= 0 && ev->a < MP_GC_NPHASES ? gc_phase_names[ev->a] : "?", (long long)ev->b);
        break;
    case MP_EV_GC_DONE:
        s->kind = "gc-done";
        snprintf(s->narration, sizeof s->narration,
                 "The collection is over: %lld unreachable objects found, %lld uncollectable.",
                 (long long)ev->a, (long long)ev->b);
        break;
    case MP_EV_WEAKREF_CLEAR:
        s->kind = "weakref-clear";
        snprintf(s->narration, sizeof s->narration,
                 "The weak reference at 0x%llx to the %s at 0x%llx is cleared: it now returns None.",
                 simof(o), tname(ev->ptr), simof(ev->ptr));
        break;
    case MP_EV_CALLBACK:
        s->kind = "callback";
        snprintf(s->narration, sizeof s->narration,
                 "Calling the callback of the dead weak reference at 0x%llx.", simof(o));
        break;
    case MP_EV_FINALIZE:
        s->kind = "finalizer";
        snprintf(s->narration, sizeof s->narration, "Calling __del__ of the %s at 0x%llx.", tname(o), simof(o));
        break;
    case MP_EV_RESURRECT:
        s->kind = "resurrect";
        snprintf(s->narration, sizeof s->narration,
                 "__del__ stored a new reference to the %s at 0x%llx: it stays alive.", tname(o), simof(o));
        break;
    default:
        s->kind = "event";
        s->narration[0] = '\0';
        break;
    }
}

static int counts(MpEventKind k) { return k != MP_EV_TRACK && k != MP_EV_UNTRACK; }

/* ---- the timeline ---------------------------------------------------------------- */

static void timeline_sample(StepRun *r)
{
    if (r->ntimeline == STEPS_TIMELINE_MAX) {
        /* keep every other point; buckets double */
        int n = 0;
        for (int i = 1; i < r->ntimeline; i += 2) {
            TimelinePoint p = r->timeline[i];
            p.collections += r->timeline[i - 1].collections;
            r->timeline[n++] = p;
        }
        r->ntimeline = n;
        r->bucket *= 2;
    }
    TimelinePoint *p = &r->timeline[r->ntimeline++];
    p->step = r->steps;
    p->objects = object_count();
    p->pymalloc_bytes = pm_stats().bytes_used;
    p->heap_bytes = heap_stats().used_bytes;
    p->collections = 0;
}

static uint32_t pending_collections;

/* ---- the log of collections -------------------------------------------------------- */

/* Set by the allocation of a collector-tracked object that takes count[0]
 * past threshold[0] (gc_count_alloc runs right after the event); the next
 * gc-start is then automatic if the count is still past the threshold. */
static int auto_due;

static void note_gc_alloc(const MpObject *o)
{
    if (!o || !(o->type->flags & MP_TF_GC) || !gc_is_enabled() || gc_is_collecting() || err_occurred())
        return;
    int count[MP_GC_NGENS], thr[MP_GC_NGENS];
    gc_get_count(count);
    gc_get_threshold(thr);
    if (thr[0] && count[0] + 1 > thr[0])
        auto_due = 1;
}

static void gc_log_event(StepRun *r, const MpEvent *ev)
{
    if (ev->kind == MP_EV_GC_START) {
        int count[MP_GC_NGENS], thr[MP_GC_NGENS];
        gc_get_count(count);
        gc_get_threshold(thr);
        int automatic = auto_due && thr[0] && count[0] > thr[0];
        auto_due = 0;
        if (r->ngc_log == STEPS_GC_LOG_MAX) {
            r->gc_log_truncated = 1;
            r->gc_open = -1;
            return;
        }
        r->gc_open = r->ngc_log++;
        r->gc_log[r->gc_open] = (GcLogEntry){ r->steps, 0, 0, 0, (int)ev->a, automatic };
    } else if (ev->kind == MP_EV_GC_DONE && r->gc_open >= 0) {
        GcLogEntry *e = &r->gc_log[r->gc_open];
        e->end = r->steps;
        e->collected = ev->a;
        e->uncollectable = ev->b;
        r->gc_open = -1;
    }
}

/* ---- births ------------------------------------------------------------------------ */

static void note_birth(const MpEvent *ev, uint64_t step)
{
    switch (ev->kind) {
    case MP_EV_ALLOC:
        note_gc_alloc(ev->obj);
        /* fall through */
    case MP_EV_FREELIST_POP:
        born_set(region_sim(ev->obj), step);
        break;
    case MP_EV_FREE:
    case MP_EV_FREELIST_PUSH:
        born_clear(region_sim(ev->obj));
        break;
    default:
        break;
    }
}

/* ---- counting ---------------------------------------------------------------------- */

static void record(StepRun *r, const StepInfo *s)
{
    if (r->want_events && (!r->target || s->step <= r->target)) {
        if (r->nevents == r->cap_events) {
            size_t cap = r->cap_events ? r->cap_events * 2 : 256;
            StepInfo *e = realloc(r->events, cap * sizeof *e);
            if (!e)
                return;
            r->events = e;
            r->cap_events = cap;
        }
        r->events[r->nevents++] = *s;
    }
}

static void at_step(StepRun *r, StepInfo *s)
{
    if (r->steps % r->bucket == 0) {
        timeline_sample(r);
        r->timeline[r->ntimeline - 1].collections += pending_collections;
        pending_collections = 0;
    }
    if (r->snapshot_every_step)
        free(snapshot_json());
    if (r->target && s->step == r->target) {
        r->reached = 1;
        r->at = *s;
        free(r->snapshot);
        r->snapshot = r->no_snapshot ? NULL : snapshot_json();
        if (r->on_reach)
            r->on_reach(r->reach_ctx);
        vm_request_stop();
    } else if (!r->target || !r->reached) {
        r->at = *s;
    }
}

static void on_event(const MpEvent *ev, void *ctx)
{
    StepRun *r = ctx;
    if (!started || r->reached || !counts(ev->kind))
        return;
    if (ev->kind == MP_EV_GC_START)
        pending_collections++;
    r->steps++;
    note_birth(ev, r->steps);
    gc_log_event(r, ev);
    StepInfo s;
    s.step = r->steps;
    s.line = cur_line;
    if (r->want_events || (r->target && r->steps == r->target)) {
        narrate(ev, &s);
    } else {
        s.kind = "event";
        s.narration[0] = '\0';
    }
    record(r, &s);
    at_step(r, &s);
}

static void on_line(MpFrame *f, int line, int nesting, void *ctx)
{
    StepRun *r = ctx;
    cur_line = line;
    started = 1;
    if (r->reached)
        return;
    r->steps++;
    r->line_steps++;
    if (r->on_progress && r->line_steps % STEPS_PROGRESS_LINES == 0)
        r->on_progress(r->steps, r->line_steps);
    StepInfo s;
    s.step = r->steps;
    s.line = line;
    s.kind = "line";
    if (r->find_dir && (!r->find_map || (line >= 0 && line < r->find_map_len && r->find_map[line]))) {
        if (r->find_dir > 0 && s.step > r->find_bound && !r->found) {
            r->found = s.step;
            r->target = s.step;    /* stop here */
        } else if (r->find_dir < 0 && s.step < r->find_bound) {
            r->found = s.step;
        }
    }
    char text[300] = "";
    if (r->want_events || (r->target && r->steps == r->target)) {
        run_source_line(line, text, sizeof text);
        snprintf(s.narration, sizeof s.narration, "Line %d runs next: %s", line, text);
    } else {
        s.narration[0] = '\0';
    }
    record(r, &s);
    at_step(r, &s);
}

static int pause_due(void *ctx)
{
    StepRun *r = ctx;
    return r->pause_at && r->steps >= r->pause_at && !r->reached;
}

void steps_begin(StepRun *r)
{
    cur = r;
    cur_line = 0;
    started = 0;
    pending_collections = 0;
    auto_due = 0;
    born_reset();
    r->ngc_log = 0;
    r->gc_log_truncated = 0;
    r->gc_open = -1;
    r->steps = r->line_steps = 0;
    r->reached = 0;
    r->bucket = 1;
    r->ntimeline = 0;
    memset(&r->at, 0, sizeof r->at);
    r->at.kind = "start";
    event_set_observer(on_event, r);
    vm_set_line_hook(on_line, r);
    vm_set_pause_check(pause_due, r);
}

void steps_end(void)
{
    event_set_observer(NULL, NULL);
    vm_set_line_hook(NULL, NULL);
    vm_set_pause_check(NULL, NULL);
    born_reset();
    cur = NULL;
}

void step_run_free(StepRun *r)
{
    free(r->snapshot);
    free(r->events);
    r->snapshot = NULL;
    r->events = NULL;
}

static void put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t nc = *cap ? *cap * 2 : 1024;
        while (nc < *len + n + 1)
            nc *= 2;
        char *b = realloc(*buf, nc);
        if (!b)
            return;
        *buf = b;
        *cap = nc;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
}

void steps_write_info(const StepInfo *s, char **buf, size_t *len, size_t *cap)
{
    char head[128];
    int n = snprintf(head, sizeof head, "{\"step\":%llu,\"line\":%d,\"kind\":\"%s\",\"narration\":\"",
                     (unsigned long long)s->step, s->line, s->kind ? s->kind : "");
    put(buf, len, cap, head, (size_t)n);
    for (const char *p = s->narration; *p; p++) {
        unsigned char c = (unsigned char)*p;
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(buf, len, cap, esc, 2);
        } else if (c < 0x20) {
            n = snprintf(esc, sizeof esc, "\\u%04x", c);
            put(buf, len, cap, esc, (size_t)n);
        } else {
            put(buf, len, cap, p, 1);
        }
    }
    put(buf, len, cap, "\"}", 2);
}

void steps_write_summary(const StepRun *r, char **buf, size_t *len, size_t *cap)
{
    char item[200];
    put(buf, len, cap, "\"timeline\":[", 12);
    for (int i = 0; i < r->ntimeline; i++) {
        const TimelinePoint *p = &r->timeline[i];
        int k = snprintf(item, sizeof item, "%s{\"step\":%llu,\"objects\":%llu,\"pymalloc_bytes\":%llu,"
                         "\"heap_bytes\":%llu,\"collections\":%u}", i ? "," : "",
                         (unsigned long long)p->step, (unsigned long long)p->objects,
                         (unsigned long long)p->pymalloc_bytes, (unsigned long long)p->heap_bytes,
                         p->collections);
        put(buf, len, cap, item, (size_t)k);
    }
    put(buf, len, cap, "],\"gc_log\":[", 12);
    for (int i = 0; i < r->ngc_log; i++) {
        const GcLogEntry *e = &r->gc_log[i];
        char end[24] = "null";
        if (e->end)
            snprintf(end, sizeof end, "%llu", (unsigned long long)e->end);
        int k = snprintf(item, sizeof item, "%s{\"generation\":%d,\"start\":%llu,\"end\":%s,"
                         "\"collected\":%lld,\"uncollectable\":%lld,\"automatic\":%s}", i ? "," : "",
                         e->generation, (unsigned long long)e->start, end, (long long)e->collected,
                         (long long)e->uncollectable, e->automatic ? "true" : "false");
        put(buf, len, cap, item, (size_t)k);
    }
    const char *t = r->gc_log_truncated ? "],\"gc_log_truncated\":true" : "],\"gc_log_truncated\":false";
    put(buf, len, cap, t, strlen(t));
}

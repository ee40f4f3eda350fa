/* steps.h — the step model (RUNTIME.md, "Steps").
 *
 * A step is a point where the debugger can stop: before a new line runs
 * (a line step) and after each memory event (allocation, free, free-list
 * reuse, buffer allocation or release, refcount change, each GC phase,
 * weakref cleared, callback, finalizer, resurrection).  Steps are numbered
 * from 1; the sequence is a pure function of (snippet, settings), so a
 * run can be replayed to any step.  The stepper counts steps during a run
 * (through the event observer and the VM's line hook) from the snippet's
 * first line on (starting the interpreter is not a step), can stop at a
 * target step and describe it — its line, its kind, a one-sentence
 * narration — and take the memory snapshot there, and keeps a coarse
 * timeline and the log of collections of the run so far.  It also records
 * the step each object is born at (born.h), and can look for a line step:
 * the first one after a step, or the last one before a step, whose line is
 * in a set (line navigation and breakpoints).
 */
#ifndef MP_STEPS_H
#define MP_STEPS_H

#include <stddef.h>
#include <stdint.h>

typedef struct StepInfo {
    uint64_t step;
    int line;
    const char *kind;        /* "line", "alloc", "free", "incref", ... */
    char narration[480];
} StepInfo;

/* One timeline bucket: the state at its last step. */
typedef struct TimelinePoint {
    uint64_t step;
    uint64_t objects, pymalloc_bytes, heap_bytes;
    uint32_t collections;    /* collections that started in this bucket */
} TimelinePoint;

enum { STEPS_TIMELINE_MAX = 512, STEPS_PROGRESS_LINES = 1 << 16 };

/* One collection: its first (gc-start) and last (gc-done) steps. */
typedef struct GcLogEntry {
    uint64_t start, end;     /* end 0: not over yet */
    int64_t collected, uncollectable;
    int generation;
    int automatic;           /* started by the allocation threshold, not by
                                gc.collect(), shutdown or a failed allocation */
} GcLogEntry;

enum { STEPS_GC_LOG_MAX = 1000 };

typedef struct StepRun {
    uint64_t target;         /* stop there (0: run to the end) */
    int want_events;         /* keep every step's StepInfo up to the target */
    int snapshot_every_step; /* take (and drop) a snapshot at every step: a test */
    int no_snapshot;         /* stop at the target without taking the snapshot */
    uint64_t pause_at;       /* pause the run at the first outermost line start
                                at or after this many steps (0: never) */
    void (*on_reach)(void *ctx);   /* called when the target step happens */
    void *reach_ctx;
    /* called every STEPS_PROGRESS_LINES line steps, even deep inside calls
     * where the run cannot pause: the page shows how far a run got and
     * where Stop should end it */
    void (*on_progress)(uint64_t steps, uint64_t line_steps);
    /* looking for a line step (find_dir != 0): +1 stops at the first line
       step > find_bound whose line is in the set; -1 keeps in `found` the
       last one < find_bound (set target to bound - 1 to stop there).  The
       set: find_map[line] != 0 for line < find_map_len; NULL is every line */
    int find_dir;
    uint64_t find_bound;
    const unsigned char *find_map;
    int find_map_len;
    uint64_t found;          /* result: the step, or 0 */
    /* results */
    uint64_t steps, line_steps;
    int reached;             /* the target step happened */
    StepInfo at;             /* the target step (or the last one) */
    char *snapshot;          /* malloc'd JSON at the target step, or NULL */
    StepInfo *events;        /* malloc'd, when want_events */
    size_t nevents, cap_events;
    TimelinePoint timeline[STEPS_TIMELINE_MAX];
    int ntimeline;
    uint64_t bucket;         /* steps per timeline point */
    GcLogEntry gc_log[STEPS_GC_LOG_MAX];
    int ngc_log;
    int gc_log_truncated;    /* more collections happened than gc_log holds */
    int gc_open;             /* the collection running: its gc_log index, or -1 */
} StepRun;

/* Starts counting steps for the run that follows (installs the observer
 * and the VM line hook); steps_end() removes them. */
void steps_begin(StepRun *r);
void steps_end(void);
void step_run_free(StepRun *r);

/* Writes the step as a JSON object: step, line, kind, narration. */
void steps_write_info(const StepInfo *s, char **buf, size_t *len, size_t *cap);
/* Writes "timeline":[...],"gc_log":[...],"gc_log_truncated":B (no braces). */
void steps_write_summary(const StepRun *r, char **buf, size_t *len, size_t *cap);

#endif

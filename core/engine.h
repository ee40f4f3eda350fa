/* engine.h — one run of a snippet under the stepper, driven step by step:
 * what the page's Web Worker (through core/wasm_api.c) and `memplay
 * trace`/`steps` use.
 *
 * engine_begin() starts the runtime and the run; engine_continue() runs
 * until the run pauses at an outermost line start (pause_at steps reached)
 * or ends.  A paused engine's whole state is in memory, so the WASM host
 * can copy memory there as a checkpoint, and later copy it back and
 * continue: time travel by re-execution from the nearest checkpoint.
 * engine_seek() runs on to a target step and takes the snapshot there;
 * engine_result_json() describes the step reached: narration, output so
 * far, timeline, log of collections, snapshot.  engine_find_line() looks
 * for a line step (line navigation, breakpoints) without snapshots.
 *
 * The timeline and the log of collections are those of the steps run so
 * far; a host that ran the whole run once keeps engine_summary_json() of
 * it and passes it to engine_result_json() so that every result carries
 * the whole run's.
 */
#ifndef MP_ENGINE_H
#define MP_ENGINE_H

#include <stddef.h>
#include <stdint.h>
#include "runtime.h"

int engine_begin(const char *src, size_t len, const MpSettings *s);   /* 0 or -1 */
int engine_continue(uint64_t pause_at);       /* 1 paused, 0 ended */
/* Runs on to `step` (from wherever the engine is, which must be before
 * it) and snapshots it: 0, or -1 if the run ended first.  flags: 1 keeps
 * every step's description up to there, 2 skips the memory snapshot. */
int engine_seek(uint64_t step, int want_events);
/* Reports progress every STEPS_PROGRESS_LINES line steps of the runs
 * begun from now on (NULL: none). */
void engine_on_progress(void (*fn)(uint64_t steps, uint64_t line_steps));
/* A test of snapshots: take (and drop) one at every step. */
void engine_snapshot_every_step(int on);
uint64_t engine_steps(void);
uint64_t engine_line_steps(void);
int engine_exit_status(void);
/* Runs on from where the engine is, without snapshots, looking for a line
 * step whose line is one of lines[0..nlines) (any line if nlines is 0).
 * direction +1: stops at the first one after step `bound` (the engine must
 * not be past `bound`).  direction -1: runs to step bound - 1 and returns
 * the last one before `bound` (only the steps run by this call count: the
 * host starts from a checkpoint, then an earlier one if none is found).
 * Returns the step, or 0 if there is none. */
uint64_t engine_find_line(int direction, uint64_t bound, const int *lines, int nlines);
/* A malloc'd JSON object: {"timeline":[...],"gc_log":[...],"gc_log_truncated":B}
 * of the steps run so far (after a whole run: of the whole run). */
char *engine_summary_json(void);
/* A malloc'd JSON text (see core/snapshot.schema.json, "trace"); `summary`
 * (from engine_summary_json, or NULL for the steps run so far) supplies
 * the timeline and the log of collections. */
char *engine_result_json(uint64_t total_steps, uint64_t total_line_steps, const char *summary);
void engine_end(void);

#endif

/* vm.h — the virtual machine: runs code objects in frames on the data
 * stack.
 *
 * Calls from Python to Python do not recurse in C: CALL pushes the new
 * frame and the loop goes on in it; RETURN_VALUE pops it and resumes the
 * caller.  C code that calls a Python function (a class calling __init__,
 * a finalizer, a weakref callback, sorted() with a key) enters the loop
 * again through vm_call(), as CPython does; the recursion limit bounds
 * both.
 */
#ifndef MP_VM_H
#define MP_VM_H

#include "object.h"
#include "frame.h"

/* Runs a module's code with the given globals; new reference to the
 * result (None) or NULL with the exception pending. */
MpObject *vm_run_module(MpObject *code, MpObject *globals);

/* The same, pausable: with a pause check set (vm_set_pause_check), the
 * run may return vm_paused at the start of a line of the outermost eval
 * loop (no C code in between, so the whole state is in memory);
 * vm_continue() goes on from there.  Both return what vm_run_module
 * would, or vm_paused. */
MpObject *vm_start_module(MpObject *code, MpObject *globals);
MpObject *vm_continue(void);
extern MpObject *const vm_paused;
void vm_set_pause_check(int (*check)(void *ctx), void *ctx);
/* Pauses every `lines` outermost line starts as well (0: never), without a
 * call per line: run_snippet's way of re-entering the loop. */
void vm_set_pause_every(uint32_t lines);

/* Calls a Python function (vectorcall convention). */
MpObject *vm_call(MpObject *func, MpObject **args, int nargs, MpObject *kwnames);

/* The builtins namespace (set by builtins.c at start-up; borrowed). */
void vm_set_builtins(MpObject *dict);
MpObject *vm_builtins(void);

int vm_recursion_limit(void);
void vm_set_recursion_limit(int limit);

/* Called before the first instruction of each new line (the step model's
 * line steps; the heap checker's "after every statement").  `nesting` is
 * the number of eval loops active: 1 when no C code is between the
 * module and this frame (so no reference is held by C locals). */
typedef void (*MpLineHook)(MpFrame *f, int line, int nesting, void *ctx);
void vm_set_line_hook(MpLineHook hook, void *ctx);

/* The exception being handled (sys.exc_info()), borrowed or NULL. */
MpObject *vm_exc_info(void);

/* Imports one of memplay's modules by name (new reference). */
typedef MpObject *(*MpImporter)(MpObject *name);
void vm_set_importer(MpImporter imp);

/* The step cap (0: none); once reached, vm_stopped() is true and every
 * frame unwinds with an exception no handler sees. */
void vm_set_step_cap(uint64_t cap);
int vm_stopped(void);
/* Stops the run at the next line start, as the step cap does. */
void vm_request_stop(void);
uint64_t vm_line_count(void);

void vm_reset(void);
void vm_visit_roots(MpVisit visit, void *arg);

#endif

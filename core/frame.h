/* frame.h — interpreter frames in the data stack, and frame objects.
 *
 * As in CPython 3.11, a call pushes an MpFrame (_PyInterpreterFrame) onto
 * the data stack (datastack.h): a fixed 72-byte header and one 8-byte slot
 * per local, cell and value-stack entry.  The frame owns one reference to
 * each non-NULL slot, to its function, globals and code.  A heap frame
 * object (MpFrameObject) is made only when something asks for one (a
 * traceback, sys._getframe, a generator); it then refers to the frame.
 *
 * The frame chain is a root for the heap checker and for snapshots.
 */
#ifndef MP_FRAME_H
#define MP_FRAME_H

#include "object.h"
#include "datastack.h"
#include "memops.h"
#include "err.h"

enum {
    MP_FRAME_HEADER_SIZE = 72,    /* _PyInterpreterFrame before localsplus */
    MP_FRAME_OBJECT_SIZE = 120,   /* PyFrameObject basicsize in 3.11; + 8 per slot */
};

enum {
    MP_FRAME_ENTRY = 1,      /* the VM returns to C when this frame returns */
    MP_FRAME_GEN = 2,        /* lives inside a generator object, not the data stack */
    MP_FRAME_CLEARED = 4,    /* its references are released (a finished generator) */
};

typedef struct MpFrame {
    MpObject *func;       /* function being run (NULL for module code) */
    MpObject *globals;
    MpObject *code;
    struct MpFrameObject *frame_obj;   /* heap frame object, if made */
    struct MpFrame *previous;
    MpObject *locals;     /* class bodies: the namespace dict */
    int32_t nlocalsplus, stacktop, stacksize, lineno;
    int32_t pc;           /* next instruction */
    int32_t flags;        /* MP_FRAME_* */
    MpObject *localsplus[];   /* locals + cells, then the value stack */
} MpFrame;

typedef struct MpFrameObject {
    MpObject ob;
    struct MpFrameObject *back;  /* owned */
    MpFrame *frame;              /* NULL once the frame has returned */
    int32_t lineno, nslots;
    MpObject *name;              /* function name, kept after return */
    int32_t nowned;
    MpObject *owned[];           /* the locals, taken over when the frame
                                    returned while something held this object
                                    (a traceback): they stay alive with it */
} MpFrameObject;

extern MpType MpFrame_Type;

/* Generator frames enter and leave the chain as they resume and yield. */
void frame_link(MpFrame *f);
void frame_unlink(MpFrame *f);
MpFrame *frame_top(void);
extern MpFrame *frame_chain_top;   /* the running frame (frame_top) */
extern int frame_depth_count;      /* frames in the chain */
void frame_release_object(MpFrame *f);   /* frame_clear's frame-object part */

/* Push, clear and pop are inline: every call and return of a Python
 * function does them, and in WASM a call costs a spill of everything the
 * caller holds in registers. */

/* Pushes a frame with `nlocalsplus` locals/cells and room for `stacksize`
 * values; slots start NULL.  func/globals/code are borrowed (the frame
 * takes its own references).  NULL with MemoryError on failure. */
static inline __attribute__((always_inline)) MpFrame *frame_push(MpObject *func, MpObject *globals, MpObject *code,
                                  int nlocalsplus, int stacksize)
{
    MpFrame *f = ds_push(MP_FRAME_HEADER_SIZE + 8 * (size_t)(nlocalsplus + stacksize));
    if (!f) {
        err_no_memory();
        return NULL;
    }
    f->frame_obj = NULL;
    f->locals = NULL;
    f->lineno = 0;
    f->pc = 0;
    f->flags = 0;
    f->nlocalsplus = nlocalsplus;
    f->stacksize = stacksize;
    f->stacktop = nlocalsplus;
    /* the locals start empty; value-stack slots are written by each push
     * before stacktop covers them (as in CPython, which clears only the
     * locals) */
    mem_zero(f->localsplus, (size_t)nlocalsplus * sizeof(MpObject *));
    f->func = func ? mp_newref(func) : NULL;
    f->globals = globals ? mp_newref(globals) : NULL;
    f->code = code ? mp_newref(code) : NULL;
    f->previous = frame_chain_top;
    frame_chain_top = f;
    frame_depth_count++;
    return f;
}

/* Releases a frame's references without touching the chain: its frame
 * object, the value stack and locals from the top down, then its
 * namespace, code, globals and function. */
static inline __attribute__((always_inline)) void frame_clear_inline(MpFrame *f)
{
    if (f->frame_obj)
        frame_release_object(f);
    for (int i = f->stacktop; i-- > 0;)
        MP_CLEAR(f->localsplus[i]);
    f->stacktop = 0;
    MP_CLEAR(f->locals);
    MP_CLEAR(f->code);
    MP_CLEAR(f->globals);
    MP_CLEAR(f->func);
    f->flags |= MP_FRAME_CLEARED;
}
static inline void frame_clear(MpFrame *f) { frame_clear_inline(f); }

/* Releases the slots (last to first) and pops the frame (a generator's
 * frame is only unlinked from the chain: its memory is the generator's).
 * The eval loop's return takes the inline copy: a function's every return
 * does it. */
static inline __attribute__((always_inline)) void frame_pop_inline(MpFrame *f)
{
    frame_chain_top = f->previous;
    frame_depth_count--;
    frame_clear_inline(f);
    if (!(f->flags & MP_FRAME_GEN))
        ds_pop(f);
    else
        f->previous = NULL;
}
static inline void frame_pop(MpFrame *f) { frame_pop_inline(f); }
static inline int frame_depth(void) { return frame_depth_count; }
uint64_t frame_bytes(const MpFrame *f);   /* CPython bytes in the data stack */

/* Value stack of the top frame. */
void frame_stack_push(MpFrame *f, MpObject *v);   /* steals v */
MpObject *frame_stack_pop(MpFrame *f);           /* returns the owned ref */

/* The heap frame object for f (made on demand): new reference. */
MpObject *frame_object(MpFrame *f);

/* Visits every reference held by the frame chain (checker root). */
void frame_visit_roots(MpVisit visit, void *arg);

void frame_reset(void);

#endif

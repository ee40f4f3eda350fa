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

/* Pushes a frame with `nlocalsplus` locals/cells and room for `stacksize`
 * values; slots start NULL.  func/globals/code are borrowed (the frame
 * takes its own references).  NULL with MemoryError on failure. */
MpFrame *frame_push(MpObject *func, MpObject *globals, MpObject *code,
                    int nlocalsplus, int stacksize);
/* Releases the slots (last to first) and pops the frame (a generator's
 * frame is only unlinked from the chain: its memory is the generator's). */
void frame_pop(MpFrame *f);
/* Releases a frame's references without touching the chain. */
void frame_clear(MpFrame *f);
/* Generator frames enter and leave the chain as they resume and yield. */
void frame_link(MpFrame *f);
void frame_unlink(MpFrame *f);
MpFrame *frame_top(void);
extern int frame_depth_count;   /* frames in the chain */
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
